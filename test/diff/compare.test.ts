import { describe, expect, it } from 'vitest';
import { compareModels, DiffError, type Entry } from '../../generator/diff/compare.js';
import { modelOf, T, wsdlOf, xsd, type WsdlOp } from '../support/schemas.js';

/*
 * Synthetic edits of one small service: every kind of changelog entry, and whom it breaks. Ask
 * (request) and Answer (response) are the bodies of operation Do; Both is sent and read; Loose
 * is used by no operation.
 */
const wsdl = (ops: WsdlOp[]) => wsdlOf(ops.map((o) => ({ input: 'Ask', output: 'Answer', ...o })));

const BASE = `
  <xs:simpleType name="Color"><xs:restriction base="xs:string"><xs:enumeration value="Red"/><xs:enumeration value="Blue"/></xs:restriction></xs:simpleType>
  <xs:complexType name="Base"><xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="Both"><xs:complexContent><xs:extension base="t:Base"><xs:sequence>
    <xs:element name="Name" type="xs:string" minOccurs="0"/>
    <xs:element name="Tag" type="xs:string"/>
    <xs:element name="Color" type="t:Color"/>
  </xs:sequence><xs:attribute name="Kind" type="xs:string"/></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="AskType"><xs:sequence><xs:element name="Item" type="t:Both"/><xs:element ref="t:Shape" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:complexType name="AnswerType"><xs:sequence><xs:element name="Item" type="t:Both"/></xs:sequence></xs:complexType>
  <xs:complexType name="Loose"><xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:element name="Shape" type="xs:string" abstract="true"/>
  <xs:element name="Circle" type="xs:string" substitutionGroup="t:Shape"/>
  <xs:element name="Ask" type="t:AskType"/><xs:element name="Answer" type="t:AnswerType"/>
  <xs:element name="Ask2" type="t:AskType"/><xs:element name="Header" type="xs:string"/>`;

async function changes(
  edits: [string, string][],
  ops: WsdlOp[] = [{ name: 'Do' }],
  oldOps: WsdlOp[] = [{ name: 'Do' }],
): Promise<Entry[]> {
  let body = BASE;
  for (const [from, to] of edits) {
    const next = body.replace(from, to);
    expect(next, `edit ${from}`).not.toBe(body);
    body = next;
  }
  const a = await modelOf({ 'service.wsdl': wsdl(oldOps), 'schema.xsd': xsd(BASE) });
  const b = await modelOf({ 'service.wsdl': wsdl(ops), 'schema.xsd': xsd(body) });
  return compareModels(a, b).entries;
}
const line = (e: Entry) =>
  `${e.name}: ${e.what} [${[e.breaks.sends && 'sends', e.breaks.reads && 'reads'].filter(Boolean).join(', ') || 'neither'}]`;

describe('compareModels', () => {
  it('finds nothing between a set and itself', async () => {
    expect(await changes([])).toEqual([]);
  });

  it('operations added, removed, with a new body or new headers', async () => {
    expect(
      (
        await changes(
          [],
          [{ name: 'Do', input: 'Ask2', headers: 1 }, { name: 'New' }],
          [{ name: 'Do' }, { name: 'Old' }],
        )
      ).map(line),
    ).toEqual([
      'Do: input body t:Ask → t:Ask2 [sends]',
      'Do: input header t:Header declared [neither]',
      'New: operation added [neither]',
      'Old: operation removed [sends]',
    ]);
    expect((await changes([], [{ name: 'Do' }], [{ name: 'Do', headers: 1 }])).map(line)).toEqual([
      'Do: input header t:Header no longer declared [sends]',
    ]);
  });

  it('children added, removed, and their occurrence and type changed, breaking the side that uses the type', async () => {
    const es = await changes([
      [
        '<xs:element name="Name" type="xs:string" minOccurs="0"/>',
        '<xs:element name="Name" type="xs:string"/><xs:element name="Note" type="xs:string" minOccurs="0"/>',
      ],
      [
        '<xs:element name="Tag" type="xs:string"/>',
        '<xs:element name="Tag" type="xs:int" maxOccurs="unbounded"/><xs:element name="Must" type="xs:string"/>',
      ],
      ['<xs:element name="X" type="xs:string"/>', '<xs:element name="Y" type="xs:string"/>'],
    ]);
    expect(es.map(line)).toEqual([
      't:Both: element t:Name optional → required [sends]',
      't:Both: element t:Note added, optional [neither]',
      't:Both: element t:Tag single → repeated [sends, reads]',
      't:Both: element t:Tag type xs:string → xs:int [sends, reads]',
      't:Both: element t:Must added, required [sends]',
      // Loose is used by no operation: nothing that sends or reads it breaks.
      't:Loose: element t:Y added, required [neither]',
      't:Loose: element t:X removed [neither]',
    ]);
    expect((await changes([['<xs:element name="Name" type="xs:string" minOccurs="0"/>', '']])).map(line)).toEqual([
      't:Both: element t:Name removed [sends, reads]',
    ]);
    expect(
      (
        await changes([
          ['<xs:element name="Tag" type="xs:string"/>', '<xs:element name="Tag" type="xs:string" minOccurs="0"/>'],
        ])
      ).map(line),
    ).toEqual(['t:Both: element t:Tag required → optional [reads]']);
  });

  it('attributes, enumeration values, bases, abstractness, types and substitution members', async () => {
    const es = await changes([
      [
        '<xs:attribute name="Kind" type="xs:string"/>',
        '<xs:attribute name="Kind" type="xs:int" use="required"/><xs:attribute name="Extra" type="xs:string"/>',
      ],
      ['<xs:enumeration value="Blue"/>', '<xs:enumeration value="Green"/>'],
      ['<xs:complexType name="Loose">', '<xs:complexType name="Loose" abstract="true">'],
      ['<xs:complexType name="Base">', '<xs:complexType name="Fresh"/><xs:complexType name="Base">'],
      [
        '<xs:element name="Circle" type="xs:string" substitutionGroup="t:Shape"/>',
        '<xs:element name="Square" type="xs:string" substitutionGroup="t:Shape"/>',
      ],
    ]);
    expect(es.map(line)).toEqual([
      't:Color: value Green added [reads]',
      't:Color: value Blue removed [sends]',
      't:Fresh: type added [neither]',
      't:Both: attribute Kind optional → required [sends]',
      't:Both: attribute Kind type xs:string → xs:int [sends, reads]',
      't:Both: attribute Extra added, optional [neither]',
      't:Loose: now abstract [neither]',
      // Shape stands only in a request: a new member breaks no reader.
      't:Shape: substitution member t:Square added [neither]',
      't:Shape: substitution member t:Circle removed [sends]',
    ]);
    expect((await changes([['<xs:extension base="t:Base">', '<xs:extension base="t:Loose">']])).map(line)[0]).toBe(
      't:Both: base extension of t:Base → extension of t:Loose [sends, reads]',
    );
    expect((await changes([['<xs:attribute name="Kind" type="xs:string"/>', '']])).map(line)).toEqual([
      't:Both: attribute Kind removed [sends, reads]',
    ]);
    expect(
      (
        await changes([
          [
            '<xs:complexType name="Loose"><xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence></xs:complexType>',
            '',
          ],
        ])
      ).map(line),
    ).toEqual(['t:Loose: type removed [neither]']);
  });

  it('says where each entry is declared in both sets', async () => {
    const [e] = await changes([
      ['<xs:enumeration value="Blue"/>', '<xs:enumeration value="Blue"/><xs:enumeration value="Green"/>'],
    ]);
    expect([e!.old, e!.new]).toEqual([
      { file: 'schema.xsd', line: 4, column: 3 },
      { file: 'schema.xsd', line: 4, column: 3 },
    ]);
  });

  it('refuses sets of different namespaces, or services with no operation in common', async () => {
    const a = await modelOf(xsd('<xs:element name="A" type="xs:string"/>'));
    const other = await modelOf(xsd('<xs:element name="A" type="xs:string"/>').replaceAll(T, 'urn:other'));
    expect(() => compareModels(a, other)).toThrow(
      new DiffError('the two schema sets have no namespace in common: they are not versions of one schema'),
    );
    const one = await modelOf({ 'service.wsdl': wsdl([{ name: 'Do' }]), 'schema.xsd': xsd(BASE) });
    const two = await modelOf({ 'service.wsdl': wsdl([{ name: 'Other' }]), 'schema.xsd': xsd(BASE) });
    expect(() => compareModels(one, two)).toThrow('no operation in common');
  });
});
