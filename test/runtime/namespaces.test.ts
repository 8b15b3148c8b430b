import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { KeyCache } from '../../generated/runtime/compile.js';
import { declaredPrefix, NamespaceScope, XML_NS } from '../../generated/runtime/namespaces.js';

/*
 * The reader's namespace scope (templates/runtime/namespaces.ts), which replaces saxes' own
 * resolution: bindings per element, undone when it ends, and the constraints of Namespaces in
 * XML 1.0 (sections 3 and 5) refused with the messages saxes gives for them (saxes judges).
 */
function scope(mapUri: (uri: string) => string = (u) => u) {
  return new NamespaceScope(new KeyCache(), mapUri, (message) => {
    throw new Error(message);
  });
}

describe('declaredPrefix', () => {
  it('tells namespace declarations from other attributes', () => {
    expect(['xmlns', 'xmlns:t', 'xmlnsx', 'x:xmlns', 'Id'].map(declaredPrefix)).toEqual([
      '',
      't',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('NamespaceScope', () => {
  it('resolves element and attribute names by the bindings in effect, and restores them when the element ends', () => {
    const s = scope();
    const outer = s.mark();
    s.declare('', 'urn:a');
    s.declare('t', 'urn:t');
    expect(s.element('Item')).toMatchObject({ ns: 'urn:a', local: 'Item' });
    expect(s.attribute('t:Id')).toMatchObject({ ns: 'urn:t', local: 'Id' });
    const inner = s.mark();
    expect(s.declare('t', 'urn:t')).toBe(false); // the same binding again changes nothing
    expect(s.declare('t', 'urn:other')).toBe(true);
    expect(s.element('t:X').ns).toBe('urn:other');
    expect(s.leave(inner)).toBe(true);
    expect(s.element('t:X').ns).toBe('urn:t');
    s.leave(outer);
    expect(s.element('Item').ns).toBe('');
    expect(s.resolve('xml')).toBe(XML_NS);
  });

  it('maps a namespace as written to the one it stands for', () => {
    const s = scope((u) => u.replace('https://', 'http://'));
    s.declare('m', 'https://schemas.microsoft.com/exchange/services/2006/messages');
    expect(s.element('m:GetItem').ns).toBe('http://schemas.microsoft.com/exchange/services/2006/messages');
  });

  // Each case: what the reader asks of the scope for a document, and the document, whose error
  // saxes (namespaces on) reports; the messages must be the same.
  it.each([
    ['<a xmlns:xmlns="urn:x"/>', (s: NamespaceScope) => s.declare('xmlns', 'urn:x')],
    ['<a xmlns:xml="urn:x"/>', (s: NamespaceScope) => s.declare('xml', 'urn:x')],
    ['<a xmlns:p=""/>', (s: NamespaceScope) => s.declare('p', '')],
    [`<a xmlns:p="${XML_NS}"/>`, (s: NamespaceScope) => s.declare('p', XML_NS)],
    [
      '<a xmlns="http://www.w3.org/2000/xmlns/"/>',
      (s: NamespaceScope) => s.declare('', 'http://www.w3.org/2000/xmlns/'),
    ],
    ['<q:X/>', (s: NamespaceScope) => s.element('q:X')],
    ['<xmlns:X/>', (s: NamespaceScope) => s.element('xmlns:X')],
    ['<a:b:c xmlns:a="u"/>', (s: NamespaceScope) => s.element('a:b:c')],
  ])('refuses what Namespaces in XML forbids, as saxes does: %s', (xml, f) => {
    const parser = new SaxesParser({ xmlns: true });
    let expected = '';
    parser.on('error', (e) => {
      expected ||= e.message.replace(/^\d+:\d+: /, '');
    });
    parser.write(xml).close();
    expect(expected).not.toBe('');
    expect(() => f(scope())).toThrow(expected);
  });
});
