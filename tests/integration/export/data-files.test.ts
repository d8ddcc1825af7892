// The data files of a pack read back as a statistician opens them: the CSV by a CSV parser, the
// workbook by ExcelJS. Values at the chart's digits without float noise, flags for bound, measure and
// definition break, sources, Chinese headers, widths, formats and a frozen header, and text as text.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chartRows, toCsv, toXlsx } from '../../../electron/backend/export/data-table';
import { provenanceOf } from '../../../electron/backend/export/provenance';
import { chartDataSchema } from '../../../shared/charts/data';
import { BOUND_WORDS } from '../../../shared/series/bound';
import { fan, share, trajectory } from '../../fixtures/charts/briefing';
import { app } from './support';

function csvRecords(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
}

/** Digits after the point of a number as written. */
const digits = (text: string) => (text.split('.')[1] ?? '').length;

// A projection as the engine computes it, binary noise included (8073.6 × 1.1 is 8880.960000000001).
const noisy = chartDataSchema.parse({
  ...trajectory.data,
  series: trajectory.data.series.map((s) => (s.kind === 'projection' ? { ...s, points: s.points.map((p) => ({ ...p, value: p.value === null ? null : p.value * 1.1 })) } : s)),
});

describe('the CSV of a chart', () => {
  it('writes computed values at the chart digits and recorded figures as published', () => {
    const records = csvRecords(toCsv(chartRows(trajectory.spec, noisy), 'zh'));
    const projections = records.filter((r) => r['类型'] === '预测');
    expect(projections.length).toBeGreaterThan(0);
    // The chart writes one decimal of 亿元: no value has more, and none carries noise.
    for (const r of projections) expect(digits(r['数值']!)).toBeLessThanOrEqual(trajectory.spec.decimals);
    expect(projections[0]!['数值']).toBe(String(Number((2464.7 * 1.1).toFixed(1))));
    expect(records.find((r) => r['类型'] === '实际' && r['年份'] === '2022')!['数值']).toBe('2240.6');
  });

  it('names each projection by its scenario and version, and each published figure by its source', () => {
    const records = csvRecords(toCsv(chartRows(trajectory.spec, trajectory.data), 'zh'));
    expect(records.find((r) => r['系列'] === '基准情景 年增10%')!['来源']).toBe('工作台情景模型：基准情景 v3');
    const fanData = chartDataSchema.parse({ ...fan.data, bands: fan.data.bands.map((b) => ({ ...b, scenarioId: 'mc' })) });
    const bands = csvRecords(toCsv(chartRows(fan.spec, fanData), 'zh')).filter((r) => r['类型'] === '区间');
    expect(bands.length).toBeGreaterThan(0);
    expect(new Set(bands.map((r) => r['来源']))).toEqual(new Set(['工作台情景模型：蒙特卡洛 v2']));
  });

  it('flags the bound, the measure and a definition break, in the words of every other screen', () => {
    const data = chartDataSchema.parse({
      ...share.data,
      series: share.data.series.map((s) =>
        s.id === 'cq' ? { ...s, points: [{ year: 2020, value: 25, bound: 'lower', measure: 'cq-earlier' }, { year: 2021, value: 27.2, measure: 'cq-earlier' }, { year: 2022, value: 45.4, measure: 'caict-broad' }] } : s,
      ),
      meta: { ...share.data.meta, measures: [{ code: 'cq-earlier', name: '重庆市此前口径' }, { code: 'caict-broad', name: '信通院广义口径' }] },
    });
    const csv = toCsv(chartRows(share.spec, data), 'zh');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF系列,类型,数据性质,单位,年份,数值,数值界限,统计口径,口径变化,发布版本,来源,区间低值,区间高值,目标,期限,说明');
    const cq = csvRecords(csv).filter((r) => r['系列'] === '重庆');
    expect(cq.map((r) => [r['年份'], r['数值界限'], r['统计口径'], r['口径变化']])).toEqual([
      ['2020', BOUND_WORDS.zh.lower, '重庆市此前口径', ''],
      ['2021', BOUND_WORDS.zh.exact, '重庆市此前口径', ''],
      ['2022', BOUND_WORDS.zh.exact, '信通院广义口径', '口径变化（上年为重庆市此前口径）'],
    ]);
    const en = csvRecords(toCsv(chartRows({ ...share.spec, locale: 'en' }, data), 'en')).filter((r) => r.series === '重庆');
    expect(en.map((r) => r.bound)).toEqual([BOUND_WORDS.en.lower, BOUND_WORDS.en.exact, BOUND_WORDS.en.exact]);
    expect(en[2]!['definition break']).toBe('definition break (year before: 重庆市此前口径)');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    const data = chartDataSchema.parse({ series: [{ id: 'x', name: '=HYPERLINK("http://x","点击")', kind: 'actual', unit: '亿元', points: [{ year: 2022, value: -1.5 }] }] });
    const records = csvRecords(toCsv(chartRows(trajectory.spec, data), 'zh'));
    expect(records[0]!['系列']).toBe(`'=HYPERLINK("http://x","点击")`);
    // A value for machines keeps the ASCII minus.
    expect(records[0]!['数值']).toBe('-1.5');
  });
});

describe('the pack workbook', () => {
  async function workbookOf(data = noisy, name = '=1+1') {
    const sheets = [{ name: '01-核心产业', locale: 'zh' as const, rows: chartRows({ ...trajectory.spec, title: name }, data), provenance: { ...provenanceOf(trajectory.spec, data, app), title: name } }];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await toXlsx(sheets)) as unknown as ArrayBuffer);
    return wb;
  }

  it('stores text as text, with no formula guard, and numbers as numbers with the chart digits', async () => {
    const wb = await workbookOf();
    const about = wb.getWorksheet('说明')!;
    expect(about.getRow(2).getCell(2).value).toBe('=1+1');
    const ws = wb.getWorksheet('01-核心产业')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['系列', '类型', '数据性质', '单位', '年份', '数值', '数值界限', '统计口径', '口径变化', '发布版本', '来源', '区间低值', '区间高值', '目标', '期限', '说明']);
    const valueColumn = header.indexOf('数值') + 1;
    const projection = ws.getRow(2 + chartRows(trajectory.spec, noisy).findIndex((r) => r.kind === '预测'));
    expect(projection.getCell(valueColumn).value).toBe(Number((2464.7 * 1.1).toFixed(1)));
    expect(projection.getCell(valueColumn).numFmt).toBe('0.0#####');
    expect(typeof projection.getCell(header.indexOf('年份') + 1).value).toBe('number');
  });

  it('freezes and filters the header and sizes columns to their text', async () => {
    const wb = await workbookOf();
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const ws = wb.getWorksheet('01-核心产业')!;
    expect(ws.autoFilter).toBeTruthy();
    const widths = ws.columns.map((c) => c.width ?? 0);
    // The year column is narrow, the source column wide; none is left at Excel's default.
    expect(widths[4]).toBeLessThan(10);
    expect(widths[10]).toBeGreaterThan(20);
  });

  it('explains in Chinese what each column and bound word means, beside each chart source and notes', async () => {
    const wb = await workbookOf(trajectory.data, trajectory.spec.title);
    const about = wb.getWorksheet('说明')!;
    expect((about.getRow(1).values as unknown[]).slice(1)).toEqual(['图表', '标题', '数据截至', '情景（版本）', '来源', '注释', '机构', '日期', '生成工具']);
    expect((about.getRow(2).values as unknown[]).slice(1, 7)).toEqual([trajectory.spec.name, trajectory.spec.title, '2024-06-30', '基准情景 v3, 加速情景 v1', trajectory.spec.sourceNote, trajectory.spec.footnote]);
    const legend = new Map<string, string>();
    about.eachRow((row) => legend.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(legend.get('数值界限')).toContain(BOUND_WORDS.zh.lower);
    expect(legend.get('口径变化')).toContain('不是增长');
  });
});
