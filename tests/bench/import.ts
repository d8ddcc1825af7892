// Import figures for `npm run bench`: a 1,000,000-row long CSV (200 indicators × 50 regions × 100
// quarters) imported into a fresh workspace, against the sqlite3 CLI's `.import` of the same file into
// a plain table in the same run; peak RSS importing 1M against 2M rows (flat means streaming works);
// and the grid's page query p95 on the 1M-row workspace, for sorted and filtered pages deep in the table.
//
// Also peak RSS importing a 200k-row against an 800k-row long XLSX: the sheet is read as a stream too.
//
// Each import runs in a child process (this file with `--child`), so its peak RSS is its own; both
// peak RSS figures are medians of RUNS imports.

import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openWorkspace } from '../../electron/backend/db/workspace';
import type { FilterModel, SortModel } from '../../electron/backend/data/observation-view';
import { queryObservations } from '../../electron/backend/data/observations-query';
import { commitImport } from '../../electron/backend/import/commit';
import { median, percentile, type BenchFigure } from './figure';

const here = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 3;
const PAGES_PER_VIEW = 60;

interface ChildResult {
  ms: number;
  rows: number;
  maxRssMb: number;
}

/** The bench's CSV: `indicators` × 50 regions × 100 quarters (2000Q1–2024Q4), values in 亿元. */
export async function writeCsv(path: string, indicators: number): Promise<number> {
  const out = createWriteStream(path);
  const wait = () => new Promise<void>((r) => out.once('drain', () => r()));
  if (!out.write('指标,地区,时期,数值,单位\n')) await wait();
  let seed = 1;
  let rows = 0;
  const periods = Array.from({ length: 100 }, (_, p) => `${2000 + Math.floor(p / 4)}Q${(p % 4) + 1}`);
  for (let i = 0; i < indicators; i++) {
    const lines: string[] = [];
    for (let r = 0; r < 50; r++) {
      for (const p of periods) {
        seed = (seed * 48271) % 2147483647;
        lines.push(`指标${i},地区${r},${p},${(seed / 214748.3647).toFixed(2)},亿元`);
      }
    }
    rows += lines.length;
    if (!out.write(`${lines.join('\n')}\n`)) await wait();
  }
  out.end();
  await new Promise<void>((r) => out.on('finish', () => r()));
  return rows;
}

/** A long XLSX of `rows` rows (the CSV's columns; 50 regions × 100 quarters per indicator), written as a stream. */
async function writeXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(['指标', '地区', '时期', '数值', '单位']).commit();
  let seed = 1;
  for (let i = 0; i < rows; i++) {
    seed = (seed * 48271) % 2147483647;
    const p = i % 100;
    sheet.addRow([`指标${Math.floor(i / 5000)}`, `地区${Math.floor(i / 100) % 50}`, `${2000 + Math.floor(p / 4)}Q${(p % 4) + 1}`, Math.round(seed / 214748.3647) / 100, '亿元']).commit();
  }
  sheet.commit();
  await wb.commit();
}

function runChild(workspace: string, csv: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--child', workspace, csv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

function sqliteImport(dir: string, csv: string, run: number): number | null {
  const db = join(dir, `baseline-${run}.sqlite`);
  const start = performance.now();
  const r = spawnSync('sqlite3', [db, '.import --csv ' + csv + ' t'], { encoding: 'utf8' });
  const ms = performance.now() - start;
  rmSync(db, { force: true });
  return r.error || r.status !== 0 ? null : ms;
}

function gridFigures(workspace: string): { p95: number; coldMedian: number; pages: number } {
  const ws = openWorkspace(workspace);
  try {
    const views: Array<{ sortModel: SortModel; filterModel: FilterModel }> = [
      { sortModel: [{ colId: 'value', sort: 'desc' }], filterModel: {} },
      { sortModel: [{ colId: 'region', sort: 'asc' }], filterModel: { indicator: { filterType: 'set-values', values: Array.from({ length: 20 }, (_, i) => `指标${i * 10}`) } } },
      { sortModel: [{ colId: 'period', sort: 'desc' }], filterModel: { value: { filterType: 'number', type: 'inRange', filter: 2000, filterTo: 6000 } } },
      { sortModel: [{ colId: 'indicatorName', sort: 'asc' }], filterModel: { regionName: { filterType: 'text', type: 'contains', filter: '地区1' } } },
    ];
    const warm: number[] = [];
    const cold: number[] = [];
    let seed = 3;
    for (const view of views) {
      // The first page of a new view builds its snapshot: timed apart, it is what a click on a header costs.
      let start = performance.now();
      const { lastRow } = queryObservations(ws.db, { startRow: Math.floor(0.9 * 1_000_000), endRow: Math.floor(0.9 * 1_000_000) + 100, ...view });
      cold.push(performance.now() - start);
      for (let k = 0; k < PAGES_PER_VIEW; k++) {
        seed = (seed * 48271) % 2147483647;
        const at = Math.floor(lastRow / 2 + ((seed / 2147483647) * lastRow) / 2 / 100) * 100;
        start = performance.now();
        queryObservations(ws.db, { startRow: at, endRow: at + 100, ...view });
        warm.push(performance.now() - start);
      }
    }
    return { p95: percentile(warm, 95), coldMedian: median(cold), pages: warm.length };
  } finally {
    ws.db.close();
  }
}

export async function benchImport(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-import-'));
  try {
    const csv1 = join(dir, 'long-1m.csv');
    const csv2 = join(dir, 'long-2m.csv');
    const rows1 = await writeCsv(csv1, 200);
    await writeCsv(csv2, 400);

    const baselines: number[] = [];
    const imports: ChildResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      const b = sqliteImport(dir, csv1, run);
      if (b !== null) baselines.push(b);
      const ws = join(dir, `ws-${run}.sqlite`);
      imports.push(runChild(ws, csv1));
      if (run < RUNS - 1) for (const s of ['', '-wal', '-shm']) rmSync(ws + s, { force: true });
    }
    // As many 2M imports as 1M ones: a peak RSS varies by tens of MB from run to run (when the
    // threads' garbage collections fall), so one sample against a median is not a comparison.
    const bigRss: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const ws = join(dir, `ws-2m-${run}.sqlite`);
      bigRss.push(runChild(ws, csv2).maxRssMb);
      for (const s of ['', '-wal', '-shm']) rmSync(ws + s, { force: true });
    }
    const rss2 = median(bigRss);
    const xlsxRss: number[] = [];
    for (const rows of [200_000, 800_000]) {
      const xlsx = join(dir, `long-${rows}.xlsx`);
      await writeXlsx(xlsx, rows);
      const result = runChild(join(dir, `ws-xlsx-${rows}.sqlite`), xlsx);
      if (result.rows !== rows) throw new Error(`bench XLSX import wrote ${result.rows} of ${rows} rows`);
      xlsxRss.push(result.maxRssMb);
    }
    const grid = gridFigures(join(dir, `ws-${RUNS - 1}.sqlite`));

    const ms = median(imports.map((r) => r.ms));
    const baseline = baselines.length ? median(baselines) : null;
    const ratio = baseline === null ? null : ms / baseline;
    const rss1 = median(imports.map((r) => r.maxRssMb));
    return [
      { name: 'import 1M rows', value: ms, unit: 'ms', baseline, ratio, target: baseline === null ? null : 1.3, ok: ratio === null ? null : ratio <= 1.3 },
      { name: 'import 1M rows, throughput', value: Math.round((rows1 / ms) * 1000), unit: 'rows/s', baseline: null, ratio: null, target: null, ok: null },
      { name: 'import peak RSS, 1M rows', value: rss1, unit: 'MB', baseline: null, ratio: null, target: null, ok: null },
      { name: 'import peak RSS, 2M rows', value: rss2, unit: 'MB', baseline: rss1, ratio: rss2 / rss1, target: 1.2, ok: rss2 / rss1 <= 1.2 },
      { name: 'import peak RSS, XLSX 200k rows', value: xlsxRss[0]!, unit: 'MB', baseline: null, ratio: null, target: null, ok: null },
      { name: 'import peak RSS, XLSX 800k rows', value: xlsxRss[1]!, unit: 'MB', baseline: xlsxRss[0]!, ratio: xlsxRss[1]! / xlsxRss[0]!, target: 1.3, ok: xlsxRss[1]! / xlsxRss[0]! <= 1.3 },
      { name: 'grid page query p95', value: grid.p95, unit: 'ms', baseline: null, ratio: null, target: 15, ok: grid.p95 < 15 },
      { name: 'grid first page of a new view (median)', value: grid.coldMedian, unit: 'ms', baseline: null, ratio: null, target: null, ok: null },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(workspace: string, csv: string): Promise<void> {
  const ws = openWorkspace(workspace, { create: true });
  const start = performance.now();
  const summary = await commitImport(ws.db, csv, { onConflict: 'fail' });
  const ms = performance.now() - start;
  ws.db.close();
  if (summary.status !== 'committed') throw new Error(`bench import ${summary.status}: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  const result: ChildResult = { ms, rows: summary.rowsWritten, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[2] === '--child' && resolve(process.argv[1] ?? '') === here) {
  await child(process.argv[3]!, process.argv[4]!);
}
