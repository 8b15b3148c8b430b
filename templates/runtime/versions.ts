// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
import { accepting, compileType, derivedType, typeOf, type Accepted, type CompiledComplex } from './compile.js';
import type { ComplexDesc, GlobalElementDesc, Namespaces } from './schema.js';

/**
 * What a request may use only from some server version on, as the generator found it in the
 * published schema sets (`<service>/versions.ts`): operations by name, properties by
 * `Type/Property` and enumeration values by `Type/Value`, each with the first version that has it.
 */
export interface VersionTable {
  /** The versions a request may name (ExchangeVersionType), oldest first. */
  versions: readonly string[];
  operations: Readonly<Record<string, string>>;
  properties: Readonly<Record<string, string>>;
  values: Readonly<Record<string, string>>;
}

/** A request the server version it names cannot take: thrown before anything is sent. */
export class EwsVersionError extends Error {
  constructor(
    /** The element path of what the version lacks (`/m:CreateItem/m:Items/t:Message/t:Preview`), or the operation. */
    readonly path: string,
    /** The first version that has it. */
    readonly since: string,
    /** The version the request names. */
    readonly requested: string,
  ) {
    super(`${path}: not in ${requested}'s schema; it came with ${since}`);
    this.name = 'EwsVersionError';
  }
}

/**
 * Refuses (EwsVersionError) a request that `version` cannot take: its operation, or any
 * property or enumeration value in its body that came later. A version the table does not list
 * is refused too: servers reject such RequestServerVersion values (`Exchange2019` is none).
 */
export function checkRequestVersion(
  table: VersionTable,
  version: string,
  operation: string,
  namespaces: Namespaces,
  body: GlobalElementDesc,
  value: unknown,
): void {
  const at = table.versions.indexOf(version);
  if (at < 0)
    throw new Error(
      `RequestServerVersion "${version}" is not a version these schemas list: one of ${table.versions.join(', ')}`,
    );
  const later = (since: string | undefined) => since !== undefined && table.versions.indexOf(since) > at;
  if (later(table.operations[operation])) throw new EwsVersionError(operation, table.operations[operation]!, version);
  const name = (ns: string, local: string) => {
    const prefix = Object.keys(namespaces).find((p) => namespaces[p] === ns);
    return prefix ? `${prefix}:${local}` : local;
  };
  walk({ table, later, version, name }, accepting(body), value, `/${name(body.ns, body.el)}`);
}

interface Walk {
  table: VersionTable;
  later: (since: string | undefined) => boolean;
  version: string;
  /** An element's name in paths, prefixed as the envelope writes it. */
  name: (ns: string, local: string) => string;
}

function walk(w: Walk, accepted: Accepted, value: unknown, path: string): void {
  const { table, later, version } = w;
  if (value === null || value === undefined) return;
  const v = value as Record<string, unknown>;
  let type = typeOf(accepted);
  if (typeof v === 'object' && typeof v.$type === 'string') type = derivedType(accepted, accepted.ns, v.$type) ?? type;
  if (type.kind === 'simple') {
    const since = table.values[`${type.name}/${String(value)}`];
    if (later(since)) throw new EwsVersionError(`${path} = ${String(value)}`, since!, version);
    return;
  }
  const complex = type as CompiledComplex;
  // A property is listed under the type that declares it: this one or a base.
  const check = (prop: string, at: string) => {
    for (let d: ComplexDesc | undefined = complex.desc; d; d = d.base?.()) {
      const since = table.properties[`${d.name}/${prop}`];
      if (since === undefined) continue;
      if (later(since)) throw new EwsVersionError(at, since, version);
      return;
    }
  };
  for (const a of complex.attributes) {
    const x = v[a.desc.name];
    if (x === undefined) continue;
    check(a.desc.name, `${path}/@${a.desc.name}`);
    const t = compileType(a.desc.type);
    const since = t.kind === 'simple' ? table.values[`${t.name}/${String(x)}`] : undefined;
    if (later(since)) throw new EwsVersionError(`${path}/@${a.desc.name} = ${String(x)}`, since!, version);
  }
  const seen = new Set<string>();
  for (const [elementKey, p] of complex.elements) {
    if (seen.has(p.prop)) continue;
    seen.add(p.prop);
    const x = v[p.prop];
    if (x === undefined) continue;
    for (const item of Array.isArray(x) ? x : [x]) {
      // An entry of `$items` or a substitution member says by `$element` which element it is.
      const local = item && typeof item === 'object' ? (item as { $element?: string }).$element : undefined;
      const particle = p.prop === '$items' && local !== undefined ? complex.items.get(local) : p;
      const candidates = particle ? [...particle.accepts.entries()] : [];
      const a = (
        local !== undefined ? candidates.find(([, c]) => c.local === local) : candidates.find(([k]) => k === elementKey)
      )?.[1];
      if (!a) continue;
      const at = `${path}/${w.name(a.ns, a.local)}`;
      check(p.prop, at);
      walk(w, a, item, at);
    }
  }
}
