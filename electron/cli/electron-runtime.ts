import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir(): string | undefined {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * The Electron executable if its runtime is installed. Reads the package's `path.txt` directly:
 * loading the electron package's main module would start a download, which hangs or fails offline.
 */
export function findElectronRuntime(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return fs.existsSync(candidate) ? candidate : undefined;
  }
  if (!relative) return undefined;
  const binary = path.join(dir, 'dist', relative);
  return fs.existsSync(binary) ? binary : undefined;
}

/** One bounded attempt to fetch the runtime (Electron 45+ fetches on first launch). */
export function tryFetchElectronRuntime(timeoutMs: number): string | undefined {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: timeoutMs, killSignal: 'SIGKILL' });
  return findElectronRuntime();
}
