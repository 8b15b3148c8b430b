import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiled as um } from '../../generated/um/schema.js';
import { UmClient } from '../../generated/um/client.js';
import { EwsXmlError, readXml, writeDocument } from '../../generated/runtime/index.js';
import { docExamples } from '../support/docs.js';
import { treeDiff, xmlTree } from '../support/xml-tree.js';
import { tempDir } from '../support/temp.js';
import { xmllintValidate, SOAP_ENVELOPE_XSD } from '../support/xmllint.js';

const ROOT = join(import.meta.dirname, '../..');
const examples = docExamples(/-operation-um-web-service\.md$/);
const errata: { page: string; block: number; wrong: string; schema: string }[] = JSON.parse(readFileSync(join(ROOT, 'test/um-errata.json'), 'utf8'));
const inErrata = new Set(errata.map((e) => `${e.page}#${e.block}`));

/** Our UM schema behind the same SOAP 1.1 envelope schema the EWS tests use. */
function umEnvelopeSchema(): string {
  const dir = tempDir('um');
  writeFileSync(join(dir, 'soap.xsd'), SOAP_ENVELOPE_XSD);
  writeFileSync(join(dir, 'um.xsd'), readFileSync(join(ROOT, 'schemas/um/um.xsd')));
  writeFileSync(
    join(dir, 'root.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="http://schemas.xmlsoap.org/soap/envelope/" schemaLocation="soap.xsd"/><xs:import namespace="http://schemas.microsoft.com/exchange/services/2006/messages" schemaLocation="um.xsd"/></xs:schema>`,
  );
  return join(dir, 'root.xsd');
}

describe('the UM web service, from our own schema', () => {
  const schema = umEnvelopeSchema();
  const judged = xmllintValidate(schema, new Map(examples.map((e) => [e.id, e.xml])));

  it('has a request and a response example for each of its 11 operations', () => {
    expect(examples.length).toBe(22);
  });

  it('validates every documented example with xmllint, but those in test/um-errata.json', () => {
    expect([...judged.invalid.keys()].sort()).toEqual([...inErrata].sort());
  });

  it.each(examples.filter((e) => !inErrata.has(e.id)).map((e) => [e.id, e] as const))('%s reads strictly, writes back equal and valid', (_, example) => {
    const out = writeDocument(um, readXml(um, example.xml));
    expect(treeDiff(xmlTree(example.xml), xmlTree(out))).toBeUndefined();
    expect([...xmllintValidate(schema, new Map([['out', out]])).invalid]).toEqual([]);
  });

  it.each(errata.map((e) => [`${e.page}#${e.block}`, e] as const))('%s (erratum) is refused with an element path', (id, erratum) => {
    expect(erratum.wrong.length).toBeGreaterThan(5);
    const example = examples.find((e) => e.id === id)!;
    expect(() => readXml(um, example.xml)).toThrow(EwsXmlError);
  });

  it('answers with the result itself: (await um.getCallInfo({ CallId })).CallState', async () => {
    const reply = examples.find((e) => e.id === 'getcallinfo-operation-um-web-service.md#2')!.xml;
    const sent: string[] = [];
    const client = new UmClient(async (envelope) => {
      sent.push(envelope);
      return reply;
    });
    const info = await client.getCallInfo({ CallId: 'abc' });
    expect(info.CallState).toBe('Connected');
    expect(info.EventCause).toBe('None');
    expect(sent[0]).toContain('<m:GetCallInfo><m:CallId>abc</m:CallId></m:GetCallInfo>');
  });
});
