// Reads XLSX sheets as streams of text rows, so that memory stays flat however long the sheet: the
// archive (already checked by xlsx-guard) is opened with JSZip, each part is inflated as a stream,
// decoded by a StringDecoder (a character split between two chunks stays whole) and parsed by saxes.
// Only the shared strings and the cell formats are held; rows are handed over as they close.
//
// Why not exceljs: its workbook reader builds every cell of every sheet in memory (2.5 GB for a
// 1M-row sheet), and its streaming reader decodes each inflated chunk on its own, which turns a
// Chinese character cut by a chunk boundary into U+FFFD (exceljs issues #2063, #2084, #2316, open).

import { StringDecoder } from 'node:string_decoder';
import type JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { dateText, numericCellText } from './cell-text';

export interface XlsxSheet {
  name: string;
  /** The part holding the sheet, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface XlsxRow {
  /** 1-based, as Excel shows it. */
  row: number;
  cells: string[];
}

/** What every sheet's cells need: the shared strings and, per cell style, its number format. */
export interface XlsxBook {
  /** Sheets in the workbook's (tab) order. */
  sheets: XlsxSheet[];
  sharedStrings: string[];
  /** Number format code of each cell style (`s` attribute), '' for General. */
  styleFormats: string[];
  date1904: boolean;
}

/** The part of the archive is malformed (bad XML, a missing part the workbook names). */
class XlsxFormatError extends Error {}

/** A row numbered past `maxRows`, or a row with a cell past `maxColumns` (row: its number). */
export class XlsxLimitError extends Error {
  constructor(
    readonly kind: 'rows' | 'columns',
    readonly row: number,
  ) {
    super(`sheet row ${row}: too many ${kind}`);
  }
}

export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
}

/** Built-in number formats (ECMA-376 18.8.30) the reader needs: percentages and dates, and the Chinese locale's date formats. */
const BUILTIN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The tag's name without a namespace prefix (`x:row` → `row`): some writers prefix every tag. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  if (v !== undefined) return v;
  for (const [k, value] of Object.entries(tag.attributes)) if (local(k) === name) return value;
  return undefined;
}

interface PartHandlers {
  open?(tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(tag: SaxesTagPlain): void;
}

/**
 * Parse `entry` as XML, chunk by chunk, calling `h` as elements open and close; yields after each
 * chunk the share of the part read so far. Leaving the loop early stops the inflation.
 */
async function* parseChunks(entry: JSZip.JSZipObject, h: PartHandlers): AsyncGenerator<number> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (h.open) parser.on('opentag', h.open);
  if (h.close) parser.on('closetag', h.close);
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  const fail = (): never => {
    throw new XlsxFormatError(`${entry.name}: ${failure!.message}`);
  };
  // The part's size from the archive's directory, as JSZip keeps it (not in its typings; without it progress waits for the end).
  const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  const decoder = new StringDecoder('utf8');
  let read = 0;
  for await (const chunk of chunksOf(entry)) {
    read += chunk.length;
    parser.write(decoder.write(chunk));
    if (failure) fail();
    yield size > 0 ? Math.min(1, read / size) : 0;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) fail();
}

async function parsePart(entry: JSZip.JSZipObject, h: PartHandlers): Promise<void> {
  for await (const _ of parseChunks(entry, h));
}

/**
 * The inflated chunks of an entry, pulled one at a time. Leaving the loop early pauses JSZip's
 * stream, which then stops inflating (destroying it would not: JSZip goes on pushing).
 */
async function* chunksOf(entry: JSZip.JSZipObject): AsyncGenerator<Buffer> {
  const stream = entry.nodeStream('nodebuffer');
  const queue: Buffer[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const poke = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onData = (chunk: Buffer): void => {
    queue.push(chunk);
    stream.pause();
    poke();
  };
  stream.on('data', onData);
  stream.on('end', () => {
    ended = true;
    poke();
  });
  stream.on('error', (e: unknown) => {
    failure = e;
    poke();
  });
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        yield chunk;
        continue;
      }
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      if (ended) return;
      const arrived = new Promise<void>((resolve) => (wake = resolve));
      stream.resume();
      await arrived;
    }
  } finally {
    stream.pause();
    stream.removeListener('data', onData);
  }
}

/** The text of a string item (`<si>` or `<is>`): its `t` elements, leaving out phonetic runs (`rPh`), as Excel shows it. */
class StringCollector {
  private inText = false;
  private inPhonetic = false;
  text = '';

  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't') this.inText = !this.inPhonetic;
  }

  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inText = false;
  }

  add(text: string): void {
    if (this.inText) this.text += text;
  }
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function fileOf(zip: JSZip, name: string): JSZip.JSZipObject | null {
  const exact = zip.file(name);
  if (exact) return exact;
  // Part names are case-insensitive (OPC); some writers change the case.
  const lower = name.toLowerCase();
  return Object.values(zip.files).find((f) => !f.dir && f.name.toLowerCase() === lower) ?? null;
}

/** The workbook's sheets, shared strings and cell formats. */
export async function readBook(zip: JSZip): Promise<XlsxBook> {
  const workbook = fileOf(zip, 'xl/workbook.xml');
  if (!workbook) throw new XlsxFormatError('xl/workbook.xml is missing');
  const named: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  await parsePart(workbook, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'sheet') named.push({ name: attr(tag, 'name') ?? '', rid: attr(tag, 'id') ?? '' });
      else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
    },
  });

  const targets = new Map<string, string>();
  const rels = fileOf(zip, 'xl/_rels/workbook.xml.rels');
  if (rels) {
    await parsePart(rels, {
      open(tag) {
        if (local(tag.name) === 'Relationship') targets.set(attr(tag, 'Id') ?? '', resolveTarget(attr(tag, 'Target') ?? ''));
      },
    });
  }
  const sheets: XlsxSheet[] = named.map((s, i) => ({ name: s.name, part: targets.get(s.rid) ?? `xl/worksheets/sheet${i + 1}.xml` }));

  const sharedStrings: string[] = [];
  const strings = fileOf(zip, 'xl/sharedStrings.xml');
  if (strings) {
    let item: StringCollector | null = null;
    await parsePart(strings, {
      open(tag) {
        const name = local(tag.name);
        if (name === 'si') item = new StringCollector();
        else item?.open(name);
      },
      text(text) {
        item?.add(text);
      },
      close(tag) {
        const name = local(tag.name);
        if (name === 'si' && item) {
          sharedStrings.push(item.text);
          item = null;
        } else item?.close(name);
      },
    });
  }

  const styleFormats: string[] = [];
  const styles = fileOf(zip, 'xl/styles.xml');
  if (styles) {
    const custom = new Map<number, string>();
    let inCellXfs = false;
    await parsePart(styles, {
      open(tag) {
        const name = local(tag.name);
        if (name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attr(tag, 'numFmtId') ?? 0);
          styleFormats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? '');
        }
      },
      close(tag) {
        if (local(tag.name) === 'cellXfs') inCellXfs = false;
      },
    });
  }
  return { sheets, sharedStrings, styleFormats, date1904 };
}

/** "AB12" → 28 (the column); 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

/** The text a cell shows, from its type (`t`), style and value (`<v>`, or `<is>` for an inline string). */
function cellText(book: XlsxBook, type: string, style: number, value: string): string {
  switch (type) {
    case 's':
      return book.sharedStrings[Number.parseInt(value, 10)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '' ? '' : Number(value) !== 0 ? 'TRUE' : 'FALSE';
    case 'd': {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? value : dateText(d, book.styleFormats[style] ?? '');
    }
    default: {
      const text = value.trim();
      if (text === '') return '';
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return numericCellText(n, book.styleFormats[style] ?? '', book.date1904);
    }
  }
}

/**
 * The rows of `sheet`, in batches as each chunk of its XML is parsed, with the share of the part read
 * so far. Rows the XML leaves out (never written) come as empty rows, so that numbering and the rows
 * around stay as Excel shows them; each row is as wide as its own last cell.
 */
export async function* sheetRows(zip: JSZip, book: XlsxBook, sheet: XlsxSheet, limits: SheetLimits): AsyncGenerator<{ rows: XlsxRow[]; fraction: number }> {
  const entry = fileOf(zip, sheet.part);
  if (!entry) throw new XlsxFormatError(`${sheet.part} is missing`);
  let rows: XlsxRow[] = [];
  let lastRow = 0;
  let current: XlsxRow | null = null;
  let lastCol = 0;
  /** The open cell: type, style, column, value text. */
  let cell: { type: string; style: number; col: number; value: string } | null = null;
  let inValue = false;
  let inline: StringCollector | null = null;

  const handlers: PartHandlers = {
    open(tag) {
      const name = local(tag.name);
      if (name === 'row') {
        const r = Number.parseInt(attr(tag, 'r') ?? '', 10);
        const number = Number.isFinite(r) && r > lastRow ? r : lastRow + 1;
        if (number > limits.maxRows) throw new XlsxLimitError('rows', number);
        for (let gap = lastRow + 1; gap < number; gap++) rows.push({ row: gap, cells: [] });
        current = { row: number, cells: [] };
        lastRow = number;
        lastCol = 0;
      } else if (name === 'c' && current) {
        const ref = attr(tag, 'r');
        const c = ref ? columnOf(ref) : 0;
        const col = c > 0 ? c : lastCol + 1;
        if (col > limits.maxColumns) throw new XlsxLimitError('columns', current.row);
        lastCol = col;
        cell = { type: attr(tag, 't') ?? 'n', style: Number(attr(tag, 's') ?? 0) || 0, col, value: '' };
      } else if (cell) {
        if (name === 'v') inValue = true;
        else if (name === 'is') inline = new StringCollector();
        else inline?.open(name);
      }
    },
    text(text) {
      if (!cell) return;
      if (inValue) cell.value += text;
      else inline?.add(text);
    },
    close(tag) {
      const name = local(tag.name);
      if (name === 'v') inValue = false;
      else if (name === 'is' && cell && inline) {
        if (cell.type === 'inlineStr') cell.value = inline.text;
        inline = null;
      } else if (name === 'c' && cell && current) {
        const cells = current.cells;
        while (cells.length < cell.col - 1) cells.push('');
        const text = cellText(book, cell.type, cell.style, cell.value);
        if (cells.length === cell.col - 1) cells.push(text);
        else cells[cell.col - 1] = text;
        cell = null;
      } else if (name === 'row' && current) {
        rows.push(current);
        current = null;
      } else inline?.close(name);
    },
  };

  for await (const fraction of parseChunks(entry, handlers)) {
    if (rows.length === 0) continue;
    yield { rows, fraction };
    rows = [];
  }
  yield { rows, fraction: 1 };
}

/**
 * The first sheet, in tab order, that holds a table (values in at least two rows and two columns),
 * else the first that holds anything: a cover sheet of notes is passed over. Each sheet is read only
 * until it qualifies.
 */
export async function firstTableSheet(zip: JSZip, book: XlsxBook, limits: SheetLimits): Promise<XlsxSheet | null> {
  let fallback: XlsxSheet | null = null;
  for (const sheet of book.sheets) {
    let rowsWithValues = 0;
    const columns = new Set<number>();
    let table = false;
    for await (const { rows } of sheetRows(zip, book, sheet, limits)) {
      for (const r of rows) {
        let any = false;
        r.cells.forEach((c, i) => {
          if (c === '') return;
          any = true;
          columns.add(i);
        });
        if (any) rowsWithValues++;
      }
      if (rowsWithValues >= 2 && columns.size >= 2) {
        table = true;
        break;
      }
    }
    if (table) return sheet;
    if (!fallback && rowsWithValues > 0) fallback = sheet;
  }
  return fallback;
}
