import { key, type QName } from '../qname.js';
import type { Model, SchemaType } from '../model/model.js';

/**
 * The one place where schema names become TypeScript identifiers. Rules, applied in order:
 *
 * 1. A named schema type keeps its local name (`t:ItemType` → `ItemType`): docs, schema, wire
 *    and code then use the same word.
 * 2. An anonymous type is named after where it sits: the anonymous type of global element `E`
 *    is `E`; of local element `C` inside type `T`, `T_C`; of attribute `A`, `T_A`; a list item,
 *    union member, restriction base or restricted text gets `_Item`, `_Member1`, `_Base`, `_Text`.
 * 3. Characters that cannot stand in an identifier (`-`, `.`) become `_`; a leading digit gets `_`.
 * 4. A TypeScript reserved word or a global type the generated code relies on (`Array`,
 *    `Record`, `string`, …) gets a trailing `_`.
 * 5. Names are case-sensitive, and no file is named after a type, so names that differ only by
 *    case need nothing. A name already taken (same schema name in two namespaces, or an
 *    anonymous type named like a declared one) is given to the first claimant in reading order;
 *    each later one gets `_` plus its namespace's prefix (`_m`), then `_2`, `_3`, … if still taken.
 * 6. Derived names (roles): the union of a type and the types derived from it is `<Name>OrDerived`;
 *    the union of a substitution group's members is `<Head>Group`; the tagged entry of a repeated
 *    choice in type `T` is `<T>Entry`. They claim names after every type, by the same rule 5.
 * 7. Operation `Op` of the WSDL: its spec is `Op`, its classes `OpRequest` and `OpResponse`, their
 *    headers `OpRequestHeaders` and `OpResponseHeaders`; claimed after the types, by rule 5.
 *
 * Property names are element and attribute local names unchanged (a reserved word is a valid
 * property name); the synthetic properties all start with `$`, which no XML name contains:
 * `$value` (simple content), `$items` (repeated choice), `$element` (which member of a group or
 * choice an entry is), `$type` (xsi:type of a derived value), `$any`, `$anyAttributes`.
 */

export type Role = 'type' | 'orDerived' | 'group' | 'entry';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of unknown never object bigint undefined keyof readonly ' +
    'infer is asserts global ' +
    'Array ReadonlyArray Record Partial Readonly Object String Number Boolean Symbol Date Error Promise Map Set'
  ).split(' '),
);

function identifier(raw: string): string {
  let id = raw.replace(/[^A-Za-z0-9_$]/g, '_');
  if (/^[0-9]/.test(id)) id = '_' + id;
  return RESERVED.has(id) ? id + '_' : id;
}

/** The preferred identifier of a type, before collisions are resolved (rules 1–4). */
function preferredName(t: SchemaType): string {
  if (!t.anonymous) return identifier(t.name.local);
  const segments = t.name.local.split('/').map((s) => {
    if (s.startsWith('<')) return s.slice(1, -1);
    if (s.startsWith('@')) return s.slice(1);
    if (s === '#item') return 'Item';
    if (s === '#base') return 'Base';
    if (s === '#text') return 'Text';
    if (s.startsWith('#member')) return 'Member' + s.slice('#member'.length);
    return s;
  });
  return identifier(segments.join('_'));
}

const ROLE_SUFFIX: Record<Exclude<Role, 'type'>, string> = { orDerived: 'OrDerived', group: 'Group', entry: 'Entry' };

export class SymbolTable {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly model: Model,
    /** Identifiers the emitted modules define themselves (helper types), claimed first. */
    reserved: readonly string[] = [],
  ) {
    for (const r of reserved) this.taken.add(r);
    for (const t of model.types.values()) this.claim(`type ${key(t.name)}`, preferredName(t), t.name.ns);
  }

  /** The identifier of a type (role `type`) or of a name derived from it. */
  name(q: QName, role: Role = 'type'): string {
    const k = `${role} ${key(q)}`;
    const found = this.byKey.get(k);
    if (found !== undefined) return found;
    if (role === 'type') throw new Error(`symbol table: no type ${key(q)}`);
    const base = role === 'group' ? identifier(q.local) : this.name(q, 'type');
    return this.claim(k, base + ROLE_SUFFIX[role], q.ns);
  }

  /** A name for something that is not a schema type (an operation's classes), by the same rules. */
  other(id: string, preferred: string): string {
    const k = `other ${id}`;
    return this.byKey.get(k) ?? this.claim(k, identifier(preferred), '');
  }

  private claim(k: string, preferred: string, ns: string): string {
    let name = preferred;
    if (this.taken.has(name)) {
      const prefix = this.model.prefixes.get(ns);
      name = prefix ? `${preferred}_${identifier(prefix)}` : preferred;
      for (let n = 2; this.taken.has(name); n++) name = `${preferred}_${n}`;
    }
    this.taken.add(name);
    this.byKey.set(k, name);
    return name;
  }
}
