// What a built bundle was built from, and the one rule for when it is stale. Each build writes
// inputs.json beside its output: the time it started and the source files it read (repo-relative).
// A source changed after that time, or gone, makes the bundle stale: `workbench` rebuilds its own
// (electron/cli/workbench.mjs), and the end-to-end tests refuse to run against one.
import fs from 'node:fs';
import path from 'node:path';

export const INPUTS_FILE = 'inputs.json';

/** Writes `dir/inputs.json` for a build that started at `builtAt` (ms) and read `inputs`. */
export function writeInputs(dir, builtAt, inputs) {
  fs.writeFileSync(path.join(dir, INPUTS_FILE), JSON.stringify({ builtAt, inputs: [...new Set(inputs)].sort() }, null, 1));
}

/** Why the bundle in `dir` is not the sources under `root`: 'missing', or the first source changed since; null when current. */
export function staleInput(root, dir) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, INPUTS_FILE), 'utf8'));
  } catch {
    return 'missing';
  }
  for (const input of manifest.inputs) {
    const file = path.join(root, input);
    if (!fs.existsSync(file) || fs.statSync(file).mtimeMs > manifest.builtAt) return input;
  }
  return null;
}
