import { SchemaError } from '../errors.js';
import { XML_NS, type XmlNode } from './xml-node.js';

export const XS_NS = 'http://www.w3.org/2001/XMLSchema';

const FACETS = [
  'enumeration',
  'pattern',
  'length',
  'minLength',
  'maxLength',
  'minInclusive',
  'maxInclusive',
  'minExclusive',
  'maxExclusive',
  'totalDigits',
  'fractionDigits',
  'whiteSpace',
];
const ATTRIBUTE_USES = ['attribute', 'attributeGroup', 'anyAttribute'];
const CONTENT_MODEL = ['sequence', 'choice', 'all', 'group'];

interface Construct {
  attrs: string[];
  children: string[];
}

/**
 * Every XSD construct the reader understands, with the attributes and children it accepts.
 * Keys are `parent>child` where the meaning depends on the parent, else the local name.
 * Anything not listed here is refused with its position: the reader never skips a construct
 * it does not model (xs:key, xs:redefine, xs:notation, … are not used by any EWS schema).
 */
const CONSTRUCTS: Record<string, Construct> = {
  schema: {
    attrs: ['targetNamespace', 'elementFormDefault', 'attributeFormDefault', 'version', 'blockDefault', 'finalDefault'],
    children: ['import', 'include', 'element', 'complexType', 'simpleType', 'group', 'attributeGroup', 'attribute'],
  },
  import: { attrs: ['namespace', 'schemaLocation'], children: [] },
  include: { attrs: ['schemaLocation'], children: [] },
  element: {
    attrs: ['name', 'ref', 'type', 'minOccurs', 'maxOccurs', 'nillable', 'abstract', 'substitutionGroup', 'default', 'fixed', 'form', 'block', 'final'],
    children: ['complexType', 'simpleType'],
  },
  complexType: {
    attrs: ['name', 'abstract', 'mixed', 'block', 'final'],
    children: [...CONTENT_MODEL, ...ATTRIBUTE_USES, 'complexContent', 'simpleContent'],
  },
  sequence: { attrs: ['minOccurs', 'maxOccurs'], children: ['element', 'sequence', 'choice', 'group', 'any'] },
  choice: { attrs: ['minOccurs', 'maxOccurs'], children: ['element', 'sequence', 'choice', 'group', 'any'] },
  all: { attrs: ['minOccurs', 'maxOccurs'], children: ['element'] },
  'schema>group': { attrs: ['name'], children: ['sequence', 'choice', 'all'] },
  group: { attrs: ['ref', 'minOccurs', 'maxOccurs'], children: [] },
  any: { attrs: ['namespace', 'processContents', 'minOccurs', 'maxOccurs'], children: [] },
  anyAttribute: { attrs: ['namespace', 'processContents'], children: [] },
  attribute: { attrs: ['name', 'ref', 'type', 'use', 'default', 'fixed', 'form'], children: ['simpleType'] },
  'schema>attributeGroup': { attrs: ['name'], children: ATTRIBUTE_USES },
  attributeGroup: { attrs: ['ref'], children: [] },
  complexContent: { attrs: ['mixed'], children: ['extension', 'restriction'] },
  simpleContent: { attrs: [], children: ['extension', 'restriction'] },
  'complexContent>extension': { attrs: ['base'], children: [...CONTENT_MODEL, ...ATTRIBUTE_USES] },
  'complexContent>restriction': { attrs: ['base'], children: [...CONTENT_MODEL, ...ATTRIBUTE_USES] },
  'simpleContent>extension': { attrs: ['base'], children: ATTRIBUTE_USES },
  'simpleContent>restriction': { attrs: ['base'], children: [...FACETS, ...ATTRIBUTE_USES] },
  simpleType: { attrs: ['name', 'final'], children: ['restriction', 'list', 'union'] },
  'simpleType>restriction': { attrs: ['base'], children: ['simpleType', ...FACETS] },
  list: { attrs: ['itemType'], children: ['simpleType'] },
  union: { attrs: ['memberTypes'], children: ['simpleType'] },
  ...Object.fromEntries(FACETS.map((f) => [f, { attrs: ['value', 'fixed'], children: [] }])),
  annotation: { attrs: [], children: ['documentation', 'appinfo'] },
  documentation: { attrs: ['source', `{${XML_NS}}lang`], children: [] },
  appinfo: { attrs: ['source'], children: [] },
};

/** Attributes and children every construct may carry. */
const ALWAYS_ATTRS = new Set(['id']);
const ALWAYS_CHILDREN = new Set(['annotation']);

/** A construct as the check uses it: its attributes, and for each child it accepts the key of that child's construct. */
interface Checked {
  attrs: ReadonlySet<string>;
  children: ReadonlyMap<string, string | undefined>;
}

/** Each construct made ready once, by its key: a child's construct is looked up once, not once per element. */
const CHECKED = new Map<string, Checked>();

function checked(key: string): Checked {
  let c = CHECKED.get(key);
  if (!c) {
    const construct = CONSTRUCTS[key]!;
    const local = key.slice(key.indexOf('>') + 1);
    const children = new Map<string, string | undefined>();
    for (const child of [...construct.children, ...ALWAYS_CHILDREN]) {
      const own = `${local}>${child}`;
      children.set(child, own in CONSTRUCTS ? own : child in CONSTRUCTS ? child : undefined);
    }
    CHECKED.set(key, (c = { attrs: new Set([...construct.attrs, ...ALWAYS_ATTRS]), children }));
  }
  return c;
}

/**
 * Checks a whole `xs:schema` subtree against CONSTRUCTS before anything is read, so that the
 * readers can trust the shape they walk. Documentation and appinfo content is free-form.
 */
export function checkConstructs(node: XmlNode): void {
  if (node.ns !== XS_NS) {
    throw new SchemaError(`unsupported construct {${node.ns}}${node.local} inside an XML Schema`, node.at);
  }
  check(node, Object.hasOwn(CONSTRUCTS, node.local) ? node.local : undefined);
}

function check(node: XmlNode, key: string | undefined): void {
  if (key === undefined) throw new SchemaError(`unsupported XML Schema construct xs:${node.local}`, node.at);
  const construct = checked(key);
  for (const attr in node.attrs) {
    if (!construct.attrs.has(attr)) throw new SchemaError(`unsupported attribute ${attr} on xs:${node.local}`, node.at);
  }
  if (node.local === 'documentation' || node.local === 'appinfo') return;
  // Indexed: the generator's short run stays in unoptimized code, where for…of allocates a result per step.
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (child.ns !== XS_NS) {
      throw new SchemaError(`unsupported construct {${child.ns}}${child.local} inside an XML Schema`, child.at);
    }
    if (!construct.children.has(child.local)) {
      throw new SchemaError(`xs:${child.local} is not supported inside xs:${node.local}`, child.at);
    }
    check(child, construct.children.get(child.local));
  }
}
