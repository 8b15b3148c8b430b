import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiled, schema as descriptors } from '../../generated/ews/schema.js';
import { CompiledSchema } from '../../generated/runtime/compile.js';
import { EwsXmlError, readXml, writeDocument, type ReadDocument } from '../../generated/runtime/index.js';
import { operationExamples, type DocExample } from '../support/docs.js';
import { errorParts } from '../support/errors.js';
import { treeDiff, xmlTree } from '../support/xml-tree.js';
import { envelopeSchema, xmllintValidate } from '../support/xmllint.js';

/**
 * Every XML example on the EWS operation pages of ../shared/docs, extracted here (never copied).
 * xmllint against the main target's schema (V2017_07_11) decides which are valid. The valid ones must read
 * strictly, write back equal as trees, and the written XML must validate too. The others must be
 * refused, and each is listed in test/errata.json with what is wrong, what the schema says, and
 * the exact error our reader raises (element path, line, message), which the test compares
 * (reviewed by hand; the test never writes it).
 */

interface Erratum {
  page: string;
  block: number;
  kind: 'not-well-formed' | 'invalid' | 'not-ews';
  wrong: string;
  schema: string;
  /** The error our strict reader raises (the first thing it meets that the schema rejects). */
  error: { path: string; line?: number; message: string };
}

const examples = operationExamples();
/** The schema without its generated writers: everything written by the generic writer. */
const generic = new CompiledSchema(descriptors);
const errata: Erratum[] = JSON.parse(readFileSync(join(import.meta.dirname, '../errata.json'), 'utf8'));
const inErrata = new Set(errata.map((e) => `${e.page}#${e.block}`));

let schema: string;
let judged: ReturnType<typeof xmllintValidate>;
const written = new Map<string, string>();
const read = new Map<string, ReadDocument>();

beforeAll(() => {
  schema = envelopeSchema();
  judged = xmllintValidate(schema, new Map(examples.map((e) => [e.id, e.xml])));
});

describe('the documented envelopes', () => {
  it('are all found: 338 examples on the operation pages', () => {
    expect(examples.length).toBe(338);
  });

  it('that xmllint refuses are exactly those in test/errata.json', () => {
    const refused = examples.filter((e) => !judged.valid.has(e.id)).map((e) => e.id);
    expect(refused.sort()).toEqual([...inErrata].sort());
    expect(judged.valid.size).toBe(265);
  });

  describe('valid ones read strictly and write back equal', () => {
    const valid = () => examples.filter((e) => !inErrata.has(e.id));
    it.each(examples.filter((e) => !inErrata.has(e.id)).map((e) => [e.id, e] as [string, DocExample]))('%s', (_, example) => {
      const doc = readXml(compiled, example.xml, { strict: true });
      const out = writeDocument(compiled, doc);
      expect(treeDiff(xmlTree(example.xml), xmlTree(out))).toBeUndefined();
      // The generated per-type writers write exactly what the generic writer writes.
      expect(out).toBe(writeDocument(generic, doc));
      expect(out).not.toContain('https://schemas.microsoft.com');
      written.set(example.id, out);
      read.set(example.id, doc);
    });

    it('and what they write validates with xmllint', () => {
      expect(written.size).toBe(valid().length);
      const result = xmllintValidate(schema, written);
      expect([...result.invalid]).toEqual([]);
      expect(result.valid.size).toBe(written.size);
    });

    it('and their typed values match the snapshots, page by page', async () => {
      const pages = new Map<string, Record<string, unknown>>();
      for (const [id, doc] of read) {
        const [page, block] = id.split('#') as [string, string];
        const entry = pages.get(page) ?? {};
        entry[`block ${block}`] = { element: doc.element, headers: doc.headers, body: doc.value, fault: doc.fault };
        pages.set(page, entry);
      }
      for (const [page, value] of [...pages].sort()) {
        await expect(JSON.stringify(value, null, 2) + '\n').toMatchFileSnapshot(`../snapshots/envelopes/${page.replace(/\.md$/, '')}.json`);
      }
    });
  });

  describe('invalid ones are refused with an element path', () => {
    it.each(errata.map((e) => [`${e.page}#${e.block}`, e] as [string, Erratum]))('%s', (id, erratum) => {
      const example = examples.find((e) => e.id === id)!;
      expect(erratum.wrong.length).toBeGreaterThan(5);
      expect(erratum.schema.length).toBeGreaterThan(5);
      let error: unknown;
      try {
        readXml(compiled, example.xml, { strict: true });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EwsXmlError);
      const raised = errorParts(error as EwsXmlError);
      // Exactly the error recorded for the erratum: where the reader stopped, and why.
      expect(raised).toEqual(erratum.error);
      if (erratum.kind === 'not-ews') expect(raised.message).toMatch(/is not an element of this schema|uses https|unexpected element|missing required attribute/);
    });
  });
});
