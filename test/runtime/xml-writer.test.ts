import { describe, expect, it } from 'vitest';
import { EwsXmlError } from '../../generated/runtime/errors.js';
import { XmlWriter } from '../../generated/runtime/xml-writer.js';

/*
 * The generic writer's markup (xml-writer.ts): an element with nothing in it ends as `/>`, one
 * with an empty text does not; the writer's prefixes are declared on the root, any other
 * namespace as the default where it starts; a value XML cannot carry names where it was to go.
 */
const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
const writer = () => new XmlWriter(new Map([[T, 't']]));

describe('XmlWriter', () => {
  it('ends an empty element as `/>`, and one with empty text with its end tag', () => {
    const w = writer();
    w.start(T, 'Items', true);
    w.start(T, 'Message');
    w.attribute('Id', 'a&"b');
    w.end();
    w.start(T, 'Subject');
    w.text('');
    w.end();
    w.end();
    expect(w.toString()).toBe(
      `<t:Items xmlns:t="${T}"><t:Message Id="a&amp;&quot;b"/><t:Subject></t:Subject></t:Items>`,
    );
  });

  it('declares a namespace without a prefix of its own as the default where it starts', () => {
    const w = writer();
    w.start(T, 'Root', true);
    w.start('urn:other', 'x');
    w.attribute('lang', 'en', 'http://www.w3.org/XML/1998/namespace');
    w.start('urn:other', 'y');
    w.end();
    w.end();
    w.end();
    expect(w.toString()).toBe(`<t:Root xmlns:t="${T}"><x xmlns="urn:other" xml:lang="en"><y/></x></t:Root>`);
  });

  it('refuses a value XML 1.0 cannot carry, naming the element and attribute', () => {
    const w = writer();
    w.start(T, 'Message', true);
    expect(() => w.attribute('Id', 'a\u0001')).toThrow(EwsXmlError);
    expect(() => w.attribute('Id', 'a\u0001')).toThrow('/t:Message/@Id: U+0001 (at character 1)');
    expect(() => w.text('\uFFFF')).toThrow('/t:Message: U+FFFF (at character 0)');
  });
});
