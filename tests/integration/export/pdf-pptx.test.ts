// PDF and PPTX of a whole pack, read back: pages and embedded font; slides, native chart parts with
// their values, dashed projections, the Chinese font on chart text, notes and provenance.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/backend/export/pdf';
import { OFFICE_FONT, renderPptx } from '../../../electron/backend/export/pptx';
import { nativeChart } from '../../../electron/backend/export/pptx-native';
import { styleChartXml } from '../../../electron/backend/export/pptx-post';
import { chartDataSchema } from '../../../shared/charts/data';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { fan, progress, tornadoChart, trajectory, waterfall } from '../../fixtures/charts/briefing';
import { app, itemOf, packItems } from './support';

describe('PDF export', () => {
  it('has one page per chart, the CJK font embedded and the pack title', async () => {
    const pdf = Buffer.from(await renderPdf(packItems, { app, title: '数字经济沙龙简报' }));
    const text = pdf.toString('latin1');
    const utf16 = (s: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(packItems.length);
    expect(text).toMatch(/\/FontFile[23]? \d+ 0 R/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    // PDF text strings are UTF-16BE with a byte-order mark.
    expect(pdf.includes(Buffer.concat([Buffer.from('('), utf16('数字经济沙龙简报'), Buffer.from(')')]))).toBe(true);
    expect(text).toContain('(digital-economy-workbench 0.1.0-test)');
  });

  it('sizes each page to its chart', async () => {
    const pdf = Buffer.from(await renderPdf([itemOf(trajectory)], { app })).toString('latin1');
    expect(pdf).toMatch(/\/MediaBox \[0 0 720 405\]/);
  });

  it('refuses an empty pack', async () => {
    await expect(renderPdf([], { app })).rejects.toMatchObject({ code: 'EMPTY_BRIEFING' });
  });
});

describe('PPTX export', () => {
  it('writes one slide per chart with native charts where the template has one', async () => {
    const zip = await JSZip.loadAsync(await renderPptx(packItems, { app, title: '数字经济沙龙简报' }));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(packItems.length);
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(packItems.filter((i) => nativeChart(i.spec, i.data)).length);
    expect(Object.keys(zip.files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(2);

    const slide1 = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide1).toContain(`<a:t>${trajectory.spec.title}</a:t>`);
    expect(slide1).toContain('数据来源：重庆邮电大学');
    expect(slide1).toContain(`<a:ea typeface="${OFFICE_FONT}"`);
    const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
    expect(notes).toContain(trajectory.notes);

    const custom = await zip.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain('name="AppVersion"><vt:lpwstr>digital-economy-workbench 0.1.0-test</vt:lpwstr>');
    expect(custom).toContain('name="DataAsOf"><vt:lpwstr>2024-06-30');
    expect(custom).toContain('基准情景 v3, 加速情景 v1');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/docProps/custom.xml');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>数字经济沙龙简报</dc:title>');
    expect(await zip.file('ppt/theme/theme1.xml')!.async('string')).toContain(`<a:ea typeface="${OFFICE_FONT}" panose=`);
  });

  it('carries the series values, dashed projections and a flat target series in the chart part', async () => {
    const zip = await JSZip.loadAsync(await renderPptx([itemOf(trajectory)], { app }));
    const [part] = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    const xml = await zip.file(part!)!.async('string');
    for (const v of ['1825.2', '2240.6', '3608.5', '4128.2', '4000']) expect(xml).toContain(`<c:v>${v}</c:v>`);
    expect(xml).toContain('<c:v>2023E</c:v>');
    const series = xml.split('<c:ser>').slice(1);
    expect(series.map((s) => /<a:prstDash val="(\w+)"/.exec(s)![1])).toEqual(['solid', 'dash', 'dash', 'sysDash']);
    expect(series[3]).toContain('<c:symbol val="none"/>');
    expect(xml).not.toContain('<c:v></c:v>');
    expect(xml).not.toMatch(/<a:latin typeface="[^"]*"\/>(?!<a:ea)/);
  });

  it('builds the fan as stacked areas on a transparent base and the waterfall on an invisible one', async () => {
    const fanChart = nativeChart(fan.spec, fan.data)!;
    expect(fanChart.types.map((t) => t.type)).toEqual(['area', 'line']);
    expect(fanChart.types[0]!.data.map((d) => d.name)).toEqual(['P5', '90%区间（P5–P95）', '50%区间（P25–P75）', '90%区间（P5–P95）']);
    expect(fanChart.types[0]!.options.chartColors![0]).toBe('transparent');
    const wf = nativeChart(waterfall.spec, waterfall.data)!;
    expect(wf.types[0]!.options).toMatchObject({ barGrouping: 'stacked' });
    // Values are written in the axis unit (万亿元 here), which the axis title names.
    expect(wf.types[0]!.data[0]!.values).toEqual([null, 0.855, 0.972, 1.477, null]);
    expect(wf.options.valAxisTitle).toBe('万亿元');
    // The base and the value-label carrier after the four parts.
    expect(wf.hiddenLegend).toEqual([0, 4]);
  });

  it('names the measure of every series where the chart draws more than one, and of none where it draws one', () => {
    const spec = chartSpecSchema.parse({ template: 'regional-comparison', title: '占比', options: { mode: 'bars' } });
    const measures = [
      { code: 'cq-earlier', name: '重庆市此前口径' },
      { code: 'caict-broad', name: '信通院广义口径' },
    ];
    const point = (year: number, value: number, measure: string) => ({ year, value, measure });
    const cq = { id: 'cq', name: '重庆', region: '重庆', kind: 'actual', unit: '%', breaksBefore: [2022], points: [point(2021, 27.2, 'cq-earlier'), point(2022, 45.4, 'caict-broad')] };
    const cn = { id: 'cn', name: '全国', region: '全国', kind: 'actual', unit: '%', points: [point(2021, 39.8, 'caict-broad'), point(2022, 41.5, 'caict-broad')] };
    const names = (series: unknown[]) => nativeChart(spec, chartDataSchema.parse({ series, meta: { measures } }))!.types[0]!.data.map((d) => d.name);
    expect(names([cq, cn])).toEqual(['重庆（重庆市此前口径；2022年起为信通院广义口径）', '全国（信通院广义口径）']);
    expect(names([cn])).toEqual(['全国']);
    // As lines, one native series per stretch: the first names its measure too.
    const lines = nativeChart({ ...spec, options: { ...spec.options, mode: 'lines' } } as typeof spec, chartDataSchema.parse({ series: [cq, cn], meta: { measures } }))!;
    expect(lines.types[0]!.data.map((d) => d.name)).toEqual(['重庆（重庆市此前口径）', '重庆（2022年起为信通院广义口径）', '全国（信通院广义口径）']);
  });

  it('labels a scenario\'s base year as a year, the years only its projection reaches as estimates', () => {
    const spec = chartSpecSchema.parse({ template: 'target-trajectory', title: '情景' });
    const data = chartDataSchema.parse({
      series: [{ id: 'p', name: '基准', kind: 'projection', unit: '亿元', basis: 'illustrative', points: [{ year: 2020, value: 6000, base: true }, { year: 2021, value: 7000 }] }],
    });
    expect(nativeChart(spec, data)!.types[0]!.data[0]!.labels).toEqual(['2020', '2021E']);
  });

  it('puts tornado and progress charts on slides as images', () => {
    expect(nativeChart(tornadoChart.spec, tornadoChart.data)).toBeNull();
    expect(nativeChart(progress.spec, progress.data)).toBeNull();
  });

  it('hides invisible bases from the legend', () => {
    const xml = '<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>';
    expect(styleChartXml(xml, { types: [], options: {}, styles: [], hiddenLegend: [0], targets: [] }, 'F')).toBe(
      '<c:legend><c:legendPos val="t"/><c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry><c:overlay val="0"/></c:legend>',
    );
  });
});
