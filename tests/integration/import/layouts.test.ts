import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { previewImport } from '../../../electron/backend/import/preview';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import type { ImportPreview } from '../../../electron/backend/import/types';
import { fixture, sample } from './fixtures';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

const roles = (p: ImportPreview) => p.mapping.columns.map((c) => (c.role === 'series' ? `series:${c.dimension}` : c.role));
const keys = (p: ImportPreview) => p.sample.map((s) => `${s.indicatorName}|${s.region}|${s.period}|${s.value}|${s.unit}`);

describe('layout detection', () => {
  it('long, Chinese headers', async () => {
    const p = await previewImport(ws.db, fixture('long-utf8.csv'));
    expect(p.layout).toMatchObject({ kind: 'long', series: null });
    expect(roles(p)).toEqual(['indicator', 'region', 'period', 'value', 'unit']);
    expect(p.headerRow).toBe(1);
  });

  it('long, English headers in another order, with status, source and note columns', async () => {
    const p = await previewImport(ws.db, fixture('long-english.csv'));
    expect(roles(p)).toEqual(['period', 'value', 'region', 'indicator', 'unit', 'status', 'source', 'note']);
    expect(p.sample.map((s) => [s.region, s.period, s.value, s.status, s.note])).toEqual([
      ['CQ', '2022', 45.4, 'actual', 'definition break'],
      ['CQ', '2021', 27.2, 'actual', ''],
      ['CQ', '2027', 50, 'target', '2027 target: over 50%'],
    ]);
    expect(p.newRegions).toEqual(['重庆市']);
  });

  it('wide, regions as rows, years in mixed header forms', async () => {
    const p = await previewImport(ws.db, fixture('wide-years.csv'), { mapping: undefined });
    expect(p.layout).toMatchObject({ kind: 'wide', series: 'period' });
    expect(roles(p)).toEqual(['region', 'series:period', 'series:period', 'series:period']);
    expect(p.problems.map((x) => x.code)).toEqual(['layout.missing-indicator']);
    // The user names the indicator the file leaves out.
    const fixed = { ...p.mapping, fixed: { ...p.mapping.fixed, indicator: '地区生产总值', unit: '亿元' } };
    const q = await previewImport(ws.db, fixture('wide-years.csv'), { mapping: fixed });
    expect(q.errorCount).toBe(0);
    expect(q.observations).toBe(9);
    expect(keys(q).slice(0, 3)).toEqual(['地区生产总值|CQ|2021|27894.02|亿元', '地区生产总值|CQ|2022|29129.03|亿元', '地区生产总值|CQ|2023|30145.79|亿元']);
  });

  it('wide by quarter, indicators as rows with units in the labels, region from a note row', async () => {
    const p = await previewImport(ws.db, fixture('wide-quarters.csv'));
    expect(p.layout).toMatchObject({ kind: 'portal', series: 'period' });
    expect(p.mapping.fixed.region).toBe('重庆市');
    expect(roles(p)).toEqual(['indicator', 'series:period', 'series:period', 'series:period', 'series:period']);
    expect(keys(p)).toEqual([
      '测试指标A|CQ|2023Q1|1.5|亿元',
      '测试指标A|CQ|2023Q2|2.5|亿元',
      '测试指标A|CQ|2023Q3|3.5|亿元',
      '测试指标A|CQ|2023Q4|4.5|亿元',
      '测试指标B|CQ|2023Q1|10|%',
      '测试指标B|CQ|2023Q2|20|%',
      '测试指标B|CQ|2023Q3|30|%',
      '测试指标B|CQ|2023Q4|40|%',
    ]);
    expect(p.newIndicators).toEqual(['测试指标A', '测试指标B']);
  });

  it('periods down, one column per indicator', async () => {
    const p = await previewImport(ws.db, fixture('wide-indicator-columns.csv'));
    expect(p.layout).toMatchObject({ kind: 'wide', series: 'indicator' });
    expect(keys(p)).toEqual(['地区生产总值|CQ|2020|25002.79|亿元', '软件业务收入|CQ|2020|2008.2|亿元', '地区生产总值|CQ|2022|29129.03|亿元', '软件业务收入|CQ|2022|2705|亿元']);
  });

  it('one year, regions across, the year from a note row', async () => {
    const p = await previewImport(ws.db, fixture('wide-regions.csv'));
    expect(p.layout).toMatchObject({ kind: 'portal', series: 'region' });
    expect(roles(p)).toEqual(['indicator', 'series:region', 'series:region', 'series:region']);
    expect(keys(p)).toEqual(['地区生产总值|CQ|2022|29129.03|亿元', '地区生产总值|SC|2022|56749.8|亿元', '地区生产总值|CN|2022|1210207|亿元']);
  });

  it('the statistical-portal export: note rows above, notes kept as the source note', async () => {
    const p = await previewImport(ws.db, fixture('portal-gbk.csv'));
    expect(p.layout.kind).toBe('portal');
    expect(p.headerRow).toBe(4);
    expect(p.notes).toEqual(['数据库：分省年度数据', '指标：地区生产总值(亿元)', '时间：最近3年']);
    expect(p.sourceNote).toContain('注：2023年为初步核算数。');
    expect(p.sourceNote).toContain('数据来源：各省统计局统计公报');
    expect(p.rowsRead).toBe(2);
    expect(p.sample[0]).toMatchObject({ indicatorName: '地区生产总值', region: 'CQ', period: '2023', value: 30145.79, unit: '亿元', source: '各省统计局统计公报' });

    const s = await commitImport(ws.db, fixture('portal-gbk.csv'), { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', rowsRead: 2, rowsWritten: 6 });
    const rec = ws.db.prepare('SELECT * FROM imports WHERE id = ?').get(s.importId) as Record<string, unknown>;
    expect(rec).toMatchObject({ encoding: 'gb18030', layout: 'portal', rows_read: 2, rows_written: 6 });
    expect(String(rec.source_note)).toContain('数据来源：各省统计局统计公报');
    expect(JSON.parse(String(rec.mapping))).toMatchObject({ headerRow: 4, fixed: { indicator: '地区生产总值', unit: '亿元' } });
    expect(ws.db.prepare("SELECT DISTINCT source FROM observations").pluck().all()).toEqual(['各省统计局统计公报']);
  });

  it("the notes' source reaches the rows the import replaced, and no other import's rows", async () => {
    const earlier = join(ws.dir, 'earlier.csv');
    writeFileSync(earlier, '指标,地区,年份,数值\n地区生产总值,重庆,2023,1\n地区生产总值,重庆,2000,2\n');
    expect((await commitImport(ws.db, earlier, { onConflict: 'fail' })).status).toBe('committed');
    const s = await commitImport(ws.db, fixture('portal-gbk.csv'), { onConflict: 'replace' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 6, rowsReplaced: 1 });
    const source = (period: string) => ws.db.prepare("SELECT source FROM observations WHERE region = 'CQ' AND period = ?").pluck().get(period);
    expect(source('2023')).toBe('各省统计局统计公报');
    expect(source('2000')).toBe('');
    expect(ws.db.prepare('SELECT count(*) FROM observations WHERE import_id = ? AND source = ?').pluck().get(s.importId, '各省统计局统计公报')).toBe(6);
  });

  it('XLSX: lists sheets, picks the first with a table, each sheet selectable', async () => {
    const p = await previewImport(ws.db, fixture('sheets.xlsx'));
    expect(p.sheets).toEqual(['说明', 'GDP', '比重']);
    expect(p.sheet).toBe('GDP');
    expect(p.encoding).toBeNull();
    expect(p.problems.map((x) => x.code)).toEqual(['layout.missing-indicator']);
    expect(roles(p)).toEqual(['region', 'series:period', 'series:period', 'series:period']);

    const share = await previewImport(ws.db, fixture('sheets.xlsx'), { sheet: '比重' });
    expect(share.sheet).toBe('比重');
    // Cells formatted as percent read as the percent the user sees.
    expect(share.sample.map((s) => [s.period, s.value, s.unit, s.original])).toEqual([
      ['2022', 45.4, '%', '45.4%'],
      ['2021', 27.2, '%', '27.2%'],
    ]);
    await expect(previewImport(ws.db, fixture('sheets.xlsx'), { sheet: '没有' })).rejects.toMatchObject({ code: 'sheet.not-found' });
  });

  it('the sample files import as they are', async () => {
    seedSampleData(ws.db);
    const portal = await previewImport(ws.db, sample('gdp-portal-gbk.csv'));
    expect(portal).toMatchObject({ errorCount: 0, observations: 23, blankCells: 1, layout: { kind: 'portal' } });
    expect(portal.conflicts).toBe(23);
    const chengdu = portal.sample.find((s) => s.region === 'CD' && s.period === '2021');
    expect(chengdu).toMatchObject({ value: 19900, unit: '亿元', original: '1.99万亿' });
    // 成都 2022 is blank in the file ("成都2022年无数据"): counted, not a row.
    expect(portal.sample.find((s) => s.region === 'CD' && s.period === '2022')).toBeUndefined();

    const wide = await previewImport(ws.db, sample('digital-economy-wide.xlsx'));
    expect(wide).toMatchObject({ errorCount: 0, observations: 16 });
    expect(wide.sample[0]).toMatchObject({ indicator: 'de_scale', region: 'CN', period: '2016', value: 226000, unit: '亿元' });
    const gdp = await previewImport(ws.db, sample('digital-economy-wide.xlsx'), { sheet: '地区生产总值' });
    expect(gdp.errorCount).toBe(0);

    const long = await previewImport(ws.db, sample('chongqing-digital-economy-long.csv'));
    expect(long.errorCount).toBe(0);
    expect(long.sample.find((s) => s.indicator === 'de_va_share_gdp' && s.period === '2022')).toMatchObject({ value: 45.4, unit: '%' });
    expect(long.sample.find((s) => s.indicator === 'de_va' && s.status === 'derived')).toBeDefined();
  });
});
