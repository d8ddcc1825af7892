import fs from 'node:fs';
import JSZip from 'jszip';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRuleNotices } from '../../electron/backend/charts/notices';
import type { WorkbenchService } from '../../electron/backend/service';
import { chartSpecSchema } from '../../shared/charts/spec';
import type { RunningHost } from '../../electron/host/http';
import { openApp, type AppSession } from './browser';

let app: AppSession;
let host: RunningHost;
let service: WorkbenchService;
let page: Page;
let pageErrors: string[];
const title = '川渝地区生产总值对比（测试）';
let chartId = 0;

beforeAll(async () => {
  app = await openApp({ width: 1366, height: 820 });
  ({ host, service, page, pageErrors } = app);
  page.on('response', (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
});

afterAll(async () => {
  await app?.close();
});

/** Clicks `button`, waits for the download it starts and returns the file's bytes and name. */
async function download(button: Locator, timeout = 30_000): Promise<{ name: string; bytes: Buffer }> {
  const [file] = (await Promise.all([page.waitForEvent('download', { timeout }), button.click()])) as [Download, void];
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

const previewSvg = () => page.getByTestId('chart-preview').locator('svg').first();

describe('Charts page in Chromium', () => {
  it('opens on the first saved chart of the starter pack, drawn in the preview', async () => {
    await page.goto(host.url);
    await page.locator('nav a', { hasText: '图表' }).click();
    await expect.poll(() => page.getByTestId('chart-list').locator('li').count()).toBeGreaterThanOrEqual(9);
    const first = (await service.run('charts.list', {})).at(0);
    expect(first).toBeDefined();
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe(first?.name);
    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).toContain(first?.title);
    // The trajectory draws 万亿级 over the broad-measure scenarios, the measure it is judged on, labelled by what it says.
    expect(await previewSvg().innerHTML()).toContain('>目标：≥1.0万亿元（2022年）<');
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/charts?chart=${first?.id}`);
  });

  it('designs a new chart: template, bindings, title, with the field error shown and the preview following', async () => {
    await page.getByTestId('chart-new').click();
    await expect.poll(() => page.getByTestId('unsaved').textContent()).toBe('尚未保存');
    await page.locator('[data-template="regional-comparison"]').click();
    expect(await page.getByTestId('template-desc').textContent()).toContain('重庆、四川、成都与全国');

    const indicators = page.getByTestId('bind-indicators');
    await indicators.locator('label.checked input').uncheck();
    await indicators.getByLabel('地区生产总值').check();
    for (const region of ['重庆', '四川省', '成都市']) await page.getByTestId('bind-regions').getByLabel(region).check();

    await page.getByTestId('text-title').fill('');
    await expect.poll(() => page.getByTestId('error-title').textContent()).toBe('必填');
    expect(await page.getByTestId('chart-save').isDisabled()).toBe(true);
    await page.getByTestId('text-title').fill(title);
    expect(await page.getByTestId('error-title').count()).toBe(0);
    await page.getByTestId('text-sourceNote').fill('重庆市统计局；四川省统计局');

    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).toContain(title);
    const svg = await previewSvg().innerHTML();
    expect(svg).toContain('数据来源：重庆市统计局');
    expect(svg).toContain('四川省');
    expect(await page.getByTestId('preview-error').count()).toBe(0);
  });

  it('saves it to the workspace and clears the unsaved mark', async () => {
    await page.getByTestId('chart-save').click();
    await expect.poll(() => page.getByTestId('unsaved').count()).toBe(0);
    await expect.poll(() => page.getByTestId('chart-list').textContent()).toContain(title);
    const saved = (await service.run('charts.list', {})).find((c) => c.title === title);
    expect(saved?.template).toBe('regional-comparison');
    chartId = saved?.id ?? 0;
    const { spec } = await service.run('charts.get', { id: chartId });
    expect(spec.bindings).toMatchObject({ indicators: ['gdp'], regions: ['CQ', 'SC', 'CD'] });
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/charts?chart=${chartId}`);
  });

  it('exports a PNG at the chosen DPI through the UI', async () => {
    await page.getByTestId('export-dpi').fill('150');
    const png = await download(page.getByTestId('export-png'));
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // A 16:9 slide is 960x540 CSS px: at 150 DPI that is 1500 px wide.
    expect(png.bytes.readUInt32BE(16)).toBe(1500);
    expect(Math.abs(png.bytes.readUInt32BE(20) - 844)).toBeLessThanOrEqual(1);
    expect(png.bytes.length).toBeGreaterThan(20_000);
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain(png.name);
  });

  it('exports an editable PPTX with a native chart', async () => {
    const pptx = await download(page.getByTestId('export-pptx'));
    expect(pptx.name).toMatch(/\.pptx$/);
    const zip = await JSZip.loadAsync(pptx.bytes);
    const charts = Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(charts.length).toBe(1);
    expect(await zip.file(charts[0]!)!.async('string')).toContain('四川');
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain(title);
  });

  it('adds the chart to the starter briefing and moves it by drag and by the keyboard buttons', async () => {
    await page.getByTestId('tab-briefings').click();
    await expect.poll(() => page.getByTestId('pack-list').textContent()).toContain('示例简报');
    await expect.poll(() => page.getByTestId('pack-name').inputValue()).toBe('示例简报');
    const items = page.getByTestId('pack-items').locator('> li');
    await expect.poll(() => items.count()).toBe(9);
    await page.getByTestId('pack-add-select').selectOption({ label: title });
    await page.getByTestId('pack-add').click();
    await expect.poll(() => items.count()).toBe(10);
    expect(await items.last().getAttribute('data-chart-id')).toBe(String(chartId));
    await items.last().locator('textarea').fill('川渝对比，供沙龙讨论。');
    await items.last().locator('textarea').blur();

    // Drag the new last chart by its handle into the gap above the chart before it.
    await items.last().getByTestId('drag-handle').dragTo(items.nth(8), { targetPosition: { x: 60, y: 4 } });
    await expect.poll(() => items.nth(8).getAttribute('data-chart-id')).toBe(String(chartId));
    await expect.poll(async () => (await service.run('briefings.get', { id: 1 })).items[8]).toEqual(expect.objectContaining({ chartId, notes: '川渝对比，供沙龙讨论。' }));

    // The keyboard path: up and back down.
    await items.nth(8).getByRole('button', { name: '上移' }).click();
    await expect.poll(() => items.nth(7).getAttribute('data-chart-id')).toBe(String(chartId));
    await items.nth(7).getByRole('button', { name: '下移' }).click();
    await expect.poll(() => items.nth(8).getAttribute('data-chart-id')).toBe(String(chartId));
    await expect.poll(async () => (await service.run('briefings.get', { id: 1 })).items.map((i) => i.chartId).indexOf(chartId)).toBe(8);

    const slides = page.getByTestId('slide');
    await expect.poll(() => slides.count()).toBe(10);
    await expect.poll(() => slides.nth(8).textContent()).toContain('川渝对比，供沙龙讨论。');
    await expect.poll(() => slides.nth(8).locator('svg').first().innerHTML(), { timeout: 15_000 }).toContain(title);
  });

  it('exports the whole pack as a ZIP with the deck, the PDF and every chart', async () => {
    await page.getByTestId('pack-dpi').selectOption('150');
    const zipFile = await download(page.getByTestId('pack-export'), 120_000);
    expect(zipFile.name).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(zipFile.bytes);
    const names = Object.keys(zip.files);
    expect(names.some((n) => n.endsWith('.pptx'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
    expect(names.some((n) => n.endsWith('-data.xlsx'))).toBe(true);
    expect(names.filter((n) => /^charts\/\d\d-.*\.png$/.test(n)).length).toBe(10);
    // The pack's order is the files' order: the new chart is the ninth.
    const ninth = names.find((n) => /^charts\/09-.*\.svg$/.test(n));
    expect(ninth).toBeDefined();
    expect(await zip.file(ninth!)!.async('string')).toContain(title);
    await expect.poll(() => page.getByTestId('pack-message').textContent()).toContain(zipFile.name);
  });

  it('opens a chart from a link and switches the page to English', async () => {
    await page.goto(`${new URL(host.url).origin}/#/charts?chart=${chartId}`);
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe(title);
    await page.reload();
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe(title);
    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).toContain(title);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Briefing charts');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Chart designer', 'Briefing packs']);
    expect(await page.locator('.form-section summary').allTextContents()).toEqual(['1Template', '2Data', '3Texts', '4Style and size']);
    expect(await page.getByTestId('export-pptx').textContent()).toBe('Export PPTX');
    await page.getByTestId('tab-briefings').click();
    await expect.poll(() => page.getByRole('heading', { name: 'Slide preview' }).count()).toBe(1);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('简报图表');
  });

  it('pins the chart to a vintage, says so under the chart, and goes back to the latest data in one click', async () => {
    await page.goto(`${new URL(host.url).origin}/#/charts?chart=${chartId}`);
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe(title);
    const vintage = async () => (await service.run('charts.get', { id: chartId })).spec.bindings.vintage;
    await page.getByTestId('bind-vintage').fill('2019-06-30');
    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).toContain('数据截至 2019-06-30');
    await expect.poll(() => page.getByTestId('vintage-banner').textContent()).toContain('此图固定于 2019-06-30 的数据，之后有新的发布');
    await page.getByTestId('chart-save').click();
    await expect.poll(vintage).toBe('2019-06-30');
    await page.getByTestId('vintage-use-latest').click();
    await expect.poll(vintage).toBeNull();
    await expect.poll(() => page.getByTestId('vintage-banner').count()).toBe(0);
    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).not.toContain('数据截至');
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect(await page.getByTestId('bind-vintage').inputValue()).toBe('');
  });

  it('tells the user of a chart saved before the target-line rule why its 万亿级 line is gone, until dismissed', async () => {
    const ids = ['基准', '加速', '保守'].map((name) => String(service.db.prepare('SELECT id FROM scenarios WHERE name = ?').pluck().get(name)));
    const spec = chartSpecSchema.parse({ template: 'target-trajectory', title: '旧的万亿目标图', bindings: { indicators: ['de_va'], regions: ['CQ'], scenarios: ids, targets: ['A1'] } });
    const saved = await service.run('charts.save', { spec });
    // As a workspace made before the rule: the chart was saved earlier and the workspace not yet looked at.
    service.db.prepare("UPDATE charts SET updated_at = '2024-01-01T00:00:00.000Z' WHERE id = ?").run(saved.id);
    service.db.prepare("DELETE FROM settings WHERE key = 'notice.targetMeasureRule'").run();
    recordRuleNotices(service.db);

    await page.goto(`${new URL(host.url).origin}/#/charts?chart=${saved.id}`);
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe('旧的万亿目标图');
    await expect.poll(() => page.getByTestId('data-notice').first().textContent()).toContain('工作区升级后本图有变化：目标线现在只画在与目标判定口径相同的数值上');
    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).toContain('按信通院广义口径判定，与图中数值的口径（重庆市此前口径）不同，未画出。');
    expect(await previewSvg().innerHTML()).not.toContain('>目标：≥1.0万亿元');
    await page.getByTestId('data-notice-dismiss').click();
    await expect.poll(() => page.getByTestId('data-notice').count()).toBe(0);
  });

  it('draws 重庆 2022 on a saved chart of the national share from the city’s reported share, and says so', async () => {
    const spec = chartSpecSchema.parse({ template: 'regional-comparison', title: '旧的全国口径占比图', bindings: { indicators: ['de_share_gdp'], regions: ['CQ', 'CN'] } });
    const saved = await service.run('charts.save', { spec });
    // As a workspace made before the rule: the chart was saved earlier and the workspace not yet looked at.
    service.db.prepare("UPDATE charts SET updated_at = '2024-01-01T00:00:00.000Z' WHERE id = ?").run(saved.id);
    service.db.prepare("DELETE FROM settings WHERE key = 'notice.shareViaRule'").run();
    recordRuleNotices(service.db);

    await page.goto(`${new URL(host.url).origin}/#/charts?chart=${saved.id}`);
    await expect.poll(() => page.getByTestId('designer-title').textContent()).toBe('旧的全国口径占比图');
    await expect.poll(() => page.getByTestId('data-notice').first().textContent()).toContain('现画出另一占比指标按同一口径公布的数值');
    await expect.poll(() => previewSvg().innerHTML(), { timeout: 15_000 }).toContain('重庆2022年的数值取自数字经济增加值占GDP比重（重庆），来源：');
    await page.getByTestId('data-notice-dismiss').click();
    await expect.poll(() => page.getByTestId('data-notice').count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });
});
