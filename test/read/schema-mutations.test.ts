import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../generator/errors.js';
import { openSchemas, runPipeline } from '../../generator/pipeline.js';
import { MAIN_SET, SHARED_EWS } from '../support/schemas.js';
import { tempDir } from '../support/temp.js';

/*
 * The real schema set, broken at random: a declaration dropped, duplicated or its name changed,
 * a type reference changed, a file cut short, an import made circular. Every run must end in
 * generated output or in one SchemaError that formats as one `file:line:col: message` line —
 * never another exception (a crash would print a stack trace at the CLI).
 */
const FILES = ['services.wsdl', 'messages.xsd', 'types.xsd'] as const;
const original = Object.fromEntries(
  FILES.map((f) => [f, readFileSync(join(SHARED_EWS, MAIN_SET, f), 'utf8')]),
) as Record<(typeof FILES)[number], string>;

/** Top-level declarations of an XSD (indented as the file's first named complex type): their spans. */
function declarations(text: string): { start: number; end: number; name: string }[] {
  const indent = /^( +)<xs:complexType name="/m.exec(text)?.[1] ?? '  ';
  const out: { start: number; end: number; name: string }[] = [];
  const open = new RegExp(
    `^${indent}<xs:(complexType|simpleType|element|group|attributeGroup) name="([^"]+)"[^>]*?(/?)>`,
    'gm',
  );
  for (const m of text.matchAll(open)) {
    const start = m.index;
    let end = start + m[0].length;
    if (m[3] !== '/') {
      const close = text.indexOf(`\n${indent}</xs:${m[1]}>`, end);
      if (close < 0) continue;
      end = close + `\n${indent}</xs:${m[1]}>`.length;
    }
    out.push({ start, end, name: m[2]! });
  }
  return out;
}

type Mutation =
  | { file: 'messages.xsd' | 'types.xsd'; kind: 'drop' | 'duplicate' | 'rename'; at: number }
  | { file: (typeof FILES)[number]; kind: 'truncate'; at: number }
  | { file: 'types.xsd'; kind: 'reference'; at: number }
  | { kind: 'circular' };

function mutate(m: Mutation): Record<string, string> {
  const files: Record<string, string> = { ...original };
  if (m.kind === 'circular') {
    // types.xsd imports messages.xsd, which imports types.xsd.
    files['types.xsd'] = files['types.xsd']!.replace(
      '<xs:import namespace="http://www.w3.org/XML/1998/namespace"/>',
      '<xs:import namespace="http://www.w3.org/XML/1998/namespace"/>\n    <xs:import namespace="http://schemas.microsoft.com/exchange/services/2006/messages" schemaLocation="messages.xsd"/>',
    );
    return files;
  }
  const text = files[m.file]!;
  if (m.kind === 'truncate') {
    files[m.file] = text.slice(0, Math.floor(((m.at % 1000) / 1000) * text.length));
    return files;
  }
  if (m.kind === 'reference') {
    const refs = [...text.matchAll(/type="t:(\w+)"/g)];
    const r = refs[m.at % refs.length]!;
    files[m.file] = text.slice(0, r.index) + `type="t:${r[1]}X"` + text.slice(r.index + r[0].length);
    return files;
  }
  const decls = declarations(text);
  const d = decls[m.at % decls.length]!;
  const span = text.slice(d.start, d.end);
  files[m.file] =
    m.kind === 'drop'
      ? text.slice(0, d.start) + text.slice(d.end)
      : m.kind === 'duplicate'
        ? text.slice(0, d.end) + '\n' + span + text.slice(d.end)
        : text.slice(0, d.start) + span.replace(`name="${d.name}"`, `name="${d.name}Renamed"`) + text.slice(d.end);
  return files;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    file: fc.constantFrom('messages.xsd' as const, 'types.xsd' as const),
    kind: fc.constantFrom('drop' as const, 'duplicate' as const, 'rename' as const),
    at: fc.nat(),
  }),
  fc.record({ file: fc.constantFrom(...FILES), kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ file: fc.constant('types.xsd' as const), kind: fc.constant('reference' as const), at: fc.nat() }),
  fc.constant({ kind: 'circular' as const }),
);

describe('the real schemas, broken at random', () => {
  it('end in output or in one file:line:col error, never a crash', async () => {
    expect(declarations(original['types.xsd']).length).toBeGreaterThan(800);
    const dir = tempDir('mutations');
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        for (const [name, text] of Object.entries(mutate(m))) writeFileSync(join(dir, name), text);
        try {
          const result = await runPipeline(await openSchemas(dir));
          expect(result.files.length).toBeGreaterThan(0);
          outcomes[`${m.kind}: output`] = (outcomes[`${m.kind}: output`] ?? 0) + 1;
        } catch (e) {
          if (!(e instanceof SchemaError)) throw new Error(`${JSON.stringify(m)} crashed: ${(e as Error).stack}`);
          const line = e.format();
          expect(line, JSON.stringify(m)).toMatch(/^[^\n:]+\.(xsd|wsdl):\d+:\d+: [^\n]+$/);
          outcomes[`${m.kind}: error`] = (outcomes[`${m.kind}: error`] ?? 0) + 1;
        }
      }),
      { numRuns: 40, seed: 20261201 },
    );
    // Both outcomes happen: the property is not vacuous.
    expect(Object.keys(outcomes).some((k) => k.endsWith('error'))).toBe(true);
    expect(Object.keys(outcomes).some((k) => k.endsWith('output'))).toBe(true);
  }, 240_000);
});
