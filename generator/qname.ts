/** A namespace-qualified name. Maps key on `{ns}local` (see key()). */
export interface QName {
  ns: string;
  local: string;
}

/** A name made by qname(): the one object for that name, with its key. */
interface Known extends QName {
  readonly key: string;
}

/** The names made so far, by namespace and local name. */
const known = new Map<string, Map<string, Known>>();

/**
 * The one object for a name, carrying its key: the readers and the builder make every name of a
 * schema through it, so that key() of such a name reads a property. key() runs some 280,000 times
 * in generate --versions --changelogs, which stays in unoptimized code, where two Map lookups per
 * call cost 80 ms. One key string per name matters too: a key made afresh is a new concatenation
 * that every Map lookup flattens again (50 MB of garbage). Frozen: every schema set read in the
 * process shares these objects.
 */
export function qname(ns: string, local: string): QName {
  return knownName(ns, local);
}

function knownName(ns: string, local: string): Known {
  let byLocal = known.get(ns);
  if (!byLocal) known.set(ns, (byLocal = new Map()));
  let q = byLocal.get(local);
  if (q === undefined) {
    // The key is not enumerable: a name still reads, compares and prints as { ns, local }.
    q = Object.freeze(Object.defineProperty({ ns, local }, 'key', { value: `{${ns}}${local}` }) as Known);
    byLocal.set(local, q);
  }
  return q;
}

/** `{ns}local`: how maps key a name (a name not made by qname() is looked up). */
export function key(q: QName): string {
  return (q as Partial<Known>).key ?? knownName(q.ns, q.local).key;
}

export function sameName(a: QName, b: QName): boolean {
  return a.ns === b.ns && a.local === b.local;
}

/** `t:ItemType` with the prefix the schemas declare for the namespace, else `{ns}local` (or `local`). */
export function prefixed(prefixes: ReadonlyMap<string, string>, q: QName): string {
  const prefix = prefixes.get(q.ns);
  return prefix !== undefined ? `${prefix}:${q.local}` : q.ns ? `{${q.ns}}${q.local}` : q.local;
}
