// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.

/** Input the schema rejects, or a value that cannot be written: names the element path (and line, when reading). */
export class EwsXmlError extends Error {
  constructor(
    message: string,
    /** `/s:Envelope/s:Body/m:FindItemResponse/…/t:ItemId` or `…/@Id`. */
    readonly path: string,
    readonly line?: number,
  ) {
    super(`${path}${line !== undefined ? ` (line ${line})` : ''}: ${message}`);
    this.name = 'EwsXmlError';
  }
}
