// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// Over 400 lines on purpose: startReading is one closure over the tokenizer's handlers, so that the hot
// path's state (frames, depth, attribute buffers, the namespace scope) lives in its variables and
// not behind an object; what can live apart does: the SOAP envelope layer (read-envelope.ts),
// content models (content-matcher.ts), codecs (simple.ts), compiled types (compile.ts).
import {
  derivedType,
  schemaKeys,
  typeOf,
  XSI,
  type Accepted,
  type AnyParticle,
  type CompiledSchema,
  type CompiledType,
  type CompiledComplex,
  type ElementParticle,
  type CompiledSimple,
  type Slot,
} from './compile.js';
import { ContentMatcher } from './content-matcher.js';
import { emptyContentDeviation } from './deviations.js';
import { EwsXmlError } from './errors.js';
import { declaredPrefix, NamespaceScope, XMLNS_NS, type QName } from './namespaces.js';
import { EnvelopeReader, SOAP_ENV, type ReadDocument } from './read-envelope.js';
import { XmlSyntaxError, XmlTokenizer, type TokenHandlers } from './xml-tokenizer.js';
import { recalled, remember, type Recalls } from './recall.js';
import { detach, ValueError, type SimpleCodec } from './simple.js';
import { unknownAttributes, unknownElements, type XmlElement } from './xml-element.js';

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
  /**
   * Accept the reviewed deviations of real servers listed in deviations.ts (such as an empty
   * `<t:Periods/>`) and nothing else, even when strict. The clients set it for responses.
   */
  acceptServerDeviations?: boolean;
}

const HTTPS_NS = /^https:\/\/(schemas\.microsoft\.com|schemas\.xmlsoap\.org)\//;

/**
 * What the reader knows about one open element. Frames are reused by depth (one object per
 * level, reset on each start tag) with every field always present (set by reset, which the
 * constructor calls too), so that V8 keeps a single shape and the reader allocates nothing per
 * element but the values it builds.
 */
class Frame {
  declare kind: 'complex' | 'simple' | 'capture' | 'envelope' | 'header' | 'body';
  /** The element's name as written, for paths. */
  declare name: string;
  /** Its local name, for `$element`. */
  declare local: string;
  /** The namespace scope's mark before this element's declarations: restored at its end. */
  declare mark: number;
  /** How the value goes to the parent: through a particle (undefined for an unknown element). */
  declare particle: ElementParticle | AnyParticle | undefined;
  declare complex: CompiledComplex | undefined;
  /**
   * A complex element's value, when it is made as the element opens (on a stream's route);
   * otherwise what goes in it waits in `pending` from `start` on, and it is made as the element
   * closes (see build).
   */
  declare value: Record<string | symbol, unknown> | undefined;
  declare start: number;
  declare state: ContentMatcher | undefined;
  /** For a complex element: its type, then the slot of its last child; what holds the guess at the next. */
  declare after: CompiledComplex | Slot | undefined;
  /** A content-model state kept for reuse by the next element at this depth. */
  spare: ContentMatcher | undefined = undefined;
  declare codec: SimpleCodec | undefined;
  declare text: string;
  declare nil: boolean;
  /** Whether the start tag has attributes other than namespace declarations; prefixed ones. */
  declare attributes: boolean;
  declare qualified: boolean;
  declare node: XmlElement | undefined;
  /** Namespace declarations on the element, for open content that refers to prefixes (QNames in text). */
  declare decl: Record<string, string> | undefined;
  /** Where a header or body value goes once read. */
  declare slot: 'header' | 'body' | undefined;
  declare elementKey: string | undefined;
  /** Where the element stands on the stream's route (see StreamSink); undefined off it. */
  declare route: StreamRoute | undefined;
  /** A route element's value, put in its parent's as it opened. */
  declare attached: boolean;

  constructor() {
    this.reset('', '', 0, false, false, undefined);
  }

  reset(
    tag: string,
    local: string,
    mark: number,
    attributes: boolean,
    qualified: boolean,
    decl: Record<string, string> | undefined,
  ): this {
    this.kind = 'capture';
    this.name = tag;
    this.local = local;
    this.mark = mark;
    this.particle = undefined;
    this.complex = undefined;
    this.value = undefined;
    this.start = 0;
    this.after = undefined;
    if (this.state) this.spare = this.state;
    this.state = undefined;
    this.codec = undefined;
    this.text = '';
    this.nil = false;
    this.attributes = attributes;
    this.qualified = qualified;
    this.node = undefined;
    this.decl = decl;
    this.slot = undefined;
    this.elementKey = undefined;
    this.route = undefined;
    this.attached = false;
    return this;
  }
}

/**
 * Reads an EWS document from the tokenizer's events straight into typed values: no DOM in between.
 * The first error ends the read, naming the element path and line; no partial result is ever
 * returned.
 */
export function readXml(schema: CompiledSchema, xml: string, options: ReadOptions = {}): ReadDocument {
  const reading = startReading(schema, options);
  reading.write(xml);
  return reading.end();
}

/**
 * One step of the route a streaming read follows from the body element down (read-items.ts
 * builds it from an operation's `items`). On it, 'path' elements are kept as usual, but put in
 * their parent's value as soon as they open, so that a message handed on shows them; 'item' and
 * 'message' elements are handed to the sink as they close and not kept.
 */
export interface StreamRoute {
  readonly role: 'path' | 'message' | 'item';
  /** The routes of children, by local name; `*` for any child. */
  readonly next: ReadonlyMap<string, StreamRoute>;
}

/** What a streaming read hands its items and messages to. */
export interface StreamSink {
  /** The body element the route starts at (`m:FindItemResponse`). */
  readonly element: string;
  readonly route: StreamRoute;
  /** An item, as it closes, with the message it is in (read up to the item) or the body. */
  item(value: unknown, message: unknown): void;
  /** A message, as it closes (its items handed on, not in it). */
  message(value: unknown): void;
  /**
   * Given, the text is a sequence of documents (GetStreamingEvents writes one envelope after
   * another): each is handed on as it ends, and the next read with the same route.
   */
  document?(doc: ReadDocument): void;
}

/** A read in progress: the document's text is written as it arrives, then the read ended. */
export interface Reading {
  write(text: string): void;
  /** The document read; an error if it is not complete. */
  end(): ReadDocument;
  /** Ends the read with an error at the element being read and the line the text written so far reaches. */
  fail(message: string): never;
}

/**
 * Starts reading a document that arrives in pieces (see readXml). With a sink, the elements on its
 * route stream out as they close instead of staying in the document.
 */
export function startReading(schema: CompiledSchema, options: ReadOptions = {}, sink?: StreamSink): Reading {
  const strict = options.strict ?? true;
  const maxDepth = options.maxDepth ?? 256;
  const deviations = options.acceptServerDeviations ?? false;
  /** An element that stops short is accepted when it is empty and its type is a known deviation. */
  const knownDeviation = (frame: Frame, value: Value) => {
    const complex = frame.complex!;
    const deviation =
      deviations && frame.after === complex ? emptyContentDeviation(complex.desc.ns, complex.desc.name) : undefined;
    if (deviation) Object.assign(value, deviation.reads());
    return deviation !== undefined;
  };
  const ignore = () => {};
  // The handlers are assigned below, each next to what it uses.
  const handlers: TokenHandlers = { open: ignore, close: ignore, text: ignore, cdata: ignore, doctype: ignore };
  if (sink?.document)
    handlers.end = () => {
      const doc = result!;
      envelope = undefined;
      result = undefined;
      message = undefined;
      last = doc;
      sink.document!(doc);
    };
  const parser = new XmlTokenizer(handlers);
  const frames: Frame[] = [];
  let depth = 0;
  /**
   * What goes in the values of the open complex elements, each after its parent's: pairs of
   * where (a property name, or the particle or marker put() and build() take) and what.
   *
   * Values are made bottom-up, as their elements close, from what waits here; not made as their
   * elements open and filled as their children close. Filled that way, a value the garbage
   * collector had moved to the old generation while its element was read (a list of a thousand
   * items, the message holding it) came to point at values younger than itself. Once the
   * document was dropped, those pointers, though in garbage, kept the young values alive
   * through the next collection of the young generation, which then moved them to the old
   * generation too: every value of every document read was copied there (5 MB a collection on
   * FindItem 1,000, a collection taking 17 ms), where only a full collection would free it.
   * Made bottom-up, a value only ever points at values older than itself.
   */
  const pending: unknown[] = [];
  let top = 0;
  /** Puts a property or a child's value (see place) in a complex element's value, or in what waits for it. */
  const give = (frame: Frame, key: Key, value: unknown): void => {
    if (frame.value !== undefined) place(frame.value, key, value);
    else {
      pending[top++] = key;
      pending[top++] = value;
    }
  };
  /** A property put so far (an attribute, for the check of the required ones). */
  const got = (frame: Frame, key: string | symbol): unknown => {
    if (frame.value !== undefined) return frame.value[key];
    for (let i = frame.start; i < top; i += 2) if (pending[i] === key) return pending[i + 1];
    return undefined;
  };
  /** A property's object of open attributes, made at its first use. */
  const bag = (frame: Frame, key: string | symbol): Record<string, string> => {
    let found = got(frame, key) as Record<string, string> | undefined;
    if (found === undefined) give(frame, key, (found = {}));
    return found;
  };
  /** Makes a complex element's value from what waits for it (in the order it came) and clears that. */
  const build = (frame: Frame): Value => {
    const value = new (frame.complex!.create ??= valueConstructor())();
    const start = frame.start;
    for (let i = start; i < top; i += 2) {
      place(value, pending[i] as Key, pending[i + 1]);
      pending[i] = pending[i + 1] = undefined; // nothing kept alive past its document
    }
    top = start;
    return value;
  };
  /** The envelope layer, once the root is soap:Envelope. */
  let envelope: EnvelopeReader | undefined;
  let result: ReadDocument | undefined;
  /** In a sequence of documents, the last one read to its end. */
  let last: ReadDocument | undefined;
  /** On a stream's route: the value of the message (or body) being read, which the items go with. */
  let message: unknown;
  epoch++; // guesses made by earlier reads do not hold here

  const path = () =>
    '/' +
    frames
      .slice(0, depth)
      .map((f) => f.name)
      .join('/');
  const fail = (message: string, at = path()): never => {
    throw new EwsXmlError(message, at, parser.line);
  };
  const notWellFormed = (message: string): never => fail(`not well-formed XML: ${message}`);
  /** Fails at the attribute `name` of the element being read. */
  const failAttribute = (name: string, message = 'unknown attribute'): never =>
    fail(`${message} ${name}`, `${path()}/@${name}`);

  /** A namespace as written, as the reader takes it: https rewrites are refused or mapped back. */
  const mapUri = (uri: string): string => {
    if (!HTTPS_NS.test(uri)) return uri;
    if (options.acceptHttpsNamespaces) return 'http' + uri.slice(5);
    return fail(
      `namespace ${uri} uses https: Exchange only accepts http://${uri.slice(8)} on the wire (acceptHttpsNamespaces reads it anyway)`,
    );
  };
  const scope = new NamespaceScope(schemaKeys, mapUri, notWellFormed);

  /**
   * The namespace-qualified attributes of a start tag other than declarations (`xsi:type`,
   * `xml:lang`, …), resolved; two that expand to the same name are not well-formed.
   */
  const qualified = (): { name: string; q: QName; value: string }[] => {
    const out: { name: string; q: QName; value: string }[] = [];
    for (let i = 0; i < attributeCount; i++) {
      const name = attributeNames[i]!;
      if (name.indexOf(':') < 0 || declaredPrefix(name) !== undefined) continue;
      const q = scope.attribute(name);
      if (out.some((o) => o.q.key === q.key)) notWellFormed(`duplicate attribute: {${q.ns}}${q.local}.`);
      out.push({ name, q, value: attributeValues[i]! });
    }
    return out;
  };

  handlers.doctype = () => fail('a DOCTYPE is not allowed (entities are never expanded)', '/');

  // The attributes of the start tag being read, in document order, as the tokenizer holds them.
  const attributeNames = parser.attributeNames;
  const attributeValues = parser.attributeValues;
  let attributeCount = 0;

  /**
   * Open content kept as read. Prefixed namespace declarations go with it (as `{xmlns-uri}prefix`
   * attributes); for a fault or a foreign header (`inScope`), those of its ancestors too: a
   * fault's `faultcode` holds a QName whose prefix is declared on the envelope.
   */
  const capture = (q: QName, inScope: boolean): XmlElement => {
    const attributes: Record<string, string> = {};
    for (let i = 0; inScope && i < depth - 1; i++) {
      const decl = frames[i]!.decl;
      for (const prefix in decl) if (prefix && prefix !== 'xml') attributes[`{${XMLNS_NS}}${prefix}`] = decl[prefix]!;
    }
    const own = frames[depth - 1]!;
    if (own.qualified) qualified(); // for its well-formedness checks
    for (let i = 0; i < attributeCount; i++) {
      const name = attributeNames[i]!;
      const prefix = declaredPrefix(name);
      if (prefix !== undefined) {
        if (prefix && prefix !== 'xml') attributes[`{${XMLNS_NS}}${prefix}`] = own.decl![prefix]!;
      } else if (name.indexOf(':') < 0) attributes[name] = detach(attributeValues[i]!);
      else {
        const a = scope.attribute(name);
        attributes[`{${a.ns}}${a.local}`] = detach(attributeValues[i]!);
      }
    }
    return { ns: q.ns, local: q.local, attributes, children: [] };
  };

  /** One attribute of a complex type's element, parsed into the value (or kept, or refused). */
  const takeAttribute = (frame: Frame, name: string, ns: string, local: string, text: string, key: string): void => {
    const complex = frame.complex!;
    const attr = ns ? complex.attributeByKey.get(key) : complex.unqualified.get(local);
    if (attr) {
      give(frame, attr.desc.name, valueAt(attr, attr.codec, text, 0, text.length, name, '@'));
    } else if (complex.anyAttribute) {
      bag(frame, '$anyAttributes')[ns ? `{${ns}}${local}` : local] = detach(text);
    } else if (strict) {
      failAttribute(name);
    } else {
      bag(frame, unknownAttributes)[ns ? `{${ns}}${local}` : local] = detach(text);
    }
  };

  const openTyped = (frame: Frame, accepted: Accepted, tagged: boolean): void => {
    const nillable = accepted.nillable;
    let type: CompiledType = typeOf(accepted);
    let xsiType: string | undefined;
    let xsiNil: string | undefined;
    const others = frame.qualified ? qualified() : undefined;
    if (others) {
      for (const { name, q, value } of others) {
        if (q.ns !== XSI) continue;
        if (q.local === 'type') xsiType = value.trim();
        else if (q.local === 'nil') xsiNil = value.trim();
        else if (strict) failAttribute(name);
      }
    }
    if (xsiNil === 'true' || xsiNil === '1') {
      if (!nillable && strict) fail('xsi:nil on an element that is not nillable');
      frame.kind = 'simple';
      frame.nil = true;
      return;
    }
    if (xsiType !== undefined) {
      const colon = xsiType.indexOf(':');
      const ns = scope.resolve(colon < 0 ? '' : xsiType.slice(0, colon));
      const derived = ns !== undefined ? derivedType(accepted, mapUri(ns), xsiType.slice(colon + 1)) : undefined;
      if (!derived)
        return fail(
          `xsi:type "${xsiType}" does not name a type derived from ${type.kind === 'complex' ? type.desc.name : type.name}`,
        );
      type = derived;
    }
    if (type.kind === 'simple') {
      frame.kind = 'simple';
      frame.codec = (type as CompiledSimple).codec;
      return;
    }
    const complex = type as CompiledComplex;
    if (complex.desc.abstract && strict) fail(`${complex.desc.name} is abstract: xsi:type must name a concrete type`);
    frame.complex = complex;
    frame.after = complex;
    frame.kind = 'complex';
    frame.start = top;
    if (tagged) give(frame, '$element', frame.local);
    if (xsiType !== undefined) give(frame, '$type', complex.desc.name);
    if (complex.content)
      frame.state = frame.spare ? frame.spare.reset(complex.content) : new ContentMatcher(complex.content);
    frame.spare = undefined;
    if (complex.text) frame.codec = complex.text;
    if (frame.attributes) {
      for (let i = 0; i < attributeCount; i++) {
        const name = attributeNames[i]!;
        if (name.indexOf(':') < 0 && name !== 'xmlns') takeAttribute(frame, name, '', name, attributeValues[i]!, '');
      }
      if (others)
        for (const { name, q, value: text } of others)
          if (q.ns !== XSI) takeAttribute(frame, name, q.ns, q.local, text, q.key);
    }
    for (const attr of complex.required) {
      if (got(frame, attr.desc.name) === undefined) failAttribute(attr.desc.name, 'missing required attribute');
    }
  };

  /**
   * A child of a complex element: the hot path. Children mostly come in the order they came in
   * the previous element of the same type, so the name as written is first compared with the
   * one that followed the same child last time (`Guess`); only a miss resolves the name and
   * looks its slot up.
   */
  const openChild = (
    tag: string,
    parent: Frame,
    mark: number,
    others: boolean,
    qualifiedOthers: boolean,
    decl: Record<string, string> | undefined,
  ): void => {
    const at = parent.after!;
    const guess = at.next;
    let slot: Slot | undefined;
    let q: QName | undefined;
    if (guess !== undefined && guess.epoch === epoch && guess.raw === tag) slot = guess.slot;
    else {
      q = scope.element(tag);
      slot = parent.complex!.slots.get(q.key);
      // The tokenizer's names are its own strings, the same one for the same name (see TokenHandlers.open).
      if (slot !== undefined) at.next = { epoch, raw: tag, slot };
    }
    const frame = (frames[depth] ??= new Frame()).reset(
      tag,
      slot !== undefined ? slot.accepted.local : q!.local,
      mark,
      others,
      qualifiedOthers,
      decl,
    );
    depth++;
    const route = parent.route;
    if (route !== undefined) frame.route = route.next.get(frame.local) ?? route.next.get('*');
    const state = parent.state;
    let p: ElementParticle | AnyParticle | undefined;
    if (slot !== undefined) {
      // A flat sequence matches by position (the common case); any other content model walks.
      p = slot.index >= 0 ? state!.acceptAt(slot.index) : state!.accept(slot.key, slot.accepted.ns);
    } else if (state?.accepts(q!.ns)) {
      p = state.accept(q!.key, q!.ns);
    } else {
      // An element the type does not know: say what the schema expects here (before the
      // matcher moves on), and point at a namespace slip (t:Mailbox where m:Mailbox belongs).
      if (!strict) {
        frame.node = capture(q!, false);
        return;
      }
      const expected = state?.expected() ?? [];
      const twin = [...parent.complex!.elements.keys()].find((k) => k.endsWith('|' + q!.local));
      const hint = twin
        ? ` (${q!.local} belongs in namespace ${twin.slice(0, twin.indexOf('|'))} here, not ${q!.ns || 'no namespace'})`
        : '';
      return fail(
        `unexpected element ${tag}${hint}${expected.length ? `; expected ${list(expected)}` : state ? '' : ' (the type has no element content)'}`,
      );
    }
    if (!p)
      return fail(`element ${tag} is not allowed here: out of schema order, or more of it than the schema allows`);
    frame.particle = p;
    if (p.kind === 'any') {
      frame.node = capture(q ?? scope.element(tag), false);
      return;
    }
    parent.after = slot;
    const accepted = p === slot?.particle ? slot.accepted : p.accepts.get(slot!.key)!;
    openTyped(frame, accepted, !!p.tagged);
    if (frame.route !== undefined && frame.kind === 'complex') {
      // A message handed on shows what was read of it: it and the elements between it and the
      // body are made as they open.
      if (frame.route.role === 'path') {
        put(parent.value!, p, (frame.value = build(frame)));
        frame.attached = true;
      } else if (frame.route.role === 'message') message = frame.value = build(frame);
    }
  };

  handlers.open = (tag) => {
    if (depth >= maxDepth) fail(`elements nest deeper than ${maxDepth} at <${tag}>`);
    // Declarations first: they are in effect on the element that makes them.
    attributeCount = parser.attributeCount;
    const mark = scope.mark();
    let decl: Record<string, string> | undefined;
    let others = false;
    let qualifiedOthers = false;
    for (let i = 0; i < attributeCount; i++) {
      const name = attributeNames[i]!;
      const prefix = declaredPrefix(name);
      if (prefix === undefined) {
        others = true;
        if (name.indexOf(':') >= 0) qualifiedOthers = true;
        continue;
      }
      const uri = detach(attributeValues[i]!.trim());
      if (scope.declare(prefix, uri)) epoch++; // earlier guesses may resolve differently now
      (decl ??= {})[prefix] = uri;
    }
    const parent = depth ? frames[depth - 1] : undefined;
    if (parent?.kind === 'complex') return openChild(tag, parent, mark, others, qualifiedOthers, decl);
    const q = scope.element(tag);
    const uri = q.ns;
    const frame = (frames[depth] ??= new Frame()).reset(tag, q.local, mark, others, qualifiedOthers, decl);
    depth++;

    if (!parent) {
      if (uri === SOAP_ENV && q.local === 'Envelope') {
        frame.kind = 'envelope';
        envelope = new EnvelopeReader(schema, fail, path);
        result = envelope.document;
        return;
      }
      const global = schema.elementByQName.get(q.key);
      if (!global) return fail(`${tag} is not an element of this schema`);
      if (global.abstract) return fail(`${tag} is abstract`);
      result = { element: global.key, value: undefined, envelope: false };
      frame.slot = 'body';
      frame.elementKey = global.key;
      return openTyped(frame, global.accepted, false);
    }

    switch (parent.kind) {
      case 'capture':
        parent.node!.children.push((frame.node = capture(q, false)));
        return;
      case 'simple':
        return fail(`unexpected element ${tag} in a value of simple type`);
      case 'envelope':
      case 'header':
      case 'body': {
        const place = envelope!.place(parent.kind, uri, q.local, q.key, tag);
        if (place === 'header' || place === 'body') frame.kind = place;
        else if (place === 'fault' || place === 'foreign') {
          frame.node = capture(q, true);
          frame.slot = parent.kind === 'body' ? 'body' : 'header';
        } else {
          frame.slot = parent.kind === 'body' ? 'body' : 'header';
          frame.elementKey = place.key;
          openTyped(frame, place.accepted, false);
          if (sink && frame.slot === 'body' && place.key === sink.element && frame.kind === 'complex') {
            frame.route = sink.route;
            message = frame.value = build(frame);
          }
        }
        return;
      }
    }
  };

  /**
   * An element of text only (see TokenHandlers.leaf). The usual case, a value of simple type in
   * its guessed place in a flat sequence, is read and put without a frame: recalled (see
   * recall.ts) if it can be, else parsed from its text. Anything else is read as its start tag,
   * text and end tag would be.
   */
  handlers.leaf = (tag, source, from, end) => {
    const parent = depth ? frames[depth - 1]! : undefined;
    if (parent !== undefined && parent.kind === 'complex' && parent.route === undefined && depth < maxDepth) {
      const guess = parent.after!.next;
      if (guess !== undefined && guess.epoch === epoch && guess.raw === tag) {
        const slot = guess.slot;
        const codec = (slot.leaf ??= leafCodec(typeOf(slot.accepted), slot.particle));
        // acceptAt changes nothing when it refuses: the usual way then fails as it always did.
        const p = codec && slot.index >= 0 ? parent.state!.acceptAt(slot.index) : undefined;
        if (p !== undefined) {
          parent.after = slot;
          give(parent, p, valueAt(slot, codec!, source, from, end, tag));
          return;
        }
      }
    }
    handlers.open(tag);
    if (end > from) handlers.text(source.slice(from, end));
    handlers.close(tag);
  };

  /** Character data: a value's text, or open content's; elsewhere only white space (strict). */
  const chars = (text: string, cdata: boolean): void => {
    const f = depth ? frames[depth - 1] : undefined;
    if (f?.kind === 'simple' || (f?.kind === 'complex' && f.codec)) f.text += text;
    else if (f?.kind === 'capture') addText(f.node!, text);
    else if (f && strict && (cdata || text.trim() !== ''))
      fail(cdata ? 'unexpected CDATA' : `unexpected text "${text.trim().slice(0, 40)}"`);
  };
  handlers.text = (text) => chars(text, false);
  handlers.cdata = (text) => chars(text, true);

  /**
   * The text of a simple value, parsed; a value the type refuses is an error at the element (the
   * open one, or its `child` read without a frame of its own: see handlers.leaf), or at its
   * attribute `child` (`at` is then `@`).
   */
  const parseText = (codec: SimpleCodec, text: string, child?: string, at = ''): unknown => {
    try {
      return codec.parse(text, strict);
    } catch (e) {
      if (e instanceof ValueError) fail(e.message, child === undefined ? path() : `${path()}/${at}${child}`);
      throw e;
    }
  };

  /**
   * The value at `place` (an attribute, a slot) of the text `source.slice(from, end)`: the one read
   * before from the same text, if remembered (see recall.ts), else the text parsed (see parseText
   * for `child` and `at`), and remembered when a strict read checked it.
   */
  const valueAt = (
    place: Recalls,
    codec: SimpleCodec,
    source: string,
    from: number,
    end: number,
    child: string,
    at = '',
  ): unknown => {
    let value = recalled(place, source, from, end);
    if (value === undefined) {
      const text = source.slice(from, end);
      value = parseText(codec, text, child, at);
      if (strict) remember(place, text, value);
    }
    return value;
  };

  handlers.close = () => {
    const frame = frames[depth - 1]!;
    if (scope.leave(frame.mark)) epoch++;
    let value: unknown;
    switch (frame.kind) {
      case 'envelope':
        envelope!.end();
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
        } else value = parseText(frame.codec!, frame.text);
        break;
      case 'complex': {
        const v = frame.value ?? build(frame);
        // Lenient reading accepts content that stops short: Exchange's own error responses
        // leave out elements the schema requires (GetPersonaResponseMessage without Persona).
        if (strict && frame.state && !frame.state.complete() && !knownDeviation(frame, v))
          fail(`content ends too early: expected ${list(frame.state.expected())}`);
        if (frame.codec) v.$value = parseText(frame.codec, frame.text);
        value = v;
        break;
      }
    }
    depth--;
    const parent = depth ? frames[depth - 1] : undefined;
    if (frame.slot === 'body') {
      if (envelope) envelope.body(value, frame.node, frame.name, strict);
      else result!.value = value;
      return;
    }
    if (frame.slot === 'header') {
      envelope!.header(frame.node ? undefined : frame.elementKey, value, frame.name);
      return;
    }
    if (!parent) return;
    if (parent.kind === 'capture') return; // already attached
    const p = frame.particle;
    if (!p) return give(parent, UNKNOWN, frame.node);
    if (p.kind === 'any') return give(parent, p, value);
    if (p.tagged && (value === null || typeof value !== 'object')) value = new Tagged(frame.local, value);
    const route = frame.route;
    if (route !== undefined) {
      if (route.role === 'item') return sink!.item(value, message);
      if (route.role === 'message') return sink!.message(value);
      if (frame.attached) return;
    }
    give(parent, p, value);
  };

  /** Runs the tokenizer, its syntax errors made errors of the read. */
  const tokenize = (step: () => void): void => {
    try {
      step();
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new EwsXmlError(`not well-formed XML: ${e.reason}`, path(), e.line);
      throw e;
    }
  };
  return {
    write: (text) => tokenize(() => parser.write(text)),
    fail: (message) => {
      throw new EwsXmlError(message, path(), parser.lastLine);
    },
    end: () => {
      tokenize(() => parser.close());
      if (last && !result && !depth) result = last;
      if (!result || depth) fail('the document ended early');
      // RegExp keeps the subject of its last match (RegExp.lastMatch, $1, …); after the codecs'
      // checks that is a substring of the document, which would keep the whole text alive.
      NOTHING.test('');
      // The document handed back is made last, and nothing made earlier points at what it holds
      // any more: an object made as the read began (the one the envelope layer fills, this
      // read's own state), by now perhaps in the old generation, would otherwise keep the value
      // alive through the next collection of the young generation (see pending).
      const doc = { ...result! };
      result!.value = undefined;
      result = last = envelope = undefined;
      // Nor does anything of the read stay (the frames hold the last text of each depth).
      frames.length = pending.length = 0;
      return doc;
    },
  };
}

const NOTHING = /(?:)/;

type Value = Record<string | symbol, unknown>;
// A let, never reassigned: so that no compiler drops the assignments it guards as dead code.
// eslint-disable-next-line prefer-const
let makeRoom = false;

/**
 * Makes the constructor of one complex type's values: plain objects (their prototype is
 * Object.prototype) with room for 64 properties in place. The reader adds properties under
 * computed names, and V8 turns an object that gets more than about a dozen that way into a slow
 * hash table (four times the memory, slower to build and to read): a Message has forty. An
 * object made by a constructor has room in place for the properties the constructor assigns;
 * V8 counts the assignments below when it compiles the function (they never run; each counts,
 * the same name again too, which keeps them short in a bundle), and once the type's first few
 * objects are built, shrinks the room to what they used.
 */
function valueConstructor(): new () => Value {
  function Value(this: Value): void {
    if (makeRoom) {
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
      this.a = this.a = this.a = this.a = this.a = this.a = this.a = this.a = 0;
    }
  }
  Value.prototype = Object.prototype;
  return Value as unknown as new () => Value;
}

/** Character data of open content: one string between elements, however the tokenizer handed it on (CDATA, chunks). */
function addText(node: XmlElement, text: string): void {
  const children = node.children;
  const last = children.length - 1;
  if (last >= 0 && typeof children[last] === 'string') children[last] = detach((children[last] as string) + text);
  else children.push(detach(text));
}

/** Puts an element's value in its parent's value: in its property, or appended to its array. */
function put(target: Value, p: ElementParticle, value: unknown): void {
  const prop = p.prop;
  if (p.array) {
    const list = target[prop] as unknown[] | undefined;
    if (list) list.push(value);
    else target[prop] = Array.of(value); // not a literal: see Tagged
  } else target[prop] = value;
}

/** Where an element the type does not know goes (lenient reading): in `unknownElements`. */
const UNKNOWN = { kind: 'unknown' } as const;

/** Where something goes in a value: a property, or the particle (or UNKNOWN) a child came by. */
type Key = string | symbol | ElementParticle | AnyParticle | typeof UNKNOWN;

/** Puts a property, or a child's value: an element's (see put), a wildcard's in `$any`, an unknown one in `unknownElements`. */
function place(target: Value, key: Key, value: unknown): void {
  if (typeof key !== 'object') target[key] = value;
  else if (key.kind === 'element') put(target, key, value);
  else if (key.kind === 'any') {
    if (key.array) ((target.$any ??= []) as unknown[]).push(value);
    else target.$any = value;
  } else ((target[unknownElements] ??= []) as unknown[]).push(value);
}

/**
 * A value of simple type that says which element it came from (`{ $element, $value }`), made by
 * a constructor, as lists are made by Array.of (see put), not by a literal. V8 allocates the
 * objects of a literal whose objects mostly survive straight in the old generation
 * ("pretenuring"); such an object then points at younger values (on GetItem, the lists at the
 * items pushed into them), and keeps them alive after the document is dropped (see pending in
 * startReading). Objects made by constructors and builtins are not allocated that way.
 */
const Tagged = function (this: Value, element: string, value: unknown) {
  this.$element = element;
  this.$value = value;
} as unknown as new (element: string, value: unknown) => Value;
Tagged.prototype = Object.prototype;

/** The codec of a particle's values when they are of simple type and carry no `$element`; else null. */
function leafCodec(type: CompiledType, p: ElementParticle): SimpleCodec | null {
  return type.kind === 'simple' && !p.tagged ? type.codec : null;
}

/** Counts reads and namespace binding changes: a Guess holds only within the epoch it was made in. */
let epoch = 0;

function list(names: string[]): string {
  const shown = names.slice(0, 8).join(', ');
  return (names.length > 1 ? 'one of ' : '') + shown + (names.length > 8 ? ', …' : '');
}
