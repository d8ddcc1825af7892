import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../electron/backend/service';
import type { RunningHost } from '../../electron/host/http';
import { repoRoot } from '../helpers/cli';
import { openApp, type AppSession } from './browser';

let app: AppSession;
let host: RunningHost;
let service: WorkbenchService;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 760 });
  ({ host, service, page, pageErrors } = app);
  page.on('response', (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
});

afterAll(async () => {
  await app?.close();
});

describe('app shell in Chromium', () => {
  it('loads in Chinese with the side navigation and the workspace in the status line', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.locator('nav[aria-label=main] a').allTextContents()).toEqual(['总览', '数据', '情景', '图表', '目标']);
    await expect.poll(() => page.getByTestId('statusline').textContent()).toContain(service.workspace.path);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('shows the trillion-yuan target in the targets monitor', async () => {
    await page.locator('nav a', { hasText: '目标' }).click();
    const a1 = page.locator('[data-testid=monitor-table] tr[data-code="A1"]');
    await expect.poll(() => a1.textContent()).toContain('数字经济总量达到万亿级规模');
    expect(await a1.textContent()).toContain('1万亿元');
    expect(await page.locator('[data-testid=monitor-table] tbody tr').count()).toBeGreaterThanOrEqual(17);
    if (process.env.WORKBENCH_SCREENSHOTS) await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot-targets.png') });
  });

  it('switches to English and remembers it after a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('nav[aria-label=main] a').allTextContents()).toEqual(['Overview', 'Data', 'Scenarios', 'Charts', 'Targets']);
    await expect.poll(() => page.locator('[data-testid=monitor-table] tr[data-code="A1"]').textContent()).toContain('trillion-yuan');
    await page.reload();
    await expect.poll(() => page.locator('nav[aria-label=main] a').first().textContent()).toBe('Overview');
    expect(service.language).toBe('en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('nav[aria-label=main] a').first().textContent()).toBe('总览');
  });

  it('has no dead links: each page says what it holds', async () => {
    for (const [name, heading] of [['图表', '简报图表']] as const) {
      await page.locator('nav a', { hasText: name }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
    }
  });

  it('pages the seeded observations from SQLite and sorts them there', async () => {
    await page.locator('nav a', { hasText: '数据' }).click();
    const grid = page.getByTestId('observations-grid');
    await expect.poll(() => grid.locator('.ag-row').first().textContent()).toContain('地区生产总值');
    expect(await grid.textContent()).toContain('25,002.79');
    // Two clicks on the value header: descending, computed by the backend over every row.
    const header = grid.locator('.ag-header-cell[col-id="value"] .ag-header-cell-label');
    await header.click();
    await header.click();
    const largest = (service.db.prepare('SELECT max(value) AS v FROM observations').get() as { v: number }).v;
    await expect.poll(() => grid.locator('.ag-row[row-index="0"] [col-id="value"]').textContent()).toBe(largest.toLocaleString('en-US', { maximumFractionDigits: 4 }));
  });

  it('projects the baseline scenario against the 2022 targets and switches scenarios', async () => {
    await page.locator('nav a', { hasText: '情景' }).click();
    await expect.poll(() => page.getByTestId('scenario-summary').textContent()).toMatch(/^按基准情景/);
    const rows = page.getByTestId('scenario-targets').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.first().textContent()).toContain('万亿级规模');
    expect(await page.getByTestId('chart-trajectory').locator('svg').count()).toBe(1);
    await page.getByRole('button', { name: /^加速/ }).click();
    await expect.poll(() => page.getByTestId('scenario-summary').textContent()).toMatch(/^按加速情景/);
  });

  it('creates a new workspace from the dialog and shows it in the status line', async () => {
    await page.getByRole('button', { name: '切换工作区' }).click();
    await page.getByPlaceholder('名称或文件路径').fill('第二个项目');
    await page.locator('.ws-form', { hasText: '新建工作区' }).getByRole('button').click();
    await expect.poll(() => page.getByTestId('statusline').textContent()).toContain('第二个项目.sqlite');
    expect(service.workspace.path).toMatch(/第二个项目\.sqlite$/);
  });

  it('raised no page errors', () => {
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });
});
