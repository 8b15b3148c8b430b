// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import type { Tag, XmlBytes } from './xml-bytes.js';

/**
 * The schema as data: what the generator writes into `<service>/schema.ts`, and what the reader
 * and writer in this folder walk. Each type and global element is a constant of its own that
 * refers to the others directly, so that a bundler keeps only what an import reaches. References
 * are functions (`() => ItemType$`): descriptors may then refer to each other in any order, and
 * to themselves. A built-in type is named `xs:<builtin>`.
 */

/** A descriptor behind a function: resolved on first use. */
export type Lazy<T> = () => T;

/** A type: a built-in (`xs:string`) or a descriptor of the schema. */
export type TypeRef = string | Lazy<TypeDesc>;

export type Occurs = { min?: number; max?: number };

/** A simple type: an enumeration, a restriction with facets, a list or a union. */
export type SimpleDesc =
  | { kind: 'enum'; name: string; base: TypeRef; values: readonly string[] }
  | { kind: 'atomic'; name: string; base: TypeRef; facets?: Facets }
  | { kind: 'list'; name: string; item: TypeRef }
  | { kind: 'union'; name: string; members: readonly TypeRef[] };

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
  type: TypeRef;
  required?: true;
  fixed?: string;
}

export interface ElementDesc extends Occurs {
  el: string;
  ns: string;
  type: TypeRef;
  /** Property of the parent value; the element name unless said otherwise (`$items`). */
  prop?: string;
  /** The property holds an array. */
  array?: true;
  /** Values carry `$element`: a substitution group head, or an `$items` entry. */
  tagged?: true;
  nillable?: true;
  /** A reference to a global element: its substitution group may stand in. */
  ref?: Lazy<GlobalElementDesc>;
  /** The types derived from the element's type, which `xsi:type` may name in its place. */
  derived?: Lazy<readonly ComplexDesc[]>;
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
  /** The base type. */
  base?: Lazy<ComplexDesc>;
  /**
   * Set when derived by restriction: `attributes` and `content` are then all the type has. Unset,
   * a type with a base is an extension: they follow its base's.
   */
  restriction?: true;
  attributes?: readonly AttributeDesc[];
  content?: GroupDesc;
  /** The simple type of the character data, for simple content (inherited ones included). */
  text?: TypeRef;
  /** Other attributes may appear (`xs:anyAttribute`, the type's own or an extension's base's). */
  anyAttribute?: true;
  /**
   * The generated writer of the type (see type-writers.ts), the fast path of strict writing. A
   * method, so that a writer typed by its interface fits: the runtime hands it only values it
   * checked with `plain()`.
   */
  write?(out: XmlBytes, v: never, t: Tag): void;
}

export type TypeDesc = SimpleDesc | ComplexDesc;

/** A global element; `T` is the TypeScript type of its value. */
export interface GlobalElementDesc<T = unknown> {
  el: string;
  ns: string;
  type: TypeRef;
  abstract?: true;
  nillable?: true;
  /** The elements of its substitution group (the direct members; theirs have their own). */
  members?: Lazy<readonly GlobalElementDesc[]>;
  /** The types derived from the element's type, which `xsi:type` may name in its place. */
  derived?: Lazy<readonly ComplexDesc[]>;
  /**
   * Never set: it carries `T`, so that an operation's spec and its request and response classes
   * must agree on the types of their bodies (tsc checks it where the generated code declares them).
   */
  readonly $value?: T;
}

/** Prefix → namespace, as the writer declares them (`t`, `m`). */
export type Namespaces = Readonly<Record<string, string>>;

/** Global elements by `prefix:local` (`m:FindItem`): what a reader may find at the root of a document, or in a SOAP envelope. */
export interface ElementIndex {
  namespaces: Namespaces;
  elements: Readonly<Record<string, GlobalElementDesc>>;
}

/** A whole service's descriptors, types keyed by their TypeScript name: for tools that walk all of them. */
export interface Schema extends ElementIndex {
  types: Readonly<Record<string, TypeDesc>>;
}

/** The descriptor a reference names, or the built-in's name. */
export function resolveType(ref: TypeRef): TypeDesc | string {
  return typeof ref === 'function' ? ref() : ref;
}
