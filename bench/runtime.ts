/**
 * npm run bench:runtime — the generated SDK's reader and writer on the FindItem/GetItem payloads
 * of ../shared/bench/gen-payloads.js (the ones the peer figures in the issues were measured on).
 *
 * Every figure is a ratio against a baseline measured in the same run, on the same input:
 * - reading: saxes with xmlns on and empty handlers (the floor for any saxes-based parser);
 *   fast-xml-parser (untyped) for orientation; and, to show the distance to the physical limit,
 *   the runtime's own tokenizer with empty handlers and the UTF-8 decode of the payload's bytes
 *   to a string (Buffer → string: what any reader of bytes must do at least);
 * - writing: gen-payloads' hand-written string concatenation of the same response, against our
 *   writer's UTF-8 bytes as they are sent (writeDocumentBody, released as a sender
 *   releases them once they have left: the next write finds its buffer ready); and, for
 *   orientation, the bytes as an array of the caller's own (writeDocumentBytes: a copy into fresh
 *   memory, which costs a page fault per 4 KB) and its string (writeDocument: the bytes decoded).
 *
 * Each contender runs in a process of its own, and the processes take turns (floor, typed, …,
 * floor, typed, …) so that all see the same machine load. In one shared process they would
 * distort each other: the reader drives saxes without its xmlns option, the floor with it, and
 * saxes' code compiled for both modes ran the floor 40% slower than alone; the garbage of
 * fast-xml-parser was collected during whoever ran next. A process reports the median of its
 * runs after a warm-up. A figure is the median over five rounds of the ratio within a round
 * (the contenders ran one right after the other), printed with the range over the rounds: this
 * machine's load changes from one second to the next.
 *
 * Retained heap (what the parsed result keeps alive) and peak RSS come from a process that
 * parses once. The last line is one JSON object, for tracking over time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { compiled } from '../generated/ews/schema.js';
import { readXml, writeDocument, writeDocumentBody, writeDocumentBytes } from '../generated/runtime/index.js';
import { XmlTokenizer } from '../generated/runtime/xml-tokenizer.js';

const require = createRequire(import.meta.url);
const payloads = require('../../../shared/bench/gen-payloads.js') as {
  makeFindItem(n: number): unknown;
  makeGetItem(n: number): unknown;
  renderFindItem(model: unknown): string;
  renderGetItem(model: unknown): string;
};

type Kind = 'finditem' | 'getitem';
type Mode =
  | 'floor'
  | 'typed'
  | 'fast-xml-parser'
  | 'tokenizer'
  | 'decode'
  | 'concatenation'
  | 'write'
  | 'write-owned'
  | 'write-string';

const MB = 1024 * 1024;
const ROUNDS = 5;

function saxesFloor(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', () => {});
  p.on('text', () => {});
  p.on('closetag', () => {});
  p.write(xml).close();
}

function payload(kind: Kind, n: number): { xml: string; render: () => string } {
  const model = kind === 'finditem' ? payloads.makeFindItem(n) : payloads.makeGetItem(n);
  const render = () => (kind === 'finditem' ? payloads.renderFindItem(model) : payloads.renderGetItem(model));
  return { xml: render(), render };
}

/** The work one contender does on a payload, ready to be timed. */
function contender(mode: Mode, kind: Kind, n: number): () => unknown {
  const { xml, render } = payload(kind, n);
  switch (mode) {
    case 'floor':
      return () => saxesFloor(xml);
    case 'typed':
      return () => readXml(compiled, xml);
    case 'tokenizer': {
      const none = () => {};
      const handlers = { open: none, close: none, text: none, cdata: none, doctype: none };
      return () => new XmlTokenizer(handlers).write(xml).close();
    }
    case 'decode': {
      const bytes = Buffer.from(xml, 'utf8');
      return () => bytes.toString('utf8');
    }
    case 'fast-xml-parser': {
      const fxp = new XMLParser({ ignoreAttributes: false });
      return () => fxp.parse(xml);
    }
    case 'concatenation':
      return render;
    case 'write': {
      const doc = readXml(compiled, xml);
      return () => {
        const body = writeDocumentBody(compiled, doc);
        body.release();
        return body.byteLength;
      };
    }
    case 'write-owned': {
      const doc = readXml(compiled, xml);
      return () => writeDocumentBytes(compiled, doc);
    }
    case 'write-string': {
      const doc = readXml(compiled, xml);
      return () => writeDocument(compiled, doc);
    }
  }
}

/**
 * In a child process: the median milliseconds of one contender, after a warm-up, and the mean
 * (the runs come one after the other, so the mean carries the garbage collections a run leaves
 * to the next, which a median of runs can leave out), the median of the page faults of a run
 * (a result in memory fresh from the system costs one per 4 KB at its first write, which on
 * this VM is ~10 µs each), and the median of the milliseconds a run spent in garbage
 * collections (V8's pauses, as `PerformanceObserver` hears of them; a collection the run leaves
 * to the next counts in the next).
 */
async function timeChild(mode: Mode, kind: Kind, n: number): Promise<void> {
  const fn = contender(mode, kind, n);
  for (let i = 0; i < 3; i++) fn();
  const pauses: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  const spans: [number, number][] = [];
  const faults: number[] = [];
  const start = performance.now();
  while (times.length < 5 || (performance.now() - start < 1000 && times.length < 30)) {
    const f = process.resourceUsage().minorPageFault;
    const t = performance.now();
    fn();
    const end = performance.now();
    times.push(end - t);
    spans.push([t, end]);
    faults.push(process.resourceUsage().minorPageFault - f);
  }
  // The observer hears of the collections once the event loop turns, not during the runs.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const gc = spans.map(([from, to]) =>
    pauses.filter((p) => p.start >= from && p.start < to).reduce((sum, p) => sum + p.ms, 0),
  );
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(JSON.stringify({ ms: median(times), mean, faults: median(faults), gc: median(gc) }));
}

/**
 * In a child process: what a page fault costs on this machine, in microseconds. Memory fresh
 * from the system costs one at its first write per 4 KB page; a read whose result the young
 * generation cannot hold moves it to such memory (see the FindItem 10,000 rows).
 */
function faultCostChild(): void {
  const costs: number[] = [];
  for (let round = 0; round < 3; round++) {
    const before = process.resourceUsage().minorPageFault;
    const t = performance.now();
    const bytes = new Uint8Array(64 * MB);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;
    const ms = performance.now() - t;
    costs.push((ms * 1000) / (process.resourceUsage().minorPageFault - before));
  }
  console.log(JSON.stringify({ us: median(costs) }));
}

/** Holds the parsed result, so that the heap measured after a collection still contains it. */
let kept: unknown;

/**
 * In a child process: read the payload from a file (as a response arrives: the generator's
 * own memory does not count), parse once, report what the parsed result retains and the peak
 * RSS. The text is read and dropped inside `parseFresh`, so that the heap measured afterwards
 * holds exactly what the result keeps alive, the input text included if the result still
 * refers to it (V8 makes substrings of 13 characters or more point into their parent string).
 */
function memoryChild(file: string, mode: 'typed' | 'floor'): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  let bytes = 0;
  const parseFresh = (): unknown => {
    const xml = readFileSync(file, 'utf8');
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

/**
 * The goal's figure: a FindItem response of the 1,000-item family scaled to 100 MB, read item by
 * item from a file, peaks below 100 MB RSS. Printed beside the same file read whole, and a bare
 * Node process that loads the SDK and reads nothing (what any process of the SDK starts at).
 */
function streamed(rows: string[], figures: Record<string, number>): void {
  const perItem = Buffer.byteLength(payload('finditem', 1000).xml) / 1000;
  const n = Math.ceil((100 * MB) / perItem);
  const xml = payload('finditem', n).xml;
  const file = join(mkdtempSync(join(tmpdir(), 'ews-bench-')), `finditem-${n}.xml`);
  writeFileSync(file, xml);
  try {
    type Streamed = { peakRss: number; items: number };
    // A module of its own, which loads the SDK and nothing else of the bench (saxes, fast-xml-parser).
    const run = (mode: string) => childOf<Streamed>(STREAM_CHILD, file, mode);
    const runs = Array.from({ length: 3 }, () => run('stream'));
    const [bare, whole] = [run('load'), run('whole')];
    for (const r of runs) if (r.items !== n) throw new Error(`streamed ${r.items} items of ${n}`);
    const peaks = runs.map((r) => r.peakRss / MB);
    figures.streamedPeakRssMB100MB = Math.round(median(peaks));
    rows.push(
      `finditem-${n} (${(Buffer.byteLength(xml) / MB).toFixed(0)} MB) streamed item by item from a file: peak RSS ${figures.streamedPeakRssMB100MB} MB (runs ${Math.round(Math.min(...peaks))}–${Math.round(Math.max(...peaks))}; goal < 100 MB), read whole ${Math.round(whole.peakRss / MB)} MB, a process that only loads the SDK ${Math.round(bare.peakRss / MB)} MB`,
    );
  } finally {
    rmSync(dirname(file), { recursive: true });
  }
}

/**
 * Why FindItem 10,000's read is further from the floor than the 1,000-item reads: its result
 * (~27 MB) outgrows the young generation (two semi-spaces of 16 MB at most, by default), so
 * the scavenges during the read move what it has made so far to the old generation, into
 * memory fresh from the system, a page fault per 4 KB; the floor keeps nothing. Printed: what a
 * fault costs here, and the read again, floor and typed taking turns, in processes whose
 * semi-spaces may grow to 64 MB (`node --max-semi-space-size=64`), which hold the whole result.
 * For orientation only: the goal's figure is the read above, with Node's defaults.
 */
function youngGeneration(rows: string[], figures: Record<string, number>, n: number, faults: number): void {
  const us = child<{ us: number }>('--fault-cost').us;
  const flag = '--max-semi-space-size=64';
  const { ms: t, faults: f, gc } = timeAll(['floor', 'typed'], 'finditem', n, [flag]);
  const read = ratio(t.floor!, t.typed!);
  figures.pageFaultMicroseconds = +us.toFixed(1);
  figures.parseVsSaxesFloor10kSemiSpace64 = read.median;
  rows.push(
    `${''.padEnd(24)} page faults: ${us.toFixed(1)} µs each on this machine, so the typed read's ${faults} a read cost ~${Math.round((faults * us) / 1000)} ms of it`,
    `${''.padEnd(24)} with ${flag} (not the goal's figure): typed read ${read.text} the floor, ${median(f.typed!)} page faults and ${median(gc.typed!).toFixed(1)} ms of collections a read`,
  );
}

const STREAM_CHILD = fileURLToPath(new URL('./streamed.js', import.meta.url));
const BODY_CHILD = fileURLToPath(new URL('./request-body.js', import.meta.url));

/**
 * A CreateAttachment request of a 75 MB file (100 MB of base64) turned into the bytes to send,
 * in a child that loads only the SDK (bench/request-body.ts): through toBody(), a chunk at a
 * time, against the envelope's string and its bytes made whole, and against the value alone.
 */
function requestBodies(rows: string[], figures: Record<string, number>): void {
  type Sent = { peakRss: number; sent: number };
  const run = (mode: string) => childOf<Sent>(BODY_CHILD, mode, '75');
  const runs = Array.from({ length: 3 }, () => run('body'));
  const [value, envelope] = [run('value'), run('envelope')];
  for (const r of runs)
    if (r.sent !== envelope.sent) throw new Error(`toBody sent ${r.sent} bytes, the envelope has ${envelope.sent}`);
  const peaks = runs.map((r) => r.peakRss / MB);
  figures.requestBodyPeakRssMB100MB = Math.round(median(peaks));
  figures.envelopePeakRssMB100MB = Math.round(envelope.peakRss / MB);
  rows.push(
    `CreateAttachment of 75 MB (${(envelope.sent / MB).toFixed(0)} MB sent) as bytes: toBody() peak RSS ${figures.requestBodyPeakRssMB100MB} MB (runs ${Math.round(Math.min(...peaks))}–${Math.round(Math.max(...peaks))}), the envelope's string then its bytes ${figures.envelopePeakRssMB100MB} MB, the base64 value alone ${Math.round(value.peakRss / MB)} MB`,
  );
}

function child<T>(...args: string[]): T {
  return childOf(fileURLToPath(import.meta.url), ...args);
}

function childOf<T>(module: string, ...args: string[]): T {
  return childWith<T>([], module, ...args);
}

/** The last line a child process prints, parsed; `node` holds flags for Node itself. */
function childWith<T>(node: string[], module: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', ...node, module, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A figure of each contender, one per round. */
type Samples = Record<string, number[]>;

/** Milliseconds of each contender in each round, its processes taking turns with the others'. */
function timeAll(
  modes: Mode[],
  kind: Kind,
  n: number,
  node: string[] = [],
): { ms: Samples; mean: Samples; faults: Samples; gc: Samples } {
  const [ms, mean, faults, gc]: Samples[] = [{}, {}, {}, {}];
  for (let round = 0; round < ROUNDS; round++)
    for (const mode of modes) {
      const r = childWith<{ ms: number; mean: number; faults: number; gc: number }>(
        node,
        fileURLToPath(import.meta.url),
        '--time',
        mode,
        kind,
        String(n),
      );
      (ms[mode] ??= []).push(r.ms);
      (mean[mode] ??= []).push(r.mean);
      (faults[mode] ??= []).push(r.faults);
      (gc[mode] ??= []).push(r.gc);
    }
  return { ms, mean, faults, gc };
}

/**
 * How many times faster `ours` is than `baseline`: the ratio in each round (the two ran one
 * right after the other, under the same load), the median over the rounds, and their range.
 */
function ratio(baseline: number[], ours: number[]): { median: number; text: string } {
  const each = baseline.map((b, i) => b / ours[i]!);
  const m = median(each);
  return {
    median: +m.toFixed(3),
    text: `${m.toFixed(2)}x, rounds ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)}`,
  };
}

function main(): void {
  const [flag, ...args] = process.argv.slice(2);
  if (flag === '--time') return void timeChild(args[0] as Mode, args[1] as Kind, Number(args[2]));
  if (flag === '--memory') return memoryChild(args[0]!, args[1] as 'typed' | 'floor');
  if (flag === '--fault-cost') return faultCostChild();
  const rows: string[] = [];
  const figures: Record<string, number> = {};
  for (const [kind, n] of [
    ['finditem', 1000],
    ['getitem', 1000],
    ['finditem', 10000],
  ] as const) {
    const { xml } = payload(kind, n);
    const mb = Buffer.byteLength(xml) / MB;
    const modes: Mode[] = [
      'floor',
      'typed',
      'fast-xml-parser',
      'tokenizer',
      'decode',
      'concatenation',
      'write',
      'write-owned',
      'write-string',
    ];
    const { ms: t, mean, faults, gc } = timeAll(modes, kind, n);
    const rate = (ms: number[]) => `${(mb / (median(ms) / 1000)).toFixed(1)} MB/s`;
    const [floor, typed, fast, concat, ours] = [t.floor!, t.typed!, t['fast-xml-parser']!, t.concatenation!, t.write!];
    const [read, untyped, write] = [ratio(floor, typed), ratio(floor, fast), ratio(concat, ours)];
    const readMean = ratio(mean.floor!, mean.typed!);
    const asString = ratio(concat, t['write-string']!);
    const owned = ratio(concat, t['write-owned']!);
    const [tokens, decoded] = [ratio(floor, t.tokenizer!), ratio(floor, t.decode!)];
    const label = `${kind}-${n} (${mb.toFixed(1)} MB)`;
    rows.push(
      `${label.padEnd(24)} read: saxes floor ${rate(floor)}, typed ${rate(typed)} (${read.text} the floor), fast-xml-parser ${rate(fast)} (${untyped.text})`,
      `${''.padEnd(24)} read, mean of the runs (collections included): typed ${readMean.text} the floor`,
      `${''.padEnd(24)} page faults per read, median over the rounds: saxes floor ${median(faults.floor!)}, typed ${median(faults.typed!)}`,
      `${''.padEnd(24)} garbage collections per read, median ms over the rounds: saxes floor ${median(gc.floor!).toFixed(1)} of ${median(floor).toFixed(0)}, typed ${median(gc.typed!).toFixed(1)} of ${median(typed).toFixed(0)}`,
      `${''.padEnd(24)} below the reader: our tokenizer alone ${rate(t.tokenizer!)} (${tokens.text} the floor), UTF-8 decode ${rate(t.decode!)} (${decoded.text})`,
      `${''.padEnd(24)} write: concatenation ${rate(concat)}, ours as bytes sent ${rate(ours)} (${write.text} the concatenation), as an array of your own ${rate(t['write-owned']!)} (${owned.text}), as a string ${rate(t['write-string']!)} (${asString.text})`,
      `${''.padEnd(24)} page faults per run, median over the rounds: concatenation ${median(faults.concatenation!)}, bytes sent ${median(faults.write!)}, array ${median(faults['write-owned']!)}, string ${median(faults['write-string']!)}`,
    );
    if (kind === 'finditem' && n === 1000) {
      figures.parseVsSaxesFloor = read.median;
      figures.parseVsSaxesFloorMean = readMean.median;
      figures.serializeVsConcat = write.median;
      figures.serializeStringVsConcat = asString.median;
      figures.serializeOwnedVsConcat = owned.median;
      figures.fastXmlParserVsSaxesFloor = untyped.median;
      figures.tokenizerVsSaxesFloor = tokens.median;
      figures.decodeFloorVsSaxesFloor = decoded.median;
    }
    if (kind === 'getitem') {
      figures.parseVsSaxesFloorGetItem = read.median;
      figures.parseVsSaxesFloorMeanGetItem = readMean.median;
      figures.serializeVsConcatGetItem = write.median;
    }
    if (kind === 'finditem' && n === 10000) {
      figures.parseVsSaxesFloor10k = read.median;
      figures.parseVsSaxesFloorMean10k = readMean.median;
      figures.serializeVsConcat10k = write.median;
      type Memory = { retained: number; peakRss: number; bytes: number };
      const file = join(mkdtempSync(join(tmpdir(), 'ews-bench-')), `${kind}-${n}.xml`);
      writeFileSync(file, xml);
      const typedMem = child<Memory>('--memory', file, 'typed');
      const floorMem = child<Memory>('--memory', file, 'floor');
      rmSync(dirname(file), { recursive: true });
      figures.retainedHeapVsPayload10k = +(typedMem.retained / typedMem.bytes).toFixed(3);
      figures.peakRssMB10k = Math.round(typedMem.peakRss / MB);
      figures.saxesFloorPeakRssMB10k = Math.round(floorMem.peakRss / MB);
      rows.push(
        `${''.padEnd(24)} memory: parsed result retains ${(typedMem.retained / MB).toFixed(0)} MB (${figures.retainedHeapVsPayload10k}x the payload), peak RSS ${figures.peakRssMB10k} MB (bare saxes: ${figures.saxesFloorPeakRssMB10k} MB)`,
      );
      youngGeneration(rows, figures, n, median(faults.typed!));
    }
  }
  streamed(rows, figures);
  requestBodies(rows, figures);
  console.log(rows.join('\n'));
  console.log(JSON.stringify(figures));
}

main();
