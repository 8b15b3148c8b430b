import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EwsClient } from '../../../generated/ews/client.js';
import type { FindItemResponseType, FindItemType } from '../../../generated/ews/messages.js';
import {
  EwsHttpError,
  EwsNetworkError,
  EwsTimeoutError,
  EwsTransportError,
  EwsXmlError,
  fetchTransport,
  httpTransport,
  ntlmAuth,
  type EwsTransport,
} from '../../../generated/runtime/index.js';
import { startStandIn } from '../../../generator/stand-in/server.js';

/*
 * Streamed responses through the transports (core.ts, http.ts, fetch.ts): `client.stream<Op>()`
 * hands items on while the body is still arriving, over node:http and fetch, plain or gzipped,
 * NTLM included; the size cap, the timeout and a lost connection end the loop with transport
 * errors; a loop that stops early frees the connection for the next call.
 */
const VERSION = { RequestServerVersion: { Version: 'Exchange2016' as const } };
const FIND: FindItemType = {
  Traversal: 'Shallow',
  ItemShape: { BaseShape: 'IdOnly' },
  ParentFolderIds: { $items: [{ $element: 'DistinguishedFolderId', Id: 'inbox' }] },
};
const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
const head = `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:FindItemResponse xmlns:m="${M}" xmlns:t="${T}"><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="3" IncludesLastItemInRange="true"><t:Items>`;
const message = (i: number) => `<t:Message><t:ItemId Id="AAMk${i}="/><t:Subject>Item ${i} – Grüße</t:Subject></t:Message>`;
const tail = '</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>';

const open: { stop(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.stop();
});

/** A server that answers each request with `answer` (which may write in parts), counting connections. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => void answer(req, res));
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/EWS/Exchange.asmx`, connections: () => connections };
}

function transports(url: string, options: { maxResponseBytes?: number; timeoutMs?: number } = {}): [string, EwsTransport][] {
  const list: [string, EwsTransport][] = [
    ['httpTransport', httpTransport({ url, retry: { concurrency: 1 }, ...options })],
    ['fetchTransport', fetchTransport({ url, ...options })],
  ];
  for (const [, t] of list) open.push({ stop: () => t.close() });
  return list;
}

/** Resolves when `resolve` is called: the server waits on it before writing the rest. */
function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function subjectsOf(stream: { items(): AsyncIterable<{ item: unknown }> }): Promise<string[]> {
  const out: string[] = [];
  for await (const { item } of stream.items()) out.push((item as { Subject: string }).Subject);
  return out;
}

describe('client.stream<Op>() over a transport', () => {
  for (const encoding of ['identity', 'gzip'] as const) {
    it(`hands the first item on before the server has sent the rest (${encoding})`, async () => {
      let wait = gate();
      const server = await serve(async (_req, res) => {
        const first = head + message(0);
        const rest = message(1) + message(2) + tail;
        res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', ...(encoding === 'gzip' ? { 'Content-Encoding': 'gzip' } : {}) });
        if (encoding === 'gzip') {
          // One gzip stream, flushed after the first item, as a server's streaming compressor does.
          const { createGzip, constants } = await import('node:zlib');
          const z = createGzip();
          z.pipe(res);
          z.write(first);
          z.flush(constants.Z_SYNC_FLUSH);
          await wait.wait;
          z.end(rest);
        } else {
          res.write(first);
          await wait.wait;
          res.end(rest);
        }
      });
      for (const [name, t] of transports(server.url)) {
        wait = gate();
        const stream = await new EwsClient(t, { headers: VERSION }).streamFindItem(FIND);
        const seen: string[] = [];
        for await (const { item, message: m } of stream.items()) {
          seen.push((item as { Subject: string }).Subject);
          // The server goes on only once the first item is here: a client that waited for the whole body would hang.
          if (seen.length === 1) {
            expect(m.RootFolder?.TotalItemsInView, name).toBe(3);
            wait.open();
          }
        }
        expect(seen, name).toEqual(['Item 0 – Grüße', 'Item 1 – Grüße', 'Item 2 – Grüße']);
        expect(stream.response.headers, name).toEqual({});
      }
    });
  }

  it('frees the connection when the loop stops early: the next call goes through', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      // Far more than one read: the rest is never read by a loop that stops at the first item.
      res.end(head + Array.from({ length: 3000 }, (_, i) => message(i)).join('') + tail);
    });
    for (const [name, t] of transports(server.url)) {
      const client = new EwsClient(t, { headers: VERSION });
      for (let call = 0; call < 3; call++) {
        for await (const { item } of (await client.streamFindItem(FIND)).items()) {
          expect((item as { Subject: string }).Subject, name).toBe('Item 0 – Grüße');
          break;
        }
      }
      // And a call that reads everything after them.
      const found: FindItemResponseType = (await client.findItem(FIND)).body;
      expect(found.ResponseMessages.$items).toHaveLength(1);
    }
  });

  it('ends the loop with the size cap, the response timeout, or a lost connection, after the items before', async () => {
    const big = head + Array.from({ length: 2000 }, (_, i) => message(i)).join('') + tail;
    const capped = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(big);
    });
    expect(big.length).toBeGreaterThan(150_000);
    for (const [name, t] of transports(capped.url, { maxResponseBytes: 100_000 })) {
      const seen: string[] = [];
      const stream = await new EwsClient(t, { headers: VERSION }).streamFindItem(FIND);
      const error = await (async () => {
        for await (const { item } of stream.items()) seen.push((item as { Subject: string }).Subject);
      })().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(EwsTransportError);
      expect((error as Error).message, name).toMatch(/larger than 100000 bytes/);
      expect(seen.length, name).toBeGreaterThan(0);
      expect(seen.length, name).toBeLessThan(2000);
    }

    const stalled = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.write(head + message(0)); // and nothing more
    });
    for (const [name, t] of transports(stalled.url, { timeoutMs: 400 })) {
      const seen: string[] = [];
      const stream = await new EwsClient(t, { headers: VERSION }).streamFindItem(FIND);
      const error = await (async () => {
        for await (const { item } of stream.items()) seen.push((item as { Subject: string }).Subject);
      })().catch((e: unknown) => e);
      expect(seen, name).toEqual(['Item 0 – Grüße']);
      expect(error, name).toBeInstanceOf(EwsTimeoutError);
    }

    const lost = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(big.length * 2) });
      res.write(head + message(0), () => res.destroy());
    });
    const [, node] = transports(lost.url)[0]!;
    const error = await subjectsOf(await new EwsClient(node, { headers: VERSION }).streamFindItem(FIND)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsNetworkError);
    expect((error as Error).message).toMatch(/connection was lost during the response/);
  });

  it('refuses a 200 that is not SOAP before any item, as a whole read does', async () => {
    let n = 0;
    const server = await serve((_req, res) => {
      if (n++ % 2 === 0) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Sign in to Outlook</body></html>');
      } else {
        res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
        res.end(head + message(0) + tail);
      }
    });
    for (const [name, t] of transports(server.url)) {
      const client = new EwsClient(t, { headers: VERSION });
      const error = await client.streamFindItem(FIND).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(EwsHttpError);
      expect((error as Error).message, name).toMatch(/Sign in to Outlook/);
      // The connection is free again: the next answer, SOAP, reads on the same transport (one connection for node:http).
      expect(await subjectsOf(await client.streamFindItem(FIND)), name).toEqual(['Item 0 – Grüße']);
    }
  });

  it('streams over NTLM and gzip from the stand-in, and a body cut short is the reader’s error', async () => {
    const PASSWORD = 'S3cret-pa55!';
    const s = await startStandIn({
      auth: { ntlm: [{ username: 'CONTOSO\\alice', password: PASSWORD }] },
      handlers: {
        FindItem: () => ({
          ResponseMessages: {
            $items: [
              {
                $element: 'FindItemResponseMessage',
                ResponseClass: 'Success',
                ResponseCode: 'NoError',
                RootFolder: { TotalItemsInView: 40, Items: { $items: Array.from({ length: 40 }, (_, i) => ({ $element: 'Message' as const, Subject: `s${i}` })) } },
              },
            ],
          },
        }),
      },
      faults: [{ fault: { kind: 'gzip' } }, { fault: { kind: 'truncated' } }],
    });
    open.push({ stop: () => s.close() });
    const t = httpTransport({ url: s.url, allowHttp: true, auth: ntlmAuth({ username: 'CONTOSO\\alice', password: PASSWORD }) });
    open.push({ stop: () => t.close() });
    const client = new EwsClient(t, { headers: VERSION });
    expect(await subjectsOf(await client.streamFindItem(FIND))).toEqual(Array.from({ length: 40 }, (_, i) => `s${i}`));
    const error = await subjectsOf(await client.streamFindItem(FIND)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsXmlError);
    expect(s.requests.filter((r) => r.user === 'CONTOSO\\alice').length).toBeGreaterThanOrEqual(2);
  });
});
