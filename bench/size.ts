/**
 * npm run bench:size — what an application's bundle of the SDK weighs (esbuild, --bundle
 * --minify, ES module, saxes external): importing one operation's request and response classes,
 * and the whole client with the HTTP transport. Sizes are deterministic for the same sources
 * and esbuild version. The last line is one JSON object, for tracking over time.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '../..');

const entries: Record<string, string> = {
  'one operation (DisconnectPhoneCallRequest + Response)': `import { DisconnectPhoneCallRequest, DisconnectPhoneCallResponse } from './generated/ews/operations.js';
console.log(new DisconnectPhoneCallRequest({ PhoneCallId: { Id: 'x' } }).toEnvelope(), DisconnectPhoneCallResponse.fromEnvelope);`,
  'the whole client and httpTransport': `import { EwsClient } from './generated/ews/client.js';
import { httpTransport } from './generated/runtime/index.js';
console.log(new EwsClient(httpTransport({ url: 'https://x/EWS/Exchange.asmx' })));`,
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const figures: Record<string, { minified: number; gzipped: number }> = {};
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['saxes'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  figures[name] = { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  console.log(`${name}: ${kb(code.length)} minified, ${kb(figures[name]!.gzipped)} gzipped`);
}
console.log(JSON.stringify({ bundleSize: figures }));
