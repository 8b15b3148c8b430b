// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.
import {
  GroupState,
  XSI,
  type AnyP,
  type CompiledSchema,
  type ComplexT,
  type ElementP,
  type SimpleT,
} from './compile.js';
import { EwsXmlError } from './errors.js';
import { createSaxParser, type SaxAttribute, type SaxTag } from './sax.js';
import { ValueError, type SimpleCodec } from './simple.js';
import { unknownAttributes, unknownElements, type XmlElement } from './xml-element.js';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

export interface ReadOptions {
  /**
   * Strict (the default) rejects what the schema rejects. Lenient, for production against newer
   * servers, keeps unknown elements and attributes (see `unknownElements`), accepts enumeration
   * values the schema does not list, and does not check lexical forms beyond what a value needs.
   */
  strict?: boolean;
  /** Elements nested deeper than this stop the read at the first tag past it (default 256). */
  maxDepth?: number;
  /**
   * Translated documentation rewrites `http://schemas.microsoft.com/…` and
   * `http://schemas.xmlsoap.org/…` namespaces to `https://`, which Exchange never accepts.
   * Strict reading refuses them, naming `https`; set this to read them as the `http://` ones.
   */
  acceptHttpsNamespaces?: boolean;
}

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

const HTTPS_NS = /^https:\/\/(schemas\.microsoft\.com|schemas\.xmlsoap\.org)\//;

/**
 * What the reader knows about one open element. Frames are reused by depth (one object per
 * level, reset on each start tag) with every field always present, so that V8 keeps a single
 * shape and the reader allocates nothing per element but the values it builds.
 */
class Frame {
  kind: 'complex' | 'simple' | 'capture' | 'envelope' | 'header' | 'body' = 'capture';
  name = '';
  /** The element's local name, for `$element`. */
  local = '';
  /** How the value goes to the parent: through a particle (undefined for an unknown element). */
  particle: ElementP | AnyP | undefined = undefined;
  complex: ComplexT | undefined = undefined;
  value: Record<string | symbol, unknown> | undefined = undefined;
  state: GroupState | undefined = undefined;
  /** A content-model state kept for reuse by the next element at this depth. */
  spare: GroupState | undefined = undefined;
  codec: SimpleCodec | undefined = undefined;
  text = '';
  nil = false;
  node: XmlElement | undefined = undefined;
  /** Namespace declarations on the element, for open content that refers to prefixes (QNames in text). */
  decl: Record<string, string> | undefined = undefined;
  /** Where a header or body value goes once read. */
  slot: 'header' | 'body' | undefined = undefined;
  elementKey: string | undefined = undefined;

  reset(tag: SaxTag): this {
    this.kind = 'capture';
    this.name = tag.name;
    this.local = tag.local;
    this.particle = undefined;
    this.complex = undefined;
    this.value = undefined;
    if (this.state) this.spare = this.state;
    this.state = undefined;
    this.codec = undefined;
    this.text = '';
    this.nil = false;
    this.node = undefined;
    this.decl = tag.ns;
    this.slot = undefined;
    this.elementKey = undefined;
    return this;
  }
}

/**
 * Reads an EWS document with saxes events, straight into typed values: no DOM in between.
 * The first error ends the read, naming the element path and line; no partial result is ever
 * returned.
 */
export function readXml(schema: CompiledSchema, xml: string, options: ReadOptions = {}): ReadDocument {
  const strict = options.strict ?? true;
  const maxDepth = options.maxDepth ?? 256;
  const parser = createSaxParser();
  const frames: Frame[] = [];
  let depth = 0;
  let bodySeen = false;
  let lastUri = '';
  let lastMapped = '';
  let result: ReadDocument | undefined;

  const path = () =>
    '/' +
    frames
      .slice(0, depth)
      .map((f) => f.name)
      .join('/');
  const fail = (message: string, at = path()): never => {
    throw new EwsXmlError(message, at, parser.line);
  };

  // Few handlers on purpose: with opentagstart and error handlers added too, V8 turns the
  // parser into a slow dictionary-mode object and saxes runs four times slower. Errors saxes
  // throws are caught around write() instead; the depth limit is checked at each start tag,
  // which stops before saxes' per-tag prefix lookup (which grows with depth) can pile up.
  parser.on('doctype', () => fail('a DOCTYPE is not allowed (entities are never expanded)', '/'));
  const uriOf = (uri: string): string => {
    if (uri === lastUri) return lastMapped;
    lastUri = uri;
    lastMapped = uri;
    if (!HTTPS_NS.test(uri)) return uri;
    lastUri = '';
    if (options.acceptHttpsNamespaces) return 'http' + uri.slice(5);
    return fail(
      `namespace ${uri} uses https: Exchange only accepts http://${uri.slice(8)} on the wire (acceptHttpsNamespaces reads it anyway)`,
    );
  };

  /**
   * Open content kept as read. Prefixed namespace declarations go with it (as `{xmlns-uri}prefix`
   * attributes); for a fault or a foreign header (`inScope`), those of its ancestors too: a
   * fault's `faultcode` holds a QName whose prefix is declared on the envelope.
   */
  const capture = (tag: SaxTag, uri: string, inScope: boolean): XmlElement => {
    const attributes: Record<string, string> = {};
    if (inScope) {
      for (let i = 0; i < depth; i++) {
        for (const [prefix, ns] of Object.entries(frames[i]!.decl ?? {}))
          if (prefix && prefix !== 'xml') attributes[`{${XMLNS}}${prefix}`] = ns;
      }
    }
    for (const name in tag.attributes) {
      const a = tag.attributes[name]!;
      if (a.uri === XMLNS && (a.prefix !== 'xmlns' || a.local === 'xml')) continue;
      attributes[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    }
    return { ns: uri, local: tag.local, attributes, children: [] };
  };

  const openTyped = (tag: SaxTag, frame: Frame, typeKey: string, nillable: boolean, tagged: boolean): void => {
    let type = schema.type(typeKey);
    let xsiType: string | undefined;
    let xsiNil: string | undefined;
    const attributes = tag.attributes as Record<string, SaxAttribute>;
    for (const name in attributes) {
      const a = attributes[name]!;
      if (a.uri !== XSI) continue;
      if (a.local === 'type') xsiType = a.value.trim();
      else if (a.local === 'nil') xsiNil = a.value.trim();
      else if (strict) fail(`unknown attribute ${a.name}`, `${path()}/@${a.name}`);
    }
    if (xsiNil === 'true' || xsiNil === '1') {
      if (!nillable && strict) fail('xsi:nil on an element that is not nillable');
      frame.kind = 'simple';
      frame.nil = true;
      return;
    }
    if (xsiType !== undefined) {
      const colon = xsiType.indexOf(':');
      const ns = parser.resolve(colon < 0 ? '' : xsiType.slice(0, colon));
      const derived =
        type.kind === 'complex' && ns !== undefined
          ? schema.derivedType(type, uriOf(ns), xsiType.slice(colon + 1))
          : undefined;
      if (!derived) return fail(`xsi:type "${xsiType}" does not name a type derived from ${type.key}`);
      type = derived;
    }
    if (type.kind === 'simple') {
      frame.kind = 'simple';
      frame.codec = (type as SimpleT).codec;
      return;
    }
    const complex = type as ComplexT;
    if (complex.desc.abstract && strict) fail(`${complex.desc.name} is abstract: xsi:type must name a concrete type`);
    const value: Record<string | symbol, unknown> = tagged ? { $element: tag.local } : {};
    if (xsiType !== undefined) value.$type = complex.desc.name;
    frame.complex = complex;
    frame.kind = 'complex';
    frame.value = value;
    if (complex.content)
      frame.state = frame.spare ? frame.spare.reset(complex.content) : new GroupState(complex.content);
    frame.spare = undefined;
    if (complex.text) frame.codec = complex.text;
    for (const name in attributes) {
      const a = attributes[name]!;
      if (a.uri === XMLNS || a.uri === XSI) continue;
      const ns = a.uri ? uriOf(a.uri) : '';
      const attr = complex.attributeByKey.get(schema.keys.key(ns, a.local));
      if (attr) {
        try {
          value[attr.desc.name] = attr.codec.parse(a.value, strict);
        } catch (e) {
          if (e instanceof ValueError) fail(e.message, `${path()}/@${a.name}`);
          throw e;
        }
      } else if (complex.anyAttribute) {
        ((value.$anyAttributes ??= {}) as Record<string, string>)[ns ? `{${ns}}${a.local}` : a.local] = a.value;
      } else if (strict) {
        fail(`unknown attribute ${a.name}`, `${path()}/@${a.name}`);
      } else {
        ((value[unknownAttributes] ??= {}) as Record<string, string>)[ns ? `{${ns}}${a.local}` : a.local] = a.value;
      }
    }
    for (const attr of complex.attributes) {
      if (attr.desc.required && value[attr.desc.name] === undefined)
        fail(`missing required attribute ${attr.desc.name}`, `${path()}/@${attr.desc.name}`);
    }
  };

  parser.on('opentag', (tag) => {
    if (depth >= maxDepth) fail(`elements nest deeper than ${maxDepth} at <${tag.name}>`);
    const uri = uriOf(tag.uri);
    const parent = depth ? frames[depth - 1] : undefined;
    const frame = (frames[depth] ??= new Frame()).reset(tag);
    depth++;

    if (!parent) {
      if (uri === SOAP_ENV && tag.local === 'Envelope') {
        frame.kind = 'envelope';
        result = { element: '', value: undefined, envelope: true, headers: {}, otherHeaders: [], headerOrder: [] };
        return;
      }
      const global = schema.elementByQName.get(schema.keys.key(uri, tag.local));
      if (!global) return fail(`${tag.name} is not an element of this schema`);
      if (global.abstract) return fail(`${tag.name} is abstract`);
      result = { element: global.key, value: undefined, envelope: false };
      frame.slot = 'body';
      frame.elementKey = global.key;
      return openTyped(tag, frame, global.type, !!global.nillable, false);
    }

    switch (parent.kind) {
      case 'envelope': {
        if (uri === SOAP_ENV && tag.local === 'Header' && !bodySeen) {
          frame.kind = 'header';
          return;
        }
        if (uri === SOAP_ENV && tag.local === 'Body' && !bodySeen) {
          frame.kind = 'body';
          bodySeen = true;
          return;
        }
        return fail(`unexpected ${tag.name} in the SOAP envelope`);
      }
      case 'header':
      case 'body': {
        if (parent.kind === 'body') {
          if (result!.element || result!.fault) return fail(`a second element in the SOAP body`);
          if (uri === SOAP_ENV && tag.local === 'Fault') {
            frame.node = capture(tag, uri, true);
            result!.element = 'soap:Fault';
            frame.slot = 'body';
            return;
          }
        }
        const global = schema.elementByQName.get(schema.keys.key(uri, tag.local));
        if (!global) {
          if (parent.kind === 'header') {
            // Headers in other namespaces (WS-Addressing, …) pass through as read.
            frame.node = capture(tag, uri, true);
            frame.slot = 'header';
            return;
          }
          return fail(`${tag.name} is not an element of this schema`);
        }
        if (global.abstract) return fail(`${tag.name} is abstract`);
        frame.slot = parent.kind;
        frame.elementKey = global.key;
        if (parent.kind === 'body') result!.element = global.key;
        return openTyped(tag, frame, global.type, !!global.nillable, false);
      }
      case 'complex': {
        const key = schema.keys.key(uri, tag.local);
        const known = parent.complex!.elements.has(key);
        // An element the type does not know: say what the schema expects here (before the
        // matcher moves on), and point at a namespace slip (t:Mailbox where m:Mailbox belongs).
        if (!known && !parent.state?.accepts(uri)) {
          if (!strict) {
            frame.node = capture(tag, uri, false);
            return;
          }
          const expected = parent.state?.expected() ?? [];
          const twin = [...parent.complex!.elements.keys()].find((k) => k.endsWith('|' + tag.local));
          const hint = twin
            ? ` (${tag.local} belongs in namespace ${twin.slice(0, twin.indexOf('|'))} here, not ${uri || 'no namespace'})`
            : '';
          return fail(
            `unexpected element ${tag.name}${hint}${expected.length ? `; expected ${list(expected)}` : parent.state ? '' : ' (the type has no element content)'}`,
          );
        }
        const p = parent.state?.accept(key, uri);
        if (!p)
          return fail(
            `element ${tag.name} is not allowed here: out of schema order, or more of it than the schema allows`,
          );
        frame.particle = p;
        if (p.kind === 'any') {
          frame.node = capture(tag, uri, false);
          return;
        }
        const accepted = p.accepts.get(key)!;
        return openTyped(tag, frame, accepted.type, accepted.nillable, !!p.desc.tagged);
      }
      case 'simple':
        return fail(`unexpected element ${tag.name} in a value of simple type`);
      case 'capture':
        parent.node!.children.push((frame.node = capture(tag, uri, false)));
        return;
    }
  });

  parser.on('text', (text) => {
    const f = depth ? frames[depth - 1] : undefined;
    if (!f) return;
    if (f.kind === 'simple' || (f.kind === 'complex' && f.codec)) f.text += text;
    else if (f.kind === 'capture') f.node!.children.push(text);
    else if (strict && text.trim() !== '') fail(`unexpected text "${text.trim().slice(0, 40)}"`);
  });
  parser.on('cdata', (text) => {
    const f = depth ? frames[depth - 1] : undefined;
    if (f?.kind === 'simple' || (f?.kind === 'complex' && f.codec)) f.text += text;
    else if (f?.kind === 'capture') f.node!.children.push(text);
    else if (strict) fail('unexpected CDATA');
  });

  parser.on('closetag', () => {
    const frame = frames[depth - 1]!;
    let value: unknown;
    switch (frame.kind) {
      case 'envelope':
        if (!result!.element) fail('the SOAP envelope has no body element');
        depth--;
        return;
      case 'header':
      case 'body':
        depth--;
        return;
      case 'capture':
        value = frame.node;
        break;
      case 'simple':
        if (frame.nil) {
          if (strict && frame.text.trim() !== '') fail('an element with xsi:nil="true" must be empty');
          value = null;
        } else {
          try {
            value = frame.codec!.parse(frame.text, strict);
          } catch (e) {
            if (e instanceof ValueError) fail(e.message);
            throw e;
          }
        }
        break;
      case 'complex': {
        const v = frame.value!;
        // Lenient reading accepts content that stops short: Exchange's own error responses
        // leave out elements the schema requires (GetPersonaResponseMessage without Persona).
        if (strict && frame.state && !frame.state.complete())
          fail(`content ends too early: expected ${list(frame.state.expected())}`);
        if (frame.codec) {
          try {
            v.$value = frame.codec.parse(frame.text, strict);
          } catch (e) {
            if (e instanceof ValueError) fail(e.message);
            throw e;
          }
        }
        value = v;
        break;
      }
    }
    depth--;
    const parent = depth ? frames[depth - 1] : undefined;
    if (frame.slot === 'body') {
      if (frame.node) {
        if (strict) checkFault(frame.node, (m) => fail(m, `${path()}/${frame.name}`));
        result!.fault = frame.node;
      }
      result!.value = value;
      return;
    }
    if (frame.slot === 'header') {
      if (frame.node) {
        result!.headerOrder!.push(result!.otherHeaders!.length);
        result!.otherHeaders!.push(frame.node);
      } else {
        const local = frame.elementKey!.slice(frame.elementKey!.indexOf(':') + 1);
        if (result!.headers![local] !== undefined) fail(`${frame.name} appears twice in the SOAP header`);
        result!.headerOrder!.push(frame.elementKey!);
        result!.headers![local] = value;
      }
      return;
    }
    if (!parent) return;
    if (parent.kind === 'capture') return; // already attached
    const target = parent.value!;
    const p = frame.particle;
    if (!p) {
      ((target[unknownElements] ??= []) as XmlElement[]).push(frame.node!);
      return;
    }
    if (p.kind === 'any') {
      if (p.desc.array) ((target.$any ??= []) as unknown[]).push(value);
      else target.$any = value;
      return;
    }
    const d = p.desc;
    if (d.tagged && (value === null || typeof value !== 'object')) value = { $element: frame.local, $value: value };
    const prop = p.prop;
    if (d.array) {
      const list = target[prop] as unknown[] | undefined;
      if (list) list.push(value);
      else target[prop] = [value];
    } else target[prop] = value;
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof EwsXmlError) throw e;
    fail(`not well-formed XML: ${(e as Error).message.replace(/^(.*?:)?\d+:\d+: /, '')}`);
  }
  if (!result || depth) fail('the document ended early');
  return result!;
}

/** SOAP 1.1 (section 4.4): faultcode, faultstring, then faultactor and detail if present, all unqualified. */
function checkFault(fault: XmlElement, fail: (message: string) => never): void {
  const order = ['faultcode', 'faultstring', 'faultactor', 'detail'];
  let at = 0;
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
  }
  if (at < 2) fail('soap:Fault needs faultcode and faultstring');
}

function list(names: string[]): string {
  const shown = names.slice(0, 8).join(', ');
  return (names.length > 1 ? 'one of ' : '') + shown + (names.length > 8 ? ', …' : '');
}
