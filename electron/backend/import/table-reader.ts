// Reading a file as a table of text cells, whatever its format: CSV/TSV streamed through a decoder
// (memory stays flat however long the file), XLSX through exceljs (one sheet at a time).
// Legacy .xls and HTML tables saved as .xls are refused with a message saying what to do.

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { createDecoder, detectEncoding, overrideEncoding, REPLACEMENT } from './decode';
import { CsvSplitter, sniffDelimiter } from './csv-split';
import { DataError } from './problems';
import type { EncodingGuess, FileFormat, ImportOptions } from './types';

export interface RawRow {
  /** 1-based row number as Excel shows it (a CSV record, not a physical line). */
  row: number;
  cells: string[];
}

export interface TableChunk {
  rows: RawRow[];
  /** Bytes of the file consumed so far (for progress). */
  bytesRead: number;
}

export interface OpenedTable {
  format: FileFormat;
  encoding: EncodingGuess | null;
  sheets: string[];
  sheet: string | null;
  sizeBytes: number;
  chunks(signal?: AbortSignal): AsyncGenerator<TableChunk>;
  /** True once decoded text has held U+FFFD: cells must then be checked for it. */
  replacementSeen(): boolean;
  /** True when the file ended inside a quoted CSV field. */
  unclosedQuote(): boolean;
}

const SAMPLE_BYTES = 1 << 20;
const READ_BYTES = 1 << 18;
const ROWS_PER_CHUNK = 4096;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DataError('import.cancelled');
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function isOle(head: Buffer): boolean {
  return head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
}

function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function looksLikeMarkup(head: Buffer): boolean {
  const start = head.subarray(0, 512).toString('latin1').replace(/^\uFEFF|^[\s\u00ef\u00bb\u00bf]+/, '').toLowerCase();
  return start.startsWith('<') && /<(html|table|\?xml|workbook|!doctype)/.test(start);
}

function hasNulBytes(head: Buffer): boolean {
  return head.subarray(0, 4096).includes(0);
}

export async function openTable(filePath: string, options: ImportOptions): Promise<OpenedTable> {
  let size: number;
  try {
    const s = await stat(filePath);
    if (!s.isFile()) throw new DataError('file.not-found', { path: filePath });
    size = s.size;
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError('file.not-found', { path: filePath });
  }
  if (size === 0) throw new DataError('file.empty');
  const head = await readHead(filePath, Math.min(size, SAMPLE_BYTES));
  const ext = extname(options.fileName ?? filePath).toLowerCase();

  if (isOle(head)) throw new DataError('file.xls-legacy');
  if (isZip(head)) return openXlsx(filePath, size, options.sheet);
  if (ext === '.xlsx' || ext === '.xlsm') throw new DataError('file.xlsx-unreadable');
  if (looksLikeMarkup(head)) throw new DataError('file.html-table');

  const encoding: EncodingGuess = options.encoding
    ? { name: overrideEncoding(options.encoding), confidence: 1, bom: false, override: true }
    : detectEncoding(head);
  if (!options.encoding && encoding.name.startsWith('utf-8') && hasNulBytes(head)) throw new DataError('file.unsupported');
  const sampleText = createDecoder(encoding.name).write(head);
  const format: FileFormat = ext === '.tsv' || ext === '.tab' ? 'tsv' : 'csv';
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(sampleText);
  return csvTable(filePath, size, encoding, format, delimiter);
}

function csvTable(filePath: string, size: number, encoding: EncodingGuess, format: FileFormat, delimiter: string): OpenedTable {
  let replacement = false;
  let unclosed = false;
  return {
    format: delimiter === '\t' ? 'tsv' : format,
    encoding,
    sheets: [],
    sheet: null,
    sizeBytes: size,
    replacementSeen: () => replacement,
    unclosedQuote: () => unclosed,
    async *chunks(signal) {
      const decoder = createDecoder(encoding.name);
      let rows: RawRow[] = [];
      let rowNo = 0;
      const splitter = new CsvSplitter(delimiter, (cells) => {
        rows.push({ row: ++rowNo, cells });
      });
      let bytesRead = 0;
      const push = (text: string): void => {
        if (!replacement && text.includes(REPLACEMENT)) replacement = true;
        splitter.push(text);
      };
      const stream = createReadStream(filePath, { highWaterMark: READ_BYTES });
      try {
        for await (const buf of stream as AsyncIterable<Buffer>) {
          throwIfAborted(signal);
          bytesRead += buf.length;
          push(decoder.write(buf));
          if (rows.length >= ROWS_PER_CHUNK) {
            const out = rows;
            rows = [];
            yield { rows: out, bytesRead };
          }
        }
      } finally {
        stream.destroy();
      }
      push(decoder.end());
      splitter.end();
      unclosed = splitter.unclosedQuote;
      yield { rows, bytesRead };
    },
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt && numFmt.includes('%') && !numFmt.includes('"%')) return `${Number((value * 100).toPrecision(15))}%`;
  return String(Number(value.toPrecision(15)));
}

/** A date cell as a period where the format says so (yyyy → year, yyyy-mm → month), else ISO date. */
function dateText(d: Date, numFmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const fmt = (numFmt ?? '').toLowerCase().replace(/"[^"]*"/g, '');
  if (fmt.includes('y') && !fmt.includes('m') && !fmt.includes('d')) return String(y);
  if ((fmt.includes('y') && fmt.includes('m') && !fmt.includes('d')) || (!fmt && d.getUTCDate() === 1)) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d.getUTCDate())}`;
}

function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue, numFmt);
  return '';
}

async function openXlsx(filePath: string, size: number, wanted: string | undefined): Promise<OpenedTable> {
  // Loaded on demand: exceljs is large, and most imports (and the parse worker) never need it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(filePath);
  } catch (e) {
    throw new DataError('file.xlsx-unreadable', { reason: e instanceof Error ? e.message : String(e) });
  }
  const sheets = wb.worksheets.map((ws) => ws.name);
  // By default the first sheet that holds a table (a cover sheet of notes is skipped).
  const ws =
    wanted !== undefined
      ? wb.worksheets.find((w) => w.name === wanted)
      : (wb.worksheets.find((w) => w.actualRowCount >= 2 && w.actualColumnCount >= 2) ?? wb.worksheets.find((w) => w.actualRowCount > 0));
  if (!ws) throw new DataError(wanted !== undefined ? 'sheet.not-found' : 'sheet.empty', { sheet: wanted ?? '' });
  let replacement = false;
  return {
    format: 'xlsx',
    encoding: null,
    sheets,
    sheet: ws.name,
    sizeBytes: size,
    replacementSeen: () => replacement,
    unclosedQuote: () => false,
    async *chunks(signal) {
      const columns = ws.columnCount;
      let rows: RawRow[] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: string[] = [];
        for (let c = 1; c <= columns; c++) {
          const cell = row.getCell(c);
          const text = cellText(cell.value, cell.numFmt);
          if (!replacement && text.includes(REPLACEMENT)) replacement = true;
          cells.push(text);
        }
        rows.push({ row: r, cells });
        if (rows.length >= ROWS_PER_CHUNK) {
          throwIfAborted(signal);
          yield { rows, bytesRead: Math.round((size * r) / ws.rowCount) };
          rows = [];
        }
      }
      yield { rows, bytesRead: size };
    },
  };
}
