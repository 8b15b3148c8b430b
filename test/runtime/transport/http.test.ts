import { afterEach, describe, expect, it } from 'vitest';
import { EwsClient } from '../../../generated/ews/client.js';
import type { FindItemResponseType, FindItemType } from '../../../generated/ews/messages.js';
import {
  basicAuth,
  bearerAuth,
  EwsAbortError,
  EwsAuthError,
  EwsHttpError,
  EwsNetworkError,
  EwsRedirectError,
  EwsThrottledError,
  EwsTimeoutError,
  EwsTransportError,
  EwsXmlError,
  fetchTransport,
  httpTransport,
  ntlmAuth,
  type EwsTransport,
  type HttpTransportOptions,
} from '../../../generated/runtime/index.js';
import { startStandIn, type StandIn, type StandInOptions } from '../../../generator/stand-in/server.js';
import { fakeClock, selfSignedCert } from '../../support/network.js';

const VERSION = { RequestServerVersion: { Version: 'Exchange2016' as const } };
const PASSWORD = 'S3cret-pa55!';
const FIND: FindItemType = { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } };
const found = (n = 1): FindItemResponseType => ({
  ResponseMessages: {
    $items: [
      {
        $element: 'FindItemResponseMessage',
        ResponseClass: 'Success',
        ResponseCode: 'NoError',
        RootFolder: { TotalItemsInView: n, IncludesLastItemInRange: true, Items: { $items: Array.from({ length: n }, (_, i) => ({ $element: 'Message' as const, ItemId: { Id: `AAMk${i}=` } })) } },
      },
    ],
  },
});
const created = () => ({ ResponseMessages: { $items: [{ $element: 'CreateItemResponseMessage' as const, ResponseClass: 'Success' as const, ResponseCode: 'NoError' as const, Items: {} }] } });
const CREATE = { MessageDisposition: 'SaveOnly' as const, Items: { $items: [{ $element: 'Message' as const, Subject: 'hello' }] } };

const open: { stop(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.stop();
});

async function standIn(options: StandInOptions = {}): Promise<StandIn> {
  const s = await startStandIn({ handlers: { FindItem: () => found(), CreateItem: () => created(), ...options.handlers }, ...options });
  open.push({ stop: () => s.close() });
  return s;
}

function transport(options: HttpTransportOptions): EwsTransport {
  const t = httpTransport(options);
  open.push({ stop: () => t.close() });
  return t;
}

const client = (t: EwsTransport) => new EwsClient(t, { headers: VERSION });

describe('Basic', () => {
  it('authenticates, and a wrong password is an auth error naming the schemes offered', async () => {
    const s = await standIn({ auth: { basic: [{ username: 'alice', password: PASSWORD }] } });
    const ok = await client(transport({ url: s.url, auth: basicAuth('alice', PASSWORD), allowHttp: true })).findItem(FIND);
    expect(ok.body.ResponseMessages.$items[0]!.ResponseCode).toBe('NoError');
    expect(s.requests.at(-1)!.user).toBe('alice');
    const bad = client(transport({ url: s.url, auth: basicAuth('alice', 'nope'), allowHttp: true })).findItem(FIND);
    await expect(bad).rejects.toThrow(EwsAuthError);
    await expect(bad).rejects.toThrow(/^auth: the server refused the credentials \(we sent Basic; the server offers Basic\)$/);
  });

  it('is refused over plain http:// unless allowed', () => {
    expect(() => httpTransport({ url: 'http://mail.contoso.example/EWS/Exchange.asmx', auth: basicAuth('a', 'b') })).toThrow(/^config: Basic credentials over plain http:\/\/ are refused/);
  });
});

describe('Bearer', () => {
  it('asks the provider once more with forceRefresh after a 401, then retries once', async () => {
    const s = await standIn({ auth: { bearer: ['fresh-token'] } });
    const asked: boolean[] = [];
    const t = transport({ url: s.url, allowHttp: true, auth: bearerAuth(async ({ forceRefresh }) => (asked.push(forceRefresh), forceRefresh ? 'fresh-token' : 'stale-token')) });
    await client(t).findItem(FIND);
    expect(asked).toEqual([false, true]);
    expect(s.requests.map((r) => r.status)).toEqual([401, 200]);
  });

  it('fails with an auth error when the refreshed token is refused too', async () => {
    const s = await standIn({ auth: { bearer: ['fresh-token'] } });
    const asked: boolean[] = [];
    const t = transport({ url: s.url, allowHttp: true, auth: bearerAuth(async ({ forceRefresh }) => (asked.push(forceRefresh), 'revoked')) });
    await expect(client(t).findItem(FIND)).rejects.toThrow(/^auth: the server refused the credentials \(we sent Bearer/);
    expect(asked).toEqual([false, true]);
  });
});

describe('NTLMv2 against the stand-in', () => {
  it('handshakes once per connection and rides on it', async () => {
    const s = await standIn({ auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] } });
    const t = transport({ url: s.url, allowHttp: true, auth: ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD }), retry: { concurrency: 2 } });
    const c = client(t);
    await c.findItem(FIND);
    await c.findItem(FIND);
    expect(s.requests.map((r) => [r.status, r.headers.authorization ?? '-'])).toEqual([
      [401, 'NTLM …'],
      [200, 'NTLM …'],
      [200, '-'],
    ]);
    // Parallel calls go through a pool of authenticated connections (two here): two handshakes in all.
    s.requests.length = 0;
    await Promise.all(Array.from({ length: 6 }, () => c.findItem(FIND)));
    expect(s.requests.filter((r) => r.status === 401).length).toBeLessThanOrEqual(1);
    expect(s.requests.filter((r) => r.status === 200).length).toBe(6);
  });

  it('handshakes again when the server closed the authenticated connection', async () => {
    const s = await standIn({ auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] } });
    const c = client(transport({ url: s.url, allowHttp: true, auth: ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD }), retry: { concurrency: 1 } }));
    await c.findItem(FIND);
    s.dropConnections();
    await new Promise((r) => setTimeout(r, 20));
    await c.findItem(FIND);
    expect(s.requests.map((r) => r.status)).toEqual([401, 200, 401, 200]);
    expect(s.requests.map((r) => r.user)).toEqual([undefined, 'CONTOSO\\alice', undefined, 'CONTOSO\\alice']);
  });

  it('sends NTLM under Negotiate to a server that offers only Negotiate', async () => {
    const s = await standIn({ auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }], ntlmSchemes: ['Negotiate'] } });
    await client(transport({ url: s.url, allowHttp: true, auth: ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD }) })).findItem(FIND);
    expect(s.requests.map((r) => [r.status, r.headers.authorization])).toEqual([
      [401, 'NTLM …'],
      [401, 'Negotiate …'],
      [200, 'Negotiate …'],
    ]);
  });

  it('a wrong password is refused', async () => {
    const s = await standIn({ auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] } });
    const t = transport({ url: s.url, allowHttp: true, auth: ntlmAuth({ username: 'CONTOSO\\alice', password: 'wrong' }) });
    await expect(client(t).findItem(FIND)).rejects.toThrow(/^auth: the server refused the credentials \(we sent NTLM; the server offers NTLM, Negotiate\)$/);
  });

  it('Extended Protection Require: accepted with channel binding over TLS, refused without', async () => {
    const tls = selfSignedCert();
    const s = await standIn({ tls, auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }], extendedProtection: 'require' } });
    expect(s.url.startsWith('https://127.0.0.1:')).toBe(true);
    const ntlm = ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD });
    await client(transport({ url: s.url, ca: tls.cert, auth: ntlm })).findItem(FIND);
    expect(s.requests.at(-1)!.user).toBe('CONTOSO\\alice');
    expect(s.requests.at(-1)!.ntlm).toEqual({ mic: true, channelBound: true, keyExchange: false });
    // The same client with the server certificate hidden from it sends no channel binding.
    const blind = { ...ntlm, challenge: (ctx: Parameters<typeof ntlm.challenge>[0], offered: readonly string[]) => ntlm.challenge({ ...ctx, connection: { socketId: ctx.connection.socketId, state: ctx.connection.state } }, offered) };
    await expect(client(transport({ url: s.url, ca: tls.cert, auth: blind })).findItem(FIND)).rejects.toThrow(EwsAuthError);
  });
});

describe('throttling', () => {
  it('obeys the BackOffMilliseconds of an ErrorServerBusy fault exactly', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'server-busy', backOffMs: 1234 } }] });
    const clock = fakeClock();
    const retries: unknown[] = [];
    const t = transport({ url: s.url, retry: { clock }, hooks: { onRetry: (e) => retries.push(e) } });
    const r = await client(t).findItem(FIND);
    expect(r.ok).toBe(true);
    expect(clock.sleeps).toEqual([1234]);
    expect(retries).toEqual([{ operation: 'FindItem', reason: 'ErrorServerBusy', delayMs: 1234, attempt: 1, hinted: true }]);
  });

  it('treats ErrorServerBusy inside a 200 response like the fault', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'busy-in-200', backOffMs: 777 } }] });
    const clock = fakeClock();
    const r = await client(transport({ url: s.url, retry: { clock } })).findItem(FIND);
    expect(r.ok).toBe(true);
    expect(clock.sleeps).toEqual([777]);
    expect(s.requests.map((q) => q.fault ?? 'none')).toEqual(['busy-in-200', 'none']);
  });

  it('obeys Retry-After on 503 in seconds and on 429 as an HTTP date', async () => {
    const clock = fakeClock(Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'));
    const s = await standIn({
      faults: [
        { fault: { kind: 'status', status: 503, retryAfter: '3' } },
        { fault: { kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:08 GMT' } },
      ],
    });
    await client(transport({ url: s.url, retry: { clock } })).findItem(FIND);
    expect(clock.sleeps).toEqual([3000, 5000]); // the date is 8 s after the start, 3 s of which were slept
  });

  it('a hint beyond the wait budget fails at once, with the wait the server asked for', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'server-busy', backOffMs: 297749 } }] });
    const clock = fakeClock();
    const call = client(transport({ url: s.url, retry: { clock } })).findItem(FIND);
    await expect(call).rejects.toThrow(EwsThrottledError);
    const e = (await call.catch((x: unknown) => x)) as EwsThrottledError;
    expect(e.retryAfterMs).toBe(297749);
    expect(e.reason).toBe('ErrorServerBusy');
    expect(e.message).toMatch(/^throttled: ErrorServerBusy: the server asks to wait 297749 ms, more than the 60000 ms left/);
    expect(clock.sleeps).toEqual([]);
  });

  it('ErrorExceededConnectionCount lowers the concurrency', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'fault', code: 'ErrorExceededConnectionCount' } }] });
    const t = transport({ url: s.url, retry: { clock: fakeClock(), random: () => 0 } });
    expect(t.retry.concurrency).toBe(4);
    await client(t).findItem(FIND);
    expect(t.retry.concurrency).toBe(3);
  });
});

describe('what may and may not be sent twice', () => {
  it('a CreateItem whose response was cut off is not sent again', async () => {
    const s = await standIn({ faults: [{ operation: 'CreateItem', fault: { kind: 'reset-mid-body' } }] });
    const call = client(transport({ url: s.url, retry: { clock: fakeClock() } })).createItem(CREATE);
    await expect(call).rejects.toThrow(EwsNetworkError);
    await expect(call).rejects.toThrow(/^network: ECONNRESET: the connection was lost during the response$/);
    expect(s.requests.filter((r) => r.operation === 'CreateItem')).toHaveLength(1);
  });

  it('a FindItem whose response was cut off is sent again; a CreateItem too when the caller says it is idempotent', async () => {
    const s = await standIn({ faults: [{ operation: 'FindItem', fault: { kind: 'reset-mid-body' } }, { operation: 'CreateItem', fault: { kind: 'reset-mid-body' } }] });
    const c = client(transport({ url: s.url, retry: { clock: fakeClock() } }));
    expect((await c.findItem(FIND)).ok).toBe(true);
    expect((await c.createItem(CREATE, undefined, { idempotent: true })).ok).toBe(true);
    expect(s.requests.map((r) => r.operation)).toEqual(['FindItem', 'FindItem', 'CreateItem', 'CreateItem']);
  });
});

describe('bodies that are not the SOAP response', () => {
  it('an IIS HTML error page is an http error with its title', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'html-500' } }] });
    await expect(client(transport({ url: s.url })).findItem(FIND)).rejects.toThrow(/^http 500: 500 - Internal server error\. Server Error 500 - Internal server error\. There is a problem/);
  });

  it('a truncated body is an XML error naming where it stopped', async () => {
    const s = await standIn({ handlers: { FindItem: () => found(20) }, faults: [{ fault: { kind: 'truncated' } }] });
    const e = await client(transport({ url: s.url })).findItem(FIND).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EwsXmlError);
    expect((e as EwsXmlError).path).toMatch(/^\/soap:Envelope\/soap:Body\/m:FindItemResponse\/m:ResponseMessages/);
  });

  it('gzip is decoded; a response over maxResponseBytes is refused', async () => {
    const s = await standIn({ handlers: { FindItem: () => found(50) }, faults: [{ fault: { kind: 'gzip' }, times: 2 }] });
    expect((await client(transport({ url: s.url })).findItem(FIND)).body.ResponseMessages.$items[0]).toMatchObject({ RootFolder: { TotalItemsInView: 50 } });
    await expect(client(transport({ url: s.url, maxResponseBytes: 1000 })).findItem(FIND)).rejects.toThrow(/^too-large: the response decompresses to more than 1000 bytes$/);
  });

  it('a trickling body arrives whole', async () => {
    const s = await standIn({ handlers: { FindItem: () => found(3) }, faults: [{ fault: { kind: 'trickle', chunkBytes: 97, ms: 2 } }] });
    expect((await client(transport({ url: s.url })).findItem(FIND)).ok).toBe(true);
  });
});

describe('timeouts, abort and redirects', () => {
  it('no response within timeoutMs is a timeout; a CreateItem is not sent again', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'slow-headers', ms: 400 } }] });
    const call = client(transport({ url: s.url, timeoutMs: 50 })).createItem(CREATE);
    await expect(call).rejects.toThrow(EwsTimeoutError);
    await expect(call).rejects.toThrow(/^timeout: no complete response within 50 ms$/);
    expect(s.requests).toHaveLength(1);
  });

  it('an aborted call stops at once', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'slow-headers', ms: 1000 } }] });
    const controller = new AbortController();
    const call = client(transport({ url: s.url })).findItem(FIND, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toThrow(EwsAbortError);
  });

  it('a redirect to another origin is not followed, and the credentials go nowhere else', async () => {
    const elsewhere = await standIn({});
    const s = await standIn({ auth: { basic: [{ username: 'alice', password: PASSWORD }] }, faults: [{ fault: { kind: 'redirect', status: 302, location: elsewhere.url } }] });
    const call = client(transport({ url: s.url, allowHttp: true, auth: basicAuth('alice', PASSWORD) })).findItem(FIND);
    await expect(call).rejects.toThrow(EwsRedirectError);
    await expect(call).rejects.toThrow(`redirect: 302 to http://127.0.0.1:${elsewhere.port}: not followed: another origin`);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('a 307 on the same origin is followed', async () => {
    const s = await standIn({ faults: [{ fault: { kind: 'redirect', status: 307, location: '/ews/exchange.asmx' } }] });
    expect((await client(transport({ url: s.url })).findItem(FIND)).ok).toBe(true);
    expect(s.requests.map((r) => [r.path, r.status])).toEqual([['/EWS/Exchange.asmx', 307], ['/ews/exchange.asmx', 200]]);
  });
});

describe('headers', () => {
  it('sends the content type, SOAPAction, a fresh client-request-id, and X-AnchorMailbox when impersonating', async () => {
    const s = await standIn({});
    const c = client(transport({ url: s.url }));
    await c.findItem(FIND, { ExchangeImpersonation: { ConnectingSID: { PrimarySmtpAddress: { $value: 'bob@contoso.example' } } } });
    await c.findItem(FIND);
    const [a, b] = s.requests.map((r) => r.headers);
    expect(a!['content-type']).toBe('text/xml; charset=utf-8');
    expect(a!.soapaction).toBe('"http://schemas.microsoft.com/exchange/services/2006/messages/FindItem"');
    expect(a!['x-anchormailbox']).toBe('bob@contoso.example');
    expect(b!['x-anchormailbox']).toBeUndefined();
    expect(a!['return-client-request-id']).toBe('true');
    expect(a!['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a!['client-request-id']).not.toBe(b!['client-request-id']);
  });

  it('subscriptions ask for server affinity and echo the back-end cookie', async () => {
    const s = await standIn({
      handlers: {
        Subscribe: () => ({ ResponseMessages: { $items: [{ $element: 'SubscribeResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', SubscriptionId: 'sub-1', Watermark: 'AAAA' }] } }),
        GetEvents: () => ({ ResponseMessages: { $items: [{ $element: 'GetEventsResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError', Notification: { SubscriptionId: 'sub-1', PreviousWatermark: 'AAAA', MoreEvents: false, $items: [{ $element: 'StatusEvent', Watermark: 'AAAB' }] } }] } }),
      },
    });
    const c = client(transport({ url: s.url }));
    await c.subscribe({ PullSubscriptionRequest: { FolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] }, EventTypes: { EventType: ['NewMailEvent'] }, Timeout: 10 } });
    await c.getEvents({ SubscriptionId: 'sub-1', Watermark: 'AAAA' });
    const [sub, events] = s.requests.map((r) => r.headers);
    expect(sub!['x-preferserveraffinity']).toBe('true');
    expect(events!['x-preferserveraffinity']).toBe('true');
    expect(events!.cookie).toMatch(/^X-BackEndOverrideCookie=EXCH01/);
  });
});

describe('secrets never show', () => {
  it('in errors, hook events and retries', async () => {
    const s = await standIn({ auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }], basic: [{ username: 'bob', password: PASSWORD }], bearer: ['tok-EN-42'] }, faults: [{ fault: { kind: 'server-busy', backOffMs: 5 } }] });
    const seen: string[] = [];
    const hooks = { onRequest: (e: unknown) => seen.push(JSON.stringify(e)), onResponse: (e: unknown) => seen.push(JSON.stringify(e)), onRetry: (e: unknown) => seen.push(JSON.stringify(e)) };
    const auths = [ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD }), basicAuth('bob', PASSWORD), bearerAuth(async () => 'tok-EN-42'), basicAuth('bob', `${PASSWORD}x`), bearerAuth(async () => 'tok-EN-43')];
    for (const auth of auths) {
      const result = await client(transport({ url: s.url, allowHttp: true, auth, hooks, traceBodies: true, retry: { clock: fakeClock() } })).findItem(FIND).then(
        () => 'ok',
        (e: Error) => `${e.name}: ${e.message} ${JSON.stringify(e)}`,
      );
      seen.push(result);
    }
    expect(seen.filter((l) => l === 'ok')).toHaveLength(3);
    const all = seen.join('\n');
    expect(all).toContain('[redacted]');
    for (const secret of [PASSWORD, 'tok-EN-42', 'tok-EN-43', Buffer.from(`bob:${PASSWORD}`).toString('base64')]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/NTLM TlRMTVNTUA/); // no NTLM message either
  });
});

describe('fetchTransport', () => {
  it('talks to the stand-in with Basic, and refuses NTLM when made', async () => {
    const s = await standIn({ auth: { basic: [{ username: 'alice', password: PASSWORD }] } });
    const t = fetchTransport({ url: s.url, allowHttp: true, auth: basicAuth('alice', PASSWORD) });
    expect((await new EwsClient(t).findItem(FIND)).ok).toBe(true);
    expect(() => fetchTransport({ url: s.url, allowHttp: true, auth: ntlmAuth({ username: 'a', password: 'b' }) })).toThrow(/^config: NTLM authenticates a connection/);
  });
});

describe('the stand-in reads requests as strictly as Exchange', () => {
  it('answers a request the schema rejects with ErrorSchemaValidation naming the element path', async () => {
    const s = await standIn({});
    const bad = `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><s:Body><m:FindItem Traversal="Sideways"/></s:Body></s:Envelope>`;
    const reply = await transport({ url: s.url }).send({ envelope: bad, soapAction: 'x', operation: 'FindItem' });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode>');
    expect(reply.text).toContain('/s:Envelope/s:Body/m:FindItem/@Traversal');
  });

  it('answers an operation without handler or recording with a fault that says so', async () => {
    const s = await standIn({});
    const e = await client(transport({ url: s.url })).getFolder({ FolderShape: { BaseShape: 'Default' }, FolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] } }).catch((x: unknown) => x);
    expect((e as Error).message).toBe('SOAP fault a:ErrorInvalidOperation (ErrorInvalidOperation): The stand-in has no handler and no recorded response for GetFolder.');
  });
});

it('transport errors all carry their kind first', () => {
  expect(new EwsHttpError(502, 'Bad Gateway').message).toBe('http 502: Bad Gateway');
  expect(new EwsTransportError('config', 'x').message).toBe('config: x');
});

describe('the UM web service through the same transport', () => {
  it('UmClient talks to the stand-in at /EWS/UM2007Legacy.asmx', async () => {
    const { UmClient } = await import('../../../generated/um/client.js');
    const s = await standIn({ umHandlers: { GetCallInfo: () => ({ GetCallInfoResponse: { CallState: 'Connected', EventCause: 'None' } }) } });
    const info = await new UmClient(transport({ url: s.umUrl })).getCallInfo({ CallId: 'call-1' });
    expect(info.CallState).toBe('Connected');
    expect(s.requests[0]).toMatchObject({ path: '/EWS/UM2007Legacy.asmx', operation: 'GetCallInfo', status: 200, body: { CallId: 'call-1' } });
  });
});
