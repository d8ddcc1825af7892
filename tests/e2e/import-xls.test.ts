// A legacy .xls yearbook table imported through the UI in real Chromium with no manual mapping (issue
// #15): the merged title gives the region (从标题识别), the unit and data-status rows their values, the
// two-level header its years, the 合计 row is left out as a total; a header row changed in the preview
// re-derives the columns and the problems; the total can be kept on request.

import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../electron/backend/service';
import type { RunningHost } from '../../electron/host/http';
import { fixture } from '../integration/import/fixtures';
import { openApp, type AppSession } from './browser';

let app: AppSession;
let host: RunningHost;
let service: WorkbenchService;
let page: Page;
let pageErrors: string[];
/** Screenshots of a scratch run go here when WORKBENCH_SCREENSHOT_DIR names a folder. */
const shots = process.env.WORKBENCH_SCREENSHOT_DIR;

async function shot(name: string): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `import-xls-${name}.png`), fullPage: true });
}

/** Under load a re-read takes a while: wait up to 15 s. */
const POLL = { timeout: 15_000 };

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 900 });
  ({ host, service, page, pageErrors } = app);
});

afterAll(async () => {
  await app?.close();
});

const headers = () => page.getByTestId('import-mapping').locator('tbody tr td:nth-child(2)').allTextContents();
const problemTexts = async () => ((await page.getByTestId('import-problems').count()) ? page.getByTestId('import-problems').locator('tbody tr td:last-child').allTextContents() : []);

describe('a legacy .xls yearbook table through the import panel', () => {
  it('is previewed with the region from its title, its years from the merged header and its 合计 left out', async () => {
    await page.goto(host.url);
    await page.locator('nav a', { hasText: '数据' }).click();
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(fixture('yearbook-merged.xls'));
    await page.getByTestId('import-preview').waitFor(POLL);
    const facts = await page.getByTestId('import-facts').textContent();
    expect(facts).toContain('XLS（Excel 97-2003）');
    expect(facts).toContain('表头在第 5 行');
    expect(await page.getByTestId('import-detected').textContent()).toBe(
      '固定单位：亿元（从说明行识别） 性质（无性质列时）：示意值（从说明行识别） 固定地区：重庆市（从标题识别） ',
    );
    expect(await page.getByTestId('import-totals').textContent()).toBe('合计行 1 行等于所合计各行之和，未导入。 保留合计行，作为单独的指标导入');
    const sample = page.getByTestId('import-sample').locator('tbody tr');
    expect(await sample.count()).toBe(19);
    expect((await sample.first().locator('td').allTextContents()).slice(0, 6)).toEqual(['6', '示例产业甲', '重庆', '2019', '120.5', '亿元']);
    // The sub-item indented under 示例产业甲 is named with its parent.
    expect(await sample.nth(5).locator('td').nth(1).textContent()).toBe('其中:示例子项（属于 示例产业甲）');
    expect(await page.getByTestId('import-new-parents').textContent()).toBe('按缩进记为下级指标：其中:示例子项（属于 示例产业甲）。');
    expect(await problemTexts()).toEqual(['“合计”行等于它所合计的各行之和，是合计行，未导入。如要把它作为单独的指标导入，请选择保留合计行（导入预览中勾选，命令行加 --keep-totals）。']);

    // The fixed values carry their origin beside the field, and lose it once corrected.
    await page.locator('.preview-settings details summary').click();
    expect(await headers()).toEqual(['指标', '年份 / 2019年', '年份 / 2020年', '年份 / 2021年', '年份 / 2022年', '年份 / 2023年', '备注']);
    expect(await page.getByTestId('import-detected-region').textContent()).toBe('从标题识别');
    expect(await page.getByTestId('import-detected-region').getAttribute('title')).toBe('第 1 行：重庆市示例产业主要指标（2019—2023年）');
    await page.getByTestId('import-fixed-region').fill('四川省');
    expect(await page.getByTestId('import-detected-region').count()).toBe(0);
    await page.getByTestId('import-fixed-region').fill('重庆市');
    expect(await page.getByTestId('import-detected-region').textContent()).toBe('从标题识别');
    await shot('preview');
  });

  it('re-derives the columns and the problems when the header row changes, and back', async () => {
    const field = page.getByTestId('import-header-row');
    await field.fill('6');
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('import-facts').textContent(), POLL).toContain('表头在第 6 行');
    await expect.poll(headers, POLL).toEqual(['示例产业甲', '120.5', '131.25', '140', '152.75', '160.1', '']);
    const problems = (await problemTexts()).join('\n');
    expect(problems).toContain('找不到数值列');
    // Nothing of the old header is quoted any more.
    expect(problems).not.toContain('年份 /');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    await page.getByTestId('import-header-row').fill('5');
    await page.getByTestId('import-header-row').press('Enter');
    await expect.poll(() => page.getByTestId('import-facts').textContent(), POLL).toContain('表头在第 5 行');
    await expect.poll(headers, POLL).toEqual(['指标', '年份 / 2019年', '年份 / 2020年', '年份 / 2021年', '年份 / 2022年', '年份 / 2023年', '备注']);
    expect(await page.getByTestId('import-sample').locator('tbody tr').count()).toBe(19);
  });

  it('keeps the 合计 row on request, and leaves it out again', async () => {
    await page.getByTestId('import-keep-totals').check();
    await expect.poll(() => page.getByTestId('import-sample').locator('tbody tr').count(), POLL).toBe(24);
    expect(await page.getByTestId('import-totals').textContent()).toBe('保留合计行，作为单独的指标导入');
    expect(await page.getByTestId('import-sample').locator('tbody tr').last().locator('td').nth(1).textContent()).toBe('合计');
    await page.getByTestId('import-keep-totals').uncheck();
    await expect.poll(() => page.getByTestId('import-sample').locator('tbody tr').count(), POLL).toBe(19);
  });

  it('says the same in English', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('import-detected').textContent(), POLL).toBe(
      'Fixed unit: 100 million yuan (read from a note row) Status (without a status column): illustrative (read from a note row) Fixed region: 重庆市 (read from the title) ',
    );
    expect(await page.getByTestId('import-totals').textContent()).toBe('Total rows not imported, each the sum of the rows it totals: 1. Keep total rows, imported as indicators of their own');
    expect(await page.getByTestId('import-facts').textContent()).toContain('XLS (Excel 97-2003)');
    expect(await page.getByTestId('import-new-parents').textContent()).toBe('Recorded as sub-items by their indent: 其中:示例子项 (under 示例产业甲).');
    expect(await page.getByTestId('import-sample').locator('tbody tr').nth(5).locator('td').nth(1).textContent()).toBe('其中:示例子项 (under 示例产业甲)');
    await shot('english');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('import-totals').textContent(), POLL).toContain('合计行 1 行');
  });

  it('commits with no mapping touched: 19 illustrative figures of 重庆 in 亿元, no 合计 indicator', async () => {
    const commit = page.getByTestId('import-commit');
    expect(await commit.isEnabled()).toBe(true);
    await commit.click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent(), POLL).toMatch(/^已导入 #2：写入 19 行.*空单元格 1 个，未写入。$/);
    const rows = service.db
      .prepare("SELECT i.name_zh AS indicator, o.region, o.period, o.value, o.unit, o.status FROM observations o JOIN indicators i ON i.code = o.indicator WHERE o.import_id = 2 ORDER BY o.id")
      .all() as Array<{ indicator: string; region: string; period: string; value: number; unit: string; status: string }>;
    expect(rows).toHaveLength(19);
    expect(new Set(rows.map((r) => `${r.region}|${r.unit}|${r.status}`))).toEqual(new Set(['CQ|亿元|illustrative']));
    expect(rows.filter((r) => r.indicator === '示例产业乙').map((r) => [r.period, r.value])).toEqual([
      ['2019', 80.4],
      ['2020', 85.6],
      ['2021', 90.3],
      ['2022', 95.1],
      ['2023', 99.9],
    ]);
    expect(service.db.prepare("SELECT count(*) FROM indicators WHERE name_zh = '合计'").pluck().get()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('lists the sub-item under its parent in the catalogue, indented, in both languages', async () => {
    const code = (name: string) => service.db.prepare('SELECT code FROM indicators WHERE name_zh = ?').pluck().get(name) as string;
    const sub = code('其中:示例子项');
    const parent = code('示例产业甲');
    expect(service.db.prepare('SELECT parent FROM indicators WHERE code = ?').pluck().get(sub)).toBe(parent);
    await page.getByTestId('data-tab-catalogue').click();
    const grid = page.getByTestId('indicator-catalogue');
    const cell = (row: string, col: string) => grid.locator(`.ag-row[row-id="${row}"] [col-id="${col}"]`);
    await expect.poll(() => cell(sub, 'parent').textContent(), POLL).toBe('示例产业甲');
    expect(await cell(parent, 'parent').textContent()).toBe('');
    expect((await grid.locator('.ag-header-cell[col-id="parent"]').textContent())?.trim()).toBe('上级指标');
    // Right under its parent, its name indented.
    const index = async (row: string) => Number(await grid.locator(`.ag-row[row-id="${row}"]`).first().getAttribute('row-index'));
    expect(await index(sub)).toBe((await index(parent)) + 1);
    expect(await cell(sub, 'nameZh').evaluate((e) => getComputedStyle(e).paddingLeft)).toBe('30px');
    expect(await cell(parent, 'nameZh').evaluate((e) => getComputedStyle(e).paddingLeft)).not.toBe('30px');
    await shot('catalogue');
    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => (await grid.locator('.ag-header-cell[col-id="parent"]').textContent())?.trim(), POLL).toBe('Parent indicator');
    // New indicators have no English name: the Chinese one stands in.
    expect(await cell(sub, 'parent').textContent()).toBe('示例产业甲');
    await shot('catalogue-english');
    await page.getByTestId('lang-switch').click();
    expect(pageErrors).toEqual([]);
  });
});
