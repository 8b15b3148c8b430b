// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
import {
  accepting,
  derivedType,
  typeOf,
  XSI,
  type Accepted,
  type CompiledComplex,
  type ElementParticle,
  type GroupParticle,
  type Particle,
} from './compile.js';
import { EwsXmlError } from './errors.js';
import { SOAP_ENV } from './read-envelope.js';
import { ValueError } from './simple.js';
import type { ComplexDesc, ElementDesc, Namespaces } from './schema.js';
import { unknownAttributes, unknownElements, type XmlElement } from './xml-element.js';
import type { XmlBytes } from './xml-bytes.js';
import { XmlWriter } from './xml-writer.js';

type Value = Record<string | symbol, unknown>;

export interface WriteOptions {
  /** Strict (the default) refuses a value the schema refuses: missing required parts, unknown enumeration values, two branches of a choice. */
  strict?: boolean;
  /**
   * False writes every element through the generic writer, without the generated per-type
   * writers (which write the same bytes, faster: tests hold them to it).
   */
  generatedWriters?: boolean;
}

/**
 * Writes typed values as the schema orders them: attributes, then the content model walked
 * particle by particle, each element with the namespace the schema gives it; `$type` becomes
 * `xsi:type`, `null` on a nillable element `xsi:nil`, `$items` entries go out in array order.
 */
export class ValueWriter {
  private readonly strict: boolean;
  /** Strict writing with the generated writers, where a type has one. */
  private readonly fastPath: boolean;

  constructor(
    private readonly namespaces: Namespaces,
    private readonly w: XmlWriter,
    options: WriteOptions = {},
  ) {
    this.strict = options.strict ?? true;
    this.fastPath = this.strict && options.generatedWriters !== false;
  }

  private fail(message: string, attribute?: string): never {
    throw new EwsXmlError(message, '/' + this.w.path().join('/') + (attribute ? `/@${attribute}` : ''));
  }

  /** Writes one element, of the type `a` says. `declare` puts the namespace declarations on it (a root). */
  element(a: Accepted, value: unknown, declare = false): void {
    const w = this.w;
    const type = typeOf(a);
    if (this.fastPath && type.kind === 'complex' && !declare && this.fast(a, type, value)) return;
    w.start(a.ns, a.local, declare);
    if (value === null) {
      if (!a.nillable && this.strict) this.fail('null for an element that is not nillable');
      w.attribute('nil', 'true', XSI);
      w.end();
      return;
    }
    if (type.kind === 'simple') {
      w.text(this.format(type.codec, value));
      w.end();
      return;
    }
    let complex = type;
    const v = value as Value;
    if (typeof v !== 'object') this.fail(`expected an object for ${complex.desc.name}, found ${typeof v}`);
    const named = v.$type as string | undefined;
    if (named !== undefined) {
      const derived = derivedType(a, complex.desc.ns, named) ?? this.findDerived(a, named);
      if (!derived) this.fail(`$type "${named}" is not ${complex.desc.name} or a type derived from it`);
      complex = derived!;
      const prefix = Object.keys(this.namespaces).find((p) => this.namespaces[p] === complex.desc.ns);
      w.attribute('type', prefix ? `${prefix}:${complex.desc.name}` : complex.desc.name, XSI);
    } else if (complex.desc.abstract && this.strict) {
      this.fail(`${complex.desc.name} is abstract: set $type to the concrete type`);
    }
    this.body(complex, v);
    w.end();
  }

  /**
   * Writes the element with the type's generated writer, if it has one and the writer can write
   * the value; false leaves it to the generic writer (which then reports what is wrong).
   */
  private fast(a: Accepted, type: CompiledComplex, value: unknown): boolean {
    const write = type.desc.write;
    const t = write && this.w.tagOf(a.ns, a.local);
    if (!t) return false;
    const out = this.w.child();
    const mark = out.mark();
    try {
      write!(out, value as never, t);
    } catch {
      out.rewind(mark); // a Bail, or an error the generic writer reports with its path
      return false;
    }
    return true;
  }

  /** The type derived from the declared one that `$type` names, in whichever namespace. */
  private findDerived(a: Accepted, name: string): CompiledComplex | undefined {
    const d: ComplexDesc | undefined = a.derived?.().find((t) => t.name === name);
    return d && derivedType(a, d.ns, d.name);
  }

  private format(codec: { format(v: unknown, strict: boolean): string }, value: unknown, attribute?: string): string {
    try {
      return codec.format(value, this.strict);
    } catch (e) {
      if (e instanceof ValueError) this.fail(e.message, attribute);
      throw e;
    }
  }

  private body(type: CompiledComplex, v: Value): void {
    const w = this.w;
    for (const a of type.attributes) {
      const value = v[a.desc.name];
      if (value === undefined) {
        if (a.desc.required && this.strict) this.fail(`missing required attribute ${a.desc.name}`, a.desc.name);
        continue;
      }
      w.attribute(a.desc.name, this.format(a.codec, value, a.desc.name), a.desc.ns);
    }
    const open = v.$anyAttributes as Record<string, string> | undefined;
    if (open) writeAttributes(w, open);
    const unknown = v[unknownAttributes] as Record<string, string> | undefined;
    if (unknown) writeAttributes(w, unknown);
    if (type.text) {
      if (v.$value === undefined && this.strict) this.fail('missing $value (the text of the element)');
      if (v.$value !== undefined) w.text(this.format(type.text, v.$value));
    } else if (type.content) {
      this.group(type, type.content, v, true);
    }
    const kept = v[unknownElements] as XmlElement[] | undefined;
    if (kept) for (const e of kept) writeXmlElement(w, e);
  }

  private group(type: CompiledComplex, g: GroupParticle, v: Value, required: boolean): void {
    const need = required && g.min > 0;
    if (g.entries) {
      this.items(type, v, need && !g.nullable);
      return;
    }
    if (g.kind === 'choice' && g.items.length > 1) {
      const present = g.items.filter((p) => this.present(p, v));
      if (this.strict && g.max === 1 && present.length > 1) {
        this.fail(`only one of ${this.names(g).join(', ')} may be set (xs:choice)`);
      }
      if (this.strict && need && !present.length && !g.nullable)
        this.fail(`one of ${this.names(g).join(', ')} is required`);
      for (const p of present) this.particle(type, p, v, false);
      return;
    }
    for (const p of g.items) this.particle(type, p, v, need);
  }

  private names(g: GroupParticle): string[] {
    return g.items.flatMap((p) => (p.kind === 'element' ? [p.desc.el] : p.kind === 'any' ? ['$any'] : this.names(p)));
  }

  private present(p: Particle, v: Value): boolean {
    if (p.kind === 'element')
      return v[p.prop] !== undefined && (p.prop !== '$items' || (v.$items as unknown[]).length > 0);
    if (p.kind === 'any') return v.$any !== undefined;
    return p.items.some((i) => this.present(i, v));
  }

  private particle(type: CompiledComplex, p: Particle, v: Value, required: boolean): void {
    if (p.kind === 'any') {
      const open = v.$any as XmlElement | XmlElement[] | undefined;
      if (open === undefined) {
        if (required && p.min > 0 && this.strict) this.fail('missing $any (open content)');
        return;
      }
      for (const e of Array.isArray(open) ? open : [open]) writeXmlElement(this.w, e);
      return;
    }
    if (p.kind !== 'element') {
      this.group(type, p, v, required);
      return;
    }
    const value = v[p.prop];
    if (value === undefined) {
      if (required && p.min > 0 && this.strict) this.fail(`missing required element ${p.desc.el}`);
      return;
    }
    if (p.array) {
      if (!Array.isArray(value)) this.fail(`${p.prop} must be an array`);
      const list = value as unknown[];
      if (this.strict && required && list.length < p.min)
        this.fail(`${p.desc.el} needs at least ${p.min} elements, found ${list.length}`);
      for (const item of list) this.one(p, item);
    } else this.one(p, value);
  }

  /** The entries of a repeated choice, in array order. */
  private items(type: CompiledComplex, v: Value, required: boolean): void {
    const entries = v.$items as Value[] | undefined;
    if (!entries?.length) {
      if (required && this.strict) this.fail('$items needs at least one entry');
      return;
    }
    for (const entry of entries) {
      const local = entry.$element as string;
      const p = type.items.get(local);
      if (!p) this.fail(`$element "${local}" is not an element of ${type.desc.name}`);
      this.one(p!, entry);
    }
  }

  private one(p: ElementParticle, value: unknown): void {
    let accepted = p.own;
    if (p.tagged) {
      const local = (value as Value | null)?.$element as string | undefined;
      if (local === undefined) this.fail(`a value of ${p.desc.el} needs $element`);
      accepted = p.byLocal.get(local!);
      if (!accepted) this.fail(`$element "${local}" cannot stand for ${p.desc.el}`);
      const simple = typeOf(accepted!).kind === 'simple';
      if (simple) value = (value as Value).$value;
    }
    if (!accepted) this.fail(`${p.desc.el} cannot be written here`);
    this.element(accepted!, value);
  }
}

/** Namespace → the prefix the writer declares on the root for it: the schema's own, `soap` and `xsi`. */
export function writerPrefixes(namespaces: Namespaces): Map<string, string> {
  const prefixes = new Map<string, string>([
    [SOAP_ENV, 'soap'],
    [XSI, 'xsi'],
  ]);
  for (const [p, ns] of Object.entries(namespaces)) prefixes.set(ns, p);
  return prefixes;
}

const prefixesOf = new WeakMap<Namespaces, Map<string, string>>();

/**
 * Writes an element through the generic writer, for a generated writer (type-writers.ts) whose
 * child has a type without a writer of its own; with the service's prefixes, which the root
 * declares.
 */
export function writeElement(out: XmlBytes, namespaces: Namespaces, e: ElementDesc, value: unknown): void {
  let prefixes = prefixesOf.get(namespaces);
  if (!prefixes) prefixesOf.set(namespaces, (prefixes = writerPrefixes(namespaces)));
  new ValueWriter(namespaces, new XmlWriter(prefixes, out)).element(accepting(e), value);
}

/** Attributes keyed `{namespace}local` (or `local`), as open content and lenient reading keep them. */
function writeAttributes(w: XmlWriter, attributes: Record<string, string>): void {
  for (const [k, value] of Object.entries(attributes)) {
    const m = /^\{(.*)\}(.+)$/.exec(k);
    w.attribute(m ? m[2]! : k, value, m ? m[1] : '');
  }
}

/** Writes open content as it was read. */
export function writeXmlElement(w: XmlWriter, e: XmlElement): void {
  w.start(e.ns, e.local);
  writeAttributes(w, e.attributes);
  for (const c of e.children) {
    if (typeof c === 'string') w.text(c);
    else writeXmlElement(w, c);
  }
  w.end();
}
