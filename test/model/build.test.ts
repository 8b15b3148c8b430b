import { describe, expect, it } from 'vitest';
import type { ComplexType, ElementField, Group, SimpleType } from '../../generator/model/model.js';
import { k, modelOf, q, schemaErrorOf, T, xsd } from '../support/schemas.js';

const complex = (m: Awaited<ReturnType<typeof modelOf>>, local: string) => m.types.get(k(local)) as ComplexType;

describe('buildModel', () => {
  it('resolves element types to built-ins and schema types, refs to global elements', async () => {
    const m = await modelOf(
      xsd(`
  <xs:element name="Root" type="t:R" nillable="true"/>
  <xs:complexType name="R"><xs:sequence>
    <xs:element name="A" type="xs:dateTime"/>
    <xs:element ref="t:Root" minOccurs="0"/>
    <xs:element name="NoType"/>
  </xs:sequence></xs:complexType>`),
    );
    const [a, ref, none] = complex(m, 'R').content!.items as ElementField[];
    expect(a).toMatchObject({ name: q('A'), type: { kind: 'builtin', name: 'dateTime' }, global: false, min: 1, max: 1 });
    expect(ref).toMatchObject({ name: q('Root'), type: { kind: 'ref', name: q('R') }, global: true, nillable: true, min: 0 });
    expect(none!.type).toEqual({ kind: 'builtin', name: 'anyType' });
  });

  it('expands xs:group with the occurrence of the reference, and attribute groups in place', async () => {
    const m = await modelOf(
      xsd(`
  <xs:group name="G"><xs:choice><xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:string"/></xs:choice></xs:group>
  <xs:attributeGroup name="Inner"><xs:attribute name="y" type="xs:int"/></xs:attributeGroup>
  <xs:attributeGroup name="AG"><xs:attribute name="x" type="xs:int" use="required"/><xs:attributeGroup ref="t:Inner"/></xs:attributeGroup>
  <xs:complexType name="X"><xs:sequence><xs:group ref="t:G" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
    <xs:attributeGroup ref="t:AG"/><xs:attribute ref="xml:lang"/></xs:complexType>`),
    );
    const x = complex(m, 'X');
    const group = x.content!.items[0] as Group;
    expect(group).toMatchObject({ kind: 'choice', min: 0, max: 'unbounded', from: q('G') });
    expect(group.items.map((i) => (i as ElementField).name.local)).toEqual(['A', 'B']);
    expect(x.attributes.map((a) => [a.name.local, a.use, a.type])).toEqual([
      ['x', 'required', { kind: 'builtin', name: 'int' }],
      ['y', 'optional', { kind: 'builtin', name: 'int' }],
      ['lang', 'optional', { kind: 'builtin', name: 'language' }],
    ]);
  });

  it('names anonymous types after where they sit, right after their owner', async () => {
    const m = await modelOf(
      xsd(`
  <xs:element name="Info"><xs:complexType><xs:attribute name="V" type="xs:string"/></xs:complexType></xs:element>
  <xs:complexType name="Owner"><xs:sequence>
    <xs:element name="Inner"><xs:complexType><xs:sequence><xs:element name="Deep"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element></xs:sequence></xs:complexType></xs:element>
  </xs:sequence><xs:attribute name="Kind"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="a"/></xs:restriction></xs:simpleType></xs:attribute></xs:complexType>`),
    );
    // The owner first, then its anonymous types, innermost first, then the next global.
    expect([...m.types.keys()]).toEqual([k('Owner'), k('Owner/Inner/Deep'), k('Owner/Inner'), k('Owner/@Kind'), k('<Info>')]);
    expect(m.types.get(k('Owner/Inner'))).toMatchObject({ anonymous: { owner: q('Owner'), path: ['Inner'] } });
    expect(m.types.get(k('<Info>'))).toMatchObject({ anonymous: { owner: q('Info'), path: [] } });
    expect(m.elements.get(k('Info'))!.type).toEqual({ kind: 'ref', name: q('<Info>') });
    expect((m.types.get(k('Owner/@Kind')) as SimpleType).variety).toMatchObject({ enumeration: [{ value: 'a' }] });
  });

  it('keeps extension and restriction apart, and carries simple content down the chain', async () => {
    const m = await modelOf(
      xsd(`
  <xs:complexType name="Base" abstract="true"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence><xs:attribute name="Name" type="xs:string"/></xs:complexType>
  <xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="B" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence/><xs:attribute name="Name" type="xs:string" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>
  <xs:complexType name="Body"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute name="BodyType" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:complexType name="Body2"><xs:simpleContent><xs:extension base="t:Body"><xs:attribute name="More" type="xs:boolean"/></xs:extension></xs:simpleContent></xs:complexType>`),
    );
    expect(complex(m, 'Ext')).toMatchObject({ base: q('Base'), derivation: 'extension' });
    expect((complex(m, 'Ext').content!.items[0] as ElementField).name.local).toBe('B');
    expect(complex(m, 'Res')).toMatchObject({ base: q('Base'), derivation: 'restriction', attributes: [{ use: 'prohibited' }] });
    expect(complex(m, 'Body').text).toEqual({ kind: 'builtin', name: 'string' });
    expect(complex(m, 'Body2')).toMatchObject({ base: q('Body'), text: { kind: 'builtin', name: 'string' } });
    expect(m.derived.get(k('Base'))).toEqual([q('Ext'), q('Res')]);
  });

  it('indexes substitution groups transitively, leaving abstract members out', async () => {
    const m = await modelOf(
      xsd(`
  <xs:complexType name="X"/>
  <xs:element name="Head" type="t:X" abstract="true"/>
  <xs:element name="Mid" type="t:X" substitutionGroup="t:Head" abstract="true"/>
  <xs:element name="Leaf" type="t:X" substitutionGroup="t:Mid"/>
  <xs:element name="Other" type="t:X" substitutionGroup="t:Head"/>`),
    );
    expect(m.substitutes.get(k('Head'))).toEqual([q('Leaf'), q('Other')]);
    expect(m.substitutes.get(k('Mid'))).toEqual([q('Leaf')]);
  });

  it('follows xs:import and xs:include, reading each document once', async () => {
    const m = await modelOf({
      'root.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="${T}" xmlns:o="urn:o" targetNamespace="${T}">
        <xs:import namespace="urn:o" schemaLocation="sub/other.xsd"/>
        <xs:include schemaLocation="part.xsd"/>
        <xs:complexType name="R"><xs:sequence><xs:element name="O" type="o:O"/><xs:element name="P" type="t:P"/></xs:sequence></xs:complexType>
      </xs:schema>`,
      'part.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:simpleType name="P"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>`,
      'sub/other.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="${T}" targetNamespace="urn:o">
        <xs:import namespace="${T}" schemaLocation="../root.xsd"/>
        <xs:complexType name="O"/></xs:schema>`,
    });
    expect(m.files).toEqual(['root.xsd', 'sub/other.xsd', 'part.xsd']);
    // part.xsd has no targetNamespace: a chameleon include takes the includer's.
    expect(m.types.has(k('P'))).toBe(true);
    expect(m.types.get(k('O', 'urn:o'))!.at.file).toBe('sub/other.xsd');
  });

  describe('errors name file, line and column', () => {
    it('an unknown type reference', async () => {
      const e = await schemaErrorOf(xsd(`  <xs:complexType name="A">\n    <xs:sequence><xs:element name="X" type="t:Missing"/></xs:sequence>\n  </xs:complexType>`));
      expect(e.format()).toBe('schema.xsd:4:18: unknown type t:Missing');
    });

    it('a missing import file', async () => {
      const e = await schemaErrorOf(xsd(`<xs:import namespace="urn:o" schemaLocation="nowhere.xsd"/>`));
      expect(e.format()).toBe('schema.xsd:3:1: cannot read nowhere.xsd: file not found');
    });

    it('an unclosed tag', async () => {
      const e = await schemaErrorOf(xsd(`  <xs:complexType name="A">\n    <xs:sequence>\n  </xs:complexType>`));
      expect(e.format()).toMatch(/^schema\.xsd:5:\d+: malformed XML: unexpected close tag/);
    });

    it('a circular include', async () => {
      const e = await schemaErrorOf({
        'a.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${T}">\n  <xs:include schemaLocation="b.xsd"/>\n</xs:schema>`,
        'b.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${T}">\n\n  <xs:include schemaLocation="a.xsd"/>\n</xs:schema>`,
      });
      expect(e.format()).toBe('b.xsd:3:3: circular xs:include: a.xsd → b.xsd → a.xsd');
    });

    it('a group that contains itself, and a type that derives from itself', async () => {
      const g = await schemaErrorOf(xsd(`<xs:group name="G"><xs:sequence><xs:group ref="t:G"/></xs:sequence></xs:group>\n<xs:complexType name="X"><xs:group ref="t:G"/></xs:complexType>`));
      expect(g.message).toBe('group t:G contains itself');
      const d = await schemaErrorOf(
        xsd(`<xs:complexType name="A"><xs:complexContent><xs:extension base="t:B"/></xs:complexContent></xs:complexType>
<xs:complexType name="B"><xs:complexContent><xs:extension base="t:A"/></xs:complexContent></xs:complexType>`),
      );
      expect(d.message).toMatch(/derives from itself/);
    });

    it('a type declared twice', async () => {
      const e = await schemaErrorOf(xsd(`<xs:complexType name="A"/>\n<xs:simpleType name="A"><xs:restriction base="xs:string"/></xs:simpleType>`));
      expect(e.format()).toBe('schema.xsd:4:1: type t:A is declared twice (first at schema.xsd:3:1)');
    });
  });
});
