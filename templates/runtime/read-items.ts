// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * A response read one item at a time: as each item's closing tag is read it is handed on, typed,
 * with the response message it came in, and nothing of it is kept. Which elements are the items
 * is the operation's `output.items`, found by the generator in the schema (the repeated children
 * of the response messages); the rest of the response is read as usual and kept.
 */
import type { PartsClass } from './operation.js';
import { startReading, type ReadOptions, type StreamRoute, type StreamSink } from './read.js';
import { textOf, type XmlSource } from './read-stream.js';
import type { ReadDocument } from './read-envelope.js';
import {
  checkEnvelope,
  elementKey,
  messageError,
  operationSchema,
  type ItemsSpec,
  type ResponseMessage,
} from './soap.js';

/** One item of a response, and the response message it came in (read up to the item, its items left out). */
export interface StreamedItem<Item, Message> {
  readonly item: Item;
  readonly message: Message;
}

export interface ItemStreamOptions extends ReadOptions {
  /**
   * Throw EwsResponseError at the first response message with ResponseClass Error, once the
   * items before it are handed on (default true). False: such messages go to `errors`.
   */
  throwOnError?: boolean;
}

/**
 * The items of one response, read as the response arrives: `for await (const { item, message } of
 * stream.items())`. Memory stays that of one chunk of the source and the item being read,
 * however long the response. Read once; `response` then holds the rest of it.
 */
export class ItemStream<Item, Message, Res extends { body: unknown; headers: object }> {
  /** The messages with ResponseClass Error, when `throwOnError` is false; in document order. */
  readonly errors: Message[] = [];
  private read: Res | undefined;
  private started = false;

  constructor(
    private readonly Response: PartsClass<Res>,
    private readonly source: XmlSource,
    private readonly options: ItemStreamOptions = {},
  ) {}

  /**
   * The response once its items are read: its headers (ServerVersionInfo), and its body without
   * the items and messages that were handed on.
   */
  get response(): Res {
    if (!this.read) throw new Error('ItemStream: the response is complete only once items() has been read to its end');
    return this.read;
  }

  [Symbol.asyncIterator](): AsyncGenerator<StreamedItem<Item, Message>, void, undefined> {
    return this.items();
  }

  /** The items in document order. An error in the document ends it, after the items before the error. */
  async *items(): AsyncGenerator<StreamedItem<Item, Message>, void, undefined> {
    if (this.started) throw new Error('ItemStream: the items of a response can be read once');
    this.started = true;
    const spec = this.Response.operation;
    const items = spec.output.items;
    if (!items) throw new Error(`ItemStream: the response of ${spec.name} has no repeated elements to stream`);
    const throwOnError = this.options.throwOnError ?? true;
    // What the read handed on since the last chunk; an error takes its place among the items.
    const queue: (StreamedItem<Item, Message> | Error)[] = [];
    const sequence = ENVELOPE_SEQUENCES.has(spec.name);
    let index = 0;
    const sink: StreamSink = {
      element: elementKey(spec.namespaces, spec.output.body),
      route: routeOf(items),
      item: (item, message) => queue.push({ item: item as Item, message: message as Message }),
      message: (value) => {
        const m = value as ResponseMessage;
        if (m.ResponseClass === 'Error') {
          if (throwOnError) queue.push(messageError(m, index, undefined));
          else this.errors.push(value as Message);
        } else if (!items.items.length) queue.push({ item: value as Item, message: value as Message });
        index++;
      },
      ...(sequence
        ? {
            document: (doc: ReadDocument) => {
              try {
                checkEnvelope(spec, 'output', doc);
              } catch (e) {
                queue.push(e as Error);
              }
            },
          }
        : {}),
    };
    const reading = startReading(operationSchema(spec), this.options, sink);
    for await (const text of textOf(this.source, reading.fail)) {
      // A large chunk is read a slice at a time, its items handed on after each: fewer items
      // are alive at once, so fewer outlive a young-generation collection and fill the old one
      // (a 100 MB FindItem read from 64 KB chunks peaked 30 MB higher without this).
      for (let at = 0; at < text.length;) {
        // Any cut will do: the tokenizer reads text cut anywhere as it reads it whole.
        const end = Math.min(at + SLICE, text.length);
        reading.write(at === 0 && end === text.length ? text : text.slice(at, end));
        at = end;
        for (const entry of queue) {
          if (!('item' in entry)) throw entry;
          yield entry;
        }
        queue.length = 0;
      }
    }
    const doc = checkEnvelope(spec, 'output', reading.end());
    this.read = new this.Response(
      doc.value as Res['body'],
      (doc.headers ?? {}) as Res['headers'],
      doc.otherHeaders ?? [],
    );
  }
}

/**
 * Operations whose response is one envelope after another on the same connection, until the
 * server ends it (GetStreamingEvents: a batch of notifications per envelope, until the connection
 * times out with ConnectionStatus Closed). Their items come from every
 * envelope; `response` is the last.
 */
const ENVELOPE_SEQUENCES = new Set(['GetStreamingEvents']);

/** How much text is read before the items it completed are handed on. */
const SLICE = 8192;

/** The route a streaming read follows, from the body element (`path`) down to the items. */
export function routeOf(spec: ItemsSpec): StreamRoute {
  type Step = { role: StreamRoute['role']; next: Map<string, Step> };
  const root: Step = { role: 'path', next: new Map() };
  const walk = (from: Step, path: string, role: Step['role']): Step => {
    let at = from;
    const steps = path.split('/');
    steps.forEach((name, i) => {
      let step = at.next.get(name);
      if (!step) at.next.set(name, (step = { role: 'path', next: new Map() }));
      if (i === steps.length - 1) step.role = role;
      at = step;
    });
    return at;
  };
  const messages = spec.messages ? walk(root, spec.messages, 'message') : root;
  for (const path of spec.items) walk(messages, path, 'item');
  return root;
}
