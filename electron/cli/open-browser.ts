import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function onPath(command: string): string | undefined {
  const finder = process.platform === 'win32' ? 'where' : 'which';
  const found = spawnSync(finder, [command], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.split(/\r?\n/)[0]?.trim() || undefined : undefined;
}

/** A Chromium-family browser that can open an `--app` window, if one is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.WORKBENCH_BROWSER && fs.existsSync(env.WORKBENCH_BROWSER)) return env.WORKBENCH_BROWSER;
  if (process.platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const files = ['Google/Chrome/Application/chrome.exe', 'Microsoft/Edge/Application/msedge.exe', 'Chromium/Application/chrome.exe'];
    for (const root of roots) for (const file of files) if (fs.existsSync(path.join(root, file))) return path.join(root, file);
    return undefined;
  }
  if (process.platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    return apps.map((a) => `/Applications/${a}`).find((p) => fs.existsSync(p));
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Opens the UI in an app window of a local Chromium/Chrome/Edge, else the default browser. */
export function openInBrowser(url: string, profileDir: string): 'app-window' | 'default-browser' | 'none' {
  if (!hasDisplay()) return 'none';
  const chromium = findChromium();
  if (chromium) {
    spawn(chromium, [`--app=${url}`, `--user-data-dir=${profileDir}`, '--no-first-run', '--no-default-browser-check'], {
      detached: true,
      stdio: 'ignore',
    }).unref();
    return 'app-window';
  }
  const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  spawn(opener[0] as string, opener[1] as string[], { detached: true, stdio: 'ignore' }).unref();
  return 'default-browser';
}
