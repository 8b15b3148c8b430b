// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * How a transport asks for credentials. Request-scoped schemes (Basic, Bearer) answer every
 * request the same way; connection-scoped ones (NTLM, later Negotiate/Kerberos) run a
 * handshake on a connection and then ride on it, so the transport tells them which connection
 * a request goes out on and whether the server's answer came back on the same one.
 */

/** The connection a request goes out on, as an authenticator sees it. */
export interface AuthConnection {
  /** Changes whenever the transport had to open a new socket for this connection. */
  readonly socketId: number;
  /** The DER bytes of the server's TLS certificate, once connected over https. */
  readonly peerCertificate?: Uint8Array;
  /** State an authenticator keeps per connection (its handshake). */
  state: Record<string, unknown>;
}

export interface AuthContext {
  readonly url: string;
  readonly connection: AuthConnection;
  /** How many 401 answers this request has had, the one being answered included (0 in authorize). */
  readonly round: number;
  readonly signal?: AbortSignalLike;
}

export interface Authenticator {
  /** The scheme, as in `WWW-Authenticate` (`Basic`, `Bearer`, `NTLM`). */
  readonly scheme: string;
  /** True when the scheme authenticates a connection rather than a request. */
  readonly connectionScoped: boolean;
  /** The Authorization header for the next request, or undefined to send none. */
  authorize(ctx: AuthContext): Promise<string | undefined>;
  /**
   * The server answered 401 with these `WWW-Authenticate` values: the Authorization header of
   * the next try on the same connection, or undefined to give up (an auth error).
   */
  challenge(ctx: AuthContext, offered: readonly string[]): Promise<string | undefined>;
  /** The server accepted the request sent on `ctx.connection` (not a 401). */
  accepted?(ctx: AuthContext): void;
  /**
   * True when the Authorization of this round only opens a handshake (NTLM's NEGOTIATE), which
   * a server answers with a challenge whatever the request: the transport then sends it with
   * an empty body, as curl does, and the envelope (megabytes, for an attachment) only with a
   * round that can succeed.
   */
  opening?(ctx: AuthContext): boolean;
}

/** AbortSignal as far as the runtime uses it (typed here: no DOM lib, no @types/node). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes, without Buffer (the fetch transport runs where there is none). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[n >>> 18]! + BASE64[(n >>> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >>> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[\s=]+/g, '');
  if (/[^A-Za-z0-9+/]/.test(clean)) throw new Error('not base64');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const c of clean) {
    value = (value << 6) | BASE64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >>> bits) & 0xff;
    }
  }
  return out;
}

export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

/** The scheme names a server offered, for error messages (`NTLM, Negotiate`). */
export function schemesOf(offered: readonly string[]): string {
  return (
    offered
      .map((o) => o.trim().split(/\s+/)[0])
      .filter(Boolean)
      .join(', ') || 'none'
  );
}

/**
 * HTTP Basic. The credentials are encoded once and kept only as that header value; the
 * transport refuses to send it over plain http:// unless told to.
 */
export function basicAuth(username: string, password: string): Authenticator {
  const header = `Basic ${toBase64(utf8(`${username}:${password}`))}`;
  return {
    scheme: 'Basic',
    connectionScoped: false,
    authorize: async () => header,
    challenge: async () => undefined,
  };
}

export interface TokenRequest {
  /** True after the server refused the last token: return a new one, not a cached one. */
  forceRefresh: boolean;
  signal?: AbortSignalLike;
}

/** Returns an OAuth access token; called for every request (cache in the provider, e.g. MSAL). */
export type TokenProvider = (request: TokenRequest) => Promise<string>;

/** OAuth 2.0 bearer tokens. On a 401 the provider is asked once more with `forceRefresh`, then the request is tried once again. */
export function bearerAuth(getToken: TokenProvider): Authenticator {
  return {
    scheme: 'Bearer',
    connectionScoped: false,
    authorize: async (ctx) =>
      `Bearer ${await getToken({ forceRefresh: false, ...(ctx.signal ? { signal: ctx.signal } : {}) })}`,
    challenge: async (ctx, offered) => {
      if (ctx.round > 1 || !offered.some((o) => /^bearer\b/i.test(o.trim()))) return undefined;
      return `Bearer ${await getToken({ forceRefresh: true, ...(ctx.signal ? { signal: ctx.signal } : {}) })}`;
    },
  };
}
