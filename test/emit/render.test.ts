import { describe, expect, it } from 'vitest';
import { renderService } from '../../generator/emit/render.js';
import { modelOf, xsd } from '../support/schemas.js';

async function render(body: string): Promise<string> {
  const files = renderService(await modelOf(xsd(body)), { folder: 'out', client: 'TestClient' });
  return files.map((f) => f.text).join('\n');
}

describe('renderService on small schemas', () => {
  it('turns occurrence, nillable, choice and defaults into optional, arrays, null and docs', async () => {
    const code = await render(`
  <xs:complexType name="X"><xs:sequence>
    <xs:element name="Req" type="xs:string"/>
    <xs:element name="Opt" type="xs:int" minOccurs="0" default="5"/>
    <xs:element name="Many" type="xs:boolean" maxOccurs="unbounded"/>
    <xs:element name="Nil" type="xs:string" nillable="true"/>
    <xs:choice><xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:long"/></xs:choice>
  </xs:sequence><xs:attribute name="Id" type="xs:ID" use="required"/></xs:complexType>`);
    expect(code).toContain(`export interface X {
  Id: string;
  Req: string;
  /** @defaultValue '5' */
  Opt?: number;
  Many: boolean[];
  Nil: string | null;
  /** @choice one of A, B */
  A?: string;
  /** @choice one of A, B */
  B?: string;
}`);
  });

  it('keeps a repeated choice in document order as tagged $items entries', async () => {
    const code = await render(`
  <xs:complexType name="M"/><xs:complexType name="C"/>
  <xs:complexType name="Items"><xs:choice maxOccurs="unbounded"><xs:element name="Message" type="t:M"/><xs:element name="Calendar" type="t:C"/><xs:element name="Note" type="xs:string"/></xs:choice></xs:complexType>`);
    expect(code).toContain('export interface Items {\n  $items: ItemsEntry[];\n}');
    expect(code).toContain("export type ItemsEntry =\n  ({ $element: 'Message' } & M) | ({ $element: 'Calendar' } & C) | { $element: 'Note'; $value: string };");
  });

  it('writes unions for substitution groups and for types with derived types', async () => {
    const code = await render(`
  <xs:complexType name="Base" abstract="true"/>
  <xs:complexType name="D1"><xs:complexContent><xs:extension base="t:Base"/></xs:complexContent></xs:complexType>
  <xs:complexType name="D2"><xs:complexContent><xs:extension base="t:D1"/></xs:complexContent></xs:complexType>
  <xs:element name="Head" type="t:Base" abstract="true"/>
  <xs:element name="One" type="t:D1" substitutionGroup="t:Head"/>
  <xs:complexType name="Holder"><xs:sequence><xs:element ref="t:Head"/><xs:element name="Plain" type="t:Base"/></xs:sequence></xs:complexType>`);
    expect(code).toContain("export type BaseOrDerived = (D1 & { $type: 'D1' }) | (D2 & { $type: 'D2' });");
    expect(code).toContain("export type D1OrDerived = (D1 & { $type?: 'D1' }) | (D2 & { $type: 'D2' });");
    expect(code).toContain("export type HeadGroup = { $element: 'One' } & D1OrDerived;");
    expect(code).toContain('export interface Holder {\n  Head: HeadGroup;\n  Plain: BaseOrDerived;\n}');
  });
});
