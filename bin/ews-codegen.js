#!/usr/bin/env node
// The CLI runs from the compiled generator in dist/ (built by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/generator/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('ews-codegen: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
