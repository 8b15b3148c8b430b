import { literal } from './builtin-types.js';
import { PRINT_WIDTH } from './layout.js';

/**
 * Data literals (the runtime descriptors) printed the way prettier prints them, so that the
 * generated schema module needs no formatter either:
 * - an array or object goes on one line when it fits, else one entry per line, trailing comma;
 * - an array of two or more objects (each with more than one key) is always one per line;
 * - keys are quoted only where they must be.
 * A `Code` is printed as is (an identifier or number); a JS string becomes a quoted literal.
 */
export class Code {
  constructor(readonly text: string) {}
}
export type Data = string | number | boolean | Code | Thunk | Data[] | { [key: string]: Data | undefined };

export const code = (text: string) => new Code(text);

/**
 * A value behind a function (`() => ItemType$`, `() => [t_And, t_Or]`): how descriptors refer to
 * each other, so that the order of their declarations does not matter.
 */
export class Thunk {
  constructor(readonly body: Data) {}
}
/** A reference to another descriptor constant. */
export const ref = (target: string) => new Thunk(new Code(target));

function keyOf(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : literal(k);
}

function entries(o: { [key: string]: Data | undefined }): [string, Data][] {
  return Object.entries(o).filter((e): e is [string, Data] => e[1] !== undefined);
}

/**
 * One-line form, or undefined when the value must break whatever the width or, being an array or
 * object, its one-line form would be longer than `room`: printData then breaks it and asks again
 * for each entry, so a deep value's lines are not all built only to be thrown away.
 */
function flat(d: Data, room = Infinity): string | undefined {
  if (typeof d === 'string') return literal(d);
  if (typeof d === 'number' || typeof d === 'boolean') return String(d);
  if (d instanceof Code) return d.text;
  if (d instanceof Thunk) {
    const body = flat(d.body, room - 6);
    return body === undefined ? undefined : `() => ${body}`;
  }
  if (Array.isArray(d)) {
    if (mustBreak(d)) return undefined;
    let out = '[';
    for (const x of d) {
      const f = flat(x, room - out.length - (out.length > 1 ? 2 : 0) - 1);
      if (f === undefined) return undefined;
      out += out.length > 1 ? `, ${f}` : f;
      if (out.length + 1 > room) return undefined;
    }
    return out + ']';
  }
  let out = '';
  for (const k in d) {
    const v = d[k];
    if (v === undefined) continue;
    const head = `${keyOf(k)}: `;
    const f = flat(v, room - out.length - (out ? 2 : 0) - head.length - 4);
    if (f === undefined) return undefined;
    out += out ? `, ${head}${f}` : head + f;
    if (out.length + 4 > room) return undefined;
  }
  return out ? `{ ${out} }` : '{}';
}

function isObject(d: Data): d is { [key: string]: Data } {
  return typeof d === 'object' && !Array.isArray(d) && !(d instanceof Code) && !(d instanceof Thunk);
}

/** A value prettier cannot break inside: a string, number, boolean or name. */
function atomic(d: Data): boolean {
  return typeof d !== 'object' || d instanceof Code;
}

function mustBreak(a: Data[]): boolean {
  return a.length > 1 && (a.every((x) => isObject(x) && hasTwoEntries(x)) || a.every((x) => Array.isArray(x) && x.length > 1));
}

/** entries(o).length > 1, without making the entries (asked of every object in every array, each time it is printed). */
function hasTwoEntries(o: { [key: string]: Data | undefined }): boolean {
  let n = 0;
  for (const k in o) if (o[k] !== undefined && ++n > 1) return true;
  return false;
}

/**
 * Prints `d` starting at column `indent` (the text before it on the line is `lead` long) with
 * `suffix` characters after it (`,` or `;`).
 */
export function printData(d: Data, indent: number, lead: number, suffix: number): string {
  const f = flat(d, PRINT_WIDTH - lead - suffix);
  if (f !== undefined && lead + f.length + suffix <= PRINT_WIDTH) return f;
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(d)) {
    if (!d.length) return '[]';
    return `[\n${d.map((x) => pad + printData(x, indent + 2, indent + 2, 1) + ',').join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (d instanceof Thunk) return `() => ${printData(d.body, indent, lead + 6, suffix)}`;
  if (isObject(d)) {
    const es = entries(d);
    return `{\n${es
      .map(([k, v]) => {
        const head = `${pad}${keyOf(k)}: `;
        // A value that cannot break (a name, a string) and does not fit goes on the next line, as
        // prettier moves the right side of an assignment.
        const one = atomic(v) ? flat(v)! : undefined;
        if (one !== undefined && head.length + one.length + 1 > PRINT_WIDTH) return `${pad}${keyOf(k)}:\n${pad}  ${one},`;
        return head + printData(v, indent + 2, head.length, 1) + ',';
      })
      .join('\n')}\n${' '.repeat(indent)}}`;
  }
  return f as string;
}
