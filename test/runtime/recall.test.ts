import { describe, expect, it } from 'vitest';
import { compileType, CompiledSchema, type CompiledComplex } from '../../generated/runtime/compile.js';
import { readXml } from '../../generated/runtime/index.js';
import { recalled, remember, type Recalls } from '../../generated/runtime/recall.js';
import type { ComplexDesc, GlobalElementDesc } from '../../generated/runtime/schema.js';

const place = (): Recalls => ({ recent: undefined });

describe('recall', () => {
  it('gives back a value remembered from the same text, and nothing for other text', () => {
    const p = place();
    expect(recalled(p, 'Alice')).toBeUndefined();
    remember(p, 'Alice', 'Alice');
    remember(p, 'Bob', 'Bob');
    remember(p, '', '');
    expect(recalled(p, 'Alice')).toBe('Alice');
    expect(recalled(p, 'Bob')).toBe('Bob');
    expect(recalled(p, '')).toBe('');
    expect(recalled(p, 'Carol')).toBeUndefined();
    expect(recalled(p, 'Alicf')).toBeUndefined();
  });

  it('forgets the oldest of more than eight distinct values', () => {
    const p = place();
    for (let i = 0; i < 9; i++) remember(p, `v${i}`, `v${i}`);
    expect(recalled(p, 'v0')).toBeUndefined();
    for (let i = 1; i < 9; i++) expect(recalled(p, `v${i}`)).toBe(`v${i}`);
  });

  it('stops looking where a value is not its text: a number, a trimmed string', () => {
    const numbers = place();
    remember(numbers, '42', 42);
    expect(numbers.recent).toBeNull();
    expect(recalled(numbers, '42')).toBeUndefined();
    const trimmed = place();
    remember(trimmed, ' a ', 'a');
    expect(trimmed.recent).toBeNull();
  });

  it('stops looking where values do not come again, and goes on where they mostly do', () => {
    const ids = place();
    for (let i = 0; i < 32; i++) remember(ids, `id${i}`, `id${i}`);
    expect(ids.recent).toBeNull();
    const names = place();
    let recalls = 0;
    for (let i = 0; i < 100; i++) {
      const name = ['Alice', 'Bob', 'Carol', 'Dan'][i % 4]!;
      if (recalled(names, name) === undefined) remember(names, name, name);
      else recalls++;
    }
    expect(recalls).toBe(96);
    expect(names.recent!.misses).toBe(4 - 96);
  });

  it('does not keep values longer than 256 characters', () => {
    const p = place();
    const long = 'x'.repeat(257);
    remember(p, long, long);
    expect(p.recent).toBeUndefined();
    expect(recalled(p, long)).toBeUndefined();
  });
});

describe('attribute values read again', () => {
  // A schema of its own, so that no other read has remembered (or stopped looking for) anything.
  const NS = 'urn:recall';
  const Entry$: ComplexDesc = {
    kind: 'complex',
    name: 'Entry',
    ns: NS,
    attributes: [{ name: 'When', type: 'xs:dateTime' }],
  };
  const List$: ComplexDesc = {
    kind: 'complex',
    name: 'List',
    ns: NS,
    content: { group: 'sequence', items: [{ el: 'E', ns: NS, type: () => Entry$, max: Infinity, array: true }] },
  };
  const Root: GlobalElementDesc = { el: 'Root', ns: NS, type: () => List$ };
  const schema = new CompiledSchema({ namespaces: { r: NS }, elements: { 'r:Root': Root } });
  const when = (compileType(() => Entry$) as CompiledComplex).attributes[0]!;
  const doc = (...times: string[]) => `<Root xmlns="${NS}">${times.map((t) => `<E When="${t}"/>`).join('')}</Root>`;
  const NOON = '2024-03-01T12:00:00Z';

  it('read the same as the first time, and are recalled', () => {
    const times = [NOON, NOON, NOON, '2024-03-02T12:00:00Z'];
    const first = readXml(schema, doc(...times));
    expect(first.value).toEqual({ E: times.map((t) => ({ When: t })) });
    expect(readXml(schema, doc(...times))).toEqual(first);
    // Two values not recalled (the first of each), six recalled.
    expect(when.recent!.misses).toBe(2 - 6);
  });

  it('are checked by a strict read when a lenient read took them first', () => {
    // Lenient reading takes a value xs:dateTime refuses, and must not hand it to a strict read
    // as one already checked; nor is a value a strict read remembered taken for another one.
    const bad = doc('noon', 'noon');
    for (let i = 0; i < 2; i++)
      expect(readXml(schema, bad, { strict: false }).value).toEqual({ E: [{ When: 'noon' }, { When: 'noon' }] });
    expect(() => readXml(schema, bad)).toThrow(/\/Root\/E\/@When.*"noon" is not an xs:dateTime/);
    expect(() => readXml(schema, doc(NOON, 'noon'))).toThrow(/"noon" is not an xs:dateTime/);
    expect(when.recent!.values).toEqual([NOON, '2024-03-02T12:00:00Z']);
  });
});
