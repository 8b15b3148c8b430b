import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { OutputFile } from './render.js';

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes the whole output into a fresh folder beside `out`, then swaps it in with two renames:
 * a run that fails before the swap leaves the previous output exactly as it was.
 */
export async function writeOutput(out: string, files: OutputFile[]): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = `${out}.tmp-${stamp}`;
  const old = `${out}.old-${stamp}`;
  try {
    for (const f of files) {
      const path = join(temp, f.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.text);
    }
    await mkdir(temp, { recursive: true });
    let hadOld = true;
    await rename(out, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
      hadOld = false;
    });
    await rename(temp, out);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The files of `out` that differ from what generation would write: changed, missing or extra. */
export async function staleFiles(out: string, files: OutputFile[]): Promise<string[]> {
  const expected = new Map(files.map((f) => [f.path, f.text]));
  const stale: string[] = [];
  for (const path of await listFiles(out)) {
    const want = expected.get(path);
    if (want === undefined) stale.push(`${path} (not generated any more)`);
    else if ((await readFile(join(out, path), 'utf8')) !== want) stale.push(`${path} (differs)`);
    expected.delete(path);
  }
  for (const path of expected.keys()) stale.push(`${path} (missing)`);
  return stale.sort();
}
