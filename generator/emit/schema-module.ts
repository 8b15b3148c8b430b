import { key, prefixed, type QName } from '../qname.js';
import type { ComplexType, GroupShape, Model, ParticleShape, SchemaType, SimpleType, TypeRef } from '../model/model.js';
import { literal } from './helpers/builtin-types.js';
import { annotatedConst, importNames, importType } from './helpers/layout.js';
import { Code, code, printData, ref, Thunk, type Data } from './helpers/data.js';
import { shapeOf } from '../model/passes/content-shapes.js';
import { effectiveOf } from '../model/passes/effective-content.js';
import type { SymbolTable } from './symbols.js';
import { WritersModule } from './writers-module.js';
import { allDerived } from '../model/passes/derived-types.js';
import type { EmitContext } from './helpers/members.js';
import { NO_CHECK } from './helpers/no-check.js';

/**
 * The runtime descriptors of a schema (`<service>/schema.ts`): every type and global element as
 * a constant of its own, data the runtime's reader and writer walk, each complex type followed
 * by its generated writer. They refer to each other directly (`type: () => ItemType$`), so that
 * a bundler keeps only the descriptors an import reaches. Property names, arrays and tags come
 * from the same shapes as the interfaces, so values read always have the declared TypeScript
 * shape.
 *
 * Names: a type's descriptor is its TypeScript name and `$` (`ItemType$`: no schema name has a
 * `$`); a global element's, its key with `_` for `:` (`m_FindItem`); the types derived from a
 * type, `derivedFrom<Type>`.
 */
export class SchemaModule {
  /** Namespace URI → the constant the module declares for it (`T`, `M`). */
  readonly constants = new Map<string, string>();
  /** The enumerations' value arrays the descriptors use, imported from enums.ts. */
  private readonly enumImports = new Set<string>();
  /** Element key → its descriptor constant. */
  private readonly elementConsts = new Map<string, string>();
  /** The `derivedFrom…` functions the descriptors refer to. */
  private readonly derivedUsed = new Set<string>();
  /** The descriptors as data, once made (see data()). */
  private made: { types: Map<string, Data>; elements: Map<string, Data> } | undefined;
  /** Head element key → the direct members of its substitution group. */
  private readonly members = new Map<string, QName[]>();

  /**
   * @param ctx names the interfaces the writers are typed with, and records their imports
   * @param imports module → the names imported from it, as `ctx` records them
   */
  constructor(
    private readonly model: Model,
    private readonly symbols: SymbolTable,
    private readonly ctx: EmitContext,
    private readonly imports: Map<string, Set<string>> = new Map(),
  ) {
    const used = new Set<string>();
    const namespaces = new Set<string>();
    for (const t of model.types.values()) {
      namespaces.add(t.name.ns);
      if (t.kind === 'complex') for (const a of t.attributes) namespaces.add(a.name.ns);
    }
    for (const e of model.elements.values()) namespaces.add(e.name.ns);
    for (const ns of [...namespaces].sort()) {
      if (!ns) continue;
      const base = (model.prefixes.get(ns) ?? 'NS').toUpperCase().replace(/[^A-Z0-9_]/g, '_');
      let name = base;
      for (let n = 2; used.has(name); n++) name = `${base}${n}`;
      used.add(name);
      this.constants.set(ns, name);
    }
    // Element constants must not take the name of an interface the writers import, nor another constant.
    const taken = new Set<string>([...used, 'NAMESPACES', 'schema', 'compiled']);
    for (const t of model.types.values()) taken.add(symbols.name(t.name)).add(`${symbols.name(t.name)}$`);
    for (const e of model.elements.values()) {
      const base = this.elementKey(e.name).replace(/[^A-Za-z0-9_$]/g, '_').replace(/^([0-9])/, '_$1');
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
      taken.add(name);
      this.elementConsts.set(key(e.name), name);
      if (e.substitutionGroup) {
        const k = key(e.substitutionGroup);
        this.members.set(k, [...(this.members.get(k) ?? []), e.name]);
      }
    }
  }

  /** The descriptor constant of a type. */
  typeConst(q: QName): string {
    return `${this.symbols.name(q)}$`;
  }

  /** The descriptor constant of a global element. */
  elementConst(q: QName): string {
    return this.elementConsts.get(key(q))!;
  }

  /** The function listing every type derived from a complex type, if there is one. */
  private derivedConst(q: QName): string | undefined {
    return this.model.derived.get(key(q))?.length ? `derivedFrom${this.symbols.name(q)}` : undefined;
  }

  private derivedOf(t: TypeRef): Code | undefined {
    if (t.kind === 'builtin') return undefined;
    const name = this.derivedConst(t.name);
    if (name) this.derivedUsed.add(name);
    return name ? code(name) : undefined;
  }

  /** `t:Path`: how descriptors and operation specs name a global element. */
  elementKey(q: QName): string {
    return prefixed(this.model.prefixes, q);
  }

  private ns(ns: string): Data {
    return ns ? code(this.constants.get(ns)!) : '';
  }

  private typeRef(t: TypeRef): string | Thunk {
    return t.kind === 'builtin' ? `xs:${t.name}` : ref(this.typeConst(t.name));
  }

  private particle(p: ParticleShape): Data {
    const occurs = (min: number, max: number | 'unbounded') => ({
      min: min === 1 ? undefined : min,
      max: max === 1 ? undefined : max === 'unbounded' ? code('Infinity') : max,
    });
    if (p.kind === 'group') return this.group(p);
    if (p.kind === 'any') {
      const f = p.field;
      const spec = f.namespace === '##other' ? `##other:${f.targetNamespace}` : f.namespace === '##targetNamespace' ? f.targetNamespace : f.namespace;
      return { any: spec, ...occurs(f.min, f.max), array: p.array || undefined };
    }
    const f = p.field;
    return {
      el: f.name.local,
      ns: this.ns(f.name.ns),
      type: this.typeRef(f.type),
      ...occurs(f.min, f.max),
      prop: p.prop !== f.name.local ? p.prop : undefined,
      array: p.array || undefined,
      tagged: p.tagged || undefined,
      nillable: f.nillable || undefined,
      ref: f.global && p.tagged ? ref(this.elementConst(f.name)) : undefined,
      derived: f.global && p.tagged ? undefined : this.derivedOf(f.type),
    };
  }

  private group(g: GroupShape): Data {
    return {
      group: g.group.kind,
      min: g.group.min === 1 ? undefined : g.group.min,
      max: g.group.max === 1 ? undefined : g.group.max === 'unbounded' ? code('Infinity') : g.group.max,
      items: g.items.map((i) => this.particle(i)),
    };
  }

  /**
   * A complex type's descriptor. Its attributes and content are its own, as the shapes pass made
   * them: an extension's follow its base's, which the runtime appends them to (`restriction`
   * unset); a restriction's are all it has. The wildcard and text are those in effect.
   */
  private complex(t: ComplexType): Data {
    const shape = shapeOf(this.model, t);
    const eff = effectiveOf(this.model, t);
    return {
      kind: 'complex',
      name: t.anonymous ? this.symbols.name(t.name) : t.name.local,
      ns: this.ns(t.name.ns),
      abstract: t.abstract || undefined,
      base: t.base ? ref(this.typeConst(t.base)) : undefined,
      restriction: t.derivation === 'restriction' || undefined,
      attributes: shape.attrs.length
        ? shape.attrs.map((a) => ({
            name: a.attr.name.local,
            ns: a.attr.name.ns ? this.ns(a.attr.name.ns) : undefined,
            type: this.typeRef(a.attr.type),
            required: a.attr.use === 'required' || undefined,
            fixed: a.attr.fixed,
          }))
        : undefined,
      content: shape.content ? this.group(shape.content) : undefined,
      text: eff.text ? this.typeRef(eff.text) : undefined,
      anyAttribute: eff.anyAttribute || undefined,
    };
  }

  private simple(t: SimpleType): Data {
    const name = this.symbols.name(t.name);
    const v = t.variety;
    if (v.kind === 'list') return { kind: 'list', name, item: this.typeRef(v.itemType) };
    if (v.kind === 'union') return { kind: 'union', name, members: v.memberTypes.map((m) => this.typeRef(m)) };
    // The values are the frozen array enums.ts exports under the type's name: written once.
    if (v.enumeration?.length) {
      this.enumImports.add(name);
      return { kind: 'enum', name, base: this.typeRef(v.base), values: code(name) };
    }
    const facets: Record<string, Data | undefined> = { ...v.facets, pattern: v.facets.pattern };
    delete facets.whiteSpace;
    delete facets.totalDigits;
    delete facets.fractionDigits;
    const has = Object.values(facets).some((x) => x !== undefined);
    return { kind: 'atomic', name, base: this.typeRef(v.base), facets: has ? facets : undefined };
  }

  private element(e: Model['elements'] extends Map<string, infer E> ? E : never): Data {
    const members = this.members.get(key(e.name));
    return {
      el: e.name.local,
      ns: this.ns(e.name.ns),
      type: this.typeRef(e.type),
      abstract: e.abstract || undefined,
      nillable: e.nillable || undefined,
      members: members ? new Thunk(members.map((m) => code(this.elementConst(m)))) : undefined,
      derived: this.derivedOf(e.type),
    };
  }

  /** Namespace URI → the prefix the writer declares for it on a document's root (`xml:` is never declared). */
  private prefixOf(): Map<string, string> {
    const out = new Map<string, string>();
    for (const ns of this.constants.keys()) {
      const prefix = this.model.prefixes.get(ns);
      if (prefix && prefix !== 'xml') out.set(ns, prefix);
    }
    return out;
  }

  private namespaces(): Data {
    const namespaces: Record<string, Data> = {};
    for (const [ns, prefix] of this.prefixOf()) namespaces[prefix] = code(this.constants.get(ns)!);
    return namespaces;
  }

  /** Each type's and global element's descriptor as data, by model key: made once, printed and made live from the same. */
  private data(): { types: Map<string, Data>; elements: Map<string, Data> } {
    if (!this.made) {
      const types = new Map<string, Data>();
      for (const [k, t] of this.model.types) types.set(k, t.kind === 'complex' ? this.complex(t) : this.simple(t));
      const elements = new Map<string, Data>();
      for (const [k, e] of this.model.elements) elements.set(k, this.element(e));
      this.made = { types, elements };
    }
    return this.made;
  }

  /** How a type is named in the module's comments: its prefixed name, or an anonymous type's identifier. */
  private shown(t: SchemaType): string {
    return t.anonymous ? this.symbols.name(t.name) : this.elementKey(t.name);
  }

  render(source: string): string {
    const typeNames = [...this.model.types.values()].map((t) => this.symbols.name(t.name));
    const writerModule = new WritersModule(
      this.model,
      this.constants,
      this.prefixOf(),
      {
        name: (q) => this.symbols.name(q),
        type: (q) => this.typeConst(q),
        derived: (q) => {
          const name = this.derivedConst(q);
          if (name) this.derivedUsed.add(name);
          return name;
        },
        namespaces: 'NAMESPACES',
        iface: (q) => this.ctx.ref(q),
      },
      [...typeNames, ...this.constants.values(), ...this.elementConsts.values(), 'NAMESPACES', 'schema', 'compiled'],
    );
    const writers = writerModule.render();
    const decl = (name: string, type: string, data: Data) => {
      const lead = `export const ${name}: ${type} = `;
      return `${lead}${printData(data, 0, lead.length, 1)};`;
    };
    const elementDecl = (name: string, valueType: string, data: Data) =>
      annotatedConst(name, 'GlobalElementDesc', [valueType], (indent, lead) => printData(data, indent, lead, 1));
    const descriptors = this.data();
    const simple: string[] = [];
    const complex: string[] = [];
    for (const [k, t] of this.model.types) {
      const doc = `/** ${this.shown(t)} */\n`;
      if (t.kind === 'simple') {
        simple.push(doc + decl(this.typeConst(t.name), 'SimpleDesc', descriptors.types.get(k)!));
        continue;
      }
      const writer = writerModule.writerName(t.name);
      const data = { ...(descriptors.types.get(k) as Record<string, Data | undefined>), write: writer ? code(writer) : undefined };
      complex.push([doc + decl(this.typeConst(t.name), 'ComplexDesc', data), ...(writers.functions.get(k) ?? [])].join('\n\n'));
    }
    const derived: string[] = [];
    for (const t of this.model.types.values()) {
      const name = this.derivedConst(t.name);
      if (!name || !this.derivedUsed.has(name)) continue;
      const list = allDerived(this.model, t.name).map((d) => this.typeConst(d));
      const lead = '  return ';
      derived.push(`/** The types derived from ${this.shown(t)}, which \`xsi:type\` may name in its place. */\nfunction ${name}(): readonly ComplexDesc[] {\n${lead}${printData(list.map(code), 2, lead.length, 1)};\n}`);
    }
    const elements: string[] = [];
    const index: Record<string, Data> = {};
    for (const [k, e] of this.model.elements) {
      elements.push(`/** ${this.elementKey(e.name)}, the element */\n` + elementDecl(this.elementConst(e.name), this.ctx.typeOf(e.type), descriptors.elements.get(k)!));
      index[this.elementKey(e.name)] = code(this.elementConst(e.name));
    }
    const types: Record<string, Data> = {};
    for (const t of this.model.types.values()) types[this.symbols.name(t.name)] = code(this.typeConst(t.name));
    const constants = [...this.constants].map(([ns, name]) => `const ${name} = ${literal(ns)};`).join('\n');
    const enums = this.enumImports.size ? importNames([...this.enumImports].sort(), './enums.js') : '';
    const runtimeTypes = ['ComplexDesc', 'GlobalElementDesc', 'Namespaces', 'Schema', ...(simple.length ? ['SimpleDesc'] : [])];
    const helpers = writers.helpers.length
      ? importNames([...writers.helpers, 'type Tag', 'type XmlBytes'], '../runtime/type-writers.js')
      : '';
    // A name imported as a value (an enumeration's array) brings its type with it.
    const interfaces = [...this.imports.keys()].sort().flatMap((from) => {
      const names = [...this.imports.get(from)!].filter((n) => !(from === 'enums' && this.enumImports.has(n))).sort();
      return names.length ? [importType(names, `./${from}.js`)] : [];
    });
    const sections = [
      constants,
      `/** The prefixes the writer declares on a document's root. */\nexport const NAMESPACES: Namespaces = ${printData(this.namespaces(), 0, 'export const NAMESPACES: Namespaces = '.length, 1)};`,
      ...simple,
      ...writers.codecs.length ? [writers.codecs.join('\n')] : [],
      ...writers.tags.length ? [writers.tags.join('\n')] : [],
      ...complex,
      ...derived,
      ...elements,
      `/** Every type and global element of the schema: for tools that walk them all. */\nexport const schema: Schema = ${printData({ namespaces: code('NAMESPACES'), types, elements: index }, 0, 'export const schema: Schema = '.length, 1)};`,
      `/** The whole schema made ready to read and write any of its elements (an operation's classes need only their own). */\nexport const compiled = /* @__PURE__ */ new CompiledSchema(schema);`,
    ];
    return `// Generated by ews-codegen from ${source}. Do not edit.
${NO_CHECK}
import { CompiledSchema } from '../runtime/compile.js';
${importNames(runtimeTypes, '../runtime/schema.js', true)}${helpers}${enums}${interfaces.join('')}
${sections.filter(Boolean).join('\n\n')}
`;
  }
}
