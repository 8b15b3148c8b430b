// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
import type { AbortSignalLike } from './auth/authenticator.js';
import type { ReadOptions } from './read.js';
import { throwIfError, type OperationSpec } from './soap.js';
import { checkRequestVersion, type VersionTable } from './versions.js';
import type { XmlElement } from './xml-element.js';
import { readAs, type EwsRequest, type EwsResponse, type PartsClass } from './operation.js';
import { ItemStream } from './read-items.js';
import type { EwsTransport } from './transport/core.js';
import { isReadOnlyOperation, TRANSIENT_CODES } from './transport/retry.js';

/**
 * Sends an envelope and returns the response text, for a transport of your own (a SOAP fault
 * comes back as text like any response, HTTP 500 included). `httpTransport` and
 * `fetchTransport` make an EwsTransport instead, which also retries as the server asks.
 */
export type Transport = (envelope: string, soapAction: string) => Promise<string>;

export interface ClientOptions extends ReadOptions {
  /** Headers sent with every request that declares them (e.g. `{ RequestServerVersion: { Version: 'Exchange2016' } }`). */
  headers?: Record<string, unknown>;
  /** Throw EwsResponseError when a response message has ResponseClass Error (default true). */
  throwOnError?: boolean;
  /**
   * Headers of other namespaces to send with every request, after the request's own: SOAP
   * Autodiscover needs WS-Addressing's Action and To (`wsAddressing(url)` in autodiscover/).
   */
  otherHeaders?: (operation: OperationSpec) => readonly XmlElement[];
  /**
   * The service's VERSION_TABLE (`ews/versions.ts`, generated with `--versions`): a request whose
   * RequestServerVersion header names a version that lacks its operation, or a property or value
   * it uses, is refused before it is sent (EwsVersionError, with the element path and the version
   * that brought it), as is a version the schemas do not list.
   */
  versions?: VersionTable;
}

/** Per call: its abort signal, its timeout, and whether it may be sent twice. */
export interface CallOptions {
  signal?: AbortSignalLike;
  /** Overrides the transport's response timeout for this call. */
  timeoutMs?: number;
  /**
   * May the request be sent again when it may have reached the server (connection lost after
   * sending)? Default: true for operations that change nothing (Get*, Find*, Sync*, …).
   */
  idempotent?: boolean;
}

/** Subscriptions live on one mailbox server: their calls ask for it ([MS-OXWSNTIF], EWS affinity docs). */
const AFFINITY_OPERATIONS = new Set(['Subscribe', 'GetEvents', 'GetStreamingEvents', 'Unsubscribe']);

interface Impersonation {
  ConnectingSID?: Partial<Record<'PrimarySmtpAddress' | 'SmtpAddress' | 'PrincipalName' | 'SID', { $value: string }>>;
}

/** A generated request class: built from a body, the SOAP headers and those of other namespaces. */
type RequestClass<Body, Headers, Req> = new (
  body: Body,
  headers?: Headers,
  otherHeaders?: readonly XmlElement[],
) => Req;

/** What the generated clients share: sending a request through the transport and reading the answer. */
export class SoapClient {
  constructor(
    protected readonly transport: Transport | EwsTransport,
    protected readonly options: ClientOptions = {},
  ) {}

  /** Sends `request` (a request object, or the body to make one of) and reads the reply as `Response`. */
  protected async call<
    Body,
    Headers extends object,
    Req extends EwsRequest<Body, Headers>,
    Res extends EwsResponse<unknown, object>,
  >(
    Request: RequestClass<Body, Headers, Req>,
    Response: PartsClass<Res>,
    request: Req | Body,
    headers?: Headers,
    callOptions: CallOptions = {},
  ): Promise<Res> {
    const readOptions = this.readOptions();
    const response = await this.exchange(Request, request, headers, callOptions, false, ({ text }, retrying) => {
      const read = readAs(Response, 'output', text, readOptions);
      // Busy inside a 200 (Exchange Online does this): a throttling answer like the fault.
      if (retrying) throwIfError(read.body, TRANSIENT_CODES);
      return read;
    });
    if (this.options.throwOnError ?? true) response.throwIfError();
    return response;
  }

  /**
   * Sends `request` and answers with the reply's items as they are read (ItemStream), once the
   * response's status and headers are in: through an EwsTransport its body is read as it
   * arrives, and neither its text nor its items are kept. A busy server's error inside a 200 comes out of
   * the items as EwsResponseError (with its back-off), not retried: items may have gone out.
   */
  protected async stream<
    Item,
    Message,
    Body,
    Headers extends object,
    Req extends EwsRequest<Body, Headers>,
    Res extends EwsResponse<unknown, object>,
  >(
    Request: RequestClass<Body, Headers, Req>,
    Response: PartsClass<Res>,
    request: Req | Body,
    headers?: Headers,
    callOptions: CallOptions = {},
  ): Promise<ItemStream<Item, Message, Res>> {
    const options = this.readOptions();
    return this.exchange(
      Request,
      request,
      headers,
      callOptions,
      true,
      ({ text, chunks }) => new ItemStream(Response, chunks ?? text, options),
    );
  }

  /** How responses are read: as the client's options say, the reviewed deviations of real servers accepted. */
  private readOptions(): ReadOptions & Pick<ClientOptions, 'throwOnError'> {
    return { acceptServerDeviations: true, ...this.options };
  }

  /**
   * Checks and sends a request, and hands the response text to `read`; through an EwsTransport,
   * retried as its policy says (`retrying`: an error `read` throws may be retried too).
   */
  private async exchange<Body, Headers extends object, Req extends EwsRequest<Body, Headers>, Out>(
    Request: RequestClass<Body, Headers, Req>,
    request: Req | Body,
    headers: Headers | undefined,
    callOptions: CallOptions,
    stream: boolean,
    read: (reply: { text: string; chunks?: AsyncIterable<Uint8Array> }, retrying: boolean) => Out,
  ): Promise<Out> {
    let req = request instanceof Request ? request : new Request(request as Body);
    const spec: OperationSpec = req.operation;
    const extra = this.options.otherHeaders?.(spec);
    if (extra?.length) req = new Request(req.body, req.headers, [...req.otherHeaders, ...extra]);
    const declared = (name: string) => spec.input.headers.some((h) => h.el === name);
    const defaults = Object.fromEntries(Object.entries(this.options.headers ?? {}).filter(([name]) => declared(name)));
    const soapHeaders: Record<string, unknown> = { ...defaults, ...req.headers, ...headers };
    const requested = (soapHeaders.RequestServerVersion as { Version?: unknown } | undefined)?.Version;
    if (this.options.versions && typeof requested === 'string')
      checkRequestVersion(this.options.versions, requested, spec.name, spec.namespaces, spec.input.body, req.body);
    const transport = this.transport;
    // A transport function takes the envelope's text; a transport of ours its bytes as they are sent.
    if (typeof transport === 'function')
      return read({ text: await transport(req.toEnvelope(soapHeaders as Partial<Headers>), spec.soapAction) }, false);
    const envelope = req.toBody(soapHeaders as Partial<Headers>);
    const httpHeaders: Record<string, string> = {};
    const sid = (soapHeaders.ExchangeImpersonation as Impersonation | undefined)?.ConnectingSID;
    const anchor = sid && (sid.PrimarySmtpAddress ?? sid.SmtpAddress ?? sid.PrincipalName ?? sid.SID)?.$value;
    // Microsoft: impersonating calls must name the mailbox, or they meet 500s and 503s.
    if (anchor) httpHeaders['X-AnchorMailbox'] = anchor;
    if (AFFINITY_OPERATIONS.has(spec.name)) httpHeaders['X-PreferServerAffinity'] = 'true';
    const call = {
      operation: spec.name,
      idempotent: callOptions.idempotent ?? isReadOnlyOperation(spec.name),
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
    };
    try {
      return await transport.retry.run(call, async () => {
        const reply = await transport.send({
          envelope,
          soapAction: spec.soapAction,
          operation: spec.name,
          headers: httpHeaders,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
          ...(callOptions.timeoutMs !== undefined ? { timeoutMs: callOptions.timeoutMs } : {}),
          ...(stream ? { stream } : {}),
        });
        return read(reply, true);
      });
    } finally {
      // Retries are over: the envelope's buffer goes to the next call (once the wire lets go of it).
      envelope.release();
    }
  }
}
