// Checks an XLSX archive before the sheet reader (xlsx-reader.ts) inflates it: a few hundred KB of ZIP
// can ask for gigabytes of XML, and the time to inflate them: a "zip bomb".
//
// 1. The central directory (the ZIP's table of contents, read here from its documented fixed-format
//    records, located the way JSZip locates it) gives each entry's sizes without inflating anything:
//    too many entries, too many bytes in all, or an absurd compression ratio are refused at once.
// 2. The directory's sizes are the writer's word, and JSZip trusts them until it has inflated a part
//    whole. So every part is then inflated once more as a stream through JSZip itself (the same view
//    the reader gets) and counted, stopping at the first byte past its declared size or past the total
//    limit; chunks are dropped as they come, so memory stays flat. The same pass reads the row and
//    cell references of each sheet, so that a row numbered 4,000,000,000 or a cell at column 1,000,000
//    (which would mean a billion empty rows) is refused too. It also collects the sheet's merged cells
//    (<mergeCell ref="A1:F1"/>, written after the rows) for layout detection, which the streaming
//    sheet reader would meet only at the end.

import JSZip from 'jszip';
import { IMPORT_LIMITS, MIB, type XlsxLimits } from './limits';
import { MAX_MERGES, MERGE_ROWS, parseRange, type CellRange } from './merges';
import { DataError } from './problems';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const SIG_END = 0x06054b50;
const SIG_ENTRY = 0x02014b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_END = 0x06064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

function lastSignature(buf: Buffer, sig: number): number {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(sig);
  return buf.lastIndexOf(b);
}

function u64(buf: Buffer, at: number): number {
  return Number(buf.readBigUInt64LE(at));
}

/**
 * The entries of a ZIP's central directory, found as JSZip finds them (the last end-of-directory
 * record, ZIP64 when a field is saturated, data prepended to the archive allowed for), reading at most
 * `stopAfter` entries. Null when there is no directory to read: JSZip will then refuse the file itself.
 */
export function readZipDirectory(buf: Buffer, stopAfter: number): ZipEntryInfo[] | null {
  try {
    const end = lastSignature(buf, SIG_END);
    if (end < 0 || end + 22 > buf.length) return null;
    let count = buf.readUInt16LE(end + 10);
    let dirSize = buf.readUInt32LE(end + 12);
    let dirOffset = buf.readUInt32LE(end + 16);
    let expectedEnd: number;
    const saturated = [4, 6, 8, 10].some((o) => buf.readUInt16LE(end + o) === MAX16) || dirSize === MAX32 || dirOffset === MAX32;
    if (saturated) {
      const locator = lastSignature(buf, SIG_ZIP64_LOCATOR);
      if (locator < 0) return null;
      let end64 = u64(buf, locator + 8);
      if (end64 + 56 > buf.length || buf.readUInt32LE(end64) !== SIG_ZIP64_END) end64 = lastSignature(buf, SIG_ZIP64_END);
      if (end64 < 0) return null;
      count = u64(buf, end64 + 32);
      dirSize = u64(buf, end64 + 40);
      dirOffset = u64(buf, end64 + 48);
      expectedEnd = dirOffset + dirSize + 20 + 12 + u64(buf, end64 + 4);
    } else expectedEnd = dirOffset + dirSize;
    const shift = end - expectedEnd;
    if (shift < 0) return null;
    const entries: ZipEntryInfo[] = [];
    // JSZip reads records as long as their signature follows, whatever the count says; so does this.
    let p = shift + dirOffset;
    while (p + 46 <= buf.length && buf.readUInt32LE(p) === SIG_ENTRY && entries.length < stopAfter) {
      let compressedSize = buf.readUInt32LE(p + 20);
      let uncompressedSize = buf.readUInt32LE(p + 24);
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
      // The ZIP64 extra field (id 1) holds, in order, the sizes whose 32-bit fields are saturated.
      for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
        const id = buf.readUInt16LE(x);
        const length = buf.readUInt16LE(x + 2);
        if (id === 1) {
          let at = x + 4;
          if (uncompressedSize === MAX32) {
            uncompressedSize = u64(buf, at);
            at += 8;
          }
          if (compressedSize === MAX32) compressedSize = u64(buf, at);
          break;
        }
        x += 4 + length;
      }
      entries.push({ name, compressedSize, uncompressedSize });
      p += 46 + nameLength + extraLength + commentLength;
    }
    if (entries.length === 0 && count > 0) return null;
    return entries;
  } catch {
    // A field pointing past the end of the buffer: not a directory JSZip could read either.
    return null;
  }
}

function entryLabel(name: string): string {
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

/** The limit checks on one entry's size, declared or counted so far; `compressed` as the directory says. */
function checkEntry(file: string, name: string, size: number, compressed: number, limits: XlsxLimits): void {
  if (size >= limits.ratioMinBytes && size > limits.maxRatio * Math.max(1, compressed)) {
    throw new DataError('xlsx.compression-ratio', { file, entry: entryLabel(name), ratio: Math.round(size / Math.max(1, compressed)), max: limits.maxRatio });
  }
}

function tooLarge(file: string, total: number, limits: XlsxLimits): DataError {
  return new DataError('xlsx.too-large', { file, size: Math.ceil(total / MIB), max: Math.round(limits.maxUncompressedBytes / MIB) });
}

// A row or cell start tag (any namespace prefix) and its attributes; `r` is the reference ("12", "AB12").
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g;
const REF = /\sr\s*=\s*["']([A-Za-z]*)(\d*)["']/;
const MERGE_TAG = /<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])([^>]*)>/g;
const MERGE_REF = /\sref\s*=\s*["']([^"']{1,40})["']/;
const MAX_TAG = 64 * 1024;

/** Reads the row and cell references of a sheet's XML as it streams past, refusing what Excel could not hold. */
class SheetScanner {
  private carry = '';
  private row = 0;
  private cells = 0;
  /** Merged cells starting in the rows layout detection reads. */
  readonly merges: CellRange[] = [];

  constructor(
    private readonly file: string,
    private readonly maxRows: number,
    private readonly maxColumns: number,
  ) {}

  push(chunk: Buffer): void {
    // Tags and attributes are ASCII, so Latin-1 reads them whatever the text around them is.
    let text = this.carry + chunk.toString('latin1');
    this.carry = '';
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.indexOf('>', open) < 0) {
      // A tag cut by the chunk boundary: read it with the next chunk (a "tag" longer than this is not one).
      if (text.length - open <= MAX_TAG) this.carry = text.slice(open);
      text = text.slice(0, open);
    }
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
      const ref = REF.exec(m[2]!);
      if (m[1] === 'row') {
        this.cells = 0;
        this.row = ref?.[2] ? Number(ref[2]) : this.row + 1;
        this.checkRow(this.row);
        continue;
      }
      this.cells++;
      if (this.cells > this.maxColumns) this.columns();
      if (!ref) continue;
      const letters = ref[1]!.toUpperCase();
      let column = 0;
      for (let i = 0; i < letters.length && column <= this.maxColumns; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
      if (column > this.maxColumns) this.columns();
      if (ref[2]) this.checkRow(Number(ref[2]));
    }
    MERGE_TAG.lastIndex = 0;
    for (let m = MERGE_TAG.exec(text); m && this.merges.length < MAX_MERGES; m = MERGE_TAG.exec(text)) {
      const range = parseRange(MERGE_REF.exec(m[1]!)?.[1] ?? '');
      if (range && range.top <= MERGE_ROWS) this.merges.push(range);
    }
  }

  private checkRow(row: number): void {
    if (row > this.maxRows) throw new DataError('table.too-many-rows', { file: this.file, row, max: this.maxRows });
  }

  private columns(): never {
    throw new DataError('table.too-many-columns', { file: this.file, row: this.row, max: this.maxColumns });
  }
}

/** The usual part names of worksheets (the reader also checks the rows and columns of any sheet it reads). */
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Inflate one entry as a stream through JSZip, counting; `onChunk` may throw to stop it. */
function drain(entry: JSZip.JSZipObject, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    let done = false;
    const settle = (e?: unknown): void => {
      if (done) return;
      done = true;
      if (e === undefined) resolve();
      else reject(e instanceof Error ? e : new Error(String(e)));
    };
    const onData = (chunk: Buffer): void => {
      try {
        onChunk(chunk);
      } catch (e) {
        // Paused, JSZip's stream stops asking for more once its small buffer is full, so inflation
        // stops there. (destroy() would not: JSZip goes on pushing, and each push is an error.)
        stream.pause();
        stream.removeListener('data', onData);
        settle(e);
      }
    };
    stream.on('data', onData);
    stream.on('error', (e: unknown) => settle(e));
    stream.on('end', () => settle());
  });
}

/**
 * Refuse an XLSX archive (as a DataError naming the file and the limit) that would make the reader
 * exhaust memory or time. Other failures (not a ZIP, damaged data) are thrown as they come. Gives the
 * merged cells of each worksheet part (those starting in the first MERGE_ROWS rows).
 */
export async function guardXlsx(
  buf: Buffer,
  file: string,
  limits: XlsxLimits = IMPORT_LIMITS.xlsx,
  maxRows: number = IMPORT_LIMITS.maxRows,
  maxColumns: number = IMPORT_LIMITS.maxColumns,
): Promise<Map<string, CellRange[]>> {
  const directory = readZipDirectory(buf, limits.maxEntries + 1);
  const declared = new Map<string, ZipEntryInfo>();
  if (directory) {
    if (directory.length > limits.maxEntries) throw new DataError('xlsx.too-many-entries', { file, entries: `${limits.maxEntries}+`, max: limits.maxEntries });
    let total = 0;
    for (const e of directory) {
      total += e.uncompressedSize;
      checkEntry(file, e.name, e.uncompressedSize, e.compressedSize, limits);
      declared.set(e.name, e);
    }
    if (total > limits.maxUncompressedBytes) throw tooLarge(file, total, limits);
  }

  const zip = await JSZip.loadAsync(buf);
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.maxEntries) throw new DataError('xlsx.too-many-entries', { file, entries: entries.length, max: limits.maxEntries });
  let total = 0;
  const merges = new Map<string, CellRange[]>();
  for (const entry of entries) {
    const said = declared.get(entry.name);
    const scanner = SHEET_PART.test(entry.name) ? new SheetScanner(file, maxRows, maxColumns) : null;
    let size = 0;
    await drain(entry, (chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (said && size > said.uncompressedSize) {
        throw new DataError('xlsx.size-mismatch', { file, entry: entryLabel(entry.name), declared: said.uncompressedSize });
      }
      if (total > limits.maxUncompressedBytes) throw tooLarge(file, total, limits);
      if (said) checkEntry(file, entry.name, size, said.compressedSize, limits);
      scanner?.push(chunk);
    });
    if (scanner?.merges.length) merges.set(entry.name, scanner.merges);
  }
  return merges;
}
