import { describe, expect, it } from 'vitest';
import { readItemOnPhone } from '../../examples/ews-phone-call.js';
import { readItemOnPhoneUm } from '../../examples/um-phone-call.js';
import { EwsClient } from '../../generated/ews/client.js';
import { UmClient } from '../../generated/um/client.js';
import { EwsXmlError, readXml, writeDocument } from '../../generated/runtime/index.js';
import { compiled as ews } from '../../generated/ews/schema.js';
import { compiled as um } from '../../generated/um/schema.js';
import { docExamples } from '../support/docs.js';

/** The documented example `n` (1-based) of a reference page. */
const doc = (page: string, n: number) => docExamples(new RegExp(`^${page.replace('.', '\\.')}$`))[n - 1]!.xml;

/** A transport that answers each SOAP action with a recorded response, and keeps what was sent. */
function stub(replies: Record<string, string[]>) {
  const sent: { action: string; envelope: string }[] = [];
  const transport = async (envelope: string, action: string) => {
    sent.push({ action, envelope });
    const name = action.slice(action.lastIndexOf('/') + 1);
    const queue = replies[name];
    if (!queue?.length) throw new Error(`no recorded reply for ${name}`);
    return queue.length > 1 ? queue.shift()! : queue[0]!;
  };
  return { transport, sent };
}

describe('examples/ run against the documented responses', () => {
  it('EWS: PlayOnPhone, poll GetPhoneCallInformation until connected, DisconnectPhoneCall', async () => {
    const { transport, sent } = stub({
      PlayOnPhone: [doc('playonphone-operation-ews.md', 2)],
      GetPhoneCallInformation: [doc('getphonecallinformation-operation.md', 2)],
      DisconnectPhoneCall: [doc('disconnectphonecall-operation.md', 2)],
    });
    const log = await readItemOnPhone(new EwsClient(transport, { headers: { RequestServerVersion: { Version: 'Exchange2016' } } }), 'AkAjzQTbY/i=', '5555551212', { pollMs: 0 });
    expect(log).toEqual({ callId: 'ZWMtWYtMY29t', states: ['Connected'] });
    expect(sent.map((s) => s.action.split('/').pop())).toEqual(['PlayOnPhone', 'GetPhoneCallInformation', 'DisconnectPhoneCall']);
    expect(sent[0]!.envelope).toContain('<m:PlayOnPhone><m:ItemId Id="AkAjzQTbY/i="/><m:DialString>5555551212</m:DialString></m:PlayOnPhone>');
    expect(sent[2]!.envelope).toContain('<m:PhoneCallId Id="ZWMtWYtMY29t"/>');
  });

  it('UM: PlayOnPhone, poll GetCallInfo until connected, Disconnect', async () => {
    const { transport, sent } = stub({
      PlayOnPhone: [doc('playonphone-operation-um-web-service.md', 2)],
      GetCallInfo: [doc('getcallinfo-operation-um-web-service.md', 2)],
      Disconnect: [doc('disconnect-operation-um-web-service.md', 2)],
    });
    const log = await readItemOnPhoneUm(new UmClient(transport), 'AAAAAGsd2rbQLVtLobUGbrq', '12345', { pollMs: 0 });
    expect(log.states).toEqual(['Connected']);
    expect(log.callId).toMatch(/^NDEzYjEzNmMt/);
    expect(sent.map((s) => s.action.split('/').pop())).toEqual(['PlayOnPhone', 'GetCallInfo', 'Disconnect']);
    expect(sent[0]!.envelope).toContain('<m:PlayOnPhone><m:entryId>AAAAAGsd2rbQLVtLobUGbrq</m:entryId><m:dialString>12345</m:dialString></m:PlayOnPhone>');
  });
});

/**
 * Translated copies of the reference pages (French, German, Portuguese) rewrite every
 * http://schemas.microsoft.com/… namespace to https://…, which Exchange never accepts. Our
 * fixtures are the English examples with that rewrite applied here.
 */
describe('translated documentation (https:// namespaces)', () => {
  const translate = (xml: string) => xml.replaceAll('http://schemas.microsoft.com/', 'https://schemas.microsoft.com/');
  const cases = [
    { name: 'EWS DisconnectPhoneCall request', schema: ews, xml: doc('disconnectphonecall-operation.md', 1) },
    { name: 'EWS DisconnectPhoneCall response', schema: ews, xml: doc('disconnectphonecall-operation.md', 2) },
    { name: 'UM Disconnect request', schema: um, xml: doc('disconnect-operation-um-web-service.md', 1) },
    { name: 'UM Disconnect response', schema: um, xml: doc('disconnect-operation-um-web-service.md', 2) },
  ];

  it.each(cases)('$name: refused strictly, naming https; read with acceptHttpsNamespaces; written with http://', ({ schema, xml }) => {
    const translated = translate(xml);
    expect(translated).toContain('https://schemas.microsoft.com/');
    let error: unknown;
    try {
      readXml(schema, translated);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EwsXmlError);
    expect((error as Error).message).toMatch(/uses https: Exchange only accepts http:\/\/schemas\.microsoft\.com\//);
    const doc = readXml(schema, translated, { acceptHttpsNamespaces: true });
    const out = writeDocument(schema, doc);
    expect(out).not.toContain('https://');
    expect(out).toBe(writeDocument(schema, readXml(schema, xml)));
  });
});

describe('examples/find-unread.ts', () => {
  it('runs against the stand-in: FindItem of the unread, then GetItem of the first ten', async () => {
    const { startStandIn } = await import('../../generator/stand-in/server.js');
    const { httpTransport } = await import('../../generated/runtime/index.js');
    const { findUnread } = await import('../../examples/find-unread.js');
    const ids = Array.from({ length: 12 }, (_, i) => `AAMkUnread${i}=`);
    const s = await startStandIn({
      handlers: {
        FindItem: () => ({
          ResponseMessages: {
            $items: [
              {
                $element: 'FindItemResponseMessage',
                ResponseClass: 'Success',
                ResponseCode: 'NoError',
                RootFolder: { TotalItemsInView: 12, IncludesLastItemInRange: false, Items: { $items: ids.slice(0, 10).map((Id) => ({ $element: 'Message' as const, ItemId: { Id } })) } },
              },
            ],
          },
        }),
        GetItem: (req) => ({
          ResponseMessages: {
            $items: req.body.ItemIds.$items.map((ref, i) => ({
              $element: 'GetItemResponseMessage' as const,
              ResponseClass: 'Success' as const,
              ResponseCode: 'NoError' as const,
              Items: { $items: [{ $element: 'Message' as const, ItemId: { Id: (ref as { Id: string }).Id }, Subject: `Report ${i}`, From: { Mailbox: { EmailAddress: `sender${i}@contoso.example` } } }] },
            })),
          },
        }),
      },
    });
    const transport = httpTransport({ url: s.url });
    try {
      const result = await findUnread(new EwsClient(transport, { headers: { RequestServerVersion: { Version: 'Exchange2016' } } }));
      expect(result.total).toBe(12);
      expect(result.messages).toHaveLength(10);
      expect(result.messages[3]).toEqual({ id: 'AAMkUnread3=', subject: 'Report 3', from: 'sender3@contoso.example' });
      // What the example sent, as the stand-in read it strictly.
      const [find, get] = s.requests;
      expect(find!.body).toMatchObject({
        Restriction: { SearchExpression: { $element: 'IsEqualTo', Path: { $element: 'FieldURI', FieldURI: 'message:IsRead' }, FieldURIOrConstant: { Constant: { Value: 'false' } } } },
        IndexedPageItemView: { MaxEntriesReturned: 10 },
      });
      expect((get!.body as { ItemIds: { $items: unknown[] } }).ItemIds.$items).toHaveLength(10);
    } finally {
      transport.close();
      await s.close();
    }
  });

  // Against a real server only when one is configured (EWS_URL and credentials in the environment).
  it.runIf(process.env.EWS_URL)('runs against the server at EWS_URL', async () => {
    const { basicAuth, bearerAuth, httpTransport, ntlmAuth } = await import('../../generated/runtime/index.js');
    const { findUnread } = await import('../../examples/find-unread.js');
    const { EWS_URL, EWS_CODEGEN_USERNAME: user, EWS_CODEGEN_PASSWORD: password, EWS_CODEGEN_BEARER_TOKEN: token, EWS_AUTH } = process.env;
    const auth = user && password ? (EWS_AUTH === 'ntlm' ? ntlmAuth({ username: user, password }) : basicAuth(user, password)) : token ? bearerAuth(async () => token) : undefined;
    const transport = httpTransport({ url: EWS_URL!, ...(auth ? { auth } : {}) });
    try {
      const result = await findUnread(new EwsClient(transport, { headers: { RequestServerVersion: { Version: 'Exchange2016' } } }));
      expect(result.messages.length).toBeLessThanOrEqual(10);
    } finally {
      transport.close();
    }
  });
});
