/** A namespace-qualified name. Maps key on `{ns}local` (see key()). */
export interface QName {
  ns: string;
  local: string;
}

export function key(q: QName): string {
  return `{${q.ns}}${q.local}`;
}

export function sameName(a: QName, b: QName): boolean {
  return a.ns === b.ns && a.local === b.local;
}

/** `t:ItemType` with the prefix the schemas declare for the namespace, else `{ns}local` (or `local`). */
export function prefixed(prefixes: ReadonlyMap<string, string>, q: QName): string {
  const prefix = prefixes.get(q.ns);
  return prefix !== undefined ? `${prefix}:${q.local}` : q.ns ? `{${q.ns}}${q.local}` : q.local;
}
