/**
 * npm run bench:generate — times the full Exchange2016 generation.
 *
 * Prints the median of 5 in-process runs per phase (read, model, emit, write) and each phase's
 * share, then what prettier would add (generation does not run it: the emitter lays the code out
 * as prettier prints it, and a test holds it to that), then the end-to-end wall time of the CLI
 * (`node bin/ews-codegen.js generate`, process start included) as the median of 3 runs — the
 * figure comparable with xsdata's 1.4 s for the same WSDL — and the same with `--versions
 * --changelogs`, as `npm run generate` runs it: all eight published sets read, every declaration
 * tagged with its versions, the seven changelogs rendered.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const endToEnd = (extra: string[]) => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    execFileSync(process.execPath, ['bin/ews-codegen.js', 'generate', '--schemas', SCHEMAS, '--out', join(scratch, 'cli'), ...extra], { stdio: 'ignore' });
    times.push(performance.now() - s);
  }
  return times;
};
const wall = endToEnd([]);
const wallAll = endToEnd(['--versions', '--changelogs', join(scratch, 'changelogs')]);
rmSync(scratch, { recursive: true, force: true });

const m = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])) as Record<keyof typeof phases, number>;
const total = m.read + m.model + m.emit + m.write;
const row = (name: string, ms: number) => `  ${name.padEnd(7)} ${ms.toFixed(1).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`ews-codegen generation of ${SCHEMAS}: ${files.length} files, ${lines} lines of TypeScript`);
console.log('in process, median of 5 runs:');
for (const k of ['read', 'model', 'emit', 'write'] as const) console.log(row(k, m[k]));
console.log(`  total   ${total.toFixed(1).padStart(7)} ms`);
console.log(
  `format: prettier would take ${formatMs.toFixed(0)} ms (${(formatMs / total).toFixed(1)}x the generation) and changes ${files.length - unchanged} of ${files.length} files; generation does not run it`,
);
console.log(`end to end (node bin/ews-codegen.js generate), median of 3: ${(median(wall) / 1000).toFixed(2)} s; xsdata: 1.4 s, wsdl-tsclient 2.3 s, xjc 2.4 s, xsd2ts 3.9 s`);
console.log(`  with --versions --changelogs (all eight sets read, as npm run generate runs it), median of 3: ${(median(wallAll) / 1000).toFixed(2)} s`);
console.log(JSON.stringify({ generateSeconds: +(median(wall) / 1000).toFixed(3), allSetsSeconds: +(median(wallAll) / 1000).toFixed(3), inProcessMs: +total.toFixed(1), lines, prettierMs: Math.round(formatMs) }));
