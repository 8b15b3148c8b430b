/**
 * npm run bench:runtime — the generated SDK's reader and writer on the FindItem/GetItem payloads
 * of ../shared/bench/gen-payloads.js (the ones the peer figures in the issues were measured on).
 *
 * Every figure is a ratio against a baseline measured in the same run, on the same input:
 * - reading: saxes with xmlns on and empty handlers (the floor for any saxes-based parser);
 *   fast-xml-parser (untyped) for orientation;
 * - writing: gen-payloads' hand-written string concatenation of the same response.
 * Retained heap (what the parsed result keeps) and peak RSS come from a child process per
 * measurement, so that one run's garbage does not count in the next.
 * The last line is one JSON object, for tracking over time.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { compiled } from '../generated/ews/schema.js';
import { readXml, writeDocument } from '../generated/runtime/index.js';

const require = createRequire(import.meta.url);
const payloads = require('../../../shared/bench/gen-payloads.js') as {
  makeFindItem(n: number): unknown;
  makeGetItem(n: number): unknown;
  renderFindItem(model: unknown): string;
  renderGetItem(model: unknown): string;
};

const MB = 1024 * 1024;

/**
 * Median milliseconds of each function, measured round-robin (a, b, c, a, b, c, …) so that every
 * contender sees the same machine load and the same JIT state of the code they share (saxes).
 */
function timeAll(fns: (() => void)[], minMs = 3000, maxRounds = 25): number[] {
  for (const fn of fns) fn(); // warm-up
  const times: number[][] = fns.map(() => []);
  const start = performance.now();
  for (let round = 0; round < 3 || (performance.now() - start < minMs && round < maxRounds); round++) {
    fns.forEach((fn, i) => {
      const t = performance.now();
      fn();
      times[i]!.push(performance.now() - t);
    });
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!);
}

function saxesFloor(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', () => {});
  p.on('text', () => {});
  p.on('closetag', () => {});
  p.write(xml).close();
}

function payload(kind: 'finditem' | 'getitem', n: number): { xml: string; model: unknown; render: () => string } {
  const model = kind === 'finditem' ? payloads.makeFindItem(n) : payloads.makeGetItem(n);
  const render = () => (kind === 'finditem' ? payloads.renderFindItem(model) : payloads.renderGetItem(model));
  return { xml: render(), model, render };
}

/** Holds the parsed result, so that the heap measured after a collection still contains it. */
let kept: unknown;

/** In a child process: parse once, report retained heap and peak RSS. */
function childMeasure(kind: string, n: number, mode: 'typed' | 'saxes'): { retained: number; peakRss: number; bytes: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', kind, String(n), mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/**
 * In a child process: parse once, report what the parsed result retains and the peak RSS.
 * The payload is made and dropped inside `parseFresh`, so that the heap measured afterwards
 * holds exactly what the result keeps alive, the input text included if the result still
 * refers to it (V8 makes substrings of 13 characters or more point into their parent string).
 */
async function child(kind: 'finditem' | 'getitem', n: number, mode: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  let bytes = 0;
  const parseFresh = (): unknown => {
    const { xml } = payload(kind, n);
    bytes = Buffer.byteLength(xml);
    if (mode === 'typed') return readXml(compiled, xml);
    saxesFloor(xml);
    return undefined;
  };
  gc();
  const before = process.memoryUsage().heapUsed;
  kept = parseFresh();
  gc();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ retained, peakRss, bytes, held: kept !== undefined }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] as 'finditem', Number(process.argv[4]), process.argv[5]!);
  const fxp = new XMLParser({ ignoreAttributes: false });
  const rows: string[] = [];
  const figures: Record<string, number> = {};
  for (const [kind, n] of [['finditem', 1000], ['getitem', 1000], ['finditem', 10000]] as const) {
    const { xml, render } = payload(kind, n);
    const mb = Buffer.byteLength(xml) / MB;
    const [floor, typed, fast] = timeAll([() => saxesFloor(xml), () => readXml(compiled, xml), () => fxp.parse(xml)]) as [number, number, number];
    const doc = readXml(compiled, xml);
    const [concat, ours] = timeAll([() => render(), () => writeDocument(compiled, doc)]) as [number, number];
    const label = `${kind}-${n} (${mb.toFixed(1)} MB)`;
    rows.push(
      `${label.padEnd(24)} read: saxes floor ${(mb / (floor / 1000)).toFixed(1)} MB/s, typed ${(mb / (typed / 1000)).toFixed(1)} MB/s (${(floor / typed).toFixed(2)}x floor), fast-xml-parser ${(mb / (fast / 1000)).toFixed(1)} MB/s (${(floor / fast).toFixed(2)}x)`,
      `${''.padEnd(24)} write: concatenation ${(mb / (concat / 1000)).toFixed(1)} MB/s, ours ${(mb / (ours / 1000)).toFixed(1)} MB/s (${(concat / ours).toFixed(2)}x concatenation)`,
    );
    if (kind === 'finditem' && n === 1000) {
      figures.parseVsSaxesFloor = +(floor / typed).toFixed(3);
      figures.serializeVsConcat = +(concat / ours).toFixed(3);
      figures.fastXmlParserVsSaxesFloor = +(floor / fast).toFixed(3);
    }
    if (kind === 'finditem' && n === 10000) {
      figures.parseVsSaxesFloor10k = +(floor / typed).toFixed(3);
      const typedMem = childMeasure(kind, n, 'typed');
      const saxesMem = childMeasure(kind, n, 'saxes');
      figures.retainedHeapVsPayload10k = +(typedMem.retained / typedMem.bytes).toFixed(3);
      figures.peakRssMB10k = Math.round(typedMem.peakRss / MB);
      figures.saxesFloorPeakRssMB10k = Math.round(saxesMem.peakRss / MB);
      rows.push(
        `${''.padEnd(24)} memory: parsed result retains ${(typedMem.retained / MB).toFixed(0)} MB (${figures.retainedHeapVsPayload10k}x the payload), peak RSS ${figures.peakRssMB10k} MB (bare saxes: ${figures.saxesFloorPeakRssMB10k} MB)`,
      );
    }
  }
  console.log(rows.join('\n'));
  console.log(JSON.stringify(figures));
}

await main();
