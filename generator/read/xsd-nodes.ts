import type { SourcePos } from '../errors.js';
import type { Facets } from '../model/model.js';
import type { QName } from '../qname.js';

/**
 * What the XSD reader hands to the model builder: one plain object per schema construct, in
 * document order, with QNames resolved to namespace URIs but references not yet followed.
 */

export type { QName };

export type Occurs = { min: number; max: number | 'unbounded' };

interface RawNode {
  at: SourcePos;
  doc?: string;
}

export interface RawElement extends RawNode, Occurs {
  kind: 'element';
  /** Set for a declaration (global or local), absent for `ref=`. */
  name?: QName;
  ref?: QName;
  type?: QName;
  inlineType?: RawComplexType | RawSimpleType;
  nillable: boolean;
  abstract: boolean;
  substitutionGroup?: QName;
  default?: string;
  fixed?: string;
}

export interface RawModelGroup extends RawNode, Occurs {
  kind: 'sequence' | 'choice' | 'all';
  items: RawParticle[];
}

export interface RawGroupRef extends RawNode, Occurs {
  kind: 'groupRef';
  ref: QName;
}

export interface RawAny extends RawNode, Occurs {
  kind: 'any';
  namespace: string;
  processContents: 'strict' | 'lax' | 'skip';
}

export type RawParticle = RawElement | RawModelGroup | RawGroupRef | RawAny;

export interface RawAttribute extends RawNode {
  kind: 'attribute';
  name?: QName;
  ref?: QName;
  type?: QName;
  inlineType?: RawSimpleType;
  use: 'optional' | 'required' | 'prohibited';
  default?: string;
  fixed?: string;
}

export interface RawAttributeGroupRef extends RawNode {
  kind: 'attributeGroupRef';
  ref: QName;
}

export type RawAttributeUse = RawAttribute | RawAttributeGroupRef;

export interface RawAnyAttribute extends RawNode {
  namespace: string;
  processContents: 'strict' | 'lax' | 'skip';
}

/** The content model of a complex type, in the four shapes XSD allows. */
export type RawComplexContent =
  | { kind: 'particles'; particle?: RawModelGroup | RawGroupRef }
  | { kind: 'complexExtension' | 'complexRestriction'; base: QName; particle?: RawModelGroup | RawGroupRef; at: SourcePos }
  | { kind: 'simpleExtension'; base: QName; at: SourcePos }
  | { kind: 'simpleRestriction'; base: QName; facets: RawFacets; at: SourcePos };

export interface RawComplexType extends RawNode {
  kind: 'complexType';
  name?: QName;
  abstract: boolean;
  mixed: boolean;
  content: RawComplexContent;
  attributes: RawAttributeUse[];
  anyAttribute?: RawAnyAttribute;
}

/** Facets as the model keeps them, plus the enumerations, which the model turns into values. */
export interface RawFacets extends Facets {
  enumeration?: { value: string; doc?: string }[];
}

export type RawSimpleVariety =
  | { kind: 'restriction'; base?: QName; inlineBase?: RawSimpleType; facets: RawFacets }
  | { kind: 'list'; itemType?: QName; inlineItem?: RawSimpleType }
  | { kind: 'union'; memberTypes: QName[]; inlineMembers: RawSimpleType[] };

export interface RawSimpleType extends RawNode {
  kind: 'simpleType';
  name?: QName;
  variety: RawSimpleVariety;
}

export interface RawGroup extends RawNode {
  name: QName;
  particle: RawModelGroup;
}

export interface RawAttributeGroup extends RawNode {
  name: QName;
  attributes: RawAttributeUse[];
  anyAttribute?: RawAnyAttribute;
}

export interface RawImport {
  kind: 'import' | 'include';
  namespace?: string;
  location?: string;
  at: SourcePos;
}

/** One `xs:schema` element: a document of its own or embedded in a WSDL's `wsdl:types`. */
export interface RawSchema {
  file: string;
  targetNamespace: string;
  /** Prefix → namespace declared on the schema element (and inherited from a WSDL). */
  prefixes: Readonly<Record<string, string>>;
  /** The `version` attribute (Exchange writes the schema version there). */
  version?: string;
  at: SourcePos;
  imports: RawImport[];
  elements: RawElement[];
  complexTypes: RawComplexType[];
  simpleTypes: RawSimpleType[];
  groups: RawGroup[];
  attributeGroups: RawAttributeGroup[];
  attributes: RawAttribute[];
}

/** One `wsdl:operation` of the port type joined with its SOAP binding. */
export interface RawOperation {
  name: string;
  at: SourcePos;
  doc?: string;
  input?: QName;
  output?: QName;
  faults: { name: string; message: QName }[];
}

export interface RawMessage {
  name: QName;
  at: SourcePos;
  parts: { name: string; element?: QName; type?: QName; at: SourcePos }[];
}

export interface RawBindingOperation {
  name: string;
  at: SourcePos;
  soapAction?: string;
  style?: string;
  input: RawBindingMessage;
  output: RawBindingMessage;
}

export interface RawBindingMessage {
  /** `soap:body parts="…"` when given: only those parts go in the body. */
  bodyParts?: string[];
  use?: string;
  headers: { message: QName; part: string; use?: string; at: SourcePos }[];
}

export interface RawWsdl {
  file: string;
  targetNamespace: string;
  doc?: string;
  at: SourcePos;
  messages: RawMessage[];
  portTypes: { name: QName; at: SourcePos; operations: RawOperation[] }[];
  bindings: { name: QName; type: QName; at: SourcePos; transport?: string; style?: string; operations: RawBindingOperation[] }[];
  services: { name: string; at: SourcePos; ports: { name: string; binding: QName; address?: string }[] }[];
}
