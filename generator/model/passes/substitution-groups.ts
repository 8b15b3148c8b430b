import { SchemaError } from '../../errors.js';
import { key, type QName } from '../../qname.js';
import type { ElementDecl, Model } from '../model.js';
import type { Show } from './index.js';

/**
 * Pass (fills `model.substitutes`): head element key → every non-abstract element that may appear in its place: the members of its
 * substitution group and, transitively, of theirs. Reading order; each member once.
 */
export function findSubstitutes(model: Model, show: Show): void {
  const elements = model.elements;
  const direct = new Map<string, ElementDecl[]>();
  for (const e of elements.values()) {
    if (!e.substitutionGroup) continue;
    const list = direct.get(key(e.substitutionGroup)) ?? [];
    list.push(e);
    direct.set(key(e.substitutionGroup), list);
  }
  const out = model.substitutes;
  for (const headKey of direct.keys()) {
    const members: QName[] = [];
    const seen = new Set<string>([headKey]);
    const walk = (k: string) => {
      for (const m of direct.get(k) ?? []) {
        const mk = key(m.name);
        if (seen.has(mk)) {
          if (mk === headKey) throw new SchemaError(`substitution group of ${show(m.name)} leads back to itself`, m.at);
          continue;
        }
        seen.add(mk);
        if (!m.abstract) members.push(m.name);
        walk(mk);
      }
    };
    walk(headKey);
    out.set(headKey, members);
  }
}
