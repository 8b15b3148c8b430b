/** A namespace-qualified name. Maps key on `{ns}local` (see key()). */
export interface QName {
  ns: string;
  local: string;
}

/** The keys made so far, by namespace and local name. */
const keys = new Map<string, Map<string, string>>();

export function key(q: QName): string {
  // The same string for the same name: a key made afresh each time is a new concatenation, which
  // every Map lookup flattens again (that was 50 MB of garbage in generate --versions).
  let byLocal = keys.get(q.ns);
  if (!byLocal) keys.set(q.ns, (byLocal = new Map()));
  let k = byLocal.get(q.local);
  if (k === undefined) byLocal.set(q.local, (k = `{${q.ns}}${q.local}`));
  return k;
}

export function sameName(a: QName, b: QName): boolean {
  return a.ns === b.ns && a.local === b.local;
}

/** `t:ItemType` with the prefix the schemas declare for the namespace, else `{ns}local` (or `local`). */
export function prefixed(prefixes: ReadonlyMap<string, string>, q: QName): string {
  const prefix = prefixes.get(q.ns);
  return prefix !== undefined ? `${prefix}:${q.local}` : q.ns ? `{${q.ns}}${q.local}` : q.local;
}
