import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAIN_SET, SHARED_EWS } from './schemas.js';
import { tempDir } from './temp.js';

/*
 * xmllint, our independent judge of XML against the XSD. It validates whole SOAP envelopes with
 * a schema set made at test time in a temporary folder (never committed):
 * - messages.xsd and types.xsd of the main target (V2017_07_11), copied unchanged but for the
 *   import of xml: below (libxml2 compiles them as published);
 * - for the exchange2016 set (php-ews's copy), one more change: libxml2 cannot compile its
 *   ArrayOfTransitionsType (a sequence of three substitution-group members and their head, each
 *   unbounded, is not deterministic), so that sequence becomes `t:Transition*`, which accepts the
 *   same language (every member substitutes for the head) and is what V2017_07_11 publishes;
 * - xml.xsd declaring xml:lang, which types.xsd imports without a location;
 * - soap.xsd, a SOAP 1.1 envelope whose Body takes any element strictly (EWS elements are then
 *   checked against their declarations), whose Header takes any element laxly (other
 *   namespaces' headers pass), and a Fault with its four unqualified children.
 */

/** A SOAP 1.1 envelope schema for validation: strict Body, lax Header, the four Fault children. */
export const SOAP_ENVELOPE_XSD = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://schemas.xmlsoap.org/soap/envelope/" elementFormDefault="qualified">
  <xs:element name="Envelope">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Header" minOccurs="0">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="Body">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##any" processContents="strict" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:anyAttribute namespace="##other" processContents="lax"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="Fault">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="faultcode" type="xs:QName" form="unqualified"/>
        <xs:element name="faultstring" form="unqualified">
          <xs:complexType><xs:simpleContent><xs:extension base="xs:string"><xs:anyAttribute namespace="##any" processContents="lax"/></xs:extension></xs:simpleContent></xs:complexType>
        </xs:element>
        <xs:element name="faultactor" type="xs:anyURI" minOccurs="0" form="unqualified"/>
        <xs:element name="detail" minOccurs="0" form="unqualified">
          <xs:complexType>
            <xs:sequence><xs:any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
            <xs:anyAttribute namespace="##any" processContents="lax"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

const XML_XSD = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>
`;

/** Whether xmllint finds a document not well-formed (XML 1.0; its namespace errors do not count, as they do not change its exit status). */
export function xmllintRefuses(xml: string): boolean {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml });
  if (run.error) throw new Error(`xmllint did not run: ${run.error.message}`);
  return run.status !== 0;
}

export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Builds the validation schema set for envelopes of a published set (default the main target); returns the root XSD's path. */
export function envelopeSchema(set = MAIN_SET): string {
  const dir = tempDir('xsd');
  const src = join(SHARED_EWS, set);
  copyFileSync(join(src, 'messages.xsd'), join(dir, 'messages.xsd'));
  let types = readFileSync(join(src, 'types.xsd'), 'utf8').replace(/^\uFEFF/, '');
  if (set === 'exchange2016') {
    const start = types.indexOf('<xs:complexType name="ArrayOfTransitionsType">');
    const seqStart = types.indexOf('<xs:sequence>', start);
    const seqEnd = types.indexOf('</xs:sequence>', start) + '</xs:sequence>'.length;
    if (start < 0 || seqStart < 0) throw new Error('ArrayOfTransitionsType not found in types.xsd');
    types =
      types.slice(0, seqStart) +
      '<xs:sequence><xs:element ref="t:Transition" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>' +
      types.slice(seqEnd);
  }
  types = types.replace(
    '<xs:import namespace="http://www.w3.org/XML/1998/namespace"/>',
    '<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>',
  );
  writeFileSync(join(dir, 'types.xsd'), types);
  writeFileSync(join(dir, 'xml.xsd'), XML_XSD);
  writeFileSync(join(dir, 'soap.xsd'), SOAP_ENVELOPE_XSD);
  writeFileSync(
    join(dir, 'root.xsd'),
    `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://schemas.xmlsoap.org/soap/envelope/" schemaLocation="soap.xsd"/>
  <xs:import namespace="http://schemas.microsoft.com/exchange/services/2006/messages" schemaLocation="messages.xsd"/>
</xs:schema>
`,
  );
  return join(dir, 'root.xsd');
}

/**
 * Validates documents (name → XML) in one xmllint run; returns the names xmllint accepts, and
 * for the others its first message.
 */
export function xmllintValidate(
  schema: string,
  docs: Map<string, string>,
): { valid: Set<string>; invalid: Map<string, string> } {
  const dir = tempDir('xml');
  const fileOf = new Map<string, string>();
  let n = 0;
  for (const [name, xml] of docs) {
    const file = join(dir, `${++n}.xml`);
    writeFileSync(file, xml);
    fileOf.set(file, name);
  }
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, ...fileOf.keys()], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.error) throw run.error;
  const output = run.stderr + run.stdout;
  const valid = new Set<string>();
  const invalid = new Map<string, string>();
  for (const line of output.split('\n')) {
    const m = /^(\/\S+?\.xml)(?::\d+:)?\s*(.*)$/.exec(line);
    if (!m) continue;
    const name = fileOf.get(m[1]!);
    if (name === undefined) continue;
    if (m[2] === 'validates') valid.add(name);
    else if (!invalid.has(name) && m[2] !== 'fails to validate') invalid.set(name, m[2]!.replace(basename(m[1]!), ''));
  }
  for (const name of docs.keys()) if (!valid.has(name) && !invalid.has(name)) invalid.set(name, 'fails to validate');
  return { valid, invalid };
}
