import { describe, expect, it } from 'vitest';
import { schemaErrorOf, wsdlOf, xsd } from '../support/schemas.js';

/*
 * Every schema error the reader and the model raise, each on the smallest schema that has it:
 * one `file:line:col: message`, at the construct that is wrong. (Errors of the XSD constructs
 * table, the WSDL and the passes have their own tests: read-xsd, ews-schemas, passes.)
 * Line 3 of the file is the body `xsd(body)` wraps.
 */
/** Title, the schema body with `^` where the error must point, and the message. */
const cases: [string, string, string][] = [
  [
    'a boolean attribute that is not one',
    '^<xs:element name="A" type="xs:string" nillable="yes"/>',
    'nillable="yes" is not a boolean',
  ],
  [
    'an occurrence that is not a number',
    '<xs:complexType name="X"><xs:sequence>^<xs:element name="A" minOccurs="-1"/></xs:sequence></xs:complexType>',
    'minOccurs="-1" is not a non-negative integer',
  ],
  [
    'an attribute use that is not one of three',
    '<xs:complexType name="X">^<xs:attribute name="a" type="xs:string" use="always"/></xs:complexType>',
    'use="always" is not optional, required or prohibited',
  ],
  [
    'processContents that is not one of three',
    '<xs:complexType name="X"><xs:sequence>^<xs:any processContents="maybe"/></xs:sequence></xs:complexType>',
    'processContents="maybe" is not strict, lax or skip',
  ],
  ['a global group without a name', '^<xs:group><xs:sequence/></xs:group>', 'a global xs:group needs a name'],
  [
    'an element with a name and a ref',
    '^<xs:element name="A" ref="t:B"/>',
    'xs:element needs exactly one of name and ref',
  ],
  [
    'a global simple type without a name',
    '^<xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType>',
    'a global xs:simpleType needs a name',
  ],
  [
    'a global element with occurrences',
    '^<xs:element name="A" type="xs:string" minOccurs="0"/>',
    'a global xs:element cannot have minOccurs or maxOccurs',
  ],
  [
    'a global element by reference',
    '<xs:element name="B" type="xs:string"/>^<xs:element ref="t:B"/>',
    'a global xs:element cannot use ref',
  ],
  [
    'a named local simple type',
    '<xs:element name="A">^<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType></xs:element>',
    'a local xs:simpleType cannot have a name',
  ],
  [
    'a substitution group on a local element',
    '<xs:element name="H" type="xs:string"/><xs:complexType name="X"><xs:sequence>^<xs:element name="A" substitutionGroup="t:H"/></xs:sequence></xs:complexType>',
    'only a global xs:element can have a substitutionGroup',
  ],
  [
    'an attribute declared twice',
    '<xs:complexType name="X"><xs:attribute name="a" type="xs:string"/>^<xs:attribute name="a" type="xs:int"/></xs:complexType>',
    'attribute a is declared twice in one type',
  ],
  ['an unknown built-in type', '^<xs:element name="A" type="xs:strung"/>', 'unknown built-in type xs:strung'],
  [
    'an unknown group',
    '<xs:complexType name="X"><xs:sequence>^<xs:group ref="t:G"/></xs:sequence></xs:complexType>',
    'unknown group t:G',
  ],
  [
    'an unknown attribute group',
    '<xs:complexType name="X">^<xs:attributeGroup ref="t:AG"/></xs:complexType>',
    'unknown attribute group t:AG',
  ],
  [
    'an unknown substitution group head',
    '^<xs:element name="A" type="xs:string" substitutionGroup="t:H"/>',
    'unknown substitution group head t:H',
  ],
  [
    'a complex type where a simple one is needed',
    '<xs:complexType name="C"/>^<xs:simpleType name="S"><xs:restriction base="t:C"/></xs:simpleType>',
    'restriction base t:C is a complex type; a simple type is needed here',
  ],
  [
    'complex content derived from a simple type',
    '<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType><xs:complexType name="X"><xs:complexContent>^<xs:extension base="t:S"/></xs:complexContent></xs:complexType>',
    'complexContent cannot derive from the simple type t:S',
  ],
  [
    'simple content restricting a simple type',
    '<xs:complexType name="X"><xs:simpleContent>^<xs:restriction base="xs:string"/></xs:simpleContent></xs:complexType>',
    'simpleContent restriction needs a complex base, not xs:string',
  ],
  [
    'simple content derived from a type without simple content',
    '<xs:complexType name="C"><xs:sequence><xs:element name="A"/></xs:sequence></xs:complexType>^<xs:complexType name="X"><xs:simpleContent><xs:restriction base="t:C"/></xs:simpleContent></xs:complexType>',
    'type t:X has simple content, but its base t:C has not',
  ],
  [
    'elements added to a type with simple content',
    '<xs:complexType name="S"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>^<xs:complexType name="X"><xs:complexContent><xs:extension base="t:S"><xs:sequence><xs:element name="A"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
    'type t:X adds elements to t:S, which has simple content',
  ],
  [
    'two content models in one type',
    '<xs:complexType name="X"><xs:sequence/>^<xs:choice/></xs:complexType>',
    'more than one content model',
  ],
  [
    'a substitution group that leads back to itself',
    '<xs:element name="A" type="xs:string" substitutionGroup="t:B"/>^<xs:element name="B" type="xs:string" substitutionGroup="t:A"/>',
    'substitution group of t:B leads back to itself',
  ],
];

describe('schema errors', () => {
  it.each(cases)('%s', async (_, marked, message) => {
    const column = marked.indexOf('^') + 1;
    expect((await schemaErrorOf(xsd(marked.replace('^', '')))).format()).toBe(`schema.xsd:3:${column}: ${message}`);
  });

  it('a DOCTYPE, an empty file and a root that is no schema', async () => {
    expect((await schemaErrorOf('<!DOCTYPE x [<!ENTITY e "e">]><x/>')).format()).toMatch(
      /^schema\.xsd:1:\d+: a DOCTYPE is not allowed in a schema document \(entities are never expanded\)$/,
    );
    // An empty file is saxes's error, not ours: malformed XML.
    expect((await schemaErrorOf('')).format()).toMatch(/^schema\.xsd:1:1: malformed XML: /);
    expect((await schemaErrorOf('<x xmlns="urn:x"/>')).format()).toBe(
      'schema.xsd:1:1: expected xs:schema, found {urn:x}x',
    );
  });

  it('an included or imported schema of another namespace', async () => {
    const other = xsd('', '').replace('targetNamespace="urn:test:types"', 'targetNamespace="urn:other"');
    expect(
      (
        await schemaErrorOf({ 'schema.xsd': xsd('<xs:include schemaLocation="other.xsd"/>'), 'other.xsd': other })
      ).format(),
    ).toBe('schema.xsd:3:1: included schema has targetNamespace "urn:other", not "urn:test:types"');
    expect(
      (
        await schemaErrorOf({
          'schema.xsd': xsd('<xs:import namespace="urn:else" schemaLocation="other.xsd"/>'),
          'other.xsd': other,
        })
      ).format(),
    ).toBe('schema.xsd:3:1: imported schema has targetNamespace "urn:other", but the import says "urn:else"');
  });
});

/** A WSDL of one operation A over `schema.xsd`; each case edits its text, `^` marks where the error must point. */
const WSDL = wsdlOf([{ name: 'A' }]);
const SCHEMA = xsd('<xs:element name="A" type="xs:string"/><xs:element name="AResponse" type="xs:string"/>');

/** Title, the edits ([from, to], in order) that break the WSDL, and the message. */
const wsdlCases: [string, [string | RegExp, string][], string][] = [
  [
    'a port type without a SOAP binding',
    [
      [/<wsdl:binding[^]*<\/wsdl:binding>\n/, ''],
      ['  <wsdl:portType', '  ^<wsdl:portType'],
    ],
    'port type P has no SOAP binding',
  ],
  [
    'an operation missing from the binding',
    [
      ['<wsdl:operation name="A"><soap:', '<wsdl:operation name="Z"><soap:'],
      ['    <wsdl:operation name="A"><wsdl:input', '    ^<wsdl:operation name="A"><wsdl:input'],
    ],
    'operation A is missing from binding B',
  ],
  [
    'a one-way operation',
    [
      ['<wsdl:output message="t:AOut"/>', ''],
      ['    <wsdl:operation name="A"><wsdl:input', '    ^<wsdl:operation name="A"><wsdl:input'],
    ],
    'operation A needs an input and an output (only request-response is supported)',
  ],
  [
    'an unknown message',
    [
      ['<wsdl:input message="t:AIn"/>', '<wsdl:input message="t:Nope"/>'],
      ['    <wsdl:operation name="A"><wsdl:input', '    ^<wsdl:operation name="A"><wsdl:input'],
    ],
    'unknown message t:Nope',
  ],
  [
    'a body of two parts',
    [
      ['<wsdl:part name="p" element="t:A"/>', '<wsdl:part name="p" element="t:A"/><wsdl:part name="q" element="t:A"/>'],
      ['  <wsdl:message name="AIn">', '  ^<wsdl:message name="AIn">'],
    ],
    'operation A: a document/literal body needs exactly one element part, found 2',
  ],
  [
    'a soap:body naming a part its message lacks',
    [
      ['<wsdl:input><soap:body use="literal"/>', '<wsdl:input><soap:body use="literal" parts="q"/>'],
      ['<wsdl:operation name="A"><soap:', '^<wsdl:operation name="A"><soap:'],
    ],
    'soap:body names part q, which t:AIn lacks',
  ],
  [
    'a soap:header naming no element part',
    [
      [
        '<wsdl:input><soap:body use="literal"/>',
        '<wsdl:input>^<soap:header message="t:AIn" part="zz" use="literal"/><soap:body use="literal"/>',
      ],
    ],
    'soap:header names part zz, which is not an element part of t:AIn',
  ],
];

/** The text with the `^` removed, and `line:column` of where it stood. */
function marked(text: string): [string, string] {
  const at = text.indexOf('^');
  const before = text.slice(0, at).split('\n');
  return [text.slice(0, at) + text.slice(at + 1), `${before.length}:${before.at(-1)!.length + 1}`];
}

describe('WSDL errors', () => {
  it.each(wsdlCases)('%s', async (_, edits, message) => {
    let text = WSDL;
    for (const [from, to] of edits) {
      const next = text.replace(from, to);
      expect(next, `edit ${String(from)}`).not.toBe(text);
      text = next;
    }
    const [wsdl, pos] = marked(text);
    expect((await schemaErrorOf({ 'service.wsdl': wsdl, 'schema.xsd': SCHEMA })).format()).toBe(
      `service.wsdl:${pos}: ${message}`,
    );
  });
});
