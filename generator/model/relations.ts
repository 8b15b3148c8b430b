import { SchemaError } from '../errors.js';
import { key, type QName } from '../qname.js';
import type { ComplexType, ElementDecl, SchemaType, TypeRef } from './model.js';

type Show = (q: QName) => string;

/**
 * A simpleContent extension or restriction of a complex type inherits its base's text type.
 * The base may come later in the schema, so this runs once every type exists. For a restriction
 * with facets the builder made an anonymous simple type, whose base is the inherited text type.
 */
export function resolveInheritedText(types: Map<string, SchemaType>, show: Show): void {
  const resolving = new Set<string>();
  const textOf = (t: ComplexType): TypeRef | undefined => {
    if (!t.base) return t.text;
    const k = key(t.name);
    if (resolving.has(k)) throw new SchemaError(`type ${show(t.name)} derives from itself`, t.at);
    resolving.add(k);
    const base = types.get(key(t.base)) as ComplexType;
    const inherited = textOf(base);
    resolving.delete(k);
    if (t.text?.kind === 'ref') {
      const restricted = types.get(key(t.text.name));
      if (restricted?.kind === 'simple' && restricted.anonymous && restricted.variety.kind === 'atomic' && inherited) {
        restricted.variety.base = inherited;
      }
      return t.text;
    }
    return inherited;
  };
  for (const t of types.values()) {
    if (t.kind !== 'complex') continue;
    const text = textOf(t);
    if (t.base && text && !t.content) t.text = text;
    if (t.base && text && t.content) {
      throw new SchemaError(`type ${show(t.name)} adds elements to ${show(t.base)}, which has simple content`, t.at);
    }
    if (t.base && !text && t.text) {
      throw new SchemaError(`type ${show(t.name)} has simple content, but its base ${show(t.base)} has not`, t.at);
    }
  }
}

/** Type key → the complex types derived from it directly, in reading order. */
export function computeDerived(types: Map<string, SchemaType>, show: Show): Map<string, QName[]> {
  const derived = new Map<string, QName[]>();
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
  return derived;
}

/**
 * Head element key → every non-abstract element that may appear in its place: the members of its
 * substitution group and, transitively, of theirs. Reading order; each member once.
 */
export function computeSubstitutes(elements: Map<string, ElementDecl>, show: Show): Map<string, QName[]> {
  const direct = new Map<string, ElementDecl[]>();
  for (const e of elements.values()) {
    if (!e.substitutionGroup) continue;
    const list = direct.get(key(e.substitutionGroup)) ?? [];
    list.push(e);
    direct.set(key(e.substitutionGroup), list);
  }
  const out = new Map<string, QName[]>();
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
  return out;
}
