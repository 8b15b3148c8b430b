import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutodiscoverClient } from '../../generated/autodiscover/client.js';
import { compiled as autodiscover } from '../../generated/autodiscover/schema.js';
import { compiled as poxSchema } from '../../generated/autodiscover-pox/schema.js';
import { EwsXmlError, readXml, writeDocument } from '../../generated/runtime/index.js';
import { docExamples } from '../support/docs.js';
import { errorParts } from '../support/errors.js';
import { tempDir } from '../support/temp.js';
import { treeDiff, xmlTree } from '../support/xml-tree.js';
import { SOAP_ENVELOPE_XSD, xmllintValidate } from '../support/xmllint.js';

const ROOT = join(import.meta.dirname, '../..');
const NS = 'http://schemas.microsoft.com/exchange/2010/Autodiscover';
/**
 * The SOAP Autodiscover operation pages' examples, with the namespace as the wire has it: the
 * pages spell it https:// (schemas/autodiscover/DECISIONS.md D1), everything else as written.
 */
const examples = docExamples(/-operation-soap\.md$/).map((e) => ({ ...e, xml: e.xml.replaceAll(NS.replace('http:', 'https:'), NS) }));
const errata: { page: string; block: number; wrong: string; schema: string; error: { path: string; line?: number; message: string } }[] = JSON.parse(
  readFileSync(join(ROOT, 'test/autodiscover-errata.json'), 'utf8'),
);
const inErrata = new Set(errata.map((e) => `${e.page}#${e.block}`));

/** Our Autodiscover schema behind the SOAP 1.1 envelope schema the EWS tests use. */
function envelopeSchema(): string {
  const dir = tempDir('autodiscover');
  writeFileSync(join(dir, 'soap.xsd'), SOAP_ENVELOPE_XSD);
  writeFileSync(join(dir, 'autodiscover.xsd'), readFileSync(join(ROOT, 'schemas/autodiscover/autodiscover.xsd')));
  writeFileSync(
    join(dir, 'root.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="http://schemas.xmlsoap.org/soap/envelope/" schemaLocation="soap.xsd"/><xs:import namespace="${NS}" schemaLocation="autodiscover.xsd"/></xs:schema>`,
  );
  return join(dir, 'root.xsd');
}

describe('SOAP Autodiscover, from our own schema', () => {
  const schema = envelopeSchema();
  const judged = xmllintValidate(schema, new Map(examples.map((e) => [e.id, e.xml])));

  it('has a request and a response example for the three operations the pages show', () => {
    expect(examples.map((e) => e.id).sort()).toEqual([
      'getdomainsettings-operation-soap.md#1',
      'getdomainsettings-operation-soap.md#2',
      'getfederationinformation-operation-soap.md#1',
      'getfederationinformation-operation-soap.md#2',
      'getusersettings-operation-soap.md#1',
      'getusersettings-operation-soap.md#2',
    ]);
  });

  it('validates every documented example with xmllint, but those in test/autodiscover-errata.json', () => {
    expect([...judged.invalid.keys()].sort()).toEqual([...inErrata].sort());
  });

  it.each(examples.filter((e) => !inErrata.has(e.id)).map((e) => [e.id, e] as const))('%s reads strictly, writes back equal and valid', (_, example) => {
    const out = writeDocument(autodiscover, readXml(autodiscover, example.xml));
    expect(treeDiff(xmlTree(example.xml), xmlTree(out))).toBeUndefined();
    expect([...xmllintValidate(schema, new Map([['out', out]])).invalid]).toEqual([]);
  });

  it.each(errata.map((e) => [`${e.page}#${e.block}`, e] as const))('%s (erratum) is refused with the recorded error', (id, erratum) => {
    expect(erratum.wrong.length).toBeGreaterThan(5);
    const example = examples.find((e) => e.id === id)!;
    let error: unknown;
    try {
      readXml(autodiscover, example.xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EwsXmlError);
    expect(errorParts(error as EwsXmlError)).toEqual(erratum.error);
  });
});

describe('AutodiscoverClient', () => {
  it('sends GetUserSettings with RequestedServerVersion in the header and reads the settings typed, xsi:type as $type', async () => {
    const reply = examples.find((e) => e.id === 'getusersettings-operation-soap.md#2')!.xml;
    const sent: string[] = [];
    const client = new AutodiscoverClient(async (envelope) => {
      sent.push(envelope);
      return reply;
    });
    const response = await client.getUserSettings(
      { Request: { Users: { User: [{ Mailbox: 'alice@contoso.com' }] }, RequestedSettings: { Setting: ['ExternalEwsUrl', 'CasVersion'] } } },
      { RequestedServerVersion: 'Exchange2013' },
    );
    expect(sent[0]).toContain(`<soap:Header><a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion></soap:Header>`);
    expect(sent[0]).toContain(
      '<a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User><a:Mailbox>alice@contoso.com</a:Mailbox></a:User></a:Users>' +
        '<a:RequestedSettings><a:Setting>ExternalEwsUrl</a:Setting><a:Setting>CasVersion</a:Setting></a:RequestedSettings></a:Request></a:GetUserSettingsRequestMessage>',
    );
    const user = response.body.Response!.UserResponses!.UserResponse![0]!;
    expect(user.ErrorCode).toBe('NoError');
    expect(user.RedirectTarget).toBeNull();
    expect(user.UserSettings!.UserSetting![3]).toEqual({ $type: 'StringSetting', Name: 'CasVersion', Value: '14.00.0478.000' });
  });
});

describe('SOAP Autodiscover through the transport and the stand-in', () => {
  it('GetUserSettings over httpTransport: the stand-in reads the request strictly and answers typed settings', async () => {
    const { startStandIn } = await import('../../generator/stand-in/server.js');
    const { httpTransport } = await import('../../generated/runtime/index.js');
    const s = await startStandIn({
      autodiscoverHandlers: {
        GetUserSettings: () => ({
          Response: {
            ErrorCode: 'NoError',
            ErrorMessage: '',
            UserResponses: {
              UserResponse: [
                {
                  ErrorCode: 'NoError',
                  RedirectTarget: null,
                  UserSettings: { UserSetting: [{ $type: 'StringSetting', Name: 'ExternalEwsUrl', Value: 'https://mail.contoso.com/EWS/Exchange.asmx' }] },
                },
              ],
            },
          },
        }),
      },
    });
    const transport = httpTransport({ url: s.autodiscoverUrl });
    try {
      const r = await new AutodiscoverClient(transport).getUserSettings(
        { Request: { Users: { User: [{ Mailbox: 'alice@contoso.com' }] }, RequestedSettings: { Setting: ['ExternalEwsUrl'] } } },
        { RequestedServerVersion: 'Exchange2013' },
      );
      expect(r.body.Response!.UserResponses!.UserResponse![0]!.UserSettings!.UserSetting![0]).toEqual({ $type: 'StringSetting', Name: 'ExternalEwsUrl', Value: 'https://mail.contoso.com/EWS/Exchange.asmx' });
      expect(r.headers.ServerVersionInfo?.Version).toBe('Exchange2013_SP1');
      expect(s.requests[0]).toMatchObject({ path: '/autodiscover/autodiscover.svc', operation: 'GetUserSettings', status: 200 });
    } finally {
      transport.close();
      await s.close();
    }
  });
});

describe('POX Autodiscover, from our own schemas', () => {
  const pox = poxSchema;
  /** The pages spell the POX namespaces https:// too (DECISIONS.md P1). */
  const poxExamples = docExamples(/^pox-autodiscover-(request|response)-for-exchange\.md$/).map((e) => ({
    ...e,
    xml: e.xml.replaceAll('xmlns="https://schemas.microsoft.com/exchange/autodiscover/', 'xmlns="http://schemas.microsoft.com/exchange/autodiscover/'),
  }));
  const poxXsd = (() => {
    const dir = tempDir('pox');
    for (const f of ['pox-request.xsd', 'pox-response.xsd', 'pox-outlook.xsd']) writeFileSync(join(dir, f), readFileSync(join(ROOT, 'schemas/autodiscover', f)));
    return join(dir, 'pox-request.xsd');
  })();

  it('has the documented request, response and error response', () => {
    expect(poxExamples.map((e) => e.id)).toEqual([
      'pox-autodiscover-request-for-exchange.md#1',
      'pox-autodiscover-response-for-exchange.md#1',
      'pox-autodiscover-response-for-exchange.md#2',
    ]);
  });

  // Written back, the members of an xs:all come in schema order (P4), so the check is that the
  // output reads as the same value; and xmllint judges both.
  it.each(poxExamples.map((e) => [e.id, e] as const))('%s validates with xmllint, reads strictly, writes back the same value, valid', (_, example) => {
    expect([...xmllintValidate(poxXsd, new Map([['doc', example.xml]])).invalid]).toEqual([]);
    const doc = readXml(pox, example.xml);
    const out = writeDocument(pox, doc);
    expect(readXml(pox, out).value).toEqual(doc.value);
    expect([...xmllintValidate(poxXsd, new Map([['out', out]])).invalid]).toEqual([]);
  });

  it('reads the error response as ar:Response, the answer as o:Response', () => {
    const [, answer, error] = poxExamples;
    expect(readXml(pox, error!.xml).value).toEqual({ 'ar:Response': { Error: { Time: '21:25:04.8897083', Id: '4130155072', ErrorCode: '600', Message: 'Invalid Request', DebugData: '' } } });
    const protocols = (readXml(pox, answer!.xml).value as { 'o:Response': { Account: { Protocol: { Type: string; ASUrl?: string }[] } } })['o:Response'].Account.Protocol;
    expect(protocols.map((p) => p.Type)).toEqual(['EXCH', 'EXPR', 'WEB']);
  });
});
