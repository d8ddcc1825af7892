// Statistical files as they really come (issue #15): legacy .xls made by LibreOffice, web-page tables
// saved as .xls in UTF-8 and GBK, a portal export with its region in a note row. For each: the
// settings the preview detects, and the observations a commit stores. Then titles, merged multi-row
// headers re-derived under another header row, and total rows.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { previewImport } from '../../../electron/backend/import/preview';
import { readTitle, titleRegionNames } from '../../../electron/backend/import/title';
import type { ImportPreview } from '../../../electron/backend/import/types';
import { openWorkbook } from '../../../electron/backend/import/workbook-reader';
import { IMPORT_LIMITS } from '../../../electron/backend/import/limits';
import { fixture } from './fixtures';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

const roles = (p: ImportPreview) => p.mapping.columns.map((c) => (c.role === 'series' ? `series:${c.dimension}:${c.key}` : c.role));
const detected = (p: ImportPreview) => p.detected.map((d) => `${d.field}=${d.value} (${d.from}, row ${d.row})`);
const codes = (p: { problems: Array<{ code: string }> }) => p.problems.map((x) => x.code);

interface Stored {
  indicator: string;
  region: string;
  period: string;
  value: number;
  unit: string;
  status: string;
  original: string;
}

function stored(importId: number | null): Stored[] {
  return ws.db
    .prepare(
      `SELECT i.name_zh AS indicator, r.name_zh AS region, o.period, o.value, o.unit, o.status, o.original
       FROM observations o JOIN indicators i ON i.code = o.indicator JOIN regions r ON r.code = o.region
       WHERE o.import_id = ? ORDER BY o.id`,
    )
    .all(importId) as Stored[];
}

const line = (s: Stored) => `${s.indicator}|${s.region}|${s.period}|${s.value}|${s.unit}|${s.status}`;

describe('the fixture corpus', () => {
  it('a BIFF8 yearbook table: merged title and unit row, two-level header, indented sub-item, numbers as text, a formula 合计', async () => {
    const p = await previewImport(ws.db, fixture('yearbook-merged.xls'));
    expect(p.file.format).toBe('xls');
    expect(p.encoding).toBeNull();
    expect(p.layout).toMatchObject({ kind: 'portal', series: 'period' });
    expect(p.layout.confidence).toBeGreaterThanOrEqual(0.9);
    // Rows 4–5 are the header: 指标 merged down both, 年份 merged over the years.
    expect(p.headerRow).toBe(5);
    expect(p.mapping.columns.map((c) => c.header)).toEqual(['指标', '年份 / 2019年', '年份 / 2020年', '年份 / 2021年', '年份 / 2022年', '年份 / 2023年', '备注']);
    expect(roles(p)).toEqual(['indicator', 'series:period:2019年', 'series:period:2020年', 'series:period:2021年', 'series:period:2022年', 'series:period:2023年', 'note']);
    expect(p.mapping.fixed).toEqual({ region: '重庆市', unit: '亿元', status: 'illustrative' });
    expect(detected(p)).toEqual(['unit=亿元 (note, row 2)', 'status=illustrative (note, row 3)', 'region=重庆市 (title, row 1)']);
    // The 合计 row (formulas: their cached values are read) adds up, and is left out; the blank (—) is counted.
    expect(p.totalRows).toBe(1);
    expect(p.problems.map((x) => [x.code, x.row, x.params.text])).toEqual([['total.skipped', 10, '合计']]);
    expect(p.errorCount).toBe(0);
    expect(p.blankCells).toBe(1);
    expect(p.observations).toBe(19);
    expect(p.newIndicators).toEqual(['示例产业甲', '其中:示例子项', '示例产业乙', '示例产业丙']);
    // The sub-item, indented by two ideographic spaces and 其中, goes under the row above it.
    expect(p.newParents).toEqual([{ name: '其中:示例子项', parent: '示例产业甲' }]);
    expect(p.sample.filter((x) => x.parentName !== '').map((x) => `${x.indicatorName}<${x.parentName}`)).toEqual(new Array(5).fill('其中:示例子项<示例产业甲'));

    const s = await commitImport(ws.db, fixture('yearbook-merged.xls'), { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 19, totalRows: 1, blankCells: 1 });
    const rows = stored(s.importId);
    expect(rows.every((r) => r.region === '重庆市' && r.unit === '亿元' && r.status === 'illustrative')).toBe(true);
    expect(rows.filter((r) => r.indicator === '示例产业乙').map((r) => [r.period, r.value, r.original])).toEqual([
      ['2019', 80.4, '80.4'],
      ['2020', 85.6, '85.6'],
      ['2021', 90.3, '90.3'],
      ['2022', 95.1, '95.1'],
      ['2023', 99.9, '99.9'],
    ]);
    expect(rows.filter((r) => r.indicator === '其中:示例子项').map((r) => r.value)).toEqual([60.2, 65, 70.5, 75, 80]);
    expect(rows.some((r) => r.indicator === '合计')).toBe(false);
    expect(ws.db.prepare("SELECT count(*) FROM indicators WHERE name_zh = '合计'").pluck().get()).toBe(0);
    // The catalogue keeps the indentation as the hierarchy.
    expect(ws.db.prepare('SELECT c.name_zh AS name, p.name_zh AS parent, c.parent_by_import AS by FROM indicators c LEFT JOIN indicators p ON p.code = c.parent WHERE c.created_by_import = ? ORDER BY c.rowid').all(s.importId)).toEqual([
      { name: '示例产业甲', parent: null, by: null },
      { name: '其中:示例子项', parent: '示例产业甲', by: s.importId },
      { name: '示例产业乙', parent: null, by: null },
      { name: '示例产业丙', parent: null, by: null },
    ]);
  });

  it('a BIFF8 portal export: 地区 and 数据性质 in note rows, months across as date cells', async () => {
    const p = await previewImport(ws.db, fixture('portal-monthly.xls'));
    expect(p.file.format).toBe('xls');
    expect(p.headerRow).toBe(5);
    expect(roles(p)).toEqual(['indicator', 'series:period:2023-12', 'series:period:2023-11', 'series:period:2023-10', 'series:period:2023-09', 'series:period:2023-08', 'series:period:2023-07']);
    expect(p.mapping.fixed).toMatchObject({ region: '重庆市', status: 'illustrative' });
    expect(detected(p)).toEqual(['region=重庆市 (note, row 2)', 'status=illustrative (note, row 4)']);
    expect(p.notes).toEqual(['数据库：示例月度数据', '地区：重庆市', '时间：最近6个月', '数据性质：示例数据']);
    expect(p.problems).toEqual([]);

    const s = await commitImport(ws.db, fixture('portal-monthly.xls'), { onConflict: 'fail' });
    expect(s.status).toBe('committed');
    const rows = stored(s.importId);
    expect(rows.map(line).slice(0, 2)).toEqual(['示例月度指标甲|重庆市|2023M12|12.3|亿元|illustrative', '示例月度指标甲|重庆市|2023M11|11.8|亿元|illustrative']);
    expect(rows.filter((r) => r.indicator === '示例月度指标乙').map((r) => `${r.period}:${r.value}${r.unit}`)).toEqual(['2023M12:4.5%', '2023M11:4.4%', '2023M10:4.6%', '2023M09:4.2%', '2023M08:4.1%', '2023M07:4%']);
    expect(ws.db.prepare('SELECT source_note FROM imports WHERE id = ?').pluck().get(s.importId)).toContain('数据来源：示例');
  });

  it('a web-page table in UTF-8: the indicator and unit from the header merged over the years, 全国 kept as data', async () => {
    const p = await previewImport(ws.db, fixture('html-utf8.xls'));
    expect(p.file.format).toBe('html');
    expect(p.encoding).toMatchObject({ name: 'utf-8', confidence: 1 });
    expect(p.headerRow).toBe(3);
    expect(roles(p)).toEqual(['region', 'series:period:2021年', 'series:period:2022年', 'series:period:2023年']);
    expect(p.mapping.columns.slice(1).map((c) => c.unit)).toEqual(['亿元', '亿元', '亿元']);
    expect(p.mapping.fixed).toEqual({ indicator: '地区生产总值' });
    expect(detected(p)).toEqual(['indicator=地区生产总值 (header, row 2)']);
    // 全国 is not the sum of the two provinces: plain data, not flagged.
    expect(p.totalRows).toBe(0);
    expect(p.problems).toEqual([]);

    const s = await commitImport(ws.db, fixture('html-utf8.xls'), { onConflict: 'fail' });
    expect(s.status).toBe('committed');
    expect(stored(s.importId).map(line)).toEqual([
      '地区生产总值|重庆市|2021|27894.02|亿元|actual',
      '地区生产总值|重庆市|2022|29129.03|亿元|actual',
      '地区生产总值|重庆市|2023|30145.79|亿元|actual',
      '地区生产总值|四川省|2021|53850.79|亿元|actual',
      '地区生产总值|四川省|2022|56749.8|亿元|actual',
      '地区生产总值|四川省|2023|60132.9|亿元|actual',
      '地区生产总值|全国|2021|1143670|亿元|actual',
      '地区生产总值|全国|2022|1210207|亿元|actual',
      '地区生产总值|全国|2023|1260582|亿元|actual',
    ]);
    expect(ws.db.prepare("SELECT DISTINCT source FROM observations WHERE import_id = ?").pluck().all(s.importId)).toEqual(['重庆市统计局、四川省统计局、国家统计局统计公报（初步核算数）']);
  });

  it('a web-page table in GBK (meta charset gb2312): indicator and unit from the title, a 全市 row above the districts that is their sum', async () => {
    const p = await previewImport(ws.db, fixture('html-gbk.xls'));
    expect(p.file.format).toBe('html');
    expect(p.encoding).toMatchObject({ name: 'gb18030', confidence: 1 });
    expect(roles(p)).toEqual(['region', 'series:period:2022年', 'series:period:2023年']);
    expect(p.mapping.fixed).toEqual({ indicator: '示例区县指标', unit: '亿元', status: 'illustrative' });
    expect(detected(p)).toEqual(['status=illustrative (note, row 2)', 'unit=亿元 (title, row 1)', 'indicator=示例区县指标 (title, row 1)']);
    expect(p.totalRows).toBe(1);
    expect(p.problems.map((x) => [x.code, x.row, x.params.text])).toEqual([['total.skipped', 4, '全市']]);

    const s = await commitImport(ws.db, fixture('html-gbk.xls'), { onConflict: 'fail' });
    expect(stored(s.importId).map(line)).toEqual([
      '示例区县指标|万州区|2022|10|亿元|illustrative',
      '示例区县指标|万州区|2023|11|亿元|illustrative',
      '示例区县指标|涪陵区|2022|8.5|亿元|illustrative',
      '示例区县指标|涪陵区|2023|9.5|亿元|illustrative',
      '示例区县指标|渝中区|2022|11.5|亿元|illustrative',
      '示例区县指标|渝中区|2023|13|亿元|illustrative',
    ]);
    expect(ws.db.prepare("SELECT count(*) FROM regions WHERE name_zh = '全市'").pluck().get()).toBe(0);
  });

  it('GBK without a declared charset is detected; a page declaring UTF-8 over GBK bytes is read as GBK and said to be uncertain', async () => {
    const gbk = readFileSync(fixture('html-gbk.xls'));
    const bare = join(ws.dir, 'bare.xls');
    writeFileSync(bare, iconv.encode(iconv.decode(gbk, 'gbk').replace(/<meta[^>]*>/, ''), 'gbk'));
    const p = await previewImport(ws.db, bare);
    expect(p.encoding).toMatchObject({ name: 'gb18030', override: false });
    expect(p.encoding!.confidence).toBeGreaterThan(0.9);
    expect(p.mapping.fixed.indicator).toBe('示例区县指标');

    const lying = join(ws.dir, 'lying.xls');
    writeFileSync(lying, iconv.encode(iconv.decode(gbk, 'gbk').replace(/<meta[^>]*>/, '<meta charset="utf-8">'), 'gbk'));
    const q = await previewImport(ws.db, lying);
    expect(q.encoding).toMatchObject({ name: 'gb18030', confidence: 0.5 });
    expect(codes(q)).toContain('encoding.uncertain');
    expect(q.sample[0]!.regionName).toBe('万州区');
    // The user's choice wins over both.
    const r = await previewImport(ws.db, lying, { encoding: 'utf-8' });
    expect(r.encoding).toMatchObject({ name: 'utf-8', override: true });
    expect(codes(r)).toContain('encoding.replacement-char');
  });

  it('a BIFF5 (Excel 95) workbook reads too', async () => {
    const xlsx = await import('@e965/xlsx');
    const book = xlsx.utils.book_new();
    xlsx.utils.book_append_sheet(book, xlsx.utils.aoa_to_sheet([['indicator', 'region', '2021', '2022'], ['GDP', 'CQ', 27894.02, 29129.03]]), 'S1');
    const path = join(ws.dir, 'excel95.xls');
    writeFileSync(path, xlsx.write(book, { bookType: 'biff5', type: 'buffer' }) as Buffer);
    expect(readFileSync(path).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const p = await previewImport(ws.db, path);
    expect(p.file.format).toBe('xls');
    expect(p.sample.map((s) => `${s.region}|${s.period}|${s.value}`)).toEqual(['CQ|2021|27894.02', 'CQ|2022|29129.03']);
  });
});

describe('titles', () => {
  const names = titleRegionNames(['万州区']);
  it('read the region, a single year, the unit in brackets and what the table is about', () => {
    expect(readTitle('重庆市数字经济主要指标', names)).toEqual({ region: '重庆市', indicator: '数字经济' });
    expect(readTitle('表3-2 2023年各区县地区生产总值（亿元）', names)).toEqual({ period: '2023', unit: '亿元', indicator: '地区生产总值' });
    expect(readTitle('四川省规模以上工业增加值（2019—2023年）', names)).toEqual({ region: '四川省', indicator: '规模以上工业增加值' });
    expect(readTitle('万州区示例指标', names)).toEqual({ region: '万州区', indicator: '示例指标' });
  });

  it('name no region when they name two, and fix no period for a range', () => {
    expect(readTitle('重庆市与四川省地区生产总值对比', names)).toEqual({});
    expect(readTitle('2019-2023年全国数字经济规模', names)).toEqual({ region: '全国', indicator: '数字经济规模' });
  });

  it('a title row and a portal note row set fixed values; a column for the same dimension wins', async () => {
    const path = join(ws.dir, 'titled.csv');
    writeFileSync(path, ['2023年四川省示例指标（万元）', '地区,数值', '四川省,12', '重庆市,13'].join('\n'));
    const p = await previewImport(ws.db, path);
    expect(p.mapping.fixed).toEqual({ period: '2023', unit: '万元', indicator: '示例指标' });
    expect(detected(p)).toEqual(['period=2023 (title, row 1)', 'unit=万元 (title, row 1)', 'indicator=示例指标 (title, row 1)']);
    expect(p.sample.map((s) => `${s.indicatorName}|${s.regionName}|${s.period}|${s.value}|${s.unit}`)).toEqual(['示例指标|四川省|2023|0.0012|亿元', '示例指标|重庆市|2023|0.0013|亿元']);
    // Corrected by the user, the value is no longer marked as read from the title.
    const q = await previewImport(ws.db, path, { mapping: { ...p.mapping, fixed: { ...p.mapping.fixed, indicator: '另一个指标' } } });
    expect(detected(q)).toEqual(['period=2023 (title, row 1)', 'unit=万元 (title, row 1)']);
    expect(q.sample[0]!.indicatorName).toBe('另一个指标');
  });
});

describe('merged multi-row headers', () => {
  it('a CSV saved from merged cells (blanks where the merge was) is read as a two-row header', async () => {
    const path = join(ws.dir, 'two-level.csv');
    writeFileSync(path, ['地区,地区生产总值（亿元）,,', ',2021年,2022年,2023年', '重庆市,27894.02,29129.03,30145.79'].join('\n'));
    const p = await previewImport(ws.db, path);
    expect(p.headerRow).toBe(2);
    expect(p.mapping.columns.map((c) => c.header)).toEqual(['地区', '地区生产总值（亿元） / 2021年', '地区生产总值（亿元） / 2022年', '地区生产总值（亿元） / 2023年']);
    expect(p.mapping.fixed.indicator).toBe('地区生产总值');
    expect(p.sample.map((s) => `${s.period}|${s.value}|${s.unit}`)).toEqual(['2021|27894.02|亿元', '2022|29129.03|亿元', '2023|30145.79|亿元']);
  });

  it('an XLSX with merged header cells: the merges are read from the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('表1');
    sheet.addRow(['重庆市示例指标']);
    sheet.addRow(['指标', '年份', null]);
    sheet.addRow([null, 2022, 2023]);
    sheet.addRow(['示例指标甲', 1.5, 2.5]);
    sheet.mergeCells('A1:C1');
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:C2');
    const path = join(ws.dir, 'merged.xlsx');
    await wb.xlsx.writeFile(path);
    const p = await previewImport(ws.db, path);
    expect(p.headerRow).toBe(3);
    expect(roles(p)).toEqual(['indicator', 'series:period:2022', 'series:period:2023']);
    expect(p.mapping.columns.map((c) => c.header)).toEqual(['指标', '年份 / 2022', '年份 / 2023']);
    expect(p.mapping.fixed.region).toBe('重庆市');
    expect(p.errorCount).toBe(0);
  });

  it('a header row chosen by the user is detected anew: columns, headers and problems all from that row', async () => {
    const p = await previewImport(ws.db, fixture('yearbook-merged.xls'));
    // The user points at row 4 (the top of the band): the band under it is found again, the same columns.
    const top = await previewImport(ws.db, fixture('yearbook-merged.xls'), { mapping: { headerRow: 4, columns: [], fixed: p.mapping.fixed } });
    expect(top.headerRow).toBe(5);
    expect(top.mapping.columns).toEqual(p.mapping.columns);
    // Row 6 (a data row) as the header: its cells become the column titles, and the problems say so; nothing stale remains.
    const wrong = await previewImport(ws.db, fixture('yearbook-merged.xls'), { mapping: { headerRow: 6, columns: [], fixed: p.mapping.fixed } });
    expect(wrong.headerRow).toBe(6);
    expect(wrong.mapping.columns.map((c) => c.header)).toEqual(['示例产业甲', '120.5', '131.25', '140', '152.75', '160.1', '']);
    expect(JSON.stringify(wrong.mapping.columns)).not.toContain('年份');
    expect(JSON.stringify(wrong.problems)).not.toContain('年份');
    expect(codes(wrong)).toContain('layout.no-values');
    // Back to row 5: the same as detected, and the file imports.
    const back = await previewImport(ws.db, fixture('yearbook-merged.xls'), { mapping: { headerRow: 5, columns: [], fixed: wrong.mapping.fixed } });
    expect(back.mapping).toEqual(p.mapping);
    expect(back.observations).toBe(19);
  });

  it('a given mapping shows the headers of its header row as the file has them, not as the mapping says', async () => {
    const p = await previewImport(ws.db, fixture('yearbook-merged.xls'));
    const stale = { ...p.mapping, columns: p.mapping.columns.map((c) => ({ ...c, header: `旧标题${c.column}` })) };
    const q = await previewImport(ws.db, fixture('yearbook-merged.xls'), { mapping: stale });
    expect(q.mapping.columns.map((c) => c.header)).toEqual(p.mapping.columns.map((c) => c.header));
    expect(detected(q)).toEqual(detected(p));
  });
});

describe('total rows', () => {
  const write = (name: string, lines: string[]) => {
    const path = join(ws.dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('a 合计 that does not add up is kept as data and flagged where it differs', async () => {
    const path = write('mismatch.csv', ['地区：重庆市', '指标,2022年,2023年', '示例指标甲,1.5,2', '示例指标乙,2.5,3', '合计,4,5.5']);
    const p = await previewImport(ws.db, path);
    expect(p.totalRows).toBe(0);
    expect(p.problems.map((x) => [x.code, x.row, x.column, x.params.value, x.params.sum])).toEqual([['total.mismatch', 5, 3, '5.5', '5']]);
    expect(p.sample.filter((s) => s.indicatorName === '合计').map((s) => s.value)).toEqual([4, 5.5]);
  });

  it('kept on request: the total becomes an indicator of its own, without a word about it', async () => {
    const path = write('keep.csv', ['地区：重庆市', '指标,2022年', '示例指标甲,1.5', '示例指标乙,2.5', '合计,4']);
    const p = await previewImport(ws.db, path, { totals: 'keep' });
    expect(p.totalRows).toBe(0);
    expect(p.problems).toEqual([]);
    expect(p.sample.map((s) => `${s.indicatorName}:${s.value}`)).toEqual(['示例指标甲:1.5', '示例指标乙:2.5', '合计:4']);
    const s = await commitImport(ws.db, path, { onConflict: 'fail', totals: 'keep' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 3, totalRows: 0 });
  });

  it('小计 totals its group, 合计 every row; rounding within the decimals shown is allowed; indented sub-items are data', async () => {
    const path = write('groups.csv', [
      '地区：重庆市',
      '指标,2023年',
      '示例甲,1.24',
      '  其中示例甲一,0.5',
      '示例乙,2.13',
      '小计,3.37',
      '示例丙,0.333',
      '示例丁,0.333',
      '小  计,0.67',
      '总　计,4.04',
    ]);
    const p = await previewImport(ws.db, path);
    expect(p.totalRows).toBe(3);
    expect(p.problems.map((x) => [x.code, x.row])).toEqual([['total.skipped', 6], ['total.skipped', 9], ['total.skipped', 10]]);
    expect(p.sample.map((s) => s.indicatorName)).toEqual(['示例甲', '其中示例甲一', '示例乙', '示例丙', '示例丁']);
  });

  it('a long table (a period column) is not judged for totals', async () => {
    const path = write('long.csv', ['指标,地区,年份,数值', '示例指标,重庆市,2022,1', '示例指标,四川省,2022,2', '示例指标,全国,2022,3']);
    const p = await previewImport(ws.db, path);
    expect(p.totalRows).toBe(0);
    expect(p.observations).toBe(3);
  });
});

describe('bounds of the workbook reader', () => {
  it('refuses a .xls or HTML table over its size, cell or merge limits before SheetJS reads it', async () => {
    const xls = fixture('yearbook-merged.xls');
    const size = readFileSync(xls).length;
    await expect(openWorkbook(xls, size, 'y.xls', 'xls', {}, { ...IMPORT_LIMITS.workbook, maxBytes: 1000 })).rejects.toMatchObject({ code: 'workbook.too-large', params: { file: 'y.xls' } });
    await expect(openWorkbook(xls, size, 'y.xls', 'xls', {}, { ...IMPORT_LIMITS.workbook, maxCells: 20 })).rejects.toMatchObject({ code: 'workbook.too-many-cells', params: { max: 20 } });
    const html = fixture('html-utf8.xls');
    await expect(openWorkbook(html, readFileSync(html).length, 'h.xls', 'html', {}, { ...IMPORT_LIMITS.workbook, maxCells: 10 })).rejects.toMatchObject({ code: 'workbook.too-many-cells' });
    const merges = join(ws.dir, 'merges.xls');
    writeFileSync(merges, `<table>${'<tr><td colspan="2">x</td></tr>'.repeat(1001)}</table>`);
    await expect(previewImport(ws.db, merges)).rejects.toMatchObject({ code: 'workbook.too-many-merges' });
    const wide = join(ws.dir, 'wide.xls');
    writeFileSync(wide, '<table><tr><td colspan="99999">x</td><td>y</td></tr></table>');
    await expect(previewImport(ws.db, wide)).rejects.toMatchObject({ code: 'table.too-many-columns' });
    const page = join(ws.dir, 'page.xls');
    writeFileSync(page, '<html><body><p>没有表格</p></body></html>');
    await expect(previewImport(ws.db, page)).rejects.toMatchObject({ code: 'file.html-no-table' });
  });
});
