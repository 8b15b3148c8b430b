// Slightly over 400 lines: statements are laid out as prettier lays them out (Stmt), next to the
// writer bodies that produce them; the two change together.
import {
  compileType,
  type Accepted,
  type CompiledType,
  type CompiledComplex,
  type ElementParticle,
  type GroupParticle,
  type Particle,
} from '../../templates/runtime/compile.js';
import { resolveType, type Schema, type TypeDesc, type TypeRef } from '../../templates/runtime/schema.js';
import { literal } from './helpers/builtin-types.js';
import { callLayout, PRINT_WIDTH } from './helpers/layout.js';

/**
 * The per-type writers (in `<service>/schema.ts`, each after its type's descriptor): for each
 * complex type whose content the generator can spell out, a function that writes an element of
 * the type as one string, the way a person would write a serializer by hand (see
 * templates/runtime/type-writers.ts).
 *
 * The code follows the generic writer (templates/runtime/write.ts) step by step, on the same
 * compiled schema, so that both write the same bytes; a test holds them to it. What it does not
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

/** The generated functions' own names: a codec constant must not take one. */
const LOCALS = new Set(['attrs', 'content', 'name', 'v', 'n', 'e']);
const HELPERS = [
  'attribute',
  'bail',
  'codecOf',
  'entries',
  'flat',
  'has',
  'list',
  'nillable',
  'nillableText',
  'plain',
  'text',
  'writeElement',
];

/** How the schema module names what the writers refer to. */
export interface WriterNames {
  /** The descriptor constant of a type (`ItemType$`). */
  type(key: string): string;
  /** The function listing the types derived from a type, if it has any (`derivedFromItemType`). */
  derived(key: string): string | undefined;
  /** The constant holding the service's prefixes. */
  namespaces: string;
  /** The interface of a complex type's values (`ItemType`), imported where it is declared. */
  iface(key: string): string;
}

export class WritersModule {
  private readonly keyOfDesc = new Map<TypeDesc, string>();
  private readonly prefixOf = new Map<string, string>();
  /** Type key → the name of its writer function, for the types that have one. */
  private readonly writerOf = new Map<string, string>();
  /** Simple type key → the name of its codec constant. */
  private readonly codecs = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly helpers = new Set<string>();
  /** Type key → the name of the function that writes its elements, for the bases that have one. */
  private readonly contentOf = new Map<string, string>();

  /**
   * @param schema the descriptors, as schema.ts holds them once loaded
   * @param constants namespace URI → the constant schema.ts declares for it (`T`, `M`)
   * @param names how schema.ts names the descriptors
   * @param taken the identifiers schema.ts declares or imports otherwise
   */
  constructor(
    private readonly schema: Schema,
    private readonly constants: ReadonlyMap<string, string>,
    private readonly names: WriterNames,
    taken: Iterable<string>,
  ) {
    for (const t of taken) this.used.add(t);
    for (const [k, t] of Object.entries(schema.types)) this.keyOfDesc.set(t, k);
    for (const [p, ns] of Object.entries(schema.namespaces)) this.prefixOf.set(ns, p);
    const keys = Object.keys(schema.types).filter((k) => schema.types[k]!.kind === 'complex');
    for (const k of keys) this.used.add(`write${k}`).add(`contentOf${k}`);
    for (const k of keys) if (this.writable(this.complex(k))) this.writerOf.set(k, `write${k}`);
    // The bases whose elements get a function of their own, their own bases' included.
    for (const k of this.writerOf.keys())
      for (let b = this.sharedBase(this.complex(k)); b; b = this.sharedBase(b)) this.contentFunction(b);
  }

  /** The compiled type of a key (`ItemType`, `xs:string`). */
  private type(k: string): CompiledType {
    return compileType(k.startsWith('xs:') ? k : () => this.schema.types[k]!);
  }

  private complex(k: string): CompiledComplex {
    return this.type(k) as CompiledComplex;
  }

  /** The key of a type a descriptor refers to. */
  private keyOf(ref: TypeRef): string {
    const d = resolveType(ref);
    return typeof d === 'string' ? d : this.keyOfDesc.get(d)!;
  }

  /** The type's key (`ItemType`). */
  private keyOfType(t: CompiledComplex): string {
    return this.keyOfDesc.get(t.desc)!;
  }

  /** The name of the writer of a type, if it has one. */
  writerName(key: string): string | undefined {
    return this.writerOf.get(key);
  }

  /** The tag name of an element in the output, or undefined where the writer would declare a default namespace. */
  private tag(ns: string, local: string): string | undefined {
    if (!ns) return local;
    const prefix = this.prefixOf.get(ns);
    return prefix === undefined ? undefined : `${prefix}:${local}`;
  }

  /** Whether the type's elements and attributes can be written as straight-line code. */
  private writable(t: CompiledComplex): boolean {
    if (t.desc.abstract || t.anyAttribute || t.attributes.some((a) => a.desc.ns)) return false;
    return !t.content || this.contentWritable(t);
  }

  /** Whether the type's content (its elements) can be written as straight-line code. */
  private contentWritable(t: CompiledComplex): boolean {
    if (!t.content) return false;
    const element = (p: ElementParticle): boolean =>
      p.tagged
        ? [...p.byLocal.values()].every((a) => this.tag(a.ns, a.local) !== undefined)
        : !!p.own && this.tag(p.own.ns, p.own.local) !== undefined;
    const group = (g: GroupParticle): boolean => {
      if (g.entries) return [...t.items].every(([local, p]) => this.tag(p.byLocal.get(local)!.ns, local) !== undefined);
      if (isChoice(g) && g.items.some((p) => leafProps(p).includes('$items'))) return false;
      return g.items.every((p) => (p.kind === 'any' ? false : p.kind === 'element' ? element(p) : group(p)));
    };
    return group(t.content);
  }

  private codec(ref: TypeRef | string): string {
    const key = typeof ref === 'string' ? ref : this.keyOf(ref);
    let name = this.codecs.get(key);
    if (name) return name;
    name = key.startsWith('xs:') ? `xs${key[3]!.toUpperCase()}${key.slice(4)}` : `${key}Codec`;
    while (this.used.has(name) || LOCALS.has(name) || HELPERS.includes(name)) name += 'Codec';
    this.used.add(name);
    this.codecs.set(key, name);
    return name;
  }

  private helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /**
   * The statement that writes the value `y` as the element `{ns}local` onto `content`; `many`
   * when it is one of many (an array's, a repeated choice's): flattened, see flat() in
   * type-writers.ts.
   */
  private value(ns: string, local: string, typeRef: TypeRef, nillable: boolean, y: string, many: boolean): Stmt {
    const name = this.tag(ns, local)!;
    const typeKey = this.keyOf(typeRef);
    const type = this.type(typeKey);
    if (type.kind === 'simple') {
      const codec = this.codec(typeKey);
      if (nillable) return `content += ${this.helper('nillableText')}(${codec}, ${y}, ${literal(name)});`;
      return `content += \`<${name}>\${${this.helper('text')}(${codec}, ${y})}</${name}>\`;`;
    }
    const writer = this.writerOf.get(typeKey);
    if (!writer) {
      // The generic writer, given the element as a particle descriptor.
      const nsCode = ns ? this.constants.get(ns)! : "''";
      const derived = this.names.derived(typeKey);
      const element: Expr = {
        props: [
          `el: ${literal(local)}`,
          `ns: ${nsCode}`,
          `type: () => ${this.names.type(typeKey)}`,
          ...(nillable ? ['nillable: true'] : []),
          ...(derived ? [`derived: ${derived}`] : []),
        ],
      };
      const args: Expr[] = [this.names.namespaces, element, y];
      return { prefix: 'content += ', call: { fn: this.helper('writeElement'), args }, suffix: ';' };
    }
    const call: Expr = nillable
      ? { fn: this.helper('nillable'), args: [writer, y, literal(name)] }
      : { fn: writer, args: [y, literal(name)] };
    return { prefix: 'content += ', call: many ? { fn: this.helper('flat'), args: [call] } : call, suffix: ';' };
  }

  /** The statements that write a particle; `required` as the generic writer passes it down. */
  private particle(t: CompiledComplex, p: Particle, required: boolean, out: Stmt[]): void {
    if (p.kind === 'any') throw new Error('writers-module: xs:any is left to the generic writer');
    if (p.kind !== 'element') return this.group(t, p, required, out);
    // The property itself, read where it is used: TypeScript narrows it after the check.
    const x = `v${access(p.prop)}`;
    const must = required && p.min > 0;
    if (p.tagged) return this.tagged(p, x, must, out);
    const own = p.own!;
    const write = (y: string, many: boolean) => this.value(own.ns, own.local, own.type, own.nillable, y, many);
    if (p.array) {
      const loop: Stmt = {
        head: `for (const e of ${this.helper('list')}(${x}, ${must ? p.min : 0}))`,
        body: write('e', true),
      };
      if (must) out.push(loop);
      else out.push({ head: `if (${x} !== undefined)`, body: loop });
      return;
    }
    if (must) out.push(`if (${x} === undefined) ${this.helper('bail')}();`, write(x, false));
    else out.push({ head: `if (${x} !== undefined)`, body: write(x, false) });
  }

  private group(t: CompiledComplex, g: GroupParticle, required: boolean, out: Stmt[]): void {
    const need = required && g.min > 0;
    if (g.entries) return this.items(t, need && !g.nullable, out);
    if (isChoice(g)) {
      const max = g.max === 1;
      const none = need && !g.nullable;
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
  private items(t: CompiledComplex, required: boolean, out: Stmt[]): void {
    const members = [...t.items].map(([local, p]) => p.byLocal.get(local)!);
    const loop: Stmt = {
      block: `for (const e of ${this.helper('entries')}(v.$items, ${required ? 1 : 0})) {`,
      body: [this.switchOn('e', members, true)],
      tail: '}',
    };
    if (required) out.push(loop);
    else out.push({ block: 'if (v.$items !== undefined) {', body: [loop], tail: '}' });
  }

  /**
   * The value (or values) of a substitution group head, `x`, each written as the member its
   * `$element` names; as the generic writer's `one()` does.
   */
  private tagged(p: ElementParticle, x: string, must: boolean, out: Stmt[]): void {
    const members = [...p.byLocal.values()];
    let write: Stmt;
    if (p.array) {
      write = {
        block: `for (const e of ${this.helper('list')}(${x}, ${must ? p.min : 0})) {`,
        body: [this.switchOn('e', members, true)],
        tail: '}',
      };
    } else write = this.switchOn(x, members, false);
    // A required array needs no check of its own: list() bails on a missing one.
    if (!must) out.push({ block: `if (${x} !== undefined) {`, body: [write], tail: '}' });
    else if (p.array) out.push(write);
    else out.push(`if (${x} === undefined) ${this.helper('bail')}();`, write);
  }

  /** `switch (y.$element)`: a case per element that may stand there (by name), writing `y` as it; else bail. */
  private switchOn(y: string, members: Accepted[], many: boolean): Stmt {
    const cases: Stmt[] = [];
    for (const a of [...members].sort((a, b) => (a.local < b.local ? -1 : a.local > b.local ? 1 : 0))) {
      const simple = this.type(this.keyOf(a.type)).kind === 'simple';
      cases.push({
        block: `case ${literal(a.local)}:`,
        body: [this.value(a.ns, a.local, a.type, a.nillable, simple ? `${y}.$value` : y, many), 'break;'],
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
  private sharedBase(t: CompiledComplex): CompiledComplex | undefined {
    if (!t.desc.base || t.desc.restriction || !t.content || t.content.entries) return undefined;
    const base = compileType(t.desc.base) as CompiledComplex;
    return this.contentWritable(base) ? base : undefined;
  }

  /** The content of a type: where it starts (its base's content, or nothing) and the statements that add the rest. */
  private content(t: CompiledComplex): { start: string; stmts: Stmt[] } {
    const stmts: Stmt[] = [];
    const base = this.sharedBase(t);
    if (!base) {
      if (t.content) this.group(t, t.content, true, stmts);
      return { start: "''", stmts };
    }
    // The compiled content is one sequence: the base's content, then the extension's own, each
    // spliced in when it is a sequence that occurs once (see group() in compile.ts).
    const once = (g: GroupParticle) => g.kind === 'sequence' && g.min === 1 && g.max === 1;
    if (t.content !== base.content) {
      const own = t.content!.items.slice(once(base.content!) ? base.content!.items.length : 1);
      for (const p of own) this.particle(t, p, true, stmts);
    }
    return { start: `${this.contentFunction(base)}(v)`, stmts };
  }

  private contentFunction(t: CompiledComplex): string {
    const key = this.keyOfType(t);
    let name = this.contentOf.get(key);
    if (!name) {
      name = `contentOf${key}`;
      this.contentOf.set(key, name);
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
  private contentWriter(key: string): string {
    const t = this.complex(key);
    const { start, stmts } = this.content(t);
    const body = stmts.length
      ? [...this.locals(stmts), `let content = ${start};`, ...stmts, 'return content;']
      : [`return ${start};`];
    return [
      `/** The elements of ${this.tag(t.desc.ns, t.desc.name) ?? t.desc.name}, for it and the types derived from it. */`,
      callLayout(`function ${this.contentOf.get(key)}(`, [`v: ${this.names.iface(key)}`], '): string {', ''),
      ...body.map((s) => print(s, '  ')),
      '}',
    ].join('\n');
  }

  private writer(key: string): string {
    const t = this.complex(key);
    const body: Stmt[] = [`if (!${this.helper('plain')}(v)) bail();`];
    this.helper('bail');
    const { start: contentStart, stmts: content } = t.text
      ? { start: "''", stmts: [] }
      : this.contentOf.has(key)
        ? { start: `${this.contentOf.get(key)}(v)`, stmts: [] }
        : this.content(t);
    const attrs: Stmt[] = [];
    for (const a of t.attributes) {
      const x = `v${access(a.desc.name)}`;
      const value = `attrs += \` ${a.desc.name}="\${${this.helper('attribute')}(${this.codec(a.desc.type)}, ${x})}"\`;`;
      if (a.desc.required) attrs.push(`if (${x} === undefined) bail();`, value);
      else attrs.push({ head: `if (${x} !== undefined)`, body: value });
    }
    body.push(...this.locals([...attrs, ...content]));
    if (attrs.length) body.push("let attrs = '';", ...attrs);
    const start = attrs.length ? '<${name}${attrs}' : '<${name}';
    if (t.text) {
      body.push(`return \`${start}>\${${this.helper('text')}(${this.codec(t.textType!)}, v.$value)}</\${name}>\`;`);
    } else if (content.length || contentStart !== "''") {
      body.push(`${content.length ? 'let' : 'const'} content = ${contentStart};`, ...content);
      body.push(`return content === '' ? \`${start}/>\` : \`${start}>\${content}</\${name}>\`;`);
    } else body.push(`return \`${start}/>\`;`);
    return [
      `/** Writes an element of ${this.tag(t.desc.ns, t.desc.name) ?? t.desc.name}; gives up (bail) where the generic writer must. */`,
      callLayout(
        `function ${this.writerOf.get(key)}(`,
        [`v: ${this.names.iface(key)}`, 'name: string'],
        '): string {',
        '',
      ),
      ...body.map((s) => print(s, '  ')),
      '}',
    ].join('\n');
  }

  /**
   * The code: the writer functions of each type (its own, then the content function that the
   * types derived from it share), the codec constants they use, and the names they import
   * from the runtime.
   */
  render(): { functions: Map<string, string[]>; codecs: string[]; helpers: string[] } {
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
    const codecs = [...this.codecs]
      .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, name]) => {
        const arg = key.startsWith('xs:') ? literal(key) : this.names.type(key);
        return print(
          {
            prefix: `const ${name} = /* @__PURE__ */ `,
            call: { fn: this.helper('codecOf'), args: [arg] },
            suffix: ';',
          },
          '',
        );
      });
    return { functions, codecs, helpers: [...this.helpers].sort() };
  }
}

/** `.Name`, or `['$items']`-style access where the name is not an identifier. */
function access(prop: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(prop) ? `.${prop}` : `[${literal(prop)}]`;
}

function isChoice(g: GroupParticle): boolean {
  return g.kind === 'choice' && g.items.length > 1;
}

/** The properties a particle's values are kept in: what says whether a choice's branch is present. */
function leafProps(p: Particle): string[] {
  if (p.kind === 'element') return [p.prop];
  if (p.kind === 'any') return ['$any'];
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
