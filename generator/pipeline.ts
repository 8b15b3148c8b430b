import { join } from 'node:path';
import { buildModel } from './model/build.js';
import type { Model } from './model/model.js';
import { renderService, runtimeFiles, type OutputFile } from './emit/render.js';
import { PACKAGE_ROOT } from './emit/templates.js';
import { SchemaError } from './errors.js';
import { rootLocation, SchemaLoader, type LoadOptions } from './read/load.js';
import { readSchemaSet, type SchemaSet } from './read/read-schema-set.js';

/** Our own schema of the Unified Messaging web service (see schemas/um/DECISIONS.md). */
export const UM_WSDL = join(PACKAGE_ROOT, 'schemas/um/um.wsdl');

/** read → model → emit, nothing else; each stage is timed for the progress line and the benchmark. */
export interface PipelineResult {
  set: SchemaSet;
  model: Model;
  /** The UM web service, generated from schemas/um beside the EWS schema. */
  um: { set: SchemaSet; model: Model };
  files: OutputFile[];
  loader: SchemaLoader;
  ms: { read: number; model: number; emit: number };
}

export async function openSchemas(location: string, options: LoadOptions = {}): Promise<SchemaLoader> {
  return new SchemaLoader(await rootLocation(location), options);
}

/** Reads and resolves one schema set; a SchemaError names its file as that set's loader shows it. */
async function load(loader: SchemaLoader): Promise<{ set: SchemaSet; model: Model; readMs: number }> {
  try {
    const t0 = performance.now();
    const set = await readSchemaSet(loader);
    const readMs = performance.now() - t0;
    return { set, model: buildModel(set), readMs };
  } catch (e) {
    if (e instanceof SchemaError) e.where ??= (file) => loader.display(file);
    throw e;
  }
}

/** Generates the EWS service from `loader`, the UM service from schemas/um, and copies the runtime. */
export async function runPipeline(loader: SchemaLoader): Promise<PipelineResult> {
  const t0 = performance.now();
  const ews = await load(loader);
  const um = await load(new SchemaLoader(UM_WSDL));
  const t2 = performance.now();
  const files = [
    ...renderService(ews.model, { folder: 'ews', client: 'EwsClient' }),
    ...renderService(um.model, { folder: 'um', client: 'UmClient', prefix: 'Um', unwrapResults: true }),
    ...runtimeFiles(),
  ];
  const t3 = performance.now();
  const read = ews.readMs + um.readMs;
  return { set: ews.set, model: ews.model, um, files, loader, ms: { read, model: t2 - t0 - read, emit: t3 - t2 } };
}
