// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
import { resolveType, type Facets, type SimpleDesc, type TypeDesc, type TypeRef } from './schema.js';

/**
 * A simple type, ready to read and write: `parse` turns the lexical form into the value the
 * interfaces declare (number, boolean, string, array), `format` does the reverse. Both throw a
 * ValueError whose message names no place, and the caller adds the element path; `check` returns
 * the same message instead.
 */
export interface SimpleCodec {
  parse(text: string, strict: boolean): unknown;
  format(value: unknown, strict: boolean): string;
  /** When set, the value is not acceptable: the message says why. */
  check(value: unknown): string | undefined;
  /**
   * Set when the type has a few values only (xs:boolean, an enumeration of strings): a writer may
   * then encode each value once and write the same bytes again (see type-writers.ts).
   */
  few?: boolean;
}

/** Thrown by codecs; the reader and writer catch it and add the path. */
export class ValueError extends Error {}

/**
 * A string read from a document, copied so that it no longer refers to the document: V8 makes
 * a substring of 13 characters or more a view into its parent, so one kept value would keep the
 * whole input text alive (twice its UTF-8 size once it holds a character beyond Latin-1).
 * Shorter strings are copies already. The copy is made by joining the first character (V8's
 * shared one-character string) to the rest and reading a character, which makes V8 flatten the
 * join in place into one new string that refers to nothing else; the garbage collector then
 * drops the join itself. Slicing a copy instead (`(' ' + s).slice(1)`) leaves a view into a
 * copy one character longer: twice the allocation, 1.33x the payload retained instead of 1.1x.
 */
export function detach(s: string): string {
  if (s.length < 13) return s;
  const copy = s[0]! + s.slice(1);
  copy.charCodeAt(0);
  return copy;
}

const INT_RANGES: Record<string, [number, number]> = {
  int: [-2147483648, 2147483647],
  short: [-32768, 32767],
  byte: [-128, 127],
  unsignedInt: [0, 4294967295],
  unsignedShort: [0, 65535],
  unsignedByte: [0, 255],
};

// Regular expressions are made once, here: a literal in a function is a new object at each call
// (a base64 id's check allocated one per value read).
const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const HEX = /^[0-9A-Fa-f]*$/;

// Base64 has groups of four characters, the last ending in at most two `=`: the characters
// and the length are checked apart. A repeated group, `(?:[…]{4})*`, made the regular expression
// engine recurse per group and overflowed the stack on megabytes of attachment.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Lexical forms of the built-ins that stay strings (the value is the lexical form itself). */
const LEXICAL: Record<string, { test(text: string): boolean }> = {
  long: INTEGER,
  integer: INTEGER,
  nonNegativeInteger: /^\+?\d+$/,
  positiveInteger: /^\+?0*[1-9]\d*$/,
  nonPositiveInteger: /^(-\d+|[+-]?0+)$/,
  negativeInteger: /^-0*[1-9]\d*$/,
  unsignedLong: /^\+?\d+$/,
  decimal: /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  dateTime: /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/,
  date: /^-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?$/,
  time: /^\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/,
  duration: /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  base64Binary: { test: (t) => t.length % 4 === 0 && BASE64.test(t) },
  hexBinary: { test: (t) => t.length % 2 === 0 && HEX.test(t) },
};

/** Types whose lexical space collapses whitespace: surrounding whitespace is not part of the value. */
const COLLAPSE = new Set([
  'token',
  'language',
  'Name',
  'NCName',
  'ID',
  'IDREF',
  'NMTOKEN',
  'QName',
  'anyURI',
  ...Object.keys(LEXICAL),
  ...Object.keys(INT_RANGES),
  'float',
  'double',
]);

function builtin(name: string): SimpleCodec {
  const range = INT_RANGES[name];
  if (range) {
    return {
      parse(text) {
        const t = text.trim();
        if (!INTEGER.test(t)) throw new ValueError(`"${text}" is not an xs:${name}`);
        const n = Number(t);
        if (n < range[0] || n > range[1]) throw new ValueError(`${t} is out of range for xs:${name}`);
        return n;
      },
      format(value) {
        const n = value as number;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < range[0] || n > range[1])
          throw new ValueError(`${String(value)} is not an xs:${name}`);
        return String(n);
      },
      check: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= range[0] && v <= range[1]
          ? undefined
          : `${String(v)} is not an xs:${name}`,
    };
  }
  if (name === 'float' || name === 'double') {
    return {
      parse(text) {
        const t = text.trim();
        if (t === 'INF') return Infinity;
        if (t === '-INF') return -Infinity;
        if (t === 'NaN') return NaN;
        if (!FLOAT.test(t)) throw new ValueError(`"${text}" is not an xs:${name}`);
        return Number(t);
      },
      format(value) {
        if (typeof value !== 'number') throw new ValueError(`${String(value)} is not an xs:${name}`);
        return value === Infinity ? 'INF' : value === -Infinity ? '-INF' : String(value);
      },
      check: (v) => (typeof v === 'number' ? undefined : `${String(v)} is not an xs:${name}`),
    };
  }
  if (name === 'boolean') {
    return {
      few: true,
      parse(text) {
        const t = text.trim();
        if (t === 'true' || t === '1') return true;
        if (t === 'false' || t === '0') return false;
        throw new ValueError(`"${text}" is not an xs:boolean`);
      },
      format(value) {
        if (typeof value !== 'boolean') throw new ValueError(`${String(value)} is not an xs:boolean`);
        return value ? 'true' : 'false';
      },
      check: (v) => (typeof v === 'boolean' ? undefined : `${String(v)} is not an xs:boolean`),
    };
  }
  const lexical = LEXICAL[name];
  // base64Binary allows whitespace anywhere (line breaks in long values); the others only around.
  const canonical =
    name === 'base64Binary'
      ? (v: string) => v.replace(/\s+/g, '')
      : COLLAPSE.has(name)
        ? (v: string) => v.trim()
        : (v: string) => v;
  // The value as it mostly comes is tested first: made canonical first, every base64 value was
  // scanned twice, once by the replace that found nothing to remove.
  const check = (v: unknown) =>
    typeof v !== 'string'
      ? `${String(v)} is not a string`
      : lexical && !lexical.test(v) && !lexical.test(canonical(v))
        ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}" is not an xs:${name}`
        : undefined;
  return {
    parse(text, strict) {
      const problem = strict ? check(text) : undefined;
      if (problem) throw new ValueError(problem);
      return detach(text);
    },
    format(value, strict) {
      const problem = strict
        ? check(value)
        : typeof value === 'string'
          ? undefined
          : `${String(value)} is not a string`;
      if (problem) throw new ValueError(problem);
      return value as string;
    },
    check,
  };
}

function facetCheck(
  facets: Facets,
  base: SimpleCodec,
  name: string,
): (v: unknown, lexical: string) => string | undefined {
  const patterns = (facets.pattern ?? []).flatMap((p) => {
    try {
      return [new RegExp(`^(?:${p})$`, 'u')];
    } catch {
      return []; // An XSD-only regex feature (\i, \c, character class subtraction): not checked.
    }
  });
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const [minI, maxI, minE, maxE] = [
    num(facets.minInclusive),
    num(facets.maxInclusive),
    num(facets.minExclusive),
    num(facets.maxExclusive),
  ];
  return (v, lexical) => {
    const problem = base.check(v);
    if (problem) return problem;
    if (patterns.length && !patterns.some((p) => p.test(lexical)))
      return `"${lexical}" does not match the pattern of ${name}`;
    const len = typeof v === 'string' ? [...v].length : undefined;
    if (len !== undefined) {
      if (facets.length !== undefined && len !== facets.length)
        return `"${lexical}" must have length ${facets.length} (${name})`;
      if (facets.minLength !== undefined && len < facets.minLength)
        return `"${lexical}" is shorter than ${facets.minLength} (${name})`;
      if (facets.maxLength !== undefined && len > facets.maxLength)
        return `"${lexical}" is longer than ${facets.maxLength} (${name})`;
    }
    if (typeof v === 'number') {
      if (
        (minI !== undefined && v < minI) ||
        (maxI !== undefined && v > maxI) ||
        (minE !== undefined && v <= minE) ||
        (maxE !== undefined && v >= maxE)
      ) {
        return `${lexical} is out of range for ${name}`;
      }
    }
    return undefined;
  };
}

const builtins = new Map<string, SimpleCodec>();
const built = new WeakMap<SimpleDesc, SimpleCodec>();

/** The codec of a simple type (a built-in's name or a descriptor), made once. */
export function codecOf(ref: TypeRef | TypeDesc): SimpleCodec {
  const desc = typeof ref === 'object' ? ref : resolveType(ref);
  if (typeof desc === 'string') {
    let codec = builtins.get(desc);
    if (!codec) {
      if (!desc.startsWith('xs:')) throw new Error(`ews runtime: no simple type ${desc}`);
      builtins.set(desc, (codec = builtin(desc.slice(3))));
    }
    return codec;
  }
  if (desc.kind === 'complex') throw new Error(`ews runtime: ${desc.name} is not a simple type`);
  let codec = built.get(desc);
  if (!codec) built.set(desc, (codec = build(desc)));
  return codec;
}

function build(desc: SimpleDesc): SimpleCodec {
  switch (desc.kind) {
    case 'enum': {
      const base = codecOf(desc.base);
      // Each value read is the schema's own string: nothing refers to the document.
      const values = new Map(desc.values.map((v) => [v, v]));
      const strings = desc.values.length > 0 && typeof base.parse(desc.values[0]!, false) === 'string';
      const check = (v: unknown) =>
        typeof v === 'string' && !values.has(v) ? `"${v}" is not a value of ${desc.name}` : base.check(v);
      return {
        // Numbers are checked by the base type alone (see check): there may be many.
        few: strings,
        parse(text, strict) {
          // A listed value is valid for its base type: it needs no further check.
          const known = strings ? (values.get(text) ?? values.get(text.trim())) : undefined;
          if (known !== undefined) return known;
          const v = base.parse(text, strict);
          if (typeof v !== 'string') return v;
          if (strict) throw new ValueError(`"${text}" is not a value of ${desc.name}`);
          return v.trim();
        },
        format(value, strict) {
          if (strict) {
            const problem = check(value);
            if (problem) throw new ValueError(problem);
          }
          return base.format(value, false);
        },
        check,
      };
    }
    case 'atomic': {
      const base = codecOf(desc.base);
      if (!desc.facets) return base;
      const facets = facetCheck(desc.facets, base, desc.name);
      return {
        parse(text, strict) {
          const v = base.parse(text, strict);
          const problem = strict ? facets(v, text.trim()) : undefined;
          if (problem) throw new ValueError(problem);
          return v;
        },
        format(value, strict) {
          const text = base.format(value, strict);
          const problem = strict ? facets(value, text) : undefined;
          if (problem) throw new ValueError(problem);
          return text;
        },
        check: (v) => facets(v, String(v)),
      };
    }
    case 'list': {
      const item = codecOf(desc.item);
      return {
        parse: (text, strict) =>
          text
            .split(/\s+/)
            .filter((s) => s !== '')
            .map((s) => item.parse(s, strict)),
        format(value, strict) {
          if (!Array.isArray(value)) throw new ValueError(`a list (${desc.name}) must be an array`);
          return value.map((v) => item.format(v, strict)).join(' ');
        },
        check: (v) =>
          Array.isArray(v) ? v.map((x) => item.check(x)).find((p) => p) : `a list (${desc.name}) must be an array`,
      };
    }
    case 'union': {
      const members = desc.members.map((m) => codecOf(m));
      return {
        parse(text, strict) {
          for (const m of members) {
            try {
              return m.parse(text, true);
            } catch {
              // Try the next member type, as XSD does.
            }
          }
          if (strict) throw new ValueError(`"${text}" matches no member type of ${desc.name}`);
          return detach(text);
        },
        format(value, strict) {
          const member = members.find((m) => m.check(value) === undefined);
          if (!member) {
            if (strict) throw new ValueError(`${String(value)} matches no member type of ${desc.name}`);
            return String(value);
          }
          return member.format(value, strict);
        },
        check: (v) =>
          members.some((m) => m.check(v) === undefined)
            ? undefined
            : `${String(v)} matches no member type of ${desc.name}`,
      };
    }
  }
}
