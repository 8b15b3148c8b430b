// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * The transport for browsers, Deno and Bun: the platform's fetch. It cannot hold a connection,
 * so connection-scoped schemes (NTLM) are refused when it is made; Basic and Bearer work, as do
 * retries, timeouts and the size cap. The platform decompresses gzip/deflate itself.
 */
import type { AbortSignalLike, AuthConnection } from '../auth/authenticator.js';
import { createTransport, type EwsTransport, type TransportOptions, type Wire, type WireRequest } from './core.js';
import type { RequestBody } from '../request-body.js';
import { EwsAbortError, EwsNetworkError, EwsTimeoutError, EwsTransportError } from './errors.js';
import { timers } from './retry.js';

interface FetchResponse {
  readonly status: number;
  readonly headers: { forEach(callback: (value: string, name: string) => void): void };
  readonly body: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
  } | null;
}
interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}
type Fetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: Uint8Array;
    redirect: 'manual';
    signal: AbortSignalLike;
  },
) => Promise<FetchResponse>;
interface Platform {
  fetch: Fetch;
  AbortController: new () => AbortControllerLike;
  TextDecoder: new (label: 'utf-8') => { decode(bytes: Uint8Array, options?: { stream: boolean }): string };
}

export interface FetchTransportOptions extends TransportOptions {
  /** The fetch to use (default: the global one). */
  fetch?: Fetch;
}

/** An EWS transport over fetch (Basic or Bearer; no NTLM). */
export function fetchTransport(options: FetchTransportOptions): EwsTransport {
  const platform = globalThis as unknown as Platform;
  const fetch = options.fetch ?? platform.fetch;
  if (!fetch) throw new EwsTransportError('config', 'there is no fetch here; on Node use httpTransport');
  const connection: AuthConnection = { socketId: 0, state: {} };
  const wire: Wire = {
    supportsConnectionAuth: false,
    acquire: async () => connection,
    release: () => {},
    close: () => {},
    async send(_conn, request: WireRequest) {
      if (request.signal?.aborted) throw new EwsAbortError(request.signal.reason);
      const controller = new platform.AbortController();
      const onAbort = () => controller.abort(request.signal?.reason);
      request.signal?.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      const timer = timers.setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, request.timeoutMs);
      /** What went wrong, as a transport error. */
      const failure = (e: unknown): Error => {
        if (e instanceof EwsTransportError) return e;
        if (timedOut) return new EwsTimeoutError('response', request.timeoutMs, true);
        if (request.signal?.aborted) return new EwsAbortError(request.signal.reason);
        return new EwsNetworkError('EFETCH', true, (e as Error).message);
      };
      // A streamed body takes the timer and the abort listener over, to end with it.
      let streaming = false;
      const settle = () => {
        timers.clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      };
      // fetch copies a body of bytes as it is called (the Fetch standard's "extract a body"); held
      // until it answers all the same, for a fetch of your own that reads it later.
      const unhold = request.body.hold();
      try {
        const res = await fetch(request.url.href, {
          method: 'POST',
          headers: request.headers,
          body: bytesOf(request.body),
          redirect: 'manual',
          signal: controller.signal,
        }).finally(unhold);
        const headers: Record<string, string | string[]> = {};
        res.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = name.toLowerCase() === 'set-cookie' ? value.split(/,(?=[^;,]*=)/) : value;
        });
        const reader = res.body?.getReader();
        /** The body's bytes as they arrive, within the size cap; a stop before the end cancels the rest. */
        const chunks = async function* (body: NonNullable<typeof reader>): AsyncGenerator<Uint8Array> {
          let length = 0;
          let complete = false;
          try {
            for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) {
              length += chunk.value!.length;
              if (length > request.maxResponseBytes)
                throw new EwsTransportError(
                  'too-large',
                  `the response is larger than ${request.maxResponseBytes} bytes`,
                );
              yield chunk.value!;
            }
            complete = true;
          } catch (e) {
            throw failure(e);
          } finally {
            settle();
            if (!complete) await body.cancel().catch(() => {});
          }
        };
        if (request.stream && res.status >= 200 && res.status < 300 && reader) {
          streaming = true;
          return { status: res.status, headers, body: '', chunks: chunks(reader) };
        }
        const decoder = new platform.TextDecoder('utf-8');
        let text = '';
        if (reader) for await (const chunk of chunks(reader)) text += decoder.decode(chunk, { stream: true });
        text += decoder.decode(new Uint8Array(0));
        // An opaque redirect (status 0) is a redirect fetch would not show us.
        return { status: res.status || 302, headers, body: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
      } catch (e) {
        throw failure(e);
      } finally {
        if (!streaming) settle();
      }
    },
  };
  return createTransport(wire, options);
}

/**
 * A body as one array of bytes. fetch gets it whole: a streamed upload needs `duplex: 'half'`,
 * and browsers send one only over HTTP/2. A large value is still encoded straight into it,
 * never copied into a string of the whole envelope first (request-body.ts).
 */
function bytesOf(body: RequestBody): Uint8Array {
  let out: Uint8Array | undefined;
  let at = 0;
  for (const chunk of body.chunks()) {
    if (chunk.length === body.byteLength) return chunk;
    out ??= new Uint8Array(body.byteLength);
    out.set(chunk, at);
    at += chunk.length;
  }
  return out ?? new Uint8Array(0);
}
