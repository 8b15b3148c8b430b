import { describe, expect, it } from 'vitest';
import { CompiledSchema } from '../../generated/runtime/compile.js';
import { readXml } from '../../generated/runtime/read.js';
import type { ComplexDesc, GlobalElementDesc } from '../../generated/runtime/schema.js';
import { writeDocument, writeElementDocument } from '../../generated/runtime/soap.js';

/*
 * The reader and the generic writer on descriptors written inline: what a document becomes,
 * and back, without any generated schema.
 */
const NS = 'urn:test';
const Base$: ComplexDesc = {
  kind: 'complex',
  name: 'Base',
  ns: NS,
  attributes: [{ name: 'Id', type: 'xs:int', required: true }],
  content: {
    group: 'sequence',
    items: [
      { el: 'Name', ns: NS, type: 'xs:string' },
      { el: 'Tag', ns: NS, type: 'xs:boolean', min: 0, max: Infinity, array: true },
    ],
  },
};
const Derived$: ComplexDesc = {
  kind: 'complex',
  name: 'Derived',
  ns: NS,
  base: () => Base$,
  content: { group: 'sequence', items: [{ el: 'Extra', ns: NS, type: 'xs:string', min: 0 }] },
};
const Root$: ComplexDesc = {
  kind: 'complex',
  name: 'Root',
  ns: NS,
  content: { group: 'sequence', items: [{ el: 'Item', ns: NS, type: () => Base$, derived: () => [Derived$] }] },
};
const Root: GlobalElementDesc = { el: 'Root', ns: NS, type: () => Root$ };
const schema = new CompiledSchema({ namespaces: { t: NS }, elements: { 't:Root': Root } });

describe('reading and writing with inline descriptors', () => {
  it('reads values of the declared shape and writes them back', () => {
    const xml = '<t:Root xmlns:t="urn:test"><t:Item Id="7"><t:Name>a &amp; b</t:Name><t:Tag>true</t:Tag><t:Tag>0</t:Tag></t:Item></t:Root>';
    const doc = readXml(schema, xml);
    expect(doc.element).toBe('t:Root');
    expect(doc.value).toEqual({ Item: { Id: 7, Name: 'a & b', Tag: [true, false] } });
    expect(writeDocument(schema, doc)).toBe(
      '<t:Root xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="urn:test"><t:Item Id="7"><t:Name>a &amp; b</t:Name><t:Tag>true</t:Tag><t:Tag>false</t:Tag></t:Item></t:Root>',
    );
  });

  it('reads xsi:type as $type and writes $type as xsi:type, for the types the element lists', () => {
    const value = { Item: { $type: 'Derived', Id: 1, Name: 'n', Extra: 'e' } };
    const xml = writeElementDocument(schema, 't:Root', value);
    expect(xml).toContain('<t:Item xsi:type="t:Derived" Id="1"><t:Name>n</t:Name><t:Extra>e</t:Extra></t:Item>');
    expect(readXml(schema, xml).value).toEqual(value);
    expect(() => writeElementDocument(schema, 't:Root', { Item: { $type: 'Root', Id: 1, Name: 'n' } })).toThrow(
      '$type "Root" is not Base or a type derived from it',
    );
  });

  it('names the element path and line of what the schema refuses', () => {
    const xml = '<t:Root xmlns:t="urn:test">\n<t:Item Id="x"><t:Name>n</t:Name></t:Item></t:Root>';
    expect(() => readXml(schema, xml)).toThrow(/\/t:Root\/t:Item\/@Id \(line 2\)/);
    expect(() => readXml(schema, '<t:Other xmlns:t="urn:test"/>')).toThrow('t:Other is not an element of this schema');
    expect(() => writeElementDocument(schema, 't:Root', { Item: { Name: 'n' } })).toThrow('missing required attribute Id');
  });
});
