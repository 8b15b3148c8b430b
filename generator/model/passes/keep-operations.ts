import { key, type QName } from '../../qname.js';
import type { Model } from '../model.js';
import { reachable } from './reachable.js';

/**
 * Subset generation (`--operations FindItem,GetItem`): the model cut down to the operations
 * named and everything they can reach (see reachable.ts) from their body, header and fault
 * elements. What is left out could never appear on the wire of the kept operations, so the
 * subset reads and writes those exactly as the whole does.
 * Order is kept: the subset's declarations are the whole's, fewer.
 */
export class UnknownOperationError extends Error {}

export function keepOperations(model: Model, names: readonly string[]): Model {
  const byName = new Map(model.operations.map((o) => [o.name, o]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length) {
    const close = (n: string) => model.operations.map((o) => o.name).find((o) => o.toLowerCase() === n.toLowerCase());
    throw new UnknownOperationError(
      unknown.map((n) => `no operation ${n} in ${model.source.root}${close(n) ? ` (did you mean ${close(n)}?)` : ''}`).join('; '),
    );
  }
  const wanted = new Set(names);
  const operations = model.operations.filter((o) => wanted.has(o.name));

  const roots = operations.flatMap((op) => [op.input.body, ...op.input.headers, op.output.body, ...op.output.headers, ...op.faults]);
  const { types, elements } = reachable(model, roots);

  const pick = <V>(map: Map<string, V>, keep: Set<string>) => new Map([...map].filter(([k]) => keep.has(k)));
  const inSubset = (list: QName[], keep: Set<string>) => list.filter((q) => keep.has(key(q)));
  return {
    ...model,
    operations,
    types: pick(model.types, types),
    elements: pick(model.elements, elements),
    substitutes: new Map([...model.substitutes].filter(([k]) => elements.has(k)).map(([k, v]) => [k, inSubset(v, elements)])),
    derived: new Map([...model.derived].filter(([k]) => types.has(k)).map(([k, v]) => [k, inSubset(v, types)])),
    shapes: pick(model.shapes, types),
    effective: pick(model.effective, types),
    streams: pick(model.streams, wanted),
    requestTypes: reachable(model, operations.flatMap((op) => [op.input.body, ...op.input.headers])).types,
  };
}
