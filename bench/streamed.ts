/**
 * A child of npm run bench:runtime (bench/runtime.ts): `node streamed.js FILE MODE` reads the
 * FindItem response in FILE and prints its peak RSS. It loads the SDK and nothing else, so that
 * the figure is what a process of the SDK needs:
 * - `stream`: item by item through FindItemResponse.items(), from a Node file stream (64 KB
 *   chunks), keeping only a count;
 * - `whole`: the file read as one string by readXml;
 * - `load`: nothing read, the SDK loaded (where any process of the SDK starts).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { FindItemResponse } from '../generated/ews/operations.js';
import { compiled } from '../generated/ews/schema.js';
import { readXml } from '../generated/runtime/index.js';

const [file, mode] = process.argv.slice(2);
let items = 0;
if (mode === 'stream') {
  for await (const { item } of FindItemResponse.items(createReadStream(file!)).items()) if (item) items++;
} else if (mode === 'whole') {
  const doc = readXml(compiled, readFileSync(file!, 'utf8')) as { value: { ResponseMessages: { $items: unknown[] } } };
  items = doc.value.ResponseMessages.$items.length;
}
console.log(JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024, items }));
