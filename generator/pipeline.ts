import { join } from 'node:path';
import type { Model } from './model/model.js';
import { keepOperations } from './model/passes/keep-operations.js';
import { availabilityOf } from './versions/availability.js';
import { readPublishedSets, type PublishedSet } from './versions/sets.js';
import { renderService, runtimeFiles, type OutputFile, type ServiceOptions } from './emit/render.js';
import { PACKAGE_ROOT } from './emit/templates.js';
import { load } from './load.js';
import { SchemaLoader } from './read/load.js';
import type { SchemaSet } from './read/read-schema-set.js';

/** Our own schema of the Unified Messaging web service (see schemas/um/DECISIONS.md). */
export const UM_WSDL = join(PACKAGE_ROOT, 'schemas/um/um.wsdl');
/** Our own schemas of SOAP and POX Autodiscover (see schemas/autodiscover/DECISIONS.md). */
export const AUTODISCOVER_WSDL = join(PACKAGE_ROOT, 'schemas/autodiscover/autodiscover.wsdl');
export const POX_XSD = join(PACKAGE_ROOT, 'schemas/autodiscover/pox-request.xsd');

/**
 * The services generated beside EWS, from schemas of our own, each into a folder of its own;
 * their classes carry a prefix so that all services import side by side.
 */
const OWN_SERVICES: readonly { wsdl: string; options: ServiceOptions; partOf?: string }[] = [
  { wsdl: UM_WSDL, options: { folder: 'um', client: 'UmClient', prefix: 'Um', unwrapResults: true } },
  {
    wsdl: AUTODISCOVER_WSDL,
    options: {
      folder: 'autodiscover',
      client: 'AutodiscoverClient',
      prefix: 'Autodiscover',
      handWritten: 'autodiscover',
    },
  },
  // POX Autodiscover is plain XML over POST: types and descriptors, no SOAP operations. It is
  // part of the Autodiscover service (discover.ts uses it): generated whole whenever that is.
  {
    wsdl: POX_XSD,
    options: { folder: 'autodiscover-pox', client: 'PoxClient', prefix: 'Pox' },
    partOf: 'autodiscover',
  },
];

const EWS: ServiceOptions = { folder: 'ews', client: 'EwsClient' };

/** One generated service: its schema set, its (possibly subset) model, how it is emitted. */
export interface ServiceResult {
  set: SchemaSet;
  model: Model;
  options: ServiceOptions;
}

/** read → model → emit, nothing else; each stage is timed for the progress line and the benchmark. */
export interface PipelineResult {
  /** The EWS schema set and model. */
  set: SchemaSet;
  model: Model;
  /** Every service generated: EWS first, then ours (UM, Autodiscover). */
  services: ServiceResult[];
  files: OutputFile[];
  loader: SchemaLoader;
  /** The published sets, when given or read (`publishedIn`). */
  published?: readonly PublishedSet[];
  ms: { read: number; model: number; emit: number };
}

export { load, openSchemas } from './load.js';

export interface PipelineOptions {
  /** Generate only these operations and what they reach (from either service); a service left with none is not generated. */
  operations?: readonly string[];
  /** The EWS schema version the output names, instead of the one the schemas say (model.source.version). */
  schemaVersion?: string;
  /** The published schema sets, oldest first: declarations are marked with the versions they exist in. */
  published?: readonly PublishedSet[];
  /**
   * Or the folder to read them from (a folder per set; the set generated from, when it is one of
   * them, is not read twice); declarations are marked only with `tag`. The result holds the sets.
   */
  publishedIn?: { folder: string; tag: boolean };
}

/** Generates the EWS service from `loader` and our own services from schemas/, and copies the runtime. */
export async function runPipeline(loader: SchemaLoader, options: PipelineOptions = {}): Promise<PipelineResult> {
  const t0 = performance.now();
  const loaded = [
    { ...(await load(loader)), options: EWS },
    ...(await Promise.all(
      OWN_SERVICES.map(async (s) => ({ ...(await load(new SchemaLoader(s.wsdl))), options: s.options })),
    )),
  ];
  const partOf = new Map(OWN_SERVICES.filter((s) => s.partOf).map((s) => [s.options.folder, s.partOf!]));
  const ews = loaded[0]!.model;
  const published = options.publishedIn
    ? await readPublishedSets(options.publishedIn.folder, { root: loader.root, model: ews })
    : options.published;
  if (published && (options.publishedIn?.tag ?? true)) {
    const sets = published.map((s) => ({ version: s.label.version ?? s.label.label, model: s.model }));
    ews.availability = availabilityOf(sets, ews, ews.source.version);
  }
  if (options.schemaVersion !== undefined) ews.source.version = options.schemaVersion;
  const services: ServiceResult[] = loaded.map((l) => ({ set: l.set, model: l.model, options: l.options }));
  let generated = services;
  if (options.operations) {
    const names = options.operations;
    const known = new Set(loaded.flatMap((l) => l.model.operations.map((o) => o.name)));
    // A name no service has: keepOperations says so (with a suggestion), for EWS.
    const unknown = names.filter((n) => !known.has(n));
    for (const s of services) {
      if (partOf.has(s.options.folder)) continue;
      const mine = new Set(s.model.operations.map((o) => o.name));
      s.model = keepOperations(s.model, [...names.filter((n) => mine.has(n)), ...(s.options === EWS ? unknown : [])]);
    }
    // A service none of whose operations was named is left out, and what is part of it with it.
    const kept = new Set(services.filter((s) => s.model.operations.length).map((s) => s.options.folder));
    generated = services.filter((s) => kept.has(partOf.get(s.options.folder) ?? s.options.folder));
  }
  const t2 = performance.now();
  const files = [...generated.flatMap((s) => renderService(s.model, s.options)), ...runtimeFiles()];
  const t3 = performance.now();
  const read = loaded.reduce((n, l) => n + l.readMs, 0);
  return {
    set: loaded[0]!.set,
    model: services[0]!.model,
    services,
    files,
    loader,
    ...(published ? { published } : {}),
    ms: { read, model: t2 - t0 - read, emit: t3 - t2 },
  };
}
