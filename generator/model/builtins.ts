/** The XSD 1.0 built-in datatypes (Part 2, section 3), plus the two ur-types. */
export const XSD_BUILTINS = [
  'anyType',
  'anySimpleType',
  'string',
  'normalizedString',
  'token',
  'language',
  'Name',
  'NCName',
  'ID',
  'IDREF',
  'IDREFS',
  'ENTITY',
  'ENTITIES',
  'NMTOKEN',
  'NMTOKENS',
  'QName',
  'NOTATION',
  'anyURI',
  'boolean',
  'base64Binary',
  'hexBinary',
  'float',
  'double',
  'decimal',
  'integer',
  'nonPositiveInteger',
  'negativeInteger',
  'nonNegativeInteger',
  'positiveInteger',
  'long',
  'int',
  'short',
  'byte',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
  'duration',
  'dateTime',
  'time',
  'date',
  'gYearMonth',
  'gYear',
  'gMonthDay',
  'gDay',
  'gMonth',
] as const;

export type XsdBuiltin = (typeof XSD_BUILTINS)[number];

const BUILTIN_SET: ReadonlySet<string> = new Set(XSD_BUILTINS);

export function isXsdBuiltin(local: string): local is XsdBuiltin {
  return BUILTIN_SET.has(local);
}

/** The attributes of the `xml:` namespace, which schemas import without a location. */
export const XML_ATTRIBUTES: Record<string, XsdBuiltin> = {
  lang: 'language',
  space: 'NCName',
  base: 'anyURI',
  id: 'ID',
};
