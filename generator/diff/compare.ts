import type { SourcePos } from '../errors.js';
import { key, prefixed, type QName } from '../qname.js';
import type { ComplexType, ElementField, Model, Occurs, Particle, SchemaType, TypeRef } from '../model/model.js';
import { reachable } from '../model/passes/reachable.js';

/**
 * The API changelog between two schema sets, computed on their resolved models (not on text):
 * what changed in operations, types, their elements, attributes and enumerations, and whom each
 * change breaks: code that sends the type (a new required request element) or code that reads it
 * (a removed response element, a new enumeration value an exhaustive `switch` does not know).
 */

export type Subject = 'operation' | 'type' | 'element';

export type EntryKind =
  | 'operation added'
  | 'operation removed'
  | 'body changed'
  | 'header added'
  | 'header removed'
  | 'type added'
  | 'type removed'
  | 'child added'
  | 'child removed'
  | 'occurrence changed'
  | 'child type changed'
  | 'attribute added'
  | 'attribute removed'
  | 'attribute use changed'
  | 'attribute type changed'
  | 'value added'
  | 'value removed'
  | 'base changed'
  | 'abstract changed'
  | 'member added'
  | 'member removed';

export interface Entry {
  subject: Subject;
  /** The operation's name, or the type's or global element's prefixed name (`t:ItemType`). */
  name: string;
  kind: EntryKind;
  /** What changed, in a line (`element t:Preview added, optional`). */
  what: string;
  breaks: { sends: boolean; reads: boolean };
  /** Where it is declared in each set: absent in the set that lacks it. */
  old?: SourcePos;
  new?: SourcePos;
}

export interface Changelog {
  entries: Entry[];
}

/** The type (and global element) keys each side of the operations reaches: requests (sent) and responses (read). */
interface Usage {
  sent: Set<string>;
  read: Set<string>;
  /** A set without operations (XSD only): every type counts as both. */
  all: boolean;
}

export class DiffError extends Error {}

export function compareModels(a: Model, b: Model): Changelog {
  const shared = [...namespacesOf(a)].filter((ns) => namespacesOf(b).has(ns));
  if (!shared.length) throw new DiffError('the two schema sets have no namespace in common: they are not versions of one schema');
  if (a.operations.length && b.operations.length && !a.operations.some((o) => b.operations.some((p) => p.name === o.name)))
    throw new DiffError('the two schema sets have no operation in common: they are not versions of one service');
  const show = (q: QName) => prefixed(b.prefixes.size ? b.prefixes : a.prefixes, q);
  const usage = [usageOf(a), usageOf(b)] as const;
  /** Whom a change breaks, given where the type is used in either set. */
  const breaks = (usedKey: string, sends: boolean, reads: boolean) => {
    const sent = usage.some((u) => u.all || u.sent.has(usedKey));
    const read = usage.some((u) => u.all || u.read.has(usedKey));
    return { sends: sends && sent, reads: reads && read };
  };
  const entries: Entry[] = [];
  const add = (e: Entry) => entries.push(e);

  // Operations, in the new set's order, then those removed.
  const oldOps = new Map(a.operations.map((o) => [o.name, o]));
  const newOps = new Map(b.operations.map((o) => [o.name, o]));
  for (const op of b.operations) {
    const before = oldOps.get(op.name);
    const at = { old: before?.at, new: op.at };
    if (!before) {
      if (a.operations.length) add({ subject: 'operation', name: op.name, kind: 'operation added', what: 'operation added', breaks: none(), new: op.at });
      continue;
    }
    for (const side of ['input', 'output'] as const) {
      const [x, y] = [before[side], op[side]];
      if (key(x.body) !== key(y.body))
        add({ subject: 'operation', name: op.name, kind: 'body changed', what: `${side} body ${show(x.body)} → ${show(y.body)}`, breaks: { sends: side === 'input', reads: side === 'output' }, ...at });
      const had = new Set(x.headers.map(key));
      const has = new Set(y.headers.map(key));
      for (const h of y.headers)
        if (!had.has(key(h))) add({ subject: 'operation', name: op.name, kind: 'header added', what: `${side} header ${show(h)} declared`, breaks: none(), ...at });
      for (const h of x.headers)
        if (!has.has(key(h)))
          add({ subject: 'operation', name: op.name, kind: 'header removed', what: `${side} header ${show(h)} no longer declared`, breaks: { sends: side === 'input', reads: false }, ...at });
    }
  }
  for (const op of a.operations)
    if (!newOps.has(op.name) && b.operations.length)
      add({ subject: 'operation', name: op.name, kind: 'operation removed', what: 'operation removed', breaks: { sends: true, reads: false }, old: op.at });

  // Types: named ones only (anonymous types are compared as part of their owner's children).
  const named = (m: Model) => new Map([...m.types].filter(([, t]) => !t.anonymous));
  const [oldTypes, newTypes] = [named(a), named(b)];
  for (const [k, t] of newTypes) {
    const before = oldTypes.get(k);
    if (!before) {
      add({ subject: 'type', name: show(t.name), kind: 'type added', what: 'type added', breaks: none(), new: t.at });
      continue;
    }
    compareType(before, t, a, b, show, (kind, what, sends, reads) =>
      add({ subject: 'type', name: show(t.name), kind, what, breaks: breaks(k, sends, reads), old: before.at, new: t.at }),
    );
  }
  for (const [k, t] of oldTypes)
    if (!newTypes.has(k)) add({ subject: 'type', name: show(t.name), kind: 'type removed', what: 'type removed', breaks: breaks(k, true, true), old: t.at });

  // Substitution groups: the members of each head element.
  const members = (m: Model) => {
    const out = new Map<string, Set<string>>();
    for (const e of m.elements.values()) {
      if (!e.substitutionGroup) continue;
      const head = key(e.substitutionGroup);
      if (!out.has(head)) out.set(head, new Set());
      out.get(head)!.add(key(e.name));
    }
    return out;
  };
  const [oldMembers, newMembers] = [members(a), members(b)];
  for (const [head, list] of newMembers) {
    const e = b.elements.get(head)!;
    const before = oldMembers.get(head) ?? new Set();
    for (const m of list)
      if (!before.has(m) && a.elements.has(head))
        add({ subject: 'element', name: show(e.name), kind: 'member added', what: `substitution member ${show(b.elements.get(m)!.name)} added`, breaks: breaks(head, false, true), old: a.elements.get(head)!.at, new: e.at });
    for (const m of before)
      if (!list.has(m)) add({ subject: 'element', name: show(e.name), kind: 'member removed', what: `substitution member ${show(a.elements.get(m)!.name)} removed`, breaks: breaks(head, true, false), old: a.elements.get(head)?.at, new: e.at });
  }
  return { entries };
}

type Report = (kind: EntryKind, what: string, sends: boolean, reads: boolean) => void;

function compareType(x: SchemaType, y: SchemaType, a: Model, b: Model, show: (q: QName) => string, report: Report): void {
  const ref = (m: Model, r: TypeRef | undefined) => (r === undefined ? 'none' : typeName(m, r, show));
  /** Whether two references read differently (the same named type reads the same: no need to spell it). */
  const differ = (rx: TypeRef | undefined, ry: TypeRef | undefined) =>
    !sameNamedType(a, rx, b, ry) && ref(a, rx) !== ref(b, ry);
  if (x.kind !== y.kind) return report('base changed', `was a ${x.kind} type, is a ${y.kind} type`, true, true);
  if (x.kind === 'simple' && y.kind === 'simple') {
    const [vx, vy] = [x.variety, y.variety];
    if (vx.kind === 'atomic' && vy.kind === 'atomic') {
      if (differ(vx.base, vy.base)) report('base changed', `base ${ref(a, vx.base)} → ${ref(b, vy.base)}`, true, true);
      const [ex, ey] = [new Set((vx.enumeration ?? []).map((v) => v.value)), new Set((vy.enumeration ?? []).map((v) => v.value))];
      for (const v of ey) if (!ex.has(v)) report('value added', `value ${v} added`, false, true);
      for (const v of ex) if (!ey.has(v)) report('value removed', `value ${v} removed`, true, false);
    } else if (vx.kind !== vy.kind) report('base changed', `was a ${vx.kind}, is a ${vy.kind}`, true, true);
    return;
  }
  const [cx, cy] = [x as ComplexType, y as ComplexType];
  const base = (t: ComplexType) => (t.base ? `${t.derivation} of ${show(t.base)}` : 'none');
  if (base(cx) !== base(cy)) report('base changed', `base ${base(cx)} → ${base(cy)}`, true, true);
  if (cx.abstract !== cy.abstract) report('abstract changed', cy.abstract ? 'now abstract' : 'no longer abstract', cy.abstract, false);
  if (differ(cx.text, cy.text)) report('child type changed', `text ${ref(a, cx.text)} → ${ref(b, cy.text)}`, true, true);

  // forEach rather than for…of over the maps, and names spelt only for a change: most children of
  // most types are unchanged, and this short run stays in unoptimized code, where each step of
  // for…of over a Map allocates.
  const [fx, fy] = [children(cx), children(cy)];
  fy.forEach((f, k) => {
    const before = fx.get(k);
    const name = () => `element ${show(f.field.name)}`;
    if (!before) {
      const required = f.min > 0;
      // A reference to a substitution group head: say what may stand there (a schema that spelt
      // the members out as a choice before reads as those removed and this added).
      const members = f.field.global ? (b.substitutes.get(k) ?? []) : [];
      const group = members.length ? ` (the head of a substitution group: ${members.map(show).join(', ')})` : '';
      report('child added', `${name()} added, ${required ? 'required' : 'optional'}${f.max !== 1 ? ', repeated' : ''}${group}`, required, false);
      return;
    }
    if (before.min !== f.min) report('occurrence changed', `${name()} ${occurs(before)} → ${occurs(f)}`, f.min > before.min, f.min < before.min);
    if ((before.max === 1) !== (f.max === 1)) report('occurrence changed', `${name()} ${before.max === 1 ? 'single → repeated' : 'repeated → single'}`, true, true);
    if (differ(before.field.type, f.field.type))
      report('child type changed', `${name()} type ${ref(a, before.field.type)} → ${ref(b, f.field.type)}`, true, true);
  });
  fx.forEach((f, k) => {
    if (!fy.has(k)) report('child removed', `element ${show(f.field.name)} removed`, true, true);
  });

  const attrs = (t: ComplexType) => new Map(t.attributes.filter((x) => x.use !== 'prohibited').map((x) => [key(x.name), x]));
  const [ax, ay] = [attrs(cx), attrs(cy)];
  ay.forEach((at, k) => {
    const before = ax.get(k);
    const name = `attribute ${at.name.local}`;
    if (!before) return report('attribute added', `${name} added, ${at.use}`, at.use === 'required', false);
    if (before.use !== at.use) report('attribute use changed', `${name} ${before.use} → ${at.use}`, at.use === 'required', at.use !== 'required');
    if (differ(before.type, at.type)) report('attribute type changed', `${name} type ${ref(a, before.type)} → ${ref(b, at.type)}`, true, true);
  });
  ax.forEach((at, k) => {
    if (!ay.has(k)) report('attribute removed', `attribute ${at.name.local} removed`, true, true);
  });
}

interface Child extends Occurs {
  field: ElementField;
}

/** Each type's children, computed once: a set is compared with the one before it and the one after. */
const childrenOf = new WeakMap<ComplexType, Map<string, Child>>();

/** A complex type's own child elements by name, each with its effective occurrence (a choice makes its branches optional; a repeated group repeats its children). */
function children(t: ComplexType): Map<string, Child> {
  const known = childrenOf.get(t);
  if (known) return known;
  const out = new Map<string, Child>();
  childrenOf.set(t, out);
  const walk = (p: Particle, min: number, many: boolean) => {
    if (p.kind === 'any') return;
    const repeated = many || p.max === 'unbounded' || p.max > 1;
    if (p.kind === 'element') {
      const k = key(p.name);
      const seen = out.get(k);
      out.set(k, { field: p, min: seen ? 0 : min * p.min, max: seen || repeated ? 'unbounded' : 1 });
      return;
    }
    const branches = p.kind === 'choice' && p.items.length > 1;
    for (const item of p.items) walk(item, branches ? 0 : min * p.min, repeated);
  };
  if (t.content) walk(t.content, 1, false);
  return out;
}

/** Both references name one named type (builtins included), which then reads the same in both sets. */
function sameNamedType(a: Model, x: TypeRef | undefined, b: Model, y: TypeRef | undefined): boolean {
  if (x === undefined || y === undefined || x.kind !== y.kind) return x === y;
  if (x.kind === 'builtin') return x.name === (y as typeof x).name;
  const k = key(x.name);
  return k === key((y as typeof x).name) && !a.types.get(k)?.anonymous && !b.types.get(k)?.anonymous;
}

function occurs(o: Occurs): string {
  return o.min === 0 ? 'optional' : 'required';
}

/** How a type reference reads in an entry: `xs:string`, or the named type (an anonymous one by its base). */
function typeName(m: Model, r: TypeRef, show: (q: QName) => string): string {
  if (r.kind === 'builtin') return `xs:${r.name}`;
  const t = m.types.get(key(r.name));
  if (t?.anonymous) return t.kind === 'simple' && t.variety.kind === 'atomic' ? `an anonymous restriction of ${typeName(m, t.variety.base, show)}${t.variety.enumeration ? ` (${t.variety.enumeration.map((v) => v.value).join(', ')})` : ''}` : `an anonymous ${t.kind} type`;
  return show(r.name);
}

function none(): { sends: boolean; reads: boolean } {
  return { sends: false, reads: false };
}

function namespacesOf(m: Model): Set<string> {
  return new Set([...m.types.values()].map((t) => t.name.ns));
}

/** Each model's usage, computed once: a set is compared with the one before it and the one after. */
const usages = new WeakMap<Model, Usage>();

function usageOf(m: Model): Usage {
  let u = usages.get(m);
  if (!u) usages.set(m, (u = computeUsage(m)));
  return u;
}

/**
 * Which types the operations' requests and responses reach (elements, content, attributes, bases,
 * substitution members, and the types derived from every type reached, since a change to any of
 * them may touch what is sent or read; not a member's head).
 */
function computeUsage(m: Model): Usage {
  const side = (s: 'input' | 'output') => {
    const roots = m.operations.flatMap((o) => [o[s].body, ...o[s].headers]);
    const { types, elements } = reachable(m, roots, { everyDerived: true, heads: false });
    return new Set([...types, ...elements]);
  };
  return { sent: side('input'), read: side('output'), all: m.operations.length === 0 };
}
