/**
 * npm run bench:generate — times the generation of the main target (V2017_07_11).
 *
 * Prints the median of 5 in-process runs per phase (read, model, emit, write) and each phase's
 * share, then what prettier would add (generation does not run it: the emitter lays the code out
 * as prettier prints it, and a test holds it to that), then the end-to-end wall time of the CLI
 * (`node bin/ews-codegen.js generate`, process start included), alone and with `--versions
 * --changelogs` as `npm run generate` runs it (all the published sets read, every declaration
 * tagged with its versions, the changelogs rendered), each against xsdata generating from the
 * same WSDL in the same rounds (`npm run setup:bench` installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { DEFAULT_SCHEMAS } from '../generator/config.js';
import { writeOutput } from '../generator/emit/write.js';
import { openSchemas, runPipeline } from '../generator/pipeline.js';

const SCHEMAS = process.argv[2] ?? DEFAULT_SCHEMAS;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const phases: Record<'read' | 'model' | 'emit' | 'write', number[]> = { read: [], model: [], emit: [], write: [] };
let lines = 0;
let files: { path: string; text: string }[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'ews-codegen-bench-'));
// Removed however the bench ends: xsdata missing or failing used to leave it behind.
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
for (let i = 0; i < 5; i++) {
  const result = await runPipeline(await openSchemas(SCHEMAS));
  const t0 = performance.now();
  await writeOutput(join(scratch, 'out'), result.files);
  phases.write.push(performance.now() - t0);
  phases.read.push(result.ms.read);
  phases.model.push(result.ms.model);
  phases.emit.push(result.ms.emit);
  files = result.files;
  lines = files.reduce((n, f) => n + f.text.split('\n').length - 1, 0);
}

const t0 = performance.now();
const options = { ...(await prettier.resolveConfig('generated/ews/index.ts')), parser: 'typescript' as const };
let unchanged = 0;
for (const f of files) if ((await prettier.format(f.text, options)) === f.text) unchanged++;
const formatMs = performance.now() - t0;

// End to end, process start included, against xsdata (Debian's python3-xsdata, `npm run
// setup:bench`) generating Python from the same WSDL: rounds take turns, so that a slow
// moment of this noisy machine hits all three alike.
const XSDATA = '/usr/bin/xsdata';
if (spawnSync(XSDATA, ['--version']).status !== 0) {
  console.error(`bench:generate: ${XSDATA} is missing or fails; run npm run setup:bench (installs python3-xsdata)`);
  process.exit(1);
}
const timed = (file: string, args: string[], cwd = process.cwd()) => {
  const s = performance.now();
  const run = spawnSync(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${run.stderr}`);
  return performance.now() - s;
};
const xsdataDir = join(scratch, 'xsdata');
mkdirSync(xsdataDir);
const wsdl = resolve(SCHEMAS, 'services.wsdl');
const wall: number[] = [];
const wallAll: number[] = [];
const xsdata: number[] = [];
for (let i = 0; i < 5; i++) {
  wall.push(
    timed(process.execPath, ['bin/ews-codegen.js', 'generate', '--schemas', SCHEMAS, '--out', join(scratch, 'cli')]),
  );
  wallAll.push(
    timed(process.execPath, [
      'bin/ews-codegen.js',
      'generate',
      '--schemas',
      SCHEMAS,
      '--out',
      join(scratch, 'cli'),
      '--versions',
      '--changelogs',
      join(scratch, 'changelogs'),
    ]),
  );
  rmSync(join(xsdataDir, 'ews'), { recursive: true, force: true });
  xsdata.push(timed(XSDATA, ['generate', wsdl, '--package', 'ews'], xsdataDir));
}

const m = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])) as Record<
  keyof typeof phases,
  number
>;
const total = m.read + m.model + m.emit + m.write;
const row = (name: string, ms: number) =>
  `  ${name.padEnd(7)} ${ms.toFixed(1).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`ews-codegen generation of ${SCHEMAS}: ${files.length} files, ${lines} lines of TypeScript`);
console.log('in process, median of 5 runs:');
for (const k of ['read', 'model', 'emit', 'write'] as const) console.log(row(k, m[k]));
console.log(`  total   ${total.toFixed(1).padStart(7)} ms`);
console.log(
  `format: prettier would take ${formatMs.toFixed(0)} ms (${(formatMs / total).toFixed(1)}x the generation) and changes ${files.length - unchanged} of ${files.length} files; generation does not run it`,
);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratios = (ours: number[]) => ours.map((t, i) => t / xsdata[i]!).sort((a, b) => a - b);
const versus = (ours: number[]) => {
  const r = ratios(ours);
  return `${median(r).toFixed(2)}x xsdata's time (rounds ${r[0]!.toFixed(2)}–${r[r.length - 1]!.toFixed(2)}x)`;
};
console.log(
  `end to end, process start included, median of 5 rounds taking turns; xsdata ${seconds(median(xsdata))} on the same WSDL:`,
);
console.log(`  ews-codegen generate:                          ${seconds(median(wall))}, ${versus(wall)}`);
console.log(`  with --versions --changelogs (all sets read): ${seconds(median(wallAll))}, ${versus(wallAll)}`);
console.log(
  JSON.stringify({
    generateSeconds: +(median(wall) / 1000).toFixed(3),
    allSetsSeconds: +(median(wallAll) / 1000).toFixed(3),
    xsdataSeconds: +(median(xsdata) / 1000).toFixed(3),
    allSetsToXsdata: +median(ratios(wallAll)).toFixed(3),
    inProcessMs: +total.toFixed(1),
    lines,
    prettierMs: Math.round(formatMs),
  }),
);
