import { basename } from 'node:path';
import { SchemaError } from '../errors.js';
import type { Model } from '../model/model.js';
import { load, openSchemas } from '../load.js';
import { compareModels, DiffError, type Changelog } from './compare.js';
import { renderMarkdown, type SetLabel } from './markdown.js';

export interface DiffOptions {
  json?: boolean;
  /** `breaking`: exit 1 when an entry breaks code that sends or reads. */
  failOn?: 'breaking';
  allowHttp?: boolean;
}

/** One schema set resolved to be compared, with how a changelog names it (its folder's or file's name). */
export async function loadSet(location: string, allowHttp = false): Promise<{ model: Model; label: SetLabel }> {
  const { model } = await load(await openSchemas(location, { allowHttp }), false);
  return { model, label: labelOf(location, model) };
}

/** How a changelog names a set: its folder's name (the file's folder, for a file) and the version its model says. */
export function labelOf(location: string, model: Model): SetLabel {
  const trimmed = location.replace(/\/+$/, '');
  const label = /\.(wsdl|xsd)$/i.test(trimmed)
    ? basename(trimmed.replace(/\/[^/]*$/, '')) || basename(trimmed)
    : basename(trimmed);
  return { label, ...(model.source.version ? { version: model.source.version } : {}) };
}

/** The changelog between two resolved sets, as JSON for tools. */
export function renderJson(log: Changelog, from: SetLabel, to: SetLabel): string {
  return JSON.stringify({ from, to, entries: log.entries }, null, 2) + '\n';
}

/** `ews-codegen diff OLD NEW`: prints the changelog; the exit code (0, or 1 for `--fail-on breaking` with breaking entries, or an error). */
export async function diffCommand(
  oldLocation: string,
  newLocation: string,
  options: DiffOptions = {},
): Promise<number> {
  try {
    const [a, b] = [await loadSet(oldLocation, options.allowHttp), await loadSet(newLocation, options.allowHttp)];
    const log = compareModels(a.model, b.model);
    process.stdout.write(options.json ? renderJson(log, a.label, b.label) : renderMarkdown(log, a.label, b.label));
    return options.failOn === 'breaking' && log.entries.some((e) => e.breaks.sends || e.breaks.reads) ? 1 : 0;
  } catch (e) {
    if (e instanceof SchemaError) process.stderr.write(`ews-codegen: ${e.format()}\n`);
    else if (e instanceof DiffError)
      process.stderr.write(`ews-codegen: diff ${oldLocation} ${newLocation}: ${e.message}\n`);
    else if (e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError))
      process.stderr.write(`ews-codegen: ${e.message}\n`);
    else throw e;
    return 1;
  }
}
