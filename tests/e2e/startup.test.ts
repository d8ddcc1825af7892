// Start-up as users run it (issue #16): `workbench serve` from the built command line (dist-cli/)
// serving the built renderer (dist/renderer), in its own process; the tests fail when either bundle
// is missing or older than its sources. The first screen loads neither AG Grid nor ECharts, and the
// workspace file is checked in the background once it is up, with damage said plainly.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { checkBuiltBundles, launchChromium, startBuiltHost, type BuiltHost } from './browser';

/** Without a grid or chart library (each over 1 MB), the first screen's scripts come to about 0.5 MB. */
const FIRST_SCREEN_SCRIPT_BYTES = 1_000_000;

let browser: Browser;

beforeAll(async () => {
  // Before `workbench init` below, which would rebuild a stale command line itself.
  checkBuiltBundles();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A seeded workspace made by `workbench init`, in its own data folder. */
function newWorkspace(): { dataDir: string; file: string } {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'ws.sqlite');
  const init = runCli(['init', file], dataDir);
  expect(init.status, init.stderr).toBe(0);
  return { dataDir, file };
}

async function open(host: BuiltHost, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${host.url}${hash}`);
  return { page, errors };
}

const scriptBytes = (page: Page) =>
  page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js')).reduce((n, r) => n + r.decodedBodySize, 0),
  );

describe('the built host', () => {
  let host: BuiltHost;

  beforeAll(async () => {
    const { dataDir, file } = newWorkspace();
    host = await startBuiltHost(dataDir, file);
  });

  afterAll(async () => {
    await host?.close();
  });

  it('shows the overview with the side navigation, loading no grid or chart library for it', async () => {
    const { page, errors } = await open(host);
    await expect.poll(() => page.locator('nav[aria-label=main] a').allTextContents()).toEqual(['总览', '数据', '情景', '图表', '目标']);
    await expect.poll(() => page.locator('.overview-statement[data-code="A1"]').textContent(), { timeout: 10_000 }).toContain('按信通院广义口径已实现');
    const firstScreen = await scriptBytes(page);
    expect(firstScreen).toBeLessThan(FIRST_SCREEN_SCRIPT_BYTES);

    // The grid and the charts come with the pages that draw them, through the host and its CSP.
    await page.locator('nav a', { hasText: '数据' }).click();
    await expect.poll(() => page.getByTestId('observations-grid').locator('.ag-row').first().textContent(), { timeout: 10_000 }).toContain('地区生产总值');
    await page.locator('nav a', { hasText: '情景' }).click();
    await expect.poll(() => page.getByTestId('chart-trajectory').locator('svg').count(), { timeout: 10_000 }).toBe(1);
    expect(await scriptBytes(page)).toBeGreaterThan(firstScreen + 2 * FIRST_SCREEN_SCRIPT_BYTES);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('opens the page the address names directly', async () => {
    const { page, errors } = await open(host, '#/targets');
    await expect.poll(() => page.locator('[data-testid=monitor-table] tr[data-code="A1"]').textContent(), { timeout: 10_000 }).toContain('1万亿元');
    expect(await page.locator('nav a[aria-current=page]').textContent()).toBe('目标');
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('checks the workspace file in the background after the first screen and says it is sound', async () => {
    const { page, errors } = await open(host);
    const status = page.getByTestId('integrity');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
    expect(await status.textContent()).toBe('工作区文件检查无误');
    expect(await page.getByTestId('integrity-alert').count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });
});

describe('a damaged workspace', () => {
  let host: BuiltHost;
  let file: string;

  beforeAll(async () => {
    const made = newWorkspace();
    file = made.file;
    // A table no screen reads, its root page scribbled over: the app opens and works as far as it
    // can; only a check that reads every page finds the damage.
    const db = new Database(file);
    db.exec(`CREATE TABLE padding (id INTEGER PRIMARY KEY, text TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO padding SELECT i, printf('%0500d', i) FROM n;`);
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'padding'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (root - 1) * pageSize + 12);
    fs.closeSync(fd);
    host = await startBuiltHost(made.dataDir, file);
  });

  afterAll(async () => {
    await host?.close();
  });

  it('opens, then says the file is damaged, what to do, and what SQLite found', async () => {
    const { page } = await open(host);
    await expect.poll(() => page.locator('.overview-statement[data-code="A1"]').count(), { timeout: 10_000 }).toBe(1);
    const alert = page.getByTestId('integrity-alert');
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain(`工作区文件已损坏：${file}。`);
    expect(await alert.textContent()).toContain('先从备份恢复');
    expect(await alert.locator('li').first().textContent()).toMatch(/malformed|page|Tree/i);
    expect(await page.getByTestId('integrity').getAttribute('data-state')).toBe('damaged');
    await page.close();
  });
});
