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
    const box = h.getBoundingClientRect();
    return {
      id,
      visible: box.right <= right + 0.5,
      // Begun left of the edge and ended right of it: a column shown in part ("实" for 实际值).
      half: box.left < right - 0.5 && box.right > right + 0.5,
      headerCut: text ? cut(text) : false,
      cut: cells.filter(cut).map((c) => c.textContent),
    };
  });
})()`;

type Column = { id: string; visible: boolean; half: boolean; headerCut: boolean; cut: string[] };

describe('layout at 1280×720', () => {
  it.each([1280, 1366])('shows the data grid’s 指标 to 发布 side by side at %i px, 单位 to 发布 whole, and no column in part', async (width) => {
    const { page, host } = app;
    await page.setViewportSize({ width, height: 720 });
    await page.goto(`${host.url}#/data`);
    await page.waitForSelector('[data-testid=observations-grid] .ag-row');
    // Every row of the seeded workspace, a screen at a time: the longest names are further down.
    const seen = new Map<string, Column>();
    for (let step = 0; step < 30; step++) {
      for (const c of (await page.evaluate(gridProbe)) as Column[]) {
        const before = seen.get(c.id);
        seen.set(c.id, before ? { ...c, half: before.half || c.half, cut: [...before.cut, ...c.cut] } : c);
      }
      const more = await page.evaluate(`(() => { const v = document.querySelector('[data-testid=observations-grid] .ag-body-vertical-scroll-viewport'); const top = v.scrollTop; v.scrollTop += 300; return v.scrollTop > top; })()`);
      if (!more) break;
      await page.waitForTimeout(300);
    }
    // An undated release says so in the column ("初步核算数 · 日期不详", the date it counts from on hover) and is not cut.
    const whole = ['unit', 'bound', 'measure', 'released'];
    expect(whole.map((id) => seen.get(id))).toEqual(whole.map((id) => ({ id, visible: true, half: false, headerCut: false, cut: [] })));
    // The longest indicator names may be cut in a narrow window (their full text on hover); the column is there.
    for (const id of ['indicator', 'region', 'period', 'value']) expect(seen.get(id), id).toMatchObject({ visible: true, half: false, headerCut: false });
    expect(seen.get('region')!.cut).toEqual([]);
    // The columns after 发布 (修订, 性质, …) are either whole or scrolled to, never half shown.
    expect([...seen.values()].filter((c) => c.half).map((c) => c.id)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows 修订 and 性质 with readable headers when the grid is scrolled to them', async () => {
    const { page, host } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${host.url}#/data`);
    await page.waitForSelector('[data-testid=observations-grid] .ag-row');
    await page.evaluate(`(() => { document.querySelector('[data-testid=observations-grid] .ag-body-horizontal-scroll-viewport').scrollLeft = 100000; })()`);
    await page.waitForTimeout(300);
    const columns = (await page.evaluate(gridProbe)) as Column[];
    for (const id of ['revisions', 'status']) expect(columns.find((c) => c.id === id), id).toMatchObject({ visible: true, half: false, headerCut: false });
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
      // A row grows with its text: a name is cut only when its text reaches past the cell's box.
      const bottom = (c) => { const r = document.createRange(); r.selectNodeContents(c); return Math.max(...[...r.getClientRects()].map((x) => x.bottom)); };
      const cut = [...sheet.querySelectorAll('.ag-row [col-id="field"]')].filter((c) => bottom(c) > c.getBoundingClientRect().bottom + 0.5).map((c) => c.textContent);
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
