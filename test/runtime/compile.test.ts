import { describe, expect, it } from 'vitest';
import {
  compileType,
  CompiledSchema,
  derivedType,
  type CompiledComplex,
  type ElementParticle,
} from '../../generated/runtime/compile.js';
import type { ComplexDesc, GlobalElementDesc, SimpleDesc } from '../../generated/runtime/schema.js';

/*
 * compile.ts on descriptors written inline, as a generated schema.ts writes them: each a
 * constant, the references behind functions.
 */
const NS = 'urn:test';

const Colour$: SimpleDesc = { kind: 'enum', name: 'Colour', base: 'xs:string', values: ['Red', 'Blue'] };
const Base$: ComplexDesc = {
  kind: 'complex',
  name: 'Base',
  ns: NS,
  attributes: [{ name: 'Id', type: 'xs:string', required: true }],
  content: { group: 'sequence', items: [{ el: 'A', ns: NS, type: 'xs:int' }] },
};
const Derived$: ComplexDesc = {
  kind: 'complex',
  name: 'Derived',
  ns: NS,
  base: () => Base$,
  attributes: [{ name: 'Colour', type: () => Colour$ }],
  content: { group: 'sequence', items: [{ el: 'B', ns: NS, type: 'xs:string', min: 0 }] },
};
const Restricted$: ComplexDesc = {
  kind: 'complex',
  name: 'Restricted',
  ns: NS,
  base: () => Base$,
  restriction: true,
  content: { group: 'sequence', items: [] },
};
const Head: GlobalElementDesc = { el: 'Head', ns: NS, type: () => Base$, abstract: true, members: () => [One, Two] };
const One: GlobalElementDesc = { el: 'One', ns: NS, type: () => Base$ };
const Two: GlobalElementDesc = { el: 'Two', ns: NS, type: () => Derived$ };
const Holder$: ComplexDesc = {
  kind: 'complex',
  name: 'Holder',
  ns: NS,
  content: {
    group: 'sequence',
    items: [
      { el: 'Head', ns: NS, type: () => Base$, ref: () => Head, tagged: true },
      { el: 'Plain', ns: NS, type: () => Base$, derived: () => [Derived$] },
    ],
  },
};

const complex = (d: ComplexDesc) => compileType(() => d) as CompiledComplex;

describe('compileType', () => {
  it('puts an extension after its base: attributes and one flat sequence of elements', () => {
    const t = complex(Derived$);
    expect(t.attributes.map((a) => a.desc.name)).toEqual(['Id', 'Colour']);
    expect(t.required.map((a) => a.desc.name)).toEqual(['Id']);
    expect(t.content!.kind).toBe('sequence');
    expect(t.content!.items.map((p) => (p as ElementParticle).desc.el)).toEqual(['A', 'B']);
    // A flat sequence of distinct elements: the reader goes straight to a position.
    expect([...t.content!.flat!.position]).toEqual([
      [`${NS}|A`, 0],
      [`${NS}|B`, 1],
    ]);
  });

  it('lets a restriction replace its base content and attributes', () => {
    const t = complex(Restricted$);
    expect(t.attributes).toEqual([]);
    expect(t.content!.items).toEqual([]);
    // An empty sequence holds nothing, not a repeated choice's entries (it once did).
    expect(t.content!.entries).toBe(false);
    expect(t.content!.nullable).toBe(true);
  });

  it('takes the wildcard and the text type from the descriptor alone: the generator settled what is in effect', () => {
    const Open$: ComplexDesc = { kind: 'complex', name: 'Open', ns: NS, text: 'xs:int', anyAttribute: true };
    const Closed$: ComplexDesc = { kind: 'complex', name: 'Closed', ns: NS, base: () => Open$, text: 'xs:int' };
    expect(complex(Open$).anyAttribute).toBe(true);
    expect(complex(Closed$).anyAttribute).toBe(false);
    expect(complex(Closed$).text!.parse('12', true)).toBe(12);
  });

  it('compiles each descriptor once, whatever function refers to it', () => {
    expect(compileType(() => Base$)).toBe(compileType(() => Base$));
    expect(compileType('xs:int')).toBe(compileType('xs:int'));
    expect(complex(Derived$).text).toBeUndefined();
  });

  it('accepts the members of a substitution group in the head’s place, not the abstract head', () => {
    const t = complex(Holder$);
    const head = t.content!.items[0] as ElementParticle;
    expect([...head.accepts.keys()]).toEqual([`${NS}|One`, `${NS}|Two`]);
    expect(head.own).toBeUndefined();
    expect(t.slots.get(`${NS}|Two`)!.particle).toBe(head);
  });

  it('finds a type xsi:type names among those the element lists as derived, and no other', () => {
    const plain = (complex(Holder$).content!.items[1] as ElementParticle).own!;
    expect(derivedType(plain, NS, 'Derived')!.desc).toBe(Derived$);
    expect(derivedType(plain, NS, 'Base')!.desc).toBe(Base$);
    expect(derivedType(plain, NS, 'Restricted')).toBeUndefined();
    expect(derivedType(plain, 'urn:other', 'Derived')).toBeUndefined();
  });

  it('refuses a complex type where a simple one is needed, naming it', () => {
    const Bad$: ComplexDesc = { kind: 'complex', name: 'Bad', ns: NS, text: () => Base$ };
    expect(() => compileType(() => Bad$)).toThrow('ews runtime: Base is not a simple type');
  });
});

describe('CompiledSchema', () => {
  it('indexes global elements by key and by qualified name', () => {
    const schema = new CompiledSchema({ namespaces: { t: NS }, elements: { 't:One': One, 't:Two': Two } });
    expect(schema.elementByKey.get('t:Two')!.accepted.local).toBe('Two');
    expect(schema.elementByQName.get(`${NS}|One`)!.key).toBe('t:One');
  });
});
