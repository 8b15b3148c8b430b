// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * What can go wrong between the envelope and the response text, each a class of its own with
 * a `kind` that comes first in its message (`http 500: …`, `auth: …`, `throttled: …`), so that
 * one line says what happened. No message ever holds a credential: they are built from
 * statuses, header names, scheme names and excerpts of what the server sent.
 */

export type TransportErrorKind =
  'http' | 'auth' | 'throttled' | 'timeout' | 'network' | 'redirect' | 'aborted' | 'too-large' | 'config';

export class EwsTransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
  ) {
    // `http 500: …` reads as a status line; every other kind is `kind: …`.
    super(kind === 'http' ? `http ${message}` : `${kind}: ${message}`);
    this.name = 'EwsTransportError';
  }
}

/** A status the transport does not turn into a response: an HTML error page, a proxy's 502, … */
export class EwsHttpError extends EwsTransportError {
  constructor(
    readonly status: number,
    /** The start of the body as text (tags stripped), for a body that is not SOAP. */
    readonly excerpt: string,
    /** From `Retry-After` (503, 429), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super('http', `${status}${excerpt ? `: ${excerpt}` : ''}`);
    this.name = 'EwsHttpError';
  }
}

/** The server refused the credentials (or offered no scheme we have). */
export class EwsAuthError extends EwsTransportError {
  constructor(
    readonly scheme: string,
    /** The schemes of the server's `WWW-Authenticate` headers. */
    readonly offered: string,
    detail: string,
  ) {
    super('auth', `${detail} (we sent ${scheme}; the server offers ${offered})`);
    this.name = 'EwsAuthError';
  }
}

/** Throttled, and waiting as the server asks would go past the wait budget (or the retries ran out). */
export class EwsThrottledError extends EwsTransportError {
  constructor(
    /** What the server said (`ErrorServerBusy`, `http 503`, …). */
    readonly reason: string,
    /** How long the server asked to wait, from now, when it said. */
    readonly retryAfterMs: number | undefined,
    detail: string,
  ) {
    super('throttled', `${reason}: ${detail}`);
    this.name = 'EwsThrottledError';
  }
}

export class EwsTimeoutError extends EwsTransportError {
  constructor(
    readonly phase: 'connect' | 'response',
    readonly timeoutMs: number,
    /** The request may have reached the server. */
    readonly maybeSent: boolean,
  ) {
    super(
      'timeout',
      phase === 'connect' ? `no connection within ${timeoutMs} ms` : `no complete response within ${timeoutMs} ms`,
    );
    this.name = 'EwsTimeoutError';
  }
}

/** The connection failed or was lost; `maybeSent` says whether the server may have the request. */
export class EwsNetworkError extends EwsTransportError {
  constructor(
    readonly code: string,
    readonly maybeSent: boolean,
    detail: string,
    /** False for failures a new attempt would meet again (a certificate the client does not trust). */
    readonly retryable = true,
  ) {
    super('network', `${code}: ${detail}`);
    this.name = 'EwsNetworkError';
  }
}

/** A redirect we do not follow: to another origin (credentials never go there) or too many. */
export class EwsRedirectError extends EwsTransportError {
  constructor(
    readonly status: number,
    /** The origin of the Location (scheme, host, port): never its path or query. */
    readonly location: string,
    detail: string,
  ) {
    super('redirect', `${status} to ${location}: ${detail}`);
    this.name = 'EwsRedirectError';
  }
}

export class EwsAbortError extends EwsTransportError {
  constructor(readonly reason?: unknown) {
    super('aborted', 'the call was aborted');
    this.name = 'EwsAbortError';
  }
}

/** The first `max` characters of a non-SOAP body as text: an IIS error page's title and words. */
export function excerptOf(body: string, max = 160): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  const text = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const words = title && !text.startsWith(title.trim()) ? `${title.trim()} — ${text}` : text;
  return words.length > max ? `${words.slice(0, max - 1)}…` : words;
}
