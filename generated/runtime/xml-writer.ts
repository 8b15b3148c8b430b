// ews-codegen runtime: copied verbatim into generated/runtime/. Do not edit the copy.

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

/**
 * Writes XML by concatenation, in Exchange's one-line style. Namespaces with a prefix of their
 * own (`t`, `m`, `soap`, `xsi`) are declared once on the root; any other namespace (open
 * content) is declared as the default namespace where it starts.
 */
export class XmlWriter {
  private out = '';
  /** Whether the last start tag is still open (`<x a="1"`), so it can close as `/>`. */
  private open = false;
  /** The names of the open elements: the element path, for error messages. */
  private readonly names: string[] = [];
  /** Prefixes made up for attributes in namespaces without one of their own. */
  private declared = 0;
  private readonly defaults: string[] = [''];

  constructor(private readonly prefixes: ReadonlyMap<string, string>) {}

  /** Starts an element; `declare` adds the prefixed namespace declarations (on the root). */
  start(ns: string, local: string, declare = false): void {
    if (this.open) this.out += '>';
    const prefix = this.prefixes.get(ns);
    const outer = this.defaults[this.defaults.length - 1]!;
    let name: string;
    let extra = '';
    if (prefix !== undefined) {
      name = `${prefix}:${local}`;
      this.defaults.push(outer);
    } else {
      name = local;
      if (ns !== outer) extra = ` xmlns="${escapeAttribute(ns)}"`;
      this.defaults.push(ns);
    }
    this.out += '<' + name + extra;
    if (declare) for (const [uri, p] of this.prefixes) this.out += ` xmlns:${p}="${escapeAttribute(uri)}"`;
    this.names.push(name);
    this.open = true;
  }

  /**
   * An attribute of the element just started; `ns` for a qualified one (`xml:lang`, `xsi:type`).
   * A namespace declaration kept with open content (`ns` = the xmlns namespace) is written unless
   * it would rebind one of the writer's own prefixes.
   */
  attribute(local: string, value: string, ns = ''): void {
    if (!ns) {
      this.out += ' ' + local + '="' + escapeAttribute(value) + '"';
      return;
    }
    if (ns === XML_NS) {
      this.out += ` xml:${local}="${escapeAttribute(value)}"`;
      return;
    }
    if (ns === XMLNS_NS) {
      const own = [...this.prefixes].find(([, p]) => p === local);
      if (!own) this.out += ` xmlns:${local}="${escapeAttribute(value)}"`;
      return;
    }
    const prefix = this.prefixes.get(ns);
    if (prefix !== undefined) this.out += ` ${prefix}:${local}="${escapeAttribute(value)}"`;
    else {
      const p = `ns${++this.declared}`;
      this.out += ` xmlns:${p}="${escapeAttribute(ns)}" ${p}:${local}="${escapeAttribute(value)}"`;
    }
  }

  text(value: string): void {
    if (this.open) {
      this.out += '>';
      this.open = false;
    }
    this.out += escapeText(value);
  }

  end(): void {
    const name = this.names.pop()!;
    this.defaults.pop();
    if (this.open) {
      this.out += '/>';
      this.open = false;
    } else this.out += '</' + name + '>';
  }

  /** The open elements, outermost first. */
  path(): readonly string[] {
    return this.names;
  }

  toString(): string {
    return this.out;
  }
}
