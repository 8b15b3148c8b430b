import { buildModel } from './model/build.js';
import type { Model } from './model/model.js';
import { SchemaError } from './errors.js';
import { rootLocation, SchemaLoader, type LoadOptions } from './read/load.js';
import { readSchemaSet, type SchemaSet } from './read/read-schema-set.js';

/*
 * Reading one schema set into a model: what the pipeline, `diff` and the published sets share
 * (here, so that none of them imports another for it).
 */

export async function openSchemas(location: string, options: LoadOptions = {}): Promise<SchemaLoader> {
  return new SchemaLoader(await rootLocation(location), options);
}

/**
 * Reads and resolves one schema set; a SchemaError names its file as that set's loader shows it.
 * `forEmit` false: a set only compared, whose model leaves out what only the emitters read (its
 * documentation included).
 */
export async function load(loader: SchemaLoader, forEmit = true): Promise<{ set: SchemaSet; model: Model; readMs: number }> {
  try {
    const t0 = performance.now();
    const set = await readSchemaSet(loader, forEmit);
    const readMs = performance.now() - t0;
    return { set, model: buildModel(set, forEmit), readMs };
  } catch (e) {
    if (e instanceof SchemaError) e.where ??= (file) => loader.display(file);
    throw e;
  }
}
