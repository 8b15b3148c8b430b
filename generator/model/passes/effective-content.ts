import { key, type QName } from '../../qname.js';
import type { ComplexType, EffectiveType, ElementShape, Group, GroupShape, Model, Particle, ParticleShape, TypeRef } from '../model.js';
import { leafShapes } from './content-shapes.js';

/**
 * Pass (fills `model.effective`): what a value of each complex type holds in effect, its bases'
 * included, by the rules of XSD derivation:
 * - an extension's attributes follow its base's, and its content is one sequence: the base's
 *   content, then its own; it inherits the base's attribute wildcard;
 * - a restriction's attributes and content are its own (the shapes pass already kept the base's
 *   attributes it does not prohibit); its wildcard is its own;
 * - the text type of simple content is the one the inherited-text pass settled.
 * The writers are generated from it, and the descriptors tell the runtime the same (an
 * extension's descriptor lists what it adds, the runtime appends it to its base's), so the
 * generated and the generic writer walk one content model.
 */
export function findEffectiveContent(model: Model): void {
  const visit = (t: ComplexType): EffectiveType => {
    const k = key(t.name);
    const done = model.effective.get(k);
    if (done) return done;
    const shape = model.shapes.get(k)!;
    const base = t.derivation === 'extension' && t.base ? visit(model.types.get(key(t.base)) as ComplexType) : undefined;
    const eff: EffectiveType = {
      type: t,
      attrs: base ? [...base.attrs, ...shape.attrs] : shape.attrs,
      anyAttribute: !!t.anyAttribute || !!base?.anyAttribute,
      inherited: 0,
    };
    if (t.text) eff.text = t.text;
    const own = shape.content;
    if (base?.content && own) {
      const inherited = inPlace(base.content);
      const items = [...inherited, ...inPlace(own)];
      const group: Group = { kind: 'sequence', min: 1, max: 1, items: items.map(particleOf), at: t.at };
      eff.content = { kind: 'group', group, items };
      eff.inherited = inherited.length;
    } else if (base?.content) {
      eff.content = base.content;
      eff.inherited = base.content.items.length;
    } else if (own) eff.content = own;
    model.effective.set(k, eff);
    return eff;
  };
  // Bases first wherever they are declared: inherited-text has refused a type deriving from itself.
  for (const t of model.types.values()) if (t.kind === 'complex') visit(t);
}

/** A sequence that occurs once is the same as its items in place, in a sequence. */
function inPlace(g: GroupShape): ParticleShape[] {
  return g.group.kind === 'sequence' && g.group.min === 1 && g.group.max === 1 ? g.items : [g];
}

/** The schema particle a shape is of. */
function particleOf(p: ParticleShape): Particle {
  return p.kind === 'group' ? p.group : p.field;
}

/** What a complex type holds in effect, as the pass computed it. */
export function effectiveOf(model: Model, t: ComplexType | QName): EffectiveType {
  const k = key('kind' in t ? t.name : t);
  const eff = model.effective.get(k);
  if (!eff) throw new Error(`effective-content: nothing for ${k} (the pass has not run)`);
  return eff;
}

/** Whether a particle may be absent altogether: it is optional, or a group whose items may all be (one of a choice's). */
export function mayBeEmpty(p: ParticleShape): boolean {
  if (p.kind !== 'group') return p.field.min === 0;
  if (p.group.min === 0) return true;
  if (p.group.kind === 'choice') return p.items.length === 0 || p.items.some(mayBeEmpty);
  return p.items.every(mayBeEmpty);
}

/** Whether every element of a group, nested groups' included, is an `$items` entry (a repeated choice's). */
export function isEntries(g: GroupShape): boolean {
  // An empty group (`<xs:sequence/>`) holds no entries: it has nothing at all.
  return g.items.length > 0 && g.items.every((i) => (i.kind === 'element' ? i.prop === '$items' : i.kind === 'group' && isEntries(i)));
}

/** An element that may appear where a content model names one. */
export interface StandIn {
  name: QName;
  type: TypeRef;
  nillable: boolean;
}

/**
 * The elements that may appear where an element shape is: for a reference to a substitution
 * group head (a tagged value) the head unless it is abstract, then every member; else the
 * element itself.
 */
export function standIns(model: Model, e: ElementShape): StandIn[] {
  const f = e.field;
  if (!f.global || !e.tagged) return [{ name: f.name, type: f.type, nillable: f.nillable }];
  const head = model.elements.get(key(f.name))!;
  const out: StandIn[] = head.abstract ? [] : [{ name: head.name, type: head.type, nillable: head.nillable }];
  for (const m of model.substitutes.get(key(f.name)) ?? []) {
    const d = model.elements.get(key(m))!;
    out.push({ name: d.name, type: d.type, nillable: d.nillable });
  }
  return out;
}

/**
 * The entries of a type's repeated choice, by local name (the name a value's `$element` holds):
 * every element that may stand for one of them; the later of two with one local name wins.
 */
export function entriesByLocal(model: Model, eff: EffectiveType): Map<string, StandIn> {
  const out = new Map<string, StandIn>();
  for (const leaf of leafShapes(eff.content))
    if (leaf.kind === 'element' && leaf.prop === '$items') for (const s of standIns(model, leaf)) out.set(s.name.local, s);
  return out;
}
