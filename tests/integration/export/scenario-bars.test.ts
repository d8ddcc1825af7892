// The starter briefing's waterfall and tornado exported as a pack and read back: their data files
// (CSV beside the images, the workbook) say each value's bound and measure as the chart does — the
// waterfall's 2020 base is "超6000亿元", a lower bound (≥) on the city's earlier measure — and the
// native PowerPoint waterfall names that bound in its category, having no per-bar labels.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBriefing, type BriefingResult } from '../../../electron/backend/export/briefing';
import { chartRows, toCsv } from '../../../electron/backend/export/data-table';
import { nativeChart } from '../../../electron/backend/export/pptx-native';
import type { WorkbenchService } from '../../../electron/backend/service';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call, starterChart } from '../charts/support';
import { app, tempDir } from './support';

let service: WorkbenchService;
let result: BriefingResult;

async function item(template: string, locale: 'zh' | 'en' = 'zh'): Promise<{ spec: ChartSpec; data: ChartData }> {
  const { spec: saved } = await starterChart(service, template);
  const spec = chartSpecSchema.parse({ ...saved, locale });
  return { spec, data: chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec })) };
}

beforeAll(async () => {
  service = tempService().service;
  result = await exportBriefing([await item('contribution-waterfall'), await item('tornado')], tempDir(), { app, title: '情景分解', dpi: 96 });
}, 60_000);
afterAll(() => service.close());

/** The CSV's rows as field lists, header first (no field here holds a comma or a quote). */
const csvRows = (path: string): string[][] =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));

/** A row as header → field. */
const byHeader = (header: string[], row: string[]): Record<string, string> => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));

describe('data files of scenario bars', () => {
  it('the waterfall CSV: the 2020 base is a lower bound, every step on the scenario measure', () => {
    const [header, ...rows] = csvRows(result.charts[0]!.csv);
    const steps = rows.map((r) => byHeader(header!, r));
    expect(steps.map((s) => s['系列'])).toEqual(['2020年', '数字产业化', '产业数字化', '2022年']);
    expect(steps[0]).toMatchObject({ 类型: '合计', 数值: '6000', 数值界限: '下限（≥）', 统计口径: '重庆市此前口径' });
    // The components are projections with no bound of their own; the 2022 total, projected from a
    // lower bound at the scenario's growth, is a lower bound too.
    expect(steps.slice(1).map((s) => [s['数值界限'], s['统计口径'], s['说明']])).toEqual([
      ['', '重庆市此前口径', '预测'],
      ['', '重庆市此前口径', '预测'],
      ['下限（≥）', '重庆市此前口径', '预测'],
    ]);
  });

  it('the tornado CSV: each driver row on the measure its result is on, bounded as its base (≥6000亿元) is', () => {
    const [header, ...rows] = csvRows(result.charts[1]!.csv);
    const bars = rows.map((r) => byHeader(header!, r));
    expect(bars.length).toBeGreaterThan(1);
    for (const b of bars) expect(b).toMatchObject({ 类型: '敏感性', 统计口径: '重庆市此前口径', 数值界限: '下限（≥）' });
  });

  it('the workbook holds the same bound and measure', async () => {
    const book = new ExcelJS.Workbook();
    const bytes = readFileSync(result.xlsx);
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const [, waterfall, tornado] = book.worksheets;
    const header = (waterfall!.getRow(1).values as unknown[]).slice(1);
    const cell = (ws: ExcelJS.Worksheet, row: number, column: string) => ws.getRow(row).getCell(header.indexOf(column) + 1).value;
    expect([cell(waterfall!, 2, '系列'), cell(waterfall!, 2, '数值'), cell(waterfall!, 2, '数值界限'), cell(waterfall!, 2, '统计口径')]).toEqual(['2020年', 6000, '下限（≥）', '重庆市此前口径']);
    expect(cell(tornado!, 2, '统计口径')).toBe('重庆市此前口径');
  });

  it('says the same in English', async () => {
    const { spec, data } = await item('contribution-waterfall', 'en');
    const csv = toCsv(chartRows(spec, data), 'en');
    // In the chart's unit, as the English axis reads it: billion yuan.
    expect(csv).toMatch(/\r\n2020,total,illustrative,billion yuan,,600,lower bound \(≥\),[^,\r\n]*earlier[^,\r\n]*,/i);
    expect(nativeChart(spec, data)!.types[0]!.data[0]!.labels).toEqual(['2020 (lower bound)', expect.any(String), expect.any(String), '2022 (projection; lower bound)']);
  });

  it('the native PowerPoint waterfall names the bound in the 2020 category', async () => {
    const zip = await JSZip.loadAsync(readFileSync(result.pptx));
    const parts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    // The tornado has no native chart: the waterfall's is the only one.
    expect(parts).toHaveLength(1);
    const xml = await zip.file(parts[0]!)!.async('string');
    const categories = [...new Set([...xml.matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)].flatMap((m) => [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1])))];
    expect(categories).toEqual(['2020年（下限值）', '数字产业化（预测）', '产业数字化（预测）', '2022年（预测；下限值）']);
  });
});
