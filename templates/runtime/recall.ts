// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.

/**
 * Attribute values that come again, kept once. A FindItem of one folder repeats the folder's id
 * and change key in every item: read as new strings each time, they were 7% of what a
 * parsed FindItem 10,000 retains. So each attribute of a type remembers the last few distinct
 * values read for it, and text equal to one of them is read as that string: no copy made, none
 * kept. An attribute whose values do not come again (item ids) soon stops looking, and costs
 * nothing from then on. Strings do not change, so sharing one is not visible, except as memory
 * not used. Element values (senders, topics) repeat too, but looked up on the hot path of an
 * element of text only, they made GetItem's read 6-8% slower and FindItem 10,000's no faster.
 */
export interface Recent {
  /** The last values remembered, the oldest first. */
  readonly values: string[];
  /** The values not recalled less those recalled: at TRIES, the place stops looking. */
  misses: number;
}

/** An attribute of a type, with its recent values (null: not looked for). */
export interface Recalls {
  recent: Recent | null | undefined;
}

/** How many distinct values a place remembers. */
const KEPT = 8;
const TRIES = 32;
/** Longer values are not kept (an attachment's content would stay alive). */
const LONGEST = 256;

/** The string read at `place` before, whose text is `text`, if it is still remembered. */
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
