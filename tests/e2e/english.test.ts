// The English switch read off the pages at 1366×768: units, release labels, target areas and the compared
// scenario in English where the workspace stores them in Chinese, the data grid's columns that say
// what a figure is (indicator to release) whole, side by side, and the starter charts in English.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../electron/host/http';
import { openApp, type AppSession } from './browser';

let app: AppSession;
let host: RunningHost;
let page: Page;

beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
  ({ host, page } = app);
  await page.goto(`${host.url}#/overview`);
  await page.getByTestId('lang-switch').click();
  await page.locator('h1', { hasText: 'Overview' }).waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** Headless Chromium hides scrollbars; a desktop window's vertical one takes 15 px. */
const SCROLLBAR = 15;

/** For each grid column: whether it ends left of the scrollbar, and the texts cut in its rendered cells. */
const gridColumns = () =>
  page.evaluate((scrollbar) => {
    const grid = document.querySelector('[data-testid=observations-grid]')!;
    const viewport = grid.querySelector('.ag-grid-viewport')!;
    const right = viewport.getBoundingClientRect().left + viewport.clientWidth - scrollbar;
    const cut = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const style = getComputedStyle(el);
      return range.getBoundingClientRect().width > el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 0.5;
    };
    return [...grid.querySelectorAll('.ag-header-cell')].map((h) => {
      const id = h.getAttribute('col-id')!;
      const cells = [...grid.querySelectorAll(`.ag-row [col-id="${id}"]`)];
      return { id, visible: h.getBoundingClientRect().right <= right + 0.5, cut: cells.filter(cut).map((c) => c.textContent ?? '') };
    });
  }, SCROLLBAR);

describe('the workbench in English at 1366×768', () => {
  it('writes amounts in English units in the overview, and leaves out the facts a plan reports (B6–B8 are no goals)', async () => {
    const a1 = page.locator('.overview-statement[data-code="A1"] .sentence');
    await expect.poll(() => a1.textContent()).toContain('1 trillion yuan');
    expect(await page.locator('.overview-statement[data-code="B6"]').count()).toBe(0);
    expect(await page.locator('.overview-statement[data-code="B8"]').count()).toBe(0);
  });

  it('names units and release labels in the data grid, and shows indicator to release whole', async () => {
    await page.goto(`${host.url}#/data`);
    await page.waitForSelector('[data-testid=observations-grid] .ag-row');
    const cq2018 = page.locator('[data-testid=observations-grid] .ag-row', { hasText: 'Chongqing' }).filter({ hasText: '21,588.8' });
    expect(await cq2018.locator('[col-id=unit]').textContent()).toBe('100 million yuan');
    expect(await cq2018.locator('[col-id=released]').textContent()).toBe('4th census revision · 2020-01-01');
    const wanted = ['indicator', 'region', 'period', 'value', 'unit', 'bound', 'measure', 'released'];
    const seen = new Map<string, { id: string; visible: boolean; cut: string[] }>();
    for (let step = 0; step < 30; step++) {
      for (const c of await gridColumns()) seen.set(c.id, { ...c, cut: [...(seen.get(c.id)?.cut ?? []), ...c.cut] });
      const more = await page.evaluate(() => {
        const v = document.querySelector('[data-testid=observations-grid] .ag-body-vertical-scroll-viewport')!;
        const top = v.scrollTop;
        v.scrollTop += 300;
        return v.scrollTop > top;
      });
      if (!more) break;
      await page.waitForTimeout(300);
    }
    // The long English indicator names are cut, their full text on hover; the columns after them are not.
    expect(wanted.slice(1).map((id) => seen.get(id))).toEqual(wanted.slice(1).map((id) => ({ id, visible: true, cut: [] })));
    expect(seen.get('indicator')?.visible).toBe(true);
  });

  it('names units, categories and publishers in the catalogue', async () => {
    await page.getByTestId('data-tab-catalogue').click();
    const gdp = page.locator('[data-testid=indicator-catalogue] .ag-row', { hasText: 'Gross domestic product' });
    await expect.poll(() => gdp.locator('[col-id=unit]').textContent()).toBe('100 million yuan');
    expect(await gdp.locator('[col-id=category]').textContent()).toBe('macroeconomy');
    const firms = page.locator('[data-testid=indicator-catalogue] .ag-row', { hasText: 'core-industry enterprises' });
    expect(await firms.locator('[col-id=unit]').textContent()).toBe('firms');
    const broad = page.locator('[data-testid=measure-catalogue] .ag-row', { hasText: 'CAICT broad measure' });
    expect(await broad.locator('[col-id=publisher]').textContent()).toBe('CAICT');
  });

  it('gives the monitor its goals, areas and compared scenario in English', async () => {
    await page.goto(`${host.url}#/targets`);
    const a3 = page.locator('[data-testid=monitor-table] tr[data-code="A3"]');
    await expect.poll(() => a3.locator('td').nth(2).textContent()).toBe('≥ 100 firms by 2022');
    expect(await page.locator('[data-testid=monitor-table] tr[data-code="A6"] td').nth(2).textContent()).toBe('≥ 10 by 2022');
    expect(await page.getByTestId('filter-area').locator('option').allTextContents()).toEqual(expect.arrayContaining(['scale', 'enterprises', 'key indicators']));
    expect(await page.locator('details.monitor-settings summary').textContent()).toContain('broad measure, baseline (from 2022)');
    // A1's detail: CAICT's undated 2022 figure says so and from when it counts; the workbench's confidence words are English.
    const a1 = page.locator('[data-testid=monitor-table] tr[data-code="A1"]');
    await a1.click();
    const actual = page.getByTestId('target-actuals').locator('tr[data-year="2022"]');
    await expect.poll(() => actual.locator('td.release').textContent()).toBe('date not given (counted from 2023-03-01)');
    expect(await actual.locator('td.source').textContent()).toMatch(/ \(confidence [HML]\)$/);
    expect(await actual.locator('td.source').textContent()).not.toContain('可信度');
    await a1.click();
  });

  it('labels twin-city releases and the indicator list in English', async () => {
    await page.getByTestId('tab-twin').click();
    await expect.poll(() => page.getByTestId('twin-CQ-2018-level').textContent()).toBe('2.16 trillion yuanofficial statistics measure · 4th census revision');
    expect(await page.getByTestId('twin-SC-2018-level').textContent()).toContain('preliminary, before census revision');
    expect(await page.getByTestId('twin-indicator').locator('option', { hasText: 'Gross domestic product' }).textContent()).toBe('Gross domestic product (100 million yuan)');
    expect(app.pageErrors).toEqual([]);
  });

  it('shows the starter charts of a workspace made in Chinese in English, and offers their English texts', async () => {
    const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    await page.goto(`${host.url}#/charts`);
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe('Digital economy scale and the trillion-yuan target');
    expect(await page.getByTestId('chart-list').textContent()).not.toMatch(CJK);
    expect(await page.getByTestId('text-title').inputValue()).toBe("Chongqing's digital economy (CAICT broad measure): three scenarios and the trillion-yuan target");
    expect(await page.locator('input[name=chart-locale][value=en]').isChecked()).toBe(true);
    // What the chart can draw, named in English: scenarios, and units beside the indicators.
    for (const testId of ['bind-scenarios', 'bind-indicators', 'bind-regions']) expect(await page.getByTestId(testId).textContent(), testId).not.toMatch(CJK);
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    // The target line says what it is, not its code.
    const preview = page.getByTestId('chart-preview').locator('svg').first();
    await expect.poll(() => preview.innerHTML(), { timeout: 15_000 }).toContain('Target: ≥1.0 trillion yuan (2022)');
    expect(await preview.innerHTML()).not.toContain('Target A1');

    // Text the user types stays as typed; the starter's text is offered back in the chart's language.
    await page.getByTestId('text-subtitle').fill('当年价；本所整理');
    await expect.poll(() => page.getByTestId('suggest-subtitle').textContent()).toBe('Starter text: Current prices; CAICT broad measure, from 2022; scenarios are model projections');
    await page.getByTestId('suggest-subtitle').click();
    expect(await page.getByTestId('text-subtitle').inputValue()).toBe('Current prices; CAICT broad measure, from 2022; scenarios are model projections');
    expect(await page.getByTestId('suggest-subtitle').count()).toBe(0);
    // A chart switched to Chinese offers the English starter texts at once, and its own language's per field.
    await page.locator('label:has(> input[name=chart-locale][value=zh])').click();
    await expect.poll(() => page.getByTestId('suggest-title').textContent()).toBe('Starter text: 重庆数字经济规模（信通院广义口径）：三种情景与万亿级目标');
    await page.getByTestId('suggest-all').click();
    expect(await page.locator('input[name=chart-locale][value=en]').isChecked()).toBe(true);
    expect(await page.getByTestId('text-title').inputValue()).toBe("Chongqing's digital economy (CAICT broad measure): three scenarios and the trillion-yuan target");
    await expect.poll(() => page.getByTestId('unsaved').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows a starting scenario’s description and basis in English', async () => {
    await page.goto(`${host.url}#/scenarios`);
    const basis = page.locator('details.basis');
    await basis.locator('summary').click();
    await expect.poll(() => basis.textContent()).toContain('Both parts grow at 16% a year, the 2018–2021 average; nominal GDP growth 6.5%.');
    expect(await basis.textContent()).toContain("Published (with sources): Chongqing's GDP in 2020");
    expect(await basis.textContent()).not.toMatch(/\p{Script=Han}/u);
    expect(app.pageErrors).toEqual([]);
  });
});
