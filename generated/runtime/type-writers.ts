// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import type { SimpleCodec } from './simple.js';
import { GT, markupOf, QUOTE, SLASH_GT, TEXT_ESCAPES, type Markup, type Tag, type XmlBytes } from './xml-bytes.js';
import { unknownAttributes, unknownElements } from './xml-element.js';

/**
 * Support for the generated per-type writers (in `<service>/schema.ts`, each next to its type's
 * descriptor).
 *
 * Each complex type the generator can write as straight-line code gets a function that writes
 * the element's UTF-8 bytes into an XmlBytes: its attributes and children in schema order, tags
 * encoded once as constants (`tag`, `attributeStart`), simple values formatted and checked by
 * their codecs, children of other types written by their own functions. That is the fast path of
 * strict writing. It does not report errors: at the first value it cannot write exactly as the
 * generic writer (write.ts) would, it gives up (`bail`), the caller drops what it wrote, and the
 * generic writer writes the element instead, with the checks and the path-naming error messages.
 * The generic writer stays the definition of what is written; tests hold both to the same bytes.
 */

/** A value, as `plain` looks into it. */
type Value = { readonly [prop: string]: unknown };

/** The codec of a simple type and the encoded tags, for a writer's constants; and the generic writer, for a child whose type has no writer. */
export { codecOf } from './simple.js';
export { attributeStart, tag, type Tag, type XmlBytes } from './xml-bytes.js';
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

/** An element of simple type: `<t:X>value</t:X>`; gives up on a missing value (a required element's). */
export function leaf(o: XmlBytes, t: Tag, codec: SimpleCodec, x: unknown): void {
  if (x === null || x === undefined) bail();
  const m = codec.few && whole(t, codec, x);
  if (m) return o.put(m);
  o.put(t.opened);
  o.text(codec.format(x, true));
  o.put(t.close);
}

/**
 * The element `<t:X>value</t:X>` of a value of a type of few values (see SimpleCodec.few), as
 * one piece of markup: encoded the first time it is written, and kept with its tag for that
 * type's codec (the one that checked the value; a tag may serve several types). Flags and listed
 * values are half the elements of an item (`<t:IsRead>false</t:IsRead>`); written as one copy
 * each instead of two tags and a text scanned, FindItem 1,000 is written in 4-5% less time. A
 * value whose text has a character to escape (no value of EWS's types has one) is written the
 * usual way.
 */
function whole(t: Tag, codec: SimpleCodec, x: unknown): Markup | undefined {
  if (t.wholesOf !== codec) {
    t.wholes = new Map();
    t.wholesOf = codec;
  }
  let m = t.wholes!.get(x);
  if (m === undefined) {
    const text = codec.format(x, true);
    if (TEXT_ESCAPES.test(text)) return undefined;
    t.wholes!.set(x, (m = markupOf(`<${t.name}>${text}</${t.name}>`)));
  }
  return m;
}

/**
 * An optional element of simple type, written when its value is there. The optional elements
 * are most of a writer's statements: a helper each, instead of a test spelled out at each,
 * keeps the whole client's bundle ~5 KB smaller (gzipped).
 */
export function optionalLeaf(o: XmlBytes, t: Tag, codec: SimpleCodec, x: unknown): void {
  if (x !== undefined) leaf(o, t, codec, x);
}

/** An optional element of complex type, written by its type's writer when its value is there. */
export function optional<T>(o: XmlBytes, write: (o: XmlBytes, v: T, t: Tag) => void, x: T | undefined, t: Tag): void {
  if (x !== undefined) write(o, x, t);
}

/** An attribute, ` name="value"`, its start (`attributeStart`) made once. */
export function attribute(o: XmlBytes, start: Markup, codec: SimpleCodec, x: unknown): void {
  o.put(start);
  o.attribute(codec.format(x, true));
  o.put(QUOTE);
}

/** An optional attribute, written when its value is there. */
export function optionalAttribute(o: XmlBytes, start: Markup, codec: SimpleCodec, x: unknown): void {
  if (x !== undefined) attribute(o, start, codec, x);
}

/** Ends a start tag whose element has content: where the content starts (see `end`). */
export function content(o: XmlBytes): number {
  o.put(GT);
  return o.mark();
}

/** Ends the start tag of an element that has nothing in it: `/>`. */
export function empty(o: XmlBytes): void {
  o.put(SLASH_GT);
}

/** Ends an element whose content started at `at`: as `/>` if it has none, else with its end tag. */
export function end(o: XmlBytes, t: Tag, at: number): void {
  if (o.mark() === at) {
    o.pos--; // the `>` of the start tag
    o.put(SLASH_GT);
  } else o.put(t.close);
}

/** Ends an element of simple content (the start tag written): its text and end tag. */
export function simpleContent(o: XmlBytes, t: Tag, codec: SimpleCodec, x: unknown): void {
  if (x === null || x === undefined) bail();
  o.put(GT);
  o.text(codec.format(x, true));
  o.put(t.close);
}

/** An empty element with `xsi:nil="true"`. */
function nil(o: XmlBytes, t: Tag): void {
  o.put(t.start);
  o.put(NIL);
}
const NIL = /* @__PURE__ */ markupOf(' xsi:nil="true"/>');

/** A nillable element of complex type. */
export function nillable<T>(o: XmlBytes, write: (o: XmlBytes, v: T, t: Tag) => void, x: T | null, t: Tag): void {
  if (x === null) nil(o, t);
  else write(o, x, t);
}

/** A nillable element of simple type. */
export function nillableText(o: XmlBytes, t: Tag, codec: SimpleCodec, x: unknown): void {
  if (x === null) nil(o, t);
  else leaf(o, t, codec, x);
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

/** 1 if any of the values is set: counts the branches of a choice that are present. */
export function has(...xs: unknown[]): number {
  for (const x of xs) if (x !== undefined) return 1;
  return 0;
}
