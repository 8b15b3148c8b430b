import type { QName } from '../../qname.js';
import type { Model } from '../model.js';
import { checkInvariants } from './check-invariants.js';
import { shapeContent } from './content-shapes.js';
import { findEffectiveContent } from './effective-content.js';
import { findDerivedTypes } from './derived-types.js';
import { inheritText } from './inherited-text.js';
import { findRequestTypes } from './reachable.js';
import { findSchemaVersion } from './schema-version.js';
import { findStreamedItems } from './streamed-items.js';
import { findSubstitutes } from './substitution-groups.js';

/** How a pass names a schema name in its messages (`t:ItemType`). */
export type Show = (q: QName) => string;

export interface Pass {
  name: string;
  /** What the pass decides, in a line. */
  does: string;
  run(model: Model, show: Show): void;
  /** Only the emitters read what it decides: a set that is only compared (diff, the published sets) skips it. */
  emitOnly?: true;
}

/**
 * The model passes, in the order they run: each decides one thing the emitters and the runtime
 * then only read, and each may rely on those before it. Run by the builder once every type and
 * element is read; a schema error a pass finds is a `file:line:col` error before anything is
 * emitted. (`keep-operations.ts`, subset generation, is not in the table: the pipeline runs it
 * on a finished model when `--operations` asks for it.)
 */
export const PASSES: readonly Pass[] = [
  { name: 'schema-version', does: 'the version of the schema set (model.source.version)', run: findSchemaVersion },
  { name: 'inherited-text', does: 'simple content inherits its base type’s text type', run: inheritText },
  { name: 'derived-types', does: 'the types derived from each type (model.derived)', run: findDerivedTypes },
  { name: 'substitution-groups', does: 'the elements that may stand in for each head (model.substitutes)', run: findSubstitutes },
  { name: 'content-shapes', does: 'properties, arrays, tags and $items of each complex type (model.shapes)', run: shapeContent },
  { name: 'effective-content', does: 'attributes, wildcard, content and text of each complex type, its bases’ included (model.effective)', run: findEffectiveContent, emitOnly: true },
  { name: 'streamed-items', does: 'the repeated elements of each response, read one at a time (model.streams)', run: findStreamedItems, emitOnly: true },
  { name: 'request-types', does: 'the types a request can hold, which get writers (model.requestTypes)', run: findRequestTypes, emitOnly: true },
  { name: 'check-invariants', does: 'what the emitters rely on holds (closing)', run: checkInvariants, emitOnly: true },
];

/** Runs the passes in order; `forEmit` false leaves out those only the emitters need. */
export function runPasses(model: Model, show: Show, forEmit = true): void {
  for (const pass of PASSES) if (forEmit || !pass.emitOnly) pass.run(model, show);
}
