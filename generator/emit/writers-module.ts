// Slightly over 400 lines: statements are laid out as prettier lays them out (Stmt), next to the
// writer bodies that produce them; the two change together.
import { key, type QName } from '../qname.js';
import type { ComplexType, EffectiveType, ElementShape, GroupShape, Model, ParticleShape, TypeRef } from '../model/model.js';
import {
  effectiveOf,
  entriesByLocal,
  isEntries,
  mayBeEmpty,
  standIns,
  type StandIn,
} from '../model/passes/effective-content.js';
import { literal } from './helpers/builtin-types.js';
import { callLayout, PRINT_WIDTH } from './helpers/layout.js';

/**
 * The per-type writers (in `<service>/schema.ts`, each after its type's descriptor): for each
 * complex type whose content the generator can spell out, a function that writes an element of
 * the type as UTF-8 bytes, its tags encoded once as constants, the way a person would write a
 * serializer by hand (see templates/runtime/type-writers.ts).
 *
 * The code follows the generic writer (templates/runtime/write.ts) step by step, on the content
 * model the effective-content pass settled (the one the descriptors hand the runtime), so that
 * both write the same bytes; a test holds them to it. What it does not
 * spell out (open content, abstract types, qualified attributes) it leaves to the generic writer,
 * per element.
 */

/** A statement: a line, or a clause (`if (…)`, `for (…)`) with its body, broken as prettier breaks it. */
type Stmt =
  | string
  | { head: string; body: Stmt }
  | { block: string; body: Stmt[]; tail?: string }
  | { prefix: string; call: Expr; suffix: string };

/**
 * An expression: as is, a call whose arguments prettier puts one per line when it does not fit,
 * or an object literal whose properties it puts one per line when it does not fit.
 */
type Expr = string | { fn: string; args: Expr[] } | { props: string[] };

/** The generated functions' own names: a constant must not take one. */
const LOCALS = new Set(['o', 'v', 't', 'at', 'n', 'e']);
const HELPERS = [
  'attribute',
  'attributeStart',
  'bail',
  'codecOf',
  'content',
  'empty',
  'end',
  'entries',
  'has',
  'leaf',
  'list',
  'nillable',
  'nillableText',
  'optional',
  'optionalAttribute',
  'optionalLeaf',
  'plain',
  'simpleContent',
  'tag',
  'writeElement',
];

/** How the schema module names what the writers refer to. */
export interface WriterNames {
  /** The TypeScript name of a type (`ItemType`). */
  name(q: QName): string;
  /** The descriptor constant of a type (`ItemType$`). */
  type(q: QName): string;
  /** The function listing the types derived from a type, if it has any (`derivedFromItemType`). */
  derived(q: QName): string | undefined;
  /** The constant holding the service's prefixes. */
  namespaces: string;
  /** The interface of a complex type's values (`ItemType`), imported where it is declared. */
  iface(q: QName): string;
}

export class WritersModule {
  /** Type key → the name of its writer function, for the types that have one. */
  private readonly writerOf = new Map<string, string>();
  /** Simple type key (`xs:string` for a built-in) → the name of its codec constant. */
  private readonly codecs = new Map<string, { name: string; type: TypeRef }>();
  /** Element tag name (`t:Subject`) → the name of its encoded tag constant. */
  private readonly tags = new Map<string, string>();
  /** Attribute name → the name of the constant holding its encoded start (` Id="`). */
  private readonly attributeStarts = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly helpers = new Set<string>();
  /** Type key → the name of the function that writes its elements, for the bases that have one. */
  private readonly contentOf = new Map<string, string>();
  /** Type key → its `$items` entries by local name, made on first use. */
  private readonly entries = new Map<string, Map<string, StandIn>>();

  /**
   * @param model the model, its passes run: the writers render its effective content
   * @param constants namespace URI → the constant schema.ts declares for it (`T`, `M`)
   * @param prefixOf namespace URI → the prefix the writer declares for it on a document's root
   * @param names how schema.ts names the descriptors
   * @param taken the identifiers schema.ts declares or imports otherwise
   */
  constructor(
    private readonly model: Model,
    private readonly constants: ReadonlyMap<string, string>,
    private readonly prefixOf: ReadonlyMap<string, string>,
    private readonly names: WriterNames,
    taken: Iterable<string>,
  ) {
    for (const t of taken) this.used.add(t);
    const complex = [...model.types.values()].filter((t): t is ComplexType => t.kind === 'complex');
    for (const t of complex) this.used.add(`write${names.name(t.name)}`).add(`contentOf${names.name(t.name)}`);
    // A client writes requests: the types only a response holds are left to the generic writer.
    for (const t of complex)
      if (model.requestTypes.has(key(t.name)) && this.writable(effectiveOf(model, t)))
        this.writerOf.set(key(t.name), `write${names.name(t.name)}`);
    // The bases whose elements get a function of their own, their own bases' included.
    for (const k of this.writerOf.keys())
      for (let b = this.sharedBase(this.model.effective.get(k)!); b; b = this.sharedBase(b)) this.contentFunction(b);
  }

  /** The name of the writer of a type (by its schema name), if it has one. */
  writerName(q: QName): string | undefined {
    return this.writerOf.get(key(q));
  }

  /** The tag name of an element in the output, or undefined where the writer would declare a default namespace. */
  private tag(q: QName): string | undefined {
    if (!q.ns) return q.local;
    const prefix = this.prefixOf.get(q.ns);
    return prefix === undefined ? undefined : `${prefix}:${q.local}`;
  }

  /** How a type is named in comments: its tag name as an element, or its descriptor's name. */
  private shown(t: ComplexType): string {
    const name = t.anonymous ? this.names.name(t.name) : t.name.local;
    return this.tag({ ns: t.name.ns, local: name }) ?? name;
  }

  /** Whether a type reference names a simple type (or a built-in). */
  private simple(ref: TypeRef): boolean {
    return ref.kind === 'builtin' || this.model.types.get(key(ref.name))!.kind === 'simple';
  }

  private entriesOf(t: EffectiveType): Map<string, StandIn> {
    const k = key(t.type.name);
    let out = this.entries.get(k);
    if (!out) this.entries.set(k, (out = entriesByLocal(this.model, t)));
    return out;
  }

  /** Whether the type's elements and attributes can be written as straight-line code. */
  private writable(t: EffectiveType): boolean {
    if (t.type.abstract || t.anyAttribute || t.attrs.some((a) => a.attr.name.ns)) return false;
    return !t.content || this.contentWritable(t);
  }

  /** Whether the type's content (its elements) can be written as straight-line code. */
  private contentWritable(t: EffectiveType): boolean {
    if (!t.content) return false;
    const element = (p: ElementShape): boolean => byLocal(standIns(this.model, p)).every((s) => this.tag(s.name) !== undefined);
    const group = (g: GroupShape): boolean => {
      if (isEntries(g)) return [...this.entriesOf(t).values()].every((s) => this.tag(s.name) !== undefined);
      if (isChoice(g) && g.items.some((p) => leafProps(p).includes('$items'))) return false;
      return g.items.every((p) => (p.kind === 'any' ? false : p.kind === 'element' ? element(p) : group(p)));
    };
    return group(t.content);
  }

  private codec(ref: TypeRef): string {
    const k = ref.kind === 'builtin' ? `xs:${ref.name}` : key(ref.name);
    const known = this.codecs.get(k);
    if (known) return known.name;
    const name = this.free(
      ref.kind === 'builtin' ? `xs${ref.name[0]!.toUpperCase()}${ref.name.slice(1)}` : `${this.names.name(ref.name)}Codec`,
      'Codec',
    );
    this.codecs.set(k, { name, type: ref });
    return name;
  }

  /** A constant's name, free in the module: `base`, or `base` with `suffix` added until it is. */
  private free(base: string, suffix: string): string {
    let name = base.replace(/[^A-Za-z0-9_$]/g, '_');
    while (this.used.has(name) || LOCALS.has(name) || HELPERS.includes(name)) name += suffix;
    this.used.add(name);
    return name;
  }

  /** The constant of an element's encoded tag (`tSubject` for `t:Subject`). */
  private tagConst(name: string): string {
    let c = this.tags.get(name);
    if (!c) {
      const colon = name.indexOf(':');
      c = this.free(colon < 0 ? `tag${name}` : name.slice(0, colon) + name.slice(colon + 1), 'Tag');
      this.tags.set(name, c);
    }
    return c;
  }

  /** The constant of an attribute's encoded start (`aId` for ` Id="`). */
  private attributeConst(name: string): string {
    let c = this.attributeStarts.get(name);
    if (!c) this.attributeStarts.set(name, (c = this.free(`a${name}`, 'Attribute')));
    return c;
  }

  private helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /**
   * The statement that writes the value `y` as the element `e`; or, for an optional element that
   * a helper writes only when its value is there (`optionalLeaf`, `optional`), undefined unless
   * `optional` is set, and then that helper's call.
   */
  private value(e: StandIn, y: string): Stmt;
  private value(e: StandIn, y: string, optional: true): Stmt | undefined;
  private value(e: StandIn, y: string, optional = false): Stmt | undefined {
    const name = this.tag(e.name)!;
    const t = () => this.tagConst(name);
    if (this.simple(e.type)) {
      if (optional && e.nillable) return undefined;
      const fn = this.helper(optional ? 'optionalLeaf' : e.nillable ? 'nillableText' : 'leaf');
      return { prefix: '', call: { fn, args: ['o', t(), this.codec(e.type), y] }, suffix: ';' };
    }
    const type = (e.type as Extract<TypeRef, { kind: 'ref' }>).name;
    const writer = this.writerOf.get(key(type));
    if (optional) {
      if (!writer || e.nillable) return undefined;
      return { prefix: '', call: { fn: this.helper('optional'), args: ['o', writer, y, t()] }, suffix: ';' };
    }
    if (!writer) {
      // The generic writer, given the element as a particle descriptor.
      const nsCode = e.name.ns ? this.constants.get(e.name.ns)! : "''";
      const derived = this.names.derived(type);
      const element: Expr = {
        props: [
          `el: ${literal(e.name.local)}`,
          `ns: ${nsCode}`,
          `type: () => ${this.names.type(type)}`,
          ...(e.nillable ? ['nillable: true'] : []),
          ...(derived ? [`derived: ${derived}`] : []),
        ],
      };
      const args: Expr[] = ['o', this.names.namespaces, element, y];
      return { prefix: '', call: { fn: this.helper('writeElement'), args }, suffix: ';' };
    }
    const call: Expr = e.nillable
      ? { fn: this.helper('nillable'), args: ['o', writer, y, t()] }
      : { fn: writer, args: ['o', y, t()] };
    return { prefix: '', call, suffix: ';' };
  }

  /** Whether the statement that writes `e` gives up by itself when the value is missing (leaf, a type's writer). */
  private givesUpOnMissing(e: StandIn): boolean {
    return this.simple(e.type) || this.writerOf.has(key((e.type as Extract<TypeRef, { kind: 'ref' }>).name));
  }

  /** The statements that write a particle; `required` as the generic writer passes it down. */
  private particle(t: EffectiveType, p: ParticleShape, required: boolean, out: Stmt[]): void {
    if (p.kind === 'any') throw new Error('writers-module: xs:any is left to the generic writer');
    if (p.kind !== 'element') return this.group(t, p, required, out);
    // The property itself, read where it is used: TypeScript narrows it after the check.
    const x = `v${access(p.prop)}`;
    const min = p.field.min;
    const must = required && min > 0;
    if (p.tagged) return this.tagged(p, x, must, out);
    const [own] = standIns(this.model, p);
    const write = (y: string) => this.value(own!, y);
    if (p.array) {
      const loop: Stmt = {
        head: `for (const e of ${this.helper('list')}(${x}, ${must ? min : 0}))`,
        body: write('e'),
      };
      if (must) out.push(loop);
      else out.push({ head: `if (${x} !== undefined)`, body: loop });
      return;
    }
    if (!must) {
      out.push(this.value(own!, x, true) ?? { head: `if (${x} !== undefined)`, body: write(x) });
      return;
    }
    // leaf() and a type's writer give up on a missing value themselves; before the generic writer, a test does.
    if (!this.givesUpOnMissing(own!)) out.push(`if (${x} === undefined) ${this.helper('bail')}();`);
    out.push(write(x));
  }

  private group(t: EffectiveType, g: GroupShape, required: boolean, out: Stmt[]): void {
    const need = required && g.group.min > 0;
    if (isEntries(g)) return this.items(t, need && !mayBeEmpty(g), out);
    if (isChoice(g)) {
      const max = g.group.max === 1;
      const none = need && !mayBeEmpty(g);
      if (max || none) {
        out.push('n = 0;');
        for (const p of g.items) {
          const args = leafProps(p).map((prop) => `v${access(prop)}`);
          out.push({ prefix: 'n += ', call: { fn: this.helper('has'), args }, suffix: ';' });
        }
        out.push(`if (${[max ? 'n > 1' : '', none ? 'n === 0' : ''].filter(Boolean).join(' || ')}) bail();`);
        this.helper('bail');
      }
      for (const p of g.items) this.particle(t, p, false, out);
      return;
    }
    for (const p of g.items) this.particle(t, p, need, out);
  }

  /** The entries of a repeated choice, in array order, each by its `$element`. */
  private items(t: EffectiveType, required: boolean, out: Stmt[]): void {
    const loop: Stmt = {
      block: `for (const e of ${this.helper('entries')}(v.$items, ${required ? 1 : 0})) {`,
      body: [this.switchOn('e', [...this.entriesOf(t).values()])],
      tail: '}',
    };
    if (required) out.push(loop);
    else out.push({ block: 'if (v.$items !== undefined) {', body: [loop], tail: '}' });
  }

  /**
   * The value (or values) of a substitution group head, `x`, each written as the member its
   * `$element` names; as the generic writer's `one()` does.
   */
  private tagged(p: ElementShape, x: string, must: boolean, out: Stmt[]): void {
    const members = byLocal(standIns(this.model, p));
    let write: Stmt;
    if (p.array) {
      write = {
        block: `for (const e of ${this.helper('list')}(${x}, ${must ? p.field.min : 0})) {`,
        body: [this.switchOn('e', members)],
        tail: '}',
      };
    } else write = this.switchOn(x, members);
    // A required array needs no check of its own: list() bails on a missing one.
    if (!must) out.push({ block: `if (${x} !== undefined) {`, body: [write], tail: '}' });
    else if (p.array) out.push(write);
    else out.push(`if (${x} === undefined) ${this.helper('bail')}();`, write);
  }

  /** `switch (y.$element)`: a case per element that may stand there (by name), writing `y` as it; else bail. */
  private switchOn(y: string, members: StandIn[]): Stmt {
    const cases: Stmt[] = [];
    const local = (s: StandIn) => s.name.local;
    for (const s of [...members].sort((a, b) => (local(a) < local(b) ? -1 : local(a) > local(b) ? 1 : 0))) {
      cases.push({
        block: `case ${literal(s.name.local)}:`,
        body: [this.value(s, this.simple(s.type) ? `${y}.$value` : y), 'break;'],
        tail: '',
      });
    }
    cases.push({ block: 'default:', body: [`${this.helper('bail')}();`], tail: '' });
    return { block: `switch (${y}.$element) {`, body: cases, tail: '}' };
  }

  /**
   * The base whose content an extension's content starts with, when that content has a function
   * of its own (`contentOfItemType`): a base's elements are then spelled out once, not in every
   * type derived from it (ItemType's sixty in MessageType, CalendarItemType, …).
   */
  private sharedBase(t: EffectiveType): EffectiveType | undefined {
    if (t.type.derivation !== 'extension' || !t.content || isEntries(t.content)) return undefined;
    const base = effectiveOf(this.model, t.type.base!);
    return this.contentWritable(base) ? base : undefined;
  }

  /** The statements that write the elements of a type: its base's content function first, where it has one. */
  private content(t: EffectiveType): Stmt[] {
    const stmts: Stmt[] = [];
    const base = this.sharedBase(t);
    if (!base) {
      if (t.content) this.group(t, t.content, true, stmts);
      return stmts;
    }
    stmts.push(`${this.contentFunction(base)}(o, v);`);
    for (const p of t.content!.items.slice(t.inherited)) this.particle(t, p, true, stmts);
    return stmts;
  }

  private contentFunction(t: EffectiveType): string {
    const k = key(t.type.name);
    let name = this.contentOf.get(k);
    if (!name) {
      name = `contentOf${this.names.name(t.type.name)}`;
      this.contentOf.set(k, name);
    }
    return name;
  }

  /** Declarations of the variables the statements use. */
  private locals(stmts: Stmt[]): string[] {
    const out: string[] = [];
    if (stmts.some((s) => s === 'n = 0;')) out.push('let n: number;');
    return out;
  }

  /** The function that writes the elements of a base type, for the types derived from it. */
  private contentWriter(k: string): string {
    const t = this.model.effective.get(k)!;
    const stmts = this.content(t);
    return [
      `/** Writes the elements of ${this.shown(t.type)}, for it and the types derived from it. */`,
      callLayout(`function ${this.contentOf.get(k)}(`, ['o: XmlBytes', `v: ${this.names.iface(t.type.name)}`], '): void {', ''),
      ...[...this.locals(stmts), ...stmts].map((s) => print(s, '  ')),
      '}',
    ].join('\n');
  }

  private writer(k: string): string {
    const t = this.model.effective.get(k)!;
    const body: Stmt[] = [`if (!${this.helper('plain')}(v)) bail();`];
    this.helper('bail');
    const content: Stmt[] = t.text
      ? []
      : this.contentOf.has(k)
        ? [`${this.contentOf.get(k)}(o, v);`]
        : this.content(t);
    const attrs: Stmt[] = [];
    for (const { attr } of t.attrs) {
      const name = attr.name.local;
      const x = `v${access(name)}`;
      const required = attr.use === 'required';
      const fn = this.helper(required ? 'attribute' : 'optionalAttribute');
      const value: Stmt = { prefix: '', call: { fn, args: ['o', this.attributeConst(name), this.codec(attr.type), x] }, suffix: ';' };
      if (required) attrs.push(`if (${x} === undefined) bail();`, value);
      else attrs.push(value);
    }
    body.push(...this.locals([...attrs, ...content]), 'o.put(t.start);', ...attrs);
    if (t.text) {
      body.push({ prefix: '', call: { fn: this.helper('simpleContent'), args: ['o', 't', this.codec(t.text), 'v.$value'] }, suffix: ';' });
    } else if (content.length) {
      body.push(`const at = ${this.helper('content')}(o);`, ...content, `${this.helper('end')}(o, t, at);`);
    } else body.push(`${this.helper('empty')}(o);`);
    return [
      `/** Writes an element of ${this.shown(t.type)}; gives up (bail) where the generic writer must. */`,
      callLayout(
        `function ${this.writerOf.get(k)}(`,
        ['o: XmlBytes', `v: ${this.names.iface(t.type.name)}`, 't: Tag'],
        '): void {',
        '',
      ),
      ...body.map((s) => print(s, '  ')),
      '}',
    ].join('\n');
  }

  /**
   * The code: the writer functions of each type (its own, then the content function that the
   * types derived from it share), by type key; the codec and encoded tag constants they use; and
   * the names they import from the runtime.
   */
  render(): { functions: Map<string, string[]>; codecs: string[]; tags: string[]; helpers: string[] } {
    const functions = new Map<string, string[]>();
    const add = (k: string, f: string) => functions.set(k, [...(functions.get(k) ?? []), f]);
    for (const k of this.writerOf.keys()) add(k, this.writer(k));
    // Content functions, and those of their own bases, as the writers (and they) asked for them.
    const done = new Set<string>();
    for (let more = true; more;) {
      more = false;
      for (const k of [...this.contentOf.keys()])
        if (!done.has(k)) {
          done.add(k);
          add(k, this.contentWriter(k));
          more = true;
        }
    }
    const constant = (name: string, fn: string, arg: string) =>
      print({ prefix: `const ${name} = /* @__PURE__ */ `, call: { fn: this.helper(fn), args: [arg] }, suffix: ';' }, '');
    const byName = <T extends { name: string }>(list: T[]) =>
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const codecs = byName([...this.codecs.values()]).map(({ name, type }) =>
      constant(name, 'codecOf', type.kind === 'builtin' ? literal(`xs:${type.name}`) : this.names.type(type.name)),
    );
    const tags = [
      ...byName([...this.tags].map(([tag, name]) => ({ name, tag }))).map(({ name, tag }) => constant(name, 'tag', literal(tag))),
      ...byName([...this.attributeStarts].map(([attr, name]) => ({ name, attr }))).map(({ name, attr }) =>
        constant(name, 'attributeStart', literal(attr)),
      ),
    ];
    return { functions, codecs, tags, helpers: [...this.helpers].sort() };
  }
}

/** `.Name`, or `['$items']`-style access where the name is not an identifier. */
function access(prop: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(prop) ? `.${prop}` : `[${literal(prop)}]`;
}

/** One element per local name (the name a value's `$element` holds), the later of two winning. */
function byLocal(list: StandIn[]): StandIn[] {
  return [...new Map(list.map((s) => [s.name.local, s])).values()];
}

function isChoice(g: GroupShape): boolean {
  return g.group.kind === 'choice' && g.items.length > 1;
}

/** The properties a particle's values are kept in: what says whether a choice's branch is present. */
function leafProps(p: ParticleShape): string[] {
  if (p.kind !== 'group') return [p.prop];
  return [...new Set(p.items.flatMap(leafProps))];
}

function flatExpr(e: Expr): string {
  if (typeof e === 'string') return e;
  if ('props' in e) return `{ ${e.props.join(', ')} }`;
  return `${e.fn}(${e.args.map(flatExpr).join(', ')})`;
}

/** An expression that starts at `indent` after `lead` and is followed by `trail`, broken where it does not fit. */
function printExpr(e: Expr, indent: string, lead: string, trail: string): string {
  const one = `${indent}${lead}${flatExpr(e)}${trail}`;
  if (typeof e === 'string' || one.length <= PRINT_WIDTH) return one;
  if ('props' in e)
    return `${indent}${lead}{\n${e.props.map((p) => `${indent}  ${p},`).join('\n')}\n${indent}}${trail}`;
  const args = e.args.map((a) => printExpr(a, indent + '  ', '', ','));
  return `${indent}${lead}${e.fn}(\n${args.join('\n')}\n${indent})${trail}`;
}

function flat(s: Stmt): string | undefined {
  if (typeof s === 'string') return s;
  if ('call' in s) return `${s.prefix}${flatExpr(s.call)}${s.suffix}`;
  if ('head' in s) {
    const body = flat(s.body);
    return body === undefined ? undefined : `${s.head} ${body}`;
  }
  return undefined;
}

/** A statement as prettier prints it: on one line when it fits, else the clause's body on the next line. */
function print(s: Stmt, indent: string): string {
  if (typeof s === 'string') return indent + s;
  if ('call' in s) return printExpr(s.call, indent, s.prefix, s.suffix);
  if ('head' in s) {
    const one = flat(s);
    if (one !== undefined && (indent + one).length <= PRINT_WIDTH) return indent + one;
    return `${indent}${s.head}\n${print(s.body, indent + '  ')}`;
  }
  const inner = s.body.map((b) => print(b, indent + '  ')).join('\n');
  return `${indent}${s.block}\n${inner}${s.tail ? `\n${indent}${s.tail}` : ''}`;
}
