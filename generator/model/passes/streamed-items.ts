import { key, type QName } from '../../qname.js';
import type { ElementShape, Model, Operation, StreamedItems } from '../model.js';
import { leafShapes } from './content-shapes.js';
import { effectiveOf, isEntries, standIns } from './effective-content.js';

/**
 * Pass (fills `model.streams`): where the bulk of each operation's response is, so that the
 * runtime can read it one item at a time. The items are the first repeated elements below the
 * response element, reached through elements that occur once and hold one element or one of a
 * choice (isWrapper); when those are response messages
 * (their types derive from ResponseMessageType), the items are in turn the first repeated
 * elements below each message (FindItem: `ResponseMessages/FindItemResponseMessage`, then
 * `RootFolder/Items/*` and `RootFolder/Groups/GroupedItems`), and a message with none (ExportItems)
 * is itself the item.
 *
 * The schema gives every response the same ResponseMessages choice of all message elements;
 * which one an operation answers with is named after it (`FindItemResponseMessage`), the way the
 * EWS Managed API and exchangelib pair them. Where no message is so named, every member counts,
 * and the messages are the items.
 */
export function findStreamedItems(model: Model): void {
  // Operations share their response and message types: each type is searched once.
  const below = new Map<string, Repeated[]>();
  const search = (type: QName) => {
    let found = below.get(key(type));
    if (!found) below.set(key(type), (found = repeatedBelow(model, type, [], new Set())));
    return found;
  };
  for (const op of model.operations) {
    const streams = streamsOf(model, op, search);
    if (streams) model.streams.set(op.name, streams);
  }
}

/** Deeper than this below the response (or a message), a repeated element is not the response's bulk. */
const MAX_DEPTH = 4;

interface Repeated {
  /** Element local names from where the search started; `*` for every entry of the container. */
  path: string[];
  container: QName;
  prop: string;
  /** The types of the elements that may stand there. */
  types: QName[];
}

function streamsOf(model: Model, op: Operation, search: (type: QName) => Repeated[]): StreamedItems | undefined {
  const body = model.elements.get(key(op.output.body));
  if (body?.type.kind !== 'ref') return undefined;
  const top = search(body.type.name);
  const messages = top.find((r) => r.types.length > 0 && r.types.every((t) => isResponseMessage(model, t)));
  if (!messages) return top.length ? { items: top.map(({ path, container, prop }) => ({ path, container, prop })) } : undefined;
  let { path, types } = messages;
  const own = messageOf(model, messages, `${op.name}ResponseMessage`);
  if (own) {
    path = [...path.slice(0, -1), own.local];
    types = [own.type];
  }
  // Messages of several types (no message is named after the operation) are the items themselves.
  const items = new Map<string, StreamedItems['items'][number]>();
  if (types.length === 1)
    for (const r of search(types[0]!))
      items.set(`${r.path.join('/')} ${key(r.container)}`, { path: r.path, container: r.container, prop: r.prop });
  const { container, prop } = messages;
  return { messages: { path, types: unique(types), container, prop }, items: [...items.values()] };
}

/**
 * The first repeated elements below a complex type, in document order, reached through elements
 * that occur once. Entries of an `$items` container that holds nothing else are one path, `*`.
 */
function repeatedBelow(model: Model, type: QName, path: string[], seen: Set<string>): Repeated[] {
  const t = model.types.get(key(type));
  if (t?.kind !== 'complex' || path.length >= MAX_DEPTH || seen.has(key(type))) return [];
  const eff = effectiveOf(model, t);
  const inside = new Set([...seen, key(type)]);
  const out: Repeated[] = [];
  const repeated = new Map<string, ElementShape[]>();
  for (const leaf of leafShapes(eff.content)) {
    if (leaf.kind !== 'element') continue;
    if (leaf.array) {
      const same = repeated.get(leaf.prop);
      if (same) same.push(leaf);
      else {
        repeated.set(leaf.prop, [leaf]);
        out.push({ path: [], container: t.name, prop: leaf.prop, types: [] }); // its place in document order
      }
      continue;
    }
    for (const s of standIns(model, leaf))
      if (s.type.kind === 'ref' && isWrapper(model, s.type.name))
        out.push(...repeatedBelow(model, s.type.name, [...path, s.name.local], inside));
  }
  return out.flatMap((r) => {
    if (r.path.length || r.container !== t.name) return [r];
    const stands = repeated.get(r.prop)!.flatMap((e) => standIns(model, e));
    const types = stands.flatMap((s) => (s.type.kind === 'ref' ? [s.type.name] : []));
    if (r.prop === '$items' && eff.content && isEntries(eff.content)) return [{ ...r, path: [...path, '*'], types }];
    return stands.map((s) => ({ ...r, path: [...path, s.name.local], types: s.type.kind === 'ref' ? [s.type.name] : [] }));
  });
}

/** The member of a repeated response-messages element with the given local name, if one has it. */
function messageOf(model: Model, messages: Repeated, local: string): { local: string; type: QName } | undefined {
  const t = model.types.get(key(messages.container));
  if (t?.kind !== 'complex') return undefined;
  for (const leaf of leafShapes(effectiveOf(model, t).content))
    if (leaf.kind === 'element' && leaf.prop === messages.prop)
      for (const s of standIns(model, leaf)) if (s.name.local === local && s.type.kind === 'ref') return { local, type: s.type.name };
  return undefined;
}

/**
 * Whether the search goes on below an element of this type: it holds one element, or one of a
 * choice (FindItem's RootFolder: Items or Groups). An element with a sequence of several is a
 * value of its own (a Persona, a UserConfiguration), not the way to the response's bulk.
 */
function isWrapper(model: Model, type: QName): boolean {
  const t = model.types.get(key(type));
  if (t?.kind !== 'complex') return false;
  let content = effectiveOf(model, t).content;
  while (content?.items.length === 1 && content.items[0]!.kind === 'group') content = content.items[0];
  return !!content && (content.group.kind === 'choice' || leafShapes(content).length === 1);
}

/** Whether a type is ResponseMessageType or derives from it. */
function isResponseMessage(model: Model, type: QName): boolean {
  for (let t = model.types.get(key(type)); t?.kind === 'complex'; t = t.base ? model.types.get(key(t.base)) : undefined)
    if (t.name.local === 'ResponseMessageType') return true;
  return false;
}

function unique(types: QName[]): QName[] {
  return [...new Map(types.map((t) => [key(t), t])).values()];
}
