import fc from 'fast-check';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EwsClient } from '../../generated/ews/client.js';
import { CreateAttachmentRequest, CreateItemRequest, GetAttachmentResponse } from '../../generated/ews/operations.js';
import type { CreateAttachmentType } from '../../generated/ews/messages.js';
import { EwsXmlError, fetchTransport, httpTransport, ntlmAuth } from '../../generated/runtime/index.js';
import { requestBody, utf8Length } from '../../generated/runtime/request-body.js';
import { LARGE_TEXT, markupOf, XmlBytes } from '../../generated/runtime/xml-bytes.js';
import { startStandIn, type StandIn } from '../../generator/stand-in/server.js';
import { envelopeSchema, xmllintValidate } from '../support/xmllint.js';

/*
 * A request is sent as bytes made while it is sent, a large value encoded a slice at a time from
 * the value itself (request-body.ts): the bytes must be exactly those of the envelope's text, the
 * length known first, the chunks small, and the body the same at every round of NTLM or retry.
 */

const encoder = new TextEncoder();
/** XML's escapes of character data, as the writers make them (a carriage return kept as one). */
const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');

/** `<a>text</a>` written with its large text kept apart, as toBody() writes. */
function element(write: (out: XmlBytes) => void): XmlBytes {
  const out = new XmlBytes(true);
  out.put(markupOf('<a>'));
  write(out);
  out.put(markupOf('</a>'));
  return out;
}
const joined = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((c) => Buffer.from(c)));

/** Deterministic base64 of `n` bytes (the shape of an attachment's Content). */
function base64Of(n: number): string {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 7919) & 0xff;
  return bytes.toString('base64');
}

function attach(content: string, name = 'report.pdf'): CreateAttachmentType {
  return {
    ParentItemId: { Id: 'AAMkAGI2TG93AAA=' },
    Attachments: {
      $items: [{ $element: 'FileAttachment', Name: name, ContentType: 'application/pdf', Content: content }],
    },
  };
}

describe('requestBody', () => {
  it('gives the bytes of the envelope, a large base64 value in slices, its length known first', () => {
    const request = new CreateAttachmentRequest(attach(base64Of(3_000_000)), {
      RequestServerVersion: { Version: 'Exchange2016' },
    });
    const body = request.toBody();
    const whole = encoder.encode(request.toEnvelope());
    const chunks = [...body.chunks()];
    expect(body.byteLength).toBe(whole.length);
    expect(Buffer.compare(joined(chunks), Buffer.from(whole))).toBe(0);
    // The 4 MB of base64 went as slices: no chunk holds the envelope.
    expect(chunks.length).toBeGreaterThan(60);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(LARGE_TEXT);
    // Made afresh at each call, the same each time (a second NTLM round, a retry).
    expect(Buffer.compare(joined(body.chunks()), Buffer.from(whole))).toBe(0);
    expect(body.text()).toBe(request.toEnvelope());
  });

  it('escapes a large text and keeps characters beyond the BMP whole across slices; xmllint accepts the bytes', () => {
    // A MIME body of text with markup characters and a surrogate pair at every slice boundary.
    const unit = 'a<b & "c" ☃ 𝄞 ';
    const mime = unit.repeat(Math.ceil((3 * LARGE_TEXT) / unit.length));
    const request = new CreateItemRequest(
      {
        MessageDisposition: 'SaveOnly',
        Items: { $items: [{ $element: 'Message', Subject: 'big', Body: { BodyType: 'Text', $value: mime } }] },
      },
      { RequestServerVersion: { Version: 'Exchange2016' } },
    );
    const body = request.toBody();
    const bytes = joined(body.chunks());
    expect(body.byteLength).toBe(bytes.length);
    expect(bytes.toString('utf8')).toBe(request.toEnvelope());
    const { valid, invalid } = xmllintValidate(envelopeSchema(), new Map([['streamed', bytes.toString('utf8')]]));
    expect([...invalid]).toEqual([]);
    expect(valid.has('streamed')).toBe(true);
  });

  it('slices any string into chunks that decode to it (random text, astral characters included)', () => {
    const char = fc.oneof(
      fc.constantFrom('a', '&', '<', 'é', '☃', '𝄞', '\n', '\r'),
      fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (parts, times) => {
        const unit = parts.join('');
        const text = unit.repeat(Math.ceil((times * LARGE_TEXT) / unit.length));
        const body = requestBody(element((out) => out.text(text)));
        const bytes = joined(body.chunks());
        expect(body.byteLength).toBe(bytes.length);
        expect(bytes.toString('utf8')).toBe(`<a>${escapeText(text)}</a>`);
      }),
      { numRuns: 25 },
    );
  });

  it('counts UTF-8 bytes as TextEncoder writes them, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.constantFrom('\ud800', '\udc00', 'x') }),
        (a, b) => {
          expect(utf8Length(a + b)).toBe(encoder.encode(a + b).length);
        },
      ),
    );
  });

  it('sends no text that a writer kept apart and then dropped', () => {
    const body = requestBody(
      element((out) => {
        // As the generic writer does when a generated writer gives up after a large value.
        const mark = out.mark();
        out.text('x'.repeat(LARGE_TEXT));
        out.rewind(mark);
        out.text('y'.repeat(LARGE_TEXT));
      }),
    );
    expect(body.byteLength).toBe(LARGE_TEXT + 7);
    expect(joined(body.chunks()).toString('utf8')).toBe(`<a>${'y'.repeat(LARGE_TEXT)}</a>`);
  });

  it('keeps large texts apart only in an output made to: toEnvelope() writes one piece', () => {
    const big = 'z'.repeat(LARGE_TEXT);
    const whole = new XmlBytes();
    whole.text(big);
    expect(whole.lend().map((p) => typeof p)).toEqual(['object']);
    expect(
      element((out) => out.text(big))
        .lend()
        .map((p) => typeof p),
    ).toEqual(['object', 'string', 'object']);
  });
});

describe('a body lent from its writer', () => {
  it('keeps its bytes while a transport holds them, and gives the buffer to the next envelope once released', () => {
    const body = requestBody(element((out) => out.text('a'.repeat(50_000))));
    const [bytes] = [...body.chunks()] as [Uint8Array];
    const end = body.hold();
    body.release();
    // Released but held: the next envelope is written elsewhere.
    const next = requestBody(element((out) => out.text('b'.repeat(50_000))));
    expect([...next.chunks()][0]!.buffer).not.toBe(bytes.buffer);
    expect(Buffer.from(bytes).toString()).toBe(`<a>${'a'.repeat(50_000)}</a>`);
    end();
    end(); // ending a hold twice ends it once
    const after = requestBody(element((out) => out.text('c')));
    expect([...after.chunks()][0]!.buffer).toBe(bytes.buffer);
    // What was released cannot be read again: its bytes are another envelope's now.
    expect(() => [...body.chunks()]).toThrow(/released/);
    expect(() => body.text()).toThrow(/released/);
    for (const b of [next, after]) b.release();
  });
});

describe('an attachment of megabytes read back', () => {
  it('reads whole and item by item, strictly (the base64 check held a stack frame per 4 characters)', async () => {
    const content = base64Of(12_000_000); // 16 MB of base64
    const xml = new GetAttachmentResponse({
      ResponseMessages: {
        $items: [
          {
            $element: 'GetAttachmentResponseMessage',
            ResponseClass: 'Success',
            ResponseCode: 'NoError',
            Attachments: { $items: [{ $element: 'FileAttachment', Name: 'backup.zip', Content: content }] },
          },
        ],
      },
    }).toEnvelope();
    const contentOf = (a: { $element: string; Content?: string }) =>
      a.$element === 'FileAttachment' ? a.Content : undefined;
    const whole = GetAttachmentResponse.fromEnvelope(xml).body.ResponseMessages.$items[0]!;
    expect(whole.$element === 'GetAttachmentResponseMessage' && contentOf(whole.Attachments!.$items![0]!)).toBe(
      content,
    );
    const chunks = (async function* () {
      const bytes = Buffer.from(xml);
      for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
    })();
    const items: (string | undefined)[] = [];
    for await (const { item } of GetAttachmentResponse.items(chunks).items()) if (item) items.push(contentOf(item));
    expect(items).toEqual([content]);
  });
});

describe('characters XML 1.0 cannot carry', () => {
  it('are refused with the element path, by the generated writers and the generic one alike', () => {
    for (const generatedWriters of [true, false]) {
      const request = new CreateAttachmentRequest(attach('QUJD', 'bad\u0001name'));
      expect(() => request.toEnvelope(undefined, { generatedWriters })).toThrow(EwsXmlError);
      expect(() => request.toEnvelope(undefined, { generatedWriters })).toThrow(
        /^\/soap:Envelope\/soap:Body\/m:CreateAttachment\/m:Attachments\/t:FileAttachment\/t:Name: U\+0001 \(at character 3\) cannot be written in XML 1\.0$/,
      );
      // U+0000 too (the body's markers could not tell it from theirs), and U+FFFF.
      expect(() =>
        new CreateAttachmentRequest(attach('QUJD', 'a\u0000')).toBody(undefined, { generatedWriters }),
      ).toThrow(/U\+0000/);
      expect(() =>
        new CreateAttachmentRequest(attach('QUJD', 'a\uffff')).toEnvelope(undefined, { generatedWriters }),
      ).toThrow(/U\+FFFF/);
    }
  });

  it('leave tab, line feed and carriage return to be escaped as before', () => {
    const xml = new CreateAttachmentRequest(attach('QUJD', 'a\tb\nc\rd')).toEnvelope();
    expect(xml).toContain('<t:Name>a\tb\nc&#xD;d</t:Name>');
  });
});

const createItemResponse =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:CreateItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages><m:CreateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items/></m:CreateItemResponseMessage></m:ResponseMessages></m:CreateItemResponse></s:Body></s:Envelope>';

describe('a large request over HTTP', () => {
  const open: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });

  /**
   * A server that answers 503 to the first request, then records what it is sent, and the
   * client's port of each request (its connection); `early`: the 503 goes before the first body is read.
   */
  async function recorder(
    early = false,
  ): Promise<{ url: string; bodies: Buffer[]; lengths: string[]; ports: number[] }> {
    const bodies: Buffer[] = [];
    const lengths: string[] = [];
    const ports: number[] = [];
    let first = true;
    const server = createServer(async (req: IncomingMessage, res) => {
      ports.push(req.socket.remotePort!);
      if (early && first) {
        first = false;
        res.writeHead(503, { 'Retry-After': '0' }).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      lengths.push(req.headers['content-length'] ?? '(none)');
      bodies.push(Buffer.concat(chunks));
      if (first) {
        first = false;
        res.writeHead(503, { 'Retry-After': '0' }).end();
        return;
      }
      res
        .writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' })
        .end(
          '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:CreateAttachmentResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:CreateAttachmentResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Attachments><t:FileAttachment><t:AttachmentId Id="A1"/></t:FileAttachment></m:Attachments></m:CreateAttachmentResponseMessage></m:ResponseMessages></m:CreateAttachmentResponse></s:Body></s:Envelope>',
        );
    });
    // A connection whose request body Node's server did not read is closed after the keep-alive
    // timeout: short, so that the retry queued behind it on the client's connection goes soon.
    server.keepAliveTimeout = 50;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({ close: () => new Promise((resolve) => server.close(resolve)) });
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/EWS/Exchange.asmx`,
      bodies,
      lengths,
      ports,
    };
  }

  it('is retried when the answer comes before the body is read and the server drops the connection', async () => {
    const server = await recorder(true);
    const t = httpTransport({ url: server.url, allowHttp: true, retry: { baseDelayMs: 1, concurrency: 1 } });
    open.push(t);
    const content = base64Of(6_000_000);
    const reply = await new EwsClient(t).createAttachment(attach(content));
    expect(reply.body.ResponseMessages.$items[0]!.ResponseCode).toBe('NoError');
    expect(server.bodies.map((b) => b.length)).toEqual([
      Buffer.byteLength(new CreateAttachmentRequest(attach(content)).toEnvelope()),
    ]);
    // The first connection was dropped with its body unread: the retry went on another.
    expect(server.ports.length).toBe(2);
    expect(server.ports[1]).not.toBe(server.ports[0]);
  });

  for (const [name, make] of [
    ['node:http', httpTransport],
    ['fetch', fetchTransport],
  ] as const) {
    it(`goes out whole with its Content-Length, the same bytes again on a retry (${name})`, async () => {
      const server = await recorder();
      const t = make({ url: server.url, allowHttp: true, retry: { baseDelayMs: 1 } });
      open.push(t);
      const content = base64Of(6_000_000);
      const reply = await new EwsClient(t).createAttachment(attach(content));
      expect(reply.body.ResponseMessages.$items[0]!.ResponseCode).toBe('NoError');
      const expected = Buffer.from(new CreateAttachmentRequest(attach(content)).toEnvelope(), 'utf8');
      expect(server.bodies.length).toBe(2);
      for (const b of server.bodies) expect(Buffer.compare(b, expected)).toBe(0);
      expect(server.lengths).toEqual([String(expected.length), String(expected.length)]);
    });
  }

  it('keeps its bytes until they have all left, when the answer comes first (node:http)', async () => {
    // An envelope of 6.5 MB in the writer's buffer (no text large enough to be kept apart), more
    // than the kernel takes in at once: the server answers at once, reads the body only later,
    // and meanwhile the client writes the next envelope. Had the first buffer gone to it, the
    // rest of the first body would have been the second's bytes (checked: it was, without the
    // http wire's hold).
    const bodies: Buffer[] = [];
    const server = createServer((req, res) => {
      req.read(0); // started reading: Node's server would otherwise drop the body unread once answered
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(createItemResponse);
      setTimeout(async () => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        bodies.push(Buffer.concat(chunks));
      }, 200);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({ close: () => new Promise((resolve) => server.close(resolve)) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/EWS/Exchange.asmx`;
    const t = httpTransport({ url, allowHttp: true });
    open.push(t);
    const client = new EwsClient(t);
    const items = (letter: string) => ({
      Items: {
        $items: Array.from({ length: 3200 }, (_, i) => ({
          $element: 'Message' as const,
          Subject: `${letter.repeat(2000)} ${i}`,
        })),
      },
    });
    const expected = ['a', 'b'].map((l) => Buffer.from(new CreateItemRequest(items(l)).toEnvelope()));
    await client.createItem(items('a'));
    await client.createItem(items('b'));
    await new Promise<void>((resolve) => {
      const wait = () => (bodies.length === 2 ? resolve() : setTimeout(wait, 20));
      wait();
    });
    expect(bodies.map((b) => b.length)).toEqual(expected.map((b) => b.length));
    for (const [i, b] of bodies.entries()) expect(Buffer.compare(b, expected[i]!)).toBe(0);
  });

  it('goes to fetch as bytes fetch copies as it is called, so that the fetch wire can let them go when it answers', async () => {
    // The Fetch standard's "extract a body" copies a BufferSource: the platform's fetch must, for
    // the fetch wire to release a lent body once fetch has answered.
    let received: Buffer | undefined;
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      received = Buffer.concat(chunks);
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({ close: () => new Promise((resolve) => server.close(resolve)) });
    const bytes = new Uint8Array(8 << 20).fill(0x61);
    const answered = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      method: 'POST',
      body: bytes,
    });
    bytes.fill(0x62); // the buffer written again at once, as by the next envelope
    expect((await answered).status).toBe(200);
    expect(received?.length).toBe(8 << 20);
    expect(received!.every((b) => b === 0x61)).toBe(true);
  });

  /** A stand-in that keeps the attachment it is sent; `ntlm`: it wants NTLM. */
  async function attachmentStandIn(ntlm: boolean): Promise<{ s: StandIn; received: () => string | undefined }> {
    let received: string | undefined;
    const s = await startStandIn({
      ...(ntlm ? { auth: { ntlm: [{ username: 'CONTOSO\\alice', password: 'S3cret-pa55!' }] } } : {}),
      handlers: {
        CreateAttachment: ({ body }) => {
          const a = body.Attachments.$items[0]!;
          received = a.$element === 'FileAttachment' ? a.Content : undefined;
          return {
            ResponseMessages: {
              $items: [
                {
                  $element: 'CreateAttachmentResponseMessage',
                  ResponseClass: 'Success',
                  ResponseCode: 'NoError',
                  Attachments: {},
                },
              ],
            },
          };
        },
      },
    });
    open.push(s);
    return { s, received: () => received };
  }

  const ntlm = (url: string) => {
    const t = httpTransport({
      url,
      allowHttp: true,
      auth: ntlmAuth({ username: 'CONTOSO\\alice', password: 'S3cret-pa55!' }),
    });
    open.push(t);
    return t;
  };

  it('goes once over NTLM: the NEGOTIATE round has an empty body, the authenticated one the envelope', async () => {
    const { s, received } = await attachmentStandIn(true);
    const client = new EwsClient(ntlm(s.url));
    const content = base64Of(2_000_000);
    const length = String(Buffer.byteLength(new CreateAttachmentRequest(attach(content)).toEnvelope()));
    await client.createAttachment(attach(content));
    expect(received()).toBe(content);
    // Then the connection is authenticated: the next request goes once, with its envelope.
    await client.createAttachment(attach(content));
    expect(s.requests.map((r) => [r.status, r.headers['content-length']])).toEqual([
      [401, '0'],
      [200, length],
      [200, length],
    ]);
  });

  it('goes with its envelope when a server asks for no NTLM after all (the empty round answered otherwise)', async () => {
    const { s, received } = await attachmentStandIn(false);
    const content = base64Of(100_000);
    await new EwsClient(ntlm(s.url)).createAttachment(attach(content));
    expect(received()).toBe(content);
    const length = String(Buffer.byteLength(new CreateAttachmentRequest(attach(content)).toEnvelope()));
    expect(s.requests.map((r) => r.headers['content-length'])).toEqual(['0', length]);
    expect(s.requests[0]!.status).not.toBe(200);
  });
});
