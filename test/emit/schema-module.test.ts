import { describe, expect, it } from 'vitest';
import { renderService } from '../../generator/emit/render.js';
import { modelOf, xsd } from '../support/schemas.js';

/*
 * schema.ts of a small schema, whole: a descriptor per type and global element referring to the
 * others behind functions, each complex type's writer after it, typed by its interface.
 */
const SCHEMA = `
  <xs:simpleType name="Colour"><xs:restriction base="xs:string"><xs:enumeration value="Red"/><xs:enumeration value="Blue"/></xs:restriction></xs:simpleType>
  <xs:complexType name="Base"><xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence><xs:attribute name="Id" type="xs:int" use="required"/></xs:complexType>
  <xs:complexType name="Derived"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="Colour" type="t:Colour" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:element name="Head" type="t:Base" abstract="true"/>
  <xs:element name="One" type="t:Derived" substitutionGroup="t:Head"/>
  <xs:complexType name="Holder"><xs:sequence>
    <xs:element ref="t:Head"/>
    <xs:element name="Plain" type="t:Base" maxOccurs="unbounded"/>
    <xs:choice maxOccurs="unbounded"><xs:element name="A" type="t:Base"/><xs:element name="B" type="xs:string"/></xs:choice>
  </xs:sequence></xs:complexType>
  <xs:element name="Holder" type="t:Holder"/>`;

describe('the schema module', () => {
  it('matches its snapshot on a small schema', async () => {
    const files = renderService(await modelOf(xsd(SCHEMA)), { folder: 'out', client: 'TestClient' });
    await expect(files.find((f) => f.path === 'out/schema.ts')!.text).toMatchFileSnapshot('../snapshots/small/schema.ts');
  });

  it("hands the runtime an extension's own attributes and content, and the wildcard and text in effect", async () => {
    const files = renderService(
      await modelOf(
        xsd(`
  <xs:complexType name="Open"><xs:simpleContent><xs:extension base="xs:int"><xs:attribute name="Unit" type="xs:string"/><xs:anyAttribute/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:complexType name="More"><xs:simpleContent><xs:extension base="t:Open"><xs:attribute name="Scale" type="xs:int"/></xs:extension></xs:simpleContent></xs:complexType>`),
      ),
      { folder: 'out', client: 'TestClient' },
    );
    const text = files.find((f) => f.path === 'out/schema.ts')!.text;
    const more = text.slice(text.indexOf('export const More$'), text.indexOf('\n};\n', text.indexOf('export const More$')));
    expect(more).toContain('base: () => Open$,');
    expect(more).toContain("attributes: [{ name: 'Scale', type: 'xs:int' }],");
    expect(more).toContain("text: 'xs:int',");
    expect(more).toContain('anyAttribute: true,');
    // Open content: the generic writer writes it, not a generated one.
    expect(text).not.toContain('function writeMore(');
  });
});
