import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { Overview } from '../../shared/api/overview-contract';
import { openApp, type AppSession } from './browser';

let app: AppSession;

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900 });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('overview (总览) in Chromium', () => {
  it('is the first page and answers the 2022 targets with measure, bound and source', async () => {
    const { page, host } = app;
    await page.goto(host.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('总览');
    const a1 = page.locator('.overview-statement[data-code="A1"]');
    await expect.poll(() => a1.textContent()).toContain('按信通院广义口径已实现（2022年≥1万亿元，CAICT 中国数字经济发展研究报告(2023)，发布日期不详）');
    const a2 = page.locator('.overview-statement[data-code="A2"]');
    expect(await a2.textContent()).toContain('重庆市此前口径2022年起不再发布，不作进度判断（最新2021年27.2%');
    expect(await a2.locator('.status-chip.other-measure').textContent()).toBe('重庆市此前口径：2022年起不再发布');
    const c1 = page.locator('.overview-statement[data-code="C1"]');
    // Not "按重庆市此前口径进度正常": that measure stopped in 2021 and 27.2% is far from above 50%.
    // 进度正常 there is the scenario's verdict on one figure: said so, in the sentence and on the chip.
    expect(await c1.textContent()).toContain('按信通院广义口径只有一个可比实际值（2022年45.4%');
    expect(await c1.textContent()).toContain('若对照情景的假设增速成立则进度正常');
    expect(await c1.locator('.status-chip').first().textContent()).toBe('进度正常（取决于情景假设）');
    expect(await c1.textContent()).toContain('重庆市此前口径2022年起不再发布，不作进度判断');
    expect(await c1.textContent()).not.toContain('此前口径进度正常');
    expect(await c1.locator('.sentence').textContent()).toMatch(/若按对照情景“广义口径基准（2022年起）”的假设增速，2027年为52\.3%，可实现（2026年首次达到）；按该情景假设的增速分布，模型实现概率为\d+%（情景计算，不是统计结论）。$/);
    // Beside it, what the projection rests on, with the GDP published since against the assumed 5% a year.
    const basis = await page.getByTestId('overview-basis-C1').textContent();
    expect(basis).toContain('增速为情景假设（示意，非公布值）：地区生产总值每年5%，数字经济（广义口径）每年8%');
    expect(basis).toContain('地区生产总值2023年推算3.06万亿元、实际3.01万亿元');
    // A statement without a projection has no basis to show.
    expect(await page.getByTestId('overview-basis-A1').count()).toBe(0);
    // Targets without any figure are listed once, not as a page of "no data" cards.
    expect(await page.getByTestId('no-data-A').textContent()).toContain('暂无数据：培育数字经济龙头企业；');
    // Plans and targets by their names: no register code (A, A1) on the page.
    expect(await page.locator('.overview-page').innerText()).not.toMatch(/(^|[^A-Za-z])[ABC]\d?\s/m);
    if (process.env.WORKBENCH_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.WORKBENCH_SCREENSHOTS, 'overview.png'), fullPage: true });
  });

  it('answers as the data stood on a date, and back to the latest in one click', async () => {
    const { page } = app;
    await page.getByTestId('overview-vintage').fill('2021-06-30');
    await expect.poll(() => page.locator('.vintage-banner').textContent()).toBe('按 2021-06-30 已公布的数据判定');
    await expect.poll(() => page.locator('.overview-statement[data-code="A2"]').textContent()).toContain('2020年≥25%');
    expect(await page.getByTestId('no-data-A').textContent()).toContain('数字经济总量达到万亿级规模');
    await page.getByRole('button', { name: '使用最新数据' }).click();
    await expect.poll(() => page.locator('.overview-statement[data-code="A1"]').textContent()).toContain('≥1万亿元');
  });

  it('links a statement to its rows in the data grid', async () => {
    const { page } = app;
    await page.locator('.overview-statement[data-code="A1"] a', { hasText: '查看数据' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/data?indicator=de_scale&region=CQ');
    expect(app.pageErrors).toEqual([]);
  });

  it('links a statement to the saved chart that draws it, opened on the Charts page', async () => {
    const { page } = app;
    await page.locator('nav.sidenav a', { hasText: '总览' }).click();
    // A1 is judged on the broad measure: its chart is the one drawing ≥1万亿元 on that measure.
    await expect.poll(() => page.getByTestId('overview-chart-A1').textContent()).toBe('图表：数字经济规模与万亿目标');
    // A2 and C1 link to the chart the overview ranks first (its target and figure on the broad measure), the same on the page as in the API.
    const outcome = await dispatch(app.service, 'overview.get', {});
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const best = (code: string) => (outcome.result as Overview).statements.find((s) => s.target.code === code)!.charts[0]!;
    for (const code of ['A2', 'C1']) expect(best(code), code).toMatchObject({ target: true, figure: true, sameMeasure: true });
    const link = page.getByTestId('overview-chart-A2');
    expect(await link.textContent()).toBe(`图表：${best('A2').name}`);
    expect(await page.getByTestId('overview-chart-C1').textContent()).toBe(`图表：${best('C1').name}`);
    // C4's figure is drawn by no saved chart: no link rather than a dead one.
    expect(await page.getByTestId('overview-chart-C4').count()).toBe(0);
    const id = await link.getAttribute('data-chart');
    await link.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('简报图表');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/charts?chart=${id}`);
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe(best('A2').name);
    expect(await page.locator(`[data-testid="chart-list"] button[data-chart-id="${id}"]`).getAttribute('aria-current')).toBe('true');
    expect(app.pageErrors).toEqual([]);
  });
});
