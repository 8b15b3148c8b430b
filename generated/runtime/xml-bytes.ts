// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.

/*
 * The bytes of a document being written: UTF-8 straight into a growing buffer. What a transport
 * sends is bytes; writing a string first and encoding it afterwards made every character twice
 * (and a string of a million pieces the garbage collector copied over and over). Markup that
 * never changes (tags) is encoded once, into a Tag; values are escaped and encoded in one pass
 * over their characters.
 */

/** A value with a character XML 1.0 cannot carry (or a lone surrogate, which UTF-8 cannot). */
export class NotXmlError extends Error {}

/** Texts of this many characters or more are kept apart by an output made to (see XmlBytes). */
export const LARGE_TEXT = 1 << 16;

interface Encoder {
  encode(s: string): Uint8Array;
}
const encoder = new (globalThis as unknown as { TextEncoder: new () => Encoder }).TextEncoder();
interface Decoder {
  decode(b: Uint8Array): string;
}
const decoder = new (globalThis as unknown as { TextDecoder: new () => Decoder }).TextDecoder();

/** A string as UTF-8 (a lone surrogate as U+FFFD). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** An element name, encoded once: `<t:X`, `<t:X>`, `</t:X>`. */
export interface Tag {
  readonly name: string;
  readonly start: Markup;
  readonly opened: Markup;
  readonly close: Markup;
  /** Whole elements `<t:X>value</t:X>` of a type of few values, by value, once written (see type-writers.ts). */
  wholes?: Map<unknown, Markup>;
  /** The codec of those values (the one that checked them). */
  wholesOf?: unknown;
}

/**
 * Markup encoded once: its length in bytes, then its bytes packed four to a word, little-endian
 * and zero-padded, which XmlBytes copies a word at a time. Tags are half of what a response's
 * writer writes, and copied a byte at a time they took a third of its time.
 */
export type Markup = Uint32Array;

/**
 * Markup of a string (ASCII, as markup mostly is, or any UTF-8). ASCII is packed from the string
 * itself: through the encoder, each call took ~1 µs, 4.6 ms of loading the generated schema's
 * constants and a microsecond per attribute the generic writer writes.
 */
export function markupOf(s: string): Markup {
  const bytes = /[^\x00-\x7f]/.test(s) ? utf8(s) : undefined;
  const n = bytes ? bytes.length : s.length;
  const m = new Uint32Array(((n + 3) >> 2) + 1);
  m[0] = n;
  for (let i = 0; i < n; i++) m[1 + (i >> 2)]! |= (bytes ? bytes[i]! : s.charCodeAt(i)) << (8 * (i & 3));
  return m;
}

/** The tag of an element name (`t:Subject`); the generated writers make theirs once, as constants. */
export function tag(name: string): Tag {
  return { name, start: markupOf(`<${name}`), opened: markupOf(`<${name}>`), close: markupOf(`</${name}>`) };
}

/** Markup that ends a start tag, or an attribute value. */
export const GT = /* @__PURE__ */ markupOf('>');
export const SLASH_GT = /* @__PURE__ */ markupOf('/>');
export const QUOTE = /* @__PURE__ */ markupOf('"');

/** The start of an attribute, ` name="`, for the generated writers' constants. */
export function attributeStart(name: string): Markup {
  return markupOf(` ${name}="`);
}

/** The characters text must escape (see ESCAPES). */
export const TEXT_ESCAPES = /[&<>\r]/;

/** XML's escapes, by the character they stand for: text takes `&<>\r`, attribute values all but `>`. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
};
const TEXT = 1;
const ATTRIBUTE = 2;
const REFUSE = 4;
/**
 * What each ASCII character needs: escaping in text, in an attribute value (so that tabs and
 * line ends read back as written), or refusing (the C0 controls XML does not allow).
 */
const CLASS = new Uint8Array(128).fill(0, 32).fill(REFUSE, 0, 32);
/** The escapes by character code, encoded. */
const ESCAPED: Uint8Array[] = [];
for (const c in ESCAPES) {
  const code = c.charCodeAt(0);
  CLASS[code] = c === '>' ? TEXT : '&<\r'.includes(c) ? TEXT | ATTRIBUTE : ATTRIBUTE;
  ESCAPED[code] = utf8(ESCAPES[c]!);
}

/** The first buffer's size; and the largest one kept for the next output when this one is done with it. */
const FIRST = 1 << 14;
const KEPT = 1 << 23;

/**
 * A buffer kept from the last output that finished, grown to what it needed (up to KEPT): a
 * fresh buffer of megabytes costs a page fault per 4 KB at its first write, and growing it
 * copies everything written; a response written again and again (a server, a test, a sync)
 * finds its buffer ready.
 */
let spare: Uint8Array | undefined;

/**
 * The output: a buffer that doubles as it fills, and, when large texts are kept apart, the
 * pieces before them. A mark (`mark()`) and `rewind()` undo what was written after it: a
 * generated writer that gives up leaves nothing behind. The result is taken once (`bytesOf`,
 * `toString`, or `lend` until `release`); the buffer then goes to the next output.
 */
export class XmlBytes {
  declare buf: Uint8Array;
  /** The buffer, for writing a word at a time. */
  declare private view: DataView;
  pos = 0;
  /** Pieces written before the buffer: bytes, and large texts (escaped) kept as strings. */
  private readonly pieces: (Uint8Array | string)[] = [];
  /** The buffer under the pieces `lend` gave, until `release`. */
  declare private lent: Uint8Array | undefined;

  /** @param apart keep texts of LARGE_TEXT characters or more as strings, to be encoded as they are sent */
  constructor(private readonly apart = false) {
    this.use(spare ?? new Uint8Array(FIRST));
    spare = undefined;
  }

  private use(buf: Uint8Array): void {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = Math.max(this.buf.length * 2, FIRST);
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.use(next);
  }

  /** Markup encoded once. Writes up to 3 bytes past its end, which what follows overwrites. */
  put(m: Markup): void {
    const n = 4 * m.length;
    if (this.pos + n > this.buf.length) this.room(n);
    const view = this.view;
    const pos = this.pos - 4;
    for (let i = 1; i < m.length; i++) view.setUint32(pos + 4 * i, m[i]!, true);
    this.pos = pos + 4 + m[0]!;
  }

  /** Character data, escaped. */
  text(s: string): void {
    if (this.apart && s.length >= LARGE_TEXT) return this.setAside(s);
    this.escaped(s, TEXT);
  }

  /** An attribute value, escaped for its double quotes. */
  attribute(s: string): void {
    this.escaped(s, ATTRIBUTE);
  }

  private escaped(s: string, escape: number): void {
    const n = s.length;
    // Three bytes per character at most (a pair of surrogates, two characters, makes four).
    this.room(3 * n);
    let buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        const k = CLASS[c]!;
        if (k === 0) buf[pos++] = c;
        else if (k & REFUSE) notXml(s, i);
        else if (k & escape) {
          const e = ESCAPED[c]!;
          // An escape is longer than its character: room for it and what is left.
          if (pos + e.length + 3 * (n - i) > buf.length) {
            this.pos = pos;
            this.room(e.length + 3 * (n - i));
            buf = this.buf;
            pos = this.pos;
          }
          for (let j = 0; j < e.length; j++) buf[pos++] = e[j]!;
        } else buf[pos++] = c;
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) notXml(s, i);
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[pos++] = 0xf0 | (cp >> 18);
        buf[pos++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[pos++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        if (c >= 0xfffe) notXml(s, i);
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = pos;
  }

  /** A large text kept as a string: what was written so far becomes a piece, and so does the text. */
  private setAside(s: string): void {
    // Checked and escaped as any text, without its bytes: the characters XML cannot carry refused.
    const bad = NOT_XML.exec(s);
    if (bad) notXml(s, bad.index);
    this.cut();
    this.pieces.push(TEXT_ESCAPES.test(s) ? s.replace(/[&<>\r]/g, (c) => ESCAPES[c]!) : s);
  }

  /** Ends the current piece of bytes: a copy of it joins the pieces, and the buffer starts over. */
  private cut(): void {
    if (this.pos) this.pieces.push(this.buf.slice(0, this.pos));
    this.pos = 0;
  }

  /** Where the output stands, for `rewind`. */
  mark(): number {
    return this.pieces.length * 2 ** 32 + this.pos;
  }

  /** Drops what was written after `mark`. */
  rewind(mark: number): void {
    const count = Math.floor(mark / 2 ** 32);
    this.pos = (mark % 2 ** 32) | 0; // a small integer, as pos always is (a double would change the object's shape)
    if (count === this.pieces.length) return;
    // A large text was set aside since: the piece that was being written (if any) comes back.
    const back = this.pos ? (this.pieces[count] as Uint8Array) : undefined;
    this.pieces.length = count;
    if (back) this.buf.set(back);
  }

  /**
   * The pieces, in order: bytes, and the large texts kept apart, as strings. Without a copy: the
   * last is a view of the buffer itself, valid until `release()` hands the buffer to the next
   * output. What is sent and then dropped (a request's bytes) is lent: copying megabytes into
   * fresh memory cost more than writing them (a page fault per 4 KB at its first write), and
   * the next envelope finds its buffer ready.
   */
  lend(): (Uint8Array | string)[] {
    const parts = this.pieces.splice(0);
    if (this.pos) parts.push(this.buf.subarray(0, this.pos));
    this.lent = this.buf;
    this.use(new Uint8Array(0));
    this.pos = 0;
    return parts;
  }

  /** The lent pieces are done with (see `lend`); calling it again does nothing. */
  release(): void {
    if (this.lent && this.lent.length <= KEPT) spare = this.lent;
    this.lent = undefined;
  }

  toString(): string {
    const text = textOf(this.lend());
    this.release();
    return text;
  }
}

/** Pieces as one string (they end between characters: each decodes alone). */
export function textOf(parts: readonly (Uint8Array | string)[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join('');
}

/** The bytes of an output, whole (its result: see XmlBytes). */
export function bytesOf(out: XmlBytes): Uint8Array {
  const list = out.lend().map((p) => (typeof p === 'string' ? utf8(p) : p));
  const bytes = list.length === 1 ? list[0]!.slice() : concat(...list);
  out.release();
  return bytes;
}

/** Byte arrays joined into one. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const NOT_XML =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function notXml(s: string, i: number): never {
  const code = s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  const what = (s.charCodeAt(i) & 0xf800) === 0xd800 ? 'a lone surrogate' : `U+${code}`;
  throw new NotXmlError(`${what} (at character ${i}) cannot be written in XML 1.0`);
}
