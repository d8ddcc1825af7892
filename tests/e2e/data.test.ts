import fs from 'node:fs';
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
const sample = path.join(repoRoot, 'data', 'sample', 'gdp-portal-gbk.csv');
/** Screenshots of a scratch run go here when WORKBENCH_SCREENSHOT_DIR names a folder. */
const shots = process.env.WORKBENCH_SCREENSHOT_DIR;

async function shot(name: string): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `data-${name}.png`), fullPage: true });
}

/** Files in the data folder's staging area (uploads waiting for a preview or a commit). */
function stagedFiles(): string[] {
  const dir = path.join(service.env.dataDir, 'staging');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** A long-layout CSV of `rows` new observations beside the workspace. */
function bigCsv(name: string, rows: number): string {
  const file = path.join(path.dirname(service.workspace.path), name);
  const lines = ['指标,地区,时期,数值,单位'];
  // 200 indicators × 50 regions per quarter: up to 3M rows stay within 1900-1974.
  for (let i = 0; i < rows; i++) lines.push(`指标${i % 200},地区${Math.floor(i / 200) % 50},${1900 + Math.floor(i / 40_000)}Q${(Math.floor(i / 10_000) % 4) + 1},${i}.5,亿元`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function count(sql: string, ...params: unknown[]): number {
  return (service.db.prepare(sql).pluck().get(...params) as number) ?? 0;
}

/** Opens a column's value-list filter from its header. */
async function openFilter(colId: string) {
  const header = page.locator(`[data-testid=observations-grid] .ag-header-cell[col-id="${colId}"]`);
  await header.hover();
  await header.locator('.ag-header-cell-filter-button, .ag-header-icon.ag-header-cell-menu-button').first().click();
  const filter = page.getByTestId('value-list-filter');
  await filter.waitFor();
  return filter;
}

beforeAll(async () => {
  app = await openApp({ width: 1360, height: 900 });
  ({ host, service, page, pageErrors } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('Data page in Chromium', () => {
  it('shows each value with its bound, its measure and release, a row’s releases, and the data as known on a date', async () => {
    await page.goto(host.url);
    await page.evaluate(() => {
      window.location.hash = '#/data?indicator=de_scale&region=CQ';
    });
    const grid = page.getByTestId('observations-grid');
    const first = grid.locator('.ag-row[row-index="0"]');
    // "超过1万亿元" is a lower bound, on the CAICT broad measure.
    // The first page of a fresh app can take a couple of seconds on a busy machine.
    await expect.poll(() => grid.locator('.ag-row [col-id="value"]').allTextContents(), { timeout: 10_000 }).toEqual(['≥10,000']);
    expect(await grid.locator('.ag-header-cell[col-id="measure"]').textContent()).toContain('口径');
    expect(await first.locator('[col-id="measure"]').textContent()).toBe('信通院广义口径');
    await shot('bounds');

    const filter = await openFilter('indicator');
    await filter.getByRole('button', { name: '全不选' }).click();
    await filter.getByLabel('地区生产总值 (gdp)').check();
    await filter.getByRole('button', { name: '应用' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => first.locator('[col-id="value"]').textContent()).toBe('21,588.8');
    expect(await first.locator('[col-id="measure"]').textContent()).toBe('统计部门常规口径');
    expect(await first.locator('[col-id="released"]').textContent()).toBe('第四次经济普查修订 · 2020-01-01');
    // 2019's preliminary estimate gives no date: the cell says so, the day it counts from on hover.
    const undated = grid.locator('.ag-row[row-index="1"] [col-id="released"]');
    expect(await undated.textContent()).toBe('初步核算数 · 日期不详');
    await undated.hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5_000 }).toBe('初步核算数 · 日期不详（按2020-03-01起计）');
    await page.mouse.move(0, 0);

    // As known in mid-2019: the first release of 2018, and no 2019 yet. The date reads as typed in
    // Chinese, whatever the browser's locale, and the workspace's release dates are offered.
    const vintage = page.getByTestId('vintage');
    expect(await vintage.getAttribute('placeholder')).toBe('年-月-日');
    const suggestions = page.locator(`datalist[id="${await vintage.getAttribute('list')}"] option`);
    await expect.poll(() => suggestions.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toContain('2023-12-13');
    await vintage.fill('2019年6月');
    expect(await vintage.getAttribute('aria-invalid')).toBe('true');
    await vintage.fill('2019年6月30日');
    expect(await vintage.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => grid.locator('.ag-row [col-id="value"]').allTextContents()).toEqual(['20,363.19']);
    await page.getByRole('button', { name: '回到最新数据' }).click();
    await expect.poll(() => grid.locator('.ag-row').count()).toBe(7);

    await first.getByTestId('open-releases').click();
    const releases = page.getByTestId('releases-panel');
    await expect.poll(() => releases.locator('tbody tr').count()).toBe(2);
    expect((await releases.locator('tbody tr').nth(0).locator('td').allTextContents()).slice(0, 3)).toEqual(['2020-01-01当前', '第四次经济普查修订', '21,588.8 亿元']);
    expect((await releases.locator('tbody tr').nth(1).locator('td').allTextContents()).slice(0, 3)).toEqual(['2019-03-01', '统计公报初步核算数', '20,363.19 亿元']);
    await shot('releases');
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('uploads the GBK portal export and previews it with readable Chinese and the conflicts counted', async () => {
    await page.goto(host.url);
    await page.locator('nav a', { hasText: '数据' }).click();
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(sample);
    // The preview is read as a job; its result fills the panel and the progress goes away.
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByTestId('import-preview-job').count()).toBe(0);
    expect(await page.getByTestId('import-facts').textContent()).toContain('GB18030');
    const raw = await page.getByTestId('import-raw-rows').textContent();
    expect(raw).toContain('指标：地区生产总值(亿元)');
    expect(raw).toContain('重庆市');
    const firstSample = await page.getByTestId('import-sample').locator('tbody tr').first().textContent();
    expect(firstSample).toContain('地区生产总值');
    expect(firstSample).toContain('重庆');
    expect(firstSample).toContain('30145.79');
    expect(await page.getByTestId('import-source-note').textContent()).toContain('数据来源：重庆市统计局');
    // The seeded GDP figures hold all 23 keys that have a figure: shown before commit, and committing is blocked until a choice is made.
    expect(await page.getByTestId('import-conflicts').textContent()).toContain('23');
    // 成都 2022 is blank in the file: counted, and no row is written for it.
    expect(await page.getByTestId('import-counts').textContent()).toContain('可导入的观测值 23');
    expect(await page.getByTestId('import-blank-cells').textContent()).toBe('空单元格 1 个，未写入。');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(count('SELECT count(*) FROM imports')).toBe(1);
    await shot('preview');
  });

  it('commits as a background job and shows the rows in the grid, filtered by a value list', async () => {
    await page.getByLabel('替换为文件中的值').check();
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent(), { timeout: 15_000 }).toContain('已导入 #2');
    expect(await page.getByTestId('import-outcome').textContent()).toMatch(/。空单元格 1 个，未写入。$/);
    expect(count('SELECT count(*) FROM observations WHERE import_id = 2')).toBe(23);
    expect(count("SELECT count(*) FROM observations WHERE region = 'CD' AND period = '2022'")).toBe(0);
    await page.getByTestId('show-imported').click();
    const grid = page.getByTestId('observations-grid');
    await expect.poll(() => grid.locator('.ag-row').count()).toBeGreaterThan(5);

    const filter = await openFilter('importId');
    await expect.poll(() => filter.locator('li').allTextContents()).toEqual(['#1 data/sample/observations.json', '#2 gdp-portal-gbk.csv']);
    await filter.getByRole('button', { name: '全不选' }).click();
    await filter.getByLabel('#2 gdp-portal-gbk.csv').check();
    await filter.getByRole('button', { name: '应用' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => grid.locator('.ag-row').count()).toBe(23);
    const imports = await grid.locator('.ag-row [col-id="importId"]').allTextContents();
    expect(new Set(imports)).toEqual(new Set(['2']));
    await shot('grid');
  });

  it('edits a value, saves it with an audit row, and undoes it', async () => {
    const grid = page.getByTestId('observations-grid');
    const row = grid.locator('.ag-row[row-index="0"]');
    const id = Number(await row.getAttribute('row-id'));
    const before = service.db.prepare('SELECT value FROM observations WHERE id = ?').pluck().get(id) as number;
    await row.locator('[col-id="value"]').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1.5万亿');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('已保存');
    expect(service.db.prepare('SELECT value FROM observations WHERE id = ?').pluck().get(id)).toBe(15000);
    await expect.poll(() => row.locator('[col-id="value"]').textContent()).toBe('15,000');
    expect(count("SELECT count(*) FROM edits WHERE entity = 'observation' AND entity_id = ? AND undone_at IS NULL", String(id))).toBe(1);

    await page.getByTestId('undo-edit').click();
    await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('已撤销修改');
    expect(service.db.prepare('SELECT value FROM observations WHERE id = ?').pluck().get(id)).toBe(before);
    await expect.poll(() => row.locator('[col-id="value"]').textContent()).toBe(before.toLocaleString('en-US', { maximumFractionDigits: 4 }));
  });

  it('refuses an invalid value with a translated message and leaves the row alone', async () => {
    const row = page.locator('[data-testid=observations-grid] .ag-row[row-index="1"]');
    const id = Number(await row.getAttribute('row-id'));
    const before = service.db.prepare('SELECT value FROM observations WHERE id = ?').pluck().get(id);
    const errorsBefore = pageErrors.length;
    await row.locator('[col-id="value"]').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('data-message').textContent()).toBe('无法识别的数值“abc”。');
    expect(service.db.prepare('SELECT value FROM observations WHERE id = ?').pluck().get(id)).toBe(before);
    // The refusal is the API's 422, which Chromium logs: expected here, and nothing else.
    const logged = pageErrors.splice(errorsBefore);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.every((e) => e.includes('422'))).toBe(true);
  });

  it('exports the filtered view to CSV with a BOM', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^观测值-\d{8}-\d{6}\.csv$/);
    const saved = await file.path();
    const bytes = fs.readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('指标');
    expect(lines).toHaveLength(24);
    // The last two columns are the import and the row id: every exported row is one of import #2's.
    expect(new Set(lines.slice(1).map((l) => l.split(',').at(-2)))).toEqual(new Set(['2']));
    expect(lines.some((l) => l.includes('重庆') && l.includes('30145.79'))).toBe(true);
  });

  it('undoes the import from the history: its rows are gone and the replaced seed rows are back', async () => {
    await page.getByTestId('data-tab-history').click();
    const entry = page.locator('[data-testid=import-history] tr[data-import-id="2"]');
    await entry.getByTestId('undo-import').click();
    await entry.getByTestId('confirm-undo-import').click();
    await expect.poll(() => page.getByTestId('history-message').textContent()).toContain('已撤销导入 #2');
    expect(count('SELECT count(*) FROM observations WHERE import_id = 2')).toBe(0);
    expect(count("SELECT count(*) FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2020' AND import_id = 1")).toBe(1);
    await shot('history');

    await page.getByTestId('data-tab-observations').click();
    const filter = await openFilter('importId');
    await expect.poll(() => filter.locator('li').allTextContents()).toEqual(['#1 data/sample/observations.json']);
    await page.keyboard.press('Escape');
  });

  it('an undo takes away the indicator and region its import added, and says so', async () => {
    const file = path.join(path.dirname(service.workspace.path), '万州测试.csv');
    fs.writeFileSync(file, '指标,地区,2020年,2021年\n测试指标,万州区,1,\n测试指标,四川,—,2\n');
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-blank-cells').textContent()).toBe('空单元格 2 个，未写入。');
    expect(await page.getByTestId('import-counts').textContent()).toContain('新指标：测试指标。新地区：万州区。');
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent(), { timeout: 15_000 }).toBe(
      '已导入 #3：写入 2 行（其中替换 0 行），保留原有 0 行，跳过 0 行。空单元格 2 个，未写入。',
    );
    // The new indicator has a readable code; its name stays Chinese.
    expect(service.db.prepare("SELECT code FROM indicators WHERE name_zh = '测试指标'").pluck().get()).toBe('cszb');

    await page.getByTestId('data-tab-history').click();
    const entry = page.locator('[data-testid=import-history] tr[data-import-id="3"]');
    await expect.poll(() => entry.textContent()).toContain('空单元格 2');
    await entry.getByTestId('undo-import').click();
    await entry.getByTestId('confirm-undo-import').click();
    await expect.poll(() => page.getByTestId('history-message').textContent()).toBe(
      '已撤销导入 #3：删除 2 行，恢复被替换的 0 行。同时移除了这次导入新建、已无数据使用的指标：测试指标。同时移除了这次导入新建、已无数据使用的地区：万州区。',
    );
    expect(count("SELECT count(*) FROM indicators WHERE name_zh = '测试指标'")).toBe(0);
    expect(count("SELECT count(*) FROM regions WHERE name_zh = '万州区'")).toBe(0);
    expect(count("SELECT count(*) FROM regions WHERE code = 'SC'")).toBe(1);
    await shot('undo-cleanup');
  });

  it('shows the progress of a large preview and cancels it: back to the file choice, no staged file left', async () => {
    const huge = bigCsv('百万行.csv', 1_000_000);
    await page.getByTestId('data-tab-import').click();
    expect(stagedFiles()).toEqual([]);
    await page.getByTestId('import-file').setInputFiles(huge);
    const job = page.getByTestId('import-preview-job');
    await expect.poll(() => job.getByTestId('import-rate').textContent(), { timeout: 20_000 }).toMatch(/已处理 [1-9][\d,]* 行/);
    const progress = job.getByTestId('job-progress');
    expect(await progress.getAttribute('data-state')).toBe('running');
    expect(await progress.textContent()).toContain('读取并检查文件');
    expect(await page.getByTestId('import-file').isDisabled()).toBe(true);
    expect(stagedFiles()).toHaveLength(1);
    await shot('preview-progress');
    await progress.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByTestId('import-notice').textContent()).toBe('已取消读取，没有导入任何数据。请重新选择文件。');
    expect(await job.count()).toBe(0);
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    expect(await page.getByTestId('import-file').isDisabled()).toBe(false);
    await expect.poll(() => stagedFiles()).toEqual([]);

    // Leaving the tab while a preview is read cancels it the same way.
    await page.getByTestId('import-file').setInputFiles(huge);
    await expect.poll(() => job.getByTestId('import-rate').textContent(), { timeout: 20_000 }).toMatch(/已处理 [1-9][\d,]* 行/);
    await page.getByTestId('data-tab-history').click();
    await expect.poll(() => stagedFiles()).toEqual([]);
    expect(count('SELECT count(*) FROM imports WHERE undone_at IS NULL')).toBe(1);
  });

  it('shows the progress of an import and cancels it, leaving the workspace as it was', async () => {
    // Large enough that the import still runs when the test clicks cancel (3M rows: about 3 s here).
    const big = bigCsv('大表.csv', 3_000_000);
    const before = { rows: count('SELECT count(*) FROM observations'), imports: count('SELECT count(*) FROM imports') };
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(big);
    await expect.poll(() => page.getByTestId('import-counts').textContent(), { timeout: 20_000 }).toContain('可导入的观测值 3,000,000');
    await page.getByTestId('import-commit').click();
    const progress = page.getByTestId('job-progress');
    await expect.poll(() => page.getByTestId('import-rate').textContent(), { timeout: 10_000 }).toMatch(/已处理 [1-9][\d,]* 行/);
    expect(await progress.getAttribute('data-state')).toBe('running');
    expect(await page.getByTestId('data-tab-observations').isDisabled()).toBe(true);
    await shot('progress');
    await progress.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toBe('导入已取消，工作区没有任何改动。');
    await expect.poll(() => count('SELECT count(*) FROM imports'), { timeout: 10_000 }).toBe(before.imports);
    expect(count('SELECT count(*) FROM observations')).toBe(before.rows);
    expect(await page.getByTestId('data-tab-observations').isDisabled()).toBe(false);
  });

  it('previews a workbook, lists its sheets in tab order, and reads another sheet when chosen', async () => {
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(path.join(repoRoot, 'data', 'sample', 'digital-economy-wide.xlsx'));
    const sheet = page.getByTestId('import-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('option').allTextContents()).toEqual(['全国数字经济', '地区生产总值']);
    expect(await sheet.inputValue()).toBe('全国数字经济');
    expect(await page.getByTestId('import-raw-rows').textContent()).toContain('数字经济规模(万亿元)');
    await sheet.selectOption('地区生产总值');
    await expect.poll(() => page.getByTestId('import-raw-rows').textContent()).toContain('指标：地区生产总值(亿元)');
    expect(await page.getByTestId('import-sample').locator('tbody tr').first().textContent()).toContain('20363.19');
    await shot('xlsx-sheet');
  });

  it('shows the catalogue and a quick-look chart', async () => {
    await page.getByTestId('data-tab-catalogue').click();
    await expect.poll(() => page.getByTestId('indicator-catalogue').locator('.ag-row[row-id="gdp"]').textContent()).toContain('地区生产总值');
    await expect.poll(() => page.getByTestId('measure-catalogue').locator('.ag-row[row-id="caict-broad"]').textContent()).toContain('中国信息通信研究院');
    await shot('catalogue');
    await page.getByTestId('data-tab-quick').click();
    await page.getByTestId('quick-indicators').selectOption(['gdp']);
    await page.getByTestId('quick-regions').selectOption(['CQ', 'SC']);
    await expect.poll(() => page.getByTestId('quick-look-chart').locator('svg path').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('quick-look-chart').textContent()).toContain('重庆');
    await shot('quick-look');
  });

  it('raised no page errors', () => {
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });
});

// The grid in English at 1280×720: the workbench's words about a figure (its bound, its release, the
// confidence it gives its source, the derived marker) in English in the cells, their tooltips, the
// value-list filter and a row's releases; the published source text itself as recorded.
describe('the data grid in English at 1280×720', () => {
  let english: AppSession;
  let en: Page;
  const enShot = async (name: string) => {
    if (shots) await en.screenshot({ path: path.join(shots, `data-en-${name}.png`) });
  };
  const grid = () => en.getByTestId('observations-grid');
  /** The rendered row of `period` (the filtered view holds one per period), while its period is in view. */
  const row = (period: string) => grid().locator('.ag-row').filter({ has: en.locator('[col-id=period]', { hasText: new RegExp(`^${period}$`) }) });
  /** The row of `period` found by its id, which holds wherever the grid is scrolled. */
  const rowById = async (period: string) => grid().locator(`.ag-row[row-id="${await row(period).getAttribute('row-id')}"]`);
  /** AG Grid draws only the columns in view: scroll the grid to its left or right edge. */
  const scrollTo = async (edge: 'left' | 'right') => {
    await en.evaluate((left) => {
      document.querySelector('[data-testid=observations-grid] .ag-body-horizontal-scroll-viewport')!.scrollLeft = left;
    }, edge === 'left' ? 0 : 100_000);
  };
  const tooltipOf = async (cell: ReturnType<Page['locator']>) => {
    await cell.hover();
    const tip = en.locator('.ag-tooltip');
    await expect.poll(() => tip.count(), { timeout: 5_000 }).toBe(1);
    const text = await tip.textContent();
    await en.mouse.move(0, 0);
    await expect.poll(() => tip.count(), { timeout: 5_000 }).toBe(0);
    return text;
  };

  beforeAll(async () => {
    english = await openApp({ width: 1280, height: 720 });
    en = english.page;
    await en.goto(`${english.host.url}#/overview`);
    await en.getByTestId('lang-switch').click();
    await en.locator('h1', { hasText: 'Overview' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await english?.close();
  });

  it('says bound, release and the source’s confidence in English in cells and tooltips', async () => {
    await en.evaluate(() => {
      window.location.hash = '#/data?indicator=de_va&region=CQ';
    });
    await expect.poll(() => grid().locator('.ag-row').count(), { timeout: 10_000 }).toBe(4);
    const y2020 = await rowById('2020');
    const y2021 = await rowById('2021');
    expect(await y2020.locator('[col-id=bound]').textContent()).toBe('lower bound (≥)');
    expect(await y2020.locator('[col-id=released]').textContent()).toBe('undated');
    expect(await y2021.locator('[col-id=released]').textContent()).toBe('derived · 2022-08-18');
    await enShot('grid');
    expect(await tooltipOf(y2020.locator('[col-id=released]'))).toMatch(/^date not given \(counted from 2021-\d\d-\d\d\)$/);

    await scrollTo('right');
    await expect.poll(() => y2020.locator('[col-id=source]').textContent()).toBe('《重庆市数字经济“十四五”发展规划》 (summary by a university research centre) (confidence L-M)');
    expect(await y2021.locator('[col-id=source]').textContent()).toBe("derived: 27.2% × 27894.02 (Chongqing's GDP 2021) (confidence H)");
    const sources = await grid().locator('.ag-row [col-id=source]').allTextContents();
    expect(sources).toHaveLength(4);
    expect(sources.filter((s) => s.includes('可信度') || s.startsWith('推算'))).toEqual([]);
    await enShot('grid-sources');
    expect(await tooltipOf(y2020.locator('[col-id=source]'))).toBe('《重庆市数字经济“十四五”发展规划》 (summary by a university research centre) (confidence L-M)');
    await scrollTo('left');
  });

  it('lists the bounds in English in the value-list filter', async () => {
    const header = grid().locator('.ag-header-cell[col-id="bound"]');
    await header.hover();
    await header.locator('.ag-header-cell-filter-button, .ag-header-icon.ag-header-cell-menu-button').first().click();
    const filter = en.getByTestId('value-list-filter');
    await filter.waitFor();
    await expect.poll(() => filter.locator('li').allTextContents()).toEqual(['exact', 'lower bound (≥)']);
    await enShot('bound-filter');
    await en.keyboard.press('Escape');
  });

  it('names the 2018–2021 average growth by its span, and gives a row’s releases their confidence in English', async () => {
    await en.goto(`${english.host.url}#/overview`);
    await en.evaluate(() => {
      window.location.hash = '#/data?indicator=de_va_cagr&region=CQ';
    });
    await expect.poll(() => grid().locator('.ag-row [col-id=indicator]').allTextContents(), { timeout: 10_000 }).toEqual([
      '2018–2021 average annual growth, digital economy value added (Chongqing)',
    ]);
    await enShot('average-growth');
    const average = await rowById('2021');
    await scrollTo('right');
    await expect.poll(() => average.locator('[col-id=source]').textContent()).toBe('经济日报 2022-08-23 (confidence M)');

    await en.goto(`${english.host.url}#/overview`);
    await en.evaluate(() => {
      window.location.hash = '#/data?indicator=gdp&region=CQ';
    });
    await expect.poll(() => row('2018').count(), { timeout: 10_000 }).toBe(1);
    const y2018 = await rowById('2018');
    await scrollTo('right');
    await y2018.getByTestId('open-releases').click();
    const releases = en.getByTestId('releases-panel');
    await expect.poll(() => releases.locator('tbody tr').count()).toBe(2);
    expect(await releases.locator('tbody tr').nth(0).locator('td.source-cell').textContent()).toBe('重庆市统计局修订序列 (after the 4th economic census, third-party compilation) (confidence L)');
    await enShot('releases');
  });

  it('raised no page errors', () => {
    expect(english.pageErrors, english.pageErrors.join('\n')).toEqual([]);
  });
});
