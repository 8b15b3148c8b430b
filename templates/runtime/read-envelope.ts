// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
import type { Accepted, CompiledSchema } from './compile.js';
import type { GlobalElementDesc } from './schema.js';
import type { XmlElement } from './xml-element.js';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

/** What a read found: a SOAP envelope's parts, or a bare element of the schema. */
export interface ReadDocument {
  /** The body element (or the bare root element): its key (`m:FindItemResponse`) and value. */
  element: string;
  value: unknown;
  /** EWS headers by element name (`ServerVersionInfo`); absent for a bare element. */
  headers?: Record<string, unknown>;
  /** Headers from other namespaces (WS-Addressing, …), kept as read, in document order. */
  otherHeaders?: XmlElement[];
  /** Every header in document order: an EWS header's element key, or the index of an other header. */
  headerOrder?: (string | number)[];
  envelope: boolean;
  /** A SOAP fault in the body, kept as read (see soap.ts for its typed form). */
  fault?: XmlElement;
}

type Global = GlobalElementDesc & { key: string; accepted: Accepted };

/** Where a child of soap:Envelope, soap:Header or soap:Body stands, as the envelope layer places it. */
export type EnvelopePlace =
  /** soap:Header or soap:Body itself. */
  | 'header'
  | 'body'
  /** soap:Fault, or a header of another namespace: kept as read (`XmlElement`). */
  | 'fault'
  | 'foreign'
  /** A global element of the schema, read as its type. */
  | Global;

/**
 * The SOAP 1.1 layer of reading: which elements may stand where in an envelope (one Header
 * before one Body; in the body one element of the schema or a Fault; in the header elements of
 * the schema, read typed, and those of other namespaces, kept as read), and where each header and
 * the body go in the ReadDocument. The typed reader (read.ts) asks it at the envelope's first
 * three levels and hands it what it read there; below, it never runs.
 */
export class EnvelopeReader {
  readonly document: ReadDocument = {
    element: '',
    value: undefined,
    envelope: true,
    headers: {},
    otherHeaders: [],
    headerOrder: [],
  };
  private bodySeen = false;

  /** `fail` ends the read with an error at `at`, by default the path of the element open; `path` is that path. */
  constructor(
    private readonly schema: CompiledSchema,
    private readonly fail: (message: string, at?: string) => never,
    private readonly path: () => string,
  ) {}

  /** Places a child of soap:Envelope (`parent` 'envelope'), of soap:Header or of soap:Body. */
  place(parent: 'envelope' | 'header' | 'body', ns: string, local: string, key: string, name: string): EnvelopePlace {
    if (parent === 'envelope') {
      if (ns === SOAP_ENV && !this.bodySeen) {
        if (local === 'Header') return 'header';
        if (local === 'Body') {
          this.bodySeen = true;
          return 'body';
        }
      }
      return this.fail(`unexpected ${name} in the SOAP envelope`);
    }
    const doc = this.document;
    if (parent === 'body') {
      if (doc.element || doc.fault) return this.fail(`a second element in the SOAP body`);
      if (ns === SOAP_ENV && local === 'Fault') {
        doc.element = 'soap:Fault';
        return 'fault';
      }
    }
    const global = this.schema.elementByQName.get(key);
    if (!global) {
      // Headers in other namespaces (WS-Addressing, …) pass through as read.
      if (parent === 'header') return 'foreign';
      return this.fail(`${name} is not an element of this schema`);
    }
    if (global.abstract) return this.fail(`${name} is abstract`);
    if (parent === 'body') doc.element = global.key;
    return global;
  }

  /** A header read: a schema element's value under its key, or another namespace's element. */
  header(key: string | undefined, value: unknown, name: string): void {
    const doc = this.document;
    if (key === undefined) {
      doc.headerOrder!.push(doc.otherHeaders!.length);
      doc.otherHeaders!.push(value as XmlElement);
      return;
    }
    const local = key.slice(key.indexOf(':') + 1);
    if (doc.headers![local] !== undefined) this.fail(`${name} appears twice in the SOAP header`);
    doc.headerOrder!.push(key);
    doc.headers![local] = value;
  }

  /** The body element read, once closed; a fault (checked when `strict`) is also kept as the document's fault. */
  body(value: unknown, fault: XmlElement | undefined, name: string, strict: boolean): void {
    if (fault) {
      if (strict) checkFault(fault, (m) => this.fail(m, `${this.path()}/${name}`));
      this.document.fault = fault;
    }
    this.document.value = value;
  }

  /** At the envelope's end tag. */
  end(): void {
    if (!this.document.element) this.fail('the SOAP envelope has no body element');
  }
}

/** SOAP 1.1 (section 4.4): faultcode, faultstring, then faultactor and detail if present, all unqualified. */
function checkFault(fault: XmlElement, fail: (message: string) => never): void {
  const order = ['faultcode', 'faultstring', 'faultactor', 'detail'];
  let at = 0;
  let required = 0;
  for (const c of fault.children) {
    if (typeof c === 'string') {
      if (c.trim()) fail('unexpected text in soap:Fault');
      continue;
    }
    const i = order.indexOf(c.local);
    if (c.ns !== '' || i < at)
      fail(
        `unexpected element ${c.ns ? `{${c.ns}}` : ''}${c.local} in soap:Fault (SOAP 1.1 fault children are unqualified, in the order ${order.join(', ')})`,
      );
    at = i + 1;
    if (i < 2) required++;
  }
  if (required < 2) fail('soap:Fault needs faultcode and faultstring');
}
