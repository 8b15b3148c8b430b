import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiled } from '../../generated/ews/schema.js';
import { EwsXmlError, readXml, readXmlFrom, type XmlSource } from '../../generated/runtime/index.js';
import { operationExamples } from '../support/docs.js';
import { errorParts } from '../support/errors.js';

/*
 * readXmlFrom (templates/runtime/read-stream.ts): a document read from chunks of bytes or text
 * reads as readXml reads it whole, wherever the chunks are cut (a UTF-8 sequence included),
 * from every kind of source; bytes that are not UTF-8 are refused with the line the text before
 * them reaches.
 */
const examples = operationExamples().map((e) => e.xml);
const encoder = new TextEncoder();

/** What readXml says of a document: its result, or its error's parts. */
function outcome(read: () => unknown): unknown {
  try {
    return { value: read() };
  } catch (e) {
    if (e instanceof EwsXmlError) return { error: errorParts(e) };
    throw e;
  }
}

async function outcomeOf(source: XmlSource): Promise<unknown> {
  try {
    return { value: await readXmlFrom(compiled, source) };
  } catch (e) {
    if (e instanceof EwsXmlError) return { error: errorParts(e) };
    throw e;
  }
}

/** The bytes cut at the given points. */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length));
}

describe('readXmlFrom', () => {
  it('reads every documented envelope, cut anywhere in its bytes, as readXml reads it whole (errors included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: examples.length - 1 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (index, points) => {
          const xml = examples[index]!;
          // Non-ASCII text, so that cuts fall inside UTF-8 sequences too.
          const text = xml.replace(/>([^<\s][^<]*)</, '>$1 é – 😀<');
          const expected = outcome(() => readXml(compiled, text));
          expect(await outcomeOf(cut(encoder.encode(text), points))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes a string, text chunks, an async iterable, a Node stream and a Web ReadableStream', async () => {
    const xml = examples.find((x) => x.includes('GetItemResponse'))!;
    const expected = { value: readXml(compiled, xml) };
    const bytes = encoder.encode(xml);
    const chunks = cut(bytes, [10, 200, 201, 1000]);
    async function* generate() {
      for (const c of chunks) yield c;
    }
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    for (const source of [
      xml,
      [xml.slice(0, 99), xml.slice(99)],
      generate(),
      Readable.from(chunks.map((c) => Buffer.from(c))),
      web,
    ] as XmlSource[])
      expect(await outcomeOf(source)).toEqual(expected);
  });

  it('refuses bytes that are not UTF-8, at the line the text before their chunk reaches', async () => {
    const bytes = encoder.encode(
      '<?xml version="1.0"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">\n<s:Body>\n',
    );
    const bad = new Uint8Array([...bytes, 0xc3, 0x28]);
    // The chunk holding them is refused whole: the line is where the text before it ends.
    expect(await outcomeOf([bytes, bad.subarray(bytes.length)])).toEqual({
      error: { path: '/s:Envelope/s:Body', line: 4, message: 'not well-formed XML: the bytes are not UTF-8' },
    });
    // A sequence cut at the end of the input is not UTF-8 either.
    expect(await outcomeOf([new Uint8Array([...bytes, 0xe2, 0x80])])).toEqual({
      error: { path: '/s:Envelope/s:Body', line: 4, message: 'not well-formed XML: the bytes are not UTF-8' },
    });
  });
});
