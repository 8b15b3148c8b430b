import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiled, NAMESPACES, schema } from '../../generated/ews/schema.js';
import * as operations from '../../generated/ews/operations.js';
import { elementKey, readXml, writeEnvelope, type OperationSpec } from '../../generated/runtime/index.js';
import { ValueGenerator } from '../support/arbitrary-values.js';
import { envelopeSchema, xmllintValidate } from '../support/xmllint.js';

const isSpec = (v: unknown): v is OperationSpec => typeof v === 'object' && v !== null && 'soapAction' in v;
const specs: OperationSpec[] = Object.values(operations).flatMap((v) => (isSpec(v) ? [v] : []));
/** Every request and response body element of the 122 operations. */
const bodies = [...new Set(specs.flatMap((s) => [s.input.body, s.output.body]).map((e) => elementKey(NAMESPACES, e)))].sort();

describe('random valid requests and responses', () => {
  it('cover every operation', () => {
    expect(specs.length).toBe(122);
  });

  it('write, validate with xmllint, read back equal', () => {
    const written = new Map<string, string>();
    fc.assert(
      fc.property(fc.constantFrom(...bodies), fc.integer(), fc.integer({ min: 0, max: 4 }), (key, seed, budget) => {
        const element = schema.elements[key]!;
        const gen = new ValueGenerator(schema, seed);
        const value = gen.complex(element.type, budget, false);
        const xml = writeEnvelope(compiled, key, { body: value, headers: {} }, []);
        // The generated per-type writers write exactly what the generic writer writes.
        expect(xml).toBe(writeEnvelope(compiled, key, { body: value, headers: {} }, [], { generatedWriters: false }));
        const back = readXml(compiled, xml);
        expect(back.element).toBe(key);
        expect(back.value).toEqual(value);
        if (written.size < 400) written.set(`${key} seed ${seed} budget ${budget}`, xml);
      }),
      { numRuns: 1000 },
    );
    // Sampled: the first 400 documents go through xmllint in one run.
    const judged = xmllintValidate(envelopeSchema(), written);
    expect([...judged.invalid].slice(0, 5)).toEqual([]);
    expect(judged.valid.size).toBe(written.size);
  });
});
