// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.
import type { ReadOptions } from './read.js';
import type { OperationSpec } from './soap.js';
import type { EwsRequest, EwsResponse } from './operation.js';

/**
 * Sends an envelope and returns the response text: HTTP, NTLM, OAuth, retries and logging are the
 * transport's business. A SOAP fault comes back as text like any response (HTTP 500 included).
 */
export type Transport = (envelope: string, soapAction: string) => Promise<string>;

export interface ClientOptions extends ReadOptions {
  /** Headers sent with every request that declares them (e.g. `{ RequestServerVersion: { Version: 'Exchange2016' } }`). */
  headers?: Record<string, unknown>;
  /** Throw EwsResponseError when a response message has ResponseClass Error (default true). */
  throwOnError?: boolean;
}

/** What the generated clients share: sending a request through the transport and reading the answer. */
export class SoapClient {
  constructor(
    protected readonly transport: Transport,
    protected readonly options: ClientOptions = {},
  ) {}

  /** Sends `request` (a request object, or the body to make one of) and reads the reply as `Response`. */
  protected async call<
    Body,
    Headers extends object,
    Req extends EwsRequest<Body, Headers>,
    Res extends EwsResponse<unknown, object>,
  >(
    Request: new (body: Body, headers?: Headers) => Req,
    Response: { fromEnvelope(xml: string, options?: ReadOptions): Res },
    request: Req | Body,
    headers?: Headers,
  ): Promise<Res> {
    const req = request instanceof Request ? request : new Request(request as Body);
    const spec: OperationSpec = req.operation;
    const declared = (name: string) => spec.input.headers.some((h) => h.slice(h.indexOf(':') + 1) === name);
    const defaults = Object.fromEntries(Object.entries(this.options.headers ?? {}).filter(([name]) => declared(name)));
    const envelope = req.toEnvelope({ ...defaults, ...req.headers, ...headers });
    const reply = await this.transport(envelope, spec.soapAction);
    const response = Response.fromEnvelope(reply, this.options);
    if (this.options.throwOnError ?? true) response.throwIfError();
    return response;
  }
}
