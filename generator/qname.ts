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
