import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../../generator/errors.js';
import { PASSES } from '../../../generator/model/passes/index.js';
import { join } from 'node:path';
import { buildModel } from '../../../generator/model/build.js';
import { SchemaLoader } from '../../../generator/read/load.js';
import { readSchemaSet } from '../../../generator/read/read-schema-set.js';
import { modelOf, T, writeFiles, xsd } from '../../support/schemas.js';

/** The error a schema ends in, as the CLI prints it. */
async function errorOf(body: string): Promise<string> {
  try {
    await modelOf(xsd(body));
  } catch (e) {
    if (e instanceof SchemaError) return e.format();
    throw e;
  }
  throw new Error('no error');
}

describe('the model passes', () => {
  it('run in the order the table states, the invariant check last', () => {
    expect(PASSES.map((p) => p.name)).toEqual([
      'schema-version',
      'inherited-text',
      'derived-types',
      'substitution-groups',
      'content-shapes',
      'effective-content',
      'streamed-items',
      'request-types',
      'check-invariants',
    ]);
  });

  it('leave derived types, substitution groups and shapes in the model', async () => {
    const model = await modelOf(
      xsd(`
  <xs:complexType name="Base"><xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="D"><xs:complexContent><xs:extension base="t:Base"/></xs:complexContent></xs:complexType>
  <xs:element name="H" type="t:Base" abstract="true"/><xs:element name="M" type="t:D" substitutionGroup="t:H"/>
  <xs:complexType name="Holder"><xs:sequence><xs:element ref="t:H"/><xs:choice maxOccurs="unbounded"><xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:int"/></xs:choice></xs:sequence></xs:complexType>`),
    );
    expect(model.derived.get(`{${T}}Base`)!.map((q) => q.local)).toEqual(['D']);
    expect(model.substitutes.get(`{${T}}H`)!.map((q) => q.local)).toEqual(['M']);
    const holder = model.shapes.get(`{${T}}Holder`)!;
    expect(holder.items!.entries.map((e) => e.name.local)).toEqual(['A', 'B']);
    const head = holder.content!.items[0]!;
    expect(head.kind === 'element' && head.tagged && head.prop).toBe('H');
  });

  it('leave out, for a model only compared, the passes only the emitters need', async () => {
    const dir = await writeFiles({
      'schema.xsd': xsd(`<xs:complexType name="A"><xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence></xs:complexType>`),
    });
    const set = await readSchemaSet(new SchemaLoader(join(dir, 'schema.xsd')));
    expect(PASSES.filter((p) => p.emitOnly).map((p) => p.name)).toEqual(['effective-content', 'streamed-items', 'request-types', 'check-invariants']);
    const [full, compared] = [buildModel(set), buildModel(set, false)];
    expect(full.effective.has(`{${T}}A`)).toBe(true);
    expect(compared.effective.size).toBe(0);
    // What compare and the declaration keys read is there all the same.
    expect(compared.shapes.get(`{${T}}A`)).toEqual(full.shapes.get(`{${T}}A`));
  });

  it('refuse, at the schema position, what has no shape: mixed content, two repeated choices, xs:any among entries', async () => {
    expect(
      await errorOf(
        `<xs:complexType name="X" mixed="true"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>`,
      ),
    ).toMatch(/^schema\.xsd:\d+:\d+: type X has mixed content \(text between elements\), which is not supported$/);
    expect(
      await errorOf(`<xs:complexType name="X"><xs:sequence>
  <xs:choice maxOccurs="unbounded"><xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:string"/></xs:choice>
  <xs:choice maxOccurs="unbounded"><xs:element name="C" type="xs:string"/><xs:element name="D" type="xs:string"/></xs:choice>
</xs:sequence></xs:complexType>`),
    ).toMatch(/^schema\.xsd:\d+:\d+: type X has two repeated choices; only one \$items is supported$/);
    expect(
      await errorOf(
        `<xs:complexType name="X"><xs:choice maxOccurs="unbounded"><xs:element name="A" type="xs:string"/><xs:any/></xs:choice></xs:complexType>`,
      ),
    ).toMatch(/^schema\.xsd:\d+:\d+: xs:any inside a repeated choice is not supported$/);
  });

  it('refuse a type that derives from itself', async () => {
    expect(
      await errorOf(`<xs:complexType name="A"><xs:complexContent><xs:extension base="t:B"/></xs:complexContent></xs:complexType>
  <xs:complexType name="B"><xs:complexContent><xs:extension base="t:A"/></xs:complexContent></xs:complexType>`),
    ).toMatch(/^schema\.xsd:\d+:\d+: type t:[AB] derives from itself$/);
  });
});

describe('the schema-version pass', () => {
  const versions = (...values: string[]) =>
    `<xs:simpleType name="ExchangeVersionType"><xs:restriction base="xs:string">${values.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType>`;

  it('takes the schema version attribute, else the highest ExchangeVersionType value, else none', async () => {
    expect(
      (await modelOf(xsd(versions('Exchange2007', 'Exchange2010'), ' version="Exchange2010_SP2"'))).source.version,
    ).toBe('Exchange2010_SP2');
    expect((await modelOf(xsd(versions('Exchange2007', 'Exchange2013', 'V2017_07_11')))).source.version).toBe(
      'V2017_07_11',
    );
    expect((await modelOf(xsd('<xs:element name="A" type="xs:string"/>'))).source.version).toBeUndefined();
  });
});
