// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
import type { ReadOptions } from './read.js';
import { requestBody, type RequestBody } from './request-body.js';
import {
  elementKey,
  operationSchema,
  readEnvelope,
  responseMessagesOf,
  throwIfError,
  writeEnvelopeTo,
  type EnvelopeParts,
  type OperationSpec,
  type ResponseMessage,
} from './soap.js';
import type { GlobalElementDesc } from './schema.js';
import { XmlBytes } from './xml-bytes.js';
import type { WriteOptions } from './write.js';
import type { XmlElement } from './xml-element.js';

/** A generated request or response class, as the inherited `fromEnvelope` (and the client) sees it. */
export interface PartsClass<T extends { body: unknown; headers: object }> {
  new (body: T['body'], headers: T['headers'], otherHeaders: readonly XmlElement[]): T;
  readonly operation: OperationSpec;
}

/** Reads an envelope (the request or the response side of `Class`'s operation) into an instance of `Class`. */
export function readAs<T extends { body: unknown; headers: object }>(
  Class: PartsClass<T>,
  side: 'input' | 'output',
  xml: string,
  options?: ReadOptions,
): T {
  const [body, headers, other] = readParts(Class.operation, side, xml, options);
  // The reader built the values from this operation's own descriptors: they are of its types.
  return new Class(body as T['body'], headers as T['headers'], other);
}

/** The request of one operation: its body element's value and the SOAP headers the binding declares. */
export abstract class EwsRequest<Body, Headers extends object> {
  /** The operation; each generated class sets it, on the class and on its instances. */
  abstract readonly operation: OperationSpec<Body>;

  /** Reads a SOAP envelope holding this request; a SOAP fault throws EwsSoapFaultError. */
  static fromEnvelope<T extends EwsRequest<unknown, object>>(
    this: PartsClass<T>,
    xml: string,
    options?: ReadOptions,
  ): T {
    return readAs(this, 'input', xml, options);
  }

  constructor(
    readonly body: Body,
    readonly headers: Headers = {} as Headers,
    readonly otherHeaders: readonly XmlElement[] = [],
  ) {}

  /** The SOAP 1.1 envelope to send; headers given here win over those of the request. */
  toEnvelope(headers?: Partial<Headers>, options?: WriteOptions): string {
    return this.write(new XmlBytes(), headers, options).toString();
  }

  /**
   * The same envelope as the bytes to send, written as bytes; a value of megabytes (an
   * attachment's base64) is kept apart and encoded as it is sent (request-body.ts), never copied
   * into the bytes of the whole envelope. The bytes are lent from the writer's buffer: call
   * `release()` when they are sent, and the next envelope is written into the same memory (the
   * client does); a body never released is simply left to the garbage collector.
   */
  toBody(headers?: Partial<Headers>, options?: WriteOptions): RequestBody {
    return requestBody(this.write(new XmlBytes(true), headers, options));
  }

  private write(out: XmlBytes, headers?: Partial<Headers>, options?: WriteOptions): XmlBytes {
    const merged = { ...this.headers, ...headers } as Record<string, unknown>;
    return writeSide(
      out,
      this.operation,
      'input',
      { body: this.body, headers: merged, otherHeaders: this.otherHeaders },
      options,
    );
  }
}

/** The response of one operation: its body element's value and the SOAP headers that came with it. */
export abstract class EwsResponse<Body, Headers extends object> {
  /** The operation; each generated class sets it, on the class and on its instances. */
  abstract readonly operation: OperationSpec<unknown, Body>;

  /** Reads a SOAP envelope holding this response; a SOAP fault throws EwsSoapFaultError. */
  static fromEnvelope<T extends EwsResponse<unknown, object>>(
    this: PartsClass<T>,
    xml: string,
    options?: ReadOptions,
  ): T {
    return readAs(this, 'output', xml, options);
  }

  constructor(
    readonly body: Body,
    readonly headers: Headers = {} as Headers,
    readonly otherHeaders: readonly XmlElement[] = [],
  ) {}

  /** The response messages (one per item asked about), whatever their ResponseClass. */
  get messages(): ResponseMessage[] {
    return responseMessagesOf(this.body);
  }

  /** True when no response message has ResponseClass Error. */
  get ok(): boolean {
    return this.messages.every((m) => m.ResponseClass !== 'Error');
  }

  /** Throws EwsResponseError (with the code) for the first message with ResponseClass Error. */
  throwIfError(): this {
    throwIfError(this.body);
    return this;
  }

  toEnvelope(options?: WriteOptions): string {
    const headers = this.headers as Record<string, unknown>;
    const parts = { body: this.body, headers, otherHeaders: this.otherHeaders };
    return writeSide(new XmlBytes(), this.operation, 'output', parts, options).toString();
  }
}

/** Writes the envelope of one side of an operation into `out`. */
function writeSide(
  out: XmlBytes,
  spec: OperationSpec,
  side: 'input' | 'output',
  parts: EnvelopeParts,
  options?: WriteOptions,
): XmlBytes {
  const key = (e: GlobalElementDesc) => elementKey(spec.namespaces, e);
  const m = spec[side];
  return writeEnvelopeTo(out, operationSchema(spec), key(m.body), parts, m.headers.map(key), options);
}

/** Reads an envelope into the parts a request or response class is built from. */
export function readParts(
  spec: OperationSpec,
  side: 'input' | 'output',
  xml: string,
  options?: ReadOptions,
): [body: unknown, headers: Record<string, unknown>, other: XmlElement[]] {
  const doc = readEnvelope(spec, side, xml, options);
  return [doc.value, doc.headers ?? {}, doc.otherHeaders ?? []];
}
