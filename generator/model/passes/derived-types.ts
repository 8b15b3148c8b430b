import { SchemaError } from '../../errors.js';
import { key, type QName } from '../../qname.js';
import type { Model } from '../model.js';
import type { Show } from './index.js';

/** Pass (fills `model.derived`): type key → the complex types derived from it directly, in reading order; refuses a type that derives from itself. */
export function findDerivedTypes(model: Model, show: Show): void {
  const { types, derived } = model;
  for (const t of types.values()) {
    if (t.kind !== 'complex' || !t.base) continue;
    const seen = new Set<string>([key(t.name)]);
    for (let b: QName | undefined = t.base; b; ) {
      if (seen.has(key(b))) throw new SchemaError(`type ${show(t.name)} derives from itself`, t.at);
      seen.add(key(b));
      const bt = types.get(key(b));
      b = bt?.kind === 'complex' ? bt.base : undefined;
    }
    const list = derived.get(key(t.base)) ?? [];
    list.push(t.name);
    derived.set(key(t.base), list);
  }
}

/** Every type derived from `q`, directly or not, depth first in reading order (after the pass has run). */
export function allDerived(model: Model, q: QName): QName[] {
  return (model.derived.get(key(q)) ?? []).flatMap((d) => [d, ...allDerived(model, d)]);
}
