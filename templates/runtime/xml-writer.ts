// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.

import { EwsXmlError } from './errors.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/**
 * The characters XML 1.0 cannot carry at all, escaped or not (C0 controls but tab, line feed and
 * carriage return; U+FFFE and U+FFFF): writing one would make a document no server can read.
 */
const NOT_XML_CHARS = '\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF';
const NOT_XML = new RegExp(`[${NOT_XML_CHARS}]`);
/** What a text or an attribute value needs a closer look for: a character to escape or to refuse. */
const TEXT_SPECIAL = new RegExp(`[&<>\\r${NOT_XML_CHARS}]`);
const ATTRIBUTE_SPECIAL = new RegExp(`[&<"\\t\\n\\r${NOT_XML_CHARS}]`);

/** A value with a character XML 1.0 cannot carry. */
export class NotXmlError extends Error {}

function refuseNotXml(s: string): void {
  const c = NOT_XML.exec(s);
  if (c) {
    const code = c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new NotXmlError(`U+${code} (at character ${c.index}) cannot be written in XML 1.0`);
  }
}

export function escapeText(s: string): string {
  if (TEXT_SPECIAL.test(s)) {
    refuseNotXml(s);
    s = s.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
  }
  return large !== undefined && s.length >= LARGE_TEXT ? setAside(s) : s;
}

export function escapeAttribute(s: string): string {
  if (!ATTRIBUTE_SPECIAL.test(s)) return s;
  refuseNotXml(s);
  return s.replace(/[&<"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

/** Texts of this many characters or more are set aside by setAsideLargeTexts. */
export const LARGE_TEXT = 1 << 16;

/** The large texts set aside by the write running in setAsideLargeTexts; none outside one. */
let large: string[] | undefined;

/** Where a text set aside goes: U+0000 (which no value written can hold, see NOT_XML), its index, U+0000. */
function setAside(s: string): string {
  large!.push(s);
  return `\0${large!.length - 1}\0`;
}

/**
 * Runs a write (synchronous, as every writer is) with each escaped text of LARGE_TEXT characters
 * or more set aside: the written document holds a marker in its place (`\0index\0`), so that
 * a multi-megabyte value (an attachment's base64) is neither copied into the document's string
 * nor into its bytes; request-body.ts puts it back as the body is sent.
 */
export function setAsideLargeTexts(write: () => string): { xml: string; texts: string[] } {
  const outer = large;
  large = [];
  try {
    const xml = write();
    return { xml, texts: large };
  } finally {
    large = outer;
  }
}

/** The tags of one element name, made once per name. */
interface Tags {
  name: string;
  /** `<t:X`, `<t:X>`, `</t:X>` */
  open: string;
  opened: string;
  close: string;
}

/**
 * Writes XML in Exchange's one-line style. Each element goes out as one piece (its start tag, and
 * for a value its text and end tag), and the pieces are joined once at the end: appending every
 * piece to one string instead makes V8 link a million small strings, all alive until the end,
 * which the garbage collector copies over and over; joining a piece per tag costs a join step
 * per piece. Namespaces with a prefix of their own (`t`, `m`, `soap`, `xsi`) are declared once
 * on the root; any other namespace (open content) is declared as the default namespace where it
 * starts.
 */
export class XmlWriter {
  private readonly parts: string[] = [];
  /** The start tag being written, without its `>`: it ends as `/>` if nothing follows. */
  private head: string | undefined = undefined;
  /** Whether `head` is the plain tag (no attributes), whose `<t:X>` form is made already. */
  private plain = false;
  /** The text that came right after `head`, kept to go out with the end tag in one piece. */
  private body: string | undefined = undefined;
  /** The open elements. */
  private readonly open: Tags[] = [];
  /** Prefixes made up for attributes in namespaces without one of their own. */
  private declared = 0;
  private readonly defaults: string[] = [''];
  private readonly tags = new Map<string, Map<string, Tags>>();

  constructor(private readonly prefixes: ReadonlyMap<string, string>) {}

  /** The tags of an element, by namespace and local name (the schema's strings: quick to look up). */
  private tagsOf(ns: string, local: string, prefix: string | undefined): Tags {
    let locals = this.tags.get(ns);
    if (!locals) this.tags.set(ns, (locals = new Map()));
    let t = locals.get(local);
    if (t === undefined) {
      const name = prefix === undefined ? local : `${prefix}:${local}`;
      locals.set(local, (t = { name, open: `<${name}`, opened: `<${name}>`, close: `</${name}>` }));
    }
    return t;
  }

  /** The kept start tag, closed with `>`, and the text that came after it. */
  private started(tags: Tags): string {
    const tag = this.plain ? tags.opened : this.head + '>';
    return this.body === undefined ? tag : tag + this.body;
  }

  /** Writes out the start tag and text kept so far. */
  private flush(): void {
    if (this.head === undefined) return;
    this.parts.push(this.started(this.open[this.open.length - 1]!));
    this.head = this.body = undefined;
  }

  /** Starts an element; `declare` adds the prefixed namespace declarations (on the root). */
  start(ns: string, local: string, declare = false): void {
    this.flush();
    const prefix = this.prefixes.get(ns);
    const outer = this.defaults[this.defaults.length - 1]!;
    const tags = this.tagsOf(ns, local, prefix);
    this.head = tags.open;
    // An unprefixed element outside the default namespace in effect declares its own.
    this.plain = prefix !== undefined || ns === outer;
    if (!this.plain) this.head += ` xmlns="${escapeAttribute(ns)}"`;
    this.defaults.push(prefix === undefined ? ns : outer);
    if (declare) {
      for (const [uri, p] of this.prefixes) this.head += ` xmlns:${p}="${escapeAttribute(uri)}"`;
      this.plain = false;
    }
    this.open.push(tags);
  }

  /**
   * An attribute of the element just started; `ns` for a qualified one (`xml:lang`, `xsi:type`).
   * A namespace declaration kept with open content (`ns` = the xmlns namespace) is written unless
   * it would rebind one of the writer's own prefixes.
   */
  attribute(local: string, value: string, ns = ''): void {
    let name: string;
    if (!ns) name = local;
    else if (ns === XML_NS) name = `xml:${local}`;
    else if (ns === XMLNS_NS) {
      if ([...this.prefixes.values()].includes(local)) return;
      name = `xmlns:${local}`;
    } else {
      const prefix = this.prefixes.get(ns);
      if (prefix !== undefined) name = `${prefix}:${local}`;
      else {
        const p = `ns${++this.declared}`;
        this.head += ` xmlns:${p}="${escapeAttribute(ns)}"`;
        name = `${p}:${local}`;
      }
    }
    this.head += ' ' + name + '="' + this.escaped(escapeAttribute, value, name) + '"';
    this.plain = false;
  }

  /**
   * The tag name of an element that the generated writers may write as a string: one in a
   * namespace with a prefix of its own (or unqualified, where no default namespace is in effect).
   */
  tagName(ns: string, local: string): string | undefined {
    const prefix = this.prefixes.get(ns);
    if (prefix !== undefined) return `${prefix}:${local}`;
    return ns === '' && this.defaults[this.defaults.length - 1] === '' ? local : undefined;
  }

  /** A whole element, written elsewhere. */
  raw(xml: string): void {
    this.flush();
    this.parts.push(xml);
  }

  text(value: string): void {
    const text = this.escaped(escapeText, value);
    if (this.head === undefined) this.parts.push(text);
    else this.body = this.body === undefined ? text : this.body + text;
  }

  end(): void {
    const tags = this.open.pop()!;
    this.defaults.pop();
    if (this.head === undefined) this.parts.push(tags.close);
    else if (this.body === undefined) this.parts.push(this.head + '/>');
    else this.parts.push(this.started(tags) + tags.close);
    this.head = this.body = undefined;
  }

  /** A value escaped; one XML cannot carry is an EwsXmlError naming where it was to go. */
  private escaped(escape: (s: string) => string, value: string, attribute?: string): string {
    try {
      return escape(value);
    } catch (e) {
      if (!(e instanceof NotXmlError)) throw e;
      throw new EwsXmlError(e.message, '/' + this.path().join('/') + (attribute ? `/@${attribute}` : ''));
    }
  }

  /** The open elements, outermost first. */
  path(): string[] {
    return this.open.map((t) => t.name);
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}
