// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import { CompiledSchema } from './compile.js';
import { EwsXmlError } from './errors.js';
import { readXml, type ReadOptions } from './read.js';
import { SOAP_ENV, type ReadDocument } from './read-envelope.js';
import { ValueWriter, writerPrefixes, writeXmlElement, type WriteOptions } from './write.js';
import type { GlobalElementDesc, Namespaces } from './schema.js';
import type { XmlElement } from './xml-element.js';
import { requestBody, type RequestBody } from './request-body.js';
import { bytesOf, XmlBytes } from './xml-bytes.js';
import { XmlWriter } from './xml-writer.js';

/**
 * One WSDL operation: its SOAP action and the elements of its body and headers, each side. `In`
 * and `Out` are the TypeScript types of the request's and the response's body.
 */
export interface OperationSpec<In = unknown, Out = unknown> {
  name: string;
  soapAction: string;
  /** The service's prefixes, which the envelope declares. */
  namespaces: Namespaces;
  input: MessageSpec<In>;
  output: MessageSpec<Out>;
}

export interface MessageSpec<Body = unknown> {
  body: GlobalElementDesc<Body>;
  headers: readonly GlobalElementDesc[];
  /** Where the bulk of a response is, which ItemStream reads one item at a time (read-items.ts). */
  items?: ItemsSpec;
}

/**
 * The repeated elements of a response, as the generator finds them in the schema: paths of
 * element local names, `*` standing for any child.
 */
export interface ItemsSpec {
  /** From the body element to its response messages (`ResponseMessages/FindItemResponseMessage`), if it has them. */
  messages?: string;
  /** From a message (or the body) to its items (`RootFolder/Items/*`); none when the messages are the items. */
  items: readonly string[];
}

/** How an index and a read document name a global element: `prefix:local` (`m:FindItem`). */
export function elementKey(namespaces: Namespaces, e: GlobalElementDesc): string {
  const prefix = Object.keys(namespaces).find((p) => namespaces[p] === e.ns);
  return prefix === undefined ? e.el : `${prefix}:${e.el}`;
}

const operationSchemas = new WeakMap<OperationSpec, CompiledSchema>();

/** The elements an operation's envelopes may hold (both sides' bodies and headers), made once. */
export function operationSchema(spec: OperationSpec): CompiledSchema {
  let schema = operationSchemas.get(spec);
  if (!schema) {
    const elements: Record<string, GlobalElementDesc> = {};
    for (const m of [spec.input, spec.output])
      for (const e of [m.body, ...m.headers]) elements[elementKey(spec.namespaces, e)] = e;
    operationSchemas.set(spec, (schema = new CompiledSchema({ namespaces: spec.namespaces, elements })));
  }
  return schema;
}

/** A SOAP 1.1 fault (HTTP 500), with the EWS details pulled out where Exchange puts them. */
export interface SoapFault {
  faultcode: string;
  faultstring: string;
  faultactor?: string;
  /** `detail/ResponseCode` (e.g. `ErrorServerBusy`). */
  responseCode?: string;
  /** `detail/Message`. */
  message?: string;
  /** `detail/MessageXml/Value[@Name="BackOffMilliseconds"]`, for ErrorServerBusy. */
  backOffMilliseconds?: number;
  detail?: XmlElement;
}

export class EwsSoapFaultError extends Error {
  constructor(readonly fault: SoapFault) {
    super(`SOAP fault ${fault.faultcode}${fault.responseCode ? ` (${fault.responseCode})` : ''}: ${fault.faultstring}`);
    this.name = 'EwsSoapFaultError';
  }
  get responseCode(): string | undefined {
    return this.fault.responseCode;
  }
}

/** A response message with `ResponseClass="Error"` inside an HTTP 200 response. */
export interface ResponseMessage {
  ResponseClass: 'Success' | 'Warning' | 'Error';
  ResponseCode?: string;
  MessageText?: string;
  DescriptiveLinkKey?: number;
}

export class EwsResponseError extends Error {
  constructor(
    readonly responseCode: string,
    readonly messageText: string | undefined,
    /** Which response message (0-based) of the response failed. */
    readonly index: number,
    /** The whole response, so that the messages that succeeded are not lost. */
    readonly response: unknown,
    /** `MessageXml/Value[@Name="BackOffMilliseconds"]`, which busy servers send inside a 200 too. */
    readonly backOffMilliseconds?: number,
  ) {
    super(`${responseCode}${messageText ? `: ${messageText}` : ''}${index ? ` (response message ${index + 1})` : ''}`);
    this.name = 'EwsResponseError';
  }
}

const text = (e: XmlElement | undefined): string | undefined =>
  e && e.children.map((c) => (typeof c === 'string' ? c : (text(c) ?? ''))).join('');
const child = (e: XmlElement | undefined, local: string): XmlElement | undefined =>
  e?.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local);

/** The typed form of a `soap:Fault` element. */
export function soapFault(node: XmlElement): SoapFault {
  const fault: SoapFault = {
    faultcode: text(child(node, 'faultcode'))?.trim() ?? '',
    faultstring: text(child(node, 'faultstring'))?.trim() ?? '',
  };
  const actor = text(child(node, 'faultactor'));
  if (actor !== undefined) fault.faultactor = actor.trim();
  const detail = child(node, 'detail');
  if (detail) {
    fault.detail = detail;
    const code = text(child(detail, 'ResponseCode'));
    if (code !== undefined) fault.responseCode = code.trim();
    const message = text(child(detail, 'Message'));
    if (message !== undefined) fault.message = message.trim();
    const backOff = child(detail, 'MessageXml')?.children.find(
      (c): c is XmlElement =>
        typeof c !== 'string' && c.local === 'Value' && c.attributes.Name === 'BackOffMilliseconds',
    );
    if (backOff) fault.backOffMilliseconds = Number(text(backOff));
  }
  return fault;
}

/** The response messages of an EWS response body: the body itself, or the entries of its ResponseMessages. */
export function responseMessagesOf(body: unknown): ResponseMessage[] {
  const b = body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return [];
  if (typeof b.ResponseClass === 'string') return [b as unknown as ResponseMessage];
  const container = b.ResponseMessages as Record<string, unknown> | undefined;
  if (!container) return [];
  const out: ResponseMessage[] = [];
  for (const [k, v] of Object.entries(container)) {
    if (k.startsWith('$') && k !== '$items') continue;
    for (const m of Array.isArray(v) ? v : [v])
      if (m && typeof m === 'object' && 'ResponseClass' in m) out.push(m as ResponseMessage);
  }
  return out;
}

/** Throws EwsResponseError for the first response message whose ResponseClass is Error (or is one of `codes`). */
export function throwIfError(body: unknown, codes?: ReadonlySet<string>): void {
  responseMessagesOf(body).forEach((m, i) => {
    if (m.ResponseClass === 'Error' && (!codes || codes.has(m.ResponseCode ?? ''))) throw messageError(m, i, body);
  });
}

/** The error of response message `index` of `response` (ResponseClass Error). */
export function messageError(message: ResponseMessage, index: number, response: unknown): EwsResponseError {
  return new EwsResponseError(
    message.ResponseCode ?? 'Error',
    message.MessageText,
    index,
    response,
    backOffOf(message),
  );
}

/** The BackOffMilliseconds value of a response message's MessageXml, if any. */
function backOffOf(message: ResponseMessage): number | undefined {
  const xml = (message as { MessageXml?: { $any?: XmlElement[] } }).MessageXml?.$any;
  const value = xml?.find((e) => e.local === 'Value' && e.attributes.Name === 'BackOffMilliseconds');
  return value ? Number(text(value)) : undefined;
}

export interface EnvelopeParts {
  body: unknown;
  headers: Record<string, unknown>;
  otherHeaders?: readonly XmlElement[];
}

/** Writes a SOAP 1.1 envelope: the headers in the order given, then the body element. */
export function writeEnvelope(
  schema: CompiledSchema,
  bodyKey: string,
  parts: EnvelopeParts,
  headerKeys: readonly string[],
  options: WriteOptions = {},
): string {
  return writeEnvelopeTo(new XmlBytes(), schema, bodyKey, parts, headerKeys, options).toString();
}

/** writeEnvelope, into `out`: the bytes to send. */
export function writeEnvelopeTo(
  out: XmlBytes,
  schema: CompiledSchema,
  bodyKey: string,
  parts: EnvelopeParts,
  headerKeys: readonly string[],
  options: WriteOptions = {},
): XmlBytes {
  const w = new XmlWriter(writerPrefixes(schema.schema.namespaces), out);
  const values = new ValueWriter(schema.schema.namespaces, w, options);
  w.start(SOAP_ENV, 'Envelope', true);
  const present = headerKeys.filter((k) => parts.headers[localOf(k)] !== undefined);
  for (const k of Object.keys(parts.headers)) {
    if (!headerKeys.some((h) => localOf(h) === k) && parts.headers[k] !== undefined && (options.strict ?? true)) {
      throw new EwsXmlError(`${k} is not a header of this operation`, '/soap:Envelope/soap:Header');
    }
  }
  if (present.length || parts.otherHeaders?.length) {
    w.start(SOAP_ENV, 'Header');
    for (const k of present) writeGlobal(schema, values, k, parts.headers[localOf(k)]);
    for (const e of parts.otherHeaders ?? []) writeXmlElement(w, e);
    w.end();
  }
  w.start(SOAP_ENV, 'Body');
  writeGlobal(schema, values, bodyKey, parts.body);
  w.end();
  w.end();
  return out;
}

/**
 * Writes back what readXml read: the envelope with its headers in document order (other
 * namespaces' headers as they were) and its body, a fault included; or a bare element.
 */
export function writeDocument(schema: CompiledSchema, doc: ReadDocument, options: WriteOptions = {}): string {
  return writeDocumentTo(new XmlBytes(), schema, doc, options).toString();
}

/** writeDocument as UTF-8 bytes, written as such (no string in between), an array of your own. */
export function writeDocumentBytes(schema: CompiledSchema, doc: ReadDocument, options: WriteOptions = {}): Uint8Array {
  return bytesOf(writeDocumentTo(new XmlBytes(), schema, doc, options));
}

/**
 * writeDocument as the bytes to send (a server's response), lent from the writer's buffer until
 * `release()` (see EwsRequest.toBody): no copy, and the next document is written into the same
 * memory.
 */
export function writeDocumentBody(schema: CompiledSchema, doc: ReadDocument, options: WriteOptions = {}): RequestBody {
  return requestBody(writeDocumentTo(new XmlBytes(true), schema, doc, options));
}

function writeDocumentTo(out: XmlBytes, schema: CompiledSchema, doc: ReadDocument, options: WriteOptions): XmlBytes {
  if (!doc.envelope) return elementDocumentTo(out, schema, doc.element, doc.value, options);
  const w = new XmlWriter(writerPrefixes(schema.schema.namespaces), out);
  const values = new ValueWriter(schema.schema.namespaces, w, options);
  w.start(SOAP_ENV, 'Envelope', true);
  if (doc.headerOrder?.length) {
    w.start(SOAP_ENV, 'Header');
    for (const h of doc.headerOrder) {
      if (typeof h === 'number') writeXmlElement(w, doc.otherHeaders![h]!);
      else writeGlobal(schema, values, h, doc.headers![localOf(h)]);
    }
    w.end();
  }
  w.start(SOAP_ENV, 'Body');
  if (doc.fault) writeXmlElement(w, doc.fault);
  else writeGlobal(schema, values, doc.element, doc.value);
  w.end();
  w.end();
  return out;
}

/** Writes a global element of the schema as a document of its own (no envelope). */
export function writeElementDocument(
  schema: CompiledSchema,
  key: string,
  value: unknown,
  options: WriteOptions = {},
): string {
  return elementDocumentTo(new XmlBytes(), schema, key, value, options).toString();
}

function elementDocumentTo(
  out: XmlBytes,
  schema: CompiledSchema,
  key: string,
  value: unknown,
  options: WriteOptions,
): XmlBytes {
  const prefixes = writerPrefixes(schema.schema.namespaces);
  prefixes.delete(SOAP_ENV);
  const w = new XmlWriter(prefixes, out);
  const g = schema.elementByKey.get(key);
  if (!g) throw new Error(`ews runtime: no element ${key}`);
  new ValueWriter(schema.schema.namespaces, w, options).element(g.accepted, value, true);
  return out;
}

function writeGlobal(schema: CompiledSchema, values: ValueWriter, key: string, value: unknown): void {
  const g = schema.elementByKey.get(key);
  if (!g) throw new Error(`ews runtime: no element ${key}`);
  values.element(g.accepted, value);
}

export function localOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** Reads a SOAP envelope for an operation; a fault becomes EwsSoapFaultError. */
export function readEnvelope(
  spec: OperationSpec,
  side: 'input' | 'output',
  xml: string,
  options?: ReadOptions,
): ReadDocument {
  return checkEnvelope(spec, side, readXml(operationSchema(spec), xml, options));
}

/** A document read as one side of an operation: a SOAP fault throws EwsSoapFaultError; another body than the side's is an error. */
export function checkEnvelope(spec: OperationSpec, side: 'input' | 'output', doc: ReadDocument): ReadDocument {
  if (doc.fault) throw new EwsSoapFaultError(soapFault(doc.fault));
  if (!doc.envelope) throw new EwsXmlError('expected a SOAP envelope', `/${doc.element}`);
  const expected = elementKey(spec.namespaces, spec[side].body);
  if (doc.element !== expected)
    throw new EwsXmlError(`expected ${expected} in the SOAP body, found ${doc.element}`, '/Envelope/Body');
  return doc;
}
