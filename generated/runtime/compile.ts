// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
// Slightly over 400 lines: compiling a type and the index of a schema's elements share the
// module-level caches (one compiled type per descriptor per process), which a split would export.
import {
  resolveType,
  type AnyDesc,
  type AttributeDesc,
  type ComplexDesc,
  type ElementDesc,
  type ElementIndex,
  type GlobalElementDesc,
  type Lazy,
  type ParticleDesc,
  type TypeRef,
} from './schema.js';
import { codecOf, type SimpleCodec } from './simple.js';
import type { Recalls } from './recall.js';

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** `ns|local`: how elements and attributes are keyed at run time. */
export const qkey = (ns: string, local: string) => `${ns}|${local}`;

/**
 * The keys of the schema's names, one string per name. The reader's lookups then compare a key
 * with itself (V8 checks identity first) instead of comparing long strings character by
 * character. Names only documents use are not kept: hostile input cannot grow the cache.
 */
export class KeyCache {
  private readonly byNs = new Map<string, Map<string, string>>();

  /** The key of a name the schema declares, made once. */
  intern(ns: string, local: string): string {
    let locals = this.byNs.get(ns);
    if (!locals) this.byNs.set(ns, (locals = new Map()));
    let k = locals.get(local);
    if (k === undefined) locals.set(local, (k = qkey(ns, local)));
    return k;
  }

  /** The key of a name read from a document: the schema's string if it declares the name. */
  key(ns: string, local: string): string {
    return this.byNs.get(ns)?.get(local) ?? qkey(ns, local);
  }
}

export interface Attr extends Recalls {
  desc: AttributeDesc;
  key: string;
  codec: SimpleCodec;
}

/** An element particle, with what may appear in its place (itself and its substitution group). */
export interface ElementParticle {
  kind: 'element';
  desc: ElementDesc;
  prop: string;
  min: number;
  max: number;
  /**
   * The descriptor's `array` and `tagged`, copied here: descriptors come in many shapes (their
   * optional fields), compiled particles in one, so the reader's per-element reads stay fast.
   */
  array: boolean;
  tagged: boolean;
  /** Element key → the element that may stand here (its local name and type key). */
  accepts: Map<string, Accepted>;
  /** The same, by local name: what a value's `$element` names. */
  byLocal: Map<string, Accepted>;
  /** The declared element itself (undefined for an abstract head), for writing untagged values. */
  own: Accepted | undefined;
}

export interface Accepted {
  ns: string;
  local: string;
  type: TypeRef;
  nillable: boolean;
  /** The type, compiled on first use (see typeOf). */
  compiled: CompiledType | undefined;
  /** The types derived from it that `xsi:type` may name here. */
  derived: Lazy<readonly ComplexDesc[]> | undefined;
  /** The same by `ns|local`, made on first use (see derivedType). */
  subtypes: Map<string, ComplexDesc> | undefined;
}

/**
 * The reader's guess at the next child element (see read.ts): the name as written that came
 * next last time, and what it resolved to. Valid only within the read and namespace bindings
 * (`epoch`) it was made in.
 */
export interface Guess {
  epoch: number;
  raw: string;
  slot: Slot;
}

/** Where an element of a complex type's content goes: what the reader looks up once per element. */
export interface Slot extends Recalls {
  /** The element key. */
  key: string;
  particle: ElementParticle;
  accepted: Accepted;
  /** The particle's position when the content is a flat sequence (see GroupParticle.flat), else -1. */
  index: number;
  /** The element that followed this one last time. */
  next: Guess | undefined;
  /** The codec of the element's simple type, when it is not a substitution group head; null for any other element. */
  leaf: SimpleCodec | null | undefined;
}

export interface AnyParticle {
  kind: 'any';
  desc: AnyDesc;
  min: number;
  max: number;
  array: boolean;
  /** The namespaces the wildcard takes, or a test for `##other`/`##any`. */
  takes: (ns: string) => boolean;
}

export interface GroupParticle {
  kind: 'sequence' | 'choice' | 'all';
  min: number;
  max: number;
  items: Particle[];
  /** Element keys that can start the group; `any` when a wildcard can. */
  first: Set<string>;
  firstAny: AnyParticle[];
  nullable: boolean;
  /** Every element of the group, nested groups' included, is an `$items` entry (a repeated choice's). */
  entries: boolean;
  /**
   * For a sequence of elements that occurs once (the shape of most EWS types): each element key's
   * position, and for each position the next one that is required, so that the matcher can jump
   * straight to an element instead of walking the particles before it.
   */
  flat?: { position: Map<string, number>; nextRequired: number[] };
}

export type Particle = ElementParticle | AnyParticle | GroupParticle;

export interface CompiledComplex {
  kind: 'complex';
  desc: ComplexDesc;
  /** Attributes in effect, base types' included, in writing order. */
  attributes: Attr[];
  attributeByKey: Map<string, Attr>;
  /** The unqualified attributes (most EWS attributes) by name: one lookup for the reader. */
  unqualified: Map<string, Attr>;
  required: Attr[];
  /** The whole content model: a base's content followed by an extension's own. */
  content: GroupParticle | undefined;
  text: SimpleCodec | undefined;
  anyAttribute: boolean;
  /** Every element particle of the content, by element key (substitution members included). */
  elements: Map<string, ElementParticle>;
  /** The same with what the reader needs, by element key. */
  slots: Map<string, Slot>;
  /** The first child element last time. */
  next: Guess | undefined;
  /** Makes the type's values (see read.ts). */
  create: (new () => Record<string | symbol, unknown>) | undefined;
  /** The particles whose values are `$items` entries, by element local name. */
  items: Map<string, ElementParticle>;
}

export interface CompiledSimple {
  kind: 'simple';
  /** The type's name (`xs:string`, `ItemClassType`), for messages. */
  name: string;
  codec: SimpleCodec;
}

export type CompiledType = CompiledComplex | CompiledSimple;

/**
 * The keys of every name the compiled types use: one per process, since a type is compiled once
 * for every schema index and operation that reaches it.
 */
export const schemaKeys = new KeyCache();

const compiledTypes = new WeakMap<object, CompiledType>();
const builtinTypes = new Map<string, CompiledSimple>();

/**
 * A type made ready for reading and writing, once per type, on first use: its content model
 * compiled and indexed, and an extension's attributes and content appended to its base's, as
 * its descriptor says (the generator settled what is in effect; nothing is decided here).
 */
export function compileType(ref: TypeRef): CompiledType {
  const desc = resolveType(ref);
  if (typeof desc === 'string') {
    let t = builtinTypes.get(desc);
    if (!t) builtinTypes.set(desc, (t = { kind: 'simple', name: desc, codec: codecOf(desc) }));
    return t;
  }
  let t = compiledTypes.get(desc);
  if (t) return t;
  if (desc.kind !== 'complex') {
    t = { kind: 'simple', name: desc.name, codec: codecOf(desc) };
    compiledTypes.set(desc, t);
    return t;
  }
  const complex: CompiledComplex = {
    kind: 'complex',
    desc,
    attributes: [],
    attributeByKey: new Map(),
    unqualified: new Map(),
    required: [],
    content: undefined,
    text: undefined,
    anyAttribute: !!desc.anyAttribute,
    elements: new Map(),
    slots: new Map(),
    next: undefined,
    create: undefined,
    items: new Map(),
  };
  compiledTypes.set(desc, complex); // before compiling: content may refer back to this type
  const base = desc.base ? (compileType(desc.base) as CompiledComplex) : undefined;
  const own = (desc.attributes ?? []).map(attr);
  complex.attributes = base && !desc.restriction ? [...base.attributes, ...own] : own;
  for (const a of complex.attributes) {
    complex.attributeByKey.set(a.key, a);
    if (!a.desc.ns) complex.unqualified.set(a.desc.name, a);
    if (a.desc.required) complex.required.push(a);
  }
  const ownContent = desc.content ? (particle(desc.content) as GroupParticle) : undefined;
  if (base && !desc.restriction && base.content && ownContent)
    complex.content = group('sequence', 1, 1, [base.content, ownContent]);
  else complex.content = ownContent ?? (desc.restriction ? undefined : base?.content);
  complex.text = desc.text === undefined ? undefined : codecOf(desc.text);
  if (complex.content) {
    collectElements(complex.content, complex);
    const position = complex.content.flat?.position;
    for (const [k, particle] of complex.elements)
      complex.slots.set(k, {
        key: k,
        particle,
        accepted: particle.accepts.get(k)!,
        index: position?.get(k) ?? -1,
        next: undefined,
        leaf: undefined,
        recent: undefined,
      });
  }
  return complex;
}

/** The type of an element that may stand in a particle's place, compiled once. */
export function typeOf(accepted: Accepted): CompiledType {
  return (accepted.compiled ??= compileType(accepted.type));
}

/** The complex type `xsi:type` names (`ns|local`), if it may stand where `accepted` is. */
export function derivedType(accepted: Accepted, ns: string, local: string): CompiledComplex | undefined {
  const declared = typeOf(accepted);
  if (declared.kind !== 'complex') return undefined;
  if (!accepted.subtypes) {
    accepted.subtypes = new Map([[schemaKeys.intern(declared.desc.ns, declared.desc.name), declared.desc]]);
    for (const d of accepted.derived?.() ?? []) accepted.subtypes.set(schemaKeys.intern(d.ns, d.name), d);
  }
  const d = accepted.subtypes.get(schemaKeys.key(ns, local));
  return d && (compileType(() => d) as CompiledComplex);
}

/** What a particle or a global element accepts, before its type is compiled. */
export function accepting(e: {
  ns: string;
  el: string;
  type: TypeRef;
  nillable?: boolean;
  derived?: Lazy<readonly ComplexDesc[]>;
}): Accepted {
  return {
    ns: e.ns,
    local: e.el,
    type: e.type,
    nillable: !!e.nillable,
    compiled: undefined,
    derived: e.derived,
    subtypes: undefined,
  };
}

/**
 * Global elements made ready to be found at the root of a document or in a SOAP envelope: a
 * whole service's (`<service>/schema.ts` exports it as `compiled`), or one operation's.
 */
export class CompiledSchema {
  /** `ns|local` → global element, its key and what it accepts. */
  readonly elementByQName = new Map<string, GlobalElementDesc & { key: string; accepted: Accepted }>();
  /** The same by key (`m:FindItem`). */
  readonly elementByKey = new Map<string, GlobalElementDesc & { key: string; accepted: Accepted }>();

  constructor(readonly schema: ElementIndex) {
    for (const [key, e] of Object.entries(schema.elements)) {
      const global = { ...e, key, accepted: accepting(e) };
      this.elementByQName.set(schemaKeys.intern(e.ns, e.el), global);
      this.elementByKey.set(key, global);
    }
  }
}

function attr(a: AttributeDesc): Attr {
  return { desc: a, key: schemaKeys.intern(a.ns ?? '', a.name), codec: codecOf(a.type), recent: undefined };
}

function collectElements(g: GroupParticle, into: CompiledComplex): void {
  for (const p of g.items) {
    if (p.kind === 'element') {
      for (const k of p.accepts.keys()) into.elements.set(k, p);
      if (p.prop === '$items') for (const local of p.byLocal.keys()) into.items.set(local, p);
    } else if (p.kind !== 'any') collectElements(p, into);
  }
}

function group(kind: GroupParticle['kind'], min: number, max: number, given: Particle[]): GroupParticle {
  // A sequence inside a sequence, each occurring once, is the same as its items in place: an
  // extension's content is its base's sequence followed by its own.
  const once = (p: Particle): p is GroupParticle => p.kind === 'sequence' && p.min === 1 && p.max === 1;
  const items = kind === 'sequence' ? given.flatMap((p) => (once(p) ? p.items : [p])) : given;
  // An empty sequence (`<xs:sequence/>`) holds no entries: it has nothing at all.
  const entries =
    items.length > 0 &&
    items.every((i) => (i.kind === 'element' ? i.prop === '$items' : i.kind !== 'any' && i.entries));
  const g: GroupParticle = { kind, min, max, items, first: new Set(), firstAny: [], nullable: false, entries };
  const starts = (p: Particle) => {
    if (p.kind === 'element') for (const k of p.accepts.keys()) g.first.add(k);
    else if (p.kind === 'any') g.firstAny.push(p);
    else {
      for (const k of p.first) g.first.add(k);
      g.firstAny.push(...p.firstAny);
    }
  };
  const nullable = (p: Particle) => p.min === 0 || (p.kind !== 'element' && p.kind !== 'any' && p.nullable);
  if (kind === 'sequence') {
    for (const p of items) {
      starts(p);
      if (!nullable(p)) break;
    }
    g.nullable = items.every(nullable);
    if (max === 1 && items.every((p) => p.kind === 'element')) {
      const position = new Map<string, number>();
      let distinct = true;
      items.forEach((p, i) => {
        for (const k of (p as ElementParticle).accepts.keys()) {
          if (position.has(k)) distinct = false;
          position.set(k, i);
        }
      });
      if (distinct) {
        const nextRequired: number[] = new Array(items.length + 1).fill(items.length);
        for (let i = items.length - 1; i >= 0; i--) nextRequired[i] = items[i]!.min > 0 ? i : nextRequired[i + 1]!;
        g.flat = { position, nextRequired };
      }
    }
  } else {
    items.forEach(starts);
    g.nullable = kind === 'all' ? items.every(nullable) : items.length === 0 || items.some(nullable);
  }
  return g;
}

function particle(d: ParticleDesc): Particle {
  const min = d.min ?? 1;
  const max = d.max ?? 1;
  if ('group' in d)
    return group(
      d.group,
      min,
      max,
      d.items.map((i) => particle(i)),
    );
  if ('any' in d) {
    const spec = d.any;
    const list = spec.split(/\s+/);
    const takes =
      spec === '##any'
        ? () => true
        : spec.startsWith('##other:')
          ? (ns: string) => ns !== '' && ns !== spec.slice('##other:'.length)
          : (ns: string) => list.includes(ns) || (ns === '' && list.includes('##local'));
    return { kind: 'any', desc: d, min, max, array: !!d.array, takes };
  }
  const accepts = new Map<string, Accepted>();
  const accept = (e: ElementDesc | GlobalElementDesc) => accepts.set(schemaKeys.intern(e.ns, e.el), accepting(e));
  const add = (g: GlobalElementDesc) => {
    if (!g.abstract) accept(g);
    for (const m of g.members?.() ?? []) add(m);
  };
  if (d.ref) add(d.ref());
  else accept(d);
  const byLocal = new Map([...accepts.values()].map((a) => [a.local, a]));
  return {
    kind: 'element',
    desc: d,
    prop: d.prop ?? d.el,
    min,
    max,
    array: !!d.array,
    tagged: !!d.tagged,
    accepts,
    byLocal,
    own: accepts.get(schemaKeys.intern(d.ns, d.el)),
  };
}
