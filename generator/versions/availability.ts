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

/** The declaration keys of one model. */
function declarations(m: Model): Set<string> {
  const out = new Set<string>();
  for (const op of m.operations) out.add(`op:${op.name}`);
  for (const t of m.types.values()) {
    if (t.anonymous) continue;
    const k = key(t.name);
    out.add(`type:${k}`);
    if (t.kind === 'simple') {
      if (t.variety.kind === 'atomic') for (const v of t.variety.enumeration ?? []) out.add(`value:${k}/${v.value}`);
      continue;
    }
    const shape = shapeOf(m, t as ComplexType);
    for (const a of shape.attrs) out.add(`prop:${k}/${a.prop}`);
    for (const l of leafShapes(shape.content)) out.add(`prop:${k}/${l.prop}`);
  }
  return out;
}

/** `sets` oldest first; `main` is the model generated from, of version `mainVersion` (one of the sets' versions, for `removed`). */
export function availabilityOf(sets: readonly VersionedSet[], main: Model, mainVersion: string | undefined): AvailabilityMap {
  const present = sets.map((s) => declarations(s.model));
  const mainIndex = sets.findIndex((s) => s.version === mainVersion);
  const out: AvailabilityMap = new Map();
  for (const k of declarations(main)) {
    const a: Availability = {};
    const first = present.findIndex((p) => p.has(k));
    if (first > 0) a.since = sets[first]!.version;
    if (mainIndex >= 0) {
      const gone = present.findIndex((p, i) => i > mainIndex && !p.has(k));
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
