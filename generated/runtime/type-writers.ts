// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import type { SimpleCodec } from './simple.js';
import { escapeAttribute, escapeText } from './xml-writer.js';
import { unknownAttributes, unknownElements } from './xml-element.js';

/**
 * Support for the generated per-type writers (in `<service>/schema.ts`, each next to its type's
 * descriptor).
 *
 * Each complex type the generator can write as straight-line code gets a function that returns
 * the element as a string: its attributes and children in schema order, simple values formatted
 * and checked by their codecs, children of other types written by their own functions. That is
 * the fast path of strict writing. It does not report errors: at the first value it cannot write
 * exactly as the generic writer (write.ts) would, it gives up (`bail`), and the generic writer
 * writes the element instead, with the checks and the path-naming error messages. The generic
 * writer stays the definition of what is written; tests hold both to the same output.
 */

/** A value, as `plain` looks into it. */
type Value = { readonly [prop: string]: unknown };

/** The codec of a simple type, for a writer's constants; and the generic writer, for a child whose type has no writer. */
export { codecOf } from './simple.js';
export { writeElement } from './write.js';

/** Thrown when a generated writer gives up; never seen outside the runtime. */
class Bail {}
const BAIL = new Bail();

export function bail(): never {
  throw BAIL;
}

/** Whether a writer's exception is its deliberate give-up (any other is a value the codec refused). */
export function isBail(e: unknown): boolean {
  return e === BAIL;
}

/**
 * Whether the generated writer can write the value: an object without `$type` (a derived type
 * stands in), nor open attributes, nor what lenient reading kept; those go the generic way.
 */
export function plain(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as Value).$type === undefined &&
    (v as Value).$anyAttributes === undefined &&
    (v as Value)[unknownAttributes as never] === undefined &&
    (v as Value)[unknownElements as never] === undefined
  );
}

/** The text of a simple value (an element's, or simple content's `$value`). */
export function text(codec: SimpleCodec, x: unknown): string {
  if (x === null || x === undefined) bail();
  return escapeText(codec.format(x, true));
}

/** An attribute's value, escaped for its quotes. */
export function attribute(codec: SimpleCodec, x: unknown): string {
  return escapeAttribute(codec.format(x, true));
}

/** An empty element with `xsi:nil="true"`. */
function nil(name: string): string {
  return `<${name} xsi:nil="true"/>`;
}

/** A nillable element of complex type. */
export function nillable<T>(write: (v: T, name: string) => string, x: T | null, name: string): string {
  return x === null ? nil(name) : write(x, name);
}

/** A nillable element of simple type. */
export function nillableText(codec: SimpleCodec, x: unknown, name: string): string {
  return x === null ? nil(name) : `<${name}>${text(codec, x)}</${name}>`;
}

/** The values of a repeated element: an array (whatever its type says: values may come from JavaScript) with at least `min` of them. */
export function list<T>(x: readonly T[] | undefined, min: number): readonly T[] {
  if (!Array.isArray(x) || x.length < min) bail();
  return x;
}

/** The entries of a repeated choice (`$items`): an array with at least `min` of them. */
export function entries<T>(x: readonly T[] | undefined, min: number): readonly T[] {
  return list(x, min);
}

/**
 * The string made flat (one piece of memory). Appending strings makes V8 link them instead of
 * copying; a whole response built that way is a tree of a million small strings, which the
 * garbage collector copies over and over while it grows and which must be flattened at the end
 * anyway. Flattening each entry of a repeated element once it is written keeps the trees small.
 * Reading a character is what makes V8 flatten a string.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** 1 if any of the values is set: counts the branches of a choice that are present. */
export function has(...xs: unknown[]): number {
  for (const x of xs) if (x !== undefined) return 1;
  return 0;
}
