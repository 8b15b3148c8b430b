import { describe, expect, it } from 'vitest';
import { availabilityOf, availabilityTags } from '../../generator/versions/availability.js';
import { k, modelOf, xsd } from '../support/schemas.js';

/* Three versions of one small schema: V2 adds a child, a type and a value; V3 drops a child. */
const v1 =
  xsd(`<xs:complexType name="A"><xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:simpleType name="E"><xs:restriction base="xs:string"><xs:enumeration value="a"/></xs:restriction></xs:simpleType>`);
const v2 =
  xsd(`<xs:complexType name="A"><xs:sequence><xs:element name="X" type="xs:string"/><xs:element name="Y" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="B"><xs:attribute name="Id" type="xs:string"/></xs:complexType>
  <xs:simpleType name="E"><xs:restriction base="xs:string"><xs:enumeration value="a"/><xs:enumeration value="b"/></xs:restriction></xs:simpleType>`);
const v3 =
  xsd(`<xs:complexType name="A"><xs:sequence><xs:element name="Y" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="B"><xs:attribute name="Id" type="xs:string"/></xs:complexType>
  <xs:simpleType name="E"><xs:restriction base="xs:string"><xs:enumeration value="a"/><xs:enumeration value="b"/></xs:restriction></xs:simpleType>`);

describe('availabilityOf', () => {
  it('marks what the oldest set lacks @since its first version, and what a later set lacks @removed', async () => {
    const sets = [
      { version: 'V1', model: await modelOf(v1) },
      { version: 'V2', model: await modelOf(v2) },
      { version: 'V3', model: await modelOf(v3) },
    ];
    const map = availabilityOf(sets, sets[1]!.model, 'V2');
    expect(Object.fromEntries(map)).toEqual({
      [`prop:${k('A')}/X`]: { removed: 'V3' },
      [`prop:${k('A')}/Y`]: { since: 'V2' },
      [`type:${k('B')}`]: { since: 'V2' },
      [`prop:${k('B')}/Id`]: { since: 'V2' },
      [`value:${k('E')}/b`]: { since: 'V2' },
    });
    expect(availabilityTags(map, `prop:${k('A')}/X`)).toEqual(["@removed V3 (not in that version's schema)"]);
    expect(availabilityTags(map, `type:${k('A')}`)).toEqual([]);
  });
});
