// A worker thread started from the TypeScript sources (the CLI and browser mode run under tsx, and so
// do the tests) would have to register tsx inside the thread: about 90 ms per start, since its loader
// hooks run in a thread of their own, before the first module loads. Instead the worker's entry is
// bundled with esbuild into one CommonJS file under node_modules/.cache/workbench/, rebuilt whenever
// the content of any of its sources changes, and the thread starts from that file in about 20 ms.
// Packages stay external and resolve from the project's node_modules, as in the Electron build.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as Esbuild from 'esbuild';

interface Manifest {
  /** Absolute paths of every source the bundle was built from. */
  inputs: string[];
  hash: string;
}

function contentHash(files: readonly string[]): string | null {
  const h = createHash('sha256');
  try {
    for (const f of files) {
      h.update(f);
      h.update(readFileSync(f));
    }
  } catch {
    return null;
  }
  return h.digest('hex');
}

/** Write through a temporary name and rename, so a reader never sees half a file. */
function writeAtomically(path: string, text: string): void {
  const partial = `${path}.${randomBytes(6).toString('hex')}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

function readManifest(path: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    return Array.isArray(m.inputs) && typeof m.hash === 'string' ? { inputs: m.inputs.map(String), hash: m.hash } : null;
  } catch {
    return null;
  }
}

/**
 * The path of a bundled copy of the worker entry `entry` (a .ts file), built or reused; null when
 * esbuild is missing or the cache cannot be written, and the caller starts the worker another way.
 */
export function bundledWorker(entry: string, name: string): string | null {
  const require = createRequire(import.meta.url);
  let esbuild: typeof Esbuild;
  let cacheDir: string;
  try {
    cacheDir = join(dirname(dirname(require.resolve('esbuild/package.json'))), '.cache', 'workbench');
    esbuild = require('esbuild') as typeof Esbuild;
  } catch {
    return null;
  }
  const out = join(cacheDir, `${name}.cjs`);
  const manifestPath = `${out}.json`;
  const known = readManifest(manifestPath);
  if (known && existsSync(out) && known.inputs.includes(entry) && contentHash(known.inputs) === known.hash) return out;
  try {
    const workingDir = dirname(entry);
    const built = esbuild.buildSync({
      entryPoints: [entry],
      absWorkingDir: workingDir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(built.metafile.inputs).map((p) => resolve(workingDir, p));
    const hash = contentHash(inputs);
    const code = built.outputFiles[0]?.text;
    if (!hash || code === undefined) return null;
    mkdirSync(cacheDir, { recursive: true });
    writeAtomically(out, code);
    writeAtomically(manifestPath, JSON.stringify({ inputs, hash } satisfies Manifest));
    return out;
  } catch {
    return null;
  }
}
