import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText } from '../../generated/runtime/xml-writer.js';

/*
 * Escaping, judged by saxes (an independent XML parser): whatever string of XML characters we
 * escape reads back exactly, line ends and tabs included, which XML's end-of-line and attribute
 * value normalisation would otherwise turn into other characters.
 */
function readBack(xml: string): { text: string; attribute: string } {
  const parser = new SaxesParser();
  let text = '';
  let attribute = '';
  parser.on('opentag', (tag) => {
    if (tag.name === 'a') attribute = tag.attributes['v'] as string;
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
  fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', ']', ' '),
  fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);

describe('escapeText and escapeAttribute', () => {
  it('write any string of XML characters so that a parser reads it back unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(xmlChar, { maxLength: 30 }).map((cs) => cs.join('')),
        (s) => {
          const back = readBack(`<a v="${escapeAttribute(s)}">${escapeText(s)}</a>`);
          expect(back).toEqual({ text: s, attribute: s });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leave strings without special characters as they are (the common case costs nothing)', () => {
    expect(escapeText('Hello, world')).toBe('Hello, world');
    expect(escapeAttribute("it's")).toBe("it's");
    expect(escapeText('a]]>b')).toBe('a]]&gt;b');
    expect(escapeAttribute('a\tb\nc')).toBe('a&#x9;b&#xA;c');
  });
});
