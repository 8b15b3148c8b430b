import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleFiles, writeOutput } from '../../generator/emit/write.js';
import { writeFiles } from '../support/schemas.js';

/** The files under a folder, path → text. */
function contents(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => [relative(dir, f), readFileSync(f, 'utf8')]),
  );
}

describe('writeOutput', () => {
  it('replaces the folder whole: files not generated any more go, and nothing is left beside it', async () => {
    const root = await writeFiles({});
    const out = join(root, 'generated');
    mkdirSync(join(out, 'ews'), { recursive: true });
    writeFileSync(join(out, 'ews/stale.ts'), 'old\n');
    await writeOutput(out, [
      { path: 'ews/index.ts', text: 'export {};\n' },
      { path: 'runtime/a.ts', text: 'a\n' },
    ]);
    expect(contents(out)).toEqual({ 'ews/index.ts': 'export {};\n', 'runtime/a.ts': 'a\n' });
    expect(readdirSync(root)).toEqual(['generated']);
  });

  it('leaves the previous output exactly as it was when a write fails, and no temporary folder', async () => {
    const root = await writeFiles({});
    const out = join(root, 'generated');
    await writeOutput(out, [{ path: 'ews/index.ts', text: 'before\n' }]);
    // A file and a folder of the same name cannot both be written: the second write fails.
    const failing = writeOutput(out, [
      { path: 'ews/index.ts', text: 'after\n' },
      { path: 'ews/index.ts/x.ts', text: 'x\n' },
    ]);
    await expect(failing).rejects.toThrow();
    expect(contents(out)).toEqual({ 'ews/index.ts': 'before\n' });
    expect(readdirSync(root)).toEqual(['generated']);
  });
});

describe('staleFiles', () => {
  it('names what differs, what is missing and what is not generated any more, sorted', async () => {
    const out = await writeFiles({ 'a.ts': 'same\n', 'b.ts': 'old\n', 'gone.ts': 'x\n' });
    const files = [
      { path: 'a.ts', text: 'same\n' },
      { path: 'b.ts', text: 'new\n' },
      { path: 'new/c.ts', text: 'c\n' },
    ];
    expect(await staleFiles(out, files)).toEqual([
      'b.ts (differs)',
      'gone.ts (not generated any more)',
      'new/c.ts (missing)',
    ]);
    expect(await staleFiles(join(out, 'absent'), [])).toEqual([]);
  });
});
