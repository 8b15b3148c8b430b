import type { SourcePos } from '../errors.js';
import type { QName } from '../qname.js';
import type { XsdBuiltin } from './builtins.js';

/**
 * The resolved schema: what every later stage works from. It knows nothing of XML syntax or of
 * TypeScript. Arrays keep schema order; maps are keyed by `key(qname)` and hold insertion
 * (reading) order, which is deterministic; emitters sort where order is theirs to choose.
 */

export type { QName, SourcePos, XsdBuiltin };

export interface Occurs {
  min: number;
  max: number | 'unbounded';
}

/** A reference to a type: an XSD built-in, or a type in `Model.types`. */
export type TypeRef = { kind: 'builtin'; name: XsdBuiltin } | { kind: 'ref'; name: QName };

interface Decl {
  name: QName;
  doc?: string;
  at: SourcePos;
}

export interface ElementField extends Decl, Occurs {
  kind: 'element';
  type: TypeRef;
  nillable: boolean;
  /** Declared by `ref=` to a global element: members of its substitution group may stand in for it. */
  global: boolean;
  default?: string;
  fixed?: string;
}

export interface AnyField extends Occurs {
  kind: 'any';
  /** `##any`, `##other`, `##local`, `##targetNamespace` or a list of namespace URIs. */
  namespace: string;
  processContents: 'strict' | 'lax' | 'skip';
  /** The schema's target namespace, which `##other` and `##targetNamespace` refer to. */
  targetNamespace: string;
  at: SourcePos;
}

export interface Group extends Occurs {
  kind: 'sequence' | 'choice' | 'all';
  items: Particle[];
  /** Set when the group came from an `xs:group ref=`: the named group it expands. */
  from?: QName;
  at: SourcePos;
}

export type Particle = ElementField | AnyField | Group;

export interface Attribute extends Decl {
  type: TypeRef;
  use: 'optional' | 'required' | 'prohibited';
  default?: string;
  fixed?: string;
}

export interface AnyAttribute {
  namespace: string;
  processContents: 'strict' | 'lax' | 'skip';
  at: SourcePos;
}

/** Where an anonymous type was declared; its `name` is then synthetic (see Model.types). */
export interface AnonymousOrigin {
  /** The named type or global element that encloses the declaration. */
  owner: QName;
  /** Element and attribute names from the owner down to the declaration (`@Attr` for attributes). */
  path: string[];
}

export interface ComplexType extends Decl {
  kind: 'complex';
  anonymous?: AnonymousOrigin;
  abstract: boolean;
  mixed: boolean;
  /** The base type of a complexContent/simpleContent extension or restriction, when it is a complex type. */
  base?: QName;
  derivation?: 'extension' | 'restriction';
  /** Derived by xs:simpleContent from a complex base, which must then have simple content (checked by a pass). */
  simpleContent?: true;
  /**
   * This type's own particles. For an extension, only what it appends to the base's content;
   * for a restriction, the whole (restricted) content, which replaces the base's.
   */
  content?: Group;
  /** The type of the character data, for a type with simple content (own or inherited). */
  text?: TypeRef;
  /** Own attributes, attribute groups expanded. A restriction lists `prohibited` ones too. */
  attributes: Attribute[];
  anyAttribute?: AnyAttribute;
}

export interface EnumValue {
  value: string;
  doc?: string;
}

export interface Facets {
  pattern?: string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
  whiteSpace?: string;
}

export interface SimpleType extends Decl {
  kind: 'simple';
  anonymous?: AnonymousOrigin;
  variety:
    | { kind: 'atomic'; base: TypeRef; enumeration?: EnumValue[]; facets: Facets }
    | { kind: 'list'; itemType: TypeRef }
    | { kind: 'union'; memberTypes: TypeRef[] };
}

export type SchemaType = ComplexType | SimpleType;

export interface ElementDecl extends Decl {
  type: TypeRef;
  abstract: boolean;
  nillable: boolean;
  substitutionGroup?: QName;
  default?: string;
  fixed?: string;
}

export interface OperationMessage {
  /** The global element in the SOAP body. */
  body: QName;
  /** The global elements the binding declares as SOAP headers, in binding order. */
  headers: QName[];
}

export interface Operation {
  name: string;
  doc?: string;
  soapAction: string;
  input: OperationMessage;
  output: OperationMessage;
  faults: QName[];
  at: SourcePos;
}

/** Where an operation's response has its bulk: repeated elements, found in the schema. */
export interface StreamedItems {
  /**
   * The response messages, when the items are in them: element local names from the response
   * element, the messages' types, and the type and property that hold them.
   */
  messages?: { path: string[]; types: QName[]; container: QName; prop: string };
  /**
   * From a message (or the response element) to the items: element local names, `*` standing for
   * every entry of the container; with the type and the property that hold them.
   */
  items: { path: string[]; container: QName; prop: string }[];
}

export interface Model {
  /** Named and anonymous types. An anonymous type's key is `{ns}owner/path…` (a `/` never occurs in a schema name). */
  types: Map<string, SchemaType>;
  /** Global elements. */
  elements: Map<string, ElementDecl>;
  /** Head element key → every element that may stand in for it (transitively), in reading order, abstract ones left out. */
  substitutes: Map<string, QName[]>;
  /** Type key → the types derived from it directly, in reading order. */
  derived: Map<string, QName[]>;
  /** Complex type key → how its content maps onto the properties of its values (passes/content-shapes.ts). */
  shapes: Map<string, TypeShape>;
  /** Complex type key → what its values hold in effect, its bases' included (passes/effective-content.ts). */
  effective: Map<string, EffectiveType>;
  operations: Operation[];
  /** Operation name → where the bulk of its response is, for reading it item by item (passes/streamed-items.ts). */
  streams: Map<string, StreamedItems>;
  /** The keys of the types a request can hold (passes/reachable.ts). */
  requestTypes: Set<string>;
  /** Prefixes the schemas declare for namespaces, for messages and docs (`t`, `m`, `xs`). */
  prefixes: Map<string, string>;
  /** Documents read, relative to the root's folder, in reading order. */
  files: string[];
  /** The root document's own name and the schema `version` attribute, for the output header. */
  source: { root: string; version?: string };
  /** In which published versions declarations exist, when generation read them (versions/availability.ts). */
  availability?: AvailabilityMap;
}

/** The first version that has a declaration (when the oldest lacks it), and the first later than the generated one that lacks it. */
export interface Availability {
  since?: string;
  removed?: string;
}

/** Keys: `op:Name`, `type:{ns}T`, `prop:{ns}T/Prop` (a property of T's interface), `value:{ns}T/Value`. */
export type AvailabilityMap = Map<string, Availability>;

/**
 * How the content of one complex type maps onto the properties of its value: decided once, by
 * the content-shapes pass, and used by the TypeScript interfaces and by the runtime descriptors, so the two cannot disagree.
 *
 * - An element is a property named as the element; optional when it (or an enclosing group) may
 *   be absent or it is one branch of a choice; an array when it (or an enclosing group) repeats.
 * - An element that heads a substitution group holds tagged values: `{ $element: 'Member', … }`.
 * - A repeated group with more than one distinct element becomes `$items`: one array of tagged
 *   entries in document order (the only way to keep interleaved elements in order).
 * - `xs:any` is `$any`; simple content is `$value`; `xs:anyAttribute` is `$anyAttributes`.
 */

export interface AttrShape {
  attr: Attribute;
  prop: string;
  optional: boolean;
}

export interface ElementShape {
  kind: 'element';
  field: ElementField;
  /** Property name; `$items` when the element is an entry of a repeated choice. */
  prop: string;
  array: boolean;
  optional: boolean;
  /** Values carry `$element`: the element heads a substitution group, or it is an `$items` entry. */
  tagged: boolean;
  /** The `@choice one of …` note of the choice this element is a branch of. */
  choice?: string;
}

export interface AnyShape {
  kind: 'any';
  field: AnyField;
  prop: string;
  array: boolean;
  optional: boolean;
}

export interface GroupShape {
  kind: 'group';
  group: Group;
  items: ParticleShape[];
}

export type ParticleShape = ElementShape | AnyShape | GroupShape;

export interface TypeShape {
  type: ComplexType;
  /** Attributes in effect (a restriction inherits its base's), in order. */
  attrs: AttrShape[];
  content?: GroupShape;
  /** Set when a repeated choice became `$items`. */
  items?: { optional: boolean; entries: ElementField[] };
  /** The type has simple content: its text is `$value`. */
  hasText: boolean;
}

/**
 * What a value of a complex type holds in effect, its bases' included: decided once, by the
 * effective-content pass, for the generated writers and the runtime descriptors alike.
 */
export interface EffectiveType {
  type: ComplexType;
  /** Every attribute, an extension's base's first, in writing order. */
  attrs: AttrShape[];
  /** Whether other attributes may appear (`xs:anyAttribute`, the type's or an extension's base's). */
  anyAttribute: boolean;
  /** The whole content model: an extension's is one sequence, its base's content then its own. */
  content?: GroupShape;
  /** How many of `content`'s items are its base's content (the rest are the type's own); 0 when none are. */
  inherited: number;
  /** The type of the character data, for simple content. */
  text?: TypeRef;
}
