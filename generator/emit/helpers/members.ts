import { SchemaError } from '../../errors.js';
import { key, type QName } from '../../qname.js';
import type { Attribute, ComplexType, ElementField, Group, Model, Particle, TypeRef } from '../../model/model.js';
import type { Role } from '../symbols.js';
import { literal } from './builtin-types.js';

/** What an emitter needs from its module while it turns schema shapes into TypeScript. */
export interface EmitContext {
  model: Model;
  /** The identifier of a type or derived name, recording the import when it lives elsewhere. */
  ref(q: QName, role?: Role): string;
  /** The TypeScript type of a TypeRef (built-ins mapped, `OrDerived` where xsi:type may apply). */
  typeOf(t: TypeRef): string;
}

export interface Member {
  name: string;
  optional: boolean;
  /** Union members of the property's type; one entry for a plain type. */
  types: string[];
  doc: string[];
}

/** A named union emitted next to the type that needs it (the entries of a repeated choice). */
export interface EntryAlias {
  name: string;
  doc: string[];
  members: string[];
}

/** A schema name as a property key: bare when it is an identifier, else quoted (`'Microsoft.OutlookServices.SenderApp'`). */
export function propertyKey(local: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(local) ? local : literal(local);
}

const many = (max: number | 'unbounded') => max === 'unbounded' || max > 1;

function arrayOf(t: string): string {
  return /[|&\s]/.test(t) ? `(${t})[]` : `${t}[]`;
}

/** The tagged form of one element inside a group or repeated choice: `{ $element: 'X' } & T`. */
export function taggedEntry(ctx: EmitContext, element: QName, type: TypeRef): string {
  const tag = `$element: ${literal(element.local)}`;
  if (hasSimpleValue(ctx.model, type)) return `{ ${tag}; $value: ${ctx.typeOf(type)} }`;
  return `{ ${tag} } & ${ctx.typeOf(type)}`;
}

/** True when an element of this type carries a bare value rather than attributes and children. */
export function hasSimpleValue(model: Model, type: TypeRef): boolean {
  if (type.kind === 'builtin') return type.name !== 'anyType';
  return model.types.get(key(type.name))?.kind === 'simple';
}

/** Every element leaf of a group, through nested groups, in schema order. */
function leaves(g: Group): (ElementField | Particle)[] {
  return g.items.flatMap((p) => (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all' ? leaves(p) : [p]));
}

/** Attributes in effect: a restriction keeps its base's attributes unless it prohibits them. */
export function effectiveAttributes(model: Model, t: ComplexType): Attribute[] {
  if (t.derivation !== 'restriction' || !t.base) return t.attributes.filter((a) => a.use !== 'prohibited');
  const base = model.types.get(key(t.base)) as ComplexType;
  const inherited = inheritedAttributes(model, base);
  const own = new Map(t.attributes.map((a) => [key(a.name), a]));
  const out = inherited.filter((a) => !own.has(key(a.name))).concat(t.attributes);
  return out.filter((a) => a.use !== 'prohibited');
}

/** All attributes a type has, including those of its bases. */
function inheritedAttributes(model: Model, t: ComplexType): Attribute[] {
  const own = effectiveAttributes(model, t);
  if (t.derivation !== 'extension' || !t.base) return own;
  return inheritedAttributes(model, model.types.get(key(t.base)) as ComplexType).concat(own);
}

/**
 * The members of the interface for a complex type: attributes, then the content model walked
 * in schema order, then `$value` for simple content. A choice makes its members optional; a
 * repeated group with more than one element becomes `$items`, an array of tagged entries that
 * keeps document order (node-soap and xsdata regroup such content by element name and lose it).
 */
export function membersOf(ctx: EmitContext, t: ComplexType, entryName: () => string): { members: Member[]; entries?: EntryAlias } {
  const members: Member[] = [];
  let entries: EntryAlias | undefined;
  const names = new Map<string, Member>();
  const add = (m: Member, at: { at: ComplexType['at'] }) => {
    if (names.has(m.name)) {
      throw new SchemaError(`type ${t.name.local} would have two properties named ${m.name}`, at.at);
    }
    names.set(m.name, m);
    members.push(m);
  };

  for (const a of effectiveAttributes(ctx.model, t)) {
    add({ name: propertyKey(a.name.local), optional: a.use !== 'required' && a.fixed === undefined, types: [ctx.typeOf(a.type)], doc: docOf(a.doc, a.default) }, a);
  }

  const element = (f: ElementField, optional: boolean, repeated: boolean, choice: string | undefined) => {
    const head = f.global ? ctx.model.substitutes.get(key(f.name)) : undefined;
    let type = head?.length ? ctx.ref(f.name, 'group') : ctx.typeOf(f.type);
    if (f.nillable) type = `${type} | null`;
    const array = repeated || many(f.max);
    const doc = docOf(f.doc, f.default);
    if (choice) doc.push(choice);
    add({ name: propertyKey(f.name.local), optional: optional || f.min === 0, types: [array ? arrayOf(type) : type], doc }, f);
  };

  const walk = (p: Particle, optional: boolean, repeated: boolean, choice?: string) => {
    if (p.kind === 'element') return element(p, optional, repeated, choice);
    if (p.kind === 'any') {
      const array = repeated || many(p.max);
      const open = ctx.typeOf({ kind: 'builtin', name: 'anyType' });
      add({ name: '$any', optional: optional || p.min === 0, types: [array ? arrayOf(open) : open], doc: [] }, p);
      return;
    }
    const opt = optional || p.min === 0;
    const rep = repeated || many(p.max);
    const leafs = leaves(p);
    const distinct = new Set(leafs.map((l) => (l.kind === 'element' ? key(l.name) : '*')));
    if (rep && p.kind !== 'all' && distinct.size > 1) {
      if (entries) throw new SchemaError(`type ${t.name.local} has two repeated choices; only one $items is supported`, p.at);
      const tags: string[] = [];
      for (const l of leafs) {
        if (l.kind !== 'element') throw new SchemaError(`xs:any inside a repeated choice is not supported`, l.at);
        const head = l.global ? ctx.model.substitutes.get(key(l.name)) : undefined;
        if (head?.length) tags.push(ctx.ref(l.name, 'group'));
        else tags.push(taggedEntry(ctx, l.name, l.type));
      }
      entries = { name: entryName(), doc: [`One element of ${t.name.local}, in document order; \`$element\` says which.`], members: tags };
      add({ name: '$items', optional: opt || p.min === 0, types: [`${entries.name}[]`], doc: [] }, p);
      return;
    }
    // The members of a choice are each optional in TypeScript; the schema allows one of them,
    // which the doc says (the serializer enforces it).
    const alternatives = p.kind === 'choice' && p.items.length > 1;
    const names = alternatives ? `@choice one of ${leafs.map((l) => (l.kind === 'element' ? l.name.local : 'any element')).join(', ')}` : choice;
    for (const item of p.items) walk(item, opt || alternatives, rep, names);
  };
  if (t.mixed && t.content) {
    throw new SchemaError(`type ${t.name.local} has mixed content (text between elements), which is not supported`, t.at);
  }
  if (t.content) walk(t.content, false, false);

  if (t.text) add({ name: '$value', optional: false, types: [ctx.typeOf(t.text)], doc: [] }, t);
  if (t.anyAttribute) {
    add({ name: '$anyAttributes', optional: true, types: ['Record<string, string>'], doc: ['Attributes the schema leaves open (`xs:anyAttribute`), keyed `{namespace}local`.'] }, t.anyAttribute);
  }
  return entries ? { members, entries } : { members };
}

function docOf(doc: string | undefined, defaultValue: string | undefined): string[] {
  const lines = doc ? [doc] : [];
  if (defaultValue !== undefined) lines.push(`@defaultValue ${literal(defaultValue)}`);
  return lines;
}
