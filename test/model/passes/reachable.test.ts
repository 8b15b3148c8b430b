import { describe, expect, it } from 'vitest';
import { modelOf, T, wsdlOf, xsd } from '../../support/schemas.js';

/*
 * The request-types pass (generator/model/passes/reachable.ts): the types a request can hold,
 * which get generated writers; a type only a response holds is left to the generic writer.
 */
const SCHEMA = xsd(`
  <xs:complexType name="Id"><xs:attribute name="Key" type="xs:string"/></xs:complexType>
  <xs:complexType name="Item"><xs:sequence><xs:element name="ItemId" type="t:Id"/></xs:sequence></xs:complexType>
  <xs:complexType name="Message"><xs:complexContent><xs:extension base="t:Item"/></xs:complexContent></xs:complexType>
  <xs:complexType name="Version"><xs:attribute name="Build" type="xs:int"/></xs:complexType>
  <xs:complexType name="Answer"><xs:sequence><xs:element name="Item" type="t:Item"/><xs:element name="Note" type="t:Note"/></xs:sequence></xs:complexType>
  <xs:complexType name="Note"><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="Ask"><xs:sequence><xs:element name="Item" type="t:Item"/></xs:sequence></xs:complexType>
  <xs:element name="Get" type="t:Ask"/>
  <xs:element name="GetResponse" type="t:Answer"/>
  <xs:element name="Header" type="t:Version"/>`);

const keys = (set: Set<string>) =>
  [...set]
    .filter((k) => k.startsWith(`{${T}}`))
    .map((k) => k.slice(T.length + 2))
    .sort();

describe('the request-types pass', () => {
  it('keeps the types an input body or header reaches, derived types included, and not those only a response holds', async () => {
    const model = await modelOf({ 'service.wsdl': wsdlOf([{ name: 'Get', headers: 1 }]), 'schema.xsd': SCHEMA });
    // Message derives from Item: an Item element may hold one (xsi:type).
    expect(keys(model.requestTypes)).toEqual(['Ask', 'Id', 'Item', 'Message', 'Version']);
  });

  it('keeps every type of a schema without operations', async () => {
    const model = await modelOf(SCHEMA);
    expect(keys(model.requestTypes)).toEqual(['Answer', 'Ask', 'Id', 'Item', 'Message', 'Note', 'Version']);
  });
});
