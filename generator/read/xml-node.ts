import { SaxesParser, type SaxesTagNS } from 'saxes';
import { SchemaError, type SourcePos } from '../errors.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

/**
 * One element of a schema document: just what the XSD/WSDL readers need.
 * Schema documents are small (under 1 MB), so the reader keeps their elements; instance documents
 * never go through this type.
 */
export interface XmlNode {
  ns: string;
  local: string;
  /** Unqualified attributes by local name; qualified ones by `{ns}local`. */
  attrs: Record<string, string>;
  /** Prefix → namespace in scope here, for attributes whose values are QNames (`type="t:ItemType"`). */
  scope: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
  /** Character data directly inside the element (documentation text needs it; empty when parseXmlDocument leaves text out). */
  text: string;
  at: SourcePos;
}

/**
 * An XmlNode as the parser makes it: its position is kept as two numbers and made into a SourcePos
 * when asked for (for a declaration or an error), not one object per element of every document.
 */
class Element implements XmlNode {
  children = NO_CHILDREN;
  text = '';

  constructor(
    readonly ns: string,
    readonly local: string,
    readonly attrs: Record<string, string>,
    readonly scope: Readonly<Record<string, string>>,
    private readonly file: string,
    private readonly line: number,
    private readonly column: number,
  ) {}

  get at(): SourcePos {
    return { file: this.file, line: this.line, column: this.column };
  }
}

/**
 * Parses one schema document with saxes (namespaces and positions on) into XmlNodes.
 * Strips a UTF-8 byte-order mark, refuses a DOCTYPE (no entity is ever expanded) and reports
 * malformed XML as a SchemaError at the line and column where saxes stopped. `keepText` false
 * leaves every element's text empty (a set only compared, which reads no documentation).
 */
export function parseXmlDocument(text: string, file: string, keepText = true): XmlNode {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Six handlers at most, and no error handler: saxes stores each handler as a property added
  // after construction, and a seventh turns the parser into a dictionary-mode object, which made
  // parsing 4-10x slower (the EWS sets: 550 ms instead of 60). Malformed XML is thrown instead.
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Element[] = [];
  // The children met so far of each open element, by depth: lists reused from element to element,
  // each copied at its close into an array of just its length (a leaf shares one empty array).
  // Pushing into each element's own array would give even a single child room for seventeen, and
  // the garbage collector copies a tree's arrays while the document is read.
  const open: XmlNode[][] = [];
  // One string per distinct local name and attribute value: saxes makes new ones for each tag,
  // which the tree would keep alive and the garbage collector copy (324 -> 273 bytes an element
  // over the eight EWS sets).
  const names = new Map<string, string>();
  const intern = (s: string): string => {
    const known = names.get(s);
    if (known !== undefined) return known;
    names.set(s, s);
    return s;
  };
  let root: Element | undefined;
  let startLine = 1;
  let startColumn = 1;
  const here = (): SourcePos => ({ file, line: parser.line, column: parser.column + 1 });

  parser.on('doctype', () => {
    throw new SchemaError('a DOCTYPE is not allowed in a schema document (entities are never expanded)', here());
  });
  parser.on('opentagstart', (tag) => {
    // The parser has consumed `<name` and one more character: step back to the `<`.
    startLine = parser.line;
    startColumn = parser.column - tag.name.length - 1;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const attrs: Record<string, string> = {};
    // for…in, not Object.values/keys: saxes makes these objects without a prototype, in
    // dictionary mode, where the array-building calls cost a microsecond a tag.
    for (const name in tag.attributes) {
      const a = tag.attributes[name]!;
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = intern(a.value);
    }
    let declared = false;
    for (const _ in tag.ns) {
      declared = true;
      break;
    }
    const scope = parent
      ? declared
        ? { ...parent.scope, ...tag.ns }
        : parent.scope
      : { xml: XML_NS, ...tag.ns };
    const node = new Element(tag.uri, intern(tag.local), attrs, scope, file, startLine, startColumn);
    if (parent) open[stack.length - 1]!.push(node);
    else root = node;
    if (open.length === stack.length) open.push([]);
    else open[stack.length]!.length = 0;
    stack.push(node);
  });
  // Without handlers saxes does not even cut the text out: a set only compared needs no
  // documentation, and the white space between tags is most of what it would hand on.
  if (keepText) {
    parser.on('text', (t) => {
      const top = stack[stack.length - 1];
      if (top) top.text += t;
    });
    parser.on('cdata', (t) => {
      const top = stack[stack.length - 1];
      if (top) top.text += t;
    });
  }
  parser.on('closetag', () => {
    const children = open[stack.length - 1]!;
    if (children.length) stack[stack.length - 1]!.children = children.slice();
    stack.pop();
  });

  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof SchemaError) throw e;
    // saxes throws what it finds malformed (no error handler is registered: see above),
    // prefixing its message with "line:col: "; we report the place ourselves.
    throw new SchemaError(`malformed XML: ${(e as Error).message.replace(/^\d+:\d+: /, '')}`, here());
  }
  if (!root) throw new SchemaError('empty document', { file, line: 1, column: 1 });
  return root;
}
