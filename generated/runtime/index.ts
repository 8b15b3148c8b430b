// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.
export { SoapClient, type ClientOptions, type Transport } from './client.js';
export { CompiledSchema } from './compile.js';
export { EwsXmlError } from './errors.js';
export { EwsRequest, EwsResponse, readParts } from './operation.js';
export { readXml, SOAP_ENV, type ReadDocument, type ReadOptions } from './read.js';
export type * from './schema.js';
export {
  EwsResponseError,
  EwsSoapFaultError,
  readEnvelope,
  responseMessagesOf,
  soapFault,
  throwIfError,
  writeDocument,
  writeElementDocument,
  writeEnvelope,
  type OperationSpec,
  type ResponseMessage,
  type SoapFault,
} from './soap.js';
export { ValueWriter, writeXmlElement, type WriteOptions } from './write.js';
export { unknownAttributes, unknownElements, unknownElementsOf, type XmlElement } from './xml-element.js';
export { XmlWriter } from './xml-writer.js';
