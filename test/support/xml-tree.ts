import { SaxesParser } from 'saxes';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** An element as the documented-envelope comparison sees it. */
export interface TreeNode {
  name: string;
  attributes: Record<string, string>;
  children: (TreeNode | string)[];
}

/**
 * Parses XML into names `{namespace}local`, attributes without namespace declarations, and
 * text; whitespace-only text is dropped and adjacent text merged; an xsi:type value becomes
 * `{namespace}local`. Prefixes, attribute order and indentation are thus invisible to the
 * comparison; everything else counts.
 */
export function xmlTree(xml: string): TreeNode {
  const parser = new SaxesParser({ xmlns: true });
  const qname = (value: string) => {
    const colon = value.indexOf(':');
    const ns = parser.resolve(colon < 0 ? '' : value.slice(0, colon));
    return `{${ns ?? ''}}${value.slice(colon + 1)}`;
  };
  const root: TreeNode = { name: '', attributes: {}, children: [] };
  const stack = [root];
  const addText = (t: string) => {
    const kids = stack[stack.length - 1]!.children;
    if (typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += t;
    else kids.push(t);
  };
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === 'http://www.w3.org/2000/xmlns/') continue;
      // xsi:type names a type by QName: `StringSetting` under a default namespace is `a:StringSetting`.
      const value = a.uri === XSI && a.local === 'type' ? qname(a.value) : a.value;
      attributes[`{${a.uri}}${a.local}`] = value;
    }
    const node: TreeNode = { name: `{${tag.uri}}${tag.local}`, attributes, children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const node = stack.pop()!;
    node.children = node.children.filter((c) => typeof c !== 'string' || c.trim() !== '');
  });
  parser.write(xml).close();
  return root.children.find((c): c is TreeNode => typeof c !== 'string')!;
}

/** The first difference between two trees, as a path and what differs; undefined when equal. */
export function treeDiff(a: TreeNode | string, b: TreeNode | string, path = ''): string | undefined {
  if (typeof a === 'string' || typeof b === 'string') {
    return a === b ? undefined : `${path}: text ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const here = `${path}/${a.name}`;
  if (a.name !== b.name) return `${here}: element ≠ ${b.name}`;
  const keys = [...new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)])].sort();
  for (const k of keys) if (a.attributes[k] !== b.attributes[k]) return `${here}/@${k}: ${a.attributes[k]} ≠ ${b.attributes[k]}`;
  if (a.children.length !== b.children.length) return `${here}: ${a.children.length} children ≠ ${b.children.length}`;
  for (let i = 0; i < a.children.length; i++) {
    const d = treeDiff(a.children[i]!, b.children[i]!, here);
    if (d) return d;
  }
  return undefined;
}
