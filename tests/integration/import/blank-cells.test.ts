// Blank and placeholder cells (blank, —, -, …, .., NA, 无: what parseNumber reads as missing) write no
// observation, in every layout and format, parsed in the worker or in-thread; the preview and the
// summary count them. Before, each was written as a row without a value, and under "replace" such a
// row overwrote the workspace's figure with nothing.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { listImports } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import { importPreviewSchema, importSummarySchema } from '../../../shared/api/data-contract';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

function file(name: string, text: string): string {
  const path = join(ws.dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every stored row as "indicator name|region|period|value". */
const stored = () =>
  (
    ws.db
      .prepare('SELECT i.name_zh AS name, o.region, o.period, o.value FROM observations o JOIN indicators i ON i.code = o.indicator ORDER BY o.indicator, o.region, o.period')
      .all() as Array<{ name: string; region: string; period: string; value: number | null }>
  ).map((r) => `${r.name}|${r.region}|${r.period}|${r.value}`);

describe('blank and placeholder cells', () => {
  it('a wide CSV: no row for a blank or a dash, counted in the preview and the summary', async () => {
    const path = file('wide.csv', '指标,地区,2020年,2021年\n测试指标,重庆,1,\n测试指标,四川,—,2\n');
    const p = await previewImport(ws.db, path);
    expect(p).toMatchObject({ errorCount: 0, rowsRead: 2, observations: 2, blankCells: 2, badObservations: 0 });
    expect(p.sample.map((s) => `${s.region}|${s.period}|${s.value}`)).toEqual(['CQ|2020|1', 'SC|2021|2']);
    expect(importPreviewSchema.safeParse(p).success).toBe(true);

    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', rowsRead: 2, rowsWritten: 2, rowsSkipped: 0, blankCells: 2 });
    expect(importSummarySchema.safeParse(s).success).toBe(true);
    expect(stored()).toEqual(['测试指标|CQ|2020|1', '测试指标|SC|2021|2']);
    expect(ws.db.prepare('SELECT count(*) FROM observations WHERE value IS NULL').pluck().get()).toBe(0);
    expect(listImports(ws.db)[0]).toMatchObject({ rowsWritten: 2, blankCells: 2 });
  });

  const placeholders = ['', '—', '-', '…', '..', 'NA', '无', '－', ' … '];

  it.each([false, true])('a long TSV, every placeholder (worker: %s)', async (useWorker) => {
    const lines = ['指标\t地区\t年份\t数值', ...placeholders.map((v, i) => `测试指标\t重庆\t${2000 + i}\t${v}`), '测试指标\t重庆\t2020\t7.5'];
    const path = file(`long-${useWorker}.tsv`, `${lines.join('\n')}\n`);
    const p = await previewImport(ws.db, path, {}, { useWorker });
    expect(p).toMatchObject({ layout: { kind: 'long' }, observations: 1, blankCells: placeholders.length, errorCount: 0 });
    const s = await commitImport(ws.db, path, { onConflict: 'fail' }, { useWorker });
    expect(s).toMatchObject({ status: 'committed', rowsRead: placeholders.length + 1, rowsWritten: 1, blankCells: placeholders.length });
    expect(stored()).toEqual(['测试指标|CQ|2020|7.5']);
  });

  it('a portal XLSX (indicator from a note row): empty cells, dashes and NA write nothing', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRow(['指标：测试指标(亿元)']);
    sheet.addRow(['地区', '2021年', '2022年', '2023年']);
    sheet.addRow(['重庆市', 1.5, null, '—']);
    sheet.addRow(['四川省', 'NA', 2.5, '..']);
    const path = join(ws.dir, 'portal.xlsx');
    await book.xlsx.writeFile(path);
    const p = await previewImport(ws.db, path);
    expect(p).toMatchObject({ layout: { kind: 'portal' }, errorCount: 0, observations: 2, blankCells: 4 });
    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 2, blankCells: 4 });
    expect(stored()).toEqual(['测试指标|CQ|2021|1.5', '测试指标|SC|2022|2.5']);
  });

  it("a blank cell leaves the workspace's figure alone, whatever the conflict choice", async () => {
    seedSampleData(ws.db);
    const held = () => ws.db.prepare("SELECT value, import_id FROM observations WHERE indicator = 'gdp' AND region = 'CQ' AND period = '2020' AND status = 'actual'").get();
    const before = held();
    expect(before).toMatchObject({ value: 25002.79 });
    // 重庆 2020 blank, 2021 as the workspace holds it.
    const path = file('gdp.csv', '指标,地区,2020年,2021年\n地区生产总值,重庆,—,27894.02\n');
    const p = await previewImport(ws.db, path);
    expect(p).toMatchObject({ observations: 1, blankCells: 1, conflicts: 1, conflictsIdentical: 1 });
    for (const onConflict of ['replace', 'revise'] as const) {
      const s = await commitImport(ws.db, path, { onConflict, released: '2024-01-01', allowDuplicate: true });
      expect(s).toMatchObject({ status: 'committed', blankCells: 1 });
      expect(held()).toEqual(before);
    }
  });

  it('a row of blanks names no new indicator or region', async () => {
    const path = file('rows.csv', '指标,地区,2020年,2021年\n测试指标,重庆,1,2\n空行指标,万州区,—,\n');
    const p = await previewImport(ws.db, path);
    expect(p).toMatchObject({ observations: 2, blankCells: 2, newIndicators: ['测试指标'], newRegions: ['重庆市'] });
    await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(ws.db.prepare('SELECT name_zh FROM indicators').pluck().all()).toEqual(['测试指标']);
    expect(ws.db.prepare('SELECT code FROM regions').pluck().all()).toEqual(['CQ']);
  });
});
