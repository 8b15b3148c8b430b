/** The line width the generated code is laid out for; `.prettierrc.json` says the same. */
export const PRINT_WIDTH = 120;

const fits = (line: string) => line.length <= PRINT_WIDTH;

/*
 * The generated code is laid out here exactly as prettier would print it, so generation needs no
 * formatter pass (prettier would triple the run time); a test formats every generated file with
 * prettier and requires no change. The rules below are prettier's for these few shapes.
 */

/**
 * `export type Name = A | B;` on one line when it fits; else the union alone on the next line
 * when that fits; else one member per line.
 */
export function typeAlias(name: string, types: string[]): string {
  const members = inUnion(types);
  const head = `export type ${name} =`;
  const union = members.join(' | ');
  if (fits(`${head} ${union};`)) return `${head} ${union};\n`;
  if (members.length > 1 && fits(`  ${union};`)) return `${head}\n  ${union};\n`;
  if (members.length === 1) return `${head}\n  ${union};\n`;
  return `${head}\n${members.map((m) => unionLine(m, '  ')).join('\n')};\n`;
}

/**
 * `export type Name = Generic<A, B>;` on one line when it fits; else the type arguments one per
 * line. A single `NonNullable<X>[number]` that does not fit breaks the same way, around `X`.
 */
export function genericAlias(name: string, generic: string, args: string[], suffix = ''): string {
  const head = `export type ${name} = ${generic}<`;
  const one = `${head}${args.join(', ')}>${suffix};`;
  if (fits(one)) return one + '\n';
  // No trailing comma after type arguments: prettier adds none there.
  return `${head}\n${args.map((a) => `  ${a}`).join(',\n')}\n>${suffix};\n`;
}

/**
 * `export const Name: readonly T[] = [...];` on one line when it fits; else the array broken
 * after `[` when that opening fits; else broken after `=`, then as above one level in. A plain
 * array, not frozen: `readonly` keeps TypeScript code from changing it, the runtime copies the
 * values when it makes a type's codec (at import), and `Object.freeze`, whose three overloads tsc
 * resolves against every array, cost a third of the type-check of EWS's enums.ts. An array
 * literal has no side effects, so a bundler drops those nothing uses.
 */
export function valuesArray(name: string, type: string, values: string[]): string {
  const lhs = `export const ${name}: readonly ${type}[] =`;
  const array = `[${values.join(', ')}]`;
  if (fits(`${lhs} ${array};`)) return `${lhs} ${array};\n`;
  if (fits(`${lhs} [`)) return `${lhs} [\n${values.map((v) => `  ${v},`).join('\n')}\n];\n`;
  if (fits(`  ${array};`)) return `${lhs}\n  ${array};\n`;
  return `${lhs}\n  [\n${values.map((v) => `    ${v},`).join('\n')}\n  ];\n`;
}

/** One interface member, `  Name?: Type;`; a union that does not fit goes to the next line, then one member per line. */
export function member(name: string, optional: boolean, types: string[]): string {
  const members = inUnion(types);
  const head = `  ${name}${optional ? '?' : ''}:`;
  const union = members.join(' | ');
  if (fits(`${head} ${union};`) || members.length === 1) return `${head} ${union};\n`;
  if (fits(`    ${union};`)) return `${head}\n    ${union};\n`;
  return `${head}\n${members.map((m) => unionLine(m, '    ')).join('\n')};\n`;
}

/** `import type { A, B } from './x.js';`, one name per line when it does not fit. */
export function importType(names: string[], from: string): string {
  return importNames(names, from, true);
}

/** `import { A, type B } from './x.js';` (or `import type` for all), one name per line when it does not fit. */
export function importNames(names: string[], from: string, typeOnly = false): string {
  const head = typeOnly ? 'import type {' : 'import {';
  const oneLine = `${head} ${names.join(', ')} } from '${from}';`;
  if (fits(oneLine)) return oneLine + '\n';
  return `${head}\n${names.map((n) => `  ${n},`).join('\n')}\n} from '${from}';\n`;
}

/** Union members: an intersection (`A & { … }`) is parenthesized in a union of two or more, as prettier does. */
function inUnion(types: string[]): string[] {
  if (types.length < 2) return types;
  return types.map((t) => (/^[^{]*&|\} &/.test(t) && !t.startsWith('(') ? `(${t})` : t));
}

/**
 * A member of a union printed one per line at `indent` (`  | X`). An object type in it that
 * does not fit is broken as prettier breaks it: one property per line.
 */
export function unionLine(m: string, indent: string): string {
  const line = `${indent}| ${m}`;
  if (fits(line)) return line;
  const inner = indent + '    ';
  const close = indent + '  ';
  let match = /^\((.+) & \{ (\$\w+): (.+) \}\)$/.exec(m);
  if (match) return `${indent}| (${match[1]} & {\n${inner}${match[2]}: ${match[3]};\n${close}})`;
  match = /^\(\{ (\$\w+): (.+?) \} & (.+)\)$/.exec(m);
  if (match) return `${indent}| ({\n${inner}${match[1]}: ${match[2]};\n${close}} & ${match[3]})`;
  match = /^\{ (.+) \}$/.exec(m);
  if (match) return `${indent}| {\n${match[1]!.split('; ').map((p) => `${inner}${p};`).join('\n')}\n${close}}`;
  return line;
}

/** A call or signature with its arguments on one line when it fits, else one per line (as prettier does). */
export function callLayout(head: string, args: string[], tail: string, indent: string, trailingComma = true): string {
  const one = `${indent}${head}${args.join(', ')}${tail}`;
  if (one.length <= PRINT_WIDTH) return one;
  const comma = (i: number) => (trailingComma || i < args.length - 1 ? ',' : '');
  return `${indent}${head}\n${args.map((a, i) => `${indent}  ${a}${comma(i)}`).join('\n')}\n${indent}${tail}`;
}

/**
 * `export const name: Type<Args> = value;` as prettier lays it out: the value's opening on the
 * first line when that fits; else the value on the next line, one level in; but when the type
 * arguments (two or more) leave no room for even ` =`, they go one per line and the value
 * follows `> = ` at the left margin. `value(indent, lead)` prints the value at an indent, its
 * first line starting `lead` columns in.
 */
export function annotatedConst(name: string, type: string, args: string[], value: (indent: number, lead: number) => string): string {
  const lhs = `export const ${name}: ${type}<${args.join(', ')}> =`;
  if (fits(`${lhs} {`)) return `${lhs} ${value(0, lhs.length + 1)};`;
  if (fits(lhs) || args.length < 2) return `${lhs}\n  ${value(2, 2)};`;
  return `export const ${name}: ${type}<\n${args.map((a) => `  ${a},`).join('\n').slice(0, -1)}\n> = ${value(0, 4)};`;
}
