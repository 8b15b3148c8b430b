// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.

/**
 * Values that come again, kept once. A FindItem of one folder repeats the folder's id in every
 * item, and the same few senders, display names, conversation topics and time zones: read as a
 * new string each time, those copies were a sixth of what a parsed FindItem 10,000 retains.
 * So each place a value comes in (an element's slot in its parent's type, an attribute)
 * remembers the last few distinct strings read there, and text equal to one of them is read as
 * that string: no copy made, none kept. A place whose values do not come again (ids, times)
 * soon stops looking, and costs nothing from then on. Strings do not change, so sharing one is
 * not visible, except as memory not used.
 */
export interface Recent {
  /** The last values remembered, the oldest first. */
  readonly values: string[];
  /** The values not recalled less those recalled: at TRIES, the place stops looking. */
  misses: number;
}

/** Where values are read: a slot or an attribute, with its recent values (null: not looked for). */
export interface Recalls {
  recent: Recent | null | undefined;
}

/** How many distinct values a place remembers. */
const KEPT = 8;
const TRIES = 32;
/** Longer values are not kept (an attachment's content would stay alive). */
const LONGEST = 256;

/** The string read at `place` before, whose text `text` is, if it is still remembered. */
export function recalled(place: Recalls, text: string): string | undefined {
  const recent = place.recent;
  if (recent) {
    for (const value of recent.values)
      if (value === text) {
        recent.misses--;
        return value;
      }
  }
  return undefined;
}

/**
 * Remembers the value read from `text` at `place`, when it is the text itself (a string value,
 * not a number, nor a string the type has changed: trimmed, say). A place whose values are not
 * such strings stops looking at once. Only values a strict read checked may be remembered: what
 * is recalled is not checked again.
 */
export function remember(place: Recalls, text: string, value: unknown): void {
  let recent = place.recent;
  if (recent === null || text.length > LONGEST) return;
  if (value !== text) place.recent = null;
  else {
    recent ??= place.recent = { values: [], misses: 0 };
    // The value, not the text: that may be a view into the document (see detach).
    if (recent.values.push(value) > KEPT) recent.values.shift();
    if (++recent.misses >= TRIES) place.recent = null;
  }
}
