import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { labelOf, loadSet } from '../diff/command.js';
import type { SetLabel } from '../diff/markdown.js';
import type { Model } from '../model/model.js';
import { exchangeVersions } from '../model/passes/schema-version.js';

export interface PublishedSet {
  model: Model;
  label: SetLabel;
}

/** A set already read (the one generated from), which readPublishedSets takes as it is instead of reading it again. */
export interface KnownSet {
  root: URL;
  model: Model;
}

/**
 * The schema sets of a folder (`../shared/schemas/ews/`: a folder per set), oldest first: each is
 * placed by its version among the ExchangeVersionType values of the newest set, which lists every
 * version oldest first. A set without a WSDL (Exchange2013_SP1's) is read from its messages, else
 * its types.
 */
export async function readPublishedSets(folder: string, known?: KnownSet): Promise<PublishedSet[]> {
  const folders = (await readdir(folder, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const sets: PublishedSet[] = [];
  for (const f of folders) {
    const files = await readdir(join(folder, f));
    const root = ['services.wsdl', 'messages.xsd', 'types.xsd'].find((r) => files.includes(r));
    if (!root) continue;
    const location = join(folder, f, root);
    sets.push(
      known && pathToFileURL(resolve(location)).href === known.root.href
        ? { model: known.model, label: labelOf(location, known.model) }
        : await loadSet(location),
    );
  }
  const order = sets.map((s) => exchangeVersions(s.model)).reduce((a, b) => (b.length > a.length ? b : a), []);
  const rank = (s: PublishedSet) => {
    const i = order.indexOf(s.label.version ?? '');
    if (i < 0)
      throw new Error(
        `${join(folder, s.label.label)}: version ${s.label.version ?? '(none)'} is not an ExchangeVersionType value, so it has no place in the order`,
      );
    return i;
  };
  return sets.sort((a, b) => rank(a) - rank(b));
}
