// ews-codegen runtime, copied into generated/runtime/ with the @ts-nocheck line below added. Do not edit the copy.
// @ts-nocheck: type-checked strictly by ews-codegen when generated; your build need not check it again.
/*
 * Real servers do not always send what their schema says. Each entry here is a deviation seen
 * in responses of real servers, reviewed: what it is, where it was seen, and why accepting it
 * loses nothing. The clients accept exactly these when reading responses (their default), and
 * nothing else; `acceptServerDeviations: false` makes them strict about these too. What we
 * write is schema-valid always: a deviation is only ever accepted, never produced.
 */

/** What the reader needs of a deviation: the type whose content the servers leave empty, and what that reads as. */
export interface AcceptedDeviation {
  /** The complex type (local name, as in schema.ts) whose content the servers leave empty. */
  emptyContentOf: string;
  /** The namespace of that type. */
  ns: string;
  /** What the empty element reads as, so that its value still has its type's shape. */
  reads: () => Record<string, unknown>;
}

/** A deviation with the reasons it is accepted. */
export interface ServerDeviation extends AcceptedDeviation {
  what: string;
  seen: string;
  why: string;
}

/** GetServerTimeZones' empty `<t:Periods/>` (see SERVER_DEVIATIONS). */
const EMPTY_PERIODS: AcceptedDeviation = {
  emptyContentOf: 'NonEmptyArrayOfPeriodsType',
  ns: 'http://schemas.microsoft.com/exchange/services/2006/types',
  reads: () => ({ Period: [] }),
};

/** What the reader accepts: each entry of SERVER_DEVIATIONS, without its words. */
export const ACCEPTED: readonly AcceptedDeviation[] = [EMPTY_PERIODS];

/**
 * The deviations, each with what it is, where it was seen and why accepting it loses nothing.
 * The reader looks up only ACCEPTED, so that these words ship only to code that imports them
 * (they were 150 bytes of a one-operation bundle, gzipped); a test holds the two lists to the
 * same entries.
 */
export const SERVER_DEVIATIONS: readonly ServerDeviation[] = /* @__PURE__ */ reviewed([
  [
    EMPTY_PERIODS,
    {
      what: 'GetServerTimeZones answers some time zones with an empty <t:Periods/>, which the schema requires to hold a Period',
      seen: 'Exchange Online and Exchange 2019 (captured responses)',
      why: 'Periods only names the offsets that Transitions refer to; a zone without any has none to name, and an empty list says exactly that',
    },
  ],
]);

/** Each deviation joined with its reasons. */
function reviewed(
  list: readonly [AcceptedDeviation, Pick<ServerDeviation, 'what' | 'seen' | 'why'>][],
): ServerDeviation[] {
  return list.map(([deviation, reasons]) => ({ ...deviation, ...reasons }));
}

const EMPTY_CONTENT = new Map(ACCEPTED.map((d) => [`${d.ns}|${d.emptyContentOf}`, d]));

/** The deviation that lets an element of this type be empty, if there is one. */
export function emptyContentDeviation(ns: string, type: string): AcceptedDeviation | undefined {
  return EMPTY_CONTENT.get(`${ns}|${type}`);
}
