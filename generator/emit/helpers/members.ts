import { SchemaError } from '../../errors.js';
import { key, type QName } from '../../qname.js';
import type { ComplexType, Model, TypeRef } from '../../model/model.js';
import type { Role } from '../symbols.js';
import { literal } from './builtin-types.js';
import { leafShapes, propertyNames, shapeOf } from '../../model/passes/content-shapes.js';
import { memberTags } from '../../versions/availability.js';

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

function arrayOf(t: string): string {
  return /[|&\s]/.test(t) ? `(${t})[]` : `${t}[]`;
}

/** True when an element of this type carries a bare value rather than attributes and children. */
export function hasSimpleValue(model: Model, type: TypeRef): boolean {
  if (type.kind === 'builtin') return type.name !== 'anyType';
  return model.types.get(key(type.name))?.kind === 'simple';
}

/** The tagged form of one element inside a group or repeated choice: `{ $element: 'X' } & T`. */
export function taggedEntry(ctx: EmitContext, element: QName, type: TypeRef): string {
  const tag = `$element: ${literal(element.local)}`;
  if (hasSimpleValue(ctx.model, type)) return `{ ${tag}; $value: ${ctx.typeOf(type)} }`;
  return `{ ${tag} } & ${ctx.typeOf(type)}`;
}

/** The TypeScript members of a complex type's interface, in the order of its shape (see shape.ts). */
export function membersOf(ctx: EmitContext, t: ComplexType, entryName: () => string): { members: Member[]; entries?: EntryAlias } {
  const shape = shapeOf(ctx.model, t);
  const members: Member[] = [];
  const names = new Set<string>();
  const add = (m: Member, at: { at: ComplexType['at'] }) => {
    if (names.has(m.name)) throw new SchemaError(`type ${t.name.local} would have two properties named ${m.name}`, at.at);
    names.add(m.name);
    members.push(m);
  };

  const since = (prop: string) => memberTags(ctx.model.availability, `type:${key(t.name)}`, `prop:${key(t.name)}/${prop}`);
  for (const a of shape.attrs) add({ name: propertyKey(a.prop), optional: a.optional, types: [ctx.typeOf(a.attr.type)], doc: [...docOf(a.attr.doc, a.attr.default), ...since(a.prop)] }, a.attr);

  let entries: EntryAlias | undefined;
  for (const leaf of leafShapes(shape.content)) {
    if (leaf.prop === '$items') {
      if (entries) continue;
      entries = {
        name: entryName(),
        doc: [`One element of ${t.name.local}, in document order; \`$element\` says which.`],
        members: shape.items!.entries.map((f) => (f.global && ctx.model.substitutes.get(key(f.name))?.length ? ctx.ref(f.name, 'group') : taggedEntry(ctx, f.name, f.type))),
      };
      add({ name: '$items', optional: shape.items!.optional, types: [`${entries.name}[]`], doc: [] }, t);
      continue;
    }
    if (leaf.kind === 'any') {
      const open = ctx.typeOf({ kind: 'builtin', name: 'anyType' });
      add({ name: '$any', optional: leaf.optional, types: [leaf.array ? arrayOf(open) : open], doc: [] }, leaf.field);
      continue;
    }
    const f = leaf.field;
    let type = leaf.tagged ? ctx.ref(f.name, 'group') : ctx.typeOf(f.type);
    if (f.nillable) type = `${type} | null`;
    const doc = docOf(f.doc, f.default);
    if (leaf.choice) doc.push(leaf.choice);
    doc.push(...since(leaf.prop));
    add({ name: propertyKey(leaf.prop), optional: leaf.optional, types: [leaf.array ? arrayOf(type) : type], doc }, f);
  }

  if (shape.hasText) add({ name: '$value', optional: false, types: [ctx.typeOf(t.text!)], doc: [] }, t);
  // A restriction drops some of its base's properties: typing them `never` keeps a union of
  // derived types readable (`item.Subject` is `string | undefined` across ItemTypeOrDerived).
  if (t.derivation === 'restriction' && t.base) {
    for (const name of propertyNames(ctx.model, ctx.model.types.get(key(t.base)) as ComplexType)) {
      const prop = propertyKey(name);
      if (!names.has(prop)) add({ name: prop, optional: true, types: ['never'], doc: [] }, t);
    }
  }
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
