import { join } from 'node:path';
import { buildModel } from './model/build.js';
import type { Model } from './model/model.js';
import { keepOperations } from './model/passes/keep-operations.js';
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

export interface PipelineOptions {
  /** Generate only these operations and what they reach (from either service); a service left with none is not generated. */
  operations?: readonly string[];
}

/** The named operations a service has, or all when no subset is asked for. */
function subset(model: Model, names: readonly string[] | undefined, other: Model): Model {
  if (!names) return model;
  const has = (m: Model) => new Set(m.operations.map((o) => o.name));
  const mine = has(model);
  const theirs = has(other);
  const unknown = names.filter((n) => !mine.has(n) && !theirs.has(n));
  // Named in neither service: let keepOperations say so (with a suggestion) for this one.
  return keepOperations(model, [...names.filter((n) => mine.has(n)), ...unknown]);
}

/** Generates the EWS service from `loader`, the UM service from schemas/um, and copies the runtime. */
export async function runPipeline(loader: SchemaLoader, options: PipelineOptions = {}): Promise<PipelineResult> {
  const t0 = performance.now();
  const all = await load(loader);
  const allUm = await load(new SchemaLoader(UM_WSDL));
  const ews = { ...all, model: subset(all.model, options.operations, allUm.model) };
  const um = { ...allUm, model: subset(allUm.model, options.operations, all.model) };
  const t2 = performance.now();
  const files = [
    ...(ews.model.operations.length || !options.operations ? renderService(ews.model, { folder: 'ews', client: 'EwsClient' }) : []),
    ...(um.model.operations.length || !options.operations
      ? renderService(um.model, { folder: 'um', client: 'UmClient', prefix: 'Um', unwrapResults: true })
      : []),
    ...runtimeFiles(),
  ];
  const t3 = performance.now();
  const read = ews.readMs + um.readMs;
  return { set: ews.set, model: ews.model, um, files, loader, ms: { read, model: t2 - t0 - read, emit: t3 - t2 } };
}
