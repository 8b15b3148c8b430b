import { describe, expect, it } from 'vitest';
import type { StreamedItems } from '../../../generator/model/model.js';
import { modelOf, wsdlOf, xsd } from '../../support/schemas.js';

/*
 * The streamed-items pass (generator/model/passes/streamed-items.ts): which repeated elements of
 * each response are its items, on a small service shaped like EWS (response messages deriving
 * from ResponseMessageType, in a ResponseMessages choice of every message element).
 */
const SCHEMA = xsd(`
  <xs:complexType name="ResponseMessageType"><xs:sequence>
    <xs:element name="ResponseCode" type="xs:string" minOccurs="0"/>
  </xs:sequence><xs:attribute name="ResponseClass" type="xs:string" use="required"/></xs:complexType>
  <xs:complexType name="ItemType"><xs:sequence><xs:element name="Subject" type="xs:string"/><xs:element name="Size" type="xs:int"/></xs:sequence></xs:complexType>
  <xs:complexType name="ArrayOfItems"><xs:choice minOccurs="0" maxOccurs="unbounded">
    <xs:element name="Item" type="t:ItemType"/><xs:element name="Message" type="t:ItemType"/>
  </xs:choice></xs:complexType>
  <xs:complexType name="Parent"><xs:choice>
    <xs:element name="Items" type="t:ArrayOfItems"/>
    <xs:element name="Groups"><xs:complexType><xs:sequence><xs:element name="Group" type="t:ItemType" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
  </xs:choice><xs:attribute name="Total" type="xs:int"/></xs:complexType>
  <xs:complexType name="FindResponseMessageType"><xs:complexContent><xs:extension base="t:ResponseMessageType">
    <xs:sequence><xs:element name="RootFolder" type="t:Parent" minOccurs="0"/></xs:sequence>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="GetResponseMessageType"><xs:complexContent><xs:extension base="t:ResponseMessageType">
    <xs:sequence><xs:element name="Items" type="t:ArrayOfItems" minOccurs="0"/></xs:sequence>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="ExportResponseMessageType"><xs:complexContent><xs:extension base="t:ResponseMessageType">
    <xs:sequence><xs:element name="Data" type="xs:base64Binary" minOccurs="0"/>
      <xs:element name="Config" type="t:ItemType" minOccurs="0"/></xs:sequence>
  </xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="ArrayOfResponseMessages"><xs:choice maxOccurs="unbounded">
    <xs:element name="FindResponseMessage" type="t:FindResponseMessageType"/>
    <xs:element name="GetResponseMessage" type="t:GetResponseMessageType"/>
    <xs:element name="ExportResponseMessage" type="t:ExportResponseMessageType"/>
  </xs:choice></xs:complexType>
  <xs:complexType name="BaseResponse"><xs:sequence><xs:element name="ResponseMessages" type="t:ArrayOfResponseMessages"/></xs:sequence></xs:complexType>
  <xs:element name="Find" type="xs:string"/><xs:element name="FindResponse" type="t:BaseResponse"/>
  <xs:element name="Get" type="xs:string"/><xs:element name="GetResponse" type="t:BaseResponse"/>
  <xs:element name="Export" type="xs:string"/><xs:element name="ExportResponse" type="t:BaseResponse"/>
  <xs:element name="Other" type="xs:string"/><xs:element name="OtherResponse" type="t:BaseResponse"/>
  <xs:element name="Rooms" type="xs:string"/>
  <xs:element name="RoomsResponse"><xs:complexType><xs:sequence>
    <xs:element name="ResponseCode" type="xs:string"/>
    <xs:element name="List" minOccurs="0"><xs:complexType><xs:sequence><xs:element name="Room" type="t:ItemType" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
  <xs:element name="Person" type="xs:string"/>
  <xs:element name="PersonResponse"><xs:complexType><xs:sequence>
    <xs:element name="Persona"><xs:complexType><xs:sequence>
      <xs:element name="Name" type="xs:string"/><xs:element name="Emails" type="t:ArrayOfItems"/>
    </xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>`);

const OPS = ['Find', 'Get', 'Export', 'Other', 'Rooms', 'Person'].map((name) => ({ name }));

/** The pass's finding for each operation, as paths and local names. */
async function streams(): Promise<Record<string, unknown>> {
  const model = await modelOf({ 'service.wsdl': wsdlOf(OPS), 'schema.xsd': SCHEMA });
  const show = (s: StreamedItems | undefined) =>
    s && {
      ...(s.messages ? { messages: s.messages.path.join('/'), types: s.messages.types.map((t) => t.local) } : {}),
      items: s.items.map((i) => `${i.path.join('/')} (${i.container.local}.${i.prop})`),
    };
  return Object.fromEntries(OPS.map((o) => [o.name, show(model.streams.get(o.name))]));
}

describe('the streamed-items pass', () => {
  it('finds the response messages named after the operation, and below them the first repeated elements', async () => {
    const found = await streams();
    // Through RootFolder, which holds one of a choice; `*` for every entry of a container of entries only.
    expect(found.Find).toEqual({
      messages: 'ResponseMessages/FindResponseMessage',
      types: ['FindResponseMessageType'],
      items: ['RootFolder/Items/* (ArrayOfItems.$items)', 'RootFolder/Groups/Group (Parent/Groups.Group)'],
    });
    expect(found.Get).toEqual({
      messages: 'ResponseMessages/GetResponseMessage',
      types: ['GetResponseMessageType'],
      items: ['Items/* (ArrayOfItems.$items)'],
    });
  });

  it('makes the messages the items when they hold nothing repeated, or when none is named after the operation', async () => {
    const found = await streams();
    expect(found.Export).toEqual({
      messages: 'ResponseMessages/ExportResponseMessage',
      types: ['ExportResponseMessageType'],
      items: [],
    });
    // Any message may answer Other: every one counts, and the messages themselves are the items.
    expect(found.Other).toEqual({
      messages: 'ResponseMessages/*',
      types: ['FindResponseMessageType', 'GetResponseMessageType', 'ExportResponseMessageType'],
      items: [],
    });
  });

  it('finds repeated elements below a response without messages, but not inside a value of several elements', async () => {
    const found = await streams();
    expect(found.Rooms).toEqual({ items: ['List/Room (<RoomsResponse>/List.Room)'] });
    // Persona is a sequence of several elements: a value of its own, whose Emails are not the bulk.
    expect(found.Person).toBeUndefined();
  });
});
