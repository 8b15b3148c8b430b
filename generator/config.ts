import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * `ews-codegen.config.json` in the working folder, for build pipelines: `npx ews-codegen
 * generate` alone then does the job. Options on the command line win over the file; paths in
 * the file are relative to the file.
 */
export const CONFIG_FILE = 'ews-codegen.config.json';

/** The schema set `generate` reads when neither `--schemas` nor the config file names one. */
export const DEFAULT_SCHEMAS = '../shared/schemas/ews/v2017_07_11';

export interface GenerateConfig {
  /** A folder holding services.wsdl, a WSDL or XSD file, or an https:// URL. */
  schemas?: string;
  /** The output folder. */
  out?: string;
  allowHttp?: boolean;
  /** Generate only these operations and the types they reach. */
  operations?: string[];
  /** The schema version the output names (`--schema-version`). */
  schemaVersion?: string;
  /** Read the schema sets beside `schemas` and tag declarations with their versions (`--versions`). */
  versions?: boolean;
}

const KEYS: Record<keyof GenerateConfig, 'string' | 'boolean' | 'string[]'> = { schemas: 'string', out: 'string', allowHttp: 'boolean', operations: 'string[]', schemaVersion: 'string', versions: 'boolean' };

export class ConfigError extends Error {}

/** The config file of `cwd`, or an empty config when there is none. */
export async function readConfig(cwd: string): Promise<GenerateConfig> {
  const file = join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`${CONFIG_FILE}: cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${CONFIG_FILE}: not JSON: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${CONFIG_FILE}: expected an object`);
  const config: GenerateConfig = {};
  for (const [key, value] of Object.entries(raw)) {
    const type = KEYS[key as keyof GenerateConfig];
    if (!type) throw new ConfigError(`${CONFIG_FILE}: unknown option "${key}" (known: ${Object.keys(KEYS).join(', ')})`);
    const ok = type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === type;
    if (!ok) throw new ConfigError(`${CONFIG_FILE}: "${key}" must be ${type === 'string[]' ? 'an array of operation names' : `a ${type}`}`);
    (config as Record<string, unknown>)[key] = value;
  }
  const here = (p: string) => (/^https?:\/\//.test(p) || isAbsolute(p) ? p : resolve(dirname(file), p));
  if (config.schemas) config.schemas = here(config.schemas);
  if (config.out) config.out = here(config.out);
  return config;
}
