// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import { textOf, utf8, type XmlBytes } from './xml-bytes.js';

/*
 * A request envelope as the bytes a transport sends, without making the whole envelope first.
 * A request with megabytes in one value (CreateAttachment's or UploadItems' base64, a MIME body)
 * used to exist three times at once: the value, the envelope's string, the envelope's UTF-8
 * bytes. Here the envelope is written as bytes with its large texts kept apart as strings
 * (xml-bytes.ts), and each large text is encoded a slice at a time straight from the value as
 * it is sent. Its length is known before the first byte, so it goes with a Content-Length (no
 * chunked encoding, which not every server takes), and its chunks can be made again for a second
 * round (NTLM) or a retry.
 */

/** How many characters of a large text are encoded at a time. */
const SLICE = 1 << 16;

export interface RequestBody {
  /** The envelope's length in UTF-8 bytes. */
  readonly byteLength: number;
  /** Its bytes, in order, made afresh at each call: small parts whole, a large text a slice at a time. */
  chunks(): Iterable<Uint8Array>;
  /** The envelope as one string (for a transport function of your own, and traces): made on demand. */
  text(): string;
  /**
   * Keeps the bytes while a transport still sends them (`release` waits for the hold to end): a
   * reply can come before the last byte has left (a 401, a 413).
   * @returns what ends the hold; calling it again does nothing
   */
  hold(): () => void;
  /**
   * The body is done with (its maker calls this once the call is over): its memory goes to the
   * next envelope written, when no transport holds it any more. Nothing of it may be used after.
   */
  release(): void;
}

/** The body of an envelope given as text. */
export function textBody(xml: string): RequestBody {
  const bytes = utf8(xml);
  return { byteLength: bytes.length, chunks: () => [bytes], text: () => xml, hold: () => () => {}, release() {} };
}

/**
 * The body of an envelope written into `out` with its large texts kept apart (`new XmlBytes(true)`).
 * Its bytes are lent from `out`'s buffer (XmlBytes.lend), which returns to the next output on
 * `release` once no hold is left.
 */
export function requestBody(out: XmlBytes): RequestBody {
  const parts = out.lend();
  const byteLength = parts.reduce((n, p) => n + (typeof p === 'string' ? utf8Length(p) : p.length), 0);
  let holds = 0;
  let released = false;
  const check = () => {
    // Bytes read after their buffer went to another envelope would be that envelope's.
    if (released) throw new Error('the request body was released');
  };
  const free = () => {
    if (released && holds === 0) out.release();
  };
  return {
    byteLength,
    *chunks() {
      check();
      for (const p of parts) {
        if (typeof p !== 'string') {
          if (p.length) yield p;
          continue;
        }
        for (let at = 0; at < p.length;) {
          let end = Math.min(at + SLICE, p.length);
          // A surrogate pair is encoded whole: a slice never ends between its halves.
          if (end < p.length && isHighSurrogate(p.charCodeAt(end - 1))) end++;
          yield utf8(p.slice(at, end));
          at = end;
        }
      }
    },
    text: () => {
      check();
      return textOf(parts);
    },
    hold() {
      holds++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        holds--;
        free();
      };
    },
    release() {
      released = true;
      free();
    },
  };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The length of a string in UTF-8, as TextEncoder encodes it (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  // Base64, the usual large text, is ASCII: counted without a loop over it.
  if (!/[^\x00-\x7f]/.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHighSurrogate(c) && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
