// Slightly over 400 lines: one reader per XSD construct, sharing the node helpers at the top.
import { SchemaError } from '../errors.js';
import { qname } from '../qname.js';
import type { XmlNode } from './xml-node.js';
import { checkConstructs, XS_NS } from './xsd-constructs.js';
import type {
  Occurs,
  QName,
  RawAnyAttribute,
  RawAttribute,
  RawAttributeUse,
  RawComplexType,
  RawElement,
  RawFacets,
  RawGroupRef,
  RawModelGroup,
  RawParticle,
  RawSchema,
  RawSimpleType,
} from './xsd-nodes.js';

/** Resolves `prefix:local` (or `local`, in the default namespace) with the node's in-scope prefixes. */
export function resolveQName(node: XmlNode, value: string): QName {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const local = value.slice(colon + 1).trim();
  const ns = node.scope[prefix];
  if (ns === undefined) {
    if (prefix === '') return qname('', local);
    throw new SchemaError(`unknown namespace prefix "${prefix}" in "${value}"`, node.at);
  }
  return qname(ns, local);
}

/** The text of `xs:annotation/xs:documentation`, lines trimmed, blank lines dropped. */
export function documentationOf(node: XmlNode, docLocal = 'documentation'): string | undefined {
  const parts: string[] = [];
  // Indexed: asked of nearly every element, in unoptimized code, where for…of allocates a result per step.
  for (let i = 0; i < node.children.length; i++) {
    const ann = node.children[i]!;
    if (ann.local !== 'annotation' || ann.ns !== XS_NS) continue;
    for (const d of ann.children) {
      if (d.local !== docLocal) continue;
      const lines = d.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
      if (lines.length) parts.push(lines.join('\n'));
    }
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

function xsChildren(node: XmlNode): XmlNode[] {
  return node.children.filter((c) => c.ns === XS_NS && c.local !== 'annotation');
}

function bool(node: XmlNode, attr: string): boolean {
  const v = node.attrs[attr];
  if (v === undefined) return false;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new SchemaError(`${attr}="${v}" is not a boolean`, node.at);
}

function nonNegative(node: XmlNode, attr: string, value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new SchemaError(`${attr}="${value}" is not a non-negative integer`, node.at);
  return Number(value);
}

function occurs(node: XmlNode): Occurs {
  const minText = node.attrs.minOccurs;
  const maxText = node.attrs.maxOccurs?.trim();
  const min = minText === undefined ? 1 : nonNegative(node, 'minOccurs', minText);
  const max = maxText === undefined ? 1 : maxText === 'unbounded' ? 'unbounded' : nonNegative(node, 'maxOccurs', maxText);
  if (max !== 'unbounded' && max < min) {
    throw new SchemaError(`maxOccurs (${max}) is less than minOccurs (${min})`, node.at);
  }
  return { min, max };
}

function processContents(node: XmlNode): 'strict' | 'lax' | 'skip' {
  const v = node.attrs.processContents ?? 'strict';
  if (v === 'strict' || v === 'lax' || v === 'skip') return v;
  throw new SchemaError(`processContents="${v}" is not strict, lax or skip`, node.at);
}


/** Reads one `xs:schema` element into raw declarations. `file` names the document it came from. */
export class XsdReader {
  private readonly targetNamespace: string;
  private readonly elementsQualified: boolean;
  private readonly attributesQualified: boolean;

  /** `documentation` false: a set only compared (diff, the published sets) leaves the xs:documentation text out. */
  constructor(
    private readonly schema: XmlNode,
    private readonly documentation = true,
  ) {
    this.targetNamespace = schema.attrs.targetNamespace ?? '';
    this.elementsQualified = schema.attrs.elementFormDefault === 'qualified';
    this.attributesQualified = schema.attrs.attributeFormDefault === 'qualified';
  }

  private withDoc<T extends object>(value: T, node: XmlNode): T & { doc?: string } {
    const doc = this.documentation ? documentationOf(node) : undefined;
    return doc === undefined ? value : { ...value, doc };
  }

  read(): RawSchema {
    checkConstructs(this.schema);
    const out: RawSchema = {
      file: this.schema.at.file,
      targetNamespace: this.targetNamespace,
      prefixes: this.schema.scope,
      at: this.schema.at,
      imports: [],
      elements: [],
      complexTypes: [],
      simpleTypes: [],
      groups: [],
      attributeGroups: [],
      attributes: [],
    };
    if (this.schema.attrs.version !== undefined) out.version = this.schema.attrs.version;
    for (const node of xsChildren(this.schema)) {
      switch (node.local) {
        case 'import':
        case 'include': {
          const imp: RawSchema['imports'][number] = { kind: node.local, at: node.at };
          if (node.attrs.namespace !== undefined) imp.namespace = node.attrs.namespace;
          if (node.attrs.schemaLocation !== undefined) imp.location = node.attrs.schemaLocation;
          out.imports.push(imp);
          break;
        }
        case 'element':
          out.elements.push(this.element(node, true));
          break;
        case 'complexType':
          out.complexTypes.push(this.complexType(node, true));
          break;
        case 'simpleType':
          out.simpleTypes.push(this.simpleType(node, true));
          break;
        case 'group': {
          const [particle] = xsChildren(node);
          if (!particle) throw new SchemaError(`xs:group "${node.attrs.name}" has no content`, node.at);
          out.groups.push(this.withDoc({ name: this.globalName(node), particle: this.modelGroup(particle), at: node.at }, node));
          break;
        }
        case 'attributeGroup': {
          const { attributes, anyAttribute } = this.attributeUses(node);
          const group = this.withDoc({ name: this.globalName(node), attributes, at: node.at }, node);
          out.attributeGroups.push(anyAttribute ? { ...group, anyAttribute } : group);
          break;
        }
        case 'attribute':
          out.attributes.push(this.attribute(node, true));
          break;
      }
    }
    return out;
  }

  private globalName(node: XmlNode): QName {
    const name = node.attrs.name;
    if (!name) throw new SchemaError(`a global xs:${node.local} needs a name`, node.at);
    return qname(this.targetNamespace, name);
  }

  private localName(node: XmlNode, qualifiedByDefault: boolean): QName {
    const name = node.attrs.name as string;
    const form = node.attrs.form;
    const qualified = form === undefined ? qualifiedByDefault : form === 'qualified';
    return qname(qualified ? this.targetNamespace : '', name);
  }

  private qname(node: XmlNode, attr: string): QName | undefined {
    const v = node.attrs[attr];
    return v === undefined ? undefined : resolveQName(node, v);
  }

  element(node: XmlNode, global: boolean): RawElement {
    const hasName = node.attrs.name !== undefined;
    const ref = this.qname(node, 'ref');
    if (hasName === (ref !== undefined)) {
      throw new SchemaError('xs:element needs exactly one of name and ref', node.at);
    }
    if (global && ref) throw new SchemaError('a global xs:element cannot use ref', node.at);
    if (global && (node.attrs.minOccurs !== undefined || node.attrs.maxOccurs !== undefined)) {
      throw new SchemaError('a global xs:element cannot have minOccurs or maxOccurs', node.at);
    }
    const el: RawElement = this.withDoc(
      {
        kind: 'element',
        ...occurs(node),
        nillable: bool(node, 'nillable'),
        abstract: bool(node, 'abstract'),
        at: node.at,
      },
      node,
    );
    if (hasName) el.name = global ? this.globalName(node) : this.localName(node, this.elementsQualified);
    if (ref) el.ref = ref;
    const type = this.qname(node, 'type');
    const inline = xsChildren(node)[0];
    if (type && inline) throw new SchemaError('xs:element has both a type attribute and an inline type', node.at);
    if (ref && (type || inline)) throw new SchemaError('xs:element with ref cannot declare a type', node.at);
    if (type) el.type = type;
    if (inline) el.inlineType = inline.local === 'complexType' ? this.complexType(inline, false) : this.simpleType(inline, false);
    const sg = this.qname(node, 'substitutionGroup');
    if (sg) {
      if (!global) throw new SchemaError('only a global xs:element can have a substitutionGroup', node.at);
      el.substitutionGroup = sg;
    }
    if (node.attrs.default !== undefined) el.default = node.attrs.default;
    if (node.attrs.fixed !== undefined) el.fixed = node.attrs.fixed;
    return el;
  }

  complexType(node: XmlNode, global: boolean): RawComplexType {
    if (global !== (node.attrs.name !== undefined)) {
      throw new SchemaError(global ? 'a global xs:complexType needs a name' : 'a local xs:complexType cannot have a name', node.at);
    }
    const children = xsChildren(node);
    const contentNode = children.find((c) => c.local === 'complexContent' || c.local === 'simpleContent');
    const ct: RawComplexType = this.withDoc(
      {
        kind: 'complexType',
        abstract: bool(node, 'abstract'),
        mixed: bool(node, 'mixed'),
        content: { kind: 'particles' },
        attributes: [],
        at: node.at,
      },
      node,
    );
    if (global) ct.name = this.globalName(node);
    if (contentNode) {
      if (children.length > 1) throw new SchemaError(`xs:${contentNode.local} must be the only content of xs:complexType`, contentNode.at);
      const [derivation, ...rest] = xsChildren(contentNode);
      if (!derivation || rest.length) {
        throw new SchemaError(`xs:${contentNode.local} needs exactly one xs:extension or xs:restriction`, contentNode.at);
      }
      const base = this.qname(derivation, 'base');
      if (!base) throw new SchemaError(`xs:${derivation.local} needs a base`, derivation.at);
      if (contentNode.attrs.mixed !== undefined) ct.mixed = bool(contentNode, 'mixed');
      const uses = this.attributeUses(derivation);
      ct.attributes = uses.attributes;
      if (uses.anyAttribute) ct.anyAttribute = uses.anyAttribute;
      if (contentNode.local === 'complexContent') {
        const particle = this.particleOf(derivation);
        ct.content = {
          kind: derivation.local === 'extension' ? 'complexExtension' : 'complexRestriction',
          base,
          at: derivation.at,
          ...(particle ? { particle } : {}),
        };
      } else if (derivation.local === 'extension') {
        ct.content = { kind: 'simpleExtension', base, at: derivation.at };
      } else {
        ct.content = { kind: 'simpleRestriction', base, facets: this.facets(derivation), at: derivation.at };
      }
    } else {
      const particle = this.particleOf(node);
      if (particle) ct.content = { kind: 'particles', particle };
      const uses = this.attributeUses(node);
      ct.attributes = uses.attributes;
      if (uses.anyAttribute) ct.anyAttribute = uses.anyAttribute;
    }
    return ct;
  }

  /** The single content-model child (sequence, choice, all or group ref) of a type or derivation. */
  private particleOf(node: XmlNode): RawModelGroup | RawGroupRef | undefined {
    const groups = xsChildren(node).filter((c) => ['sequence', 'choice', 'all', 'group'].includes(c.local));
    if (groups.length > 1) throw new SchemaError('more than one content model', groups[1]!.at);
    const g = groups[0];
    if (!g) return undefined;
    return g.local === 'group' ? this.groupRef(g) : this.modelGroup(g);
  }

  private groupRef(node: XmlNode): RawGroupRef {
    const ref = this.qname(node, 'ref');
    if (!ref) throw new SchemaError('xs:group needs ref here', node.at);
    return { kind: 'groupRef', ref, ...occurs(node), at: node.at };
  }

  modelGroup(node: XmlNode): RawModelGroup {
    const kind = node.local as RawModelGroup['kind'];
    const items: RawParticle[] = xsChildren(node).map((c): RawParticle => {
      switch (c.local) {
        case 'element':
          return this.element(c, false);
        case 'group':
          return this.groupRef(c);
        case 'any':
          return {
            kind: 'any',
            namespace: c.attrs.namespace ?? '##any',
            processContents: processContents(c),
            ...occurs(c),
            at: c.at,
          };
        default:
          return this.modelGroup(c);
      }
    });
    return this.withDoc({ kind, ...occurs(node), items, at: node.at }, node);
  }

  private attributeUses(node: XmlNode): { attributes: RawAttributeUse[]; anyAttribute?: RawAnyAttribute } {
    const attributes: RawAttributeUse[] = [];
    let anyAttribute: RawAnyAttribute | undefined;
    for (const c of xsChildren(node)) {
      if (c.local === 'attribute') attributes.push(this.attribute(c, false));
      else if (c.local === 'attributeGroup') {
        const ref = this.qname(c, 'ref');
        if (!ref) throw new SchemaError('xs:attributeGroup needs ref here', c.at);
        attributes.push({ kind: 'attributeGroupRef', ref, at: c.at });
      } else if (c.local === 'anyAttribute') {
        anyAttribute = { namespace: c.attrs.namespace ?? '##any', processContents: processContents(c), at: c.at };
      }
    }
    return anyAttribute ? { attributes, anyAttribute } : { attributes };
  }

  attribute(node: XmlNode, global: boolean): RawAttribute {
    const hasName = node.attrs.name !== undefined;
    const ref = this.qname(node, 'ref');
    if (hasName === (ref !== undefined)) throw new SchemaError('xs:attribute needs exactly one of name and ref', node.at);
    const use = node.attrs.use ?? 'optional';
    if (use !== 'optional' && use !== 'required' && use !== 'prohibited') {
      throw new SchemaError(`use="${use}" is not optional, required or prohibited`, node.at);
    }
    const attr: RawAttribute = this.withDoc({ kind: 'attribute', use, at: node.at }, node);
    if (hasName) attr.name = global ? this.globalName(node) : this.localName(node, this.attributesQualified);
    if (ref) attr.ref = ref;
    const type = this.qname(node, 'type');
    const inline = xsChildren(node)[0];
    if (type && inline) throw new SchemaError('xs:attribute has both a type attribute and an inline type', node.at);
    if (type) attr.type = type;
    if (inline) attr.inlineType = this.simpleType(inline, false);
    if (node.attrs.default !== undefined) attr.default = node.attrs.default;
    if (node.attrs.fixed !== undefined) attr.fixed = node.attrs.fixed;
    return attr;
  }

  simpleType(node: XmlNode, global: boolean): RawSimpleType {
    if (global && node.attrs.name === undefined) throw new SchemaError('a global xs:simpleType needs a name', node.at);
    if (!global && node.attrs.name !== undefined) throw new SchemaError('a local xs:simpleType cannot have a name', node.at);
    const [v, ...rest] = xsChildren(node);
    if (!v || rest.length) throw new SchemaError('xs:simpleType needs exactly one of restriction, list, union', node.at);
    let variety: RawSimpleType['variety'];
    if (v.local === 'restriction') {
      const base = this.qname(v, 'base');
      const inlineNode = xsChildren(v).find((c) => c.local === 'simpleType');
      if (!base === !inlineNode) throw new SchemaError('xs:restriction needs a base or an inline xs:simpleType', v.at);
      variety = { kind: 'restriction', facets: this.facets(v) };
      if (base) variety.base = base;
      if (inlineNode) variety.inlineBase = this.simpleType(inlineNode, false);
    } else if (v.local === 'list') {
      const itemType = this.qname(v, 'itemType');
      const inlineNode = xsChildren(v)[0];
      if (!itemType === !inlineNode) throw new SchemaError('xs:list needs an itemType or an inline xs:simpleType', v.at);
      variety = { kind: 'list' };
      if (itemType) variety.itemType = itemType;
      if (inlineNode) variety.inlineItem = this.simpleType(inlineNode, false);
    } else {
      const memberTypes = (v.attrs.memberTypes ?? '')
        .split(/\s+/)
        .filter((s) => s !== '')
        .map((s) => resolveQName(v, s));
      const inlineMembers = xsChildren(v).map((c) => this.simpleType(c, false));
      if (!memberTypes.length && !inlineMembers.length) throw new SchemaError('xs:union has no member types', v.at);
      variety = { kind: 'union', memberTypes, inlineMembers };
    }
    const st: RawSimpleType = this.withDoc({ kind: 'simpleType', variety, at: node.at }, node);
    if (global) st.name = this.globalName(node);
    return st;
  }

  private facets(node: XmlNode): RawFacets {
    const f: RawFacets = {};
    for (const c of xsChildren(node)) {
      const value = c.attrs.value;
      if (c.local === 'simpleType' || c.local === 'attribute' || c.local === 'attributeGroup' || c.local === 'anyAttribute') continue;
      if (value === undefined) throw new SchemaError(`xs:${c.local} needs a value`, c.at);
      switch (c.local) {
        case 'enumeration': {
          const doc = this.documentation ? documentationOf(c) : undefined;
          (f.enumeration ??= []).push(doc === undefined ? { value } : { value, doc });
          break;
        }
        case 'pattern':
          (f.pattern ??= []).push(value);
          break;
        case 'length':
        case 'minLength':
        case 'maxLength':
        case 'totalDigits':
        case 'fractionDigits':
          f[c.local] = nonNegative(c, 'value', value);
          break;
        case 'minInclusive':
        case 'maxInclusive':
        case 'minExclusive':
        case 'maxExclusive':
        case 'whiteSpace':
          f[c.local] = value;
          break;
      }
    }
    return f;
  }
}
