// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// Over 400 lines on purpose: one class whose scanning methods share the buffer and position as
// fields, which is what keeps the hot loop fast; split, they would pass them around. Its members
// are private names (`#buf`), which minifiers shorten (TypeScript's `private` ones stay as
// written): 1 KB less of every bundle that reads, as fast (measured on FindItem 10,000).
import { detach } from './simple.js';

/**
 * The reader's XML tokenizer: XML 1.0 (fifth edition) well-formedness for documents without a
 * DOCTYPE, which is what EWS sends. Namespaces are not its business (namespaces.ts resolves
 * them); a DOCTYPE is reported and refused, so no entity is ever declared or expanded.
 *
 * It reads a document given whole or in chunks (`write` as they arrive, then `close`): a token
 * cut by a chunk boundary is read when the rest arrives, long text is handed on in pieces.
 *
 * Speed comes from scanning with `indexOf` and a character class table instead of a state per
 * character: the end of text is found with indexOf, the characters in it that need care (`&`,
 * `\r`, `]`, and those XML does not allow) by one loop over the table (see TEXT), so text
 * without them is passed on as one slice. Attribute values are checked character by character.
 *
 * Errors are XmlSyntaxError with the line and column (1-based) of the character at fault.
 */

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
  /** The message without its position. */
  get reason(): string {
    return this.message.slice(this.message.indexOf(': ') + 2);
  }
}

/** What the tokenizer reports. Handlers may throw: the error reaches the caller of write(). */
export interface TokenHandlers {
  /**
   * A start tag, by its name as written; its attributes are in the tokenizer's arrays. A name is
   * a string of its own, not a slice of the text (it may be kept), and the same string each time
   * the same name comes (`===` then compares no characters).
   */
  open(name: string): void;
  /** An end tag; for an empty-element tag (`<a/>`), right after its open(). */
  close(name: string): void;
  /** Character data in an element, references resolved and line ends made `\n`; a run may come in several calls. */
  text(text: string): void;
  /** The content of a CDATA section. */
  cdata(text: string): void;
  /**
   * Given, an element that holds nothing but text on its line (`<a>text</a>`: no attribute, no
   * reference, no line end) is reported at once, instead of by open(), text() and close(): most
   * elements EWS sends are such values, and each of the three steps costs a call and a look at
   * the reader's state. Not the root. Its text is `source.slice(from, end)`, handed on as a span
   * of the tokenizer's text: a handler that knows the value without a string of its own (one
   * read before: see recall.ts) makes none.
   */
  leaf?(name: string, source: string, from: number, end: number): void;
  /** A DOCTYPE declaration: never read; the tokenizer refuses it once the handler returns. */
  doctype(): void;
  /**
   * Given, the text is a sequence of documents, one after the other (as GetStreamingEvents
   * writes its envelopes): called at the end tag of each root, after close(), before the next
   * document (which may start with its XML declaration) is read.
   */
  end?(): void;
}

/**
 * What an ASCII character is in text: SPECIAL needs a closer look (a reference's `&`, the `\r`
 * of a line end, the `]` of `]]>`, a control XML does not allow); LINE is `\n`, which a leaf
 * may not hold (see TokenHandlers.leaf); END is `<`. Above ASCII only surrogates, U+FFFE and
 * U+FFFF need a look. Text is scanned once, by a loop over this table: a regular expression
 * over the whole document (which markup is most of) cost more.
 */
const SPECIAL = 1;
const LINE = 2;
const END = 4;
const TEXT = new Uint8Array(128);
for (let c = 0; c < 32; c++) TEXT[c] = c === 9 || c === 10 ? 0 : SPECIAL;
TEXT[38] = TEXT[93] = SPECIAL;
TEXT[10] = LINE;
TEXT[60] = END;

/** Whether the character code `c`, not ASCII, needs a closer look in text. */
const wideSpecial = (c: number) => (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe;

// ASCII name characters: 1 may start a name, 2 may only follow.
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1;
  else if (/[0-9.\-]/.test(ch)) NAME[c] = 2;
}
const NAME_START_WIDE =
  /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_WIDE = /[\u00B7\u0300-\u036F\u203F\u2040]/;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Where a start tag came last time: after a start tag, or after an element's end (see startTag). */
interface Guess {
  next: KnownName | undefined;
}

/** A start tag's name, with the start tag that came after it (its first child) last time. */
interface KnownName extends Guess {
  readonly name: string;
  /** Its character codes, compared with the text's faster than its characters (see holdsKnown). */
  readonly codes: Uint16Array;
  /** The start tag that came after the element's end (its next sibling) last time. */
  readonly end: Guess;
}

/** Where the document is: before its root element, in it, after it. */
const PROLOG = 0;
const CONTENT = 1;
const EPILOG = 2;

export class XmlTokenizer {
  /** The attributes of the start tag just reported, names and values as written (values normalised). */
  readonly attributeNames: string[] = [];
  readonly attributeValues: string[] = [];
  attributeCount = 0;

  #buf = '';
  /** The next character of `buf` to read. */
  #pos = 0;
  /** Where the token being reported starts: what `line` refers to. */
  #at = 0;
  /** Lines and the length of the last line in text dropped from `buf` (chunked input). */
  #linesBefore = 0;
  #columnBefore = 0;
  /** The open elements' names. */
  #stack: KnownName[] = [];
  #state = PROLOG;
  /** Whether the start of the document (a BOM, the XML declaration) has been read. */
  #begun = false;
  #closed = false;
  /** Documents read to their end, in a sequence (`end` handler). */
  #documents = 0;
  /**
   * Inside a comment or a CDATA section that a chunk ended in: what was read of it is gone from
   * `buf` (a CDATA section's text handed on), and reading goes on at `pos` with the rest. Kept
   * whole until its end, a long one (megabytes in small chunks) was copied again at every chunk.
   */
  #inside: 'comment' | 'cdata' | undefined = undefined;
  /** Pieces of the CDATA section being read handed on so far (an empty section is handed on once, empty). */
  #cdataParts = 0;

  /** The names of start tags read (see startTag). */
  readonly #knownNames = new Map<string, KnownName>();
  /** The start tag just read, or the end of the element just closed: what the next start tag is guessed from. */
  #last: Guess | undefined = undefined;

  readonly #h: TokenHandlers;

  constructor(h: TokenHandlers) {
    this.#h = h;
  }

  /** The line (1-based) of the token being reported. */
  get line(): number {
    return this.#position(this.#at).line;
  }

  /** How many characters written are held, not read yet: the start of a token the next chunk completes. */
  get held(): number {
    return this.#buf.length - this.#pos;
  }

  /** The line (1-based) the text written so far reaches. */
  get lastLine(): number {
    return this.#position(this.#buf.length).line;
  }

  /** Reads a chunk of the document: every token it completes is reported. */
  write(chunk: string): this {
    if (this.#closed) throw new Error('xml-tokenizer: write after close');
    if (this.#pos >= this.#buf.length) {
      this.#drop(this.#buf.length);
      this.#buf = chunk;
    } else {
      this.#drop(this.#pos);
      this.#buf = this.#buf.slice(this.#pos) + chunk;
    }
    this.#pos = this.#at = 0;
    this.#run(false);
    return this;
  }

  /** Ends the document: what is left must complete it. */
  close(): this {
    this.#closed = true;
    this.#run(true);
    if (this.#pos < this.#buf.length || this.#inside) this.#fail(this.#pos, this.#unfinished());
    if (this.#state === CONTENT)
      this.#fail(this.#buf.length, `unclosed tag: ${this.#stack[this.#stack.length - 1]!.name}`);
    if (this.#state === PROLOG && !this.#documents)
      this.#fail(this.#buf.length, 'document must contain a root element.');
    // Read to its end, the text is let go: anything that outlives the read and still points at
    // the tokenizer (a compiler job holding the reader's closures, say) would keep it alive.
    // (So `line` and `lastLine` mean nothing after a close; counting the lines was as costly.)
    this.#buf = '';
    this.#pos = this.#at = 0;
    this.attributeNames.length = this.attributeValues.length = this.attributeCount = 0;
    return this;
  }

  #unfinished(): string {
    const s = this.#buf;
    const p = this.#pos;
    if (this.#inside === 'comment' || s.startsWith('<!--', p)) return 'unclosed comment.';
    if (this.#inside === 'cdata' || s.startsWith('<![CDATA[', p)) return 'unclosed CDATA section.';
    if (s.startsWith('<?', p)) return 'unclosed processing instruction.';
    if (this.#state === CONTENT) return `unclosed tag: ${this.#stack[this.#stack.length - 1]!.name}`;
    return 'unexpected end of the document.';
  }

  /** Counts the lines of `buf` before `end`, which is about to be dropped. */
  #drop(end: number): void {
    const { line, column } = this.#position(end);
    this.#linesBefore = line - 1;
    this.#columnBefore = column - 1;
  }

  /** Line and column (1-based) of `buf[index]`; `\r\n`, `\r` and `\n` each end a line. */
  #position(index: number): { line: number; column: number } {
    const s = this.#buf;
    let line = this.#linesBefore;
    let start = 0;
    const cr = s.indexOf('\r');
    if (cr >= 0 && cr < index) {
      for (let i = 0; i < index; i++) {
        const c = s.charCodeAt(i);
        if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) {
          line++;
          start = i + 1;
        }
      }
    } else
      for (let k = s.indexOf('\n'); k >= 0 && k < index; k = s.indexOf('\n', k + 1)) {
        line++;
        start = k + 1;
      }
    const column = index - start + 1 + (line === this.#linesBefore ? this.#columnBefore : 0);
    return { line: line + 1, column };
  }

  #fail(index: number, message: string): never {
    const { line, column } = this.#position(Math.min(index, this.#buf.length));
    throw new XmlSyntaxError(message, line, column);
  }

  /**
   * The index of the first character from `from` to `end` of a class in `mask` (see TEXT; by
   * default, one that needs a closer look in text), or `end`.
   */
  #special(from: number, end: number, mask = SPECIAL): number {
    const s = this.#buf;
    for (let k = from; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c < 128 ? (TEXT[c]! & mask) !== 0 : wideSpecial(c)) return k;
    }
    return end;
  }

  /** Reads tokens while they are complete (all of them when `final`). */
  #run(final: boolean): void {
    const s = this.#buf;
    const n = s.length;
    if (!this.#inside && !this.#begun && !this.#begin(final)) return;
    while (this.#pos < n) {
      // The rest of a comment or CDATA section a chunk ended in (before a document's start: a
      // comment between documents is the last one's).
      if (this.#inside) {
        const end = this.#inside === 'cdata' ? this.#cdataRest(this.#pos, final) : this.#commentRest(this.#pos, final);
        if (end < 0) return;
        this.#pos = end;
        continue;
      }
      // The next document of a sequence, after the end of one (see `end`).
      if (!this.#begun && !this.#begin(final)) return;
      const i = this.#pos;
      if (s.charCodeAt(i) !== 60) {
        let lt = s.indexOf('<', i);
        if (lt < 0) {
          if (!final) {
            this.#pos = this.#text(i, this.#safeEnd(i, n));
            return;
          }
          lt = n;
        }
        this.#pos = this.#text(i, lt);
        continue;
      }
      const end = this.#markup(i, final);
      if (end < 0) return; // incomplete: read again when more arrives
      this.#pos = end;
    }
  }

  /**
   * The start of a document: a BOM and the XML declaration (in a sequence, after white space);
   * false when the text so far cannot tell yet.
   */
  #begin(final: boolean): boolean {
    const s = this.#buf;
    const n = s.length;
    let start = this.#pos;
    // In a sequence, the documents after the first may be apart by white space.
    if (this.#documents) while (start < n && isSpace(s.charCodeAt(start))) start++;
    if (!final && start === n && this.#documents) return false;
    const bom = s.charCodeAt(start) === 0xfeff ? 1 : 0;
    const head = s.slice(start + bom, start + bom + 6);
    if (!final && head.length < 6 && ('<?xml '.startsWith(head) || (this.#documents && '<!--'.startsWith(head))))
      return false;
    // Between documents, comments and instructions may be the last one's (its epilog): read
    // them as they are, and look for the next one's declaration after them.
    if (this.#documents && !head.startsWith('<?xml') && (head.startsWith('<!--') || head.startsWith('<?'))) {
      this.#pos = start;
      return true;
    }
    this.#begun = true;
    this.#pos = start + bom;
    if (s.startsWith('<?xml', this.#pos) && isSpace(s.charCodeAt(this.#pos + 5))) {
      const end = this.#declaration(this.#pos, final);
      if (end < 0) {
        this.#begun = false;
        this.#pos = start;
        return false;
      }
      this.#pos = end;
    }
    return true;
  }

  /** Where a text run cut by the end of a chunk may be split: not inside a reference, a `\r\n` or `]]>`, nor a surrogate pair. */
  #safeEnd(i: number, n: number): number {
    const s = this.#buf;
    let end = n;
    const amp = s.lastIndexOf('&', n - 1);
    if (amp >= i && s.indexOf(';', amp) < 0) end = amp;
    while (end > i) {
      const c = s.charCodeAt(end - 1);
      if (c === 13 || c === 93 || (c >= 0xd800 && c <= 0xdbff)) end--;
      else break;
    }
    return end;
  }

  /** Character data from `i` to `end`: reported in an element, only white space allowed outside. */
  #text(i: number, end: number): number {
    if (end <= i) return i;
    const s = this.#buf;
    if (this.#state !== CONTENT) {
      for (let k = i; k < end; k++) if (!isSpace(s.charCodeAt(k))) this.#fail(k, 'text data outside of root node.');
      return end;
    }
    this.#at = i;
    const sp = this.#special(i, end);
    if (sp >= end) this.#h.text(s.slice(i, end));
    else this.#h.text(this.#careful(i, end, sp, false));
    return end;
  }

  /**
   * Text from `i` to `end` that holds special characters (the first at `sp`): references
   * resolved, line ends normalised, `]]>` and characters XML does not allow refused; in an
   * attribute value (`attr`), white space characters become spaces.
   */
  #careful(i: number, end: number, sp: number, attr: boolean): string {
    const s = this.#buf;
    let out = '';
    let from = i;
    for (let k = sp; k < end; k = attr ? k + 1 : this.#special(k + 1, end)) {
      const c = s.charCodeAt(k);
      if (c === 38) {
        out += s.slice(from, k);
        // The references EWS text is full of (escaped HTML), read without a lookup.
        const c1 = s.charCodeAt(k + 1);
        const c2 = s.charCodeAt(k + 2);
        if ((c1 === 108 || c1 === 103) && c2 === 116 && s.charCodeAt(k + 3) === 59) {
          out += c1 === 108 ? '<' : '>';
          from = (k += 3) + 1;
          continue;
        }
        if (c1 === 97 && c2 === 109 && s.charCodeAt(k + 3) === 112 && s.charCodeAt(k + 4) === 59) {
          out += '&';
          from = (k += 4) + 1;
          continue;
        }
        const semi = s.indexOf(';', k + 1);
        if (semi < 0 || semi >= end) this.#fail(k, 'unterminated entity reference.');
        out += this.#reference(k, semi);
        from = (k = semi) + 1;
      } else if (c === 13) {
        out += s.slice(from, k) + (attr ? ' ' : '\n');
        if (s.charCodeAt(k + 1) === 10) k++;
        from = k + 1;
      } else if (attr && (c === 10 || c === 9)) {
        out += s.slice(from, k) + ' ';
        from = k + 1;
      } else if (c === 93) {
        if (!attr && s.charCodeAt(k + 1) === 93 && s.charCodeAt(k + 2) === 62)
          this.#fail(k, 'the string "]]>" is disallowed in char data.');
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = s.charCodeAt(k + 1);
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff) || k + 1 >= end) this.#fail(k, 'disallowed character.');
        k++;
      } else if (c < 32 ? c !== 9 && c !== 10 : c >= 0xfffe) this.#fail(k, 'disallowed character.');
    }
    return out + s.slice(from, end);
  }

  /** The text a reference (`&` at `amp`, `;` at `semi`) stands for; only the predefined entities exist without a DTD. */
  #reference(amp: number, semi: number): string {
    const s = this.#buf;
    const body = s.slice(amp + 1, semi);
    if (body.charCodeAt(0) === 35) {
      const hex = body.charCodeAt(1) === 120;
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) this.#fail(amp, 'malformed character entity.');
      const cp = parseInt(digits, hex ? 16 : 10);
      const ok =
        cp === 9 ||
        cp === 10 ||
        cp === 13 ||
        (cp >= 32 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) this.#fail(amp, 'malformed character entity.');
      return String.fromCodePoint(cp);
    }
    if (!Object.hasOwn(PREDEFINED, body)) {
      this.#nameEnd(amp + 1, semi, 'disallowed character in entity name.');
      this.#fail(amp, `undefined entity: ${body}`);
    }
    return PREDEFINED[body]!;
  }

  /**
   * The end of the name starting at `i` (before `limit`): a name must start there. Fails with
   * `message` when it does not.
   */
  #nameEnd(i: number, limit: number, message: string): number {
    const s = this.#buf;
    let k = i;
    let first = true;
    while (k < limit) {
      const c = s.charCodeAt(k);
      if (c < 128) {
        const t = NAME[c]!;
        if (t === 1 || (t === 2 && !first)) {
          k++;
          first = false;
          continue;
        }
        break;
      }
      // A pair cut by the end of a chunk: the name goes on in the next.
      if (c >= 0xd800 && c <= 0xdbff && k + 1 === s.length) return limit;
      const wide = this.#wideName(k, first);
      if (wide === 0) break;
      k += wide;
      first = false;
    }
    if (k === i) {
      if (i >= s.length) return limit; // the buffer ends where the name would start
      this.#fail(i, message);
    }
    return k;
  }

  /** How many code units the non-ASCII name character at `k` takes (0 when it is none). */
  #wideName(k: number, first: boolean): number {
    const s = this.#buf;
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(k + 1);
      const cp = next >= 0xdc00 && next <= 0xdfff ? (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000 : 0;
      return cp >= 0x10000 && cp <= 0xeffff ? 2 : 0;
    }
    const ch = s[k]!;
    return NAME_START_WIDE.test(ch) || (!first && NAME_WIDE.test(ch)) ? 1 : 0;
  }

  /** Markup at `i` (a `<`): its end, or -1 when the buffer ends before it does. */
  #markup(i: number, final: boolean): number {
    const s = this.#buf;
    const c = s.charCodeAt(i + 1);
    if (c === 47) return this.#endTag(i, final);
    if (c === 33) return this.#bang(i, final);
    if (c === 63) return this.#instruction(i, final);
    if (i + 1 >= s.length) return final ? this.#fail(i, this.#unfinished()) : -1;
    return this.#startTag(i, final);
  }

  /** A comment, CDATA section or instruction whose end is not in the buffer: a disallowed character in it is the error, else its end is. */
  #unterminated(from: number, final: boolean, message: string): -1 {
    if (final) this.#chars(from, this.#buf.length);
    return this.#more(final, message);
  }

  /** Fails at the end of the buffer when the input is final, else says "read again later". */
  #more(final: boolean, message: string): -1 {
    if (final) this.#fail(this.#buf.length, message);
    return -1;
  }

  #startTag(i: number, final: boolean): number {
    const s = this.#buf;
    const n = s.length;
    if (this.#state === EPILOG) this.#fail(i, 'documents may contain only one root.');
    // Most start tags are the one that came at the same place last time: after the same start
    // tag (a first child), or after the end of the same element (the next sibling). Compared in
    // place, the name is neither scanned nor copied (a slice per tag was a quarter of what a
    // typed read allocated). Guessed from the last start tag alone, 7.5% of FindItem's missed:
    // the tag after `</t:Mailbox></t:Sender>` was guessed from `t:Name`, the last one opened.
    let known = this.#last?.next;
    let nameEnd: number;
    if (known !== undefined && this.#isKnownAt(known, i + 1)) nameEnd = i + 1 + known.codes.length;
    else {
      nameEnd = this.#nameEnd(i + 1, n, 'disallowed character in tag name.');
      if (nameEnd >= n) return this.#more(final, `unclosed tag: ${s.slice(i + 1, nameEnd)}`);
      known = this.#knownName(s.slice(i + 1, nameEnd));
    }
    this.#last = known;
    const name = known.name;
    const names = this.attributeNames;
    const values = this.attributeValues;
    let count = 0;
    let seen: Set<string> | undefined;
    let k = nameEnd;
    for (;;) {
      const before = k;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return this.#more(final, `unclosed tag: ${name}`);
      const c = s.charCodeAt(k);
      if (c === 62 || c === 47) {
        if (c === 47) {
          if (k + 1 >= n) return this.#more(final, `unclosed tag: ${name}`);
          if (s.charCodeAt(k + 1) !== 62) this.#fail(k + 1, 'forward-slash in opening tag not followed by >.');
        }
        this.attributeCount = count;
        this.#at = i;
        if (c === 62 && count === 0 && this.#h.leaf !== undefined && this.#stack.length > 0) {
          const end = this.#leaf(known, k + 1);
          if (end >= 0) return end;
        }
        this.#stack.push(known);
        this.#state = CONTENT;
        this.#h.open(name);
        if (c === 47) this.#endElement(i, name);
        return c === 47 ? k + 2 : k + 1;
      }
      if (k === before) this.#fail(k, 'no whitespace between attributes.');
      const attrStart = k;
      // An attribute is mostly the one at the same place in the previous start tag (Id, ChangeKey).
      let attr = names[count];
      let attrEnd: number;
      if (attr !== undefined && this.#isAt(attr, k)) attrEnd = k + attr.length;
      else {
        attrEnd = this.#nameEnd(k, n, 'disallowed character in attribute name.');
        attr = s.slice(k, attrEnd);
      }
      k = attrEnd;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return this.#more(final, `unclosed tag: ${name}`);
      if (s.charCodeAt(k) !== 61) this.#fail(k, 'attribute without value.');
      k++;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return this.#more(final, `unclosed tag: ${name}`);
      const q = s.charCodeAt(k);
      if (q !== 34 && q !== 39) this.#fail(k, 'unquoted attribute value.');
      const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0) {
        // Whatever comes first is the error: a character or reference at fault, a `<` (which
        // the value read up to and with it refuses), the end.
        const lt = s.indexOf('<', k + 1);
        if (lt >= 0 || final) this.#attributeValue(k + 1, lt < 0 ? n : lt + 1);
        return this.#more(final, `unclosed tag: ${name}`);
      }
      values[count] = this.#attributeValue(k + 1, close);
      if (count < 16) {
        for (let a = 0; a < count; a++) if (names[a] === attr) this.#fail(attrStart, `duplicate attribute: ${attr}.`);
      } else {
        // Many attributes (hostile input, not EWS): a set, or the check would be quadratic.
        if (count === 16) seen = new Set(names.slice(0, 16));
        if (seen!.has(attr)) this.#fail(attrStart, `duplicate attribute: ${attr}.`);
        seen!.add(attr);
      }
      names[count++] = attr;
      k = close + 1;
      if (k < n && !isSpace(s.charCodeAt(k)) && s.charCodeAt(k) !== 62 && s.charCodeAt(k) !== 47)
        this.#fail(k, 'no whitespace between attributes.');
    }
  }

  /**
   * The element `name` whose start tag ends before `from`, when it is a leaf (see
   * TokenHandlers.leaf) whole in the buffer: reported, and the index after its end tag; else -1,
   * and it is read the usual way.
   */
  #leaf(known: KnownName, from: number): number {
    const s = this.#buf;
    // Its text ends at the first `<`, and holds no special character nor line end.
    const lt = this.#special(from, s.length, SPECIAL | LINE | END);
    const after = lt + 2 + known.codes.length;
    if (
      s.charCodeAt(lt) !== 60 ||
      s.charCodeAt(lt + 1) !== 47 ||
      s.charCodeAt(after) !== 62 ||
      !this.#holdsKnown(known, lt + 2)
    )
      return -1;
    this.#h.leaf!(known.name, s, from, lt);
    this.#last = known.end;
    return after + 1;
  }

  /** Whether the known name (one read before, so well-formed) is the whole name at `i`. */
  #isKnownAt(known: KnownName, i: number): boolean {
    const c = this.#buf.charCodeAt(i + known.codes.length);
    return c < 128 && NAME[c] === 0 && this.#holdsKnown(known, i);
  }

  /**
   * Whether the text holds the known name at `i`, compared by its codes: comparing names with
   * charCodeAt on both strings (or startsWith) took an eighth of a typed read of FindItem.
   */
  #holdsKnown(known: KnownName, i: number): boolean {
    const s = this.#buf;
    const codes = known.codes;
    const n = codes.length;
    if (i + n > s.length) return false;
    for (let j = 0; j < n; j++) if (s.charCodeAt(i + j) !== codes[j]) return false;
    return true;
  }

  /** Whether the attribute name `name` (one read before, so well-formed) is the whole name at `i`. */
  #isAt(name: string, i: number): boolean {
    const c = this.#buf.charCodeAt(i + name.length);
    // What ends a name is ASCII (space, `=`, `>`, `/`); NaN, past the buffer's end, is not below 128.
    return c < 128 && NAME[c] === 0 && this.#buf.startsWith(name, i);
  }

  /** The known name of a start tag, recorded as the one that came where it came, for the next guess. */
  #knownName(name: string): KnownName {
    let known = this.#knownNames.get(name);
    if (known === undefined) {
      const codes = new Uint16Array(name.length);
      for (let j = 0; j < name.length; j++) codes[j] = name.charCodeAt(j);
      // A name of its own, not a slice of the text: it is kept.
      known = { name: detach(name), codes, next: undefined, end: { next: undefined } };
      // Hostile input may use endless names: past a limit, they are not kept.
      if (this.#knownNames.size < 4096) this.#knownNames.set(known.name, known);
    }
    if (this.#last !== undefined) this.#last.next = known;
    return known;
  }

  /** An attribute value from `i` to `end` (its closing quote), normalised. */
  #attributeValue(i: number, end: number): string {
    const s = this.#buf;
    let plain = true;
    for (let k = i; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c === 60) {
        // A reference before it may be at fault first: read the value up to it.
        this.#attributeValue(i, k);
        this.#fail(k, 'disallowed character in attribute value.');
      }
      if (c < 32 && c !== 9 && c !== 10 && c !== 13) this.#fail(k, 'disallowed character.');
      if (c < 32 || c === 38 || c >= 0xd800) plain = false;
    }
    if (plain) return s.slice(i, end);
    let sp = i;
    while (sp < end) {
      const c = s.charCodeAt(sp);
      if (c < 32 || c === 38 || c >= 0xd800) break;
      sp++;
    }
    return this.#careful(i, end, sp, true);
  }

  #endTag(i: number, final: boolean): number {
    const s = this.#buf;
    // The usual case, `</` and the open element's name and `>`: no name to scan or make.
    const open = this.#stack[this.#stack.length - 1];
    if (open !== undefined && s.charCodeAt(i + 2 + open.codes.length) === 62 && this.#holdsKnown(open, i + 2)) {
      this.#at = i;
      this.#endElement(i, open.name);
      return i + 3 + open.codes.length;
    }
    const gt = s.indexOf('>', i + 2);
    if (gt < 0) {
      // At the end of the input, a character at fault in what there is of the tag comes first.
      if (final && this.#state === CONTENT && i + 2 < s.length) this.#closingName(i + 2, s.length);
      return this.#more(final, `unclosed tag: ${this.#stack[this.#stack.length - 1]?.name ?? s.slice(i + 2)}`);
    }
    if (this.#state !== CONTENT) this.#fail(i, 'unmatched closing tag.');
    const name = s.slice(i + 2, this.#closingName(i + 2, gt));
    this.#at = i;
    this.#endElement(i, name);
    return gt + 1;
  }

  /** The end of the name of a closing tag from `i` to `end`; only white space may follow it. */
  #closingName(i: number, end: number): number {
    const nameEnd = this.#nameEnd(i, end, 'disallowed character in closing tag.');
    for (let k = nameEnd; k < end; k++)
      if (!isSpace(this.#buf.charCodeAt(k))) this.#fail(k, 'disallowed character in closing tag.');
    return nameEnd;
  }

  #endElement(i: number, name: string): void {
    const open = this.#stack.pop()!;
    if (open.name !== name) this.#fail(i, `unexpected close tag: ${name}; expected ${open.name}.`);
    this.#last = open.end;
    if (this.#stack.length === 0) this.#state = EPILOG;
    this.#h.close(name);
    if (this.#stack.length === 0 && this.#h.end) {
      this.#documents++;
      this.#state = PROLOG;
      this.#begun = false;
      this.#h.end();
    }
  }

  /** `<!`: a comment, a CDATA section or a DOCTYPE. */
  #bang(i: number, final: boolean): number {
    const s = this.#buf;
    if (s.startsWith('<!--', i)) {
      this.#inside = 'comment';
      return this.#commentRest(i + 4, final);
    }
    if (s.startsWith('<![CDATA[', i)) {
      if (this.#state !== CONTENT) {
        if (s.indexOf(']]>', i + 9) < 0) return this.#unterminated(i + 9, final, 'unclosed CDATA section.');
        this.#fail(i, 'CDATA outside of root node.');
      }
      this.#at = i;
      this.#inside = 'cdata';
      this.#cdataParts = 0;
      return this.#cdataRest(i + 9, final);
    }
    if (s.startsWith('<!DOCTYPE', i)) {
      this.#at = i;
      this.#h.doctype();
      this.#fail(i, 'a DOCTYPE is not supported.');
    }
    if (
      s.length - i < 9 &&
      ('<!DOCTYPE'.startsWith(s.slice(i)) || '<![CDATA['.startsWith(s.slice(i)) || '<!--'.startsWith(s.slice(i)))
    )
      return this.#more(final, this.#unfinished());
    return this.#fail(i, 'disallowed markup after "<!".');
  }

  /**
   * The CDATA section being read, from `from`: its text up to `]]>` handed on, and the index
   * after it; or, when the buffer ends first, its text as far as it surely goes (see keep) handed
   * on, `pos` moved past it, and -1.
   */
  #cdataRest(from: number, final: boolean): number {
    const s = this.#buf;
    const end = s.indexOf(']]>', from);
    if (end >= 0) {
      this.#inside = undefined;
      if (end > from || !this.#cdataParts) this.#h.cdata(this.#cdataText(from, end));
      return end + 3;
    }
    if (final) return this.#unterminated(from, final, 'unclosed CDATA section.');
    const safe = this.#keep(from);
    if (safe > from) {
      this.#h.cdata(this.#cdataText(from, safe));
      this.#cdataParts++;
    }
    this.#pos = safe;
    return -1;
  }

  /** The comment being read, from `from`: the index after its `-->`; or, when the buffer ends first, `pos` moved past what it surely holds, and -1. */
  #commentRest(from: number, final: boolean): number {
    const s = this.#buf;
    const dashes = s.indexOf('--', from);
    if (dashes >= 0 && dashes + 2 < s.length) {
      if (s.charCodeAt(dashes + 2) !== 62) this.#fail(dashes, 'double dash in comment.');
      this.#chars(from, dashes);
      this.#inside = undefined;
      return dashes + 3;
    }
    if (final) return this.#unterminated(from, final, 'unclosed comment.');
    const safe = this.#keep(from);
    this.#chars(from, safe);
    this.#pos = safe;
    return -1;
  }

  /**
   * How far the text of a comment or CDATA section from `from` can be taken before the buffer's
   * end: all but its last two characters (a start of `]]>` or `-->`), and not after a `\r` (a
   * `\r\n` is one line end) or the first half of a surrogate pair.
   */
  #keep(from: number): number {
    const s = this.#buf;
    let safe = s.length - 2;
    while (safe > from) {
      const c = s.charCodeAt(safe - 1);
      if (c !== 13 && !(c >= 0xd800 && c <= 0xdbff)) break;
      safe--;
    }
    return Math.max(safe, from);
  }

  /** A CDATA section's content with its line ends normalised; characters XML does not allow refused. */
  #cdataText(i: number, end: number): string {
    if (this.#special(i, end) >= end) return this.#buf.slice(i, end);
    this.#chars(i, end);
    return this.#buf.slice(i, end).replace(/\r\n?/g, '\n');
  }

  /** Refuses a character XML does not allow between `i` and `end` (comments, instructions, CDATA). */
  #chars(i: number, end: number): void {
    const s = this.#buf;
    for (let k = i; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c < 32) {
        if (c !== 9 && c !== 10 && c !== 13) this.#fail(k, 'disallowed character.');
      } else if (c >= 0xd800) {
        const next = s.charCodeAt(k + 1);
        if (c <= 0xdbff && k + 1 < end && next >= 0xdc00 && next <= 0xdfff) k++;
        else if (c <= 0xdfff || c >= 0xfffe) this.#fail(k, 'disallowed character.');
      }
    }
  }

  /** `<?`: a processing instruction (the XML declaration is read at the start only). */
  #instruction(i: number, final: boolean): number {
    const s = this.#buf;
    const n = s.length;
    const targetEnd = this.#nameEnd(i + 2, n, 'disallowed character in processing instruction target.');
    if (targetEnd >= n) return this.#more(final, 'unclosed processing instruction.');
    const target = s.slice(i + 2, targetEnd);
    if (target.toLowerCase() === 'xml') this.#fail(i, 'XML declaration allowed only at the start of the document.');
    if (!isSpace(s.charCodeAt(targetEnd)) && !s.startsWith('?>', targetEnd)) {
      if (targetEnd + 1 >= n && s.charCodeAt(targetEnd) === 63)
        return this.#more(final, 'unclosed processing instruction.');
      this.#fail(targetEnd, 'disallowed character in processing instruction target.');
    }
    const end = s.indexOf('?>', targetEnd);
    if (end < 0) return this.#unterminated(targetEnd, final, 'unclosed processing instruction.');
    this.#chars(targetEnd, end);
    return end + 2;
  }

  /**
   * The XML declaration at `i` (`<?xml` and a space): its end, or -1 when the buffer ends
   * first. Read step by step, so that an error is reported where the declaration goes wrong.
   */
  #declaration(i: number, final: boolean): number {
    const s = this.#buf;
    const n = s.length;
    let k = i + 5;
    const space = (required: boolean) => {
      const from = k;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      return k > from || !required;
    };
    const literal = (text: string) => {
      if (!s.startsWith(text, k)) return false;
      k += text.length;
      return true;
    };
    /** `name = 'value'`, the value matching `pattern`; false when the name is not there. */
    const pseudo = (name: string, pattern: RegExp): boolean => {
      if (!literal(name)) return false;
      space(false);
      if (!literal('=')) this.#fail(k, 'malformed XML declaration.');
      space(false);
      const q = s.charCodeAt(k);
      if (q !== 34 && q !== 39) this.#fail(k, 'malformed XML declaration.');
      const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
      const lt = s.indexOf('>', k + 1);
      if (close < 0 || (lt >= 0 && lt < close)) this.#fail(k, 'malformed XML declaration.');
      if (!pattern.test(s.slice(k + 1, close))) this.#fail(k + 1, `malformed XML declaration: ${name}.`);
      k = close + 1;
      return true;
    };
    const end = s.indexOf('>', i);
    if (end < 0) return this.#more(final, 'unclosed XML declaration.');
    space(true);
    if (!pseudo('version', /^1\.[0-9]+$/)) this.#fail(k, 'malformed XML declaration: version.');
    let before = k;
    if (space(true) && pseudo('encoding', /^[A-Za-z][A-Za-z0-9._-]*$/)) before = k;
    k = before;
    if (space(true) && pseudo('standalone', /^(?:yes|no)$/)) before = k;
    k = before;
    space(false);
    if (!literal('?>')) this.#fail(k, 'malformed XML declaration.');
    return k;
  }
}
