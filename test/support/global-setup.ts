import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** The whole run must leave no `ews-codegen-*` folder behind in the system temp folder. */
export default function setup(): () => void {
  const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith('ews-codegen-'));
  const before = new Set(ours());
  return () => {
    const left = ours().filter((f) => !before.has(f));
    if (!left.length) return;
    // A throw here is only logged by vitest ("error during close"); the exit code is what CI sees.
    process.stderr.write(`the tests left ${left.length} temporary folders behind: ${left.slice(0, 5).join(', ')}\n`);
    process.exitCode = 1;
  };
}
