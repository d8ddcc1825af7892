// A chart pinned to a vintage draws each figure as published by that date and says so in its footer
// (every output); `newerData` tells the designer a later release exists. Data notices: a workspace
// made before migration 007 gets a notice for 重庆 2018 GDP (first release → census revision), shown on
// the charts that draw that figure until each chart's user dismisses it.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { chartRows, toCsv } from '../../../electron/backend/export/data-table';
import { readChunks } from '../../../electron/backend/export/png-chunks';
import { WorkbenchService } from '../../../electron/backend/service';
import type { ChartNotice } from '../../../shared/api/charts-contract';
import type { ExportedFile } from '../../../shared/api/jobs-contract';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { tempDir, tempService } from '../../helpers/temp';
import { call, callError } from './support';

const gdpCq = (vintage?: string | null, extra: Record<string, unknown> = {}) => ({
  template: 'indicator-series',
  title: '重庆地区生产总值',
  sourceNote: '重庆市统计局',
  bindings: { indicators: ['gdp'], regions: ['CQ'], ...(vintage === undefined ? {} : { vintage }), ...extra },
});

async function dataOf(service: WorkbenchService, spec: unknown): Promise<ChartData> {
  return chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec }));
}

async function svgOf(service: WorkbenchService, spec: unknown): Promise<string> {
  const file = await call<ExportedFile>(service, 'export.chart', { spec, format: 'svg' });
  return Buffer.from(file.base64, 'base64').toString('utf8');
}

describe('a chart pinned to a vintage', () => {
  let service: WorkbenchService;
  beforeAll(() => {
    service = tempService().service;
  });
  afterAll(() => service.close());

  it('reads as the latest data when the spec has no vintage (specs saved before it existed)', () => {
    expect(chartSpecSchema.parse(gdpCq()).bindings.vintage).toBeNull();
    expect(chartSpecSchema.parse(gdpCq('2019-06-30')).bindings.vintage).toBe('2019-06-30');
    expect(chartSpecSchema.safeParse(gdpCq('2019-02-30')).success).toBe(false);
    expect(chartSpecSchema.safeParse(gdpCq('30/06/2019')).success).toBe(false);
  });

  it('draws 重庆 2018 GDP as first released on 2019-06-30, nothing published later, and knows newer data exists', async () => {
    const data = await dataOf(service, gdpCq('2019-06-30'));
    const actual = data.series.filter((s) => s.kind === 'actual');
    expect(actual).toHaveLength(1);
    // The first release, as known then: its label, date and source, in the data file too.
    expect(actual[0]!.points).toEqual([
      { year: 2018, value: 20363.19, bound: 'exact', measure: 'standard', released: '2019-03-01', releaseLabel: '统计公报初步核算数', source: '重庆市统计局 统计公报（初步核算）' },
    ]);
    expect(data.meta).toMatchObject({ vintage: '2019-06-30', newerData: true, asOf: '2019-06-30' });
    // In the chart's unit (its axis reads 万亿元), every digit published kept.
    expect(toCsv(chartRows(chartSpecSchema.parse(gdpCq('2019-06-30')), data), 'zh')).toContain(',万亿元,2018,2.036319,确数,统计部门常规口径,,统计公报初步核算数 · 2019-03-01,重庆市统计局 统计公报（初步核算）,');

    const svg = await svgOf(service, gdpCq('2019-06-30'));
    expect(svg).toContain('数据截至 2019-06-30');
    expect(svg).toContain('数据来源：重庆市统计局');
    expect(svg).toContain('&#34;asOf&#34;:&#34;2019-06-30&#34;');
  });

  it('unpinned: the census revision 21588.8, every later year, no vintage line', async () => {
    const data = await dataOf(service, gdpCq(null));
    const points = data.series.find((s) => s.kind === 'actual')!.points;
    expect(points.find((p) => p.year === 2018)).toMatchObject({ value: 21588.8, released: '2020-01-01', releaseLabel: '第四次经济普查修订' });
    expect(points.length).toBeGreaterThan(1);
    expect(data.meta).toMatchObject({ vintage: null, newerData: false });
    const svg = await svgOf(service, gdpCq(null));
    expect(svg).not.toContain('数据截至');
  });

  it('pinned after every release: the latest data, no newer data, still says its date', async () => {
    const latest = await dataOf(service, gdpCq(null));
    const pinned = await dataOf(service, gdpCq('2030-01-01'));
    expect(pinned.series).toEqual(latest.series);
    expect(pinned.meta).toMatchObject({ vintage: '2030-01-01', newerData: false });
    expect(await svgOf(service, gdpCq('2030-01-01'))).toContain('数据截至 2030-01-01');
  });

  it('compares only the years drawn: a revision outside the year range is no newer data', async () => {
    // 2020-03-01: 2018 is the revision already, 2019 is known (undated: from 1 March); the years 2018-2019 then read as now.
    const within = await dataOf(service, gdpCq('2020-03-01', { years: { from: 2018, to: 2019 } }));
    expect(within.series.find((s) => s.kind === 'actual')!.points.map((p) => [p.year, p.value])).toEqual([
      [2018, 21588.8],
      [2019, 23605.77],
    ]);
    expect(within.meta.newerData).toBe(false);
    // The whole series: 2020 and later were published since.
    expect((await dataOf(service, gdpCq('2020-03-01'))).meta.newerData).toBe(true);
  });

  it('target progress reads its actuals as known on the vintage', async () => {
    const spec = { template: 'target-progress', title: '目标进展', bindings: { targets: ['A1'], regions: ['CQ'], vintage: '2019-06-30' } };
    const pinned = await dataOf(service, spec);
    const latest = await dataOf(service, { ...spec, bindings: { ...spec.bindings, vintage: null } });
    expect(latest.progress[0]).toMatchObject({ actual: 10000, actualYear: 2022, bound: 'lower' });
    expect(pinned.progress[0]!.actualYear ?? 0).toBeLessThan(2020);
    expect(pinned.meta.newerData).toBe(true);
    expect(latest.meta.newerData).toBe(false);
  });

  it('says so in English, in the PNG metadata, and on the PPTX slide (native chart and picture)', async () => {
    const en = await svgOf(service, { ...gdpCq('2019-06-30'), locale: 'en' });
    expect(en).toContain('Data as known on 2019-06-30');

    // PNG and PDF are drawn from that SVG; the PNG's metadata carry the vintage as the data's as-of date.
    const png = await call<ExportedFile>(service, 'export.chart', { spec: gdpCq('2019-06-30'), format: 'png', dpi: 96 });
    const chunks = readChunks(Buffer.from(png.base64, 'base64')).filter((c) => c.type === 'tEXt' || c.type === 'iTXt');
    expect(chunks.some((c) => c.data.toString('utf8').includes('2019-06-30'))).toBe(true);
    const pdf = await call<ExportedFile>(service, 'export.chart', { spec: gdpCq('2019-06-30'), format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').toString('latin1').startsWith('%PDF-')).toBe(true);

    const slideText = async (spec: unknown) => {
      const file = await call<ExportedFile>(service, 'export.chart', { spec, format: 'pptx' });
      const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
      return { slide: await zip.file('ppt/slides/slide1.xml')!.async('string'), charts: Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)) };
    };
    const native = await slideText(gdpCq('2019-06-30'));
    expect(native.charts).toHaveLength(1);
    expect(native.slide).toContain('数据截至 2019-06-30');
    const picture = await slideText({ template: 'target-progress', title: '目标进展', bindings: { targets: ['A1'], regions: ['CQ'], vintage: '2019-06-30' } });
    expect(picture.charts).toHaveLength(0);
    expect(picture.slide).toContain('数据截至 2019-06-30');
    expect((await slideText(gdpCq(null))).slide).not.toContain('数据截至');
  });

  it('is saved with the chart and read back', async () => {
    const saved = await call<{ id: number }>(service, 'charts.save', { spec: gdpCq('2019-06-30') });
    const got = await call<{ spec: { bindings: { vintage: string | null } } }>(service, 'charts.get', { id: saved.id });
    expect(got.spec.bindings.vintage).toBe('2019-06-30');
    const file = await call<ExportedFile>(service, 'export.chart', { id: saved.id, format: 'svg' });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('数据截至 2019-06-30');
    const bad = await callError(service, 'charts.save', { spec: gdpCq('2019-13-01') });
    expect(bad).toMatchObject({ code: 'chart.invalidSpec', params: { path: 'bindings.vintage' } });
  });

  it('a fresh workspace has no data notices: its seed carries the releases already', async () => {
    const saved = await call<{ id: number }>(service, 'charts.save', { spec: gdpCq() });
    expect(await call(service, 'charts.notices', { id: saved.id })).toEqual([]);
    const list = await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {});
    expect(list.every((c) => c.notices === 0)).toBe(true);
  });
});

/**
 * A workspace as version 6 of the app left it: migrations 001-006 and 重庆 2018 GDP as first released
 * (20363.19), which migration 007 turns into the census revision with a data notice.
 */
function version6Workspace(): { file: string; dataDir: string } {
  const dir = tempDir();
  const v6 = path.join(dir, 'migrations-v6');
  fs.mkdirSync(v6);
  for (const m of loadMigrations().slice(0, 6)) fs.writeFileSync(path.join(v6, m.name), m.sql);
  const file = path.join(dir, 'v6.sqlite');
  const ws = openWorkspace(file, { create: true, migrationsDir: v6 });
  expect(ws.schemaVersion).toBe(6);
  ws.db.prepare("INSERT INTO regions (code, name_zh, name_en, kind) VALUES ('CQ', '重庆', 'Chongqing', 'municipality')").run();
  ws.db.prepare("INSERT INTO indicators (code, name_zh, name_en, unit, category) VALUES ('gdp', '地区生产总值', 'GDP', '亿元', 'macro')").run();
  ws.db
    .prepare(
      `INSERT INTO observations (indicator, region, period, year, value, unit, original, status, source, note)
       VALUES ('gdp', 'CQ', '2018', 2018, 20363.19, '亿元', '20363.19', 'actual', '重庆市统计局 统计公报（初步核算）', '')`,
    )
    .run();
  ws.db.close();
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  return { file, dataDir };
}

describe('data notices after a workspace upgrade', () => {
  const opened: WorkbenchService[] = [];
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
  });
  const upgraded = (): WorkbenchService => {
    const { file, dataDir } = version6Workspace();
    const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, file);
    opened.push(service);
    return service;
  };

  it('shows the 重庆 2018 GDP notice on a chart of gdp for 重庆 until dismissed, per chart', async () => {
    const service = upgraded();
    const figure = service.db.prepare("SELECT value FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2018'").pluck().get();
    expect(figure).toBe(21588.8);

    const chart = await call<{ id: number }>(service, 'charts.save', { spec: gdpCq() });
    const notices = await call<ChartNotice[]>(service, 'charts.notices', { id: chart.id });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ indicator: 'gdp', region: 'CQ', year: 2018 });
    expect(notices[0]!.messageZh).toContain('21588.80');
    expect(notices[0]!.messageZh).toContain('20363.19');
    expect(notices[0]!.messageEn).toContain('census revision');

    const other = await call<{ id: number }>(service, 'charts.save', { spec: { ...gdpCq(), title: '另一张' } });
    const list = await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {});
    expect(list.find((c) => c.id === chart.id)?.notices).toBe(1);

    expect(await call(service, 'charts.dismissNotice', { id: chart.id, noticeId: notices[0]!.id })).toEqual([]);
    expect(await call(service, 'charts.notices', { id: chart.id })).toEqual([]);
    // Dismissed again, or an unknown notice: nothing changes.
    expect(await call(service, 'charts.dismissNotice', { id: chart.id, noticeId: notices[0]!.id })).toEqual([]);
    expect(await call(service, 'charts.dismissNotice', { id: chart.id, noticeId: 9999 })).toEqual([]);
    // Dismissed for one chart only.
    expect(await call<ChartNotice[]>(service, 'charts.notices', { id: other.id })).toHaveLength(1);
    expect((await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {})).find((c) => c.id === chart.id)?.notices).toBe(0);
  });

  it('shows none on charts that do not draw that figure', async () => {
    const service = upgraded();
    const scale = await call<{ id: number }>(service, 'charts.save', { spec: { template: 'indicator-series', title: '规模', bindings: { indicators: ['de_scale'], regions: ['CQ'] } } });
    expect(await call(service, 'charts.notices', { id: scale.id })).toEqual([]);
    const later = await call<{ id: number }>(service, 'charts.save', { spec: gdpCq(undefined, { years: { from: 2019, to: 2024 } }) });
    expect(await call(service, 'charts.notices', { id: later.id })).toEqual([]);
    const sichuan = await call<{ id: number }>(service, 'charts.save', { spec: { ...gdpCq(), bindings: { indicators: ['gdp'], regions: ['SC'] } } });
    expect(await call(service, 'charts.notices', { id: sichuan.id })).toEqual([]);
    // A chart of gdp in every region draws 重庆's too.
    const all = await call<{ id: number }>(service, 'charts.save', { spec: { template: 'regional-comparison', title: '各地GDP', bindings: { indicators: ['gdp'] } } });
    expect(await call<ChartNotice[]>(service, 'charts.notices', { id: all.id })).toHaveLength(1);
    const missing = await callError(service, 'charts.notices', { id: 99999 });
    expect(missing.code).toBe('chart.notFound');
  });
});
