import { key, type QName } from '../../qname.js';
import type { Model, Particle, SchemaType, TypeRef } from '../model.js';

/**
 * Subset generation (`--operations FindItem,GetItem`): the model cut down to the operations
 * named and everything they can reach — their body and header elements, the types of those,
 * transitively through content, attributes, simple content, base types, list and union members,
 * the members of every reachable substitution group, and the types derived from the declared type
 * of every kept element (its value may be of any of them, by `xsi:type`). A type reached only as
 * a base does not bring its other derived types: no element of the subset is declared with it.
 * What is left out could never appear on the wire of the kept operations, so the subset reads
 * and writes those exactly as the whole does.
 * Order is kept: the subset's declarations are the whole's, fewer.
 */
export class UnknownOperationError extends Error {}

export function keepOperations(model: Model, names: readonly string[]): Model {
  const byName = new Map(model.operations.map((o) => [o.name, o]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length) {
    const close = (n: string) => model.operations.map((o) => o.name).find((o) => o.toLowerCase() === n.toLowerCase());
    throw new UnknownOperationError(
      unknown.map((n) => `no operation ${n} in ${model.source.root}${close(n) ? ` (did you mean ${close(n)}?)` : ''}`).join('; '),
    );
  }
  const wanted = new Set(names);
  const operations = model.operations.filter((o) => wanted.has(o.name));

  const types = new Set<string>();
  /** Types that are the declared type of a kept element: values may be of any type derived from them. */
  const declared = new Set<string>();
  const elements = new Set<string>();
  const pending: (() => void)[] = [];
  const ref = (name: QName): TypeRef => ({ kind: 'ref', name });
  /** A type is reached as an element's declared type (`asDeclared`), or only as a base, a text or member type. */
  const reachType = (r: TypeRef | undefined, asDeclared = false) => {
    if (r?.kind !== 'ref') return;
    const k = key(r.name);
    if (asDeclared && !declared.has(k)) {
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
    if (e.substitutionGroup) reachElement(e.substitutionGroup);
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
  for (const op of operations) {
    for (const m of [op.input, op.output]) [m.body, ...m.headers].forEach(reachElement);
    op.faults.forEach(reachElement);
  }
  while (pending.length) pending.pop()!();

  const pick = <V>(map: Map<string, V>, keep: Set<string>) => new Map([...map].filter(([k]) => keep.has(k)));
  const inSubset = (list: QName[], keep: Set<string>) => list.filter((q) => keep.has(key(q)));
  return {
    ...model,
    operations,
    types: pick(model.types, types),
    elements: pick(model.elements, elements),
    substitutes: new Map([...model.substitutes].filter(([k]) => elements.has(k)).map(([k, v]) => [k, inSubset(v, elements)])),
    derived: new Map([...model.derived].filter(([k]) => types.has(k)).map(([k, v]) => [k, inSubset(v, types)])),
    shapes: pick(model.shapes, types),
    effective: pick(model.effective, types),
    streams: pick(model.streams, wanted),
  };
}
