import type { EwsXmlError } from '../../generated/runtime/index.js';

/** An EwsXmlError as an erratum records it: the element path, the line, and the message without them. */
export function errorParts(e: EwsXmlError): { path: string; line: number | undefined; message: string } {
  const prefix = `${e.path}${e.line !== undefined ? ` (line ${e.line})` : ''}: `;
  return { path: e.path, line: e.line, message: e.message.slice(prefix.length) };
}
