// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
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
 * saxes is loaded with a `require` relative to this file, in ES modules and in CommonJS alike,
 * without `import.meta` (which does not compile into CommonJS output, TS1470) and without a
 * static import (which would make tsc check saxes' own .d.ts). In CommonJS, `require` is this
 * module's own. In an ES module, createRequire (reached through `process.getBuiltinModule`,
 * Node 20.16+, typed here) needs this file's name, which V8's structured stack trace gives.
 */
declare const require: ((id: 'saxes') => unknown) | undefined;

interface NodeBuiltins {
  process: { getBuiltinModule(id: 'node:module'): { createRequire(from: string): (id: 'saxes') => unknown } };
  Error: {
    prepareStackTrace?: (error: Error, frames: readonly { getFileName(): string | null | undefined }[]) => unknown;
  };
}

/** This module's file (a file: URL in an ES module), from the first frame of a stack trace. */
function thisFile(): string {
  const { Error: E } = globalThis as unknown as NodeBuiltins;
  const saved = E.prepareStackTrace;
  try {
    E.prepareStackTrace = (_, frames) => frames[0]?.getFileName();
    const file = new Error().stack as unknown as string | null | undefined;
    if (!file) throw new Error('ews runtime: cannot tell where runtime/sax.js is, to load saxes from there');
    return file;
  } finally {
    E.prepareStackTrace = saved;
  }
}

function loadSaxes(): unknown {
  if (typeof require === 'function') return require('saxes');
  const { createRequire } = (globalThis as unknown as NodeBuiltins).process.getBuiltinModule('node:module');
  return createRequire(thisFile())('saxes');
}

const saxes = loadSaxes() as { SaxesParser: new (options: { xmlns: false; position: boolean }) => SaxParser };

/**
 * A saxes parser with positions. Namespaces are resolved by the reader (namespaces.ts), which
 * does it in a fraction of the time saxes takes.
 */
export function createSaxParser(): SaxParser {
  return new saxes.SaxesParser({ xmlns: false, position: true });
}
