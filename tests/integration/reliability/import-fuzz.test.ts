// Bad input into the importers (issue #7): random bytes, random tables in random encodings, cut and
// damaged copies of the real samples, random XLSX parts, random legacy .xls and HTML tables with
// merged cells (issue #15), and hand-made hostile files (zip bombs, a 1M-column header, a 10 MB cell,
// a row numbered four billion, a .xls of 1M cells, an HTML table of a million columns). The property, for preview and commit:
// the call resolves, or rejects with a WorkbenchError whose code has a zh and an en text, never another
// exception, within a time bound; every problem it lists has a text too; and a commit that does not
// commit leaves every table as it was, with integrity_check ok (and no commit stores an infinite value). `npm run soak` runs thousands of random cases instead of dozens.

import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, previewImport, seedSampleData, type CommitOptions, type ImportOptions, type ImportPreview, type ImportSummary } from '../../../electron/backend/import';
import { IMPORT_LIMITS } from '../../../electron/backend/import/limits';
import { MAX_HTML_MERGES } from '../../../electron/backend/import/workbook-reader';
import { guardXlsx } from '../../../electron/backend/import/xlsx-guard';
import { WorkbenchError } from '../../../shared/api/errors';
import { translate } from '../../../shared/i18n';
import { fixture, sample } from '../import/fixtures';
import { createTestWorkspace, tempDir } from '../import/test-workspace';

const soak = process.env.npm_lifecycle_event === 'soak';
const runs = (quick: number, long: number): number => (soak ? long : quick);
const TEST_MS = soak ? 1_800_000 : 120_000;
/** Time bound of one random case (a few KB), and of one hand-made hostile file (up to 40 MB on disk). */
const CASE_MS = 10_000;
const HOSTILE_MS = 20_000;
const MIB = 1024 * 1024;

const ws = createTestWorkspace();
const files = tempDir();
beforeAll(() => {
  seedSampleData(ws.db);
});
afterAll(() => {
  ws.close();
  files.remove();
});

function translated(code: string): boolean {
  return translate('zh', code) !== code && translate('en', code) !== code;
}

type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: WorkbenchError; ms: number };

class Overtime extends Error {}

/** Run `work`; it must resolve, or reject with a translated WorkbenchError, within `boundMs`. */
async function within<T>(what: string, boundMs: number, work: () => Promise<T>): Promise<Outcome<T>> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const overtime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Overtime(`${what}: no answer within ${boundMs} ms`)), boundMs);
  });
  let settled: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    settled = { ok: true, value: await Promise.race([work(), overtime]) };
  } catch (error) {
    settled = { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - t0;
  if (!settled.ok) {
    const e = settled.error;
    if (e instanceof Overtime) throw e;
    if (!(e instanceof WorkbenchError)) throw new Error(`${what}: threw something else than a WorkbenchError`, { cause: e });
    expect(translated(e.code), `${what}: untranslated code ${e.code}`).toBe(true);
  }
  // Checked after the fact too: work that never yields to the event loop cannot be timed out.
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(boundMs);
  return settled.ok ? { ok: true, value: settled.value, ms } : { ok: false, error: settled.error as WorkbenchError, ms };
}

const TABLES = ['observations', 'imports', 'indicators', 'regions', 'import_replaced'] as const;

function counts(): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, ws.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

function integrity(): string {
  return ws.db.pragma('integrity_check', { simple: true }) as string;
}

async function preview(path: string, options: ImportOptions, boundMs = CASE_MS): Promise<Outcome<ImportPreview>> {
  const out = await within(`preview ${options.fileName}`, boundMs, () => previewImport(ws.db, path, options));
  if (out.ok) for (const p of out.value.problems) expect(translated(p.code), `problem code ${p.code}`).toBe(true);
  return out;
}

/** Commit; unless it committed, nothing may have changed. */
async function commit(path: string, options: CommitOptions, boundMs = CASE_MS): Promise<Outcome<ImportSummary>> {
  const before = counts();
  const out = await within(`commit ${options.fileName}`, boundMs, () => commitImport(ws.db, path, options));
  expect(ws.db.inTransaction).toBe(false);
  if (!out.ok || out.value.status !== 'committed') expect(counts(), `commit of ${options.fileName} wrote rows`).toEqual(before);
  expect(integrity()).toBe('ok');
  if (out.ok && out.value.importId !== null) {
    const infinite = ws.db.prepare('SELECT count(*) FROM observations WHERE import_id = ? AND abs(value) > 1.7976931348623157e308').pluck().get(out.value.importId);
    expect(infinite, 'an infinite value was stored').toBe(0);
  }
  return out;
}

// ---- ZIP archives made by hand, so that sizes can be declared falsely and parts made huge cheaply.

interface ZipPart {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  size: number;
  crc: number;
  /** Uncompressed size written in the headers, when it should lie. */
  declared?: number;
}

function part(name: string, content: Buffer | string): ZipPart {
  const raw = Buffer.from(content);
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** A part of `before`, `mib` MiB of spaces, `after`, deflated as a stream (the spaces are never held whole). */
async function spacesPart(name: string, before: string, mib: number, after: string): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const head = Buffer.from(before);
  const tail = Buffer.from(after);
  const block = Buffer.alloc(MIB, 0x20);
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < mib; i++) {
    crc = crc32(block, crc);
    if (!deflate.write(block)) await once(deflate, 'drain');
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await once(deflate, 'end');
  return { name, data: Buffer.concat(out), size: head.length + mib * MIB + tail.length, crc };
}

function zipOf(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declared ?? p.size;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // names in UTF-8
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt32LE(p.crc >>> 0, 14);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(p.crc >>> 0, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/** The parts of the real wide-table sample workbook (sheet2.xml holds its table). */
let workbookParts: Map<string, Buffer>;
const TABLE_SHEET = 'xl/worksheets/sheet2.xml';

async function loadWorkbookParts(): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(sample('digital-economy-wide.xlsx')));
  const parts = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async('nodebuffer'));
  return parts;
}

/** The sample workbook with some parts replaced and others added. */
function workbook(replaced: ZipPart[] = [], added: ZipPart[] = []): Buffer {
  const byName = new Map(replaced.map((p) => [p.name, p]));
  return zipOf([...[...workbookParts].map(([name, content]) => byName.get(name) ?? part(name, content)), ...added]);
}

/** The table sheet's XML with its <sheetData> content replaced. */
function tableSheet(sheetData: string): string {
  return workbookParts.get(TABLE_SHEET)!.toString('utf8').replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${sheetData}</sheetData>`).replace(/<dimension[^>]*\/>/, '');
}

function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Text that does not compress much (a realistic long cell, not a zip bomb): letters from a fixed LCG. */
function noisyText(chars: number): string {
  const b = Buffer.alloc(chars);
  let x = 12345;
  for (let i = 0; i < chars; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = 97 + ((x >>> 16) % 26);
  }
  return b.toString('latin1');
}

let fileNo = 0;
function writeCase(ext: string, bytes: Uint8Array | string): { path: string; fileName: string } {
  const fileName = `case-${++fileNo}${ext}`;
  const path = join(files.dir, fileName);
  writeFileSync(path, bytes);
  return { path, fileName };
}

beforeAll(async () => {
  workbookParts = await loadWorkbookParts();
});

// ---- hand-made hostile files

interface Hostile {
  name: string;
  ext: string;
  make: () => Promise<Buffer | string> | Buffer | string;
  /** The refusal expected; null when the file must be read (bounded), whatever it yields. */
  code: string | null;
}

const SHEET_HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c><c r="B1" t="inlineStr"><is><t>2020年</t></is></c></row>';

/** A BIFF8 workbook stream of `cells` NUMBER records (BOF, the cells, EOF) in an OLE container, built without SheetJS's writer. */
async function biffOfNumbers(cells: number): Promise<Buffer> {
  const xlsx = await import('@e965/xlsx');
  const record = (type: number, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(body.length, 2);
    return Buffer.concat([head, body]);
  };
  const bof = record(0x0809, Buffer.from([0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  const number = Buffer.alloc(18);
  number.writeUInt16LE(0x0203, 0);
  number.writeUInt16LE(14, 2);
  const numbers = Buffer.alloc(cells * 18);
  for (let i = 0; i < cells; i++) {
    number.writeUInt16LE(i % 65536, 4);
    number.writeUInt16LE(Math.floor(i / 65536), 6);
    number.writeDoubleLE(i, 10);
    number.copy(numbers, i * 18);
  }
  const cfb = xlsx.CFB.utils.cfb_new();
  xlsx.CFB.utils.cfb_add(cfb, 'Workbook', Buffer.concat([bof, numbers, record(0x000a, Buffer.alloc(0))]));
  return Buffer.from(xlsx.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

const hostile: Hostile[] = [
  {
    name: 'zip bomb: 300 MiB of spaces in the sheet XML, ~300 KB on disk',
    ext: '.xlsx',
    code: 'xlsx.compression-ratio',
    make: async () => {
      const xml = workbookParts.get(TABLE_SHEET)!.toString('utf8');
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      return workbook([await spacesPart(TABLE_SHEET, xml.slice(0, at), 300, xml.slice(at))]);
    },
  },
  {
    name: 'zip bomb whose directory declares 2 MiB for its 300 MiB',
    ext: '.xlsx',
    code: 'xlsx.size-mismatch',
    make: async () => {
      const xml = workbookParts.get(TABLE_SHEET)!.toString('utf8');
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      return workbook([{ ...(await spacesPart(TABLE_SHEET, xml.slice(0, at), 300, xml.slice(at))), declared: 2 * MIB }]);
    },
  },
  {
    name: '280 extra parts of 3.9 MiB each (each under the ratio floor, 1.07 GiB together)',
    ext: '.xlsx',
    code: 'xlsx.too-large',
    make: async () => {
      const kernel = await spacesPart('x', '', 0, ' '.repeat(Math.floor(3.9 * MIB)));
      return workbook([], Array.from({ length: 280 }, (_, i) => ({ ...kernel, name: `xl/extra/part${i}.xml` })));
    },
  },
  {
    name: `${IMPORT_LIMITS.xlsx.maxEntries + 1} extra parts`,
    ext: '.xlsx',
    code: 'xlsx.too-many-entries',
    make: () => {
      const tiny = part('x', '<a/>');
      return workbook([], Array.from({ length: IMPORT_LIMITS.xlsx.maxEntries + 1 }, (_, i) => ({ ...tiny, name: `xl/extra/p${i}.xml` })));
    },
  },
  {
    name: 'a 1M-column header row (XLSX)',
    ext: '.xlsx',
    code: 'table.too-many-columns',
    make: () => {
      const cells: string[] = [];
      for (let c = 1; c <= 1_000_000; c++) cells.push(`<c r="${columnName(c)}1"><v>${c}</v></c>`);
      return workbook([part(TABLE_SHEET, tableSheet(`<row r="1">${cells.join('')}</row>`))]);
    },
  },
  {
    name: 'a row numbered 4,000,000,000 (XLSX)',
    ext: '.xlsx',
    code: 'table.too-many-rows',
    make: () => workbook([part(TABLE_SHEET, tableSheet(`${SHEET_HEAD}<row r="4000000000"><c r="A4000000000"><v>1</v></c></row>`))]),
  },
  {
    name: 'one cell at XFD1048576, the last Excel allows (XLSX)',
    ext: '.xlsx',
    code: null,
    make: () => workbook([part(TABLE_SHEET, tableSheet(`${SHEET_HEAD}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`))]),
  },
  {
    name: 'a 10 MB cell (XLSX, text that does not compress)',
    ext: '.xlsx',
    code: null,
    make: () =>
      workbook([part(TABLE_SHEET, tableSheet(`${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>重庆</t></is></c><c r="B2" t="inlineStr"><is><t>${noisyText(10 * MIB)}</t></is></c></row>`))]),
  },
  {
    name: `a legacy .xls of ${IMPORT_LIMITS.workbook.maxCells + 1} number cells`,
    ext: '.xls',
    code: 'workbook.too-many-cells',
    make: () => biffOfNumbers(IMPORT_LIMITS.workbook.maxCells + 1),
  },
  {
    name: `a .xls over ${IMPORT_LIMITS.workbook.maxBytes / MIB} MiB (an OLE header and zeros)`,
    ext: '.xls',
    code: 'workbook.too-large',
    make: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(IMPORT_LIMITS.workbook.maxBytes)]),
  },
  {
    name: `an HTML table of ${IMPORT_LIMITS.workbook.maxCells + 1} cells`,
    ext: '.xls',
    code: 'workbook.too-many-cells',
    make: () => `<html><table>${'<tr><td>1</td><td>2</td></tr>'.repeat(Math.ceil((IMPORT_LIMITS.workbook.maxCells + 1) / 2))}</table></html>`,
  },
  {
    name: 'an HTML table one cell of which spans a million columns',
    ext: '.xls',
    code: 'table.too-many-columns',
    make: () => '<html><table><tr><td colspan="1000000">重庆</td><td>1</td></tr></table></html>',
  },
  {
    name: `an HTML table of ${MAX_HTML_MERGES + 1} merged cells (SheetJS checks each cell against every merge)`,
    ext: '.xls',
    code: 'workbook.too-many-merges',
    make: () => `<html><table>${'<tr><td rowspan="2">地区</td><td>1</td></tr>'.repeat(MAX_HTML_MERGES + 1)}</table></html>`,
  },
  {
    name: 'an HTML table of 200,000 cells whose tags are never closed',
    ext: '.xls',
    code: null,
    make: () => `<html><table><tr><td>地区<td>2020年${'<tr><td>重庆<td>1'.repeat(100_000)}`,
  },
  {
    name: 'a 1M-column header row (CSV)',
    ext: '.csv',
    code: 'table.too-many-columns',
    make: () => `${Array.from({ length: 1_000_000 }, (_, i) => `h${i}`).join(',')}\n重庆,1\n`,
  },
  {
    name: 'a 10 MB cell (CSV, as a value and as a quoted indicator name)',
    ext: '.csv',
    code: null,
    make: () => `指标,地区,2020年\nGDP,重庆,${'9'.repeat(10 * MIB)}\n"${noisyText(10 * MIB)}",重庆,3\n`,
  },
  {
    name: 'a 20 MB CSV without a line break',
    ext: '.csv',
    code: 'csv.record-too-long',
    make: () => 'a,'.repeat(10 * MIB),
  },
  {
    name: 'a quote opened in row 2 and never closed, 2M rows after it (CSV)',
    ext: '.csv',
    code: 'csv.record-too-long',
    make: () => `指标,地区,2020年\n"GDP,重庆,1\n${'GDP,重庆,1\n'.repeat(2_000_000)}`,
  },
];

describe('hostile files', () => {
  for (const h of hostile) {
    it(
      `${h.name}: ${h.code ? `refused as ${h.code}` : 'read'} in bounded time, and a commit writes nothing`,
      async () => {
        const { path, fileName } = writeCase(h.ext, await h.make());
        const p = await preview(path, { fileName }, HOSTILE_MS);
        if (h.code) {
          expect(p.ok ? 'resolved' : p.error.code).toBe(h.code);
          if (!p.ok) {
            expect(p.error.params.file).toBe(fileName);
            expect(translate('zh', h.code, p.error.params)).toContain(fileName);
          }
        } else if (p.ok) {
          // Huge cells are cut in what the preview shows and in problem texts: the answer stays small.
          expect(JSON.stringify(p.value).length).toBeLessThan(1_000_000);
        }
        const c = await commit(path, { fileName, onConflict: 'fail', allowDuplicate: true }, HOSTILE_MS);
        if (h.code) expect(c.ok ? c.value.status : c.error.code).toBe(h.code);
      },
      TEST_MS,
    );
  }

  it('the guard reads the sizes from the directory: a limit below the sample workbook refuses it at once', async () => {
    const buf = readFileSync(sample('digital-economy-wide.xlsx'));
    await expect(guardXlsx(buf, 'wide.xlsx')).resolves.toBeInstanceOf(Map);
    await expect(guardXlsx(buf, 'wide.xlsx', { ...IMPORT_LIMITS.xlsx, maxUncompressedBytes: 10_000 })).rejects.toMatchObject({ code: 'xlsx.too-large', params: { file: 'wide.xlsx' } });
    await expect(guardXlsx(buf, 'wide.xlsx', { ...IMPORT_LIMITS.xlsx, maxEntries: 5 })).rejects.toMatchObject({ code: 'xlsx.too-many-entries' });
  });
});

// ---- random input

const ENCODINGS = ['gbk', 'gb18030', 'utf8', 'utf-8', 'utf16le', 'utf-16le', 'utf-16be'] as const;
const commitChoice = fc.record({
  commit: fc.boolean(),
  onConflict: fc.constantFrom('fail', 'keep', 'replace') as fc.Arbitrary<CommitOptions['onConflict']>,
  skipBadRows: fc.boolean(),
});

/** Preview, and commit when the case says so. */
async function exercise(path: string, fileName: string, options: ImportOptions, c: { commit: boolean; onConflict: CommitOptions['onConflict']; skipBadRows: boolean }): Promise<void> {
  await preview(path, { ...options, fileName });
  if (c.commit) await commit(path, { ...options, fileName, onConflict: c.onConflict, skipBadRows: c.skipBadRows, allowDuplicate: true });
}

const PREFIXES: Record<string, number[]> = {
  none: [],
  'utf-8 BOM': [0xef, 0xbb, 0xbf],
  'utf-16le BOM': [0xff, 0xfe],
  'utf-16be BOM': [0xfe, 0xff],
  'zip magic': [0x50, 0x4b, 0x03, 0x04],
  'ole magic': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  html: [...Buffer.from('<html><table>')],
};

const WORDS = ['指标', '地区', '年份', '时期', '数值', '单位', '状态', '来源', '重庆', '重庆市', '四川省', 'GDP', '地区生产总值', '2020', '2021年', '2022Q1', '2019年上半年', '亿元', '%', '1.5万亿', '约3.2', '-', '…', '"', '""', ',', ';', '\t', '\n', '\r\n', '数据来源：统计局', '注：初步核算', '指标：GDP', '=1+1', '实际', '目标', '1e308', '9'.repeat(400)];
/** Any cell: a word the importer looks for, random text, random code units, a number. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.double().map(String) },
);
/** A cell that does not change the table's shape when written unquoted. */
const plainCell = cell.filter((c) => !/[",;\t\r\n]/.test(c));
/** A plausible cell most of the time, something else now and then. */
const mostly = (...values: string[]): fc.Arbitrary<string> => fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: plainCell });
const indicatorCell = mostly('GDP', '地区生产总值', '数字经济增加值', '数字经济核心产业增加值占GDP比重', '软件业务收入(亿元)', '5G基站数');
const regionCell = mostly('重庆', '重庆市', '四川省', '成都市', '全国', '北京');
const periodCell = mostly('2019', '2020年', '2021', '2022Q1', '2019年上半年', '2023年3月');
const valueCell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e9, noNaN: true }).map((v) => String(Math.round(v * 100) / 100)) },
  { weight: 2, arbitrary: fc.constantFrom('1.5万亿', '约3.2', '12.5%', '-', '…', '(3.4)', '1,234.5', '1e308', '9'.repeat(400), '') },
  { weight: 1, arbitrary: plainCell },
);
const unitCell = mostly('亿元', '万元', '%', '个', '万人', '');
const statusCell = mostly('实际', '目标', 'estimate', '推算', '示意');

/** A long table (one value per row), a wide one (a column per period, notes above), or cells at random. */
const table: fc.Arbitrary<string[][]> = fc.oneof(
  fc
    .record({
      extra: fc.subarray(['单位', '状态']),
      rows: fc.array(fc.tuple(indicatorCell, regionCell, periodCell, valueCell, unitCell, statusCell), { minLength: 1, maxLength: 30 }),
    })
    .map(({ extra, rows }) => [
      ['指标', '地区', '年份', '数值', ...extra],
      ...rows.map(([i, r, p, v, u, s]) => [i, r, p, v, ...(extra.includes('单位') ? [u] : []), ...(extra.includes('状态') ? [s] : [])]),
    ]),
  fc
    .record({
      notes: fc.subarray(['指标：地区生产总值', '单位：亿元', '数据来源：统计公报']),
      periods: fc.uniqueArray(fc.constantFrom('2018年', '2019年', '2020年', '2021年', '2022年'), { minLength: 1 }),
      rows: fc.array(fc.tuple(regionCell, fc.array(valueCell, { minLength: 5, maxLength: 5 })), { minLength: 1, maxLength: 30 }),
    })
    .map(({ notes, periods, rows }) => [...notes.map((n) => [n]), ['地区', ...periods], ...rows.map(([r, vs]) => [r, ...vs.slice(0, periods.length)])]),
  fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 25 }),
);

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8 BOM':
      return iconv.encode(text, 'utf8', { addBOM: true });
    case 'utf-16le BOM':
      return iconv.encode(text, 'utf-16le', { addBOM: true });
    case 'utf-16be BOM':
      return iconv.encode(text, 'utf-16be', { addBOM: true });
    default:
      return iconv.encode(text, encoding);
  }
}

/** The table as a workbook; with `typed`, cells that read as numbers are written as numbers. */
async function xlsxOf(rows: string[][], typed: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  for (const r of rows) sheet.addRow(r.map((c) => (typed && c.trim() !== '' && Number.isFinite(Number(c)) ? Number(c) : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function damage(bytes: Buffer, cut: number | null, flips: Array<[number, number]>): Buffer {
  let b = cut === null ? Buffer.from(bytes) : Buffer.from(bytes.subarray(0, Math.floor(bytes.length * cut)));
  if (b.length === 0) b = Buffer.from([0x20]);
  for (const [at, value] of flips) b[at % b.length] = value;
  return b;
}

describe('random input', () => {
  it(
    'random bytes as .csv/.tsv/.txt/.xlsx, after a BOM or a magic number or not',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ minLength: 1, maxLength: 2048 }),
          fc.constantFrom(...Object.keys(PREFIXES)),
          fc.constantFrom('.csv', '.tsv', '.tab', '.txt', '.xlsx', '.xlsm', '.xls'),
          fc.option(fc.constantFrom(...ENCODINGS), { nil: undefined }),
          commitChoice,
          async (bytes, prefix, ext, encoding, c) => {
            const { path, fileName } = writeCase(ext, Buffer.concat([Buffer.from(PREFIXES[prefix]!), bytes]));
            await exercise(path, fileName, encoding ? { encoding } : {}, c);
          },
        ),
        { numRuns: runs(40, 3000) },
      );
    },
    TEST_MS,
  );

  it(
    'random tables (long, wide, noise) as CSV/TSV in random encodings (UTF-8 ± BOM, UTF-16 LE/BE, GB18030) or as XLSX, cut and damaged',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            rows: table,
            delimiter: fc.constantFrom(',', '\t', ';'),
            eol: fc.constantFrom('\n', '\r\n', '\r'),
            quote: fc.boolean(),
            encoding: fc.constantFrom('utf8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM', 'utf-16le', 'gb18030'),
            // One case in four cut short or with bytes overwritten.
            damaged: fc.oneof(
              { weight: 3, arbitrary: fc.constant(null) },
              { weight: 1, arbitrary: fc.record({ cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }) }) },
            ),
            override: fc.option(fc.constantFrom(...ENCODINGS), { nil: undefined }),
            ext: fc.constantFrom('.csv', '.tsv', '.txt', '.xlsx'),
            typed: fc.boolean(),
          }),
          commitChoice,
          async (t, c) => {
            let bytes: Buffer;
            if (t.ext === '.xlsx') bytes = await xlsxOf(t.rows, t.typed);
            else {
              const q = (s: string) => (t.quote ? `"${s.replace(/"/g, '""')}"` : s);
              bytes = encode(t.rows.map((r) => r.map(q).join(t.delimiter)).join(t.eol) + t.eol, t.encoding);
            }
            if (t.damaged) bytes = damage(bytes, t.damaged.cut, t.damaged.flips);
            const { path, fileName } = writeCase(t.ext, bytes);
            await exercise(path, fileName, t.override && t.ext !== '.xlsx' ? { encoding: t.override } : {}, c);
          },
        ),
        { numRuns: runs(40, 3000) },
      );
    },
    TEST_MS,
  );

  const samples = [
    ...['chongqing-digital-economy-long.csv', 'gdp-portal-gbk.csv', 'digital-economy-wide.xlsx'].map((name) => ({ name, bytes: readFileSync(sample(name)) })),
    ...['yearbook-merged.xls', 'portal-monthly.xls', 'html-utf8.xls', 'html-gbk.xls'].map((name) => ({ name, bytes: readFileSync(fixture(name)) })),
  ];

  it(
    'the real samples cut at random offsets, with random bytes overwritten',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...samples),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
          commitChoice,
          async (s, cut, flips, c) => {
            const ext = s.name.slice(s.name.lastIndexOf('.'));
            const { path, fileName } = writeCase(ext, damage(s.bytes, cut, flips));
            await exercise(path, fileName, {}, c);
          },
        ),
        { numRuns: runs(30, 2000) },
      );
    },
    TEST_MS,
  );

  it(
    'random tables as legacy .xls (BIFF8, BIFF5) or as HTML tables (UTF-8 or GBK, charset declared or not) with random merged cells, cut and damaged',
    async () => {
      const xlsx = await import('@e965/xlsx');
      const span = fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) });
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            rows: table,
            kind: fc.constantFrom('biff8', 'biff5', 'html'),
            spans: fc.array(fc.tuple(span, span), { maxLength: 12 }),
            charset: fc.constantFrom('utf-8 meta', 'utf-8', 'gbk meta', 'gbk', 'gbk declared utf-8'),
            damaged: fc.oneof(
              { weight: 3, arbitrary: fc.constant(null) },
              { weight: 1, arbitrary: fc.record({ cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }) }) },
            ),
          }),
          commitChoice,
          async (t, c) => {
            let bytes: Buffer;
            if (t.kind === 'html') {
              let k = 0;
              const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
              const cells = (r: string[]) =>
                r
                  .map((v) => {
                    const [cs, rs] = t.spans[k++ % Math.max(1, t.spans.length)] ?? [1, 1];
                    return `<td${cs > 1 ? ` colspan="${cs}"` : ''}${rs > 1 ? ` rowspan="${rs}"` : ''}>${escape(v)}</td>`;
                  })
                  .join('');
              const meta = t.charset === 'utf-8 meta' || t.charset === 'gbk declared utf-8' ? '<meta charset="utf-8">' : t.charset === 'gbk meta' ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' : '';
              const html = `<html><head>${meta}</head><body><table>${t.rows.map((r) => `<tr>${cells(r)}</tr>`).join('\n')}</table></body></html>`;
              bytes = t.charset.startsWith('gbk') ? iconv.encode(html, 'gbk') : Buffer.from(html);
            } else {
              const book = xlsx.utils.book_new();
              const sheet = xlsx.utils.aoa_to_sheet(t.rows.map((r) => r.map((v) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v))));
              sheet['!merges'] = t.spans.slice(0, 4).map(([cs, rs], i) => ({ s: { r: i * 2, c: 0 }, e: { r: i * 2 + rs - 1, c: cs - 1 } }));
              xlsx.utils.book_append_sheet(book, sheet, '数据');
              bytes = Buffer.from(xlsx.write(book, { bookType: t.kind === 'biff8' ? 'xls' : 'biff5', type: 'buffer' }) as Uint8Array);
            }
            if (t.damaged) bytes = damage(bytes, t.damaged.cut, t.damaged.flips);
            const { path, fileName } = writeCase('.xls', bytes);
            await exercise(path, fileName, {}, c);
          },
        ),
        { numRuns: runs(30, 2000) },
      );
    },
    TEST_MS,
  );

  it(
    'the sample workbook with a part replaced by random text or XML fragments',
    async () => {
      const names = [...workbookParts.keys()];
      const fragment = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('<row r="0">', '<row r="-1"><c r="A-1"/></row>', '<c r="ZZZZ9"><v>1</v></c>', '<c t="s"><v>99999</v></c>', '<c t="e"><v>#REF!</v></c>', '<f>SUM(A1:A9)</f>', '<sheetData>', '</sheetData>', '<![CDATA[x]]>', '&amp;', '&bogus;', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;'),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          fc.array(fragment, { maxLength: 12 }),
          fc.boolean(),
          commitChoice,
          async (name, pieces, keep, c) => {
            const original = workbookParts.get(name)!.toString('utf8');
            // Either the fragments alone, or inserted into the part at a random-ish place.
            const at = pieces.join('').length % Math.max(1, original.length);
            const text = keep ? original.slice(0, at) + pieces.join('') + original.slice(at) : pieces.join('');
            const { path, fileName } = writeCase('.xlsx', workbook([part(name, text)]));
            await exercise(path, fileName, {}, c);
          },
        ),
        { numRuns: runs(30, 2000) },
      );
    },
    TEST_MS,
  );
});
