// The files a reader takes away say what the screens say, in the screen's language: the data grid's
// own CSV/XLSX export writes an undated release as undated and from when it counts (not blank), and
// in English the release label, the bound and the source's confidence in English; a chart's data
// files in English write the workbench's confidence words (可信度 M, 推算) in English too.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportObservations } from '../../../electron/backend/data/observations-export';
import { chartRows, toCsv, toXlsx, type DataRow } from '../../../electron/backend/export/data-table';
import { provenanceOf } from '../../../electron/backend/export/provenance';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { BOUND_WORDS } from '../../../shared/series/bound';
import { knownFrom } from '../../../shared/series/vintage';
import { tempService } from '../../helpers/temp';
import { call } from '../charts/support';
import { app } from '../export/support';
import { createTestWorkspace, type TestWorkspace } from '../import/test-workspace';

/** Text that is Chinese: a CJK character or full-width punctuation. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

const csvOf = (bytes: Uint8Array): Array<Record<string, string>> => {
  const text = Buffer.from(bytes).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
};

describe('the data grid’s export', () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    ws = createTestWorkspace();
    seedSampleData(ws.db);
  });
  afterEach(() => ws.close());

  const only = (indicator: string, region: string) => ({
    sortModel: [{ colId: 'period', sort: 'asc' as const }],
    filterModel: { indicator: { filterType: 'set-values' as const, values: [indicator] }, region: { filterType: 'set-values' as const, values: [region] } },
  });

  it('writes an undated release as undated and from when it counts, in Chinese as the grid says it', async () => {
    const rows = csvOf(await exportObservations(ws.db, { format: 'csv', ...only('gdp', 'CQ') }));
    const y2019 = rows.find((r) => r['时期'] === '2019')!;
    expect([y2019['发布日期'], y2019['发布说明']]).toEqual([`日期不详（按${knownFrom('', 2019)}起计）`, '初步核算数']);
    // A dated release keeps its date.
    expect(rows.find((r) => r['时期'] === '2018')!['发布日期']).toBe('2020-01-01');
    // No row is left without a release date.
    expect(rows.filter((r) => r['发布日期'] === '')).toEqual([]);
    expect(y2019['来源']).toBe('重庆市统计局 统计公报（初步核算）（可信度 M）');
  });

  it('writes the release, the bound and the source’s confidence in English in an English file, CSV and XLSX alike', async () => {
    const scale = only('de_scale', 'CQ');
    const [csv] = csvOf(await exportObservations(ws.db, { format: 'csv', locale: 'en', ...scale }));
    expect(csv).toMatchObject({
      Period: '2022',
      Bound: BOUND_WORDS.en.lower,
      Status: 'actual',
      Released: `date not given (counted from ${knownFrom('', 2022)})`,
      Release: '',
      Source: 'CAICT 中国数字经济发展研究报告(2023) (reprinted in the press) (confidence M)',
    });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await exportObservations(ws.db, { format: 'xlsx', locale: 'en', ...only('gdp', 'CQ') })) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, title: string) => sheet.getRow(row).getCell(header.indexOf(title) + 1).value;
    const y2019 = [2, 3, 4, 5, 6, 7, 8].find((r) => cell(r, 'Period') === '2019')!;
    expect([cell(y2019, 'Released'), cell(y2019, 'Release'), cell(y2019, 'Bound'), cell(y2019, 'Source')]).toEqual([
      `date not given (counted from ${knownFrom('', 2019)})`,
      'preliminary estimate',
      BOUND_WORDS.en.exact,
      '重庆市统计局 统计公报 (preliminary estimate) (confidence M)',
    ]);
  });

  it('names a range of confidence and a derived figure in English, and leaves no workbench word in Chinese', async () => {
    const rows = csvOf(await exportObservations(ws.db, { format: 'csv', locale: 'en', ...only('de_va', 'CQ') }));
    expect(rows.map((r) => [r.Period, r.Status, r.Source])).toEqual([
      ['2020', 'actual', '《重庆市数字经济“十四五”发展规划》 (summary by a university research centre) (confidence L-M)'],
      ['2020H1', 'actual', '重庆商报 2020-11-17 (confidence M)'],
      ['2021', 'derived', "derived: 27.2% × 27894.02 (Chongqing's GDP 2021) (confidence H)"],
      ['2022', 'derived', "derived: 45.4% × 29129.03 (Chongqing's GDP 2022) (confidence M)"],
    ]);
    // The workbench's own columns: bound, status, release label and date, the measure.
    for (const r of rows) for (const column of ['Bound', 'Status', 'Release', 'Released', 'Measure']) expect(r[column], `${column} of ${r.Period}`).not.toMatch(CHINESE);
  });
});

describe('a chart’s data files in English', () => {
  const { service } = tempService();
  afterAll(() => service.close());

  async function english(input: Record<string, unknown>): Promise<{ rows: DataRow[]; csv: string; xlsx: ExcelJS.Workbook }> {
    const spec = chartSpecSchema.parse({ title: 'T', locale: 'en', ...input });
    const data = chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec }));
    const rows = chartRows(spec, data);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(Buffer.from(await toXlsx([{ name: 'chart', locale: 'en', rows, provenance: provenanceOf(spec, data, app) }])) as unknown as ArrayBuffer);
    return { rows, csv: toCsv(rows, 'en'), xlsx };
  }

  it('writes the sources’ confidence and the derived marker in English, in the CSV and the workbook', async () => {
    const { rows, csv, xlsx } = await english({ template: 'target-trajectory', bindings: { indicators: ['de_va'], regions: ['CQ'] } });
    const published = rows.filter((r) => r.source !== '' && r.kind === 'actual');
    expect(published.map((r) => [r.year, r.bound, r.source])).toEqual([
      [2020, BOUND_WORDS.en.lower, '《重庆市数字经济“十四五”发展规划》 (summary by a university research centre) (confidence L-M)'],
      [2021, BOUND_WORDS.en.exact, "derived: 27.2% × 27894.02 (Chongqing's GDP 2021) (confidence H)"],
      [2022, BOUND_WORDS.en.exact, "derived: 45.4% × 29129.03 (Chongqing's GDP 2022) (confidence M)"],
    ]);
    expect(csv).not.toContain('可信度');
    expect(csv).not.toContain('推算');
    const sheet = xlsx.getWorksheet('chart')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('《重庆市数字经济“十四五”发展规划》 (summary by a university research centre) (confidence L-M)');
    expect(texts.filter((t) => t.includes('可信度') || t.includes('推算'))).toEqual([]);
  });

  it('says an undated release and its confidence in English for a target’s progress', async () => {
    const { rows } = await english({ template: 'target-progress', bindings: { targets: ['A1'], regions: ['CQ'] } });
    expect(rows[0]).toMatchObject({
      bound: BOUND_WORDS.en.lower,
      release: `date not given (counted from ${knownFrom('', 2022)})`,
      source: 'CAICT 中国数字经济发展研究报告(2023) (reprinted in the press) (confidence M)',
    });
  });
});
