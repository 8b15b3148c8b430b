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
    // All at once: each file is a round trip to libuv's threads, and one after the other the
    // process mostly waited (60 of the 1,450 ms of generate --versions --changelogs). Settled
    // before anything is thrown, so that the cleanup below runs after the last write.
    await mkdir(temp, { recursive: true });
    await settle([...new Set(files.map((f) => dirname(join(temp, f.path))))].map((d) => mkdir(d, { recursive: true })));
    await settle(files.map((f) => writeFile(join(temp, f.path), f.text)));
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
  const present = await listFiles(out);
  const texts = await settle(present.map((path) => (expected.has(path) ? readFile(join(out, path), 'utf8') : undefined)));
  present.forEach((path, i) => {
    const want = expected.get(path);
    if (want === undefined) stale.push(`${path} (not generated any more)`);
    else if (texts[i] !== want) stale.push(`${path} (differs)`);
    expected.delete(path);
  });
  for (const path of expected.keys()) stale.push(`${path} (missing)`);
  return stale.sort();
}

/** Promise.all that waits for every promise before it throws the first failure. */
async function settle<T>(work: (T | Promise<T>)[]): Promise<T[]> {
  const done = await Promise.allSettled(work);
  for (const d of done) if (d.status === 'rejected') throw d.reason;
  return done.map((d) => (d as PromiseFulfilledResult<T>).value);
}
