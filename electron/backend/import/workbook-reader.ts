// Legacy .xls (BIFF8, BIFF5) and the web-page tables that statistics portals export under a .xls name,
// read through SheetJS (@e965/xlsx, docs/RELIABILITY.md says why that package): the workbook is read
// whole into memory, so it is bounded before SheetJS sees it (bytes, cells counted in the BIFF records
// or the HTML tags, merged cells, colspan and rowspan) and always read in the parse worker, whose heap
// is capped (parse-source.ts): a file that gets past the bounds and still exhausts memory ends the
// worker, not the app.
//
// A cell's text is what the importer reads anyway: a number at full precision, a percentage under a %
// format, a date as the period its format shows (cell-text.ts, as for XLSX); a formula's cached value,
// never the formula; a number stored as text as its text. HTML cells stay text as written. Merged
// cells (an HTML table's colspan and rowspan) are handed on for layout detection.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { numericCellText } from './cell-text';
import { detectEncoding, overrideEncoding, REPLACEMENT } from './decode';
import { IMPORT_LIMITS, MIB, type WorkbookLimits } from './limits';
import { MAX_MERGES, MERGE_ROWS, type CellRange } from './merges';
import { DataError } from './problems';
import { throwIfAborted, type OpenedTable, type RawRow, type RowSink } from './table-reader';
import type { EncodingGuess, EncodingName, ImportOptions } from './types';

type SheetJs = typeof import('@e965/xlsx');
type WorkBook = import('@e965/xlsx').WorkBook;
type CellObject = import('@e965/xlsx').CellObject;

export type WorkbookKind = 'xls' | 'html';

const ROWS_PER_CHUNK = 4096;

/** An HTML table's merged cells: SheetJS checks every cell against every merge before it. */
export const MAX_HTML_MERGES = 1000;

/** BIFF error codes as Excel shows them. */
const BIFF_ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

let loaded: Promise<SheetJs> | null = null;

/** SheetJS with its code pages (a BIFF5 file's text is in the code page it names, 936 for GBK). */
function sheetJs(): Promise<SheetJs> {
  loaded ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full')]).then(([xlsx, cptable]) => {
    xlsx.set_cptable(cptable);
    return xlsx;
  });
  return loaded;
}

/**
 * Cells with a value in a BIFF workbook stream, counted from its records without building them: the
 * cell records (NUMBER, RK, LABELSST, LABEL, FORMULA, BOOLERR, RSTRING) and the cells of each MULRK.
 * Blank cells (BLANK, MULBLANK) are not counted: SheetJS does not build them.
 */
function countBiffCells(stream: Uint8Array): number {
  let cells = 0;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = view.getUint16(p, true);
    const length = view.getUint16(p + 2, true);
    switch (type) {
      case 0x0203:
      case 0x027e:
      case 0x00fd:
      case 0x0204:
      case 0x0006:
      case 0x0205:
      case 0x00d6:
        cells++;
        break;
      case 0x00bd:
        if (length > 6) cells += Math.floor((length - 6) / 6);
        break;
    }
    p += 4 + length;
  }
  return cells;
}

/** The workbook stream of an OLE container (Workbook in BIFF8, Book in BIFF5); null when it has neither. */
function biffStream(xlsx: SheetJs, buffer: Buffer): Uint8Array | null {
  const cfb = xlsx.CFB.read(buffer, { type: 'buffer' }) as unknown;
  const entry = (xlsx.CFB.find(cfb, 'Workbook') ?? xlsx.CFB.find(cfb, 'Book')) as { content?: Uint8Array | number[] } | null;
  if (!entry?.content) return null;
  return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
}

const CHARSETS: ReadonlyArray<readonly [RegExp, EncodingName]> = [
  [/^(utf-?8)$/i, 'utf-8'],
  [/^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58)$/i, 'gb18030'],
  [/^(utf-?16(le)?|unicode)$/i, 'utf-16le'],
  [/^(utf-?16be)$/i, 'utf-16be'],
];

/** The charset an HTML or XML file declares in its first 4 KB (`<meta charset>`, `http-equiv`, `<?xml encoding>`), when it is one the importer decodes. */
function declaredCharset(head: Buffer): EncodingName | null {
  const text = head.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(text) ?? /<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(text);
  if (!m) return null;
  return CHARSETS.find(([re]) => re.test(m[1]!))?.[1] ?? null;
}

/**
 * The encoding of an HTML table: the user's choice; else a byte-order mark; else the declared charset,
 * unless the bytes plainly say otherwise (a page declaring UTF-8 whose text is GBK, as some portals
 * write), when the detected one is used at a confidence low enough for the preview to ask for a check.
 */
function htmlEncoding(head: Buffer, override: ImportOptions['encoding']): EncodingGuess {
  if (override) return { name: overrideEncoding(override), confidence: 1, bom: false, override: true };
  const detected = detectEncoding(head);
  if (detected.bom) return detected;
  const declared = declaredCharset(head);
  if (!declared) return detected;
  if (detected.name !== declared && detected.confidence >= 0.9) return { ...detected, confidence: 0.5 };
  return { name: declared, confidence: 1, bom: false, override: false };
}

function decodeText(buffer: Buffer, encoding: EncodingName): string {
  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(buffer) : iconv.decode(buffer, encoding, { stripBOM: true });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Refuses HTML that SheetJS would take too long or too much memory over: too many cells, merged cells, or spans past Excel's limits. */
function checkHtml(text: string, fileName: string, limits: WorkbookLimits): void {
  let cells = 0;
  for (const _ of text.matchAll(/<t[dh][\s>/]/gi)) {
    if (++cells > limits.maxCells) throw new DataError('workbook.too-many-cells', { file: fileName, cells: `${limits.maxCells}+`, max: limits.maxCells });
  }
  let merges = 0;
  for (const m of text.matchAll(/\b(colspan|rowspan)\s*=\s*["']?\s*(\d+)/gi)) {
    const span = Number(m[2]);
    if (span <= 1) continue;
    const columns = m[1]!.toLowerCase() === 'colspan';
    if (columns && span > IMPORT_LIMITS.maxColumns) throw new DataError('table.too-many-columns', { file: fileName, row: 1, max: IMPORT_LIMITS.maxColumns });
    if (!columns && span > IMPORT_LIMITS.maxRows) throw new DataError('table.too-many-rows', { file: fileName, row: span, max: IMPORT_LIMITS.maxRows });
    if (++merges > MAX_HTML_MERGES) throw new DataError('workbook.too-many-merges', { file: fileName, max: MAX_HTML_MERGES });
  }
}

function unreadable(kind: WorkbookKind, e: unknown): DataError {
  if (e instanceof DataError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  if (kind === 'html' && /could not find <table>/i.test(reason)) return new DataError('file.html-no-table');
  return new DataError(kind === 'xls' ? 'file.xls-unreadable' : 'file.html-unreadable', { reason: reason.slice(0, 200) });
}

/** The text a SheetJS cell shows to the importer. */
function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? numericCellText(cell.v, typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : '', date1904) : String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return typeof cell.v === 'number' ? (BIFF_ERRORS[cell.v] ?? '#ERROR') : String(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return String(cell.v);
  }
}

type DenseSheet = { '!data'?: Array<Array<CellObject | undefined> | undefined>; '!merges'?: Array<{ s: { r: number; c: number }; e: { r: number; c: number } }> };

function dataOf(book: WorkBook, name: string): DenseSheet {
  return (book.Sheets[name] ?? {}) as DenseSheet;
}

/** Whether a sheet holds a table (values in at least two rows and two columns); `any` whether it holds anything. */
function judgeSheet(sheet: DenseSheet): { table: boolean; any: boolean } {
  const data = sheet['!data'] ?? [];
  const columns = new Set<number>();
  let rows = 0;
  for (const row of data) {
    if (!row) continue;
    let used = false;
    for (let c = 0; c < Math.min(row.length, IMPORT_LIMITS.maxColumns); c++) {
      const cell = row[c];
      if (cell && cell.v !== undefined && cell.v !== null && String(cell.v) !== '') {
        used = true;
        columns.add(c);
      }
    }
    if (used) rows++;
    if (rows >= 2 && columns.size >= 2) return { table: true, any: true };
  }
  return { table: false, any: rows > 0 };
}

function mergesOf(sheet: DenseSheet): CellRange[] {
  const out: CellRange[] = [];
  for (const m of sheet['!merges'] ?? []) {
    if (out.length >= MAX_MERGES) break;
    if (m.s.r + 1 > MERGE_ROWS) continue;
    out.push({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 });
  }
  return out;
}

/**
 * Open a legacy .xls (`kind` xls) or an HTML table saved as .xls (`kind` html) as a table of text
 * rows: the sheet asked for, else the first that holds a table.
 */
export async function openWorkbook(filePath: string, size: number, fileName: string, kind: WorkbookKind, options: ImportOptions, limits: WorkbookLimits = IMPORT_LIMITS.workbook): Promise<OpenedTable> {
  if (size > limits.maxBytes) throw new DataError('workbook.too-large', { file: fileName, size: Math.ceil(size / MIB), max: Math.round(limits.maxBytes / MIB) });
  let buffer: Buffer;
  try {
    buffer = await readFile(filePath);
  } catch {
    throw new DataError('file.not-found', { path: fileName });
  }
  const xlsx = await sheetJs();
  let encoding: EncodingGuess | null = null;
  let book: WorkBook;
  let replacement = false;
  try {
    if (kind === 'xls') {
      const stream = biffStream(xlsx, buffer);
      const cells = stream ? countBiffCells(stream) : 0;
      if (cells > limits.maxCells) throw new DataError('workbook.too-many-cells', { file: fileName, cells, max: limits.maxCells });
      // Options are passed fresh each time: SheetJS changes the object it is given.
      book = xlsx.read(buffer, { type: 'buffer', dense: true, cellNF: true, cellText: false, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false, sheetStubs: false, bookVBA: false, WTF: false });
    } else {
      encoding = htmlEncoding(buffer.subarray(0, 1 << 20), options.encoding);
      const text = decodeText(buffer, encoding.name);
      replacement = text.includes(REPLACEMENT);
      checkHtml(text, fileName, limits);
      book = xlsx.read(text, { type: 'string', dense: true, raw: true, cellNF: false, cellText: false, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false, sheetStubs: false, WTF: false });
    }
  } catch (e) {
    throw unreadable(kind, e);
  }
  const names = book.SheetNames;
  const wanted = options.sheet;
  let chosen: string | undefined;
  if (wanted !== undefined) {
    chosen = names.find((n) => n === wanted);
    if (chosen === undefined) throw new DataError('sheet.not-found', { sheet: wanted, sheets: names.join(' / ') });
  } else {
    const judged = names.map((n) => ({ n, ...judgeSheet(dataOf(book, n)) }));
    chosen = (judged.find((j) => j.table) ?? judged.find((j) => j.any))?.n;
    if (chosen === undefined) throw new DataError('sheet.empty', { sheet: '' });
  }
  const sheet = dataOf(book, chosen);
  const date1904 = Boolean((book.Workbook?.WBProps as { date1904?: boolean } | undefined)?.date1904);
  const data = sheet['!data'] ?? [];
  if (data.length > IMPORT_LIMITS.maxRows) throw new DataError('table.too-many-rows', { file: fileName, row: data.length, max: IMPORT_LIMITS.maxRows });
  const merges = mergesOf(sheet);
  const digest = createHash('sha256').update(buffer).digest('hex');
  let sink: RowSink | null = null;

  return {
    format: kind === 'html' && book.bookType === 'html' ? 'html' : 'xls',
    encoding,
    sheets: names,
    sheet: chosen,
    sizeBytes: size,
    merges,
    replacementSeen: () => replacement,
    unclosedQuote: () => false,
    sha256: () => digest,
    streamRows(s) {
      sink = s;
    },
    async *chunks(signal) {
      let rows: RawRow[] = [];
      for (let r = 0; r < data.length; r++) {
        const source = data[r];
        if (source && source.length > IMPORT_LIMITS.maxColumns) throw new DataError('table.too-many-columns', { file: fileName, row: r + 1, max: IMPORT_LIMITS.maxColumns });
        const cells: string[] = [];
        if (source) {
          for (let c = 0; c < source.length; c++) cells.push(cellText(source[c], date1904));
          while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        }
        const row = { row: r + 1, cells };
        if (sink) sink(row);
        else rows.push(row);
        if ((r + 1) % ROWS_PER_CHUNK === 0) {
          throwIfAborted(signal);
          yield { rows, bytesRead: Math.round((size * (r + 1)) / data.length) };
          rows = [];
        }
      }
      yield { rows, bytesRead: size };
    },
  };
}
