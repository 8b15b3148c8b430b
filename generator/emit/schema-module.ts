import { prefixed, type QName } from '../qname.js';
import type { ComplexType, Model, SimpleType, TypeRef } from '../model/model.js';
import { literal } from './helpers/builtin-types.js';
import { importNames } from './helpers/layout.js';
import { Code, code, printData, type Data } from './helpers/data.js';
import type { Schema } from '../../templates/runtime/schema.js';
import { shapeOf, type GroupShape, type ParticleShape } from './helpers/shape.js';
import type { SymbolTable } from './symbols.js';

/**
 * The runtime descriptors of a schema (`<service>/schema.ts`): every type and global element as
 * data the runtime's reader and writer walk. Property names, arrays and tags come from the same
 * shapes as the interfaces, so values read always have the declared TypeScript shape.
 */
export class SchemaModule {
  /** Namespace URI → the constant the module declares for it (`T`, `M`). */
  readonly constants = new Map<string, string>();
  /** The enumerations' value arrays the descriptors use, imported from enums.ts. */
  private readonly enumImports = new Set<string>();

  constructor(
    private readonly model: Model,
    private readonly symbols: SymbolTable,
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
  }

  /** `t:Path`: how descriptors and operation specs name a global element. */
  elementKey(q: QName): string {
    return prefixed(this.model.prefixes, q);
  }

  private ns(ns: string): Data {
    return ns ? code(this.constants.get(ns)!) : '';
  }

  private typeRef(t: TypeRef): string {
    return t.kind === 'builtin' ? `xs:${t.name}` : this.symbols.name(t.name);
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
      ref: f.global && p.tagged ? this.elementKey(f.name) : undefined,
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

  private complex(t: ComplexType): Data {
    const shape = shapeOf(this.model, t);
    return {
      kind: 'complex',
      name: t.anonymous ? this.symbols.name(t.name) : t.name.local,
      ns: this.ns(t.name.ns),
      abstract: t.abstract || undefined,
      base: t.base ? this.symbols.name(t.base) : undefined,
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
      text: t.text ? this.typeRef(t.text) : undefined,
      anyAttribute: t.anyAttribute ? true : undefined,
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

  /** Every type and global element, and the prefixes, as the descriptors say them. */
  private descriptors(): { namespaces: Data; types: Data; elements: Data } {
    const types: Record<string, Data> = {};
    for (const t of this.model.types.values()) types[this.symbols.name(t.name)] = t.kind === 'complex' ? this.complex(t) : this.simple(t);
    const elements: Record<string, Data> = {};
    for (const e of this.model.elements.values()) {
      elements[this.elementKey(e.name)] = {
        el: e.name.local,
        ns: this.ns(e.name.ns),
        type: this.typeRef(e.type),
        abstract: e.abstract || undefined,
        nillable: e.nillable || undefined,
        head: e.substitutionGroup ? this.elementKey(e.substitutionGroup) : undefined,
      };
    }
    const namespaces: Record<string, Data> = {};
    for (const [ns, name] of this.constants) {
      const prefix = this.model.prefixes.get(ns);
      if (prefix && prefix !== 'xml') namespaces[prefix] = code(name);
    }
    return { namespaces, types, elements };
  }

  /** The descriptors as the runtime holds them once schema.ts is loaded: for emitters that compile the schema. */
  live(): Schema {
    const values = new Map<string, unknown>([['Infinity', Infinity]]);
    for (const [ns, name] of this.constants) values.set(name, ns);
    for (const t of this.model.types.values()) {
      if (t.kind === 'simple' && t.variety.kind === 'atomic' && t.variety.enumeration?.length)
        values.set(this.symbols.name(t.name), [...new Set(t.variety.enumeration.map((e) => e.value))]);
    }
    const resolve = (d: Data | undefined): unknown => {
      if (d instanceof Code) {
        if (!values.has(d.text)) throw new Error(`schema-module: no value for ${d.text}`);
        return values.get(d.text);
      }
      if (Array.isArray(d)) return d.map(resolve);
      if (d === null || typeof d !== 'object') return d;
      return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined).map(([k, v]) => [k, resolve(v)]));
    };
    return resolve(this.descriptors() as unknown as Data) as Schema;
  }

  render(source: string): string {
    const { namespaces, types, elements } = this.descriptors();
    const constants = [...this.constants].map(([ns, name]) => `const ${name} = ${literal(ns)};`).join('\n');
    const data = printData({ namespaces, types, elements }, 0, 'export const schema: Schema = '.length, 1);
    const enums = this.enumImports.size ? importNames([...this.enumImports].sort(), './enums.js') : '';
    return `// Generated by ews-codegen from ${source}. Do not edit.

import { CompiledSchema } from '../runtime/compile.js';
import type { Schema } from '../runtime/schema.js';
import { writers } from './writers.js';
${enums}
${constants}

/** Every type and global element of the schema, as the runtime's reader and writer walk them. */
export const schema: Schema = ${data};

/** The schema compiled for reading and writing, each type on first use. */
export const compiled = new CompiledSchema(schema, writers);
`;
  }
}
