import { SchemaError } from '../../errors.js';
import { key, prefixed, type QName } from '../../qname.js';
import type {
  AnyField,
  AnyShape,
  Attribute,
  ComplexType,
  ElementField,
  ElementShape,
  Group,
  GroupShape,
  Model,
  Particle,
  ParticleShape,
  TypeShape,
} from '../model.js';

/**
 * Pass: how the content of each complex type maps onto the properties of its values
 * (`model.shapes`; the rules are at TypeShape in model.ts). Refuses, with the schema position,
 * what has no shape: mixed content, two repeated choices in one type, xs:any in a repeated choice.
 */
export function shapeContent(model: Model): void {
  for (const [k, t] of model.types) if (t.kind === 'complex') model.shapes.set(k, computeShape(model, t));
}

/** The shape of a complex type, as the pass computed it. */
export function shapeOf(model: Model, t: ComplexType): TypeShape {
  const shape = model.shapes.get(key(t.name));
  if (!shape) throw new Error(`content-shapes: no shape for ${key(t.name)} (the pass has not run)`);
  return shape;
}

const many = (max: number | 'unbounded') => max === 'unbounded' || max > 1;

/** Every element or wildcard leaf of a group, through nested groups, in schema order. */
export function leaves(g: Group): (ElementField | AnyField)[] {
  return g.items.flatMap((p) => (p.kind === 'element' || p.kind === 'any' ? [p] : leaves(p)));
}

/** Attributes in effect: a restriction keeps its base's attributes unless it prohibits or redeclares them. */
export function effectiveAttributes(model: Model, t: ComplexType): Attribute[] {
  if (t.derivation !== 'restriction' || !t.base) return t.attributes.filter((a) => a.use !== 'prohibited');
  const base = model.types.get(key(t.base)) as ComplexType;
  const own = new Set(t.attributes.map((a) => key(a.name)));
  return allAttributes(model, base)
    .filter((a) => !own.has(key(a.name)))
    .concat(t.attributes)
    .filter((a) => a.use !== 'prohibited');
}

/** All attributes a value of the type has, those of its bases included. */
export function allAttributes(model: Model, t: ComplexType): Attribute[] {
  const own = effectiveAttributes(model, t);
  if (t.derivation !== 'extension' || !t.base) return own;
  return allAttributes(model, model.types.get(key(t.base)) as ComplexType).concat(own);
}

function computeShape(model: Model, t: ComplexType): TypeShape {
  if (t.mixed && t.content) {
    throw new SchemaError(`type ${t.name.local} has mixed content (text between elements), which is not supported`, t.at);
  }
  const shape: TypeShape = {
    type: t,
    attrs: effectiveAttributes(model, t).map((attr) => ({ attr, prop: attr.name.local, optional: attr.use !== 'required' && attr.fixed === undefined })),
    hasText: !!t.text,
  };

  // Elements of one local name in several namespaces (POX Autodiscover's o:Response and
  // ar:Response) are properties named by their prefixed names, so that neither hides the other.
  const namespacesOf = new Map<string, Set<string>>();
  for (const leaf of t.content ? leaves(t.content) : []) {
    if (leaf.kind === 'element') namespacesOf.set(leaf.name.local, (namespacesOf.get(leaf.name.local) ?? new Set()).add(leaf.name.ns));
  }
  const propOf = (q: QName) => ((namespacesOf.get(q.local)?.size ?? 0) > 1 ? prefixed(model.prefixes, q) : q.local);

  const walk = (p: Particle, optional: boolean, repeated: boolean, choice: string | undefined): ParticleShape => {
    if (p.kind === 'element') {
      const heads = p.global && !!model.substitutes.get(key(p.name))?.length;
      const s: ElementShape = { kind: 'element', field: p, prop: propOf(p.name), array: repeated || many(p.max), optional: optional || p.min === 0, tagged: heads };
      if (choice) s.choice = choice;
      return s;
    }
    if (p.kind === 'any') return { kind: 'any', field: p, prop: '$any', array: repeated || many(p.max), optional: optional || p.min === 0 };
    const opt = optional || p.min === 0;
    const rep = repeated || many(p.max);
    const leafs = leaves(p);
    const distinct = new Set(leafs.map((l) => (l.kind === 'element' ? key(l.name) : '*')));
    if (rep && p.kind !== 'all' && distinct.size > 1) {
      if (shape.items) throw new SchemaError(`type ${t.name.local} has two repeated choices; only one $items is supported`, p.at);
      const entries = leafs.map((l) => {
        if (l.kind !== 'element') throw new SchemaError('xs:any inside a repeated choice is not supported', l.at);
        return l;
      });
      shape.items = { optional: opt, entries };
      const entry = (q: Particle): ParticleShape =>
        q.kind === 'element'
          ? { kind: 'element', field: q, prop: '$items', array: true, optional: true, tagged: true }
          : { kind: 'group', group: q as Group, items: (q as Group).items.map(entry) };
      return { kind: 'group', group: p, items: p.items.map(entry) };
    }
    const alternatives = p.kind === 'choice' && p.items.length > 1;
    const note = alternatives ? `@choice one of ${leafs.map((l) => (l.kind === 'element' ? propOf(l.name) : 'any element')).join(', ')}` : choice;
    return { kind: 'group', group: p, items: p.items.map((item) => walk(item, opt || alternatives, rep, note)) };
  };
  if (t.content) shape.content = walk(t.content, false, false, undefined) as GroupShape;
  return shape;
}

/** The element and wildcard shapes of a type in schema order (`$items` entries included). */
export function leafShapes(s: GroupShape | undefined): (ElementShape | AnyShape)[] {
  if (!s) return [];
  return s.items.flatMap((p) => (p.kind === 'group' ? leafShapes(p) : [p]));
}

/** Every property a value of the type may have, its bases' included. */
export function propertyNames(model: Model, t: ComplexType): Set<string> {
  const shape = shapeOf(model, t);
  const names = new Set<string>([...shape.attrs.map((a) => a.prop), ...leafShapes(shape.content).map((l) => l.prop)]);
  if (shape.hasText) names.add('$value');
  if (t.derivation === 'extension' && t.base) for (const n of propertyNames(model, model.types.get(key(t.base)) as ComplexType)) names.add(n);
  return names;
}
