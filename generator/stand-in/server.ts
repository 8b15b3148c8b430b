// Slightly over 400 lines: the HTTP server, its authentication handshakes and its misbehaviours
// share one request loop; faults, services and the NTLM acceptor have files of their own.
/*
 * A stand-in EWS server on loopback, for testing EWS code without Exchange: `ews-codegen serve`
 * and `startStandIn(…)`. Every request is read strictly by the generated SDK, as Exchange reads
 * it: what the schema rejects gets the ErrorSchemaValidation fault with the element path and
 * line. Answers come from typed handlers (written by the generated writers) or from recorded
 * `<Operation>.xml` files. It authenticates Basic, Bearer and NTLMv2 (with Extended Protection)
 * and misbehaves on request: throttling, HTML error pages, slow or broken bodies, gzip.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { EwsClient } from '../../generated/ews/client.js';
import { fromBase64, toBase64 } from '../../generated/runtime/auth/authenticator.js';
import { tlsChannelBindings } from '../../generated/runtime/auth/ntlm.js';
import { EwsXmlError } from '../../generated/runtime/errors.js';
import { readXml } from '../../generated/runtime/read.js';
import { writeElementDocument } from '../../generated/runtime/soap.js';
import type { Autodiscover_ar as PoxAnswer } from '../../generated/autodiscover-pox/responseschema.js';
import { compiled as poxSchema } from '../../generated/autodiscover-pox/schema.js';
import { busyInResponse, faultFor, IIS_500_PAGE, schemaValidationFault, serverBusyFault, soapFault, type Fault, type FaultPlan, type FaultRule } from './faults.js';
import { NtlmAcceptor, type ExtendedProtection, type NtlmHandshake, type NtlmProof, type NtlmUser } from './ntlm-acceptor.js';
import { AUTODISCOVER_PATH, EWS_PATH, POX_PATH, SERVICES, UM_PATH, type Service } from './services.js';

/** A client method's handler: given its request body, answers its response body. */
type HandlerOf<F> = F extends (request: infer Req, ...rest: never[]) => Promise<{ body: infer Res }>
  ? Handler<Req extends { operation: unknown; body: infer B } ? B : never, Res>
  : never;
type OperationMethods = { [K in keyof EwsClient]: EwsClient[K] extends (...args: never[]) => Promise<{ body: unknown }> ? K : never }[keyof EwsClient];

/** What a handler is given: the request read strictly, typed by its operation. */
export interface StandInRequest<Body = unknown> {
  operation: string;
  body: Body;
  /** The SOAP headers, by element name. */
  headers: Record<string, unknown>;
  /** The HTTP headers (lower-case names; Authorization left out). */
  http: Record<string, string>;
  /** The authenticated user, when the stand-in asks for credentials. */
  user?: string;
}

type Handler<Body, Res> = (request: StandInRequest<Body>) => Res | Promise<Res>;

/** Handlers by EWS operation name, typed by the generated SDK: `FindItem: (req) => ({ ResponseMessages: … })`. */
export type StandInHandlers = { [K in OperationMethods as Capitalize<K>]?: HandlerOf<EwsClient[K]> };

export interface StandInAuth {
  basic?: readonly { username: string; password: string }[];
  /** Valid bearer tokens, or a check. */
  bearer?: readonly string[] | ((token: string) => boolean);
  ntlm?: readonly NtlmUser[];
  /** The schemes NTLM is offered under (default both, as IIS does). */
  ntlmSchemes?: readonly ('NTLM' | 'Negotiate')[];
  /** NTLM channel binding (needs tls): off, allow (checked when sent), require. */
  extendedProtection?: ExtendedProtection;
}

export interface StandInOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  handlers?: StandInHandlers;
  /** UM handlers by operation name (`GetCallInfo`), answering the response body. */
  umHandlers?: Record<string, Handler<unknown, unknown>>;
  /** SOAP Autodiscover handlers (`GetUserSettings`), at /autodiscover/autodiscover.svc. */
  autodiscoverHandlers?: Record<string, Handler<unknown, unknown>>;
  /**
   * POX Autodiscover at /autodiscover/autodiscover.xml: given the address asked for, the value
   * of the ar:Autodiscover response (`{ 'o:Response': { Account: … } }` or `{ 'ar:Response': { Error } }`).
   */
  pox?: (email: string) => PoxAnswer | Promise<PoxAnswer>;
  /** A folder of recorded responses, `<Operation>.xml` (whole envelopes, sent as they are). */
  responses?: string;
  auth?: StandInAuth;
  faults?: FaultPlan;
  /**
   * GetStreamingEvents as Exchange answers it, one long response: for the `call`-th request of
   * it (1-based), the steps to take (see StreamingStep). Without it, GetStreamingEvents is
   * answered by its handler like any operation, with one envelope.
   */
  streamingEvents?: (call: number, request: unknown) => readonly StreamingStep[];
  /** The ServerVersionInfo header of EWS responses. */
  serverVersion?: { MajorVersion: number; MinorVersion: number; MajorBuildNumber: number; MinorBuildNumber: number; Version: string };
}

/**
 * A step of a streamed GetStreamingEvents response: an envelope written (the value of its
 * GetStreamingEventsResponse), a pause, or its end: `close` ends the response as the server does
 * after the connection timeout, `reset` drops the connection.
 */
export type StreamingStep = { envelope: unknown } | { pause: number } | { end: 'close' | 'reset' };

export interface RequestRecord {
  n: number;
  path: string;
  operation?: string;
  status: number;
  user?: string;
  /** For the request that completed an NTLM handshake: what its AUTHENTICATE message proved. */
  ntlm?: NtlmProof;
  /** The request's HTTP headers, Authorization reduced to its scheme. */
  headers: Record<string, string>;
  /** The request body as read (undefined when it was refused before). */
  body?: unknown;
  fault?: Fault['kind'];
}

export interface StandIn {
  /** `http://127.0.0.1:PORT/EWS/Exchange.asmx`. */
  url: string;
  /** The UM web service's URL on the same server. */
  umUrl: string;
  /** SOAP Autodiscover's URL on the same server. */
  autodiscoverUrl: string;
  port: number;
  /** Every request, in arrival order. */
  requests: RequestRecord[];
  /** Closes every open connection (as a server or a load balancer does), keeping the server up. */
  dropConnections(): void;
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
const DEFAULT_VERSION = { MajorVersion: 15, MinorVersion: 2, MajorBuildNumber: 1544, MinorBuildNumber: 4, Version: 'V2017_07_11' };

interface SocketState {
  user?: string;
  handshake?: NtlmHandshake;
}

/** What a request is answered with; `stream`, the steps of a streamed GetStreamingEvents response. */
interface Answer {
  status: number;
  body: string;
  fault?: Fault;
  stream?: readonly ({ text: string } | { pause: number } | { end: 'close' | 'reset' })[];
}

/** Starts a stand-in EWS server; `close()` stops it. Loopback only unless `host` says otherwise. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const host = options.host ?? '127.0.0.1';
  const auth = options.auth;
  const ntlm = auth?.ntlm?.length ? new NtlmAcceptor(auth.ntlm, auth.extendedProtection ?? 'off') : undefined;
  const channelBindings = options.tls ? tlsChannelBindings(new Uint8Array(new X509Certificate(options.tls.cert).raw)) : undefined;
  const sockets = new WeakMap<Socket, SocketState>();
  const used = new Map<FaultRule, number>();
  const requests: RequestRecord[] = [];
  let count = 0;
  let streamingCalls = 0;

  const challenges = (): string[] => {
    const out: string[] = [];
    if (ntlm) out.push(...(auth?.ntlmSchemes ?? ['NTLM', 'Negotiate']));
    if (auth?.basic?.length) out.push('Basic realm="ews-codegen stand-in"');
    if (auth?.bearer) out.push('Bearer');
    return out;
  };

  /** The user a request authenticates as, or the 401 to answer (with its WWW-Authenticate). */
  function authenticate(req: IncomingMessage, state: SocketState): { user?: string; ntlm?: NtlmProof } | { challenge: string[]; reason: string } {
    if (!auth || (!ntlm && !auth.basic?.length && !auth.bearer)) return {};
    const header = req.headers.authorization;
    if (!header) return state.user ? { user: state.user } : { challenge: challenges(), reason: 'credentials required' };
    const [scheme = '', token = ''] = header.split(/\s+/, 2);
    switch (scheme.toLowerCase()) {
      case 'basic': {
        const [user, ...rest] = Buffer.from(token, 'base64').toString('utf8').split(':');
        const ok = auth.basic?.some((u) => u.username === user && u.password === rest.join(':'));
        return ok ? { user: user! } : { challenge: challenges(), reason: 'wrong Basic credentials' };
      }
      case 'bearer': {
        const ok = typeof auth.bearer === 'function' ? auth.bearer(token) : auth.bearer?.includes(token);
        return ok ? { user: 'bearer' } : { challenge: ['Bearer error="invalid_token"', ...challenges().filter((c) => c !== 'Bearer')], reason: 'invalid token' };
      }
      case 'ntlm':
      case 'negotiate': {
        const offered = (auth.ntlmSchemes ?? ['NTLM', 'Negotiate']).some((s) => s.toLowerCase() === scheme.toLowerCase());
        if (!ntlm || !offered) return { challenge: challenges(), reason: `${scheme} is not offered` };
        let message: Uint8Array;
        try {
          message = fromBase64(token);
        } catch {
          return { challenge: challenges(), reason: 'the NTLM token is not base64' };
        }
        if (message[8] === 1) {
          try {
            state.handshake = ntlm.challenge(message);
          } catch (e) {
            return { challenge: challenges(), reason: (e as Error).message };
          }
          delete state.user;
          return { challenge: [`${scheme} ${toBase64(state.handshake.challenge)}`], reason: 'NTLM challenge' };
        }
        if (!state.handshake) return { challenge: challenges(), reason: 'an NTLM AUTHENTICATE on a connection that was not challenged' };
        const verdict = ntlm.authenticate(state.handshake, message, channelBindings);
        delete state.handshake;
        if ('refused' in verdict) return { challenge: challenges(), reason: `NTLM: ${verdict.refused}` };
        state.user = verdict.user;
        return { user: verdict.user, ntlm: verdict.proof };
      }
      default:
        return { challenge: challenges(), reason: `scheme ${scheme} is not offered` };
    }
  }

  async function respond(service: Service, text: string, record: RequestRecord, req: IncomingMessage, user: string | undefined): Promise<Answer> {
    let doc;
    try {
      doc = readXml(service.schema, text, { strict: true });
    } catch (e) {
      if (e instanceof EwsXmlError) return { status: 500, body: schemaValidationFault(e.message, e.line) };
      throw e;
    }
    const served = doc.envelope ? service.operations.get(doc.element) : undefined;
    if (!served) {
      const what = doc.envelope ? `${doc.element} is not a request of the ${service.name} service` : 'the request is not a SOAP envelope';
      return { status: 500, body: soapFault('ErrorInvalidRequest', `The request is invalid: ${what}.`) };
    }
    const operation = served.spec.name;
    record.operation = operation;
    record.body = doc.value;
    const fault = faultFor(options.faults, { operation, n: record.n }, used);
    if (fault) record.fault = fault.kind;
    switch (fault?.kind) {
      case 'server-busy':
        return { status: 500, body: serverBusyFault(fault.backOffMs), fault };
      case 'busy-in-200':
        return { status: 200, body: busyInResponse(operation, fault.backOffMs), fault };
      case 'fault':
        return { status: 500, body: soapFault(fault.code, fault.message ?? fault.code), fault };
      case 'status':
        return { status: fault.status, body: fault.body ?? '', fault };
      case 'html-500':
        return { status: 500, body: IIS_500_PAGE, fault };
      case 'redirect':
        return { status: fault.status, body: '', fault };
    }
    if (operation === 'GetStreamingEvents' && options.streamingEvents) {
      const headers = { ServerVersionInfo: options.serverVersion ?? DEFAULT_VERSION };
      const steps = options.streamingEvents(++streamingCalls, doc.value).map((step) =>
        'envelope' in step ? { text: new served.Response(step.envelope as never, headers as never).toEnvelope() } : step,
      );
      return { status: 200, body: '', stream: steps };
    }
    const handlers: Record<Service['name'], Record<string, Handler<unknown, unknown>> | undefined> = {
      EWS: options.handlers as Record<string, Handler<unknown, unknown>> | undefined,
      UM: options.umHandlers,
      Autodiscover: options.autodiscoverHandlers,
    };
    const handler = handlers[service.name]?.[operation];
    const http: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k !== 'authorization' && typeof v === 'string') http[k] = v;
    if (handler) {
      let body: unknown;
      try {
        body = await handler({ operation, body: doc.value as never, headers: doc.headers ?? {}, http, ...(user ? { user } : {}) });
      } catch (e) {
        return { status: 500, body: soapFault('ErrorInternalServerError', `The handler of ${operation} failed: ${(e as Error).message}`) };
      }
      const headers =
        service.name === 'EWS'
          ? { ServerVersionInfo: options.serverVersion ?? DEFAULT_VERSION }
          : service.name === 'Autodiscover'
            ? { ServerVersionInfo: { MajorVersion: 15, MinorVersion: 2, MajorBuildNumber: 1544, MinorBuildNumber: 4, Version: 'Exchange2013_SP1' } }
            : {};
      try {
        return { status: 200, body: new served.Response(body as never, headers as never).toEnvelope(), ...(fault ? { fault } : {}) };
      } catch (e) {
        return { status: 500, body: soapFault('ErrorInternalServerError', `The handler of ${operation} answered what the schema rejects: ${(e as Error).message}`) };
      }
    }
    if (options.responses) {
      try {
        return { status: 200, body: await readFile(join(options.responses, `${operation}.xml`), 'utf8'), ...(fault ? { fault } : {}) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    return { status: 500, body: soapFault('ErrorInvalidOperation', `The stand-in has no handler and no recorded response for ${operation}.`) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const record: RequestRecord = { n: ++count, path: req.url ?? '', status: 0, headers: {} };
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string') record.headers[k] = k === 'authorization' ? `${v.split(/\s+/)[0]} …` : v;
    }
    requests.push(record);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        record.status = 413;
        res.writeHead(413, { Connection: 'close' }).end();
        return;
      }
      chunks.push(chunk);
    }
    const send = (status: number, body: string, headers: Record<string, string | string[]> = {}) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
      res.end(body);
    };
    const path = (req.url ?? '').split('?')[0]!.toLowerCase();
    const service = SERVICES.get(path);
    if (!service && path !== POX_PATH) return send(404, '', { 'Content-Type': 'text/html' });
    if (req.method !== 'POST') return send(405, '', { Allow: 'POST' });
    const state = sockets.get(req.socket) ?? {};
    sockets.set(req.socket, state);
    const who = authenticate(req, state);
    if ('challenge' in who) return send(401, '', { 'WWW-Authenticate': who.challenge, 'X-Stand-In-Reason': who.reason });
    if (who.user) record.user = who.user;
    if (who.ntlm) record.ntlm = who.ntlm;
    if (!/^(text\/xml|application\/soap\+xml)\b/i.test(req.headers['content-type'] ?? '')) {
      return send(415, '', { 'Content-Type': 'text/html' });
    }
    let text = Buffer.concat(chunks).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!service) return send(200, await answerPox(text, record));
    let answer: Answer;
    try {
      answer = await respond(service, text, record, req, who.user);
    } catch (e) {
      answer = { status: 500, body: soapFault('ErrorInternalServerError', (e as Error).message) };
    }
    const headers: Record<string, string | string[]> = { 'request-id': randomUUID() };
    const clientRequestId = req.headers['client-request-id'];
    if (typeof clientRequestId === 'string' && req.headers['return-client-request-id'] === 'true') headers['client-request-id'] = clientRequestId;
    if (req.headers['x-preferserveraffinity'] === 'true' && !/X-BackEndOverrideCookie=/.test(req.headers.cookie ?? '')) {
      headers['Set-Cookie'] = `X-BackEndOverrideCookie=EXCH01.contoso.example~1942062522; path=/; secure; HttpOnly`;
    }
    const fault = answer.fault;
    record.status = answer.status;
    if (answer.stream) {
      // Chunked, as Exchange streams notifications: no Content-Length, one envelope after another.
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', ...headers });
      for (const step of answer.stream) {
        if (res.destroyed) return;
        if ('text' in step) res.write(step.text);
        else if ('pause' in step) await new Promise((r) => setTimeout(r, step.pause));
        else if (step.end === 'reset') return void res.destroy();
        else break;
      }
      return void res.end();
    }
    switch (fault?.kind) {
      case 'html-500':
        return send(500, answer.body, { ...headers, 'Content-Type': 'text/html' });
      case 'status':
        return send(answer.status, answer.body, { ...headers, 'Content-Type': 'text/html', ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}) });
      case 'redirect':
        return send(answer.status, '', { ...headers, Location: fault.location });
      case 'slow-headers':
        await new Promise((r) => setTimeout(r, fault.ms));
        if (res.destroyed) return;
        return send(answer.status, answer.body, headers);
      case 'gzip': {
        const zipped = gzipSync(answer.body);
        res.writeHead(answer.status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': zipped.length, ...headers });
        return void res.end(zipped);
      }
      case 'truncated': {
        const cut = answer.body.slice(0, Math.floor(answer.body.length / 2));
        return send(answer.status, cut, headers);
      }
      case 'reset-mid-body': {
        const bytes = Buffer.from(answer.body);
        res.writeHead(answer.status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': bytes.length, ...headers });
        res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
        return;
      }
      case 'trickle': {
        const bytes = Buffer.from(answer.body);
        res.writeHead(answer.status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': bytes.length, ...headers });
        for (let at = 0; at < bytes.length && !res.destroyed; at += fault.chunkBytes) {
          res.write(bytes.subarray(at, at + fault.chunkBytes));
          await new Promise((r) => setTimeout(r, fault.ms));
        }
        return void res.end();
      }
    }
    send(answer.status, answer.body, headers);
  }

  /** POX Autodiscover: the request read strictly; what the schema rejects gets Exchange's error 600. */
  async function answerPox(text: string, record: RequestRecord): Promise<string> {
    record.operation = 'Autodiscover (POX)';
    const error = (code: string, message: string): PoxAnswer => ({ 'ar:Response': { Error: { Time: '00:00:00.0000000', Id: '1', ErrorCode: code, Message: message, DebugData: '' } } });
    let answer: PoxAnswer;
    try {
      const doc = readXml(poxSchema, text, { strict: true });
      const email = doc.element === 'r:Autodiscover' ? (doc.value as { Request: { EMailAddress?: string } }).Request.EMailAddress : undefined;
      record.body = doc.value;
      answer = email === undefined ? error('600', 'Invalid Request') : options.pox ? await options.pox(email) : error('500', 'The stand-in has no POX answer');
    } catch (e) {
      if (!(e instanceof EwsXmlError)) throw e;
      answer = error('600', 'Invalid Request');
    }
    return writeElementDocument(poxSchema, 'ar:Autodiscover', answer);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`stand-in: ${e.message}`);
      else res.destroy();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  const open = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const origin = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: origin + EWS_PATH,
    umUrl: origin + UM_PATH,
    autodiscoverUrl: origin + AUTODISCOVER_PATH,
    port,
    requests,
    dropConnections: () => {
      for (const s of open) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
