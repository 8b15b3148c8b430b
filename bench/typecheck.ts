/**
 * npm run bench:typecheck — what `tsc --noEmit --strict` of a vendored SDK costs, against tsc on
 * wsdl-tsclient's output for the same WSDL (the baseline issue 13 names), measured in the same
 * run. wsdl-tsclient (1.7.1, a dev dependency) is run here on the WSDL `generated/ews` comes
 * from; it needs `--maxRecursiveDefinitionName` raised, or it stops at EWS's many definitions
 * named `MessageXml`. Its output is interfaces and a client over node-soap, whose compiled
 * declarations skipLibCheck skips, where ours carries its runtime as source.
 *
 * Contenders, each checked by tsc in a process of its own with the same compiler options:
 * - `ews`: generated/ews and generated/runtime, what a user of services.wsdl vendors;
 * - `all`: the whole of generated/ (EWS, UM, Autodiscover SOAP and POX);
 * - `ews, all checked`: `ews` with every `// @ts-nocheck` line removed (schema.ts, operations,
 *   client, versions, the runtime), to show what they save a user's build;
 * - `wsdl-tsclient`: its output for the same services.wsdl.
 * Five rounds, the contenders taking turns in each; a figure is the median over the rounds of
 * tsc's own "Total time" (and "Check time"), a ratio the median of the ratios within a round,
 * printed with its range. The last line is one JSON object, for tracking over time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMAS } from '../generator/config.js';
import { withoutNoCheck } from '../generator/emit/helpers/no-check.js';

const ROOT = join(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const ROUNDS = 5;

const compilerOptions = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022'],
  skipLibCheck: true,
};

// Under dist/ so that the baseline's imports of `soap` resolve to the project's node_modules.
mkdirSync(join(ROOT, 'dist'), { recursive: true });
const work = mkdtempSync(join(ROOT, 'dist', 'typecheck-'));
try {
  execFileSync(
    join(ROOT, 'node_modules/.bin/wsdl-tsclient'),
    [join(ROOT, DEFAULT_SCHEMAS, 'services.wsdl'), '-o', join(work, 'wsdl-tsclient'), '--maxRecursiveDefinitionName', '10000', '--esm', '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const checked = join(work, 'checked');
  for (const dir of ['ews', 'runtime']) cpSync(join(ROOT, 'generated', dir), join(checked, dir), { recursive: true });
  for (const entry of readdirSync(checked, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const file = join(checked, entry);
    writeFileSync(file, withoutNoCheck(readFileSync(file, 'utf8')));
  }

  const project = (name: string, include: string[]): string => {
    const file = join(work, `${name}.tsconfig.json`);
    writeFileSync(file, JSON.stringify({ compilerOptions, include }));
    return file;
  };
  const generated = (dirs: string[]) => dirs.map((d) => join(ROOT, 'generated', d, '**/*.ts'));
  const contenders: Record<string, string> = {
    ews: project('ews', generated(['ews', 'runtime'])),
    all: project('all', generated(['.'])),
    'ews, all checked': project('checked', [join(checked, '**/*.ts')]),
    'wsdl-tsclient': project('wsdl-tsclient', [join(work, 'wsdl-tsclient/**/*.ts')]),
  };

  interface Run {
    total: number;
    check: number;
    files: number;
    lines: number;
  }
  const tsc = (config: string): Run => {
    let out: string;
    try {
      out = execFileSync('node', [TSC, '-p', config, '--extendedDiagnostics'], { encoding: 'utf8' });
    } catch (e) {
      const stdout = (e as { stdout?: string }).stdout ?? '';
      throw new Error(`tsc -p ${config} failed:\n${stdout.split('\n').filter((l) => l.includes('error TS')).slice(0, 5).join('\n')}`);
    }
    const figure = (label: string) => {
      const m = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out);
      if (!m) throw new Error(`tsc --extendedDiagnostics printed no "${label}"`);
      return Number(m[1]);
    };
    return { total: figure('Total time'), check: figure('Check time'), files: figure('Files'), lines: figure('Lines of TypeScript') };
  };

  const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  tsc(contenders.ews!); // warm the file system cache
  for (let round = 0; round < ROUNDS; round++) for (const [name, config] of Object.entries(contenders)) runs[name]!.push(tsc(config));

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  const base = runs['wsdl-tsclient']!;
  const summary: Record<string, { totalSeconds: number; checkSeconds: number; ratio: number; lines: number }> = {};
  console.log(`tsc --noEmit --strict (skipLibCheck), median of ${ROUNDS} rounds; ratio against wsdl-tsclient's output in the same round:`);
  for (const [name, rs] of Object.entries(runs)) {
    const ratios = rs.map((r, i) => r.total / base[i]!.total);
    summary[name] = { totalSeconds: median(rs.map((r) => r.total)), checkSeconds: median(rs.map((r) => r.check)), ratio: +median(ratios).toFixed(2), lines: rs[0]!.lines };
    const s = summary[name]!;
    console.log(
      `  ${name.padEnd(26)} ${s.totalSeconds.toFixed(2)} s total (${range(rs.map((r) => r.total), 2)}), ` +
        `${s.checkSeconds.toFixed(2)} s checking, ${s.ratio.toFixed(2)}x (${range(ratios, 2)}); ${rs[0]!.files} files, ${s.lines} lines`,
    );
  }
  console.log(JSON.stringify({ typecheck: summary }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
