// The briefing pack written to a folder and read back, with progress and cancellation.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportBriefing, type BriefingProgress } from '../../../electron/backend/export/briefing';
import { fileSlug } from '../../../electron/backend/export/file-slug';
import { chartRows, toCsv } from '../../../electron/backend/export/data-table';
import { readChunks } from '../../../electron/backend/export/png-chunks';
import { chartDataSchema } from '../../../shared/charts/data';
import { fixtureCharts, progress, regional, trajectory } from '../../fixtures/charts/briefing';
import { app, decodePng, inkIn, packItems, tempDir } from './support';

describe('briefing pack', () => {
  it('writes PPTX, PDF, workbook and each chart as SVG, PNG and CSV, reporting progress', async () => {
    const dir = tempDir();
    const events: BriefingProgress[] = [];
    const result = await exportBriefing(packItems, dir, { app, title: '数字经济沙龙简报', dpi: 150, onProgress: (p) => events.push(p) });

    expect(result.pptx).toBe(join(dir, '数字经济沙龙简报.pptx'));
    expect(readdirSync(dir).sort()).toEqual(['charts', '数字经济沙龙简报-data.xlsx', '数字经济沙龙简报.pdf', '数字经济沙龙简报.pptx']);
    expect(readdirSync(join(dir, 'charts'))).toHaveLength(3 * packItems.length);
    expect(result.charts[0]!.png).toBe(join(dir, 'charts', '01-核心产业增加值对标2027目标.png'));

    const png = readFileSync(result.charts[0]!.png);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([1500, Math.round(540 * 1.5625)]);
    expect(readChunks(png).find((c) => c.type === 'pHYs')!.data.readUInt32BE(0)).toBe(Math.round(150 / 0.0254));
    expect(inkIn(image)).toBeGreaterThan(10_000);
    expect(readFileSync(result.charts[0]!.svg, 'utf8')).toContain(trajectory.spec.title);

    const pdf = readFileSync(result.pdf).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(packItems.length);
    const zip = await JSZip.loadAsync(readFileSync(result.pptx));
    expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(packItems.length);

    const book = new ExcelJS.Workbook();
    const xlsx = readFileSync(result.xlsx);
    await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength));
    expect(book.worksheets).toHaveLength(packItems.length + 1);
    expect(book.worksheets[1]!.getRow(1).getCell(1).value).toBe('系列');

    expect(events.map((e) => e.done)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ step: 'write', done: events.at(-1)!.total });
    expect(new Set(events.map((e) => e.step))).toEqual(new Set(['svg', 'png', 'pdf', 'data', 'pptx', 'write']));
  });

  it('leaves nothing behind when cancelled', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const attempt = exportBriefing(packItems, dir, {
      app,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'png') controller.abort();
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an empty pack and a DPI out of range before doing any work', async () => {
    const dir = join(tempDir(), 'out');
    await expect(exportBriefing([], dir, { app })).rejects.toMatchObject({ code: 'EMPTY_BRIEFING' });
    await expect(exportBriefing(packItems, dir, { app, dpi: 1200 })).rejects.toMatchObject({ code: 'DPI_OUT_OF_RANGE' });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('chart data tables', () => {
  it('lists every drawn value with its kind, basis and unit', () => {
    const rows = chartRows(trajectory.spec, trajectory.data);
    expect(rows[0]).toMatchObject({ series: '核心产业增加值', kind: '实际', basis: '推算', unit: '亿元', year: 2020, value: 1825.2 });
    expect(rows.find((r) => r.value === 4000)).toMatchObject({ kind: '目标' });
    expect(chartRows({ ...progress.spec, locale: 'en' }, progress.data).find((r) => r.series === '龙头企业100家')).toMatchObject({ value: null, target: 100, deadline: 2022, kind: 'progress' });
    expect(fixtureCharts.every((c) => chartRows(c.spec, c.data).length > 0)).toBe(true);
  });

  it("writes values in the chart's unit, as its axis does", () => {
    // 重庆's GDP reaches 3.2万亿元: the regional chart's axis, labels and data file all read 万亿元.
    const rows = chartRows(regional.spec, regional.data);
    expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['万亿元']));
    expect(rows.find((r) => r.series === '重庆' && r.year === 2019)).toMatchObject({ value: 2.360577 });
    expect(toCsv(rows, 'zh')).toContain('重庆,实际,公布,万亿元,2019,2.360577,');
  });

  it('writes CSV Excel opens in Chinese, quoted where needed and safe from formula injection', () => {
    const data = chartDataSchema.parse({ series: [{ id: 'x', name: '=HYPERLINK("http://x","点击")', kind: 'actual', unit: '亿元', points: [{ year: 2022, value: -1.5 }] }] });
    const csv = toCsv(chartRows(trajectory.spec, data), 'zh');
    expect(csv.startsWith('\uFEFF系列,类型,数据性质,单位,年份,数值,数值界限,统计口径')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点击"")",实际,公布,亿元,2022,-1.5`);
  });
});

describe('file names', () => {
  it('keeps Chinese and drops what file systems refuse', () => {
    expect(fileSlug('数字经济：2022/2027 目标?')).toBe('数字经济：2022 2027 目标');
    expect(fileSlug('  ...  ')).toBe('chart');
  });

  it('cuts a long English title before the word it would split, without a dangling bracket', () => {
    expect(fileSlug('Digital economy scale and the trillion-yuan target', 40)).toBe('Digital economy scale and the');
    expect(fileSlug('The two parts of the digital economy (baseline scenario)', 40)).toBe('The two parts of the digital economy');
    expect(fileSlug('Digital economy share of GDP and the 40% target', 40)).toBe('Digital economy share of GDP and the 40%');
    expect(fileSlug('数字经济规模与万亿目标数字经济规模与万亿目标', 10)).toBe('数字经济规模与万亿目');
  });
});
