import { describe, expect, it } from 'vitest';
import { compileType, CompiledSchema, type CompiledComplex } from '../../generated/runtime/compile.js';
import { readXml } from '../../generated/runtime/index.js';
import { recalled as recalledAt, remember, type Recalls } from '../../generated/runtime/recall.js';
import type { ComplexDesc, GlobalElementDesc } from '../../generated/runtime/schema.js';

const place = (): Recalls => ({ recent: undefined });
/** The value remembered at `p` from the text `text` (an attribute's value, given whole). */
const recalled = (p: Recalls, text: string) => recalledAt(p, text, 0, text.length);
/** The texts remembered at `p`, the oldest first. */
const texts = (p: Recalls) => p.recent!.pairs.filter((_, i) => i % 2 === 0);

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

  it('compares a span of a text in place with what it remembers', () => {
    const p = place();
    remember(p, 'Alice Müller', 'Alice Müller');
    remember(p, 'Bob', 'Bob');
    const source = '<a>Alice Müller</a><b>Alice Mueller</b><c>Bob</c><d></d>';
    const span = (s: string) => [source.indexOf(s), source.indexOf(s) + s.length] as const;
    expect(recalledAt(p, source, ...span('Alice Müller'))).toBe('Alice Müller');
    expect(recalledAt(p, source, ...span('Bob'))).toBe('Bob');
    expect(recalledAt(p, source, ...span('Alice Mueller'))).toBeUndefined();
    expect(recalledAt(p, source, ...span('Alice Mülle'))).toBeUndefined();
    expect(recalledAt(p, source, 22, 22)).toBeUndefined();
    expect(p.recent!.misses).toBe(2 - 2);
  });

  it('forgets the oldest of more than eight distinct values', () => {
    const p = place();
    for (let i = 0; i < 9; i++) remember(p, `v${i}`, `v${i}`);
    expect(recalled(p, 'v0')).toBeUndefined();
    for (let i = 1; i < 9; i++) expect(recalled(p, `v${i}`)).toBe(`v${i}`);
  });

  it('gives back values that are not their text by their text: numbers, booleans, trimmed strings', () => {
    const p = place();
    remember(p, '42', 42);
    remember(p, 'true', true);
    remember(p, ' a ', 'a');
    expect([recalled(p, '42'), recalled(p, 'true'), recalled(p, ' a '), recalled(p, 'a')]).toEqual([
      42,
      true,
      'a',
      undefined,
    ]);
    // A text read from a document, remembered for a value that is not that text: kept as a copy.
    const source = '<x> 1234567890.5 </x>';
    remember(p, source.slice(3, 17), 1234567890.5);
    expect(recalled(p, ' 1234567890.5 ')).toBe(1234567890.5);
  });

  it('stops looking where values are lists: an array read is not shared', () => {
    const lists = place();
    remember(lists, 'a b', ['a', 'b']);
    expect(lists.recent).toBeNull();
    expect(recalled(lists, 'a b')).toBeUndefined();
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

describe('values read again', () => {
  // A schema of its own, so that no other read has remembered (or stopped looking for) anything.
  const NS = 'urn:recall';
  const Entry$: ComplexDesc = {
    kind: 'complex',
    name: 'Entry',
    ns: NS,
    attributes: [{ name: 'When', type: 'xs:dateTime' }],
    content: { group: 'sequence', items: [{ el: 'By', ns: NS, type: 'xs:string', min: 0 }] },
  };
  const List$: ComplexDesc = {
    kind: 'complex',
    name: 'List',
    ns: NS,
    content: { group: 'sequence', items: [{ el: 'E', ns: NS, type: () => Entry$, max: Infinity, array: true }] },
  };
  const Root: GlobalElementDesc = { el: 'Root', ns: NS, type: () => List$ };
  const schema = new CompiledSchema({ namespaces: { r: NS }, elements: { 'r:Root': Root } });
  const entry = compileType(() => Entry$) as CompiledComplex;
  const when = entry.attributes[0]!;
  const by = entry.slots.get(`${NS}|By`)!;
  const doc = (...times: string[]) => `<Root xmlns="${NS}">${times.map((t) => `<E When="${t}"/>`).join('')}</Root>`;
  const signed = (...names: string[]) =>
    `<Root xmlns="${NS}">${names.map((n) => `<E When="2024-03-01T12:00:00Z"><By>${n}</By></E>`).join('')}</Root>`;
  const NOON = '2024-03-01T12:00:00Z';

  it('read the same as the first time, and are recalled', () => {
    const times = [NOON, NOON, NOON, '2024-03-02T12:00:00Z'];
    const first = readXml(schema, doc(...times));
    expect(first.value).toEqual({ E: times.map((t) => ({ When: t })) });
    expect(readXml(schema, doc(...times))).toEqual(first);
    // Two values not recalled (the first of each), six recalled.
    expect(when.recent!.misses).toBe(2 - 6);
  });

  it('read the same in elements as the first time, and are recalled there too', () => {
    const names = ['Émilie Durand', 'Bob', 'Émilie Durand', 'Émilie Durand', 'Bob', 'Bob', 'Grace'];
    const first = readXml(schema, signed(...names));
    expect(first.value).toEqual({ E: names.map((n) => ({ When: '2024-03-01T12:00:00Z', By: n })) });
    const misses = by.recent!.misses;
    expect(readXml(schema, signed(...names))).toEqual(first);
    // The first element of each read takes the long way, while the reader learns the order
    // (see handlers.leaf in read.ts), and neither looks up nor remembers. Read again, the other
    // six names are among the three remembered in the first read: all six recalled.
    expect(texts(by)).toEqual(['Bob', 'Émilie Durand', 'Grace']);
    expect(by.recent!.misses).toBe(misses - 6);
    // A lenient read's values are not remembered (what is recalled is not checked again).
    readXml(schema, signed('Dan', 'Dan', 'Dan'), { strict: false });
    expect(texts(by)).toEqual(['Bob', 'Émilie Durand', 'Grace']);
  });

  it('are checked by a strict read when a lenient read took them first', () => {
    // Lenient reading takes a value xs:dateTime refuses, and must not hand it to a strict read
    // as one already checked; nor is a value a strict read remembered taken for another one.
    const bad = doc('noon', 'noon');
    for (let i = 0; i < 2; i++)
      expect(readXml(schema, bad, { strict: false }).value).toEqual({ E: [{ When: 'noon' }, { When: 'noon' }] });
    expect(() => readXml(schema, bad)).toThrow(/\/Root\/E\/@When.*"noon" is not an xs:dateTime/);
    expect(() => readXml(schema, doc(NOON, 'noon'))).toThrow(/"noon" is not an xs:dateTime/);
    expect(texts(when)).toEqual([NOON, '2024-03-02T12:00:00Z']);
  });
});
