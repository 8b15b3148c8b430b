// Over 400 lines: the resolution of every schema construct into the model (types, groups,
// attribute groups, anonymous types, operations) shares one set of globals and one error path;
// what can be decided once the model exists is a pass of its own (passes/).
import { formatPos, SchemaError, type SourcePos } from '../errors.js';
import { key, prefixed, qname, type QName } from '../qname.js';
import type { SchemaSet } from '../read/read-schema-set.js';
import { XML_NS } from '../read/xml-node.js';
import { XS_NS } from '../read/xsd-constructs.js';
import type {
  RawAnyAttribute,
  RawAttribute,
  RawAttributeGroup,
  RawAttributeUse,
  RawComplexType,
  RawElement,
  RawGroup,
  RawGroupRef,
  RawModelGroup,
  RawParticle,
  RawSchema,
  RawSimpleType,
} from '../read/xsd-nodes.js';
import { isXsdBuiltin, XML_ATTRIBUTES } from './builtins.js';
import type {
  AnonymousOrigin,
  AnyAttribute,
  Attribute,
  ComplexType,
  ElementDecl,
  Group,
  Model,
  Particle,
  SchemaType,
  SimpleType,
  TypeRef,
} from './model.js';
import { buildOperations } from './operations.js';
import { runPasses } from './passes/index.js';

/** Global declarations of every schema, by `key(name)`. */
interface Globals {
  complexTypes: Map<string, RawComplexType>;
  simpleTypes: Map<string, RawSimpleType>;
  elements: Map<string, RawElement>;
  groups: Map<string, RawGroup>;
  attributeGroups: Map<string, RawAttributeGroup>;
  attributes: Map<string, RawAttribute>;
}

/** Where an anonymous type sits: its owner and the path below it. */
interface Scope {
  owner: QName;
  ownerIsElement: boolean;
  path: string[];
}

/**
 * The synthetic local name of an anonymous type: `Owner/Child/…` below a named type,
 * `<Element>/…` below a global element. `/`, `<`, `>`, `@` and `#` never occur in schema names,
 * so these cannot clash with a declared type; the emitter's symbol table turns them into identifiers.
 */
function anonymousLocal(scope: Scope): string {
  const owner = scope.ownerIsElement ? `<${scope.owner.local}>` : scope.owner.local;
  return owner + scope.path.map((p) => '/' + p).join('');
}

/** Adds a global declaration to its map (or, with `store` false, only checks the name is free there). */
function declare<T extends { name?: QName; at: SourcePos }>(
  map: Map<string, T>,
  decl: T,
  what: string,
  show: (q: QName) => string,
  store = true,
): void {
  const name = decl.name as QName;
  const k = key(name);
  const prior = map.get(k);
  if (prior) {
    throw new SchemaError(`${what} ${show(name)} is declared twice (first at ${formatPos(prior.at)})`, decl.at);
  }
  if (store) map.set(k, decl);
}

/**
 * Turns the raw declarations of a schema set into the resolved Model: every reference followed,
 * groups and attribute groups expanded, anonymous types given a synthetic key, substitution groups
 * and derivations indexed, operations joined from port type and binding. `forEmit` false: a model
 * only compared (diff, the published sets), without what only the emitters read (passes/index.ts).
 */
export function buildModel(set: SchemaSet, forEmit = true): Model {
  return new ModelBuilder(set).build(forEmit);
}

class ModelBuilder {
  private readonly globals: Globals = {
    complexTypes: new Map(),
    simpleTypes: new Map(),
    elements: new Map(),
    groups: new Map(),
    attributeGroups: new Map(),
    attributes: new Map(),
  };
  private readonly prefixes = new Map<string, string>([[XS_NS, 'xs'], [XML_NS, 'xml']]);
  private readonly types = new Map<string, SchemaType>();
  private readonly elements = new Map<string, ElementDecl>();
  /** Anonymous types met while converting the current global; they follow it in `types`. */
  private pending: SchemaType[] = [];
  /** Groups being expanded, to refuse a group that contains itself. */
  private readonly expanding: string[] = [];
  private currentSchema: RawSchema | undefined;

  constructor(private readonly set: SchemaSet) {}

  build(forEmit: boolean): Model {
    const show = (q: QName) => this.show(q);
    // For each namespace, the shortest prefix any schema declares for it (then alphabetical):
    // `m` rather than `tns` for the messages namespace.
    for (const s of this.set.schemas) {
      for (const [prefix, ns] of Object.entries(s.prefixes)) {
        const prior = this.prefixes.get(ns);
        if (prefix === '' || ns === XS_NS || ns === XML_NS) continue;
        if (prior === undefined || prefix.length < prior.length || (prefix.length === prior.length && prefix < prior)) this.prefixes.set(ns, prefix);
      }
    }
    for (const s of this.set.schemas) {
      // Complex and simple types share one symbol space: check each against both maps.
      for (const t of s.complexTypes) {
        declare(this.globals.simpleTypes, t as never, 'type', show, false);
        declare(this.globals.complexTypes, t, 'type', show);
      }
      for (const t of s.simpleTypes) {
        declare(this.globals.complexTypes, t as never, 'type', show, false);
        declare(this.globals.simpleTypes, t, 'type', show);
      }
      for (const e of s.elements) declare(this.globals.elements, e, 'element', show);
      for (const g of s.groups) declare(this.globals.groups, g, 'group', show);
      for (const g of s.attributeGroups) declare(this.globals.attributeGroups, g, 'attribute group', show);
      for (const a of s.attributes) declare(this.globals.attributes, a, 'attribute', show);
    }
    for (const s of this.set.schemas) {
      this.currentSchema = s;
      for (const t of s.simpleTypes) this.add(this.simpleType(t, this.typeScope(t.name as QName)));
      for (const t of s.complexTypes) this.add(this.complexType(t, this.typeScope(t.name as QName)));
      for (const e of s.elements) {
        const decl = this.globalElement(e);
        this.elements.set(key(decl.name), decl);
        this.flush();
      }
    }
    const model: Model = {
      types: this.types,
      elements: this.elements,
      substitutes: new Map(),
      derived: new Map(),
      shapes: new Map(),
      effective: new Map(),
      streams: new Map(),
      requestTypes: new Set(),
      operations: this.set.wsdl ? buildOperations(this.set.wsdl, this.elements, (q) => this.show(q)) : [],
      prefixes: this.prefixes,
      files: this.set.files,
      source: { root: this.set.files[0] ?? '' },
    };
    const version = this.set.schemas.find((s) => s.version !== undefined)?.version;
    if (version !== undefined) model.source.version = version;
    runPasses(model, (q) => this.show(q), forEmit);
    return model;
  }

  /** `t:ItemType`, with the prefix the schemas declare, for messages. */
  show(q: QName): string {
    return prefixed(this.prefixes, q);
  }

  private add(t: SchemaType): void {
    this.types.set(key(t.name), t);
    this.flush();
  }

  private flush(): void {
    for (const a of this.pending) this.types.set(key(a.name), a);
    this.pending = [];
  }

  private typeScope(name: QName): Scope {
    return { owner: name, ownerIsElement: false, path: [] };
  }

  private anonymousName(scope: Scope): { name: QName; anonymous: AnonymousOrigin } {
    return {
      name: qname(scope.owner.ns, anonymousLocal(scope)),
      anonymous: { owner: scope.owner, path: scope.path },
    };
  }

  // ---- references ---------------------------------------------------------------------------

  private typeRef(q: QName, at: SourcePos): TypeRef {
    if (q.ns === XS_NS) {
      if (!isXsdBuiltin(q.local)) throw new SchemaError(`unknown built-in type xs:${q.local}`, at);
      return { kind: 'builtin', name: q.local };
    }
    const k = key(q);
    if (!this.globals.complexTypes.has(k) && !this.globals.simpleTypes.has(k)) {
      throw new SchemaError(`unknown type ${this.show(q)}`, at);
    }
    return { kind: 'ref', name: q };
  }

  private simpleTypeRef(q: QName, at: SourcePos, role: string): TypeRef {
    const ref = this.typeRef(q, at);
    if (ref.kind === 'ref' && this.globals.complexTypes.has(key(q))) {
      throw new SchemaError(`${role} ${this.show(q)} is a complex type; a simple type is needed here`, at);
    }
    if (ref.kind === 'builtin' && ref.name === 'anyType') {
      throw new SchemaError(`${role} xs:anyType is not a simple type`, at);
    }
    return ref;
  }

  private isComplex(q: QName): boolean {
    return q.ns !== XS_NS && this.globals.complexTypes.has(key(q));
  }

  // ---- simple types -------------------------------------------------------------------------

  private simpleType(raw: RawSimpleType, scope: Scope): SimpleType {
    const id = raw.name ? { name: raw.name } : this.anonymousName(scope);
    const v = raw.variety;
    let variety: SimpleType['variety'];
    if (v.kind === 'restriction') {
      const base = v.base
        ? this.simpleTypeRef(v.base, raw.at, 'restriction base')
        : this.inlineSimple(v.inlineBase as RawSimpleType, scope, '#base');
      const { enumeration, ...facets } = v.facets;
      variety = { kind: 'atomic', base, facets };
      if (enumeration) variety.enumeration = enumeration;
    } else if (v.kind === 'list') {
      variety = {
        kind: 'list',
        itemType: v.itemType ? this.simpleTypeRef(v.itemType, raw.at, 'list item type') : this.inlineSimple(v.inlineItem as RawSimpleType, scope, '#item'),
      };
    } else {
      variety = {
        kind: 'union',
        memberTypes: [
          ...v.memberTypes.map((m) => this.simpleTypeRef(m, raw.at, 'union member')),
          ...v.inlineMembers.map((m, i) => this.inlineSimple(m, scope, `#member${i + 1}`)),
        ],
      };
    }
    const st: SimpleType = { kind: 'simple', ...id, variety, at: raw.at };
    if (raw.doc !== undefined) st.doc = raw.doc;
    return st;
  }

  private inlineSimple(raw: RawSimpleType, scope: Scope, segment: string): TypeRef {
    const inner = { ...scope, path: [...scope.path, segment] };
    const st = this.simpleType(raw, inner);
    this.pending.push(st);
    return { kind: 'ref', name: st.name };
  }

  // ---- complex types ------------------------------------------------------------------------

  private complexType(raw: RawComplexType, scope: Scope): ComplexType {
    const id = raw.name ? { name: raw.name } : this.anonymousName(scope);
    const ct: ComplexType = { kind: 'complex', ...id, abstract: raw.abstract, mixed: raw.mixed, attributes: [], at: raw.at };
    if (raw.doc !== undefined) ct.doc = raw.doc;
    const c = raw.content;
    switch (c.kind) {
      case 'particles':
        if (c.particle) ct.content = this.modelGroupOrRef(c.particle, scope);
        break;
      case 'complexExtension':
      case 'complexRestriction':
        if (!(c.base.ns === XS_NS && c.base.local === 'anyType')) {
          this.typeRef(c.base, c.at);
          if (!this.isComplex(c.base)) {
            throw new SchemaError(`complexContent cannot derive from the simple type ${this.show(c.base)}`, c.at);
          }
          ct.base = c.base;
          ct.derivation = c.kind === 'complexExtension' ? 'extension' : 'restriction';
        }
        if (c.particle) ct.content = this.modelGroupOrRef(c.particle, scope);
        break;
      case 'simpleExtension': {
        const base = this.typeRef(c.base, c.at);
        if (base.kind === 'ref' && this.isComplex(c.base)) {
          ct.base = c.base;
          ct.derivation = 'extension';
          ct.simpleContent = true;
        } else {
          ct.text = base;
        }
        break;
      }
      case 'simpleRestriction': {
        this.typeRef(c.base, c.at);
        if (!this.isComplex(c.base)) {
          throw new SchemaError(`simpleContent restriction needs a complex base, not ${this.show(c.base)}`, c.at);
        }
        ct.base = c.base;
        ct.derivation = 'restriction';
        ct.simpleContent = true;
        const { enumeration, ...facets } = c.facets;
        if (enumeration || Object.keys(facets).length) {
          // The restricted text type: an anonymous simple type whose base is filled in once the
          // base's text type is known (the inherited-text pass).
          const st: SimpleType = {
            kind: 'simple',
            ...this.anonymousName({ ...scope, path: [...scope.path, '#text'] }),
            variety: { kind: 'atomic', base: { kind: 'builtin', name: 'anySimpleType' }, facets, ...(enumeration ? { enumeration } : {}) },
            at: c.at,
          };
          this.pending.push(st);
          ct.text = { kind: 'ref', name: st.name };
        }
        break;
      }
    }
    const { attributes, anyAttribute } = this.attributes(raw.attributes, raw.anyAttribute, scope, []);
    ct.attributes = attributes;
    if (anyAttribute) ct.anyAttribute = anyAttribute;
    return ct;
  }

  private modelGroupOrRef(p: RawModelGroup | RawGroupRef, scope: Scope): Group {
    return p.kind === 'groupRef' ? this.groupRef(p, scope) : this.modelGroup(p, scope);
  }

  private modelGroup(raw: RawModelGroup, scope: Scope): Group {
    return { kind: raw.kind, min: raw.min, max: raw.max, items: raw.items.map((p) => this.particle(p, scope)), at: raw.at };
  }

  private groupRef(ref: RawGroupRef, scope: Scope): Group {
    const k = key(ref.ref);
    const group = this.globals.groups.get(k);
    if (!group) throw new SchemaError(`unknown group ${this.show(ref.ref)}`, ref.at);
    if (this.expanding.includes(k)) throw new SchemaError(`group ${this.show(ref.ref)} contains itself`, ref.at);
    this.expanding.push(k);
    const inner = this.modelGroup(group.particle, scope);
    this.expanding.pop();
    return { ...inner, min: ref.min, max: ref.max, from: ref.ref, at: ref.at };
  }

  private particle(p: RawParticle, scope: Scope): Particle {
    switch (p.kind) {
      case 'element':
        return this.localElement(p, scope);
      case 'groupRef':
        return this.groupRef(p, scope);
      case 'any':
        return {
          kind: 'any',
          namespace: p.namespace,
          processContents: p.processContents,
          targetNamespace: this.currentSchema?.targetNamespace ?? '',
          min: p.min,
          max: p.max,
          at: p.at,
        };
      default:
        return this.modelGroup(p, scope);
    }
  }

  private elementType(raw: RawElement, scope: Scope): TypeRef {
    if (raw.type) return this.typeRef(raw.type, raw.at);
    if (raw.inlineType) {
      const t = raw.inlineType.kind === 'complexType' ? this.complexType(raw.inlineType, scope) : this.simpleType(raw.inlineType, scope);
      this.pending.push(t);
      return { kind: 'ref', name: t.name };
    }
    return { kind: 'builtin', name: 'anyType' };
  }

  private localElement(raw: RawElement, scope: Scope): Particle {
    if (raw.ref) {
      const global = this.globals.elements.get(key(raw.ref));
      if (!global) throw new SchemaError(`unknown element ${this.show(raw.ref)}`, raw.at);
      const type = global.type
        ? this.typeRef(global.type, global.at)
        : global.inlineType
          ? { kind: 'ref' as const, name: this.anonymousName({ owner: raw.ref, ownerIsElement: true, path: [] }).name }
          : { kind: 'builtin' as const, name: 'anyType' as const };
      return withDoc({ kind: 'element', name: raw.ref, type, nillable: global.nillable, global: true, min: raw.min, max: raw.max, at: raw.at }, raw.doc ?? global.doc);
    }
    const name = raw.name as QName;
    const type = this.elementType(raw, { ...scope, path: [...scope.path, name.local] });
    const field = withDoc({ kind: 'element' as const, name, type, nillable: raw.nillable, global: false, min: raw.min, max: raw.max, at: raw.at }, raw.doc);
    return withValueConstraint(field, raw);
  }

  private globalElement(raw: RawElement): ElementDecl {
    const name = raw.name as QName;
    const type = this.elementType(raw, { owner: name, ownerIsElement: true, path: [] });
    const decl: ElementDecl = withDoc({ name, type, abstract: raw.abstract, nillable: raw.nillable, at: raw.at }, raw.doc);
    if (raw.substitutionGroup) {
      if (!this.globals.elements.has(key(raw.substitutionGroup))) {
        throw new SchemaError(`unknown substitution group head ${this.show(raw.substitutionGroup)}`, raw.at);
      }
      decl.substitutionGroup = raw.substitutionGroup;
    }
    return withValueConstraint(decl, raw);
  }

  // ---- attributes ---------------------------------------------------------------------------

  private attributes(
    uses: RawAttributeUse[],
    rawAny: RawAnyAttribute | undefined,
    scope: Scope,
    groupChain: string[],
  ): { attributes: Attribute[]; anyAttribute?: AnyAttribute } {
    const attributes: Attribute[] = [];
    let anyAttribute: AnyAttribute | undefined = rawAny && { namespace: rawAny.namespace, processContents: rawAny.processContents, at: rawAny.at };
    const push = (a: Attribute) => {
      const dup = attributes.find((x) => x.name.ns === a.name.ns && x.name.local === a.name.local);
      if (dup) throw new SchemaError(`attribute ${this.show(a.name)} is declared twice in one type`, a.at);
      attributes.push(a);
    };
    for (const use of uses) {
      if (use.kind === 'attributeGroupRef') {
        const k = key(use.ref);
        const group = this.globals.attributeGroups.get(k);
        if (!group) throw new SchemaError(`unknown attribute group ${this.show(use.ref)}`, use.at);
        if (groupChain.includes(k)) throw new SchemaError(`attribute group ${this.show(use.ref)} contains itself`, use.at);
        const inner = this.attributes(group.attributes, group.anyAttribute, scope, [...groupChain, k]);
        inner.attributes.forEach(push);
        anyAttribute ??= inner.anyAttribute;
      } else {
        push(this.attribute(use, scope));
      }
    }
    return anyAttribute ? { attributes, anyAttribute } : { attributes };
  }

  private attribute(raw: RawAttribute, scope: Scope): Attribute {
    let name: QName;
    let type: TypeRef;
    let doc = raw.doc;
    let defaults: RawAttribute = raw;
    if (raw.ref) {
      name = raw.ref;
      if (raw.ref.ns === XML_NS) {
        const builtin = XML_ATTRIBUTES[raw.ref.local];
        if (!builtin) throw new SchemaError(`unknown attribute xml:${raw.ref.local}`, raw.at);
        type = { kind: 'builtin', name: builtin };
      } else {
        const global = this.globals.attributes.get(key(raw.ref));
        if (!global) throw new SchemaError(`unknown attribute ${this.show(raw.ref)}`, raw.at);
        type = this.attributeType(global, { owner: raw.ref, ownerIsElement: false, path: ['@'] });
        doc ??= global.doc;
        if (raw.default === undefined && raw.fixed === undefined) defaults = global;
      }
    } else {
      name = raw.name as QName;
      type = this.attributeType(raw, { ...scope, path: [...scope.path, '@' + name.local] });
    }
    const attr: Attribute = withDoc({ name, type, use: raw.use, at: raw.at }, doc);
    return withValueConstraint(attr, defaults);
  }

  private attributeType(raw: RawAttribute, scope: Scope): TypeRef {
    if (raw.type) return this.simpleTypeRef(raw.type, raw.at, 'attribute type');
    if (raw.inlineType) {
      const st = this.simpleType(raw.inlineType, scope);
      this.pending.push(st);
      return { kind: 'ref', name: st.name };
    }
    return { kind: 'builtin', name: 'anySimpleType' };
  }
}

function withDoc<T extends object>(value: T, doc: string | undefined): T & { doc?: string } {
  return doc === undefined ? value : { ...value, doc };
}

function withValueConstraint<T extends object>(value: T, raw: { default?: string; fixed?: string }): T & { default?: string; fixed?: string } {
  const out: T & { default?: string; fixed?: string } = value;
  if (raw.default !== undefined) out.default = raw.default;
  if (raw.fixed !== undefined) out.fixed = raw.fixed;
  return out;
}
