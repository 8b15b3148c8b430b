import type { ComplexDesc, GlobalElementDesc, GroupDesc, ParticleDesc, Schema, SimpleDesc, TypeDesc, TypeRef } from '../../generated/runtime/schema.js';

/**
 * Random valid values of any type of a schema, built from the same descriptors the runtime
 * reads and writes with: attributes, sequences, choices, repeated choices (`$items`),
 * substitution groups (`$element`), derived types (`$type`), nillable (`null`), open content.
 * Deterministic for a seed. Recursion is bounded by a depth budget: past it, optional parts are
 * left out and choices take their shallowest branch.
 */
export class ValueGenerator {
  private state: number;
  private readonly members = new Map<string, string[]>();
  private readonly derived = new Map<string, string[]>();
  private readonly minDepth = new Map<string, number>();
  /** The keys of the descriptors (the generator works on keys: `ItemType`, `xs:string`, `t:Path`). */
  private readonly typeKeys = new Map<TypeDesc, string>();
  private readonly elementKeys = new Map<GlobalElementDesc, string>();

  constructor(
    private readonly schema: Schema,
    seed: number,
  ) {
    this.state = seed >>> 0;
    for (const [key, t] of Object.entries(schema.types)) this.typeKeys.set(t, key);
    for (const [key, e] of Object.entries(schema.elements)) this.elementKeys.set(e, key);
    for (const [key, e] of Object.entries(schema.elements))
      if (e.members) this.members.set(key, e.members().map((m) => this.elementKeys.get(m)!));
    for (const [key, t] of Object.entries(schema.types))
      if (t.kind === 'complex' && t.base) this.derived.set(this.key(t.base), [...(this.derived.get(this.key(t.base)) ?? []), key]);
  }

  /** The key of a type reference. */
  private key(ref: TypeRef | string): string {
    return typeof ref === 'string' ? ref : this.typeKeys.get(ref())!;
  }

  private random(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  private chance(p = 0.5): boolean {
    return this.random() < p;
  }

  /** Characters XML 1.0 allows, with the ones that need escaping and some beyond ASCII. */
  private text(min = 0, max = 12): string {
    const alphabet = 'abcXYZ 019&<>"\'\t\n\r€ü漢';
    let s = '';
    for (let i = this.int(min, max); i > 0; i--) s += this.pick([...alphabet]);
    return s;
  }

  simple(typeRef: TypeRef): unknown {
    const ref = this.key(typeRef);
    if (ref.startsWith('xs:')) return this.builtin(ref.slice(3));
    const d = this.schema.types[ref] as SimpleDesc;
    switch (d.kind) {
      case 'enum': {
        const v = this.pick(d.values);
        return this.builtinIsNumber(d.base) ? Number(v) : v;
      }
      case 'list':
        return Array.from({ length: this.int(1, 3) }, () => this.simple(d.item));
      case 'union':
        return this.simple(this.pick(d.members));
      case 'atomic': {
        const f = d.facets ?? {};
        if (f.pattern) {
          const re = f.pattern.map((p) => new RegExp(`^(?:${p})$`));
          const candidates = ['15.1.2.3', '1.0', 'abc_123', '0x1A2B', '0X3', '123', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'].filter((c) => re.some((r) => r.test(c)));
          if (!candidates.length) throw new Error(`no generator for the pattern of ${d.name}: ${f.pattern.join(' | ')}`);
          return this.pick(candidates);
        }
        if (f.length !== undefined) return 'x'.repeat(f.length);
        if (f.minInclusive !== undefined || f.maxInclusive !== undefined) {
          return this.int(Number(f.minInclusive ?? 0), Math.min(Number(f.maxInclusive ?? 2147483647), Number(f.minInclusive ?? 0) + 1000));
        }
        const v = this.simple(d.base);
        if (typeof v === 'string' && f.minLength !== undefined && v.length < f.minLength) return v + 'x'.repeat(f.minLength - v.length);
        return v;
      }
    }
  }

  private builtinIsNumber(typeRef: TypeRef): boolean {
    const ref = this.key(typeRef);
    return ['xs:int', 'xs:short', 'xs:byte', 'xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:double', 'xs:float'].includes(ref);
  }

  private builtin(name: string): unknown {
    switch (name) {
      case 'boolean':
        return this.chance();
      case 'int':
        return this.int(-2147483648, 2147483647);
      case 'short':
        return this.int(-32768, 32767);
      case 'byte':
        return this.int(-128, 127);
      case 'unsignedInt':
        return this.int(0, 4294967295);
      case 'unsignedShort':
        return this.int(0, 65535);
      case 'unsignedByte':
        return this.int(0, 255);
      case 'double':
      case 'float':
        return this.pick([0, 1.5, -2.25, 1e21, 3.14159]);
      case 'long':
      case 'integer':
        return this.pick(['0', '-9223372036854775808', '9223372036854775807', '42']);
      case 'unsignedLong':
      case 'nonNegativeInteger':
        return this.pick(['0', '18446744073709551615', '7']);
      case 'positiveInteger':
        return '5';
      case 'decimal':
        return this.pick(['0', '-1.50', '3.14159265358979323846']);
      case 'dateTime':
        return this.pick(['2006-10-28T00:00:00Z', '2024-03-01T08:59:44.123+01:00', '2010-01-01T00:00:00']);
      case 'date':
        return this.pick(['2006-10-28', '2024-03-01Z']);
      case 'time':
        return this.pick(['08:00:00', '23:59:59.5Z']);
      case 'duration':
        return this.pick(['PT30M', '-P1DT2H', 'P1Y2M3DT4H5M6.5S']);
      case 'base64Binary':
        return this.pick(['', 'AQID', 'SGVsbG8gd29ybGQ=', 'AAECAwQFBgcICQ==']);
      case 'hexBinary':
        return this.pick(['', '0FB7']);
      case 'anyURI':
        return this.pick(['http://example.com/a?b=c', 'urn:x']);
      case 'language':
        return this.pick(['en-US', 'de']);
      case 'QName':
        return 't:Subject';
      case 'token':
      case 'NCName':
      case 'Name':
      case 'ID':
      case 'IDREF':
      case 'NMTOKEN':
        return this.pick(['abc', 'X1']);
      default:
        return this.text();
    }
  }

  /** A value of a complex type (or of a type derived from it, tagged `$type`), with a depth budget. */
  complex(typeRef: TypeRef, budget: number, allowDerived = true): Record<string, unknown> {
    const ref = this.key(typeRef);
    const d = this.schema.types[ref] as ComplexDesc;
    const derived = allowDerived ? this.concreteDerived(ref) : [];
    const concrete = d.abstract ? derived : [ref, ...derived];
    if (!concrete.length) throw new Error(`abstract ${ref} has no concrete derived type`);
    const chosen = budget > 0 && this.chance(0.3) ? this.pick(concrete) : d.abstract ? this.pick(concrete) : ref;
    const value: Record<string, unknown> = {};
    if (chosen !== ref) value.$type = (this.schema.types[chosen] as ComplexDesc).name;
    this.fill(chosen, value, budget);
    return value;
  }

  private concreteDerived(ref: string): string[] {
    return (this.derived.get(ref) ?? []).flatMap((d) => [...((this.schema.types[d] as ComplexDesc).abstract ? [] : [d]), ...this.concreteDerived(d)]);
  }

  private fill(ref: string, value: Record<string, unknown>, budget: number): void {
    const d = this.schema.types[ref] as ComplexDesc;
    if (d.base && !d.restriction) this.fill(this.key(d.base), value, budget);
    for (const a of d.attributes ?? []) {
      if (a.required || (budget > 0 && this.chance())) value[a.name] = a.fixed ?? this.simple(a.type);
    }
    if (d.text) value.$value = this.simple(d.text);
    else if (d.restriction) {
      // The base's text, when a restriction carries simple content inherited from it.
      let b: ComplexDesc | undefined = d.base!();
      while (b && !b.text && b.base) b = b.base();
      if (b?.text) value.$value = this.simple(b.text);
    }
    if (d.content) this.group(d.content, value, budget, true);
    if (d.anyAttribute && budget > 0 && this.chance(0.2)) value.$anyAttributes = { '{urn:x}extra': 'v' };
  }

  private count(min: number, max: number, budget: number): number {
    const hi = Math.min(max, min + (budget > 0 ? 2 : 0));
    return budget > 0 ? this.int(min, Math.max(min, hi)) : min;
  }

  private group(g: GroupDesc, value: Record<string, unknown>, budget: number, required: boolean): void {
    const min = required ? (g.min ?? 1) : 0;
    const max = g.max ?? 1;
    const times = this.count(min, max, budget);
    for (let i = 0; i < times; i++) {
      if (g.group === 'choice') {
        const branch = budget > 0 ? this.pick(g.items) : this.shallowest(g.items);
        this.particle(branch, value, budget, true);
      } else for (const p of g.items) this.particle(p, value, budget, true);
    }
  }

  /** The branch whose required content nests least (to end recursion). */
  private shallowest(items: readonly ParticleDesc[]): ParticleDesc {
    let best = items[0]!;
    let bestDepth = Infinity;
    for (const p of items) {
      const depth = this.depthOf(p, new Set());
      if (depth < bestDepth) [best, bestDepth] = [p, depth];
    }
    return best;
  }

  private depthOf(p: ParticleDesc, seen: Set<string>): number {
    if ((p.min ?? 1) === 0) return 0;
    if ('any' in p) return 1;
    if ('group' in p) {
      const ds = p.items.map((i) => this.depthOf(i, seen));
      return p.group === 'choice' ? Math.min(...ds) : Math.max(0, ...ds);
    }
    return 1 + this.typeDepth(this.key(p.type), seen);
  }

  private typeDepth(ref: string, seen: Set<string>): number {
    if (ref.startsWith('xs:') || this.schema.types[ref]?.kind !== 'complex') return 0;
    const known = this.minDepth.get(ref);
    if (known !== undefined) return known;
    if (seen.has(ref)) return 1000;
    seen.add(ref);
    const d = this.schema.types[ref] as ComplexDesc;
    let depth = d.content ? this.depthOf(d.content, seen) : 0;
    if (d.base && !d.restriction) depth = Math.max(depth, this.typeDepth(this.key(d.base), seen));
    seen.delete(ref);
    this.minDepth.set(ref, depth);
    return depth;
  }

  private particle(p: ParticleDesc, value: Record<string, unknown>, budget: number, required: boolean): void {
    if ('group' in p) return this.group(p, value, budget, required);
    const min = required ? (p.min ?? 1) : 0;
    const max = p.max ?? 1;
    if ('any' in p) {
      const n = this.count(min, max, budget);
      const items = Array.from({ length: n }, () => ({ ns: 'urn:x', local: 'Ext', attributes: { a: '1' }, children: [this.text(1)] }));
      if (!n) return;
      value.$any = p.array ? [...((value.$any as unknown[]) ?? []), ...items] : items[0];
      return;
    }
    const n = this.count(min, max, budget);
    for (let i = 0; i < n; i++) {
      let local = p.el;
      let type = this.key(p.type);
      let nillable = !!p.nillable;
      if (p.ref && p.tagged) {
        const options = this.substitutes(this.elementKeys.get(p.ref())!);
        const key = budget > 0 ? this.pick(options) : options[0]!;
        const g = this.schema.elements[key]!;
        [local, type, nillable] = [g.el, this.key(g.type), !!g.nillable];
      }
      let v: unknown =
        nillable && this.chance(0.1)
          ? null
          : this.schema.types[type]?.kind === 'complex'
            ? this.complex(type, budget - 1)
            : this.simple(type);
      if (p.tagged) v = v !== null && typeof v === 'object' ? { $element: local, ...v } : { $element: local, $value: v };
      const prop = p.prop ?? p.el;
      if (p.array) value[prop] = [...((value[prop] as unknown[]) ?? []), v];
      else value[prop] = v;
    }
  }

  private substitutes(head: string): string[] {
    const out: string[] = [];
    const walk = (k: string) => {
      if (!this.schema.elements[k]!.abstract) out.push(k);
      for (const m of this.members.get(k) ?? []) walk(m);
    };
    walk(head);
    return out;
  }
}
