import os from 'node:os';
import path from 'node:path';

export const appDirName = 'digital-economy-workbench';

/**
 * The platform's per-user data directory for the workbench (browser mode and CLI; Electron passes
 * its own `userData`). WORKBENCH_DATA_DIR overrides it, which tests use for isolation.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WORKBENCH_DATA_DIR) return path.resolve(env.WORKBENCH_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appDirName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appDirName);
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), appDirName);
}

export function defaultWorkspacePath(dataDir: string): string {
  return path.join(dataDir, 'workspaces', 'default.sqlite');
}

/** A bare name becomes `<dataDir>/workspaces/<name>.sqlite`; anything with a separator is a path. */
export function workspacePathFor(dataDir: string, nameOrPath: string): string {
  if (/[\\/]/.test(nameOrPath)) return path.resolve(nameOrPath);
  const file = /\.(sqlite|db|wbk)$/i.test(nameOrPath) ? nameOrPath : `${nameOrPath}.sqlite`;
  return path.join(dataDir, 'workspaces', file);
}
