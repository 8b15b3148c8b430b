import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.js';
import type { ComplexType, ElementField, Group, Model, SimpleType } from '../../generator/model/model.js';
import { rootLocation, SchemaLoader } from '../../generator/read/load.js';
import { readSchemaSet } from '../../generator/read/read-schema-set.js';
import { MAIN_SET, SCHEMA_SETS, SHARED_EWS } from '../support/schemas.js';

const TNS = 'http://schemas.microsoft.com/exchange/services/2006/types';
const MNS = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const t = (local: string) => `{${TNS}}${local}`;

async function load(set: string): Promise<Model> {
  return buildModel(await readSchemaSet(new SchemaLoader(await rootLocation(join(SHARED_EWS, set)))));
}

/** An oracle that does not use our reader: the XSD text itself, by regular expression. */
function xsdText(set: string, file: string): string {
  return readFileSync(join(SHARED_EWS, set, file), 'utf8');
}
function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}
/** The `<xs:element name= type= minOccurs= maxOccurs=>` children of a flat named complex type, from the text. */
function declaredElements(
  text: string,
  typeName: string,
): { name: string; type: string; min: number; max: number | 'unbounded' }[] {
  const start = text.indexOf(`<xs:complexType name="${typeName}">`);
  const body = text.slice(start, text.indexOf('</xs:complexType>', start));
  return [...body.matchAll(/<xs:element\s([^>]*)\/>/g)].map(([, attrs]) => {
    const get = (n: string) => new RegExp(`${n}\\s*=\\s*"([^"]*)"`).exec(attrs!)?.[1];
    const max = get('maxOccurs') ?? '1';
    return {
      name: get('name')!,
      type: get('type')!.replace(/^\w+:/, ''),
      min: Number(get('minOccurs') ?? '1'),
      max: max === 'unbounded' ? max : Number(max),
    };
  });
}
function fieldsOf(type: ComplexType): ElementField[] {
  const walk = (g: Group): ElementField[] =>
    g.items.flatMap((p) => (p.kind === 'element' ? [p] : p.kind === 'any' ? [] : walk(p)));
  return type.content ? walk(type.content) : [];
}

describe.each(SCHEMA_SETS)('the %s schemas', (set) => {
  let model: Model;
  beforeAll(async () => {
    model = await load(set);
  });

  it('read completely: every named type, element and operation the text declares', () => {
    const types = xsdText(set, 'types.xsd') + xsdText(set, 'messages.xsd');
    const named = [...model.types.values()].filter((x) => !x.anonymous);
    expect(named.filter((x) => x.kind === 'complex').length).toBe(count(types, /<xs:complexType\s+name\s*=/g));
    expect(named.filter((x) => x.kind === 'simple').length).toBe(count(types, /<xs:simpleType\s+name\s*=/g));
    const wsdl = xsdText(set, 'services.wsdl');
    const portType = wsdl.slice(wsdl.indexOf('<wsdl:portType'), wsdl.indexOf('</wsdl:portType>'));
    expect(model.operations.length).toBe(count(portType, /<wsdl:operation\s+name\s*=/g));
    expect(model.files).toEqual(['services.wsdl', 'messages.xsd', 'types.xsd']);
  });

  it('keeps ResponseCodeType and UnindexedFieldURIType as full enumerations', () => {
    const text = xsdText(set, 'messages.xsd');
    const start = text.indexOf('<xs:simpleType name="ResponseCodeType">');
    const expected = count(text.slice(start, text.indexOf('</xs:simpleType>', start)), /<xs:enumeration/g);
    const rc = model.types.get(`{${MNS}}ResponseCodeType`) as SimpleType;
    expect(rc.variety.kind === 'atomic' && rc.variety.enumeration?.length).toBe(expected);
    expect(expected).toBeGreaterThan(256);
  });

  it('models ItemType element by element as the XSD text declares it', () => {
    const item = model.types.get(t('ItemType')) as ComplexType;
    const expected = declaredElements(xsdText(set, 'types.xsd'), 'ItemType');
    expect(expected.length).toBeGreaterThan(30);
    expect(
      fieldsOf(item).map((f) => ({
        name: f.name.local,
        type: f.type.kind === 'ref' ? f.type.name.local : f.type.name,
        min: f.min,
        max: f.max,
      })),
    ).toEqual(expected);
    expect(fieldsOf(item).every((f) => f.name.ns === TNS)).toBe(true);
  });

  it('reads the Exchange2010_SP2 operations from port type and binding, with no wsdl:service', () => {
    const wsdl = xsdText(set, 'services.wsdl');
    expect(wsdl.includes('<wsdl:service')).toBe(set !== 'exchange2010_sp2');
    const getItem = model.operations.find((o) => o.name === 'GetItem')!;
    expect(getItem).toMatchObject({
      soapAction: `${MNS}/GetItem`,
      input: { body: { ns: MNS, local: 'GetItem' } },
      output: { body: { ns: MNS, local: 'GetItemResponse' }, headers: [{ ns: TNS, local: 'ServerVersionInfo' }] },
    });
    expect(getItem.input.headers.map((h) => h.local)).toContain('RequestServerVersion');
  });
});

describe('the main target (V2017_07_11) in detail', () => {
  let model: Model;
  beforeAll(async () => {
    model = await load(MAIN_SET);
  });

  it('has the counts of the published schema', () => {
    const named = [...model.types.values()].filter((x) => !x.anonymous);
    expect(named.filter((x) => x.kind === 'complex').length).toBe(957);
    expect(named.filter((x) => x.kind === 'simple').length).toBe(186);
    expect(model.elements.size).toBe(313);
    expect(model.operations.length).toBe(122);
    expect(
      (model.types.get(t('UnindexedFieldURIType')) as SimpleType & { variety: { enumeration: unknown[] } }).variety
        .enumeration.length,
    ).toBe(510);
    expect(
      (model.types.get(`{${MNS}}ResponseCodeType`) as SimpleType & { variety: { enumeration: unknown[] } }).variety
        .enumeration.length,
    ).toBe(521);
  });

  it('has 19 substitution group members under three heads', () => {
    const sizes = Object.fromEntries([...model.substitutes].map(([head, members]) => [head, members.length]));
    expect(sizes).toEqual({ [t('Path')]: 3, [t('Transition')]: 3, [t('SearchExpression')]: 13 });
    expect(model.substitutes.get(t('Path'))!.map((m) => m.local)).toEqual([
      'FieldURI',
      'IndexedFieldURI',
      'ExtendedFieldURI',
    ]);
    expect(model.elements.get(t('Path'))).toMatchObject({
      abstract: true,
      type: { kind: 'ref', name: { local: 'BasePathToElementType' } },
    });
    expect(model.elements.get(t('FieldURI'))).toMatchObject({
      substitutionGroup: { local: 'Path' },
      type: { name: { local: 'PathToUnindexedFieldType' } },
    });
  });

  it('models PathToUnindexedFieldType as an extension of the abstract base with one required attribute', () => {
    expect(model.types.get(t('PathToUnindexedFieldType'))).toMatchObject({
      base: { ns: TNS, local: 'BasePathToElementType' },
      derivation: 'extension',
      attributes: [
        {
          name: { ns: '', local: 'FieldURI' },
          use: 'required',
          type: { kind: 'ref', name: { local: 'UnindexedFieldURIType' } },
        },
      ],
    });
    expect(model.types.get(t('BasePathToElementType'))).toMatchObject({ abstract: true });
  });

  it('models CalendarItemType as an extension of ItemType', () => {
    const cal = model.types.get(t('CalendarItemType')) as ComplexType;
    expect(cal).toMatchObject({ base: { ns: TNS, local: 'ItemType' }, derivation: 'extension' });
    const fields = fieldsOf(cal);
    const types = xsdText(MAIN_SET, 'types.xsd');
    expect(fields.length).toBe(
      count(
        types.slice(types.indexOf('<xs:complexType name="CalendarItemType">')).split('</xs:complexType>')[0]!,
        /<xs:element/g,
      ),
    );
    expect(fields.find((f) => f.name.local === 'Start')).toMatchObject({
      type: { kind: 'builtin', name: 'dateTime' },
      min: 0,
      max: 1,
    });
    expect(fields.find((f) => f.name.local === 'RequiredAttendees')).toMatchObject({
      type: { kind: 'ref', name: { local: 'NonEmptyArrayOfAttendeesType' } },
      min: 0,
    });
    expect(model.derived.get(t('ItemType'))!.map((d) => d.local)).toContain('CalendarItemType');
  });

  it('models PhoneCallIdType as one required Id attribute and no content', () => {
    expect(model.types.get(t('PhoneCallIdType'))).toEqual({
      kind: 'complex',
      name: { ns: TNS, local: 'PhoneCallIdType' },
      abstract: false,
      mixed: false,
      attributes: [
        {
          name: { ns: '', local: 'Id' },
          type: { kind: 'builtin', name: 'string' },
          use: 'required',
          at: expect.objectContaining({ file: 'types.xsd' }),
        },
      ],
      at: expect.objectContaining({ file: 'types.xsd' }),
    });
  });

  it('models BodyType as simple content: string text and two attributes', () => {
    expect(model.types.get(t('BodyType'))).toMatchObject({
      text: { kind: 'builtin', name: 'string' },
      attributes: [
        { name: { local: 'BodyType' }, use: 'required', type: { kind: 'ref', name: { local: 'BodyTypeType' } } },
        { name: { local: 'IsTruncated' }, use: 'optional', type: { kind: 'builtin', name: 'boolean' } },
      ],
    });
    expect((model.types.get(t('BodyType')) as ComplexType).content).toBeUndefined();
  });

  it('models ArrayOfTransitionsType as the schema says: the head t:Transition, required and repeated', () => {
    const arr = model.types.get(t('ArrayOfTransitionsType')) as ComplexType;
    expect(arr.content).toMatchObject({ kind: 'sequence', min: 1, max: 1 });
    expect(
      arr.content!.items.map((p) => [(p as ElementField).name.local, (p as ElementField).global, p.min, p.max]),
    ).toEqual([['Transition', true, 1, 'unbounded']]);
    expect(model.substitutes.get(t('Transition'))!.map((m) => m.local)).toEqual([
      'AbsoluteDateTransition',
      'RecurringDayTransition',
      'RecurringDateTransition',
    ]);
  });

  it('knows xml:lang without a schema for the xml: namespace', () => {
    const withLang = [...model.types.values()].find(
      (x) => x.kind === 'complex' && x.attributes.some((a) => a.name.local === 'lang'),
    ) as ComplexType;
    expect(withLang.attributes.find((a) => a.name.local === 'lang')).toMatchObject({
      name: { ns: 'http://www.w3.org/XML/1998/namespace' },
      type: { kind: 'builtin', name: 'language' },
    });
  });

  it('reads the binding headers of DisconnectPhoneCall', () => {
    const op = model.operations.find((o) => o.name === 'DisconnectPhoneCall')!;
    expect(op.input.headers.map((h) => h.local)).toEqual([
      'ExchangeImpersonation',
      'MailboxCulture',
      'RequestServerVersion',
    ]);
    expect(op.output.headers.map((h) => h.local)).toEqual(['ServerVersionInfo']);
  });
});

describe("exchange2016, php-ews's edit of V2016_10_10, differs where SOURCES.md says", () => {
  let model: Model;
  beforeAll(async () => {
    model = await load('exchange2016');
  });

  it('spells out t:Path as a choice of its members (NonEmptyArrayOfPathsToElementType)', () => {
    const paths = model.types.get(t('NonEmptyArrayOfPathsToElementType')) as ComplexType;
    expect(paths.content).toMatchObject({ kind: 'choice', max: 'unbounded' });
    expect(paths.content!.items.map((p) => (p as ElementField).name.local)).toEqual([
      'FieldURI',
      'IndexedFieldURI',
      'ExtendedFieldURI',
    ]);
  });

  it('has ArrayOfTransitionsType as three members, then their head, each repeated', () => {
    const arr = model.types.get(t('ArrayOfTransitionsType')) as ComplexType;
    expect(arr.content).toMatchObject({ kind: 'sequence', min: 1, max: 1 });
    expect(
      arr.content!.items.map((p) => [(p as ElementField).name.local, (p as ElementField).global, p.min, p.max]),
    ).toEqual([
      ['AbsoluteDateTransition', true, 0, 'unbounded'],
      ['RecurringDayTransition', true, 0, 'unbounded'],
      ['RecurringDateTransition', true, 0, 'unbounded'],
      ['Transition', true, 0, 'unbounded'],
    ]);
  });
});
