import { describe, expect, it } from 'vitest';
import { keepOperations, UnknownOperationError } from '../../../generator/model/passes/keep-operations.js';
import { modelOf, wsdlOf, xsd } from '../../support/schemas.js';

const wsdl = (ops: string[]) => wsdlOf(ops.map((name) => ({ name })));

/*
 * A reaches TA (whose base is Base) and, through its child X, the declared type TX and TX's
 * derived TX2, the head H of a substitution group and its member M. B reaches TB. Base has a
 * derived type Other that no element is declared with.
 */
const schema = xsd(`
  <xs:complexType name="Base"><xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="Other"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="O" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="TA"><xs:complexContent><xs:extension base="t:Base"><xs:sequence>
    <xs:element name="X" type="t:TX"/><xs:element ref="t:H" minOccurs="0"/>
  </xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="TX"><xs:attribute name="Kind" type="t:Kind"/></xs:complexType>
  <xs:complexType name="TX2"><xs:complexContent><xs:extension base="t:TX"><xs:sequence><xs:element name="More" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:simpleType name="Kind"><xs:restriction base="xs:string"><xs:enumeration value="a"/></xs:restriction></xs:simpleType>
  <xs:complexType name="TB"><xs:sequence><xs:element name="Y" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:element name="H" type="t:TX" abstract="true"/>
  <xs:element name="M" type="t:TX2" substitutionGroup="t:H"/>
  <xs:element name="A" type="t:TA"/><xs:element name="AResponse" type="t:TB"/>
  <xs:element name="B" type="t:TB"/><xs:element name="BResponse" type="t:TB"/>`);

const names = (m: Map<string, unknown>) => [...m.keys()].map((k) => k.slice(k.indexOf('}') + 1));

describe('keepOperations', () => {
  it('keeps the operations named and exactly what they reach, in schema order', async () => {
    const model = await modelOf({ 'service.wsdl': wsdl(['A', 'B']), 'schema.xsd': schema });
    const a = keepOperations(model, ['A']);
    expect(a.operations.map((o) => o.name)).toEqual(['A']);
    expect(names(a.types)).toEqual(['Kind', 'Base', 'TA', 'TX', 'TX2', 'TB']);
    expect(names(a.elements)).toEqual(['H', 'M', 'A', 'AResponse']);
    expect(names(a.derived)).toEqual(['Base', 'TX']);
    expect([...a.derived.values()].map((d) => d.map((q) => q.local))).toEqual([['TA'], ['TX2']]);
    // The whole model is left as it was.
    expect(names(model.types)).toContain('Other');
    expect(names(keepOperations(model, ['B']).types)).toEqual(['TB']);
  });

  it('names an operation that does not exist, with a suggestion', async () => {
    const model = await modelOf({
      'service.wsdl': wsdl(['FindItem']),
      'schema.xsd': schema
        .replace(/name="A"/, 'name="FindItem"')
        .replace('name="AResponse"', 'name="FindItemResponse"'),
    });
    expect(() => keepOperations(model, ['finditem', 'Nope'])).toThrow(UnknownOperationError);
    expect(() => keepOperations(model, ['finditem', 'Nope'])).toThrow(
      'no operation finditem in service.wsdl (did you mean FindItem?); no operation Nope in service.wsdl',
    );
  });
});
