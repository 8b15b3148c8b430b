// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
/*
 * The Node transport: node:http / node:https with a small pool of kept-alive connections.
 * Each connection is an agent of one socket, so that a connection-scoped authenticator (NTLM)
 * rides on the socket it authenticated, and learns when the agent had to open a new one.
 */
import type { AuthConnection } from '../auth/authenticator.js';
import {
  createTransport,
  type EwsTransport,
  type TransportOptions,
  type Wire,
  type WireReply,
  type WireRequest,
} from './core.js';
import { EwsAbortError, EwsNetworkError, EwsTimeoutError, EwsTransportError } from './errors.js';
import {
  nodeModule,
  type NodeAgent,
  type NodeBuffer,
  type NodeClientRequest,
  type NodeIncomingMessage,
  type NodeSocket,
} from './node.js';
import { timers } from './retry.js';

export interface HttpTransportOptions extends TransportOptions {
  /** Certificates to trust besides the system's (PEM), e.g. a test server's. */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Verify the server certificate (default true). */
  rejectUnauthorized?: boolean;
}

interface Connection extends AuthConnection {
  agent: NodeAgent;
  socket?: NodeSocket;
  socketId: number;
  peerCertificate?: Uint8Array;
  busy: boolean;
}

/** Codes after which a new attempt may succeed. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/** The connection went away while the response was arriving (retryable: it may have been sent). */
function lostDuringResponse(code = 'ECONNRESET'): EwsNetworkError {
  return new EwsNetworkError(code, true, 'the connection was lost during the response');
}

/** An EWS transport over node:http(s): `new EwsClient(httpTransport({ url, auth: ntlmAuth({...}) }))`. */
export function httpTransport(options: HttpTransportOptions): EwsTransport {
  return createTransport(nodeWire(options), options);
}

function nodeWire(options: HttpTransportOptions): Wire {
  const https = options.url.startsWith('https:');
  const http = nodeModule(https ? 'node:https' : 'node:http');
  const { Buffer } = nodeModule('node:buffer');
  const zlib = nodeModule('node:zlib');
  const size = Math.max(1, options.retry?.concurrency ?? 4);
  const pool: Connection[] = [];
  const waiting: (() => void)[] = [];
  let sockets = 0;

  const connection = (): Connection => ({
    agent: new http.Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1 }),
    socketId: 0,
    state: {},
    busy: false,
  });

  function decode(res: NodeIncomingMessage, body: NodeBuffer, max: number): Promise<string> {
    const encoding = (res.headersDistinct['content-encoding']?.[0] ?? 'identity').toLowerCase().trim();
    const text = (b: NodeBuffer) => {
      const s = b.toString('utf8');
      return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    };
    if (encoding === 'identity' || encoding === '') return Promise.resolve(text(body));
    const unzip =
      encoding === 'gzip' || encoding === 'x-gzip' ? zlib.gunzip : encoding === 'deflate' ? zlib.inflate : undefined;
    if (!unzip)
      return Promise.reject(
        new EwsNetworkError('EBADENCODING', true, `unsupported Content-Encoding ${encoding}`, false),
      );
    return new Promise((resolve, reject) =>
      unzip(body, { maxOutputLength: max }, (error, out) => {
        if (!error) return resolve(text(out));
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          reject(new EwsTransportError('too-large', `the response decompresses to more than ${max} bytes`));
        else if (encoding === 'deflate' && (error as { code?: string }).code === 'Z_DATA_ERROR') {
          // Some servers send raw deflate without the zlib wrapper.
          zlib.inflateRaw(body, { maxOutputLength: max }, (e2, raw) =>
            e2 ? reject(new EwsNetworkError('EBADENCODING', true, `the deflate body is corrupt`)) : resolve(text(raw)),
          );
        } else reject(new EwsNetworkError('EBADENCODING', true, `the ${encoding} body is corrupt: ${error.message}`));
      }),
    );
  }

  /**
   * A 2xx response's body as it arrives, decompressed, for a request with `stream`: the size
   * cap, the rest of the response timeout and the abort signal hold while it is read; an early
   * stop destroys the response (and so its socket: the rest is never read).
   */
  function bodyOf(res: NodeIncomingMessage, request: WireRequest, started: number): AsyncIterable<Uint8Array> | Error {
    const encoding = (res.headersDistinct['content-encoding']?.[0] ?? 'identity').toLowerCase().trim();
    const unzip =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? zlib.createGunzip()
        : encoding === 'deflate'
          ? zlib.createInflate()
          : encoding === 'identity' || encoding === ''
            ? undefined
            : null;
    if (unzip === null) {
      res.destroy();
      return new EwsNetworkError('EBADENCODING', true, `unsupported Content-Encoding ${encoding}`, false);
    }
    let failure: Error | undefined;
    const fail = (e: Error) => {
      failure ??= e;
      res.destroy();
      unzip?.destroy(e);
    };
    const lost = () => fail(lostDuringResponse());
    res.on('error', lost);
    res.on('aborted', lost);
    const source = unzip ? res.pipe(unzip) : res;
    return (async function* () {
      const left = Math.max(0, request.timeoutMs - (Date.now() - started));
      const timer = timers.setTimeout(() => fail(new EwsTimeoutError('response', request.timeoutMs, true)), left);
      const onAbort = () => fail(new EwsAbortError(request.signal?.reason));
      request.signal?.addEventListener('abort', onAbort, { once: true });
      let length = 0;
      try {
        for await (const chunk of source) {
          length += chunk.length;
          if (length > request.maxResponseBytes)
            fail(new EwsTransportError('too-large', `the response is larger than ${request.maxResponseBytes} bytes`));
          if (failure) break;
          yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
        }
        if (!failure && !res.complete) lost();
      } catch (e) {
        if (!failure && unzip)
          failure = new EwsNetworkError(
            'EBADENCODING',
            true,
            `the ${encoding} body is corrupt: ${(e as Error).message}`,
          );
        else if (!failure) lost();
      } finally {
        timers.clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        if (!res.complete) res.destroy();
      }
      if (failure) throw failure;
    })();
  }

  function send(conn: AuthConnection, request: WireRequest): Promise<WireReply> {
    const c = conn as Connection;
    const body = request.body;
    return new Promise<WireReply>((resolve, reject) => {
      let finished = false;
      let settled = false;
      let failed = false;
      const timersToClear: unknown[] = [];
      const done = (error: Error | undefined, reply?: WireReply) => {
        if (settled) return;
        settled = true;
        for (const t of timersToClear) timers.clearTimeout(t);
        request.signal?.removeEventListener('abort', onAbort);
        if (error) {
          failed = true;
          req.destroy();
          reject(error);
        } else resolve(reply!);
      };
      const onAbort = () => done(new EwsAbortError(request.signal?.reason));
      const started = Date.now();
      if (request.signal?.aborted) return reject(new EwsAbortError(request.signal.reason));
      const port = request.url.port ? Number(request.url.port) : https ? 443 : 80;
      const req = http.request(
        {
          method: 'POST',
          protocol: request.url.protocol,
          hostname: request.url.hostname.replace(/^\[|\]$/g, ''),
          port,
          path: request.url.pathname + request.url.search,
          headers: { ...request.headers, 'Content-Length': String(body.byteLength) },
          agent: c.agent,
          ...(options.ca !== undefined ? { ca: options.ca } : {}),
          ...(options.rejectUnauthorized !== undefined ? { rejectUnauthorized: options.rejectUnauthorized } : {}),
        },
        (res) => {
          const cert = res.socket.getPeerCertificate?.(false)?.raw;
          if (cert?.length) c.peerCertificate = new Uint8Array(cert);
          const status = res.statusCode ?? 0;
          if (request.stream && status >= 200 && status < 300) {
            const chunks = bodyOf(res, request, started);
            if (chunks instanceof Error) return done(chunks);
            return done(undefined, { status, headers: res.headersDistinct, body: '', chunks });
          }
          const chunks: NodeBuffer[] = [];
          let length = 0;
          res.on('data', (chunk: NodeBuffer) => {
            length += chunk.length;
            if (length > request.maxResponseBytes)
              done(new EwsTransportError('too-large', `the response is larger than ${request.maxResponseBytes} bytes`));
            else chunks.push(chunk);
          });
          res.on('error', (e: Error & { code?: string }) => done(lostDuringResponse(e.code)));
          res.on('aborted', () => done(lostDuringResponse()));
          res.on('end', () => {
            if (!res.complete) return done(lostDuringResponse());
            decode(res, Buffer.concat(chunks, length), request.maxResponseBytes).then(
              (text) => done(undefined, { status: res.statusCode ?? 0, headers: res.headersDistinct, body: text }),
              (e: Error) => done(e),
            );
          });
        },
      );
      req.on('socket', (socket: NodeSocket) => {
        if (socket !== c.socket) {
          c.socket = socket;
          c.socketId = ++sockets;
          delete c.peerCertificate;
          // A socket the server closes is forgotten at once, so that the next request on this
          // connection starts its handshake instead of counting on an authentication now gone.
          socket.once('close', () => {
            if (c.socket !== socket) return;
            delete c.socket;
            c.socketId = ++sockets;
          });
        }
        if (socket.connecting) {
          const t = timers.setTimeout(
            () => done(new EwsTimeoutError('connect', request.connectTimeoutMs, false)),
            request.connectTimeoutMs,
          );
          timersToClear.push(t);
          socket.once('connect', () => timers.clearTimeout(t));
        }
      });
      req.on('finish', () => {
        finished = true;
      });
      req.on('error', (e: Error & { code?: string }) => {
        const code = e.code ?? 'ECONNRESET';
        done(new EwsNetworkError(code, finished, e.message, RETRYABLE_CODES.has(code)));
      });
      timersToClear.push(
        timers.setTimeout(() => done(new EwsTimeoutError('response', request.timeoutMs, finished)), request.timeoutMs),
      );
      request.signal?.addEventListener('abort', onAbort, { once: true });
      // The bytes stay ours until the request is over: a reply can come before they have all left.
      req.once('close', body.hold());
      // A body that cannot be made or written fails the request (its 'error' settles the call).
      writeBody(req, body.chunks(), () => failed).catch((e: Error) => req.destroy(e));
    });
  }

  /**
   * Writes a body's chunks as the socket takes them (a large body is made as it is sent: see
   * request-body.ts), then ends the request. A response that comes first (a 401 of an NTLM
   * round) does not stop it: the request is written whole, or the connection could not carry
   * the next one. A failure does, and so does the server closing the connection (the request
   * is then destroyed; 'close' ends a wait for 'drain').
   */
  async function writeBody(req: NodeClientRequest, chunks: Iterable<Uint8Array>, failed: () => boolean): Promise<void> {
    for (const chunk of chunks) {
      if (failed() || req.destroyed) return;
      if (!req.write(chunk))
        await new Promise<void>((resolve) => {
          const go = () => {
            req.removeListener('drain', go);
            req.removeListener('close', go);
            resolve();
          };
          req.once('drain', go);
          req.once('close', go);
        });
    }
    if (!failed() && !req.destroyed) req.end();
  }

  return {
    supportsConnectionAuth: true,
    async acquire(signal) {
      for (;;) {
        let free = pool.find((c) => !c.busy);
        if (!free && pool.length < size) pool.push((free = connection()));
        if (free) {
          free.busy = true;
          return free;
        }
        if (signal?.aborted) throw new EwsAbortError(signal.reason);
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    release(conn) {
      (conn as Connection).busy = false;
      waiting.shift()?.();
    },
    send,
    close() {
      for (const c of pool) c.agent.destroy();
      pool.length = 0;
    },
  };
}
