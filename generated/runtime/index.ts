// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
export {
  basicAuth,
  bearerAuth,
  type AbortSignalLike,
  type AuthConnection,
  type AuthContext,
  type Authenticator,
  type TokenProvider,
  type TokenRequest,
} from './auth/authenticator.js';
export { ntlmAuth, type NtlmCredentials } from './auth/ntlm.js';
export { SoapClient, type CallOptions, type ClientOptions, type Transport } from './client.js';
export { CompiledSchema } from './compile.js';
export { SERVER_DEVIATIONS, type ServerDeviation } from './deviations.js';
export { EwsXmlError } from './errors.js';
export { EwsRequest, EwsResponse, readAs, readParts, type PartsClass } from './operation.js';
export { readXml, startReading, type ReadOptions, type Reading, type StreamRoute, type StreamSink } from './read.js';
export { ItemStream, type ItemStreamOptions, type StreamedItem } from './read-items.js';
export {
  streamingEvents,
  type StreamingEvent,
  type StreamingEventsClient,
  type StreamingEventsOptions,
} from './streaming-events.js';
export { readXmlFrom, type XmlSource } from './read-stream.js';
export { SOAP_ENV, type ReadDocument } from './read-envelope.js';
export type * from './schema.js';
export {
  EwsResponseError,
  EwsSoapFaultError,
  elementKey,
  operationSchema,
  readEnvelope,
  responseMessagesOf,
  soapFault,
  throwIfError,
  messageError,
  checkEnvelope,
  writeDocument,
  writeDocumentBody,
  writeDocumentBytes,
  writeElementDocument,
  writeEnvelope,
  writeEnvelopeTo,
  type ItemsSpec,
  type MessageSpec,
  type OperationSpec,
  type ResponseMessage,
  type SoapFault,
} from './soap.js';
export type {
  EwsTransport,
  TransportHooks,
  TransportOptions,
  TransportReply,
  TransportRequest,
} from './transport/core.js';
export {
  EwsAbortError,
  EwsAuthError,
  EwsHttpError,
  EwsNetworkError,
  EwsRedirectError,
  EwsThrottledError,
  EwsTimeoutError,
  EwsTransportError,
  type TransportErrorKind,
} from './transport/errors.js';
export { fetchTransport, type FetchTransportOptions } from './transport/fetch.js';
export { httpTransport, type HttpTransportOptions } from './transport/http.js';
export {
  isReadOnlyOperation,
  RetryPolicy,
  TRANSIENT_CODES,
  type Clock,
  type RetryEvent,
  type RetryOptions,
} from './transport/retry.js';
export { ValueWriter, writeXmlElement, type WriteOptions } from './write.js';
export { unknownAttributes, unknownElements, unknownElementsOf, type XmlElement } from './xml-element.js';
export { XmlBytes } from './xml-bytes.js';
export { XmlWriter } from './xml-writer.js';
export { checkRequestVersion, EwsVersionError, type VersionTable } from './versions.js';
