import { SchemaError } from '../../errors.js';
import { key } from '../../qname.js';
import type { ComplexType, Model, TypeRef } from '../model.js';
import type { Show } from './index.js';

/**
 * Pass: a simpleContent extension or restriction of a complex type inherits its base's text type.
 * The base may come later in the schema, so this runs once every type exists. For a restriction
 * with facets the builder made an anonymous simple type, whose base is the inherited text type.
 */
export function inheritText(model: Model, show: Show): void {
  const types = model.types;
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
    if (t.simpleContent && t.base && !text) {
      throw new SchemaError(`type ${show(t.name)} has simple content, but its base ${show(t.base)} has not`, t.at);
    }
  }
}
