import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { attributeStart, bytesOf, LARGE_TEXT, markupOf, NotXmlError, tag, XmlBytes } from '../../generated/runtime/xml-bytes.js';

/*
 * The byte output of the writers (xml-bytes.ts), judged by saxes and the platform's TextDecoder
 * (fatal: no byte sequence it would have to replace): whatever string of XML characters is
 * written reads back exactly, line ends and tabs included, which XML's end-of-line and attribute
 * value normalisation would otherwise turn into other characters; and the bytes are those of
 * the string with XML's escapes, however the buffer grows.
 */

const decoder = new TextDecoder('utf-8', { fatal: true });
const decode = (b: Uint8Array) => decoder.decode(b);

/** XML's escapes as the writers make them: only what must be, and what normalisation would change. */
const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
const escapeAttribute = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');

function readBack(xml: string): { text: string; attribute: string } {
  const parser = new SaxesParser();
  let text = '';
  let attribute = '';
  parser.on('opentag', (t) => {
    attribute = t.attributes['A'] as string;
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return { text, attribute };
}

/** Characters XML 1.0 allows, the troublesome ones weighted in. */
const xmlChar = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', ']', ' ', ']]>'),
  fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);
const xmlText = fc.array(xmlChar, { maxLength: 40 }).map((cs) => cs.join(''));

describe('XmlBytes', () => {
  it('writes any string of XML characters so that a parser reads it back unchanged, as UTF-8', () => {
    fc.assert(
      fc.property(xmlText, xmlText, (text, value) => {
        const written = () => {
          const o = new XmlBytes();
          o.put(tag('t:X').start);
          o.put(attributeStart('A'));
          o.attribute(value);
          o.put(markupOf('">'));
          o.text(text);
          o.put(tag('t:X').close);
          return o;
        };
        const xml = decode(bytesOf(written()));
        expect(readBack(xml)).toEqual({ text, attribute: value });
        expect(xml).toBe(`<t:X A="${escapeAttribute(value)}">${escapeText(text)}</t:X>`);
        expect(written().toString()).toBe(xml);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves what needs no escape as it is: an apostrophe, `]]>` escaped only by its `>`', () => {
    const o = new XmlBytes();
    o.attribute("it's");
    o.text('a]]>b');
    expect(decode(bytesOf(o))).toBe("it'sa]]&gt;b");
  });

  it('grows its buffer in the middle of a value, escapes included', () => {
    const text = 'é<&>\u{1F600}x'.repeat(20000);
    const o = new XmlBytes();
    o.text(text);
    o.text(text);
    expect(decode(bytesOf(o))).toBe(escapeText(text).repeat(2));
  });

  it('refuses what XML 1.0 or UTF-8 cannot carry, saying which character and where', () => {
    const cases: [string, RegExp][] = [
      ['ab\u0001', /U\+0001 \(at character 2\)/],
      ['\uFFFE', /U\+FFFE \(at character 0\)/],
      ['x\uD800', /a lone surrogate \(at character 1\)/],
      ['x\uDC00y', /a lone surrogate \(at character 1\)/],
      ['\uD800\uD800\uDC00', /a lone surrogate \(at character 0\)/],
    ];
    for (const [s, message] of cases) {
      expect(() => new XmlBytes().text(s)).toThrow(NotXmlError);
      expect(() => new XmlBytes().attribute(s)).toThrow(message);
    }
    // A tab, a line feed and a carriage return are characters of XML: escaped where they must be.
    const o = new XmlBytes();
    o.attribute('\t\n\r');
    o.text('\t\n\r');
    expect(decode(bytesOf(o))).toBe('&#x9;&#xA;&#xD;\t\n&#xD;');
  });

  it('keeps a large text apart, as a string, when asked to, and rewinds past it', () => {
    const large = 'QUJD'.repeat(LARGE_TEXT / 4) + '<';
    const write = (then: (o: XmlBytes, mark: number) => void) => {
      const o = new XmlBytes(true);
      o.put(markupOf('<a>'));
      const mark = o.mark();
      o.text(large);
      then(o, mark);
      o.put(markupOf('</a>'));
      return o;
    };
    expect(
      write(() => {})
        .lend()
        .map((p) => (typeof p === 'string' ? p.length : decode(p))),
    ).toEqual(['<a>', large.length + 3, '</a>']);
    expect(decode(bytesOf(write(() => {})))).toBe(`<a>${large.slice(0, -1)}&lt;</a>`);
    const rewound = write((o, mark) => {
      o.rewind(mark);
      o.text('small');
    });
    expect(rewound.lend().map((p) => (typeof p === 'string' ? p : decode(p)))).toEqual(['<a>small</a>']);
    expect(() => new XmlBytes(true).text(large + '\u0002')).toThrow(NotXmlError);
  });

  it('writes markup of any length a word at a time, exactly, across the growth of its buffer', () => {
    // Names of 1 to 9 characters (every length modulo 4), non-ASCII ones included, between texts.
    const name = fc.stringMatching(/^[a-zA-Zé\u4e2d][a-z0-9.\-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 5 })), { maxLength: 3000 }), (pairs) => {
        const o = new XmlBytes();
        let expected = '';
        for (const [n, text] of pairs) {
          o.put(markupOf(`<${n}>`));
          o.text(text.replace(/[^\x20-\x7e]/g, ''));
          expected += `<${n}>` + escapeText(text.replace(/[^\x20-\x7e]/g, ''));
        }
        o.put(markupOf('/>'));
        expect(decode(bytesOf(o))).toBe(expected + '/>');
      }),
      { numRuns: 60 },
    );
  });

  it('lends its result without a copy, and its buffer goes to the next output only once released', () => {
    const first = new XmlBytes();
    first.text('x'.repeat(100_000));
    const [lent] = first.lend() as [Uint8Array];
    expect(lent.length).toBe(100_000);
    // Not released: the next output has a buffer of its own, and the lent bytes stay as they were.
    const second = new XmlBytes();
    second.text('y'.repeat(100_000));
    expect((second.lend()[0] as Uint8Array).buffer).not.toBe(lent.buffer);
    expect(decode(lent)).toBe('x'.repeat(100_000));
    first.release();
    first.release(); // a second release gives nothing twice
    const third = new XmlBytes();
    const fourth = new XmlBytes();
    third.text('z');
    fourth.text('w');
    const bufferOf = (o: XmlBytes) => (o.lend()[0] as Uint8Array).buffer;
    expect([bufferOf(third) === lent.buffer, bufferOf(fourth) === lent.buffer]).toEqual([true, false]);
  });

  it('hands its buffer to the next output once its result is taken, and starts afresh if written again', () => {
    const first = new XmlBytes();
    first.text('x'.repeat(100_000));
    const bytes = bytesOf(first);
    const next = new XmlBytes();
    next.text('y');
    first.text('z');
    expect([decode(bytes).length, decode(bytesOf(next)), decode(bytesOf(first))]).toEqual([100_000, 'y', 'z']);
  });
});
