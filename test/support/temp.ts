import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Temporary folders of the tests: each is made here and removed after the test file that made
 * it (test/support/setup.ts), so that a test run leaves nothing behind (global-setup.ts checks).
 */
const made: string[] = [];

/** A new folder `ews-codegen-<what>-XXXXXX` in the system temp folder, removed after the test file. */
export function tempDir(what: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ews-codegen-${what}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
