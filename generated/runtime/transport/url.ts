// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/* The WHATWG URL every runtime has, typed here (it is not in the ES2022 lib). */

export interface UrlLike {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly origin: string;
}

const URLClass = (globalThis as unknown as { URL: new (url: string, base?: string) => UrlLike }).URL;

/** Parses `url` (relative to `base`); undefined when it is not a URL. */
export function parseUrl(url: string, base?: string): UrlLike | undefined {
  try {
    return new URLClass(url, base);
  } catch {
    return undefined;
  }
}
