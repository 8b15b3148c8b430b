// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.

/**
 * An element the schema leaves open (`xs:any`, `xs:anyType`), a SOAP header from another
 * namespace, or, in lenient reading, an element the schema does not know: kept as read, with
 * its namespace URI, local name, attributes keyed `{namespace}local` (or `local` when
 * unqualified) and children in document order (text as strings).
 */
export interface XmlElement {
  ns: string;
  local: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

/**
 * Lenient reading keeps what the schema does not know under these symbol keys of the value it
 * was found in, where JSON and the typed properties never see them, and writing puts it back:
 * unknown child elements (after the known content) and unknown attributes.
 */
export const unknownElements: unique symbol = Symbol.for('ews-codegen.unknownElements');
export const unknownAttributes: unique symbol = Symbol.for('ews-codegen.unknownAttributes');

/** The elements lenient reading kept on a value, if any. */
export function unknownElementsOf(value: object): readonly XmlElement[] {
  return (value as { [unknownElements]?: XmlElement[] })[unknownElements] ?? [];
}
