import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSet } from '../diff/command.js';
import type { SetLabel } from '../diff/markdown.js';
import type { Model } from '../model/model.js';
import { exchangeVersions } from '../model/passes/schema-version.js';

export interface PublishedSet {
  model: Model;
  label: SetLabel;
}

/**
 * The schema sets of a folder (`../shared/schemas/ews/`: a folder per set), oldest first: each is
 * placed by its version among the ExchangeVersionType values of the newest set, which lists every
 * version oldest first. A set without a WSDL (Exchange2013_SP1's) is read from its messages, else
 * its types.
 */
export async function readPublishedSets(folder: string): Promise<PublishedSet[]> {
  const folders = (await readdir(folder, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const sets: PublishedSet[] = [];
  for (const f of folders) {
    const files = await readdir(join(folder, f));
    const root = ['services.wsdl', 'messages.xsd', 'types.xsd'].find((r) => files.includes(r));
    if (root) sets.push(await loadSet(join(folder, f, root)));
  }
  const order = sets.map((s) => exchangeVersions(s.model)).reduce((a, b) => (b.length > a.length ? b : a), []);
  const rank = (s: PublishedSet) => {
    const i = order.indexOf(s.label.version ?? '');
    if (i < 0) throw new Error(`${join(folder, s.label.label)}: version ${s.label.version ?? '(none)'} is not an ExchangeVersionType value, so it has no place in the order`);
    return i;
  };
  return sets.sort((a, b) => rank(a) - rank(b));
}
