import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutNoCheck } from '../../generator/emit/helpers/no-check.js';
import { docExamples } from '../support/docs.js';
import { writeFiles } from '../support/schemas.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Users copy generated/ into their own repositories. Here it goes alone into an empty project
 * with no dependencies at all (no node_modules: the SDK tokenizes XML itself), compiles under
 * strict settings without skipLibCheck and without @types/node, and runs one request and
 * response through a client over a stub transport, in an ES module project and in a CommonJS
 * one.
 */
describe('generated/ as a vendored SDK', () => {
  it.each([
    ['an ES module project', 'module'],
    ['a CommonJS project', 'commonjs'],
  ] as const)('compiles and runs in %s with nothing installed', async (_, type) => {
    const response = docExamples(/^disconnectphonecall-operation\.md$/)[1]!.xml;
    const dir = await writeFiles({
      'package.json': JSON.stringify({ type, private: true }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: [], outDir: 'dist', rootDir: '.' },
        include: ['main.ts', 'sdk'],
      }),
      // No top-level await: CommonJS has none.
      'main.ts': `import { DisconnectPhoneCallRequest, EwsClient } from './sdk/ews/index.js';

const response = ${JSON.stringify(response)};
const sent: string[] = [];
const client = new EwsClient(async (envelope) => {
  sent.push(envelope);
  return response;
}, { headers: { RequestServerVersion: { Version: 'Exchange2016' } } });
void client.disconnectPhoneCall(new DisconnectPhoneCallRequest({ PhoneCallId: { Id: 'OWVl4NWb3N29t' } })).then((result) => {
  console.log(JSON.stringify({ sent: sent[0], code: result.body.ResponseCode, version: result.headers.ServerVersionInfo?.Version }));
});
`,
    });
    cpSync(join(ROOT, 'generated'), join(dir, 'sdk'), { recursive: true });
    // Checked in full under this project's settings: the `// @ts-nocheck` that spares a user's
    // build the SDK's code modules would also hide what these settings refuse (CommonJS refuses
    // import.meta, TS1470), so it goes.
    for (const f of readdirSync(join(dir, 'sdk'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const file = join(dir, 'sdk', f);
      writeFileSync(file, withoutNoCheck(readFileSync(file, 'utf8')));
    }
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: dir, stdio: 'pipe' });
    const out = JSON.parse(execFileSync(process.execPath, [join(dir, 'dist/main.js')], { cwd: dir, encoding: 'utf8' }));
    expect(out.code).toBe('NoError');
    expect(out.version).toBe('Exchange2010');
    expect(out.sent).toContain('<t:RequestServerVersion Version="Exchange2016"/>');
    expect(out.sent).toContain('<m:DisconnectPhoneCall><m:PhoneCallId Id="OWVl4NWb3N29t"/></m:DisconnectPhoneCall>');
    // Nothing in the SDK imports or requires anything but itself.
    const imports = spawnSync('grep', ['-rhoE', "from '[^.][^']*'|require\\(", join(dir, 'sdk')], { encoding: 'utf8' });
    expect(imports.stdout).toBe('');
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });
});
