// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.

import { EwsXmlError } from './errors.js';
import { attributeStart, GT, NotXmlError, QUOTE, SLASH_GT, tag, XmlBytes, type Tag } from './xml-bytes.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Writes XML in Exchange's one-line style, as UTF-8 into an XmlBytes. A start tag is left open
 * (without its `>`) until something follows, so that an element with nothing in it ends as `/>`.
 * Namespaces with a prefix of their own (`t`, `m`, `soap`, `xsi`) are declared once on the root;
 * any other namespace (open content) is declared as the default namespace where it starts.
 */
export class XmlWriter {
  /** Whether the last start tag still lacks its `>`. */
  private pending = false;
  /** The open elements. */
  private readonly open: Tag[] = [];
  /** Prefixes made up for attributes in namespaces without one of their own. */
  private declared = 0;
  private readonly defaults: string[] = [''];
  private readonly tags = new Map<string, Map<string, Tag>>();

  constructor(
    private readonly prefixes: ReadonlyMap<string, string>,
    /** Where the bytes go: the generated writers write into it too (see `child`). */
    readonly out: XmlBytes = new XmlBytes(),
  ) {}

  /** The tag of an element, by namespace and local name (the schema's strings: quick to look up). */
  private tagOfName(ns: string, local: string, prefix: string | undefined): Tag {
    let locals = this.tags.get(ns);
    if (!locals) this.tags.set(ns, (locals = new Map()));
    let t = locals.get(local);
    if (t === undefined) locals.set(local, (t = tag(prefix === undefined ? local : `${prefix}:${local}`)));
    return t;
  }

  /** Ends the open start tag with its `>`: content follows. */
  private content(): void {
    if (!this.pending) return;
    this.out.put(GT);
    this.pending = false;
  }

  /** Starts an element; `declare` adds the prefixed namespace declarations (on the root). */
  start(ns: string, local: string, declare = false): void {
    this.content();
    const prefix = this.prefixes.get(ns);
    const outer = this.defaults[this.defaults.length - 1]!;
    const t = this.tagOfName(ns, local, prefix);
    this.out.put(t.start);
    // An unprefixed element outside the default namespace in effect declares its own.
    if (prefix === undefined && ns !== outer) this.attribute('xmlns', ns);
    this.defaults.push(prefix === undefined ? ns : outer);
    if (declare) for (const [uri, p] of this.prefixes) this.attribute(`xmlns:${p}`, uri);
    this.open.push(t);
    this.pending = true;
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
        this.attribute(`xmlns:${p}`, ns);
        name = `${p}:${local}`;
      }
    }
    this.out.put(attributeStart(name));
    this.escaped(() => this.out.attribute(value), name);
    this.out.put(QUOTE);
  }

  /**
   * The tag of an element that the generated writers may write themselves: one in a namespace
   * with a prefix of its own (or unqualified, where no default namespace is in effect).
   */
  tagOf(ns: string, local: string): Tag | undefined {
    const prefix = this.prefixes.get(ns);
    if (prefix === undefined && (ns !== '' || this.defaults[this.defaults.length - 1] !== '')) return undefined;
    return this.tagOfName(ns, local, prefix);
  }

  /** The output, for a generated writer to write a whole element into (the open start tag ended first). */
  child(): XmlBytes {
    this.content();
    return this.out;
  }

  text(value: string): void {
    this.content();
    this.escaped(() => this.out.text(value));
  }

  end(): void {
    const t = this.open.pop()!;
    this.defaults.pop();
    if (this.pending) this.out.put(SLASH_GT);
    else this.out.put(t.close);
    this.pending = false;
  }

  /** A value escaped; one XML cannot carry is an EwsXmlError naming where it was to go. */
  private escaped(write: () => void, attribute?: string): void {
    try {
      write();
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
    return this.out.toString();
  }
}
