import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareModels } from '../../generator/diff/compare.js';
import type { ComplexType, Model } from '../../generator/model/model.js';
import { openSchemas, runPipeline } from '../../generator/pipeline.js';
import { MAIN_SET, SHARED_EWS, writeFiles } from '../support/schemas.js';

/*
 * What a reviewer sees after a small schema change: regenerating touches only the lines of the
 * declarations that change, and the changelog lists exactly that change. Each case edits a copy
 * of the Exchange2016 set.
 */
const FILES = ['services.wsdl', 'messages.xsd', 'types.xsd'];
let original: Record<string, string>;
let before: { model: Model; files: Map<string, string> };

async function generate(files: Record<string, string>): Promise<{ model: Model; files: Map<string, string> }> {
  const dir = await writeFiles(files);
  const result = await runPipeline(await openSchemas(dir));
  return {
    model: result.model,
    files: new Map(result.files.filter((f) => f.path.startsWith('ews/')).map((f) => [f.path, f.text])),
  };
}

/** The lines added to and removed from each file (as multisets: each edit here is local). */
function changedLines(
  a: Map<string, string>,
  b: Map<string, string>,
): Record<string, { added: string[]; removed: string[] }> {
  const out: Record<string, { added: string[]; removed: string[] }> = {};
  const minus = (x: string[], y: string[]) => {
    const count = new Map<string, number>();
    for (const l of y) count.set(l, (count.get(l) ?? 0) + 1);
    return x.filter((l) => {
      const n = count.get(l) ?? 0;
      if (n) count.set(l, n - 1);
      return !n;
    });
  };
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [(a.get(path) ?? '').split('\n'), (b.get(path) ?? '').split('\n')];
    const added = minus(y, x);
    const removed = minus(x, y);
    if (added.length || removed.length) out[path] = { added, removed };
  }
  return out;
}

async function edited(file: string, from: string, to: string) {
  expect(original[file], `${file} has ${from}`).toContain(from);
  const after = await generate({ ...original, [file]: original[file]!.replace(from, to) });
  return {
    after,
    lines: changedLines(before.files, after.files),
    entries: compareModels(before.model, after.model).entries.map((e) => `${e.name}: ${e.what}`),
  };
}

describe('regenerating after a small schema change', () => {
  beforeAll(async () => {
    original = Object.fromEntries(
      await Promise.all(FILES.map(async (f) => [f, await readFile(join(SHARED_EWS, MAIN_SET, f), 'utf8')])),
    );
    before = await generate(original);
  });

  it('an optional element added to ItemType: its member, descriptor, tag and writer lines, and the restrictions that drop it', async () => {
    const preview = '<xs:element name="Preview" type="xs:string" minOccurs="0" />';
    const { after, lines, entries } = await edited(
      'types.xsd',
      preview,
      `${preview}<xs:element name="Sample" type="xs:string" minOccurs="0" />`,
    );
    expect(entries).toEqual(['t:ItemType: element t:Sample added, optional']);
    expect(Object.keys(lines).sort()).toEqual(['ews/schema.ts', 'ews/types.ts']);
    expect(lines['ews/schema.ts']).toEqual({
      added: [
        "const tSample = /* @__PURE__ */ tag('t:Sample');",
        "      { el: 'Sample', ns: T, type: 'xs:string', min: 0 },",
        '  optionalLeaf(o, tSample, xsString, v.Sample);',
      ],
      removed: [],
    });
    const types = after.files.get('ews/types.ts')!;
    expect(lines['ews/types.ts']!.removed).toEqual([]);
    const added = lines['ews/types.ts']!.added;
    expect(added.filter((l) => l === '  Sample?: string;')).toHaveLength(1);
    // Every other added line is `Sample?: never` in a type that restricts ItemType (and so drops what it does not list).
    const derivesFromItem = (t: ComplexType): boolean => {
      const base = t.base && (after.model.types.get(`{${t.base.ns}}${t.base.local}`) as ComplexType | undefined);
      return !!base && (base.name.local === 'ItemType' || derivesFromItem(base));
    };
    const restricting = [...after.model.types.values()].filter(
      (t): t is ComplexType => t.kind === 'complex' && t.derivation === 'restriction' && derivesFromItem(t),
    );
    for (const line of added.filter((l) => l !== '  Sample?: string;')) expect(line).toBe('  Sample?: never;');
    const hosts: string[] = [];
    let current = '';
    for (const l of types.split('\n')) {
      current = /^export interface (\w+)/.exec(l)?.[1] ?? current;
      if (l === '  Sample?: never;') hosts.push(current);
      if (l === '  Sample?: string;') expect(current).toBe('ItemType');
    }
    expect(hosts).toHaveLength(added.length - 1);
    for (const h of hosts) expect(restricting.map((t) => t.name.local)).toContain(h);
    expect(restricting.length).toBeGreaterThan(0);
  });

  it('an enumeration value added: the union and the value array, nothing else', async () => {
    const { lines, entries } = await edited(
      'types.xsd',
      '<xs:enumeration value="High" />',
      '<xs:enumeration value="High" /><xs:enumeration value="Urgent" />',
    );
    expect(entries).toEqual(['t:ImportanceChoicesType: value Urgent added']);
    expect(lines).toEqual({
      'ews/enums.ts': {
        added: [
          "export type ImportanceChoicesType = 'Low' | 'Normal' | 'High' | 'Urgent';",
          "export const ImportanceChoicesType: readonly ImportanceChoicesType[] = ['Low', 'Normal', 'High', 'Urgent'];",
        ],
        removed: [
          "export type ImportanceChoicesType = 'Low' | 'Normal' | 'High';",
          "export const ImportanceChoicesType: readonly ImportanceChoicesType[] = ['Low', 'Normal', 'High'];",
        ],
      },
    });
  });

  it('an element removed from ItemType: its lines go, nothing else changes', async () => {
    const { lines, entries } = await edited(
      'types.xsd',
      '<xs:element name="Preview" type="xs:string" minOccurs="0" />',
      '',
    );
    expect(entries).toEqual(['t:ItemType: element t:Preview removed']);
    for (const [file, { added, removed }] of Object.entries(lines)) {
      expect(added, file).toEqual([]);
      for (const l of removed) expect(l, file).toContain('Preview');
    }
  });

  it('an operation added: only new lines, all of the operation, in operations.ts and client.ts', async () => {
    const wsdl = original['services.wsdl']!;
    const op = (name: string) => new RegExp(`<wsdl:operation name="${name}">[^]*?</wsdl:operation>`, 'g');
    const [portTypeOp, bindingOp] = wsdl.match(op('GetItem'))!;
    const next = wsdl
      .replace(portTypeOp!, `${portTypeOp}${portTypeOp!.replace('"GetItem"', '"GetItemAgain"')}`)
      .replace(
        bindingOp!,
        `${bindingOp}${bindingOp!.replace('"GetItem"', '"GetItemAgain"').replace('/GetItem"', '/GetItemAgain"')}`,
      );
    expect(next).not.toBe(wsdl);
    const after = await generate({ ...original, 'services.wsdl': next });
    const lines = changedLines(before.files, after.files);
    expect(compareModels(before.model, after.model).entries.map((e) => `${e.name}: ${e.what}`)).toEqual([
      'GetItemAgain: operation added',
    ]);
    expect(Object.keys(lines).sort()).toEqual(['ews/client.ts', 'ews/operations.ts']);
    for (const { added, removed } of Object.values(lines)) {
      expect(removed).toEqual([]);
      expect(added.filter((l) => /GetItemAgain|getItemAgain/.test(l)).length).toBeGreaterThan(0);
    }
  });
});
