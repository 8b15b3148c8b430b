import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as operations from '../../generated/ews/operations.js';
import {
  FindItemResponse,
  GetItemResponse,
  type FindItemItem,
  type FindItemMessage,
} from '../../generated/ews/operations.js';
import type { FindItemResponseMessageType } from '../../generated/ews/messages.js';
import type { ArrayOfRealItemsType } from '../../generated/ews/types.js';
import {
  elementKey,
  EwsResponseError,
  EwsSoapFaultError,
  EwsXmlError,
  readXml,
  type XmlSource,
} from '../../generated/runtime/index.js';
import { compiled } from '../../generated/ews/schema.js';
import { EwsClient } from '../../generated/ews/client.js';
import { operationExamples } from '../support/docs.js';
import { errorParts } from '../support/errors.js';

/*
 * ItemStream (templates/runtime/read-items.ts): a response read one item at a time hands on
 * exactly the values a whole read puts at the operation's item paths, in document order, each
 * with its message, however the text arrives; what is left is the whole read without them.
 */
type Value = Record<string, unknown>;
type ResponseClass = (typeof operations)['FindItemResponse'];
const streaming = Object.values(operations).filter(
  (v): v is ResponseClass => typeof v === 'function' && 'items' in v && 'operation' in v,
);
const byBody = new Map(streaming.map((C) => [elementKey(C.operation.namespaces, C.operation.output.body), C]));

/** The documented responses of operations whose responses stream (those the reader accepts whole). */
const examples = operationExamples().flatMap((e) => {
  try {
    const doc = readXml(compiled, e.xml, { acceptServerDeviations: true });
    const C = byBody.get(doc.element);
    return C ? [{ id: e.id, xml: e.xml, C }] : [];
  } catch {
    return [];
  }
});

/** The values a step of a path reaches from `value`: a property, the `$items` entries of that name, or every entry (`*`). */
function step(value: Value, name: string): Value[] {
  const all = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Value[];
  if (name === '*') return all(value.$items);
  if (value[name] !== undefined) return all(value[name]);
  return all(value.$items).filter((e) => e.$element === name);
}
const walk = (from: Value[], path: string) => path.split('/').reduce((at, name) => at.flatMap((v) => step(v, name)), from);

/** What the stream should hand on, and what it should leave, from the whole read of the same text. */
function expected(C: ResponseClass, xml: string): { items: { item: Value; message: Value }[]; errors: Value[]; rest: unknown } {
  const whole = C.fromEnvelope(xml, { acceptServerDeviations: true });
  const spec = C.operation.output.items!;
  const body = whole.body as unknown as Value;
  const messages = spec.messages ? walk([body], spec.messages) : [body];
  // Messages with ResponseClass Error go to `errors` (throwOnError false); when messages are the items, only the others are.
  const errors = spec.messages ? messages.filter((m) => m.ResponseClass === 'Error') : [];
  const items = messages.flatMap((message) =>
    spec.items.length
      ? spec.items.flatMap((p) => walk([message], p).map((item) => ({ item, message })))
      : errors.includes(message)
        ? []
        : [{ item: message, message }],
  );
  // The rest: the items' (or messages') arrays taken out of the values that held them.
  const rest = structuredClone(body);
  const takeOut = (path: string, from: Value[]) => {
    const at = path.split('/');
    const last = at.pop()!;
    for (const holder of at.length ? walk(from, at.join('/')) : from) {
      if (last === '*' || holder[last] === undefined) delete holder.$items;
      else delete holder[last];
    }
  };
  if (spec.messages) takeOut(spec.messages, [rest]);
  else for (const p of spec.items) takeOut(p, [rest]);
  return { items, errors, rest };
}

async function read(C: ResponseClass, source: XmlSource) {
  const stream = C.items(source, { acceptServerDeviations: true, throwOnError: false });
  const items: { item: unknown; message: Value }[] = [];
  for await (const { item, message } of stream.items()) items.push({ item, message: message as unknown as Value });
  return { items, stream };
}

const encoder = new TextEncoder();
const cut = (bytes: Uint8Array, points: number[]) => {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length));
};

describe('ItemStream', () => {
  it('reads the documented responses of streaming operations to the same items and rest as a whole read', async () => {
    // FindItem, GetItem, SyncFolderItems, FindFolder, GetAttachment, ExportItems, … as the docs show them.
    const names = new Set(examples.map((e) => e.C.operation.name));
    for (const name of ['FindItem', 'GetItem', 'SyncFolderItems', 'FindFolder', 'ExportItems', 'GetAttachment'])
      expect(names).toContain(name);
    expect(names.size).toBeGreaterThanOrEqual(50); // 56 on 2026-12-02
    let handedOn = 0;
    for (const { id, xml, C } of examples) {
      const want = expected(C, xml);
      const { items, stream } = await read(C, xml);
      handedOn += items.length;
      expect(items.map((i) => i.item), id).toEqual(want.items.map((i) => i.item));
      // Each item's message, read up to the item: the same ResponseClass and ResponseCode.
      expect(
        items.map((i) => [i.message.ResponseClass, i.message.ResponseCode]),
        id,
      ).toEqual(want.items.map((i) => [i.message.ResponseClass, i.message.ResponseCode]));
      expect(stream.errors, id).toEqual(want.errors);
      const rest = JSON.parse(JSON.stringify(stream.response.body)) as unknown;
      expect(rest, id).toEqual(JSON.parse(JSON.stringify(want.rest)));
    }
    expect(handedOn).toBeGreaterThanOrEqual(70); // 80 on 2026-12-02: most examples are one item or an error
  });

  it('hands on the same items wherever the bytes are cut', async () => {
    const big = examples.filter((e) => ['FindItem', 'GetItem', 'SyncFolderItems', 'GetAttachment'].includes(e.C.operation.name));
    expect(big.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: big.length - 1 }), fc.array(fc.nat(), { maxLength: 12 }), async (i, points) => {
        const { xml, C } = big[i]!;
        const whole = await read(C, xml);
        const chunked = await read(C, Readable.from(cut(encoder.encode(xml), points)));
        expect(chunked.items).toEqual(whole.items);
        expect(chunked.stream.response.body).toEqual(whole.stream.response.body);
      }),
      { numRuns: 150 },
    );
  });

  const message = (cls: string, inner: string) =>
    `<m:GetItemResponseMessage ResponseClass="${cls}">${cls === 'Error' ? '<m:MessageText>Not found.</m:MessageText><m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/>' : `<m:ResponseCode>NoError</m:ResponseCode><m:Items>${inner}</m:Items>`}</m:GetItemResponseMessage>`;
  const item = (subject: string) => `<t:Message><t:Subject>${subject}</t:Subject></t:Message>`;
  const envelope = (body: string) =>
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>${body}</m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>`;
  const subjects = async (stream: { items(): AsyncIterable<{ item: { Subject?: string } }> }) => {
    const out: string[] = [];
    for await (const { item } of stream.items()) out.push(item.Subject!);
    return out;
  };
  const doc = envelope(message('Success', item('a') + item('b')) + message('Error', '') + message('Success', item('c')));

  it('throws at a message with ResponseClass Error once the items before it are handed on', async () => {
    const seen: string[] = [];
    const error = await (async () => {
      for await (const { item } of GetItemResponse.items(doc).items()) seen.push(item.Subject!);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(EwsResponseError);
    expect(error).toMatchObject({ responseCode: 'ErrorItemNotFound', index: 1, messageText: 'Not found.' });
  });

  it('keeps the messages with ResponseClass Error in `errors` when throwOnError is false, and reads on', async () => {
    const stream = GetItemResponse.items(doc, { throwOnError: false });
    expect(await subjects(stream)).toEqual(['a', 'b', 'c']);
    expect(stream.errors.map((m) => m.ResponseCode)).toEqual(['ErrorItemNotFound']);
    // What is left: the envelope without its messages.
    expect(stream.response.body).toEqual({ ResponseMessages: {} });
  });

  it('ends with the reader’s error after the items before it: truncation, a fault, another body', async () => {
    const truncated = doc.slice(0, doc.indexOf('<m:GetItemResponseMessage ResponseClass="Error"') + 20);
    const stream = GetItemResponse.items(truncated);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const { item } of stream.items()) seen.push(item.Subject!);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(EwsXmlError);
    expect(errorParts(error as EwsXmlError).message).toMatch(/ended early|not well-formed/);

    const fault =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>The request failed schema validation.</faultstring></s:Fault></s:Body></s:Envelope>';
    await expect(subjects(GetItemResponse.items(fault))).rejects.toBeInstanceOf(EwsSoapFaultError);
    // A GetItem response read as FindItem's: nothing is handed on, and the body is named.
    await expect(subjects(FindItemResponse.items(doc) as never)).rejects.toThrow(
      '/s:Envelope/s:Body/m:GetItemResponse (line 1): m:GetItemResponse is not an element of this schema',
    );
  });

  it('reads a chunk larger than its slice, a slice ending inside a surrogate pair included', async () => {
    // Slices of 8,192 UTF-16 units: one of the four leads puts a slice's end between the two halves of an emoji.
    for (const lead of [0, 1, 2, 3]) {
      const subject = 'x'.repeat(lead) + '😀'.repeat(9000);
      expect(await subjects(GetItemResponse.items(envelope(message('Success', item(subject) + item('z')))))).toEqual([subject, 'z']);
    }
  });

  it('is typed by the operation: its items and messages, and the response', () => {
    // tsc checks these (npm run typecheck).
    const stream = FindItemResponse.items('');
    expectTypeOf(stream.items()).toEqualTypeOf<
      AsyncGenerator<{ readonly item: FindItemItem; readonly message: FindItemMessage }, void, undefined>
    >();
    expectTypeOf<NonNullable<ArrayOfRealItemsType['$items']>[number]>().toMatchTypeOf<FindItemItem>();
    expectTypeOf<FindItemMessage>().toEqualTypeOf<FindItemResponseMessageType>();
    expectTypeOf<(typeof stream)['response']>().toEqualTypeOf<FindItemResponse>();
  });

  it('is read once, and its response is there only at the end', async () => {
    const stream = GetItemResponse.items(doc, { throwOnError: false });
    expect(() => stream.response).toThrow('only once items() has been read to its end');
    await subjects(stream);
    await expect(subjects(stream)).rejects.toThrow('can be read once');
  });

  it('releases a Web stream when the loop stops early', async () => {
    let released = false;
    const chunks = [doc.slice(0, 400), doc.slice(400)];
    const source = {
      getReader: () => ({
        read: async () => (chunks.length ? { done: false, value: chunks.shift()! } : { done: true }),
        releaseLock: () => {
          released = true;
        },
      }),
    };
    for await (const { item } of GetItemResponse.items(source).items()) {
      expect(item.Subject).toBe('a');
      break;
    }
    expect(released).toBe(true);
  });

  it('comes from the client: the request sent as call() sends it, the reply read item by item', async () => {
    const sent: string[] = [];
    const client = new EwsClient(
      async (envelope) => {
        sent.push(envelope);
        return doc;
      },
      { throwOnError: false, headers: { RequestServerVersion: { Version: 'Exchange2016' } } },
    );
    const stream = await client.streamGetItem({
      ItemShape: { BaseShape: 'IdOnly' },
      ItemIds: { $items: [{ $element: 'ItemId', Id: 'AAA=' }] },
    });
    expect(await subjects(stream)).toEqual(['a', 'b', 'c']);
    expect(stream.errors).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('<t:RequestServerVersion Version="Exchange2016"/>');
    expect(sent[0]).toContain('<m:GetItem>');
  });
});
