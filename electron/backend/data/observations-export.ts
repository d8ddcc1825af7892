// Export of a grid view (same sort and filter model) to CSV or XLSX. CSV is UTF-8 with a BOM and CRLF
// line ends, which Excel and WPS on Chinese Windows open correctly. Text cells that a spreadsheet
// would run as a formula (starting with = + - @, tab or CR) are written with a leading apostrophe;
// the workspace keeps the text as it was. A value goes out with its bound (界限) in a column of its own,
// its measure (口径) and its release (发布日期, 发布说明), so a lower bound never reads as exact; the
// workbench's words (bound, status, release label, an undated release, the source's confidence) in the
// language of the screen, as the grid shows them.

import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Database from 'better-sqlite3';
import type { Locale } from '../../../shared/format/number';
import { releaseDateText } from '../../../shared/format/release';
import { sourceInLocale } from '../../../shared/format/source-text';
import { translate } from '../../../shared/i18n';
import { seedLabel } from '../../../shared/i18n/seed-labels';
import { boundWord } from '../../../shared/series/bound';
import { quoteCsvCell } from '../import/csv-split';
import { DataError } from '../import/problems';
import { columnId, type ColumnId, type ViewSpec } from './observation-view';
import { rowsByIds, viewIds, type GridRow } from './observations-query';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportOptions extends ViewSpec {
  format: ExportFormat;
  /** Columns in order; default: the grid's columns. */
  columns?: string[];
  locale?: Locale;
}

export interface ExportControl {
  signal?: AbortSignal;
  onProgress?: (progress: { rows: number; total: number }) => void;
}

/** Excel's sheet limit, less the header row. */
export const XLSX_MAX_ROWS = 1_048_575;
const PAGE = 5000;

export const DEFAULT_EXPORT_COLUMNS: readonly ColumnId[] = [
  'indicator', 'indicatorName', 'region', 'regionName', 'period', 'value', 'bound', 'unit', 'measureName', 'status', 'released', 'releaseLabel', 'source', 'note',
  'original', 'importId', 'id',
];

const TITLES: Record<Locale, Record<ColumnId, string>> = {
  zh: {
    id: '编号', indicator: '指标代码', indicatorName: '指标', indicatorNameEn: '指标（英文）', region: '地区代码', regionName: '地区', regionNameEn: '地区（英文）',
    period: '时期', year: '年份', value: '数值', unit: '单位', original: '原文', status: '状态', importId: '导入批次', source: '来源', note: '备注',
    measure: '口径代码', measureName: '口径', measureNameEn: '口径（英文）', bound: '界限', released: '发布日期', releaseLabel: '发布说明', revisions: '修订次数',
  },
  en: {
    id: 'ID', indicator: 'Indicator code', indicatorName: 'Indicator', indicatorNameEn: 'Indicator (English)', region: 'Region code', regionName: 'Region',
    regionNameEn: 'Region (English)', period: 'Period', year: 'Year', value: 'Value', unit: 'Unit', original: 'Original text', status: 'Status',
    importId: 'Import', source: 'Source', note: 'Note', measure: 'Measure code', measureName: 'Measure', measureNameEn: 'Measure (English)', bound: 'Bound',
    released: 'Released', releaseLabel: 'Release', revisions: 'Revisions',
  },
};

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** Text as a spreadsheet may safely show it: a would-be formula gets a leading apostrophe. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellOf(row: GridRow, col: ColumnId, locale: Locale): string | number | null {
  if (col === 'bound') return boundWord(row.bound, locale);
  // The status as the grid shows it (实际值, 推算值 …), which an import reads back.
  if (col === 'status') return translate(locale, `status.${row.status}`);
  // The measures are the app's own catalogue, named in both languages (unlike indicators, which are data).
  if (col === 'measureName' && locale === 'en') return row.measureNameEn || row.measureName;
  // A release without a date says so and from when it counts as known, as everywhere else.
  if (col === 'released') return releaseDateText(row.released, row.year, locale);
  if (col === 'releaseLabel') return seedLabel(row.releaseLabel, locale);
  if (col === 'source') return sourceInLocale(row.source, locale);
  return row[col];
}

async function* pages(db: Database.Database, view: ViewSpec, control: ExportControl): AsyncGenerator<GridRow[]> {
  const ids = viewIds(db, view);
  for (let start = 0; start < ids.length; start += PAGE) {
    if (control.signal?.aborted) throw new DataError('import.cancelled');
    yield rowsByIds(db, ids.subarray(start, Math.min(ids.length, start + PAGE)), view.vintage);
    control.onProgress?.({ rows: Math.min(ids.length, start + PAGE), total: ids.length });
    await new Promise<void>((r) => setImmediate(r));
  }
}

function write(out: Writable, text: string): Promise<void> | null {
  return out.write(text) ? null : new Promise((resolve) => out.once('drain', () => resolve()));
}

async function writeCsv(db: Database.Database, options: ExportOptions, columns: ColumnId[], out: Writable, control: ExportControl): Promise<number> {
  const locale = options.locale ?? 'zh';
  const titles = TITLES[locale];
  let rows = 0;
  await write(out, `\uFEFF${columns.map((c) => quoteCsvCell(titles[c])).join(',')}\r\n`);
  for await (const page of pages(db, options, control)) {
    const lines: string[] = [];
    for (const r of page) {
      lines.push(
        columns
          .map((c) => {
            const v = cellOf(r, c, locale);
            if (v === null) return '';
            return typeof v === 'number' ? String(v) : quoteCsvCell(guardFormula(v));
          })
          .join(','),
      );
    }
    rows += page.length;
    if (lines.length) await write(out, `${lines.join('\r\n')}\r\n`);
  }
  out.end();
  await finished(out);
  return rows;
}

async function writeXlsx(db: Database.Database, options: ExportOptions, columns: ColumnId[], out: Writable, control: ExportControl): Promise<number> {
  const total = viewIds(db, options).length;
  if (total > XLSX_MAX_ROWS) throw new DataError('export.too-many-rows', { rows: total, max: XLSX_MAX_ROWS });
  const locale = options.locale ?? 'zh';
  const titles = TITLES[locale];
  // Loaded here, not with the module: ExcelJS takes about half a second to load, and most commands never write a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(options.locale === 'en' ? 'Observations' : '观测值', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: titles[c], key: c, width: c === 'indicatorName' || c === 'source' || c === 'note' ? 28 : c === 'measureName' || c === 'releaseLabel' ? 18 : 12 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let rows = 0;
  for await (const page of pages(db, options, control)) {
    for (const r of page) {
      ws.addRow(columns.map((c) => {
        const v = cellOf(r, c, locale);
        return typeof v === 'string' ? guardFormula(v) : v;
      })).commit();
    }
    rows += page.length;
  }
  ws.commit();
  await wb.commit();
  return rows;
}

function exportColumns(options: ExportOptions): ColumnId[] {
  return options.columns?.length ? options.columns.map(columnId) : [...DEFAULT_EXPORT_COLUMNS];
}

/** Write the view to a stream (a file, or a buffer collector). Returns the number of data rows. */
export async function exportObservationsTo(db: Database.Database, options: ExportOptions, out: Writable, control: ExportControl = {}): Promise<number> {
  const columns = exportColumns(options);
  return options.format === 'xlsx' ? writeXlsx(db, options, columns, out, control) : writeCsv(db, options, columns, out, control);
}

/** The view's file as bytes (for the API to hand to a save dialog or a download). */
export async function exportObservations(db: Database.Database, options: ExportOptions, control: ExportControl = {}): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportObservationsTo(db, options, out, control);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Write the view straight to a file. */
export async function writeObservationsExport(db: Database.Database, options: ExportOptions, filePath: string, control: ExportControl = {}): Promise<{ rows: number }> {
  const rows = await exportObservationsTo(db, options, createWriteStream(filePath), control);
  return { rows };
}
