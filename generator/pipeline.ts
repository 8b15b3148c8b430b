import { buildModel } from './model/build.js';
import type { Model } from './model/model.js';
import { renderService, runtimeFiles, type OutputFile } from './emit/render.js';
import { rootLocation, SchemaLoader, type LoadOptions } from './read/load.js';
import { readSchemaSet, type SchemaSet } from './read/read-schema-set.js';

/** read → model → emit, nothing else; each stage is timed for the progress line and the benchmark. */
export interface PipelineResult {
  set: SchemaSet;
  model: Model;
  files: OutputFile[];
  loader: SchemaLoader;
  ms: { read: number; model: number; emit: number };
}

export async function openSchemas(location: string, options: LoadOptions = {}): Promise<SchemaLoader> {
  return new SchemaLoader(await rootLocation(location), options);
}

export async function runPipeline(loader: SchemaLoader): Promise<PipelineResult> {
  const t0 = performance.now();
  const set = await readSchemaSet(loader);
  const t1 = performance.now();
  const model = buildModel(set);
  const t2 = performance.now();
  const files = [...renderService(model, { folder: 'ews', client: 'EwsClient' }), ...runtimeFiles()];
  const t3 = performance.now();
  return { set, model, files, loader, ms: { read: t1 - t0, model: t2 - t1, emit: t3 - t2 } };
}
