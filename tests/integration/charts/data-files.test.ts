// The data files of a briefing export, read back from the ZIP (each chart's CSV as text, the pack's
// workbook with exceljs): every published figure and progress actual says which release (label and
// date) and source it comes from, in both languages; scenario values leave both blank; a scenario's
// base year is named as its base, not a projection; a source is kept from running as a formula.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { ExportedFile, JobStatus } from '../../../shared/api/jobs-contract';
import { tempService } from '../../helpers/temp';
import { call, starterChart } from './support';

let service: WorkbenchService;
beforeAll(() => {
  service = tempService().service;
});
afterAll(() => service.close());

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

interface Pack {
  /** Each chart's CSV as records keyed by its header, in pack order. */
  csv: Array<Array<Record<string, string>>>;
  headers: string[][];
  book: ExcelJS.Workbook;
}

async function exportPack(specs: unknown[], existing: number[] = []): Promise<Pack> {
  const saved = [];
  for (const spec of specs) saved.push((await call<{ id: number }>(service, 'charts.save', { spec })).id);
  const briefing = await call<{ id: number }>(service, 'briefings.save', { name: '数据文件', items: [...saved, ...existing].map((chartId) => ({ chartId, notes: '' })) });
  const started = await call<JobStatus>(service, 'export.briefing', { id: briefing.id, dpi: 96 });
  let status = started;
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    status = await call<JobStatus>(service, 'jobs.get', { id: started.id });
  }
  expect(status.state).toBe('done');
  const file = await call<ExportedFile>(service, 'jobs.file', { id: started.id });
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  const csvNames = Object.keys(zip.files)
    .filter((n) => n.startsWith('charts/') && n.endsWith('.csv'))
    .sort();
  const tables = await Promise.all(csvNames.map(async (n) => parseCsv(await zip.file(n)!.async('string'))));
  const book = new ExcelJS.Workbook();
  const xlsx = Buffer.from(await zip.file('数据文件-data.xlsx')!.async('uint8array'));
  await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength));
  return {
    headers: tables.map((t) => t[0]!),
    csv: tables.map(([header, ...rows]) => rows.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])))),
    book,
  };
}

/** A sheet's rows as text, as a reader sees its cells (numbers written as numbers). */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

const gdpCq = (extra: Record<string, unknown> = {}) => ({
  template: 'regional-comparison',
  title: '重庆GDP',
  sourceNote: '重庆市统计局',
  bindings: { indicators: ['gdp'], regions: ['CQ'], years: { from: 2018, to: 2019 }, ...extra },
});

const stored = (year: number) =>
  service.db
    .prepare("SELECT released, release_label AS releaseLabel, source FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = ?")
    .get(String(year)) as { released: string; releaseLabel: string; source: string };

describe('chart data files', () => {
  it('give each published figure and progress actual its release and source; scenario values none; the base year as the base', async () => {
    const stacked = await starterChart(service, 'stacked-components');
    const pack = await exportPack(
      [
        gdpCq(),
        { ...gdpCq({ vintage: '2019-06-30' }), title: '重庆GDP（2019年中）' },
        { template: 'target-progress', title: '目标进展', bindings: { targets: ['A1', 'A2', 'A3'], regions: ['CQ'] } },
        { ...gdpCq(), title: 'Chongqing GDP', locale: 'en' },
      ],
      [stacked.id],
    );
    const [latest, pinned, progress, english, parts] = pack.csv;

    // The columns, in both languages, after the measure.
    expect(pack.headers[0]).toEqual(['系列', '类型', '数据性质', '单位', '年份', '数值', '数值界限', '统计口径', '口径变化', '发布版本', '来源', '区间低值', '区间高值', '目标', '期限', '说明']);
    expect(pack.headers[3]!.slice(7, 11)).toEqual(['measure', 'definition break', 'release', 'source']);

    // 重庆 2018 GDP: the census revision in the latest data, the first release as known in mid-2019.
    const census = stored(2018);
    // In the chart's unit, as its axis reads: 万亿元.
    expect(latest!.find((r) => r['年份'] === '2018')).toMatchObject({
      单位: '万亿元',
      数值: '2.15888',
      发布版本: '第四次经济普查修订 · 2020-01-01',
      来源: census.source,
    });
    expect(census.source).toContain('第四次全国经济普查');
    expect(pinned!.map((r) => [r['年份'], r['数值'], r['发布版本'], r['来源']])).toEqual([['2018', '2.036319', '统计公报初步核算数 · 2019-03-01', '重庆市统计局 统计公报（初步核算）']]);
    // 2019's preliminary estimate has no release date: the column says so, and from when it is counted.
    const y2019 = stored(2019);
    expect(y2019).toMatchObject({ released: '', releaseLabel: '初步核算数' });
    expect(latest!.find((r) => r['年份'] === '2019')).toMatchObject({
      发布版本: '初步核算数 · 日期不详（按2020-03-01起计）',
      来源: y2019.source,
    });
    // An English chart names a seeded release in English; a source stays as recorded except for the workbench's confidence words.
    expect(english!.find((r) => r.year === '2018')).toMatchObject({ release: '4th census revision · 2020-01-01', source: '重庆市统计局修订序列 (after the 4th economic census, third-party compilation) (confidence L)' });

    // Progress: the actual's release and source; a target without an actual leaves both blank.
    expect(progress!.map((r) => [r['系列'], r['发布版本'], r['来源'] !== ''])).toEqual([
      ['数字经济总量达到万亿级规模', '日期不详（按2023-03-01起计）', true],
      ['数字经济占GDP比重达到40%以上', '《行动计划》指标表 · 2023-12-13', true],
      ['培育数字经济龙头企业', '', false],
    ]);
    expect(progress![0]!['来源']).toContain('CAICT');

    // A scenario's parts: the base year is the base it starts from, then projections; none is a release.
    expect(parts!.map((r) => [r['年份'], r['类型']])).toEqual([
      ['2020', '情景基期'],
      ['2021', '预测'],
      ['2022', '预测'],
      ['2020', '情景基期'],
      ['2021', '预测'],
      ['2022', '预测'],
    ]);
    // None is a release; a projection's source names the model and the scenario version that computed it.
    expect(parts!.map((r) => [r['类型'], r['发布版本'], r['来源']])).toEqual(
      [1, 2].flatMap(() => [['情景基期', '', ''], ['预测', '', '工作台情景模型：基准 v1'], ['预测', '', '工作台情景模型：基准 v1']]),
    );

    // The workbook holds the same rows as the CSV, sheet by sheet (after the About sheet).
    const sheets = pack.book.worksheets.slice(1);
    expect(sheets).toHaveLength(5);
    sheets.forEach((sheet, i) => {
      const rows = sheetRows(sheet);
      expect(rows[0]).toEqual(pack.headers[i]);
      expect(rows.slice(1).map((r) => pack.headers[i]!.map((_, k) => r[k] ?? ''))).toEqual(pack.csv[i]!.map((r) => pack.headers[i]!.map((h) => r[h])));
    });
  });

  it('keep a source that starts like a formula from running, in the CSV and the workbook', async () => {
    service.db
      .prepare(
        "INSERT INTO observations (indicator, region, period, year, value, unit, status, source) VALUES ('de_digital_industrialisation', 'CQ', '2021', 2021, 1700, '亿元', 'illustrative', ?)",
      )
      .run('=HYPERLINK("http://x","点击")');
    const pack = await exportPack([{ template: 'indicator-series', title: '注入', bindings: { indicators: ['de_digital_industrialisation'], regions: ['CQ'] } }]);
    expect(pack.csv[0]!.map((r) => r['来源'])).toEqual(['\'=HYPERLINK("http://x","点击")']);
    // The workbook stores it as text, which no spreadsheet runs: the CSV's guard does not leak into it.
    const cell = pack.book.worksheets[1]!.getRow(2).getCell(pack.headers[0]!.indexOf('来源') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","点击")');
  });
});
