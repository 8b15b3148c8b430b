// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.

/**
 * The schema as data: what the generator writes into `<service>/schema.ts`, and what the reader
 * and writer in this folder walk. Types are keyed by their TypeScript name; elements by
 * `prefix:local` (`t:Path`). Type references are those keys, or `xs:<builtin>`.
 */

export type Occurs = { min?: number; max?: number };

/** A simple type: an enumeration, a restriction with facets, a list or a union. */
export type SimpleDesc =
  | { kind: 'enum'; name: string; base: string; values: readonly string[] }
  | { kind: 'atomic'; name: string; base: string; facets?: Facets }
  | { kind: 'list'; name: string; item: string }
  | { kind: 'union'; name: string; members: readonly string[] };

export interface Facets {
  pattern?: readonly string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
}

export interface AttributeDesc {
  /** Local name; `ns` set only for a qualified attribute (`xml:lang`). */
  name: string;
  ns?: string;
  type: string;
  required?: true;
  fixed?: string;
}

export interface ElementDesc extends Occurs {
  el: string;
  ns: string;
  type: string;
  /** Property of the parent value; the element name unless said otherwise (`$items`). */
  prop?: string;
  /** The property holds an array. */
  array?: true;
  /** Values carry `$element`: a substitution group head, or an `$items` entry. */
  tagged?: true;
  nillable?: true;
  /** A reference to a global element (`prefix:local`): its substitution group may stand in. */
  ref?: string;
}

export interface AnyDesc extends Occurs {
  any: string;
  array?: true;
}

export interface GroupDesc extends Occurs {
  group: 'sequence' | 'choice' | 'all';
  items: readonly ParticleDesc[];
}

export type ParticleDesc = ElementDesc | AnyDesc | GroupDesc;

export interface ComplexDesc {
  kind: 'complex';
  /** Schema local name and namespace (for `xsi:type` and messages). */
  name: string;
  ns: string;
  abstract?: true;
  /** The base type's key; `restriction` when derived by restriction. */
  base?: string;
  restriction?: true;
  attributes?: readonly AttributeDesc[];
  content?: GroupDesc;
  /** The simple type of the character data, for simple content. */
  text?: string;
  anyAttribute?: true;
}

export type TypeDesc = SimpleDesc | ComplexDesc;

export interface GlobalElementDesc {
  el: string;
  ns: string;
  type: string;
  abstract?: true;
  nillable?: true;
  /** The head of the substitution group this element belongs to (`prefix:local`). */
  head?: string;
}

export interface Schema {
  /** Prefix → namespace, as the writer declares them (`t`, `m`). */
  namespaces: Readonly<Record<string, string>>;
  types: Readonly<Record<string, TypeDesc>>;
  elements: Readonly<Record<string, GlobalElementDesc>>;
}
