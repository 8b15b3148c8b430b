// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
import { detach } from './simple.js';

/**
 * Values that come again, read once. A FindItem of one folder repeats the folder's id and change
 * key in every item, the same few senders, display names, topics and time zones, and the same
 * `true`, `false`, `Normal` and `IPM.Note`. So each place values are read at (an attribute of a
 * type, the slot of an element in its parent's type) remembers the last few distinct texts read
 * there and the value read from each, and the same text again is that value: not parsed, and
 * for a string no copy made, none kept. An element's text is compared where it stands in the
 * document, so that a value recalled costs no string at all: with a slice per boolean, number
 * and listed value and a copy per repeated string, a typed read of FindItem 10,000 allocated
 * 55 MB, now 41, and the more a read allocates, the more of what it keeps the young
 * generation's collections move to the old one. (Looked up through a string sliced first,
 * element values made GetItem's read 6-8% slower.)
 * A place whose texts do not come again (ids, times) soon stops looking, and costs nothing from
 * then on. Values are strings, numbers and booleans, which do not change: sharing one is not
 * visible, except as memory not used. Lists (arrays) are not shared.
 */
export interface Recent {
  /** The last distinct texts remembered, each followed by the value read from it, the oldest first. */
  readonly pairs: unknown[];
  /** The texts not recalled less those recalled: at TRIES, the place stops looking. */
  misses: number;
}

/** An attribute of a type or an element's slot, with its recent values (null: not looked for). */
export interface Recalls {
  recent: Recent | null | undefined;
}

/** How many distinct texts a place remembers. */
const KEPT = 8;
const TRIES = 32;
/** Longer texts are not kept (an attachment's content would stay alive). */
const LONGEST = 256;

/**
 * The value read at `place` before from the text `source.slice(from, end)`, if it is still
 * remembered. Compared in place: an element's text is not made a string of its own to look it up.
 */
export function recalled(place: Recalls, source: string, from: number, end: number): unknown {
  const recent = place.recent;
  if (recent) {
    const pairs = recent.pairs;
    next: for (let i = 0; i < pairs.length; i += 2) {
      const text = pairs[i] as string;
      if (text.length !== end - from) continue;
      for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== source.charCodeAt(from + k)) continue next;
      recent.misses--;
      return pairs[i + 1];
    }
  }
  return undefined;
}

/**
 * Remembers the value read from `text` at `place`. A place whose values are lists stops looking
 * at once. Only values a strict read checked may be remembered: what is recalled is not checked
 * again.
 */
export function remember(place: Recalls, text: string, value: unknown): void {
  let recent = place.recent;
  if (recent === null || text.length > LONGEST) return;
  if (typeof value === 'object') place.recent = null;
  else {
    recent ??= place.recent = { pairs: [], misses: 0 };
    // Not the text as read, which may be a view into the document (see detach): a string value
    // is a copy of it already.
    if (recent.pairs.push(value === text ? value : detach(text), value) > 2 * KEPT) recent.pairs.splice(0, 2);
    if (++recent.misses >= TRIES) place.recent = null;
  }
}
