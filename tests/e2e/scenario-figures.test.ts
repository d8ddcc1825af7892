// One figure, one way, on the Scenarios page, read off the page in Chromium: the summary, the results
// table, the base note and the charts' labels and footers write a number in one scale and one set of
// digits, a projection from a lower-bound base with ≥ everywhere; and the broad-measure scenario's
// own scale chart draws 万亿级 and CAICT's "超过1万亿元" as the starter chart on the Charts page does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { RunningHost } from '../../electron/host/http';
import { openApp, type AppSession } from './browser';

let app: AppSession;
let host: RunningHost;
let page: Page;
let pageErrors: string[];

const summary = () => page.getByTestId('scenario-summary').textContent();
const chartText = (id: string) => page.getByTestId(`chart-${id}`).locator('svg').textContent();
/** The numbers with a unit a text writes: ≥0.60万亿元, 45.4%, 1.9 trillion yuan. */
const amounts = (text: string) => [...text.matchAll(/[≥≤≈]?−?\d[\d,.]*(?:万亿元|亿元|%| trillion yuan| billion yuan)/g)].map((m) => m[0]);

async function open(id: number, lead: RegExp) {
  await page.evaluate((n) => (window.location.hash = `#/scenarios?id=${n}`), id);
  await expect.poll(summary, { timeout: 10_000 }).toMatch(lead);
  await expect.poll(() => page.getByTestId('chart-trajectory').locator('svg').count(), { timeout: 10_000 }).toBe(1);
}

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 720 });
  ({ host, page, pageErrors } = app);
  await page.goto(host.url);
  await page.locator('nav a', { hasText: '情景' }).click();
});

afterAll(async () => {
  await app?.close();
});

describe('one figure, one way, on the Scenarios page', () => {
  it('writes the 2020 baseline’s base and projections from "超6000亿元" as bounds, in one scale, in the note, the table, the summary and the charts', async () => {
    await open(1, /^按基准情景/);
    const note = (await page.getByTestId('scenario-base-note').textContent())!;
    expect(note).toBe('基准情景的基数为2020年的下限值≥0.60万亿元。各年推算值都从这一下限起算，实际规模可能更大。');
    // The chart's footer names the same base the same way, never ≥0.6万亿元 or ≥6000亿元.
    expect(await chartText('trajectory')).toContain('基准情景的基数为2020年的下限值≥0.60万亿元。');
    // The table's 2022 projection of 万亿级规模 and the summary's 2027 figures are bounds, in the note's scale and digits.
    const row = page.getByTestId('scenario-targets').locator('tbody tr').first().locator('td');
    expect(await row.nth(2).textContent()).toMatch(/^≥0\.\d\d万亿元$/);
    const text = (await summary())!;
    expect(text).toMatch(/^按基准情景，2027年数字经济规模为≥\d\.\d\d万亿元，占GDP比重为≥\d+\.\d%。$/);
    // The 2027 total the summary gives is the one the trajectory chart labels.
    const [total2027] = amounts(text);
    expect(await chartText('trajectory')).toContain(total2027);
  });

  it('writes the broad baseline’s 2027 total in the summary as its charts label it, and draws 万亿级 with CAICT’s figure', async () => {
    await open(4, /^按广义口径基准/);
    const text = (await summary())!;
    const total = amounts(text).find((a) => a.endsWith('万亿元'))!;
    expect(total).toMatch(/^\d\.\d万亿元$/);
    await expect.poll(() => chartText('trajectory')).toContain(total);
    // 万亿级 (A1, judged on the broad measure) and CAICT's "超过1万亿元", as the starter chart draws them.
    await expect.poll(() => chartText('trajectory')).toContain('目标：≥1.0万亿元（2022年）');
    const trajectory = (await chartText('trajectory'))!;
    expect(trajectory).toContain('数字经济规模');
    expect(trajectory).toContain('≥1.0万亿元');
    expect(trajectory).not.toContain('未画出');
    // The share chart draws the 40% of 2022 beside the scenario's own 50% of 2027.
    expect(await chartText('share')).toContain('40.0%');
    // The derived base is said once, in the page's digits.
    expect(await page.getByTestId('scenario-base-note').textContent()).toContain('推算值1.3万亿元');
  });

  it('draws on the Charts page’s starter chart the same target line and CAICT figure', async () => {
    await page.locator('nav a', { hasText: '图表' }).click();
    const preview = page.getByTestId('chart-preview').locator('svg').first();
    await expect.poll(() => preview.textContent(), { timeout: 15_000 }).toContain('目标：≥1.0万亿元（2022年）');
    expect(await preview.textContent()).toContain('≥1.0万亿元');
    await page.locator('nav a', { hasText: '情景' }).click();
  });

  it('does the same in English', async () => {
    await page.getByTestId('lang-switch').click();
    await open(4, /^Under the “broad measure, baseline \(from 2022\)” scenario/);
    // The English sentence gives the 2027 share: the share chart labels it alike.
    const share = amounts((await summary())!)[0]!;
    expect(share).toMatch(/^\d+\.\d%$/);
    await expect.poll(() => chartText('share')).toContain(share);
    await expect.poll(() => chartText('trajectory')).toContain('Target: ≥1.0 trillion yuan (2022)');
    await open(1, /^Under the “baseline” scenario/);
    expect(await page.getByTestId('scenario-base-note').textContent()).toContain('≥0.60 trillion yuan');
    expect(await chartText('trajectory')).toContain('≥0.60 trillion yuan');
    await page.getByTestId('lang-switch').click();
  });

  it('writes the 2020 base the same on the results tab and the backtest tab', async () => {
    await open(1, /^按基准情景/);
    expect(await page.getByTestId('scenario-base-note').textContent()).toContain('≥0.60万亿元');
    await page.getByRole('tab', { name: '回测' }).click();
    const base = page.getByTestId('backtest-total').locator('tr.status-base-year td');
    await expect.poll(() => base.nth(2).textContent()).toBe('≥0.60万亿元');
    expect(await base.nth(1).textContent()).toBe('≥0.60万亿元');
    await page.getByRole('tab', { name: '编辑与结果' }).click();
  });

  it('says a target that a lower-bound projection falls short of is open, not missed, in the table, the summary and the comparison', async () => {
    // The 2020 baseline (from "超6000亿元") with a user target of 1.5万亿元 in 2025: its projection ≥1.26万亿元 is a lower bound.
    const got = await dispatch(app.service, 'scenarios.get', { id: 1 });
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const definition = structuredClone((got.result as { definition: { name: string; nameEn?: string; targets: unknown[] } }).definition);
    definition.name = '基准（含2025年目标）';
    definition.nameEn = 'baseline with a 2025 target';
    definition.targets.push({ kind: 'total', id: 'de-2025', label: '2025年数字经济1.5万亿元', labelEn: 'Digital economy 1.5 trillion yuan by 2025', year: 2025, value: 15000 });
    const saved = await dispatch(app.service, 'scenarios.save', { definition });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const id = (saved.result as { id: number }).id;
    await page.reload();
    await open(id, /^按基准（含2025年目标）情景/);
    const row = page.getByTestId('scenario-targets').locator('tr[data-target="de-2025"]');
    // The bases come from the service once the scenario is open: the verdict follows them.
    await expect.poll(() => row.getByTestId('target-verdict').textContent()).toBe('无法判定（预测为下限，低于目标）');
    expect(await row.locator('td').nth(2).textContent()).toBe('≥1.26万亿元');
    const text = (await summary())!;
    expect(text).toContain('但预测为下限，实际可能更高，无法判定是否实现');
    expect(text).not.toContain('仍未达到');
    expect(await page.getByTestId('scenario-targets').textContent()).not.toContain('未实现');
    await page.getByRole('tab', { name: '情景比较' }).click();
    await page.getByTestId('compare').getByRole('checkbox', { name: '基准（含2025年目标）' }).check();
    const compared = page.getByTestId('compare-outcomes').locator('tbody tr', { hasText: '2025年数字经济1.5万亿元' });
    await expect.poll(() => compared.textContent()).toContain('≥1.26万亿元 · 无法判定（预测为下限，低于目标）');
    await page.getByTestId('lang-switch').click();
    const comparedEn = page.getByTestId('compare-outcomes').locator('tbody tr', { hasText: 'Digital economy 1.5 trillion yuan by 2025' });
    await expect.poll(() => comparedEn.textContent()).toContain('≥1.26 trillion yuan · open: the projection is a lower bound below the target');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('tab', { name: '编辑与结果' }).click();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
