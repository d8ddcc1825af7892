// The streaming XLSX reader against workbooks written part by part, so that every cell form, a sheet
// order unlike the part order, and Chinese text cut by the inflater's chunks can be set up exactly.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { DataError } from '../../../electron/backend/import/problems';
import { translate } from '../../../shared/i18n';
import { openTable, type RawRow } from '../../../electron/backend/import/table-reader';
import { tempDir } from '../../helpers/temp';
import { createTestWorkspace } from './test-workspace';

const dir = tempDir('wb-xlsx-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface Sheet {
  name: string;
  part: string;
  xml: string;
}

let n = 0;
/** A workbook of `sheets` (in tab order), with optional shared strings and styles parts. */
async function workbook(sheets: Sheet[], extra: { strings?: string[]; stylesXml?: string; date1904?: boolean } = {}): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.part.replace(/^xl\//, '')}"/>`)
      .join('')}</Relationships>`,
  );
  for (const s of sheets) zip.file(s.part, `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.xml}</sheetData></worksheet>`);
  if (extra.strings) zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${extra.strings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`);
  if (extra.stylesXml) zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${NS}>${extra.stylesXml}</styleSheet>`);
  const path = join(dir, `book-${++n}.xlsx`);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

async function rowsOf(path: string, sheet?: string): Promise<{ sheets: string[]; sheet: string | null; rows: RawRow[] }> {
  const t = await openTable(path, sheet === undefined ? {} : { sheet });
  const rows: RawRow[] = [];
  for await (const c of t.chunks()) rows.push(...c.rows);
  return { sheets: t.sheets, sheet: t.sheet, rows };
}

describe('XLSX sheets read as a stream', () => {
  it('reads every cell form as Excel shows it', async () => {
    // Styles: 0 General, 1 0.00%, 2 built-in 14 (date), 3 built-in 31 (Chinese 年月日), 4 built-in 57 (Chinese 年月), 5 a custom year format.
    const stylesXml =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;"/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="57"/><xf numFmtId="164"/></cellXfs>';
    const strings = ['指标', '地区生产总值'];
    const path = await workbook(
      [
        {
          name: '数据',
          part: 'xl/worksheets/sheet1.xml',
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>重庆</t></r><r><t xml:space="preserve">市 </t></r></is></c></row>' +
            // Row 2 is left out; row 3 has cells without references, a formula with a text result, one with a number.
            '<row r="3"><c t="s"><v>1</v></c><c t="str"><f>A3&amp;"x"</f><v>GDP &amp; 增速</v></c><c><f>1+1</f><v>2</v></c></row>' +
            '<row r="4"><c r="A4" s="1"><v>0.454</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4"><v>1234.5</v></c><c r="E4" s="0"/></row>' +
            '<row r="5"><c r="A5" s="2"><v>44927</v></c><c r="B5" s="3"><v>44927</v></c><c r="C5" s="4"><v>44927</v></c><c r="D5" s="5"><v>44927</v></c></row>' +
            '<row r="6"><c r="B6" t="inlineStr"><is><t><![CDATA[<注>]]></t><rPh><t>ちゅう</t></rPh></is></c></row>',
        },
      ],
      { strings, stylesXml },
    );
    const { rows } = await rowsOf(path);
    expect(rows).toEqual([
      { row: 1, cells: ['指标', '', '重庆市 '] },
      { row: 2, cells: [] },
      { row: 3, cells: ['地区生产总值', 'GDP & 增速', '2'] },
      { row: 4, cells: ['45.4%', 'TRUE', '#N/A', '1234.5', ''] },
      { row: 5, cells: ['2023-01-01', '2023-01-01', '2023-01', '2023'] },
      { row: 6, cells: ['', '<注>'] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so, and reads tags with a namespace prefix', async () => {
    const path = await workbook([{ name: 'S', part: 'xl/worksheets/sheet1.xml', xml: '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>' }], {
      stylesXml: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      date1904: true,
    });
    expect((await rowsOf(path)).rows).toEqual([{ row: 1, cells: ['1904-01-01', '7'] }]);
  });

  it('keeps Chinese text whole where the inflated stream cuts a character in two', async () => {
    // 4,000 strings of 3-byte characters: the shared strings and the sheet run to hundreds of KB, so
    // the inflater's chunk boundaries fall inside characters many times over.
    const strings = Array.from({ length: 4000 }, (_, i) => `重庆市数字经济增加值第${i}项：智能网联新能源汽车、软件和信息服务业`);
    const xml = strings.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${strings[i]}</t></is></c></row>`).join('');
    const path = await workbook([{ name: '长文本', part: 'xl/worksheets/sheet1.xml', xml }], { strings });
    const { rows } = await rowsOf(path);
    expect(rows).toHaveLength(4000);
    expect(rows.every((r, i) => r.cells[0] === strings[i] && r.cells[1] === strings[i])).toBe(true);
  });

  it('lists sheets in tab order, reads the first that holds a table, or the one named', async () => {
    const table = (label: string) => `<row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c><c r="B1"><v>2022</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${label}</t></is></c><c r="B2"><v>1</v></c></row>`;
    const path = await workbook([
      { name: '封面', part: 'xl/worksheets/sheet3.xml', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>注</t></is></c></row>' },
      { name: '数据', part: 'xl/worksheets/sheet2.xml', xml: table('重庆') },
      { name: '附表', part: 'xl/worksheets/sheet1.xml', xml: table('四川') },
    ]);
    const first = await rowsOf(path);
    expect(first.sheets).toEqual(['封面', '数据', '附表']);
    expect(first.sheet).toBe('数据');
    expect(first.rows[1]!.cells).toEqual(['重庆', '1']);
    expect((await rowsOf(path, '附表')).rows[1]!.cells).toEqual(['四川', '1']);
    const missing = await rowsOf(path, '无此表').catch((x: unknown) => x);
    expect(missing).toMatchObject({ code: 'sheet.not-found' });
    expect(translate('zh', 'sheet.not-found', (missing as DataError).params)).toBe('找不到工作表“无此表”。工作簿中的工作表：封面 / 数据 / 附表。');
  });

  it('hands a long sheet over in chunks as it is read, with progress, and stops when left early', async () => {
    const xml = Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i * 2}</v></c></row>`).join('');
    const path = await workbook([{ name: 'S', part: 'xl/worksheets/sheet1.xml', xml }]);
    const t = await openTable(path, {});
    const progress: number[] = [];
    let rows = 0;
    for await (const c of t.chunks()) {
      progress.push(c.bytesRead);
      rows += c.rows.length;
    }
    expect(rows).toBe(30_000);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(t.sizeBytes);

    const again = (await openTable(path, {})).chunks();
    const head = await again.next();
    expect(head.value?.rows.length).toBeGreaterThan(0);
    await expect(again.return(undefined)).resolves.toMatchObject({ done: true });
  });

  it('a sheet whose XML is broken is refused as an unreadable file, naming the part', async () => {
    const path = await workbook([{ name: 'S', part: 'xl/worksheets/sheet1.xml', xml: '<row r="1"><c r="A1"><v>1</v></row>' }]);
    const e = await rowsOf(path).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect(e).toMatchObject({ code: 'file.xlsx-unreadable' });
    expect((e as DataError).params.reason).toContain('xl/worksheets/sheet1.xml');
  });

  it('imports a long sheet with its Chinese labels into the workspace', async () => {
    const ws = createTestWorkspace();
    try {
      const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';
      // Five indicators x three regions x the years 1901-2100: 3,000 distinct keys.
      const body = Array.from({ length: 3000 }, (_, i) => {
        const r = i + 2;
        const j = i % 600;
        return `<row r="${r}"><c r="A${r}" t="s"><v>${4 + Math.floor(i / 600)}</v></c><c r="B${r}" t="s"><v>${9 + (j % 3)}</v></c><c r="C${r}"><v>${1901 + Math.floor(j / 3)}</v></c><c r="D${r}"><v>${i / 4}</v></c></row>`;
      }).join('');
      const labels = ['地区生产总值(亿元)', '数字经济增加值(亿元)', '软件业务收入(亿元)', '固定资产投资(亿元)', '社会消费品零售总额(亿元)'];
      const path = await workbook([{ name: '数据', part: 'xl/worksheets/sheet1.xml', xml: header + body }], { strings: ['指标', '地区', '年份', '数值', ...labels, '重庆市', '四川省', '成都市'] });
      const s = await commitImport(ws.db, path, { onConflict: 'fail' });
      expect(s.problems).toEqual([]);
      expect(s).toMatchObject({ status: 'committed', rowsWritten: 3000 });
      expect(ws.db.prepare('SELECT count(*) FROM observations GROUP BY region').pluck().all()).toEqual([1000, 1000, 1000]);
      const names = ws.db.prepare('SELECT name_zh FROM indicators WHERE code IN (SELECT DISTINCT indicator FROM observations) ORDER BY name_zh').pluck().all();
      expect(names).toEqual([...labels.map((l) => l.replace('(亿元)', ''))].sort());
      expect(ws.db.prepare("SELECT value, unit FROM observations WHERE period = '2100'").all()).toEqual(expect.arrayContaining([{ value: 2999 / 4, unit: '亿元' }]));
    } finally {
      ws.close();
    }
  });
});
