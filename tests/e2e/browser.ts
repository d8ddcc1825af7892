import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WorkbenchService } from '../../electron/backend/service';
import { staleInput } from '../../electron/build/bundle-inputs.mjs';
import { startHost, type RunningHost } from '../../electron/host/http';
import { repoRoot, spawnCli, waitForLine } from '../helpers/cli';
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

const npmBuild = 'run npm run build (npm test does)';

/**
 * A built bundle that is the current sources, or an error saying how to rebuild it: the tests never
 * pass against a renderer or command line older than the code they are meant to check.
 */
function currentBundle(dir: string, entry: string, rebuild: string): string {
  const stale = fs.existsSync(path.join(dir, entry)) ? staleInput(repoRoot, dir) : 'missing';
  if (stale === 'missing') throw new Error(`${dir} is not built: ${rebuild}.`);
  if (stale !== null) throw new Error(`${dir} is older than ${stale}: ${rebuild}.`);
  return dir;
}

/** dist/renderer, or WORKBENCH_RENDERER_DIR (a build made with `vite build --outDir DIR`); never a stale one. */
export function rendererDir(): string {
  const dir = process.env.WORKBENCH_RENDERER_DIR;
  return dir ? currentBundle(dir, 'index.html', `vite build --outDir ${dir}`) : currentBundle(path.join(repoRoot, 'dist', 'renderer'), 'index.html', npmBuild);
}

export interface BuiltHost {
  url: string;
  close(): Promise<void>;
}

/**
 * Throws unless the command line in dist-cli/ and the renderer in dist/renderer are built from the
 * current sources. Call it before running `workbench` in any other way: the command rebuilds a stale
 * bundle of its own before it runs.
 */
export function checkBuiltBundles(): void {
  currentBundle(path.join(repoRoot, 'dist-cli'), 'workbench.mjs', npmBuild);
  currentBundle(path.join(repoRoot, 'dist', 'renderer'), 'index.html', npmBuild);
}

/**
 * `workbench serve` as users run it: the command line built into dist-cli/ serving dist/renderer, in
 * its own process. Call `checkBuiltBundles` first: this runs whatever is built.
 */
export async function startBuiltHost(dataDir: string, workspace: string): Promise<BuiltHost> {
  const child = spawnCli(['serve', '--port', '0', '--no-open', '--workspace', workspace], dataDir);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const { match } = await waitForLine(child, /http:\/\/127\.0\.0\.1:\d+\/\S*/);
    return {
      url: match[0],
      async close() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
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

/**
 * A cell of the scenario sheet (`assumptions-grid`), found however far down its row is. The sheet's
 * rows grow with their text, so AG Grid renders only those near the viewport, some time after a
 * scroll on a slow machine, and moves them while it measures their heights: each step waits for the
 * cell a little, and a cell is returned once it has stayed in place for a moment.
 */
export async function sheetCell(page: Page, rowId: string, col = 'value') {
  const grid = page.getByTestId('assumptions-grid');
  const cell = grid.locator(`.ag-row[row-id="${rowId}"]`).locator(`[col-id=${col}]`);
  const viewport = grid.locator('.ag-grid-viewport');
  const appears = (timeout: number) => cell.first().waitFor({ state: 'attached', timeout }).then(() => true, () => false);
  const settled = async () => (await appears(500)) && (await page.waitForTimeout(200), await appears(50));
  for (let pass = 0; pass < 3; pass += 1) {
    if (await settled()) return cell;
    for (let top = 0; ; top += 200) {
      const reached = await viewport.evaluate((el, y) => {
        el.scrollTo(0, y);
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      }, top);
      if (await appears(reached ? 5_000 : 250)) break;
      if (reached) break;
    }
  }
  if (await settled()) return cell;
  throw new Error(`no cell ${col} of row ${rowId} in the scenario sheet`);
}
