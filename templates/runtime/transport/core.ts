// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * What every HTTP transport does around one POST, whatever sends the bytes (node:http or
 * fetch): the headers Exchange wants, the authentication rounds on one connection, redirects
 * (same origin only: credentials never travel to another host), turning statuses and non-SOAP
 * bodies into typed errors, the affinity cookie of subscriptions, and the hooks.
 */
import type { AbortSignalLike, AuthConnection, AuthContext, Authenticator } from '../auth/authenticator.js';
import { schemesOf } from '../auth/authenticator.js';
import { textBody, type RequestBody } from '../request-body.js';
import { EwsAuthError, EwsHttpError, EwsRedirectError, EwsTransportError, excerptOf } from './errors.js';
import { RetryPolicy, type Clock, type RetryEvent, type RetryOptions } from './retry.js';
import { parseUrl, type UrlLike } from './url.js';

/** The body of an opening round (Authenticator.opening). */
const EMPTY_BODY = /* @__PURE__ */ textBody('');

/** One request as the client hands it to a transport. */
export interface TransportRequest {
  /** The SOAP envelope: its text, or its bytes as they are to be sent (EwsRequest.toBody). */
  envelope: string | RequestBody;
  soapAction: string;
  /** The WSDL operation, for hooks and errors. */
  operation: string;
  /** Extra HTTP headers (X-AnchorMailbox, X-PreferServerAffinity). */
  headers?: Record<string, string>;
  signal?: AbortSignalLike;
  /** Overrides the transport's `timeoutMs` for this call (GetStreamingEvents holds a response open). */
  timeoutMs?: number;
  /** Answer a 2xx SOAP response with its body as it arrives (`chunks`) rather than its whole text. */
  stream?: boolean;
}

export interface TransportReply {
  status: number;
  headers: Record<string, string>;
  /** The response text, decompressed and decoded; empty when `chunks` has the body. */
  text: string;
  /**
   * For a request with `stream`, a 2xx response's body as it arrives, decompressed. The
   * connection is the call's until the body is read to its end, or the loop over it stops (which
   * closes the connection: the rest of the body is not read). The response timeout and the size
   * cap still hold; what goes wrong is thrown from the loop as a transport error.
   */
  chunks?: AsyncIterable<Uint8Array>;
}

/** What the generated clients accept besides a plain function: a transport that retries as the server asks. */
export interface EwsTransport {
  readonly retry: RetryPolicy;
  /** One attempt: the SOAP response text (a fault included), or a typed transport error. */
  send(request: TransportRequest): Promise<TransportReply>;
  /** Closes the kept-alive connections. */
  close(): void;
}

export interface TransportHooks {
  onRequest?(event: { operation: string; url: string; headers: Record<string, string>; body?: string }): void;
  onResponse?(event: {
    operation: string;
    status: number;
    durationMs: number;
    requestId?: string;
    clientRequestId: string;
    body?: string;
  }): void;
  onRetry?(event: RetryEvent): void;
}

export interface TransportOptions {
  /** `https://HOST/EWS/Exchange.asmx`. */
  url: string;
  auth?: Authenticator;
  /** Allow credentials over plain http:// (refused by default: they would travel in clear). */
  allowHttp?: boolean;
  /** No connection within this many ms fails the attempt (default 30,000). */
  connectTimeoutMs?: number;
  /** No complete response within this many ms of sending fails the attempt (default 120,000). */
  timeoutMs?: number;
  /** A larger response (after decompression) fails (default 256 MiB). */
  maxResponseBytes?: number;
  userAgent?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  retry?: RetryOptions;
  hooks?: TransportHooks;
  /** Pass request and response bodies to the hooks (off by default; Authorization is never passed). */
  traceBodies?: boolean;
}

/** A request as the wire sends it. */
export interface WireRequest {
  url: UrlLike;
  headers: Record<string, string>;
  /**
   * Sent with its byteLength as Content-Length, its chunks in order. Its bytes may be released
   * to another envelope once `send` settles: a wire that sends after that holds them (`hold`).
   */
  body: RequestBody;
  signal?: AbortSignalLike;
  connectTimeoutMs: number;
  timeoutMs: number;
  maxResponseBytes: number;
  /** A 2xx response comes back as `chunks`, its body read as the caller reads them. */
  stream?: boolean;
}

export interface WireReply {
  status: number;
  /** Lower-case names; repeated headers as arrays. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** With `stream`, a 2xx response's body (`body` is then empty); see TransportReply.chunks. */
  chunks?: AsyncIterable<Uint8Array>;
}

/** What sends the bytes: connections that authenticators can ride on. */
export interface Wire {
  readonly supportsConnectionAuth: boolean;
  acquire(signal?: AbortSignalLike): Promise<AuthConnection>;
  release(connection: AuthConnection): void;
  send(connection: AuthConnection, request: WireRequest): Promise<WireReply>;
  close(): void;
}

export const USER_AGENT = 'ews-codegen/0.1 (generated EWS SDK)';

/** `chunks`, calling `release` once when they end, fail, or the loop over them stops. */
async function* releasing(chunks: AsyncIterable<Uint8Array>, release: () => void): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } finally {
    release();
  }
}

/** The text the first bytes of a body start with (enough to tell SOAP from HTML or nothing). */
function utf8Start(bytes: Uint8Array): string {
  const Decoder = (globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }).TextDecoder;
  return new Decoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
}
const MAX_AUTH_ROUNDS = 4;
const MAX_REDIRECTS = 3;

/** The header's values, whether the wire gave one or several. */
export function headerValues(headers: WireReply['headers'], name: string): string[] {
  const v = headers[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

let requestCounter = 0;

function requestId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?(): string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const hex = (n: number) =>
    Math.floor(Math.random() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + (++requestCounter % 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

/** Makes an EwsTransport from a wire: the part httpTransport and fetchTransport share. */
export function createTransport(wire: Wire, options: TransportOptions): EwsTransport {
  const url = parseUrl(options.url);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new EwsTransportError('config', `not an http(s) URL: ${options.url.replace(/\/\/[^@/]*@/, '//…@')}`);
  }
  if (options.auth && url.protocol === 'http:' && !options.allowHttp) {
    throw new EwsTransportError(
      'config',
      `${options.auth.scheme} credentials over plain http:// are refused (they would travel in clear); use https:// or allowHttp`,
    );
  }
  if (options.auth?.connectionScoped && !wire.supportsConnectionAuth) {
    throw new EwsTransportError(
      'config',
      `${options.auth.scheme} authenticates a connection, which this transport cannot hold (fetch): use httpTransport on Node`,
    );
  }
  const retry = new RetryPolicy(options.retry, options.hooks?.onRetry);
  const clock: Clock = retry.clock;
  const limits = {
    connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxResponseBytes: options.maxResponseBytes ?? 256 * 1024 * 1024,
  };
  let affinityCookie: string | undefined;
  const hooks = options.hooks ?? {};

  async function sendOn(connection: AuthConnection, request: TransportRequest, target: UrlLike): Promise<WireReply> {
    const clientRequestId = requestId();
    const body = typeof request.envelope === 'string' ? textBody(request.envelope) : request.envelope;
    const headers: Record<string, string> = {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${request.soapAction}"`,
      Accept: 'text/xml',
      'Accept-Encoding': 'gzip, deflate',
      'User-Agent': options.userAgent ?? USER_AGENT,
      'client-request-id': clientRequestId,
      'return-client-request-id': 'true',
      ...options.headers,
      ...request.headers,
    };
    if (affinityCookie && request.headers?.['X-PreferServerAffinity']) headers.Cookie = affinityCookie;
    const auth = options.auth;
    const ctx = (round: number): AuthContext => ({
      url: target.href,
      connection,
      round,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    let authorization = auth ? await auth.authorize(ctx(0)) : undefined;
    // Whether the envelope went with an opening round already answered otherwise than by a challenge.
    let unopened = false;
    for (let round = 0; ;) {
      const sent = { ...headers, ...(authorization !== undefined ? { Authorization: authorization } : {}) };
      const opening = authorization !== undefined && !unopened && auth!.opening?.(ctx(round)) === true;
      hooks.onRequest?.({
        operation: request.operation,
        url: target.href,
        headers:
          authorization !== undefined ? { ...headers, Authorization: `${auth!.scheme} [redacted]` } : { ...headers },
        ...(options.traceBodies ? { body: opening ? '' : body.text() } : {}),
      });
      const started = clock.now();
      const reply = await wire.send(connection, {
        url: target,
        headers: sent,
        body: opening ? EMPTY_BODY : body,
        ...(request.signal ? { signal: request.signal } : {}),
        ...limits,
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
        ...(request.stream && !opening ? { stream: true } : {}),
      });
      const requestIdHeader = headerValues(reply.headers, 'request-id')[0];
      hooks.onResponse?.({
        operation: request.operation,
        status: reply.status,
        durationMs: clock.now() - started,
        clientRequestId,
        ...(requestIdHeader ? { requestId: requestIdHeader } : {}),
        ...(options.traceBodies && !reply.chunks ? { body: reply.body } : {}),
      });
      if (opening && reply.status !== 401) {
        // Not challenged: the server wants no handshake here. An empty body is no request it
        // could have carried out (a fault at most): the envelope goes now, on the same round.
        unopened = true;
        continue;
      }
      if (reply.status === 401 && !auth) {
        const offered = schemesOf(headerValues(reply.headers, 'www-authenticate'));
        throw new EwsAuthError('none', offered, 'the server asks for credentials and the transport has none');
      }
      if (reply.status !== 401 || !auth) {
        if (auth && reply.status !== 401) auth.accepted?.(ctx(round));
        return reply;
      }
      const offered = headerValues(reply.headers, 'www-authenticate');
      round++;
      const next =
        round > MAX_AUTH_ROUNDS
          ? undefined
          : authorization === undefined
            ? await auth.authorize(ctx(round)) // the connection was thought authenticated: start again
            : await auth.challenge(ctx(round), offered);
      if (next === undefined) {
        const mine = offered.some((o) => o.trim().toLowerCase().startsWith(auth.scheme.toLowerCase()));
        throw new EwsAuthError(
          auth.scheme,
          schemesOf(offered),
          mine ? 'the server refused the credentials' : 'the server does not offer our scheme',
        );
      }
      authorization = next;
    }
  }

  async function send(request: TransportRequest): Promise<TransportReply> {
    let target = url!;
    for (let hops = 0; ; hops++) {
      const connection = await wire.acquire(request.signal);
      let reply: WireReply | undefined;
      try {
        reply = await sendOn(connection, request, target);
        // A body still arriving holds the connection until it is read (or the loop stops).
        if (reply.chunks) reply = { ...reply, chunks: releasing(reply.chunks, () => wire.release(connection)) };
      } finally {
        if (!reply?.chunks) wire.release(connection);
      }
      const cookie = headerValues(reply.headers, 'set-cookie')
        .map((c) => c.split(';')[0]!.trim())
        .find((c) => c.startsWith('X-BackEndOverrideCookie='));
      if (cookie) affinityCookie = cookie;
      if (reply.status >= 300 && reply.status < 400) {
        const location = parseUrl(headerValues(reply.headers, 'location')[0] ?? '', target.href);
        if (!location) throw new EwsRedirectError(reply.status, '(no Location)', 'a redirect without a place to go');
        if (location.origin !== target.origin) {
          throw new EwsRedirectError(
            reply.status,
            location.origin,
            `not followed: another origin than ${target.origin}, and credentials never go there`,
          );
        }
        if (reply.status !== 307 && reply.status !== 308) {
          throw new EwsRedirectError(
            reply.status,
            location.origin,
            `not followed: a ${reply.status} would turn the POST into a GET (often a login page: check the credentials and the URL)`,
          );
        }
        if (hops >= MAX_REDIRECTS)
          throw new EwsRedirectError(reply.status, location.origin, `more than ${MAX_REDIRECTS} redirects`);
        target = location;
        continue;
      }
      return reply.chunks ? classifyStream(reply, reply.chunks) : classify(reply);
    }
  }

  /** A streamed 2xx reply: SOAP if its first bytes are (the check classify makes), else an EwsHttpError with their excerpt. */
  async function classifyStream(reply: WireReply, chunks: AsyncIterable<Uint8Array>): Promise<TransportReply> {
    const iterator = chunks[Symbol.asyncIterator]();
    let first = await iterator.next();
    while (!first.done && first.value.length === 0) first = await iterator.next();
    const head = first.done ? '' : utf8Start(first.value);
    let checked: TransportReply;
    try {
      checked = classify({ ...reply, body: head });
    } catch (e) {
      await iterator.return?.(); // frees the connection
      throw e;
    }
    const rest = async function* (): AsyncGenerator<Uint8Array> {
      try {
        if (!first.done) yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        await iterator.return?.();
      }
    };
    return { ...checked, text: '', chunks: rest() };
  }

  function classify(reply: WireReply): TransportReply {
    const type = headerValues(reply.headers, 'content-type')[0] ?? '';
    const soap = /^\s*</.test(reply.body) && !/html/i.test(type) && !/^\s*<(!doctype\s+)?html/i.test(reply.body);
    if ((reply.status >= 200 && reply.status < 300) || reply.status === 500) {
      if (soap) {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(reply.headers))
          if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        return { status: reply.status, headers, text: reply.body };
      }
      throw new EwsHttpError(reply.status, excerptOf(reply.body) || `an empty ${type || 'body'}, not a SOAP response`);
    }
    const after = retryAfterMs(headerValues(reply.headers, 'retry-after')[0], clock.now());
    throw new EwsHttpError(reply.status, soap ? '' : excerptOf(reply.body), after);
  }

  return { retry, send, close: () => wire.close() };
}
