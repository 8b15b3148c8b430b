import { key, type QName } from '../../qname.js';
import type { Model, Particle, SchemaType, TypeRef } from '../model.js';

/** The types and global elements (by key) that documents made of some elements can hold. */
export interface Reached {
  types: Set<string>;
  elements: Set<string>;
}

/** How far `reachable` goes beyond what documents can hold (the schema diff's reach). */
export interface ReachOptions {
  /** The types derived from every type reached, not only from reached elements' declared types. */
  everyDerived?: boolean;
  /** Whether a reached member brings its substitution group's head (default true). */
  heads?: boolean;
}

/**
 * What the elements `roots` can hold: the elements themselves, their types, transitively
 * through content, attributes, simple content, base types, list and union members, the members
 * of every reachable substitution group, and the types derived from the declared type of every
 * reached element (its value may be of any of them, by `xsi:type`). A type reached only as a
 * base does not bring its other derived types: no reached element is declared with it, unless
 * `everyDerived` asks for the types derived from every type reached (what a change to any of
 * them may touch: the schema diff's conservative reach).
 */
export function reachable(model: Model, roots: Iterable<QName>, options: ReachOptions = {}): Reached {
  const types = new Set<string>();
  /** Types that are the declared type of a reached element: values may be of any type derived from them. */
  const declared = new Set<string>();
  const elements = new Set<string>();
  const pending: (() => void)[] = [];
  const ref = (name: QName): TypeRef => ({ kind: 'ref', name });
  /** A type is reached as an element's declared type (`asDeclared`), or only as a base, a text or member type. */
  const reachType = (r: TypeRef | undefined, asDeclared = false) => {
    if (r?.kind !== 'ref') return;
    const k = key(r.name);
    if ((asDeclared || options.everyDerived) && !declared.has(k)) {
      declared.add(k);
      for (const d of model.derived.get(k) ?? []) reachType(ref(d), true);
    }
    if (types.has(k)) return;
    types.add(k);
    const t = model.types.get(k);
    if (t) pending.push(() => walkType(t));
  };
  const reachElement = (q: QName) => {
    const k = key(q);
    if (elements.has(k)) return;
    elements.add(k);
    const e = model.elements.get(k);
    if (!e) return;
    reachType(e.type, true);
    if (e.substitutionGroup && options.heads !== false) reachElement(e.substitutionGroup);
    for (const member of model.substitutes.get(k) ?? []) reachElement(member);
  };
  const walkParticle = (p: Particle) => {
    if (p.kind === 'any') return;
    if (p.kind === 'element') {
      reachType(p.type, true);
      if (p.global) reachElement(p.name);
      return;
    }
    p.items.forEach(walkParticle);
  };
  const walkType = (t: SchemaType) => {
    if (t.kind === 'simple') {
      const v = t.variety;
      if (v.kind === 'atomic') reachType(v.base);
      else if (v.kind === 'list') reachType(v.itemType);
      else v.memberTypes.forEach((m) => reachType(m));
      return;
    }
    if (t.base) reachType(ref(t.base));
    if (t.content) walkParticle(t.content);
    reachType(t.text);
    for (const a of t.attributes) reachType(a.type);
  };
  for (const q of roots) reachElement(q);
  while (pending.length) pending.pop()!();
  return { types, elements };
}

/**
 * Pass (fills `model.requestTypes`): the types a request of the service can hold, those its
 * operations' input bodies and headers reach; for a schema without operations, every type (what
 * is written is not known). The writers are generated for these: a client writes requests and
 * reads responses, and a type only a response holds (a response message, ServerVersionInfo) is
 * written, where it is at all (a stand-in server, a test), by the generic writer. In EWS that
 * halves the writers, and a client's bundle loses 15 KB gzipped.
 */
export function findRequestTypes(model: Model): void {
  model.requestTypes = model.operations.length
    ? reachable(
        model,
        model.operations.flatMap((op) => [op.input.body, ...op.input.headers]),
      ).types
    : new Set(model.types.keys());
}
