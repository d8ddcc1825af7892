// SVG export: parses (resvg's XML parser is strict), carries title, source, provenance and the font,
// is byte-for-byte repeatable, and matches the committed reference SVGs. After a deliberate change of
// rendering, refresh them with: UPDATE_CHART_REFERENCES=1 npx vitest run tests/integration/export
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../electron/backend/export/errors';
import { fontFile, subsetFor, locateFont } from '../../../electron/backend/export/font';
import { renderChartSvg, renderSvg, svgText } from '../../../electron/backend/export/svg';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { fixtureCharts, stacked, trajectory } from '../../fixtures/charts/briefing';
import { app } from './support';

const referenceDir = fileURLToPath(new URL('../../fixtures/charts/reference/', import.meta.url));
const updating = process.env.UPDATE_CHART_REFERENCES === '1';

/** The reference keeps everything but the font bytes, which follow the installed font's version. */
function comparable(svg: string): string {
  return svg.replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,FONT');
}

describe('SVG export', () => {
  it('parses and carries title, source, provenance and the embedded font', async () => {
    const svg = await renderSvg(trajectory.spec, trajectory.data, { app });
    expect(() => new Resvg(svg)).not.toThrow();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(svg).toMatch(/<svg width="960" height="540"/);
    const text = svgText(svg);
    expect(text).toContain(trajectory.spec.title);
    expect(text).toContain('数据来源：重庆邮电大学');
    const provenance = JSON.parse(/<wb:provenance[^>]*>([^<]*)<\/wb:provenance>/.exec(svg)![1]!.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))));
    expect(provenance).toMatchObject({ chart: '核心产业增加值对标2027目标', template: 'target-trajectory', asOf: '2024-06-30', app: 'digital-economy-workbench 0.1.0-test' });
    expect(provenance.scenarios).toEqual([
      { id: 'base', name: '基准情景', version: 3 },
      { id: 'fast', name: '加速情景', version: 1 },
    ]);
    expect(svg).toMatch(/@font-face\{font-family:'Noto Sans CJK SC';src:url\(data:font\/otf;base64,[A-Za-z0-9+/=]{1000,}\) format\('opentype'\);\}/);
    expect(svg).toContain("font-family:'Noto Sans CJK SC'");
  });

  it('escapes data in the SVG rather than letting it become markup', async () => {
    const data = chartDataSchema.parse({ series: [{ id: 'x', name: '<script>alert(1)</script>', kind: 'actual', unit: '%', points: [{ year: 2022, value: 45.4 }] }] });
    const svg = await renderSvg(chartDataSpec(), data, { app });
    expect(svg).not.toContain('<script>');
    expect(svgText(svg)).toContain('<script>alert(1)</script>');
  });

  it('gives the same bytes for the same chart every time', async () => {
    const a = await renderSvg(trajectory.spec, trajectory.data, { app });
    const b = await renderSvg(trajectory.spec, trajectory.data, { app });
    expect(b).toBe(a);
  });

  it('has no background when asked for a transparent one', async () => {
    const white = await renderSvg(trajectory.spec, trajectory.data, { app });
    const clear = await renderSvg(trajectory.spec, trajectory.data, { app, background: 'transparent' });
    expect(white).toMatch(/<rect width="960" height="540" x="0" y="0" fill="#ffffff"/);
    expect(clear).not.toMatch(/<rect width="960" height="540" x="0" y="0" fill="#ffffff"/);
  });

  it('writes the projected total of a scenario on a bounded base as a lower bound, named as the PPTX names it', async () => {
    // The components carry no bound (their split is illustrative); the data's meta says which scenario
    // rests on a bounded base, and the total of its components rests on it too.
    const series = stacked.data.series.map((s) => (s.kind === 'projection' ? { ...s, scenarioId: 'base' } : s));
    const meta: ChartData['meta'] = { ...stacked.data.meta, boundedBases: [{ scenario: '基准情景', year: 2023, value: 12320, unit: '亿元', bound: 'lower' }] };
    const bounded = svgText(await renderSvg(stacked.spec, { ...stacked.data, series, meta }, { app }));
    expect(bounded).toContain('≥1.49万亿元');
    expect(bounded).toContain('合计（2023—2025年为下限值）');
    expect(bounded).toContain('基准情景情景的基数为2023年的下限值≥1.23万亿元。');
    // Without a bounded base, the same total is exact and its legend entry the bare 合计.
    const exact = svgText(await renderSvg(stacked.spec, stacked.data, { app }));
    expect(exact).not.toContain('≥1.49万亿元');
    expect(exact).toContain('1.49万亿元');
    expect(exact).not.toContain('下限值');
  });

  it.each(fixtureCharts.map((c) => [c.id, c] as const))('matches its reference SVG (%s)', async (id, chart) => {
    const svg = comparable(await renderSvg(chart.spec, chart.data, { app }));
    const file = join(referenceDir, `${id}.svg`);
    if (updating || !existsSync(file)) {
      mkdirSync(referenceDir, { recursive: true });
      writeFileSync(file, svg);
    }
    expect(svg, `${id} renders differently from tests/fixtures/charts/reference/${id}.svg; if intended, rerun with UPDATE_CHART_REFERENCES=1`).toBe(readFileSync(file, 'utf8'));
  });
});

describe('export font', () => {
  it('finds the CJK font and measures Chinese wider than Latin', () => {
    const font = locateFont();
    expect(font.family).toBe('Noto Sans CJK SC');
    expect(font.measure('数字经济', 10)).toBeCloseTo(40, 5);
    expect(font.measure('2022', 10)).toBeLessThan(30);
  });

  it('fails with a typed error when the configured font is missing', async () => {
    const attempt = renderSvg(trajectory.spec, trajectory.data, { app, fontPath: '/nonexistent/font.ttc' });
    await expect(attempt).rejects.toBeInstanceOf(ExportError);
    await expect(attempt).rejects.toMatchObject({ code: 'FONT_NOT_FOUND', params: { tried: ['/nonexistent/font.ttc'] } });
  });

  it('refuses a font without Chinese glyphs rather than exporting charts without text', async () => {
    const latinOnly = fontFile(await subsetFor(locateFont(), 'abc0123456789'));
    expect(() => locateFont(latinOnly)).toThrow(expect.objectContaining({ code: 'FONT_UNUSABLE' }));
  });

  it('subsets to the characters the chart draws', async () => {
    const rendered = await renderChartSvg(trajectory.spec, trajectory.data, { app });
    expect(rendered.subset.length).toBeLessThan(100_000);
    expect(rendered.text).toContain('预测期');
  });

  it('reports a chart its template cannot draw', async () => {
    const attempt = renderSvg(chartDataSpec(), chartDataSchema.parse({}), { app });
    await expect(attempt).rejects.toMatchObject({ code: 'CHART_BUILD_FAILED', params: { reason: 'NO_DATA' } });
  });
});

function chartDataSpec() {
  return fixtureCharts.find((c) => c.id === 'indicator')!.spec;
}
