import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, sheetCell as cellOf, type AppSession } from './browser';

let app: AppSession;
let page: Page;
let pageErrors: string[];

/** A cell of a sheet row, the grid scrolled until the row is rendered. */
const sheetCell = (rowId: string) => cellOf(page, rowId);

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 1000 });
  ({ page, pageErrors } = app);
  await page.goto(app.host.url);
  await page.locator('nav a', { hasText: '情景' }).click();
});

afterAll(async () => {
  await app?.close();
});

describe('calibration from history and the forecast-evaluation table in Chromium', () => {
  it('suggests GDP growth from the published series, names the years and what was left out, and adopts it as an unsaved edit', async () => {
    await page.getByTestId('calibrate-ask-gdp').click();
    const answer = page.getByTestId('calibrate-answer-gdp');
    await expect.poll(() => answer.textContent()).toContain('均值 5.99%，标准差 2.27%（2019—2024年，5个年增长，统计部门常规口径）');
    expect(await answer.textContent()).toContain('不计：2021年（上年数据已知被修订，不跨数据版本计算）');
    expect(await answer.textContent()).toContain('依据：地区生产总值·重庆');
    await page.getByTestId('calibrate-ask-digital-industry').click();
    await expect.poll(() => page.getByTestId('calibrate-answer-digital-industry').textContent()).toContain('未关联指标');
    expect(await page.getByTestId('calibrate-adopt-digital-industry').count()).toBe(0);

    expect(await (await sheetCell('uncertainty.drivers.gdp.sd')).textContent()).toBe('1.5');
    await page.getByTestId('calibrate-adopt-gdp').click();
    await expect.poll(async () => (await sheetCell('uncertainty.drivers.gdp.sd')).textContent()).toBe('2.27');
    expect(await (await sheetCell('uncertainty.drivers.gdp.mean')).textContent()).toBe('5.99');
    expect(await page.getByTestId('editor-state').textContent()).toBe('有未保存的修改');
    await page.getByTestId('calibration').screenshot({ path: '/tmp/calib-zh.png' });
    // Undone like any other edit: discarding the draft's changes restores the scenario's own distribution.
    await page.getByRole('button', { name: '放弃修改' }).click();
    await expect.poll(async () => (await sheetCell('uncertainty.drivers.gdp.sd')).textContent()).toBe('1.5');
    // A component added since the save is not in the saved scenario the suggestion reads: said, by no code.
    await page.getByTestId('add-component').click();
    const added = page.getByTestId('calibration').locator('li').last();
    await added.getByRole('button', { name: '从历史数据建议' }).click();
    await expect.poll(() => added.textContent()).toContain('该驱动因素是保存后新增的：保存情景后才能从历史数据建议');
    // The refusal is the service's answer (422), logged by the browser: that one and nothing else.
    expect(pageErrors.every((e) => /scenarios\.calibrate|status of 422/.test(e))).toBe(true);
    pageErrors.length = 0;
    await page.getByRole('button', { name: '放弃修改' }).click();
  });

  it('shows the forecast-evaluation table in the backtest tab: by horizon, a break not scored, MAE and MAPE over exact figures', async () => {
    await page.getByRole('tab', { name: '回测' }).click();
    const evaluation = page.getByTestId('evaluation');
    await expect.poll(() => evaluation.textContent()).toContain('预测评估表');
    const gdp = page.getByTestId('evaluation-gdp');
    expect(await gdp.locator('tbody tr').first().textContent()).toBe('1年20212.66万亿元2.79万亿元统计部门常规口径−1266.05亿元−4.54%确数，计分');
    const share = page.getByTestId('evaluation-share');
    expect(await share.textContent()).toContain('口径断点，不计分');
    expect(await page.getByTestId('evaluation-summary-share').locator('tbody tr').nth(1).textContent()).toBe('2年0——');
    await evaluation.screenshot({ path: '/tmp/eval-zh.png' });
  });

  it('says the same in English, with names and no codes', async () => {
    await page.getByTestId('lang-switch').click();
    const evaluation = page.getByTestId('evaluation');
    await expect.poll(() => evaluation.textContent()).toContain('Forecast evaluation');
    expect(await evaluation.textContent()).toContain('measure break, not scored');
    expect(await evaluation.textContent()).not.toMatch(/cq-earlier|caict-broad|\bstandard\b|\bCQ\b/);
    await evaluation.screenshot({ path: '/tmp/eval-en.png' });
    await page.getByRole('tab', { name: 'Edit and results' }).click();
    await page.getByTestId('calibrate-ask-gdp').click();
    const answer = page.getByTestId('calibrate-answer-gdp');
    await expect.poll(() => answer.textContent()).toContain('mean 5.99%, sd 2.27% (2019–2024, 5 yearly growth values, official statistics measure)');
    expect(await answer.textContent()).not.toMatch(/\bCQ\b|\bgdp\b/);
    await page.getByTestId('calibration').screenshot({ path: '/tmp/calib-en.png' });
    expect(pageErrors).toEqual([]);
  });
});
