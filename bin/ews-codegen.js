#!/usr/bin/env node
// The CLI runs from the compiled generator in dist/ (built by `npm ci` through `prepare`): from
// its one-file bundle (build:generator), which loads in a fifth of the time of the modules it is
// made of (40 against 165-190 ms: handlebars alone is some forty files), else from those.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A run is short (a second or two) and its hot code is spread over many functions: V8's default
// eagerness to optimize spends more on optimizing (on the second core, and in deoptimizations)
// than it wins back before the process ends. Optimizing later saves a fifth of the wall time of
// `generate --versions --changelogs` (1.5-1.6 s against 1.7-2.0, alternating runs) and a third of
// its CPU time; 800,000 and 4,000,000 did worse than 1,500,000.
setFlagsFromString('--interrupt-budget=1500000');

const entry = ['../dist/generator/cli.bundle.mjs', '../dist/generator/cli.js']
  .map((path) => new URL(path, import.meta.url))
  .find((url) => existsSync(url));
if (!entry) {
  process.stderr.write('ews-codegen: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
