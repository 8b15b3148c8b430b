// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.
/*
 * The part of saxes' API the reader uses, typed here. saxes 6.0.0 ships a .d.ts that does not
 * compile under `strict` without `skipLibCheck` (TS2344 in saxes.d.ts), and the generated SDK
 * must compile in its users' strict projects; so saxes is loaded untyped and given this type.
 */

/** A start or end tag: its qualified name as written. */
export interface SaxTag {
  name: string;
}

/** An attribute as written, reported before the opentag event of its element. */
export interface SaxAttribute {
  name: string;
  value: string;
}

export interface SaxParser {
  /** The line (1-based) of the next character to read. */
  line: number;
  on(event: 'opentag' | 'closetag', handler: (tag: SaxTag) => void): void;
  on(event: 'attribute', handler: (attribute: SaxAttribute) => void): void;
  on(event: 'text' | 'cdata' | 'doctype', handler: (text: string) => void): void;
  write(chunk: string): this;
  close(): this;
}

/*
 * Reached through `process.getBuiltinModule` (Node 20.16+) and typed here, so that the SDK
 * compiles without @types/node and without a DOM lib: a vendoring project needs only saxes.
 */
interface NodeBuiltins {
  process: { getBuiltinModule(id: 'node:module'): { createRequire(from: string): (id: string) => unknown } };
}
const { createRequire } = (globalThis as unknown as NodeBuiltins).process.getBuiltinModule('node:module');
const saxes = createRequire((import.meta as unknown as { url: string }).url)('saxes') as {
  SaxesParser: new (options: { xmlns: false; position: boolean }) => SaxParser;
};

/**
 * A saxes parser with positions. Namespaces are resolved by the reader (namespaces.ts), which
 * does it in a fraction of the time saxes takes.
 */
export function createSaxParser(): SaxParser {
  return new saxes.SaxesParser({ xmlns: false, position: true });
}
