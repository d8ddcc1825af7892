#!/usr/bin/env node
// The `workbench` command: runs the CLI built into dist-cli/ by `npm install` (electron/build/cli-bundle.mjs),
// so no TypeScript is compiled at run time. A bundle older than any source it was built from (a
// developer editing) is never run silently: this says so in one line and rebuilds it first.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist-cli');

/** Why the bundle cannot run as it is ('missing' or the first source newer than it), or null. */
function staleness() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, 'inputs.json'), 'utf8'));
  } catch {
    return 'missing';
  }
  for (const input of manifest.inputs) {
    const file = join(root, input);
    if (!existsSync(file)) return input;
    if (statSync(file).mtimeMs > manifest.builtAt) return input;
  }
  return existsSync(join(dist, 'workbench.mjs')) ? null : 'missing';
}

const stale = staleness();
if (stale !== null) {
  process.stderr.write(
    stale === 'missing' ? 'workbench: building the command line (dist-cli/)…\n' : `workbench: ${stale} changed since the last build; rebuilding dist-cli/…\n`,
  );
  const { buildCli } = await import('../build/cli-bundle.mjs');
  await buildCli();
}
await import('../../dist-cli/workbench.mjs');
