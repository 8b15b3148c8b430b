import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compiled, NAMESPACES, schema } from '../../generated/ews/schema.js';
import {
  accepting,
  compileType,
  typeOf,
  type CompiledComplex,
  type GroupParticle,
  type Particle,
} from '../../generated/runtime/compile.js';
import { EwsXmlError, readXml, writeDocument, type ReadDocument } from '../../generated/runtime/index.js';
import {
  resolveType,
  type ComplexDesc,
  type GlobalElementDesc,
  type GroupDesc,
  type TypeRef,
} from '../../generated/runtime/schema.js';
import { codecOf } from '../../generated/runtime/simple.js';
import { isBail, leaf } from '../../generated/runtime/type-writers.js';
import { ValueWriter, type WriteOptions } from '../../generated/runtime/write.js';
import { tag, XmlBytes } from '../../generated/runtime/xml-bytes.js';
import { XmlWriter } from '../../generated/runtime/xml-writer.js';
import * as operations from '../../generated/ews/operations.js';
import { ValueGenerator } from '../support/arbitrary-values.js';

/**
 * The generated per-type writers (in generated/ews/schema.ts) are the fast path of strict writing;
 * the generic writer (runtime/write.ts) is what they must agree with byte for byte. The
 * documented envelopes and the property test compare the two on every document they write;
 * this file checks which types have a writer (those a request can hold), that the items of the
 * benchmark's responses are written by them alone, and that what they give up on still gets the
 * generic writer's errors.
 */

const require = createRequire(import.meta.url);
const payloads = require('../../../shared/bench/gen-payloads.js') as {
  makeFindItem(n: number): unknown;
  renderFindItem(m: unknown): string;
  makeGetItem(n: number): unknown;
  renderGetItem(m: unknown): string;
};

/** The items of a FindItem response's first message. */
function itemsOf(doc: ReadDocument): Record<string, unknown>[] {
  type Response = { ResponseMessages: { $items: { RootFolder: { Items: { $items: Record<string, unknown>[] } } }[] } };
  return (doc.value as Response).ResponseMessages.$items[0]!.RootFolder.Items.$items;
}

/** The items of a GetItem response's messages. */
function getItemItems(doc: ReadDocument): Record<string, unknown>[] {
  type Response = { ResponseMessages: { $items: { Items: { $items: Record<string, unknown>[] } }[] } };
  return (doc.value as Response).ResponseMessages.$items.flatMap((m) => m.Items.$items);
}

/**
 * The complex types a request can hold, found by walking the generated descriptors from the
 * operations' input bodies and headers (not by the generator's own pass, which this judges):
 * element types, the types derived from them, substitution group members, bases.
 */
function requestTypes(): Set<ComplexDesc> {
  const found = new Set<ComplexDesc>();
  const type = (ref: TypeRef | undefined): void => {
    const d = ref === undefined ? undefined : resolveType(ref);
    if (typeof d !== 'object' || d.kind !== 'complex' || found.has(d)) return;
    found.add(d);
    if (d.base) type(d.base);
    if (d.content) group(d.content);
  };
  const element = (e: {
    type: TypeRef;
    derived?: () => readonly ComplexDesc[];
    ref?: () => GlobalElementDesc;
    members?: () => readonly GlobalElementDesc[];
  }): void => {
    type(e.type);
    for (const d of e.derived?.() ?? []) type(() => d);
    if (e.ref) element(e.ref());
    for (const m of e.members?.() ?? []) element(m);
  };
  const group = (g: GroupDesc): void => {
    for (const p of g.items) {
      if ('group' in p) group(p);
      else if ('el' in p) element(p);
    }
  };
  for (const spec of Object.values(operations)) {
    const input = (spec as { input?: { body: GlobalElementDesc; headers: readonly GlobalElementDesc[] } }).input;
    if (input) [input.body, ...input.headers].forEach(element);
  }
  return found;
}

/** Everything through the generic writer. */
const GENERIC: WriteOptions = { generatedWriters: false };

/** The complex types of the elements a value holds, down the tree, that have no generated writer. */
function withoutWriters(type: CompiledComplex, value: Record<string, unknown>, out = new Set<string>()): Set<string> {
  const visit = (p: Particle): void => {
    if (p.kind === 'any') return;
    if (p.kind !== 'element') return p.items.forEach(visit);
    const v = value[p.prop];
    if (v === undefined) return;
    for (const x of (Array.isArray(v) ? v : [v]) as (Record<string, unknown> | null)[]) {
      const a = p.tagged ? p.byLocal.get(x!.$element as string) : p.own;
      if (p.prop === '$items' && !p.byLocal.has(x!.$element as string)) continue; // another particle's entry
      const t = typeOf(a!);
      if (t.kind !== 'complex' || x === null) continue;
      if (!t.desc.write) out.add(t.desc.name);
      withoutWriters(t, x, out);
    }
  };
  if (type.content) visit(type.content);
  return out;
}

describe('the generated writers', () => {
  const writers = (k: string) => (schema.types[k] as ComplexDesc).write;
  const complexKeys = Object.keys(schema.types).filter((k) => schema.types[k]!.kind === 'complex');

  it('exist for every complex type a request can hold, except those the generic writer must handle, for a reason', () => {
    const requests = requestTypes();
    const inRequests = (k: string) => requests.has(schema.types[k] as ComplexDesc);
    const reasons = (t: CompiledComplex): string[] => {
      const why: string[] = [];
      if (t.desc.abstract) why.push('abstract');
      if (t.anyAttribute) why.push('anyAttribute');
      if (t.attributes.some((a) => a.desc.ns)) why.push('qualified attribute');
      const walk = (g: GroupParticle): void => {
        for (const p of g.items) {
          if (p.kind === 'any') why.push('xs:any');
          else if (p.kind !== 'element') walk(p);
        }
        const hasEntries = (p: GroupParticle['items'][number]): boolean =>
          p.kind === 'element' ? p.prop === '$items' : p.kind !== 'any' && p.items.some(hasEntries);
        if (g.kind === 'choice' && g.items.length > 1 && !g.entries && g.items.some(hasEntries))
          why.push('$items in a choice');
      };
      if (t.content) walk(t.content);
      return why;
    };
    const compiledType = (k: string) => compileType(() => schema.types[k]!) as CompiledComplex;
    const requested = complexKeys.filter(inRequests);
    const without = requested.filter((k) => !writers(k));
    for (const k of without) expect(reasons(compiledType(k)), k).not.toEqual([]);
    for (const k of complexKeys.filter((k) => writers(k))) {
      expect(inRequests(k), k).toBe(true);
      expect(reasons(compiledType(k)), k).toEqual([]);
    }
    // Most types a request holds are written by generated code; about half of all types are:
    // the figures move only with the schema (489 writers, 971 complex types at the time of writing).
    expect(requested.length - without.length).toBeGreaterThan(requested.length * 0.9);
    expect(requested.length).toBeLessThan(complexKeys.length * 0.7);
  });

  it('write random values of every type as the generic writer does, mostly without giving up', () => {
    const T = NAMESPACES.t!;
    const prefixes = new Map([['http://www.w3.org/2001/XMLSchema-instance', 'xsi']]);
    for (const [p, ns] of Object.entries(NAMESPACES)) prefixes.set(ns, p);
    let written = 0;
    let gaveUp = 0;
    for (const key of complexKeys.filter((k) => writers(k))) {
      const desc = schema.types[key] as ComplexDesc;
      for (const seed of [1, 2, 3]) {
        const value = new ValueGenerator(schema, seed).complex(() => desc, 3, false);
        const w = new XmlWriter(prefixes);
        new ValueWriter(NAMESPACES, w, GENERIC).element(accepting({ el: 'X', ns: T, type: () => desc }), value);
        const expected = w.toString();
        let out: string | undefined;
        try {
          const bytes = new XmlBytes();
          desc.write!(bytes, value as never, tag('t:X'));
          out = bytes.toString();
        } catch (e) {
          // Only a deliberate give-up counts: a valid value the writer cannot write is a bug.
          if (!isBail(e)) throw new Error(`the writer of ${key} failed on a valid value: ${(e as Error).message}`);
          gaveUp++;
          continue;
        }
        expect(out, key).toBe(expected);
        written++;
      }
    }
    // Giving up is right only for what the generated code leaves to the generic writer
    // (open attributes and content the random values carry); most values go straight through.
    // (2,611 written, 167 given up at the time of writing.)
    expect(gaveUp).toBeLessThan((written + gaveUp) / 10);
  });

  it.each([
    ['FindItem', () => payloads.renderFindItem(payloads.makeFindItem(200)), itemsOf],
    ['GetItem', () => payloads.renderGetItem(payloads.makeGetItem(50)), getItemItems],
  ])('write the items of the benchmark %s response alone, byte for byte as the generic writer', (_, render, items) => {
    const doc = readXml(compiled, render());
    const all = writeDocument(compiled, doc, GENERIC);
    expect(writeDocument(compiled, doc)).toBe(all);
    // The response's own types (its messages, RootFolder) only a response holds: the generic
    // writer writes them. Every item, and every element in it, has a writer of its own (items
    // are what requests such as CreateItem hold).
    const list = items(doc);
    expect(list.length).toBeGreaterThan(0);
    const container = compileType(() => schema.types.ArrayOfRealItemsType!) as CompiledComplex;
    for (const item of list) {
      const local = item.$element as string;
      const type = typeOf(container.items.get(local)!.byLocal.get(local)!) as CompiledComplex;
      expect([...withoutWriters(type, item)]).toEqual([]);
      const bytes = new XmlBytes();
      type.desc.write!(bytes, item as never, tag(`t:${local}`));
      expect(all).toContain(bytes.toString());
    }
  });

  it('leave what they cannot write to the generic writer, which reports it with the path', () => {
    const doc = readXml(compiled, payloads.renderFindItem(payloads.makeFindItem(3)));
    const items = itemsOf(doc);
    delete items[1]!.ItemId; // optional: still written by generated code
    (items[2]!.ItemId as Record<string, unknown>).Id = undefined; // required attribute
    let error: unknown;
    try {
      writeDocument(compiled, doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EwsXmlError);
    expect((error as EwsXmlError).message).toContain('missing required attribute Id');
    expect((error as EwsXmlError).message).toMatch(/\/m:RootFolder\/t:Items\/t:(Message|CalendarItem)\/t:ItemId\/@Id/);
    expect(() => writeDocument(compiled, doc, GENERIC)).toThrow((error as Error).message);
  });

  it('give way to the generic writer for a derived type (xsi:type)', () => {
    const doc = readXml(compiled, payloads.renderFindItem(payloads.makeFindItem(2)));
    const sender = itemsOf(doc)[0]!.From as { Mailbox: Record<string, unknown> };
    sender.Mailbox.$type = 'EmailAddressType';
    const out = writeDocument(compiled, doc);
    expect(out).toContain('<t:Mailbox xsi:type="t:EmailAddressType">');
    expect(out).toBe(writeDocument(compiled, doc, GENERIC));
  });

  it('give way to the generic writer for what lenient reading kept', () => {
    const xml = payloads
      .renderFindItem(payloads.makeFindItem(2))
      .replace('</t:Message>', '<t:FromANewerServer>x</t:FromANewerServer></t:Message>');
    const doc = readXml(compiled, xml, { strict: false });
    const out = writeDocument(compiled, doc);
    expect(out).toContain('<t:FromANewerServer>x</t:FromANewerServer></t:Message>');
    expect(out).toBe(writeDocument(compiled, doc, GENERIC));
  });
});

describe('leaf', () => {
  const written = (write: (o: XmlBytes) => void): string => {
    const o = new XmlBytes();
    write(o);
    return o.toString();
  };

  it('writes a value of a type of few values as one piece, checked by the codec of each type its tag serves', () => {
    const t = tag('t:X');
    const colour = codecOf({ kind: 'enum', name: 'Colour', base: 'xs:string', values: ['Red', 'A&B', 'Ünï'] });
    const size = codecOf({ kind: 'enum', name: 'Size', base: 'xs:string', values: ['Big'] });
    const flag = codecOf('xs:boolean');
    expect(colour.few && flag.few).toBe(true);
    // Numbers in an enumeration are checked by their base type alone: they are not few.
    expect(codecOf({ kind: 'enum', name: 'Level', base: 'xs:int', values: ['1', '2'] }).few).toBe(false);
    const twice = (codec: typeof colour, x: unknown) => written((o) => (leaf(o, t, codec, x), leaf(o, t, codec, x)));
    expect(twice(colour, 'Red')).toBe('<t:X>Red</t:X><t:X>Red</t:X>');
    expect(twice(colour, 'A&B')).toBe('<t:X>A&amp;B</t:X><t:X>A&amp;B</t:X>');
    expect(twice(colour, 'Ünï')).toBe('<t:X>Ünï</t:X><t:X>Ünï</t:X>');
    // The same tag for another type: its own codec checks the value, whatever the tag wrote before.
    expect(() => written((o) => leaf(o, t, size, 'Red'))).toThrow('"Red" is not a value of Size');
    expect(twice(size, 'Big')).toBe('<t:X>Big</t:X><t:X>Big</t:X>');
    expect(() => written((o) => leaf(o, t, colour, 'Big'))).toThrow('"Big" is not a value of Colour');
    expect(written((o) => [true, false, true].forEach((b) => leaf(o, t, flag, b)))).toBe(
      '<t:X>true</t:X><t:X>false</t:X><t:X>true</t:X>',
    );
    expect(() => written((o) => leaf(o, t, flag, 'true'))).toThrow('true is not an xs:boolean');
  });
});
