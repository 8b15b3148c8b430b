// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * Reading a document as it arrives: from an async iterable of chunks (a Node stream is one),
 * a Web ReadableStream, or a string. Bytes are decoded as UTF-8 across chunk boundaries and
 * tokenized chunk by chunk, so a response is read while it downloads and its text is never
 * held whole. Bytes that are not UTF-8 end the read; the chunk that holds them is not read, so
 * the error names the element and line the text before it reaches.
 */
import type { CompiledSchema } from './compile.js';
import type { ReadDocument } from './read-envelope.js';
import { startReading, type ReadOptions } from './read.js';

/** What a document may be read from: its text, or its bytes or text in chunks. */
export type XmlSource =
  | string
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>
  | { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array | string }>; releaseLock(): void } };

interface Utf8Decoder {
  decode(bytes?: Uint8Array, options?: { stream: boolean }): string;
}
type DecoderClass = new (label: 'utf-8', options: { fatal: true }) => Utf8Decoder;

/** Reads a document from `source` (see XmlSource); the same result and errors as readXml. */
export async function readXmlFrom(
  schema: CompiledSchema,
  source: XmlSource,
  options: ReadOptions = {},
): Promise<ReadDocument> {
  const reading = startReading(schema, options);
  for await (const text of textOf(source, reading.fail)) reading.write(text);
  return reading.end();
}

/**
 * The text of `source`, chunk by chunk, as it arrives; bytes are decoded as UTF-8 across chunk
 * boundaries, and bytes that are not UTF-8 go to `fail` (which throws) before their chunk is read.
 */
export async function* textOf(source: XmlSource, fail: (message: string) => never): AsyncGenerator<string> {
  const Decoder = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;
  const decoder = new Decoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array | string, more = true): string => {
    if (typeof chunk === 'string') return chunk;
    try {
      return decoder.decode(chunk, { stream: more });
    } catch {
      return fail('not well-formed XML: the bytes are not UTF-8');
    }
  };
  if (typeof source === 'string') yield source;
  else if ('getReader' in source) {
    const reader = source.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) yield decode(r.value!);
    } finally {
      reader.releaseLock();
    }
  } else if (Symbol.asyncIterator in source) for await (const chunk of source) yield decode(chunk);
  else for (const chunk of source) yield decode(chunk);
  const rest = decode(undefined, false);
  if (rest) yield rest;
}
