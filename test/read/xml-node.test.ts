import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../generator/errors.js';
import { parseXmlDocument, XML_NS } from '../../generator/read/xml-node.js';

describe('parseXmlDocument', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const root = parseXmlDocument('\uFEFF<?xml version="1.0"?><a xmlns="urn:x"/>', 'a.xml');
    expect(root).toMatchObject({ ns: 'urn:x', local: 'a' });
  });

  it('records the line and column of the < that opens each element', () => {
    const root = parseXmlDocument('<a>\n  <b x="1"/>\n\t<c>t</c></a>', 'a.xml');
    expect(root.at).toEqual({ file: 'a.xml', line: 1, column: 1 });
    expect(root.children.map((c) => [c.local, c.at.line, c.at.column])).toEqual([
      ['b', 2, 3],
      ['c', 3, 2],
    ]);
  });

  it('gives each element its children in document order, nested to any depth', () => {
    const root = parseXmlDocument('<a><b><c/><d><e/></d></b><f/><g>t<h/></g></a>', 'a.xml');
    const shape = (n: typeof root): unknown => [n.local, ...n.children.map(shape)];
    expect(shape(root)).toEqual(['a', ['b', ['c'], ['d', ['e']]], ['f'], ['g', ['h']]]);
    expect(root.children[2]!.text).toBe('t');
  });

  it('leaves the text out when asked to (a set only compared reads no documentation)', () => {
    const doc = '<a>x<b>y<![CDATA[z]]></b></a>';
    expect(parseXmlDocument(doc, 'a.xml').children[0]!.text).toBe('yz');
    const bare = parseXmlDocument(doc, 'a.xml', false);
    expect([bare.text, bare.children[0]!.text, bare.children[0]!.local]).toEqual(['', '', 'b']);
  });

  it('keeps the prefixes in scope, xml: included, for QName-valued attributes', () => {
    const root = parseXmlDocument('<a xmlns:t="urn:t"><b xmlns:u="urn:u" ref="t:x"/></a>', 'a.xml');
    expect(root.children[0]!.scope).toMatchObject({ t: 'urn:t', u: 'urn:u', xml: XML_NS });
    expect(root.children[0]!.attrs).toEqual({ ref: 't:x' });
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', () => {
    const doc = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<a>&x;</a>';
    expect(() => parseXmlDocument(doc, 'evil.xsd')).toThrow(/DOCTYPE is not allowed/);
    try {
      parseXmlDocument(doc, 'evil.xsd');
    } catch (e) {
      expect((e as SchemaError).at.file).toBe('evil.xsd');
      expect((e as SchemaError).at.line).toBe(2);
    }
  });

  it('reports an unclosed tag with the place where the document ended', () => {
    let error: unknown;
    try {
      parseXmlDocument('<a>\n  <b>\n</a>', 'broken.xsd');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).format()).toMatch(/^broken\.xsd:3:\d+: malformed XML: unexpected close tag/);
  });
});
