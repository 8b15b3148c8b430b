/**
 * The pragma that keeps a user's build from type-checking again what ews-codegen has checked: the
 * code and data modules of an SDK, the descriptors and writers (`<service>/schema.ts`), the
 * operations and client, the version table, and the runtime (`runtime/`). They are most of its
 * lines and nearly all of its check time (`npm run bench:typecheck`: checking them took 4.4 of the
 * 6.3 s tsc spent on generated/ews and the runtime), and they are checked here: the tests compile
 * every generated module strictly with this line removed (test/support/compile.ts), and `npm run
 * typecheck` checks templates/runtime/ without @types/node. The declaration modules a user's code
 * is checked against (types, enums, messages, xml) keep being checked. The pragma only silences
 * errors: tsc still works out every type an importer sees, the same either way, and skips checking
 * the bodies nothing asks about.
 */
export const NO_CHECK =
  '// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.\n';

/** The text with the pragma after its first line (the header comment that says where it comes from). */
export function withNoCheck(text: string): string {
  const eol = text.indexOf('\n') + 1;
  return text.slice(0, eol) + NO_CHECK + text.slice(eol);
}

/** The text without the pragma, an empty line in its place (so that line numbers stay): how our own checks compile what users skip. */
export function withoutNoCheck(text: string): string {
  return text.replace(NO_CHECK, '\n');
}
