import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WorkbenchService } from '../../electron/backend/service';
import { startHost, type RunningHost } from '../../electron/host/http';
import { repoRoot } from '../helpers/cli';
import { tempService } from '../helpers/temp';

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

export interface AppSession {
  service: WorkbenchService;
  host: RunningHost;
  browser: Browser;
  page: Page;
  /** Page errors, console errors and HTTP answers of 400 or more, for a test to assert empty. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The app in browser mode on a fresh temporary workspace, opened in real Chromium. */
export async function openApp(viewport = { width: 1280, height: 760 }): Promise<AppSession> {
  const service = tempService().service;
  const host = await startHost({ service, staticDir: rendererDir() });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
  return {
    service,
    host,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await host.close();
      service.close();
    },
  };
}
