// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * Namespaces in XML 1.0, done here rather than by saxes (`xmlns: true`): saxes resolves every
 * prefix by walking the stack of open tags and builds an object per attribute, which costs a
 * fifth of its time on EWS responses and grows with depth. EWS documents declare their few
 * prefixes once, near the root, so a scope that changes only at declarations and a cache of
 * resolved names (dropped when a binding changes) make resolution one map lookup per tag.
 * The namespace constraints saxes checks are checked here, with the same messages.
 */
import type { KeyCache } from './compile.js';
import { detach } from './simple.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A resolved element or attribute name. */
export interface QName {
  local: string;
  ns: string;
  /** `ns|local`, one string per name (see KeyCache). */
  key: string;
}

/** The prefix an `xmlns` or `xmlns:p` attribute declares, or undefined for any other attribute. */
export function declaredPrefix(attribute: string): string | undefined {
  if (attribute.charCodeAt(0) !== 120 /* x */ || !attribute.startsWith('xmlns')) return undefined;
  if (attribute.length === 5) return '';
  return attribute.charCodeAt(5) === 58 /* : */ ? attribute.slice(6) : undefined;
}

export class NamespaceScope {
  private readonly bound = new Map<string, string>([['xml', XML_NS]]);
  /** What each declaration replaced, so that leaving an element restores it. */
  private readonly undo: { prefix: string; previous: string | undefined }[] = [];
  private names = new Map<string, QName>();

  constructor(
    private readonly keys: KeyCache,
    /** Maps a namespace as written to the one it stands for (or fails), on first use. */
    private readonly mapUri: (uri: string) => string,
    private readonly fail: (message: string) => never,
  ) {}

  /** Where the undo log stands: what `leave` rolls back to when the element ends. */
  mark(): number {
    return this.undo.length;
  }

  /**
   * Binds a prefix on the element being started to `uri` (the attribute value, trimmed); says
   * whether that changed a binding.
   */
  declare(prefix: string, uri: string): boolean {
    if (prefix === 'xmlns') this.fail('xmlns prefix must be bound to http://www.w3.org/2000/xmlns/.');
    if (prefix === 'xml' && uri !== XML_NS) this.fail(`xml prefix must be bound to ${XML_NS}.`);
    if (prefix === '' && (uri === XMLNS_NS || uri === XML_NS))
      this.fail(`the default namespace may not be set to ${uri}.`);
    if (prefix !== '' && uri === '') this.fail('invalid attempt to undefine prefix in XML 1.0');
    if (prefix !== '' && uri === XMLNS_NS) this.fail(`may not assign a prefix (even "xmlns") to the URI ${XMLNS_NS}.`);
    if (prefix !== '' && prefix !== 'xml' && uri === XML_NS)
      this.fail('may not assign the xml namespace to another prefix.');
    const previous = this.bound.get(prefix);
    if (previous === uri) return false; // a repeated declaration changes nothing
    this.undo.push({ prefix, previous });
    this.bound.set(prefix, uri);
    this.names.clear();
    return true;
  }

  /** Restores the bindings in effect before the element whose `mark()` this is; says whether any changed. */
  leave(mark: number): boolean {
    if (this.undo.length === mark) return false;
    while (this.undo.length > mark) {
      const { prefix, previous } = this.undo.pop()!;
      if (previous === undefined) this.bound.delete(prefix);
      else this.bound.set(prefix, previous);
    }
    this.names.clear();
    return true;
  }

  /** The namespace a prefix is bound to here (as written), if any. */
  resolve(prefix: string): string | undefined {
    return this.bound.get(prefix);
  }

  /** An element name: an unprefixed one is in the default namespace. */
  element(name: string): QName {
    return this.names.get(name) ?? this.resolveName(name, true);
  }

  /** A prefixed attribute name (unprefixed attributes are in no namespace). */
  attribute(name: string): QName {
    return this.resolveName(name, false);
  }

  private resolveName(name: string, element: boolean): QName {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const local = detach(colon < 0 ? name : name.slice(colon + 1));
    if (colon >= 0 && (prefix === '' || local === '' || local.includes(':'))) this.fail(`malformed name: ${name}.`);
    if (element && prefix === 'xmlns') this.fail('tags may not have "xmlns" as prefix.');
    const written = this.bound.get(prefix);
    if (prefix !== '' && written === undefined) this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
    const ns = written ? this.mapUri(written) : '';
    const q: QName = { local, ns, key: this.keys.key(ns, local) };
    if (element) this.names.set(name, q);
    return q;
  }
}
