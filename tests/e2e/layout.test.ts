import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './browser';

// Nothing cut at 1280×720, the smallest window the workbench is laid out for. Headless Chromium hides
// scrollbars, so each check keeps the 15 px a desktop window's vertical scrollbar takes.
const SCROLLBAR = 15;

let app: AppSession;

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 720 });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** Per column of the observations grid: where it ends, the room left of the grid's scrollbar, and the texts cut in its rendered cells. */
const gridProbe = `(() => {
  const grid = document.querySelector('[data-testid=observations-grid]');
  const viewport = grid.querySelector('.ag-grid-viewport');
  const right = viewport.getBoundingClientRect().left + viewport.clientWidth - ${SCROLLBAR};
  // A cut text ends in "…" without the cell's scrollWidth saying so: compare the text's own width with the room inside the padding.
  const cut = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const style = getComputedStyle(el);
    return range.getBoundingClientRect().width > el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 0.5;
  };
  return [...grid.querySelectorAll('.ag-header-cell')].map((h) => {
    const id = h.getAttribute('col-id');
    const text = h.querySelector('.ag-header-cell-text');
    const cells = [...grid.querySelectorAll('.ag-row [col-id="' + id + '"]')];
    return {
      id,
      visible: h.getBoundingClientRect().right <= right + 0.5,
      headerCut: text ? cut(text) : false,
      cut: cells.filter(cut).map((c) => c.textContent),
    };
  });
})()`;

type Column = { id: string; visible: boolean; headerCut: boolean; cut: string[] };

describe('layout at 1280×720', () => {
  it('shows the data grid’s 指标, 地区, 时期, 数值, 单位, 界限, 口径 and 发布 whole, side by side', async () => {
    const { page, host } = app;
    await page.goto(`${host.url}#/data`);
    await page.waitForSelector('[data-testid=observations-grid] .ag-row');
    const wanted = ['indicator', 'region', 'period', 'value', 'unit', 'bound', 'measure', 'released'];
    const seen = new Map<string, Column>();
    // Every row of the seeded workspace, a screen at a time: the longest names are further down.
    for (let step = 0; step < 30; step++) {
      for (const c of (await page.evaluate(gridProbe)) as Column[]) {
        const before = seen.get(c.id);
        seen.set(c.id, before ? { ...c, cut: [...before.cut, ...c.cut] } : c);
      }
      const more = await page.evaluate(`(() => { const v = document.querySelector('[data-testid=observations-grid] .ag-body-vertical-scroll-viewport'); const top = v.scrollTop; v.scrollTop += 300; return v.scrollTop > top; })()`);
      if (!more) break;
      await page.waitForTimeout(300);
    }
    expect(wanted.map((id) => seen.get(id))).toEqual(wanted.map((id) => ({ id, visible: true, headerCut: false, cut: [] })));
    expect(app.pageErrors).toEqual([]);
  });

  it('shows every column of the scenario sheet and wraps a long assumption name instead of cutting it', async () => {
    const { page } = app;
    await page.locator('nav.sidenav a', { hasText: '情景' }).click();
    const sheet = page.getByTestId('assumptions-grid');
    await sheet.locator('.ag-row').first().waitFor();
    const result = (await page.evaluate(`(() => {
      const sheet = document.querySelector('[data-testid=assumptions-grid]');
      const viewport = sheet.querySelector('.ag-grid-viewport');
      // The value and check columns flex: they make room for a scrollbar themselves.
      const right = viewport.getBoundingClientRect().left + viewport.clientWidth;
      const headers = [...sheet.querySelectorAll('.ag-header-cell')].filter((h) => h.getBoundingClientRect().right > right + 0.5).map((h) => h.getAttribute('col-id'));
      const lines = (c) => { const r = document.createRange(); r.selectNodeContents(c); return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; };
      const cut = [...sheet.querySelectorAll('.ag-row [col-id="field"]')].filter((c) => lines(c) > 2).map((c) => c.textContent);
      return { headers, cut };
    })()`)) as { headers: string[]; cut: string[] };
    expect(result).toEqual({ headers: [], cut: [] });
    expect(await sheet.locator('.ag-row [col-id="field"]', { hasText: '基数（数值或 指标@地区）' }).first().isVisible()).toBe(true);
  });

  it('keeps the overview toolbar on one line in English', async () => {
    const { page } = app;
    await page.locator('nav.sidenav a', { hasText: '总览' }).click();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Overview');
    await page.locator('.overview-page .toolbar a').waitFor();
    const tops = await page.locator('.overview-page .toolbar > *').evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)))]);
    expect(tops).toHaveLength(1);
    await page.getByTestId('lang-switch').click();
  });
});
