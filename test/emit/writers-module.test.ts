import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderService } from '../../generator/emit/render.js';
import { modelOf, xsd } from '../support/schemas.js';

/*
 * The per-type writers the emitter spells out (generator/emit/writers-module.ts), on small
 * schemas: which statements a particle becomes, and that they are laid out as prettier prints
 * them. That they write what the generic writer writes is tested on the whole EWS schema
 * (test/wire/type-writers.test.ts, the documented envelopes).
 */
const SCHEMA = `
  <xs:complexType name="Base"><xs:attribute name="Id" type="xs:string" use="required"/></xs:complexType>
  <xs:complexType name="Open"><xs:sequence><xs:any processContents="lax" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:element name="Path" type="t:Base" abstract="true"/>
  <xs:element name="FieldURI" type="t:Base" substitutionGroup="t:Path"/>
  <xs:element name="AnElementWhoseNameIsLongEnoughThatTheGenericWriterCallMustBreakAndThenSomeMore" type="t:Open" substitutionGroup="t:Path"/>
  <xs:element name="Note" type="xs:string"/>
  <xs:element name="Remark" type="xs:string" substitutionGroup="t:Note"/>
  <xs:complexType name="Holder"><xs:sequence>
    <xs:element ref="t:Path"/>
    <xs:element ref="t:Note" minOccurs="0"/>
  </xs:sequence></xs:complexType>
  <xs:complexType name="Paths"><xs:sequence><xs:element ref="t:Path" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
  <xs:complexType name="MaybePaths"><xs:sequence><xs:element ref="t:Path" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`;

async function schemaModule(body: string): Promise<string> {
  return renderService(await modelOf(xsd(body)), { folder: 'out', client: 'TestClient' }).find(
    (f) => f.path === 'out/schema.ts',
  )!.text;
}

/** The text of one generated function. */
function fn(text: string, name: string): string {
  const start = text.indexOf(`function ${name}(`);
  expect(start, name).toBeGreaterThan(0);
  return text.slice(start, text.indexOf('\n}\n', start) + 2);
}

describe('the generated writers', () => {
  it('write a substitution group head by the member its $element names: one, optional, repeated', async () => {
    const text = await schemaModule(SCHEMA);
    const holder = fn(text, 'writeHolder');
    // Required and single: missing gives up; one case per member that may stand there.
    expect(holder).toContain(
      "  if (v.Path === undefined) bail();\n  switch (v.Path.$element) {\n    case 'AnElementWhoseNameIsLongEnoughThatTheGenericWriterCallMustBreakAndThenSomeMore':",
    );
    expect(holder).toContain(
      "    case 'FieldURI':\n      writeBase(o, v.Path, tFieldURI);\n      break;\n    default:\n      bail();\n  }",
    );
    // A member with a simple type writes the entry's $value.
    expect(holder).toContain('  if (v.Note !== undefined) {\n    switch (v.Note.$element) {');
    expect(holder).toContain('leaf(o, tRemark, xsString, v.Note.$value);');
    // Each tag is encoded once, a constant of the module.
    expect(text).toContain("const tRemark = /* @__PURE__ */ tag('t:Remark');");
    // Repeated and required: list() gives up on a missing or short array, no separate check.
    const paths = fn(text, 'writePaths');
    expect(paths).toContain('  for (const e of list(v.Path, 1)) {\n    switch (e.$element) {');
    expect(paths).not.toContain('=== undefined');
    expect(fn(text, 'writeMaybePaths')).toContain(
      '  if (v.Path !== undefined) {\n    for (const e of list(v.Path, 0)) {\n      switch (e.$element) {',
    );
  });

  it('write an optional element or attribute through a helper that skips a missing value; a required one gives up on it', async () => {
    const text = await schemaModule(`
      <xs:complexType name="Id"><xs:attribute name="Key" type="xs:string"/></xs:complexType>
      <xs:complexType name="Open"><xs:sequence><xs:any processContents="lax" minOccurs="0"/></xs:sequence></xs:complexType>
      <xs:complexType name="Card"><xs:sequence>
        <xs:element name="Name" type="xs:string"/>
        <xs:element name="Alias" type="xs:string" minOccurs="0"/>
        <xs:element name="Nick" type="xs:string" minOccurs="0" nillable="true"/>
        <xs:element name="Ref" type="t:Id" minOccurs="0"/>
        <xs:element name="Must" type="t:Id"/>
        <xs:element name="Extra" type="t:Open"/>
      </xs:sequence><xs:attribute name="Tag" type="xs:string"/><xs:attribute name="Num" type="xs:int" use="required"/></xs:complexType>`);
    const card = fn(text, 'writeCard');
    expect(card).toContain('  if (v.Num === undefined) bail();\n  attribute(o, aNum, xsInt, v.Num);\n');
    expect(card).toContain('  optionalAttribute(o, aTag, xsString, v.Tag);\n');
    // leaf() and a type's writer give up on a missing value themselves; before the generic writer, a test does.
    expect(card).toContain('  const at = content(o);\n  leaf(o, tName, xsString, v.Name);\n');
    expect(card).toContain('  optionalLeaf(o, tAlias, xsString, v.Alias);\n');
    expect(card).toContain('  if (v.Nick !== undefined) nillableText(o, tNick, xsString, v.Nick);\n');
    expect(card).toContain('  optional(o, writeId, v.Ref, tRef);\n');
    expect(card).toContain('  optional(o, writeId, v.Ref, tRef);\n  writeId(o, v.Must, tMust);\n');
    expect(card).toContain('  if (v.Extra === undefined) bail();\n  writeElement(');
    expect(fn(text, 'writeId')).toContain('  optionalAttribute(o, aKey, xsString, v.Key);\n');
  });

  it('leave a member without a writer of its own to the generic writer, its descriptor broken over lines as prettier breaks it', async () => {
    const text = await schemaModule(SCHEMA);
    const holder = fn(text, 'writeHolder');
    expect(holder).toContain("el: 'AnElementWhoseNameIsLongEnoughThatTheGenericWriterCallMustBreakAndThenSomeMore',\n");
    expect(text).not.toContain('function writeOpen(');
    const options = { ...(await prettier.resolveConfig('generated/ews/index.ts')), parser: 'typescript' as const };
    expect(await prettier.format(text, options)).toBe(text);
  });
});
