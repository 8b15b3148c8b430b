import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compiled } from '../../generated/ews/schema.js';
import { EwsXmlError, readXml, writeDocument } from '../../generated/runtime/index.js';

const require = createRequire(import.meta.url);
const payloads = require('../../../shared/bench/gen-payloads.js') as { makeFindItem(n: number): unknown; renderFindItem(m: unknown): string };
const findItem10 = payloads.renderFindItem(payloads.makeFindItem(10));
const T = 'http://schemas.microsoft.com/exchange/services/2006/types';

/** Reads strictly and returns the error, checking it is one clear EwsXmlError that came fast. */
function refusal(xml: string, options = {}): EwsXmlError {
  const start = performance.now();
  let error: unknown;
  try {
    readXml(compiled, xml, options);
  } catch (e) {
    error = e;
  }
  expect(performance.now() - start).toBeLessThan(1000);
  expect(error).toBeInstanceOf(EwsXmlError);
  expect((error as Error).message.split('\n')).toHaveLength(1);
  return error as EwsXmlError;
}

describe('hostile input ends within a second with one clear error', () => {
  it('refuses a DOCTYPE: billion laughs', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>&lol9;</s:Body></s:Envelope>`;
    expect(refusal(lol).message).toMatch(/DOCTYPE is not allowed/);
  });

  it('refuses a DOCTYPE: an external entity never reaches the value', () => {
    const xxe = findItem10.replace('<s:Envelope', '<!DOCTYPE s:Envelope [<!ENTITY host SYSTEM "file:///etc/hostname">]><s:Envelope').replace(/<t:Subject>[^<]*<\/t:Subject>/, '<t:Subject>&host;</t:Subject>');
    const e = refusal(xxe);
    expect(e.message).toMatch(/DOCTYPE is not allowed/);
  });

  it('stops 100,000 nested elements at the depth limit', () => {
    const depth = 100_000;
    // Inside a SOAP header from another namespace, which passes through: nothing stops it but the limit.
    const deep = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>' + '<x>'.repeat(depth) + '</x>'.repeat(depth) + '</s:Header><s:Body><m:DisconnectPhoneCall xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:PhoneCallId Id="x"/></m:DisconnectPhoneCall></s:Body></s:Envelope>';
    expect(deep.length).toBeGreaterThan(700_000);
    expect(refusal(deep).message).toMatch(/nest deeper than 256/);
    const shallower = deep.replace('<x>'.repeat(depth), '<x>'.repeat(40)).replace('</x>'.repeat(depth), '</x>'.repeat(40));
    expect(refusal(shallower, { maxDepth: 32 }).message).toMatch(/nest deeper than 32/);
    expect(() => readXml(compiled, shallower)).not.toThrow();
  });

  it('refuses a truncated response instead of returning the items read so far', () => {
    const cut = findItem10.slice(0, Math.floor(findItem10.length * 0.6));
    expect(refusal(cut).message).toMatch(/not well-formed XML: unclosed tag|the document ended early/);
  });

  it('refuses a missing ResponseClass, a missing ItemId/@Id, NoErrorX, TotalItemsInView="abc", an unknown element', () => {
    const cases: [string, string, RegExp][] = [
      [findItem10.replace(' ResponseClass="Success"', ''), '/@ResponseClass', /missing required attribute ResponseClass/],
      [findItem10.replace(/<t:ItemId Id="[^"]*"/, '<t:ItemId'), 't:ItemId/@Id', /missing required attribute Id/],
      [findItem10.replace('<m:ResponseCode>NoError<', '<m:ResponseCode>NoErrorX<'), 'm:ResponseCode', /"NoErrorX" is not a value of ResponseCodeType/],
      [findItem10.replace(/TotalItemsInView="\d+"/, 'TotalItemsInView="abc"'), '/@TotalItemsInView', /"abc" is not an xs:int/],
      [findItem10.replace('<t:Subject>', '<t:Subjekt>x</t:Subjekt><t:Subject>'), 't:Subjekt', /unexpected element t:Subjekt/],
    ];
    for (const [xml, pathEnd, message] of cases) {
      const e = refusal(xml);
      expect(e.path).toMatch(/^\/s:Envelope\/s:Body\/m:FindItemResponse\//);
      expect(e.path.endsWith(pathEnd)).toBe(true);
      expect(e.message).toMatch(message);
      expect(e.line).toBeGreaterThan(0);
    }
  });

  it('refuses a bad value or element in the last item as in the first, with its path and line', () => {
    // After the first item the reader knows which element comes next, and reads a value of
    // simple type without the tokenizer's three steps (TokenHandlers.leaf): its errors must
    // not change.
    const lines = findItem10.replaceAll('<t:Message>', '\n<t:Message>');
    const last = lines.lastIndexOf('<t:Message>');
    const cases: [(item: string) => string, RegExp][] = [
      [(item) => item.replace(/<t:Size>\d+</, '<t:Size>big<'), /"big" is not an xs:int/],
      [(item) => item.replace(/<t:IsRead>\w+</, '<t:IsRead>yes<'), /"yes" is not an xs:boolean/],
      [(item) => item.replace(/<t:Sensitivity>\w+</, '<t:Sensitivity>Secret<'), /"Secret" is not a value of SensitivityChoicesType/],
      [(item) => item.replace(/(<t:Size>\d+<\/t:Size>)/, '$1$1'), /element t:Size is not allowed here/],
    ];
    for (const [spoil, message] of cases) {
      const inFirst = refusal(spoil(lines));
      const inLast = refusal(lines.slice(0, last) + spoil(lines.slice(last)));
      expect(inFirst.message).toMatch(message);
      const lineOf = (at: number) => lines.slice(0, at).split('\n').length;
      expect([inFirst.line, inLast.line]).toEqual([2, lineOf(last)]);
      expect(inLast.line).toBeGreaterThan(2);
      expect(inLast.message.replace(`(line ${inLast.line})`, '')).toBe(inFirst.message.replace('(line 2)', ''));
      expect(inLast.path).toBe(inFirst.path);
      expect(inFirst.path).toMatch(/\/t:Message\/t:\w+$/);
    }
  });

  // saxes runs without its xmlns option (the reader resolves names itself, much faster), so the
  // Namespaces in XML constraints are the reader's to enforce.
  it('refuses XML that breaks the Namespaces in XML constraints', () => {
    const cases: [string, RegExp][] = [
      [findItem10.replace('<t:Subject>', '<q:Subject>'), /not well-formed XML: unbound namespace prefix: "q"/],
      [findItem10.replace('<t:ItemId ', '<t:ItemId q:x="1" '), /unbound namespace prefix: "q"/],
      [findItem10.replace('<t:ItemId ', '<t:ItemId xmlns:q="" '), /invalid attempt to undefine prefix/],
      [findItem10.replace('<t:ItemId ', '<t:ItemId xmlns:xml="urn:x" '), /xml prefix must be bound/],
      [findItem10.replace('<t:ItemId ', `<t:ItemId xmlns:q="http://www.w3.org/2000/xmlns/" `), /may not assign a prefix/],
      [findItem10.replace('<t:ItemId ', '<t:ItemId xmlns:a="urn:x" xmlns:b="urn:x" a:y="1" b:y="2" '), /duplicate attribute: \{urn:x\}y/],
      [findItem10.replace('<t:Subject>', '<xmlns:Subject>'), /tags may not have "xmlns" as prefix/],
      [findItem10.replace('<t:Subject>', '<t:Sub:ject>'), /malformed name: t:Sub:ject/],
      // A declaration ends with its element: the next sibling cannot use it.
      [findItem10.replace('<t:Subject>', `<t:Subject xmlns:z="${T}">`).replace('<t:Sensitivity>', '<z:Sensitivity>').replace('</t:Sensitivity>', '</z:Sensitivity>'), /unbound namespace prefix: "z"/],
    ];
    for (const [xml, message] of cases) expect(refusal(xml).message).toMatch(message);
  });

  it('reads any spelling of the same names alike: default namespace, other prefixes, repeated and nested declarations', () => {
    const expected = readXml(compiled, findItem10).value;
    const spellings = [
      findItem10.replace(/<t:Message>/g, `<t:Message xmlns:t="${T}">`),
      findItem10.replace(/<(\/?)t:Subject>/g, `<$1Subject>`).replace(/<Subject>/g, `<Subject xmlns="${T}">`),
      findItem10.replace(/<t:Message>/g, `<Message xmlns="${T}">`).replace(/<\/t:Message>/g, '</Message>'),
      findItem10.replace(/<t:Items>/, `<t:Items xmlns:u="${T}">`).replace(/<(\/?)t:ItemClass>/g, '<$1u:ItemClass>'),
      findItem10.replace(/<t:Items>/, `<t:Items xmlns:m="${T}">`).replace(/<(\/?)t:Subject>/g, '<$1m:Subject>'),
    ];
    for (const xml of spellings) expect(readXml(compiled, xml).value).toEqual(expected);
    // The reader guesses each child's name from the element before (see read.ts): a prefix
    // rebound where the same names came before must still be seen.
    const second = findItem10.indexOf('<t:ItemId ', findItem10.indexOf('<t:ItemId ') + 1);
    const rebound = findItem10.slice(0, second) + '<t:ItemId xmlns:t="urn:elsewhere" ' + findItem10.slice(second + '<t:ItemId '.length);
    expect(refusal(rebound).message).toMatch(/unexpected element t:ItemId/);
  });

  it('refuses namespaces rewritten to https:// naming https, reads them only when asked, and never writes https', () => {
    const https = findItem10.replaceAll('http://schemas.microsoft.com/', 'https://schemas.microsoft.com/');
    const e = refusal(https);
    expect(e.message).toMatch(/namespace https:\/\/schemas\.microsoft\.com\/exchange\/services\/2006\/\w+ uses https: Exchange only accepts http:\/\//);
    const doc = readXml(compiled, https, { acceptHttpsNamespaces: true });
    const out = writeDocument(compiled, doc);
    expect(out).not.toContain('https://');
    expect(out).toBe(writeDocument(compiled, readXml(compiled, findItem10)));
  });

  it('keeps unknown elements from newer servers in lenient mode, and writes them back after the known content', () => {
    const newer = findItem10.replace('<t:Subject>', '<t:FutureProperty Kind="x">v</t:FutureProperty><t:Subject>');
    expect(refusal(newer).message).toMatch(/unexpected element t:FutureProperty/);
    const doc = readXml(compiled, newer, { strict: false });
    expect(writeDocument(compiled, doc)).toContain('<t:FutureProperty Kind="x">v</t:FutureProperty></t:Message>');
  });
});
