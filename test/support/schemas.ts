import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SchemaError } from '../../generator/errors.js';
import { buildModel } from '../../generator/model/build.js';
import type { Model } from '../../generator/model/model.js';
import { SchemaLoader } from '../../generator/read/load.js';
import { readSchemaSet } from '../../generator/read/read-schema-set.js';
import { tempDir } from './temp.js';

export const SHARED_EWS = join(import.meta.dirname, '../../../shared/schemas/ews');
/** The set `generated/` comes from (generator/config.ts DEFAULT_SCHEMAS). */
export const MAIN_SET = 'v2017_07_11';
export const SCHEMA_SETS = [MAIN_SET, 'exchange2016', 'exchange-online-2015', 'exchange2010_sp2'] as const;

export const XS = 'http://www.w3.org/2001/XMLSchema';
export const T = 'urn:test:types';

/** Writes the given files (name → text) into a new temporary folder (removed after the test file) and returns its path. */
export async function writeFiles(files: Record<string, string>): Promise<string> {
  const dir = tempDir('test');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** A one-document schema in namespace `urn:test:types` (prefix `t`), elements qualified. */
export function xsd(body: string, extraAttributes = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="${XS}" xmlns:t="${T}" targetNamespace="${T}" elementFormDefault="qualified"${extraAttributes}>
${body}
</xs:schema>
`;
}

/** An operation of wsdlOf's service: its body elements (default `t:<name>` and `t:<name>Response`) and input headers (`t:Header`). */
export interface WsdlOp {
  name: string;
  input?: string;
  output?: string;
  headers?: number;
}

/** A document/literal SOAP service over `schema.xsd` (namespace `urn:test:types`), one port type and binding. */
export function wsdlOf(ops: WsdlOp[]): string {
  const message = (name: string, element: string) =>
    `  <wsdl:message name="${name}"><wsdl:part name="p" element="t:${element}"/></wsdl:message>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="${XS}" xmlns:t="${T}" targetNamespace="${T}">
  <wsdl:types><xs:schema><xs:import namespace="${T}" schemaLocation="schema.xsd"/></xs:schema></wsdl:types>
  <wsdl:message name="H"><wsdl:part name="h" element="t:Header"/></wsdl:message>
${ops.map((o) => `${message(`${o.name}In`, o.input ?? o.name)}\n${message(`${o.name}Out`, o.output ?? `${o.name}Response`)}`).join('\n')}
  <wsdl:portType name="P">
${ops.map((o) => `    <wsdl:operation name="${o.name}"><wsdl:input message="t:${o.name}In"/><wsdl:output message="t:${o.name}Out"/></wsdl:operation>`).join('\n')}
  </wsdl:portType>
  <wsdl:binding name="B" type="t:P">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
${ops.map((o) => `    <wsdl:operation name="${o.name}"><soap:operation soapAction="urn:${o.name}"/><wsdl:input>${'<soap:header message="t:H" part="h" use="literal"/>'.repeat(o.headers ?? 0)}<soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`).join('\n')}
  </wsdl:binding>
</wsdl:definitions>
`;
}

/** Reads and resolves the schema files; the root is the first one named. */
export async function modelOf(files: Record<string, string> | string): Promise<Model> {
  const all = typeof files === 'string' ? { 'schema.xsd': files } : files;
  const dir = await writeFiles(all);
  const loader = new SchemaLoader(join(dir, Object.keys(all)[0] as string));
  return buildModel(await readSchemaSet(loader));
}

/** The SchemaError that reading and resolving the files raises (fails the test if none). */
export async function schemaErrorOf(files: Record<string, string> | string): Promise<SchemaError> {
  try {
    await modelOf(files);
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
  throw new Error('expected a SchemaError, but the schema was accepted');
}

export const q = (local: string, ns = T) => ({ ns, local });
export const k = (local: string, ns = T) => `{${ns}}${local}`;
