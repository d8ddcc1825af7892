// Reading a file as a table of text cells, whatever its format: CSV/TSV streamed through a decoder
// (memory stays flat however long the file), XLSX through the streaming sheet reader in xlsx-reader,
// legacy .xls and the HTML tables portals save as .xls through SheetJS in workbook-reader (bounded,
// and read in the parse worker).

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createDecoder, detectEncoding, overrideEncoding, REPLACEMENT } from './decode';
import { CsvLimitError, CsvSplitter, sniffDelimiter } from './csv-split';
import { IMPORT_LIMITS } from './limits';
import type { CellRange } from './merges';
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
  /** Merged cells starting in the first rows (a title, a header spanning columns or rows); none for CSV. */
  merges: CellRange[];
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

/** An OLE compound file: how legacy .xls (BIFF5, BIFF8) is stored. */
export function isOle(head: Uint8Array): boolean {
  return head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0 && head[4] === 0xa1 && head[5] === 0xb1 && head[6] === 0x1a && head[7] === 0xe1;
}

function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** An HTML table (or an XML spreadsheet) saved under a .xls name, as statistics portals export them; UTF-16 with a BOM too. */
export function looksLikeMarkup(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024));
  const wide = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : null;
  const text = wide ? bytes.subarray(2).toString(wide) : bytes.toString('latin1');
  const start = text.replace(/^\uFEFF|^[\s\u00ef\u00bb\u00bf]+/, '').toLowerCase();
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

  if (isOle(head)) return (await import('./workbook-reader')).openWorkbook(filePath, size, fileName, 'xls', options);
  if (isZip(head)) return openXlsx(filePath, size, fileName, options.sheet);
  if (ext === '.xlsx' || ext === '.xlsm') throw new DataError('file.xlsx-unreadable');
  if (looksLikeMarkup(head)) return (await import('./workbook-reader')).openWorkbook(filePath, size, fileName, 'html', options);

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
    merges: [],
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

/** A failure of the XLSX reader as the user's error: limits by name, anything else as an unreadable file. */
function xlsxFailure(e: unknown, fileName: string, XlsxLimitError: typeof import('./xlsx-reader').XlsxLimitError): DataError {
  if (e instanceof DataError) return e;
  if (e instanceof XlsxLimitError) {
    return e.kind === 'rows'
      ? new DataError('table.too-many-rows', { file: fileName, row: e.row, max: IMPORT_LIMITS.maxRows })
      : new DataError('table.too-many-columns', { file: fileName, row: e.row, max: IMPORT_LIMITS.maxColumns });
  }
  return new DataError('file.xlsx-unreadable', { reason: e instanceof Error ? e.message : String(e) });
}

async function openXlsx(filePath: string, size: number, fileName: string, wanted: string | undefined): Promise<OpenedTable> {
  // Read once (the compressed archive, a fraction of the sheet's size): the guard checks it (sizes,
  // ratios, entry count, sheet dimensions) before the reader inflates a part, and it is hashed.
  let buffer: Buffer;
  try {
    buffer = await readFile(filePath);
  } catch {
    throw new DataError('file.not-found', { path: fileName });
  }
  // Loaded on demand: JSZip takes 20 ms to load, on the parse worker's start for every CSV.
  const [{ guardXlsx }, { default: JSZip }, reader] = await Promise.all([import('./xlsx-guard'), import('jszip'), import('./xlsx-reader')]);
  let merges: Map<string, CellRange[]>;
  try {
    merges = await guardXlsx(buffer, fileName);
  } catch (e) {
    throw xlsxFailure(e, fileName, reader.XlsxLimitError);
  }
  const limits = { maxRows: IMPORT_LIMITS.maxRows, maxColumns: IMPORT_LIMITS.maxColumns };
  let zip: InstanceType<typeof JSZip>;
  let book: Awaited<ReturnType<typeof reader.readBook>>;
  let sheet: Awaited<ReturnType<typeof reader.firstTableSheet>> | undefined;
  try {
    zip = await JSZip.loadAsync(buffer);
    book = await reader.readBook(zip);
    // By default the first sheet that holds a table (a cover sheet of notes is skipped).
    sheet = wanted !== undefined ? book.sheets.find((s) => s.name === wanted) : await reader.firstTableSheet(zip, book, limits);
  } catch (e) {
    throw xlsxFailure(e, fileName, reader.XlsxLimitError);
  }
  if (!sheet) {
    if (wanted === undefined) throw new DataError('sheet.empty', { sheet: '' });
    throw new DataError('sheet.not-found', { sheet: wanted, sheets: book.sheets.map((s) => s.name).join(' / ') });
  }
  const chosen = sheet;
  let replacement = false;
  let sink: RowSink | null = null;
  const digest = createHash('sha256').update(buffer).digest('hex');
  return {
    format: 'xlsx',
    encoding: null,
    sheets: book.sheets.map((s) => s.name),
    sheet: chosen.name,
    sizeBytes: size,
    merges: merges.get(chosen.part) ?? [],
    replacementSeen: () => replacement,
    unclosedQuote: () => false,
    sha256: () => digest,
    streamRows(s) {
      sink = s;
    },
    async *chunks(signal) {
      let rows: RawRow[] = [];
      let count = 0;
      const batches = reader.sheetRows(zip, book, chosen, limits);
      try {
        for (;;) {
          let next: IteratorResult<{ rows: RawRow[]; fraction: number }>;
          try {
            next = await batches.next();
          } catch (e) {
            throw xlsxFailure(e, fileName, reader.XlsxLimitError);
          }
          if (next.done) break;
          for (const r of next.value.rows) {
            if (!replacement && r.cells.some((c) => c.includes(REPLACEMENT))) replacement = true;
            count++;
            if (sink) sink(r);
            else rows.push(r);
          }
          if (count >= ROWS_PER_CHUNK) {
            throwIfAborted(signal);
            yield { rows, bytesRead: Math.round(size * next.value.fraction) };
            rows = [];
            count = 0;
          }
        }
      } finally {
        // Left early (a cancel, a layout with errors): stop inflating the sheet.
        await batches.return(undefined);
      }
      yield { rows, bytesRead: size };
    },
  };
}
