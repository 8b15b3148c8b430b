// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.

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

export function escapeText(s: string): string {
  return /[&<>\r]/.test(s) ? s.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!) : s;
}

export function escapeAttribute(s: string): string {
  return /[&<"\t\n\r]/.test(s) ? s.replace(/[&<"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!) : s;
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
    this.head += ' ' + name + '="' + escapeAttribute(value) + '"';
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
    const text = escapeText(value);
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

  /** The open elements, outermost first. */
  path(): string[] {
    return this.open.map((t) => t.name);
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}
