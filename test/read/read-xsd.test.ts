import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../generator/errors.js';
import { XsdReader } from '../../generator/read/read-xsd.js';
import { parseXmlDocument } from '../../generator/read/xml-node.js';
import type { RawComplexType, RawElement, RawModelGroup, RawSimpleType } from '../../generator/read/xsd-nodes.js';
import { T, xsd } from '../support/schemas.js';

const read = (body: string) => new XsdReader(parseXmlDocument(xsd(body), 'test.xsd')).read();
const errorOf = (body: string): SchemaError => {
  try {
    read(body);
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
  throw new Error('expected a SchemaError');
};

describe('XsdReader', () => {
  it('reads global and local elements, with type, ref, occurs, nillable, default and fixed', () => {
    const s = read(`
  <xs:element name="Root" type="t:RootType"/>
  <xs:complexType name="RootType">
    <xs:sequence minOccurs="0" maxOccurs="unbounded">
      <xs:element name="A" type="xs:string" minOccurs="0" maxOccurs="5" nillable="true"/>
      <xs:element ref="t:Root"/>
      <xs:element name="B" type="xs:int" default="7"/>
      <xs:element name="C" type="xs:string" fixed="x"/>
    </xs:sequence>
  </xs:complexType>`);
    expect(s.elements[0]).toMatchObject({ name: { ns: T, local: 'Root' }, type: { ns: T, local: 'RootType' }, min: 1, max: 1 });
    const ct = s.complexTypes[0] as RawComplexType & { content: { particle: RawModelGroup } };
    const seq = ct.content.particle;
    expect(seq).toMatchObject({ kind: 'sequence', min: 0, max: 'unbounded' });
    const [a, ref, b, c] = seq.items as RawElement[];
    expect(a).toMatchObject({ name: { ns: T, local: 'A' }, type: { local: 'string' }, min: 0, max: 5, nillable: true });
    expect(ref).toMatchObject({ ref: { ns: T, local: 'Root' }, min: 1, max: 1 });
    expect(b).toMatchObject({ default: '7' });
    expect(c).toMatchObject({ fixed: 'x' });
  });

  it('qualifies local names by elementFormDefault and form', () => {
    const s = new XsdReader(
      parseXmlDocument(
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:u">
           <xs:complexType name="X"><xs:sequence>
             <xs:element name="Plain" type="xs:string"/>
             <xs:element name="Qual" type="xs:string" form="qualified"/>
           </xs:sequence><xs:attribute name="a" type="xs:string"/></xs:complexType>
         </xs:schema>`,
        'u.xsd',
      ),
    ).read();
    const ct = s.complexTypes[0] as RawComplexType & { content: { particle: RawModelGroup } };
    expect((ct.content.particle.items as RawElement[]).map((e) => e.name)).toEqual([
      { ns: '', local: 'Plain' },
      { ns: 'urn:u', local: 'Qual' },
    ]);
    expect(ct.attributes[0]).toMatchObject({ name: { ns: '', local: 'a' } });
  });

  it('leaves the documentation out of a set only compared', () => {
    const text = xsd(`
  <xs:simpleType name="E">
    <xs:annotation><xs:documentation>An enum</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="A"><xs:annotation><xs:documentation>first</xs:documentation></xs:annotation></xs:enumeration>
    </xs:restriction>
  </xs:simpleType>
  <xs:element name="X" type="xs:string"><xs:annotation><xs:documentation>an element</xs:documentation></xs:annotation></xs:element>`);
    const s = new XsdReader(parseXmlDocument(text, 'test.xsd'), false).read();
    expect(s.simpleTypes[0]).not.toHaveProperty('doc');
    expect(s.simpleTypes[0]!.variety).toMatchObject({ facets: { enumeration: [{ value: 'A' }] } });
    expect((s.simpleTypes[0]!.variety as { facets: { enumeration: object[] } }).facets.enumeration[0]).not.toHaveProperty('doc');
    expect(s.elements[0]).not.toHaveProperty('doc');
    expect(new XsdReader(parseXmlDocument(text, 'test.xsd')).read().elements[0]!.doc).toBe('an element');
  });

  it('reads facets, enumerations with their documentation, lists and unions', () => {
    const s = read(`
  <xs:simpleType name="E">
    <xs:annotation><xs:documentation>  An enum
        over two lines </xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="A"><xs:annotation><xs:documentation>first</xs:documentation></xs:annotation></xs:enumeration>
      <xs:enumeration value="B"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="P"><xs:restriction base="xs:string"><xs:pattern value="[a-z]+"/><xs:minLength value="1"/><xs:maxLength value="9"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="R"><xs:restriction base="xs:int"><xs:minInclusive value="0"/><xs:maxInclusive value="10"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="L"><xs:list itemType="t:E"/></xs:simpleType>
  <xs:simpleType name="U"><xs:union memberTypes="xs:int t:E"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:union></xs:simpleType>`);
    const [e, p, r, l, u] = s.simpleTypes as RawSimpleType[];
    expect(e!.doc).toBe('An enum\nover two lines');
    expect(e!.variety).toEqual({ kind: 'restriction', base: { ns: 'http://www.w3.org/2001/XMLSchema', local: 'string' }, facets: { enumeration: [{ value: 'A', doc: 'first' }, { value: 'B' }] } });
    expect(p!.variety).toMatchObject({ facets: { pattern: ['[a-z]+'], minLength: 1, maxLength: 9 } });
    expect(r!.variety).toMatchObject({ facets: { minInclusive: '0', maxInclusive: '10' } });
    expect(l!.variety).toEqual({ kind: 'list', itemType: { ns: T, local: 'E' } });
    expect(u!.variety).toMatchObject({ kind: 'union', memberTypes: [{ local: 'int' }, { ns: T, local: 'E' }], inlineMembers: [{ kind: 'simpleType' }] });
  });

  it('reads the four shapes of complex content', () => {
    const s = read(`
  <xs:complexType name="Base" abstract="true"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:choice><xs:element name="B" type="xs:string"/></xs:choice></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence/></xs:restriction></xs:complexContent></xs:complexType>
  <xs:complexType name="Text"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute name="Lang" type="xs:language" use="required"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:complexType name="Mixed" mixed="true"><xs:sequence><xs:any namespace="##other" processContents="lax" minOccurs="0"/></xs:sequence><xs:anyAttribute namespace="##any"/></xs:complexType>`);
    const [base, ext, res, text, mixed] = s.complexTypes;
    expect(base).toMatchObject({ abstract: true, content: { kind: 'particles' } });
    expect(ext!.content).toMatchObject({ kind: 'complexExtension', base: { local: 'Base' }, particle: { kind: 'choice' } });
    expect(res!.content).toMatchObject({ kind: 'complexRestriction', base: { local: 'Base' }, particle: { kind: 'sequence', items: [] } });
    expect(text).toMatchObject({ content: { kind: 'simpleExtension', base: { local: 'string' } }, attributes: [{ name: { local: 'Lang' }, use: 'required' }] });
    expect(mixed).toMatchObject({ mixed: true, anyAttribute: { namespace: '##any', processContents: 'strict' } });
    expect((mixed!.content as { particle: RawModelGroup }).particle.items[0]).toMatchObject({ kind: 'any', namespace: '##other', processContents: 'lax', min: 0 });
  });

  it('reads groups, attribute groups, abstract elements and substitution groups', () => {
    const s = read(`
  <xs:group name="G"><xs:choice><xs:element name="A" type="xs:string"/></xs:choice></xs:group>
  <xs:attributeGroup name="AG"><xs:attribute name="x" type="xs:int"/></xs:attributeGroup>
  <xs:complexType name="X"><xs:sequence><xs:group ref="t:G" minOccurs="0"/></xs:sequence><xs:attributeGroup ref="t:AG"/><xs:attribute ref="xml:lang"/></xs:complexType>
  <xs:element name="Head" type="t:X" abstract="true"/>
  <xs:element name="Member" type="t:X" substitutionGroup="t:Head"/>`);
    expect(s.groups[0]).toMatchObject({ name: { local: 'G' }, particle: { kind: 'choice' } });
    expect(s.attributeGroups[0]).toMatchObject({ name: { local: 'AG' }, attributes: [{ name: { local: 'x' } }] });
    expect(s.complexTypes[0]!.attributes).toMatchObject([
      { kind: 'attributeGroupRef', ref: { local: 'AG' } },
      { kind: 'attribute', ref: { ns: 'http://www.w3.org/XML/1998/namespace', local: 'lang' } },
    ]);
    expect(s.elements).toMatchObject([{ abstract: true }, { substitutionGroup: { ns: T, local: 'Head' } }]);
  });

  it('refuses a construct it does not model, naming its line and column', () => {
    const e = errorOf(`  <xs:element name="A" type="xs:string">
    <xs:key name="k"><xs:selector xpath="."/><xs:field xpath="@id"/></xs:key>
  </xs:element>`);
    expect(e.message).toBe('xs:key is not supported inside xs:element');
    expect(e.at).toEqual({ file: 'test.xsd', line: 4, column: 5 });
  });

  it('refuses an unknown attribute and a redefine', () => {
    expect(errorOf('<xs:element name="A" type="xs:string" bogus="1"/>').message).toBe('unsupported attribute bogus on xs:element');
    expect(errorOf('<xs:redefine schemaLocation="x.xsd"/>').message).toBe('xs:redefine is not supported inside xs:schema');
  });

  it('refuses an unknown prefix and a bad occurrence', () => {
    expect(errorOf('<xs:element name="A" type="q:X"/>').message).toBe('unknown namespace prefix "q" in "q:X"');
    expect(errorOf('<xs:complexType name="X"><xs:sequence><xs:element name="A" minOccurs="2" maxOccurs="1"/></xs:sequence></xs:complexType>').message).toBe(
      'maxOccurs (1) is less than minOccurs (2)',
    );
  });
});
