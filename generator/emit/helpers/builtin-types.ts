import type { XsdBuiltin } from '../../model/builtins.js';

/**
 * How XSD built-ins appear in TypeScript. Numbers that a JS number holds exactly (int, short,
 * byte, the unsigned ones up to 32 bits, float, double) are `number`; booleans are `boolean`.
 * Everything whose lexical form a JS value would not keep exactly stays `string`: long, integer
 * and decimal (precision), dateTime, date, time, duration (time zones, fractions), base64 and hex.
 */
const TS_OF_BUILTIN: Record<XsdBuiltin, string> = {
  anyType: 'XmlElement',
  anySimpleType: 'string',
  string: 'string',
  normalizedString: 'string',
  token: 'string',
  language: 'string',
  Name: 'string',
  NCName: 'string',
  ID: 'string',
  IDREF: 'string',
  IDREFS: 'string[]',
  ENTITY: 'string',
  ENTITIES: 'string[]',
  NMTOKEN: 'string',
  NMTOKENS: 'string[]',
  QName: 'string',
  NOTATION: 'string',
  anyURI: 'string',
  boolean: 'boolean',
  base64Binary: 'string',
  hexBinary: 'string',
  float: 'number',
  double: 'number',
  decimal: 'string',
  integer: 'string',
  nonPositiveInteger: 'string',
  negativeInteger: 'string',
  nonNegativeInteger: 'string',
  positiveInteger: 'string',
  long: 'string',
  int: 'number',
  short: 'number',
  byte: 'number',
  unsignedLong: 'string',
  unsignedInt: 'number',
  unsignedShort: 'number',
  unsignedByte: 'number',
  duration: 'string',
  dateTime: 'string',
  time: 'string',
  date: 'string',
  gYearMonth: 'string',
  gYear: 'string',
  gMonthDay: 'string',
  gDay: 'string',
  gMonth: 'string',
};

export function tsOfBuiltin(b: XsdBuiltin): string {
  return TS_OF_BUILTIN[b];
}

/** A string literal in the quote style of the output (single quotes, as prettier is configured). */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
