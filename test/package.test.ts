import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAIN_SET, SHARED_EWS } from './support/schemas.js';
import { tempDir } from './support/temp.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const dir = tempDir('pack');

/**
 * The package as a user gets it: `npm pack` (of the dist/ that `npm test` built: its prepack
 * build would rewrite dist/ under the other tests), then `npm install` of the tarball into an
 * empty project, and the generator run there through npx, with options and with a config file.
 */
describe('the npm package', () => {
  it('packs the compiled generator, templates and runtime (no tests, snapshots or benches), installs and generates', async () => {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const [pack] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const paths = pack!.files.map((f) => f.path);
    expect(paths).toContain('dist/generator/cli.js');
    expect(paths).toContain('templates/runtime/transport/http.ts');
    expect(paths).toContain('schemas/um/um.xsd');
    expect(paths).toContain('schemas/autodiscover/autodiscover.wsdl');
    expect(paths).toContain('LICENSE');
    expect(paths.filter((p) => /^(test|bench|dist\/bench|dist\/test|generated)\//.test(p) || p.includes('snapshots'))).toEqual([]);

    const project = join(dir, 'project');
    await run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '-D', join(dir, pack!.filename)], { cwd: project });
    const installed = JSON.parse((await run('npm', ['ls', '--json', '--all'], { cwd: project })).stdout) as { dependencies: Record<string, { dependencies?: Record<string, unknown> }> };
    expect(Object.keys(installed.dependencies['ews-codegen']!.dependencies ?? {}).sort()).toEqual(['handlebars', 'saxes']);

    const generated = await run('npx', ['ews-codegen', 'generate', '--versions', '--schemas', join(SHARED_EWS, MAIN_SET), '--out', 'src/ews'], { cwd: project });
    // As many files as the committed generated/ holds (the same schemas, the published sets beside them read).
    const files = readdirSync(join(ROOT, 'generated'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(generated.stderr).toContain(`wrote ${files} files to src/ews/`);
    expect(readdirSync(join(project, 'src/ews')).sort()).toEqual(readdirSync(join(ROOT, 'generated')).sort());

    writeFileSync(join(project, 'ews-codegen.config.json'), JSON.stringify({ schemas: join(SHARED_EWS, MAIN_SET), out: 'sdk', versions: true }));
    const configured = await run('npx', ['ews-codegen', 'generate'], { cwd: project });
    expect(configured.stderr).toMatch(new RegExp(`wrote ${files} files to .*sdk/`));
    expect(existsSync(join(project, 'sdk/ews/client.ts'))).toBe(true);

    writeFileSync(join(project, 'ews-codegen.config.json'), JSON.stringify({ schemas: 'x', operation: ['FindItem'] }));
    const wrong = await run('npx', ['ews-codegen', 'generate'], { cwd: project }).catch((e: { code: number; stderr: string }) => e);
    expect((wrong as { code: number }).code).toBe(1);
    expect((wrong as { stderr: string }).stderr).toBe('ews-codegen: ews-codegen.config.json: unknown option "operation" (known: schemas, out, allowHttp, operations, schemaVersion, versions)\n');
  }, 180_000);
});
