// One answer everywhere, read off the pages as an analyst would: the figure behind A1 (重庆's 2022
// digital economy, "超过1万亿元") and A2 (45.4%) says the same value, bound and measure on the
// Overview, the Targets monitor, the twin-city view and the Data grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './browser';

let app: AppSession;

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900 });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const go = (hash: string) => app.page.evaluate((h) => (window.location.hash = h), hash);

describe('the same figure on every page', () => {
  it('≥1万亿元 (2022, 信通院广义口径) and 45.4% on the overview, the monitor, twin-city and the grid', async () => {
    const { page, host } = app;
    await page.goto(host.url);
    const a1 = page.locator('.overview-statement[data-code="A1"]');
    await expect.poll(() => a1.textContent()).toContain('按信通院广义口径已实现（2022年≥1万亿元');
    expect(await page.locator('.overview-statement[data-code="A2"]').textContent()).toContain('按信通院广义口径已实现（2022年45.4%');

    await go('#/targets');
    const monitorA1 = page.locator('[data-testid=monitor-table] tr[data-code="A1"]');
    await expect.poll(() => monitorA1.textContent()).toContain('≥1万亿元（2022年）');
    expect(await monitorA1.textContent()).toContain('信通院广义口径');
    expect(await page.locator('[data-testid=monitor-table] tr[data-code="A2"]').textContent()).toContain('45.4%（2022年）');

    await page.getByTestId('tab-twin').click();
    await page.getByTestId('twin-indicator').selectOption('de_scale');
    const level = page.getByTestId('twin-CQ-2022-level');
    await expect.poll(() => level.textContent()).toContain('≥1万亿元');
    expect(await level.textContent()).toContain('信通院广义口径');
    // The share of that level is the published share of its measure: 45.4%, the A2 figure.
    expect(await page.getByTestId('twin-CQ-2022-share').textContent()).toContain('45.4%');
    // The broad-measure share's own view gives 重庆 the same 45.4%, from the city's reported share.
    await page.getByTestId('twin-indicator').selectOption('de_share_gdp');
    await expect.poll(() => page.getByTestId('twin-CQ-2022-level').textContent()).toContain('45.4%信通院广义口径');

    await go('#/data?indicator=de_scale&region=CQ');
    const grid = page.getByTestId('observations-grid');
    await expect.poll(() => grid.locator('.ag-row [col-id="value"]').allTextContents()).toEqual(['≥10,000']);
    expect(await grid.locator('.ag-row [col-id="measure"]').first().textContent()).toBe('信通院广义口径');
    expect(app.pageErrors).toEqual([]);
  });
});
