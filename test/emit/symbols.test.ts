import { describe, expect, it } from 'vitest';
import { SymbolTable } from '../../generator/emit/symbols.js';
import { modelOf, q, xsd } from '../support/schemas.js';

describe('SymbolTable', () => {
  it('keeps schema names, names anonymous types by place, and escapes reserved words', async () => {
    const m = await modelOf(
      xsd(`
  <xs:complexType name="Owner"><xs:sequence><xs:element name="Inner"><xs:complexType/></xs:element></xs:sequence>
    <xs:attribute name="Kind"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:attribute></xs:complexType>
  <xs:element name="Info"><xs:complexType/></xs:element>
  <xs:simpleType name="string"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="Record"><xs:list><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:list></xs:simpleType>
  <xs:complexType name="my-type.v2"/>`),
    );
    const s = new SymbolTable(m);
    expect(s.name(q('Owner'))).toBe('Owner');
    expect(s.name(q('Owner/Inner'))).toBe('Owner_Inner');
    expect(s.name(q('Owner/@Kind'))).toBe('Owner_Kind');
    expect(s.name(q('<Info>'))).toBe('Info');
    expect(s.name(q('string'))).toBe('string_');
    expect(s.name(q('Record'))).toBe('Record_');
    expect(s.name(q('Record/#item'))).toBe('Record_Item');
    expect(s.name(q('my-type.v2'))).toBe('my_type_v2');
  });

  it('gives a taken name to the first claimant and a namespace suffix to the next', async () => {
    const m = await modelOf({
      'a.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:m="urn:m" targetNamespace="urn:t">
        <xs:import namespace="urn:m" schemaLocation="m.xsd"/>
        <xs:complexType name="Same"/>
        <xs:complexType name="Info"/>
        <xs:element name="Info"><xs:complexType/></xs:element>
        <xs:complexType name="CaseOnly"/><xs:complexType name="caseonly"/>
      </xs:schema>`,
      'm.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:m="urn:m" targetNamespace="urn:m"><xs:complexType name="Same"/></xs:schema>`,
    });
    const s = new SymbolTable(m);
    expect(s.name(q('Same', 'urn:t'))).toBe('Same');
    expect(s.name(q('Same', 'urn:m'))).toBe('Same_m');
    expect(s.name(q('Info', 'urn:t'))).toBe('Info');
    expect(s.name(q('<Info>', 'urn:t'))).toBe('Info_2');
    expect([s.name(q('CaseOnly', 'urn:t')), s.name(q('caseonly', 'urn:t'))]).toEqual(['CaseOnly', 'caseonly']);
    expect(s.name(q('Same', 'urn:t'), 'orDerived')).toBe('SameOrDerived');
  });

  it('lets helper names the modules define win over schema names', async () => {
    const m = await modelOf(xsd(`<xs:complexType name="XmlElement"/>`));
    expect(new SymbolTable(m, ['XmlElement']).name(q('XmlElement'))).toBe('XmlElement_t');
  });
});
