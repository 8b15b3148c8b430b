import { SaxesParser } from 'saxes';
import { XmlSyntaxError, XmlTokenizer } from '../../generated/runtime/xml-tokenizer.js';

/**
 * What a tokenizer reports of a document, in a form two tokenizers can be compared in: start
 * tags with their attributes in document order, end tags, and the character data between
 * them (text and CDATA joined, as a reader joins them; none outside the root element, which
 * the reader ignores). Or the error, with its line.
 */
export type XmlEvents =
  | { events: (['open', string, [string, string][]] | ['close', string] | ['text', string] | ['end'])[] }
  | { error: string; line: number };

class Recorder {
  readonly events: Extract<XmlEvents, { events: unknown }>['events'] = [];
  private text: string | undefined;
  depth = 0;
  chars(t: string): void {
    if (this.depth) this.text = (this.text ?? '') + t;
  }
  flush(): void {
    if (this.text !== undefined) this.events.push(['text', this.text]);
    this.text = undefined;
  }
  open(name: string, attributes: [string, string][]): void {
    this.flush();
    this.events.push(['open', name, attributes]);
    this.depth++;
  }
  close(name: string): void {
    this.flush();
    this.events.push(['close', name]);
    this.depth--;
  }
}

/** The events saxes (the reference) reports, as the reader once used it: `xmlns: false`. */
export function saxesEvents(xml: string): XmlEvents {
  const r = new Recorder();
  const parser = new SaxesParser({ xmlns: false, position: true });
  let attributes: [string, string][] = [];
  parser.on('attribute', (a) => attributes.push([a.name, a.value]));
  parser.on('opentag', (t) => {
    r.open(t.name, attributes);
    attributes = [];
  });
  parser.on('closetag', (t) => r.close(t.name));
  parser.on('text', (t) => r.chars(t));
  parser.on('cdata', (t) => r.chars(t));
  parser.on('doctype', () => {
    throw new Error('1:1: DOCTYPE');
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    const m = /^(\d+):(\d+): (.*)$/s.exec((e as Error).message);
    return { error: m ? m[3]! : (e as Error).message, line: m ? Number(m[1]) : 0 };
  }
  r.flush();
  return { events: r.events };
}

/**
 * The events our tokenizer reports, the document given whole or in the chunks given; with
 * `sequence`, read as a sequence of documents, the end of each an `end` event. The tokenizer
 * reads the document twice, with a `leaf` handler (as the reader has) and without: an element
 * of text only is then reported at once or in three steps, and the two must tell the same.
 */
export function tokenizerEvents(xml: string | string[], sequence = false): XmlEvents {
  const withLeaf = tokenize(xml, sequence, true);
  const without = tokenize(xml, sequence, false);
  if (JSON.stringify(withLeaf) !== JSON.stringify(without))
    throw new Error(
      `read with a leaf handler: ${JSON.stringify(withLeaf).slice(0, 2000)}; without: ${JSON.stringify(without).slice(0, 2000)}`,
    );
  return withLeaf;
}

function tokenize(xml: string | string[], sequence: boolean, leaf: boolean): XmlEvents {
  const r = new Recorder();
  const t: XmlTokenizer = new XmlTokenizer({
    open(name) {
      const attributes: [string, string][] = [];
      for (let i = 0; i < t.attributeCount; i++) attributes.push([t.attributeNames[i]!, t.attributeValues[i]!]);
      r.open(name, attributes);
    },
    close: (name) => r.close(name),
    text: (text) => r.chars(text),
    cdata: (text) => r.chars(text),
    doctype: () => {},
    ...(sequence ? { end: () => void r.events.push(['end']) } : {}),
    ...(leaf
      ? {
          leaf(name: string, source: string, from: number, end: number) {
            r.open(name, []);
            if (end > from) r.chars(source.slice(from, end)); // as text() is: never called with nothing
            r.close(name);
          },
        }
      : {}),
  });
  try {
    for (const chunk of typeof xml === 'string' ? [xml] : xml) t.write(chunk);
    t.close();
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    return { error: e.reason, line: e.line };
  }
  r.flush();
  return { events: r.events };
}
