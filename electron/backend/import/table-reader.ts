// Reading a file as a table of text cells, whatever its format: CSV/TSV streamed through a decoder
// (memory stays flat however long the file), XLSX through exceljs (one sheet at a time).
// Legacy .xls and HTML tables saved as .xls are refused with a message saying what to do.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { createDecoder, detectEncoding, overrideEncoding, REPLACEMENT } from './decode';
import { CsvLimitError, CsvSplitter, sniffDelimiter } from './csv-split';
import { IMPORT_LIMITS } from './limits';
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

export type RowSink = (row: RawRow) => void;

export interface OpenedTable {
  format: FileFormat;
  encoding: EncodingGuess | null;
  sheets: string[];
  sheet: string | null;
  sizeBytes: number;
  chunks(signal?: AbortSignal): AsyncGenerator<TableChunk>;
  /**
   * From now on hand each row to `sink` as soon as it is read, instead of collecting it into the next
   * chunk (chunks then come with no rows, at the same points). A long file's rows then die young
   * instead of surviving until their chunk is taken, which is most of the garbage collector's work.
   */
  streamRows(sink: RowSink): void;
  /** True once decoded text has held U+FFFD: cells must then be checked for it. */
  replacementSeen(): boolean;
  /** True when the file ended inside a quoted CSV field. */
  unclosedQuote(): boolean;
  /** SHA-256 (hex) of the file's bytes, once every chunk has been read; '' before. */
  sha256(): string;
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
  const fileName = options.fileName ?? basename(filePath);
  const ext = extname(fileName).toLowerCase();

  if (isOle(head)) throw new DataError('file.xls-legacy');
  if (isZip(head)) return openXlsx(filePath, size, fileName, options.sheet);
  if (ext === '.xlsx' || ext === '.xlsm') throw new DataError('file.xlsx-unreadable');
  if (looksLikeMarkup(head)) throw new DataError('file.html-table');

  const encoding: EncodingGuess = options.encoding
    ? { name: overrideEncoding(options.encoding), confidence: 1, bom: false, override: true }
    : detectEncoding(head);
  if (!options.encoding && encoding.name.startsWith('utf-8') && hasNulBytes(head)) throw new DataError('file.unsupported');
  let sampleText = createDecoder(encoding.name).write(head);
  // Lines ended by CR alone (the old Mac "CSV (Macintosh)"): each CR is read as a line break. Without
  // this the whole file was one header row, and the preview showed nothing and said nothing.
  const crOnly = !sampleText.includes('\n') && sampleText.includes('\r');
  if (crOnly) sampleText = sampleText.replace(/\r/g, '\n');
  const format: FileFormat = ext === '.tsv' || ext === '.tab' ? 'tsv' : 'csv';
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(sampleText);
  return csvTable(filePath, fileName, size, encoding, format, delimiter, crOnly);
}

function csvTable(filePath: string, fileName: string, size: number, encoding: EncodingGuess, format: FileFormat, delimiter: string, crOnly: boolean): OpenedTable {
  let replacement = false;
  let unclosed = false;
  let digest = '';
  let sink: RowSink | null = null;
  return {
    format: delimiter === '\t' ? 'tsv' : format,
    encoding,
    sheets: [],
    sheet: null,
    sizeBytes: size,
    replacementSeen: () => replacement,
    unclosedQuote: () => unclosed,
    sha256: () => digest,
    streamRows(s) {
      sink = s;
    },
    async *chunks(signal) {
      const decoder = createDecoder(encoding.name);
      let rows: RawRow[] = [];
      let rowNo = 0;
      /** Rows read since the last chunk, whether collected or streamed. */
      let count = 0;
      const splitter = new CsvSplitter(
        delimiter,
        (cells) => {
          count++;
          const row = { row: ++rowNo, cells };
          if (sink) sink(row);
          else rows.push(row);
        },
        { maxCells: IMPORT_LIMITS.maxColumns, maxRecordChars: IMPORT_LIMITS.maxRecordChars },
      );
      let bytesRead = 0;
      const refuse = (e: unknown): never => {
        if (!(e instanceof CsvLimitError)) throw e;
        if (e.kind === 'cells') throw new DataError('table.too-many-columns', { file: fileName, row: e.record, max: IMPORT_LIMITS.maxColumns });
        throw new DataError('csv.record-too-long', { file: fileName, row: e.record, max: IMPORT_LIMITS.maxRecordChars });
      };
      const push = (text: string): void => {
        if (!replacement && text.includes(REPLACEMENT)) replacement = true;
        try {
          splitter.push(crOnly ? text.replace(/\r/g, '\n') : text);
        } catch (e) {
          refuse(e);
        }
      };
      // The file's hash for provenance and duplicate detection, from the bytes read anyway (in the parse
      // worker for a large file, off the writing thread).
      const hash = createHash('sha256');
      const stream = createReadStream(filePath, { highWaterMark: READ_BYTES });
      try {
        for await (const buf of stream as AsyncIterable<Buffer>) {
          throwIfAborted(signal);
          hash.update(buf);
          bytesRead += buf.length;
          push(decoder.write(buf));
          if (count >= ROWS_PER_CHUNK) {
            const out = rows;
            rows = [];
            count = 0;
            yield { rows: out, bytesRead };
          }
        }
      } finally {
        stream.destroy();
      }
      push(decoder.end());
      try {
        splitter.end();
      } catch (e) {
        refuse(e);
      }
      unclosed = splitter.unclosedQuote;
      digest = hash.digest('hex');
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

async function openXlsx(filePath: string, size: number, fileName: string, wanted: string | undefined): Promise<OpenedTable> {
  // Read once: the guard checks the archive (sizes, ratios, entry count, sheet dimensions) before
  // exceljs, which holds every part in memory, sees it.
  let buffer: Buffer;
  try {
    buffer = await readFile(filePath);
  } catch {
    throw new DataError('file.not-found', { path: fileName });
  }
  // Loaded on demand, as exceljs below: JSZip takes 20 ms to load, on the parse worker's start for every CSV.
  const { guardXlsx } = await import('./xlsx-guard');
  try {
    await guardXlsx(buffer, fileName);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError('file.xlsx-unreadable', { reason: e instanceof Error ? e.message : String(e) });
  }
  // Loaded on demand: exceljs is large, and most imports (and the parse worker) never need it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
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
  // The guard has seen every row and cell reference; these hold whatever exceljs made of them.
  if (ws.rowCount > IMPORT_LIMITS.maxRows) throw new DataError('table.too-many-rows', { file: fileName, row: ws.rowCount, max: IMPORT_LIMITS.maxRows });
  if (ws.columnCount > IMPORT_LIMITS.maxColumns) throw new DataError('table.too-many-columns', { file: fileName, row: 1, max: IMPORT_LIMITS.maxColumns });
  let replacement = false;
  let sink: RowSink | null = null;
  const digest = createHash('sha256').update(buffer).digest('hex');
  return {
    format: 'xlsx',
    encoding: null,
    sheets,
    sheet: ws.name,
    sizeBytes: size,
    replacementSeen: () => replacement,
    unclosedQuote: () => false,
    sha256: () => digest,
    streamRows(s) {
      sink = s;
    },
    async *chunks(signal) {
      let rows: RawRow[] = [];
      let count = 0;
      const rowCount = ws.rowCount;
      for (let r = 1; r <= rowCount; r++) {
        // Each row as wide as its own last cell, and rows exceljs does not hold (never written) as
        // empty, without creating them: one cell at XFD1048576 would otherwise mean 17 billion cells.
        const row = ws.findRow(r);
        const cells: string[] = [];
        const width = row ? row.cellCount : 0;
        for (let c = 1; c <= width; c++) {
          const cell = row!.getCell(c);
          const text = cellText(cell.value, cell.numFmt);
          if (!replacement && text.includes(REPLACEMENT)) replacement = true;
          cells.push(text);
        }
        count++;
        if (sink) sink({ row: r, cells });
        else rows.push({ row: r, cells });
        if (count >= ROWS_PER_CHUNK) {
          throwIfAborted(signal);
          yield { rows, bytesRead: Math.round((size * r) / rowCount) };
          rows = [];
          count = 0;
        }
      }
      yield { rows, bytesRead: size };
    },
  };
}
