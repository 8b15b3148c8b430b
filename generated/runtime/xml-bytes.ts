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

/** An element name, encoded once: `<t:X`, `<t:X>`, `</t:X>`. */
export interface Tag {
  readonly name: string;
  readonly start: Uint8Array;
  readonly opened: Uint8Array;
  readonly close: Uint8Array;
}

/** The tag of an element name (`t:Subject`); the generated writers make theirs once, as constants. */
export function tag(name: string): Tag {
  return { name, start: ascii(`<${name}`), opened: ascii(`<${name}>`), close: ascii(`</${name}>`) };
}

/** Markup that ends a start tag, or an attribute value. */
export const GT = /* @__PURE__ */ ascii('>');
export const SLASH_GT = /* @__PURE__ */ ascii('/>');
export const QUOTE = /* @__PURE__ */ ascii('"');

/** The start of an attribute, ` name="`, for the generated writers' constants. */
export function attributeStart(name: string): Uint8Array {
  return ascii(` ${name}="`);
}

/** Markup encoded once (ASCII, as markup mostly is; anything else as UTF-8). */
export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return utf8(s);
    out[i] = c;
  }
  return out;
}

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
  ESCAPED[code] = ascii(ESCAPES[c]!);
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
 * `parts` or `toString`); the buffer then goes to the next output.
 */
export class XmlBytes {
  buf: Uint8Array;
  pos = 0;
  /** Pieces written before the buffer: bytes, and large texts (escaped) kept as strings. */
  private readonly pieces: (Uint8Array | string)[] = [];

  /** @param apart keep texts of LARGE_TEXT characters or more as strings, to be encoded as they are sent */
  constructor(private readonly apart = false) {
    this.buf = spare ?? new Uint8Array(FIRST);
    spare = undefined;
  }

  /** Room for `n` more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = Math.max(this.buf.length * 2, FIRST);
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Bytes as they are (markup encoded once). */
  raw(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.room(n);
    const buf = this.buf;
    let pos = this.pos;
    // Tags are short: a loop beats TypedArray.set's call.
    if (n < 48) for (let i = 0; i < n; i++) buf[pos++] = b[i]!;
    else {
      buf.set(b, pos);
      pos += n;
    }
    this.pos = pos;
  }

  /** Markup made at run time (names, namespace declarations), as UTF-8: not escaped. */
  markup(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.room(n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return this.raw(utf8(s.slice(i)));
      this.buf[this.pos++] = c;
    }
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
    if (this.pos + 3 * n > this.buf.length) this.room(3 * n);
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
    this.pieces.push(/[&<>\r]/.test(s) ? s.replace(/[&<>\r]/g, (c) => ESCAPES[c]!) : s);
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

  /** The pieces, in order: bytes, and the large texts kept apart, as strings. */
  parts(): (Uint8Array | string)[] {
    this.cut();
    if (this.buf.length && this.buf.length <= KEPT) spare = this.buf;
    this.buf = new Uint8Array(0); // written to again, it takes a buffer of its own
    return [...this.pieces];
  }

  toString(): string {
    // Pieces end between characters: each decodes alone.
    return this.parts()
      .map((p) => (typeof p === 'string' ? p : decoder.decode(p)))
      .join('');
  }
}

/** The bytes of an output, whole (its result: see XmlBytes). */
export function bytesOf(out: XmlBytes): Uint8Array {
  const list = out.parts().map((p) => (typeof p === 'string' ? utf8(p) : p));
  return list.length === 1 ? list[0]! : concat(...list);
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
