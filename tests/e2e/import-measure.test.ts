// Importing with a measure (口径) and a release in real Chromium (issue #13): choose 信通院广义口径, a
// release date and label and "record as a new release" (revise), commit, then see them in the import
// history and in the grid; a 口径 column's unknown value is a located problem in the user's language.

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../electron/backend/service';
import type { RunningHost } from '../../electron/host/http';
import { openApp, type AppSession } from './browser';

let app: AppSession;
let host: RunningHost;
let service: WorkbenchService;
let page: Page;
let pageErrors: string[];
/** Screenshots of a scratch run go here when WORKBENCH_SCREENSHOT_DIR names a folder. */
const shots = process.env.WORKBENCH_SCREENSHOT_DIR;

async function shot(name: string, fullPage = false): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `import-measure-${name}.png`), fullPage });
}

function csv(name: string, lines: string[]): string {
  const file = path.join(path.dirname(service.workspace.path), name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Under load a re-read or a list takes a while: wait up to 10 s. */
const POLL = { timeout: 10_000 };

const row = (sql: string, ...params: unknown[]) => service.db.prepare(sql).get(...params) as Record<string, unknown> | undefined;

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 720 });
  ({ host, service, page, pageErrors } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('import with a measure and a release in Chromium', () => {
  it('previews a file with the conflicts it would revise and the measure each row gets', async () => {
    // 重庆 2022: the seed's "超过1万亿元" (a lower bound) revised to an exact figure; its 2022 share as
    // the seed holds it (unchanged under revise); a 2023 figure the workspace lacks.
    const file = csv('数字经济规模修订.csv', [
      '指标,地区,年份,数值,单位',
      '数字经济规模,重庆,2022,10500,亿元',
      '数字经济增加值占GDP比重（重庆）,重庆,2022,45.4%,',
      '数字经济规模,重庆,2023,11500,亿元',
    ]);
    await page.goto(host.url);
    await page.locator('nav a', { hasText: '数据' }).click();
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-measure-facts').textContent()).toBe('口径：按各指标自身的口径。');
    // Without a choice each row shows its indicator's own measure.
    const measureCells = () => page.getByTestId('import-sample').locator('tbody tr td[data-measure]').allTextContents();
    expect(await measureCells()).toEqual(['信通院广义口径（指标自身）', '重庆市此前口径（指标自身）', '信通院广义口径（指标自身）']);
    expect(await page.getByTestId('import-conflict-count').textContent()).toBe('与工作区已有数据冲突（同一指标、地区、时期、性质）：2 行。其中 1 行的数值与工作区相同。');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    // Choosing the measure reads the file again: every row now gets it.
    const select = page.getByTestId('import-measure');
    expect(await select.locator('option').allTextContents()).toEqual(['按指标自身口径', '统计部门常规口径', '重庆市此前口径', '信通院广义口径', '统计局核心产业口径', '行业主管部门数据']);
    await select.selectOption({ label: '信通院广义口径' });
    await expect.poll(() => page.getByTestId('import-measure-facts').textContent(), POLL).toBe('口径：信通院广义口径（导入时选择）。');
    await expect.poll(measureCells, POLL).toEqual(['信通院广义口径', '信通院广义口径', '信通院广义口径']);
    expect(await select.inputValue()).toBe('caict-broad');
  });

  it('refuses revise without a release date next to the field, then commits with the date and label', async () => {
    await page.getByLabel('记为新发布版本，保留原值为早期发布').check();
    const error = page.getByTestId('import-released-error');
    await expect.poll(() => error.textContent(), POLL).toBe('“记为新发布版本”需要发布日期：请填写这批数据的发布日期。');
    expect(await page.getByTestId('import-released').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-commit').scrollIntoViewIfNeeded();
    await shot('needs-date');
    expect(await page.getByTestId('import-conflict-effect').textContent()).toBe(
      '1 行数值不同：文件中的值成为最新发布，工作区原值保留为早期发布；1 行数值相同，保持不变。',
    );
    await page.getByTestId('import-released').fill('2024-01-19');
    await page.getByTestId('import-release-label').fill('最终核实');
    expect(await error.count()).toBe(0);
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);

    // The panel at 1280×720, its top then its commit choices: nothing cut off (checked by eye on the screenshots).
    await page.getByTestId('import-facts').scrollIntoViewIfNeeded();
    await shot('top');
    await page.getByTestId('import-commit').scrollIntoViewIfNeeded();
    await shot('choices');
    const box = await page.locator('.commit-choices').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    const overflow = await page.locator('.commit-choices').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBe(0);

    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent(), { timeout: 15_000 }).toBe(
      '已导入 #2：写入 2 行，其中 1 行记为新发布（原值保留为早期发布），1 行数值相同未改，跳过 0 行。',
    );
    expect(row("SELECT value, bound, measure, released, release_label FROM observations WHERE indicator = 'de_scale' AND region = 'CQ' AND period = '2022'")).toEqual({
      value: 10500,
      bound: 'exact',
      measure: 'caict-broad',
      released: '2024-01-19',
      release_label: '最终核实',
    });
    expect(row("SELECT value, import_id FROM observation_releases WHERE import_id = 2")).toEqual({ value: 10000, import_id: 2 });
    expect(row('SELECT measure, released, release_label, on_conflict FROM imports WHERE id = 2')).toEqual({
      measure: 'caict-broad',
      released: '2024-01-19',
      release_label: '最终核实',
      on_conflict: 'revise',
    });
  });

  it('shows the measure and release in the import history and in the grid', async () => {
    await page.getByTestId('data-tab-history').click();
    const entry = page.locator('[data-testid=import-history] tr[data-import-id="2"]');
    await expect.poll(() => entry.getByTestId('import-provenance').textContent(), POLL).toBe('信通院广义口径 · 2024-01-19 最终核实 · 记为新发布');
    expect(await page.locator('[data-testid=import-history] tr[data-import-id="1"]').getByTestId('import-provenance').textContent()).toBe('—');
    await shot('history');

    await page.goto(host.url);
    await page.evaluate(() => {
      window.location.hash = '#/data?indicator=de_scale&region=CQ';
    });
    const grid = page.getByTestId('observations-grid');
    await expect.poll(() => grid.locator('.ag-row').count(), { timeout: 10_000 }).toBe(2);
    const byPeriod = async (period: string) => {
      const rows = grid.locator('.ag-row');
      for (let i = 0; i < (await rows.count()); i++) {
        const r = rows.nth(i);
        if ((await r.locator('[col-id="period"]').textContent()) === period) return r;
      }
      throw new Error(`no row for ${period}`);
    };
    const y2022 = await byPeriod('2022');
    expect(await y2022.locator('[col-id="value"]').textContent()).toBe('10,500');
    expect(await y2022.locator('[col-id="measure"]').textContent()).toBe('信通院广义口径');
    expect(await y2022.locator('[col-id="released"]').textContent()).toBe('最终核实 · 2024-01-19');
    expect(await y2022.locator('[col-id="revisions"]').textContent()).toContain('1');
    const y2023 = await byPeriod('2023');
    expect(await y2023.locator('[col-id="measure"]').textContent()).toBe('信通院广义口径');
    expect(await y2023.locator('[col-id="released"]').textContent()).toBe('最终核实 · 2024-01-19');
    await shot('grid');
  });

  it('shows an unknown value of a 口径 column as a located problem, in Chinese and in English', async () => {
    const file = csv('口径列.csv', ['指标,地区,年份,数值,单位,口径', '测试指标,重庆,2020,1,亿元,信通院广义口径', '测试指标,重庆,2021,2,亿元,宽口径']);
    await page.getByTestId('data-tab-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-measure-facts').textContent()).toBe('口径：按各指标自身的口径。口径列中写明口径的行按各行所写。');
    const problems = page.getByTestId('import-problems');
    const cells = async () => (await problems.locator('tbody tr').first().locator('td').allTextContents()).map((c) => c.trim());
    const zh = await cells();
    expect(zh.slice(0, 5)).toEqual(['错误', '口径列.csv', '', '3', '6']);
    expect(zh[5]).toMatch(/^不认识的口径“宽口径”。可写口径的代码、中文名或英文名，工作区中的口径有：统计部门常规口径 \(standard\)；.*信通院广义口径 \(caict-broad\)/);
    await shot('problem');

    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => (await cells())[5], POLL).toMatch(/^Unknown measure \(口径\) "宽口径"\. Write a measure's code, Chinese or English name; the workspace knows: /);
    expect((await cells())[0]).toBe('error');
    await page.getByLabel('Record as a new release, keep the workspace’s as an earlier one').check();
    await page.getByTestId('import-commit').scrollIntoViewIfNeeded();
    await shot('choices-en');
    expect(await page.getByTestId('import-released-error').textContent()).toContain('needs a release date');
    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => (await cells())[0], POLL).toBe('错误');
    expect(pageErrors).toEqual([]);
  });
});
