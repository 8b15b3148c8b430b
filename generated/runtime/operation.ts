// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.
import type { ReadOptions } from './read.js';
import {
  readEnvelope,
  responseMessagesOf,
  throwIfError,
  writeEnvelope,
  type OperationSpec,
  type ResponseMessage,
} from './soap.js';
import type { WriteOptions } from './write.js';
import type { XmlElement } from './xml-element.js';

/** The request of one operation: its body element's value and the SOAP headers the binding declares. */
export abstract class EwsRequest<Body, Headers extends object> {
  abstract readonly operation: OperationSpec;

  constructor(
    readonly body: Body,
    readonly headers: Headers = {} as Headers,
    readonly otherHeaders: readonly XmlElement[] = [],
  ) {}

  /** The SOAP 1.1 envelope to send; headers given here win over those of the request. */
  toEnvelope(headers?: Partial<Headers>, options?: WriteOptions): string {
    const merged = { ...this.headers, ...headers } as Record<string, unknown>;
    return writeEnvelope(
      this.operation.schema,
      this.operation.input.body,
      { body: this.body, headers: merged, otherHeaders: this.otherHeaders },
      this.operation.input.headers,
      options,
    );
  }
}

/** The response of one operation: its body element's value and the SOAP headers that came with it. */
export abstract class EwsResponse<Body, Headers extends object> {
  abstract readonly operation: OperationSpec;

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
    return writeEnvelope(
      this.operation.schema,
      this.operation.output.body,
      { body: this.body, headers: this.headers as Record<string, unknown>, otherHeaders: this.otherHeaders },
      this.operation.output.headers,
      options,
    );
  }
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
