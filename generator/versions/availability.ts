import { key } from '../qname.js';
import type { Availability, AvailabilityMap, ComplexType, Model } from '../model/model.js';
import { leafShapes, shapeOf } from '../model/passes/content-shapes.js';

/**
 * In which published schema versions each declaration of the main target exists: operations,
 * types, the properties of each complex type as its interface lists them (its own elements and
 * attributes; those it inherits are its base's, which the interface extends; a restriction lists
 * its base's attributes too) and enumeration values. A declaration the oldest set
 * lacks is `since` the first version that has it; one a later set than the main target lacks is
 * `removed` in the first such version.
 */
export interface VersionedSet {
  version: string;
  model: Model;
}

/**
 * What one model declares: its operations, and each named type with the names of its members
 * (properties, enumeration values). Kept by type rather than as one set of joined keys: the keys
 * are made only for the main target's declarations, not for every declaration of every set.
 */
interface Declared {
  operations: Set<string>;
  /** Type key → its properties and values, each as `prop:NAME` / `value:VALUE` would end. */
  types: Map<string, { props: Set<string>; values: Set<string> }>;
}

function declared(m: Model): Declared {
  const types: Declared['types'] = new Map();
  for (const t of m.types.values()) {
    if (t.anonymous) continue;
    const props = new Set<string>();
    const values = new Set<string>();
    types.set(key(t.name), { props, values });
    if (t.kind === 'simple') {
      if (t.variety.kind === 'atomic') for (const v of t.variety.enumeration ?? []) values.add(v.value);
      continue;
    }
    const shape = shapeOf(m, t as ComplexType);
    for (const a of shape.attrs) props.add(a.prop);
    for (const l of leafShapes(shape.content)) props.add(l.prop);
  }
  return { operations: new Set(m.operations.map((o) => o.name)), types };
}

/** The main target's declarations, each with its key (`op:N`, `type:K`, `prop:K/P`, `value:K/V`) and whether a set has it. */
function* keyed(main: Declared): Generator<[string, (d: Declared) => boolean]> {
  for (const op of main.operations) yield [`op:${op}`, (d) => d.operations.has(op)];
  for (const [k, { props, values }] of main.types) {
    yield [`type:${k}`, (d) => d.types.has(k)];
    for (const p of props) yield [`prop:${k}/${p}`, (d) => d.types.get(k)?.props.has(p) === true];
    for (const v of values) yield [`value:${k}/${v}`, (d) => d.types.get(k)?.values.has(v) === true];
  }
}

/** `sets` oldest first; `main` is the model generated from, of version `mainVersion` (one of the sets' versions, for `removed`). */
export function availabilityOf(sets: readonly VersionedSet[], main: Model, mainVersion: string | undefined): AvailabilityMap {
  const present = sets.map((s) => declared(s.model));
  const mainIndex = sets.findIndex((s) => s.version === mainVersion);
  const out: AvailabilityMap = new Map();
  for (const [k, has] of keyed(mainIndex >= 0 && sets[mainIndex]!.model === main ? present[mainIndex]! : declared(main))) {
    const a: Availability = {};
    const first = present.findIndex(has);
    if (first > 0) a.since = sets[first]!.version;
    if (mainIndex >= 0) {
      const gone = present.findIndex((p, i) => i > mainIndex && !has(p));
      if (gone > 0) a.removed = sets[gone]!.version;
    }
    if (a.since || a.removed) out.set(k, a);
  }
  return out;
}

/**
 * The tags of a member of a type (a property, an enumeration value): none when they are the
 * type's own, since a member as old as its type says nothing more.
 */
export function memberTags(map: AvailabilityMap | undefined, typeKey: string, memberKey: string): string[] {
  const tags = availabilityTags(map, memberKey);
  return tags.join() === availabilityTags(map, typeKey).join() ? [] : tags;
}

/** The JSDoc tags of a declaration: `@since V`, `@removed V`. */
export function availabilityTags(map: AvailabilityMap | undefined, k: string): string[] {
  const a = map?.get(k);
  if (!a) return [];
  return [...(a.since ? [`@since ${a.since}`] : []), ...(a.removed ? [`@removed ${a.removed} (not in that version's schema)`] : [])];
}
