import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../helpers/cli';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Real Chromium from the system (Debian package `chromium`). A missing browser fails the run with
 * a clear message: end-to-end tests never skip themselves.
 */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...candidates].find((p): p is string => Boolean(p && fs.existsSync(p)));
  if (!found) {
    throw new Error('No Chromium found for the end-to-end tests: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

/** dist/renderer, or WORKBENCH_RENDERER_DIR (a build made with `vite build --outDir DIR`). */
export function rendererDir(): string {
  const dir = process.env.WORKBENCH_RENDERER_DIR ?? path.join(repoRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error('The renderer is not built: run npm run build (npm test does).');
  return dir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
