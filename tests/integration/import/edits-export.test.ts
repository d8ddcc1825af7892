import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editObservation, listEdits, undoEdit } from '../../../electron/backend/data/observation-edits';
import { exportObservations, guardFormula, writeObservationsExport } from '../../../electron/backend/data/observations-export';
import { queryObservations } from '../../../electron/backend/data/observations-query';
import { holdWorkspace } from '../../../electron/backend/import/busy';
import { seedSampleData } from '../../../electron/backend/import/seed-sample';
import { knownFrom } from '../../../shared/series/vintage';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
  seedSampleData(ws.db);
});
afterEach(() => ws.close());

const idOf = (indicator: string, region: string, period: string) =>
  ws.db.prepare("SELECT id FROM observations WHERE indicator = ? AND region = ? AND period = ? AND status = 'actual'").pluck().get(indicator, region, period) as number;

describe('observation edits', () => {
  it('validates, saves with an audit row, and undoes', () => {
    const id = idOf('gdp', 'CQ', '2024');
    const r = editObservation(ws.db, { id, field: 'value', value: '3.2万亿' });
    expect(r.row).toMatchObject({ id, value: 32000, original: '32193.15' });
    expect(r.edit).toMatchObject({ observationId: id, field: 'value', oldValue: '32193.15', newValue: '32000', undoneAt: null });
    expect(listEdits(ws.db, { observationId: id })).toHaveLength(1);

    editObservation(ws.db, { id, field: 'note', value: '  校对后修改  ' });
    expect(() => undoEdit(ws.db, r.edit.id + 99)).toThrow(/edit.not-found/);
    const undone = undoEdit(ws.db, r.edit.id);
    expect(undone.row.value).toBe(32193.15);
    expect(undone.edit.undoneAt).not.toBeNull();
    expect(() => undoEdit(ws.db, r.edit.id)).toThrow(/edit.already-undone/);
    expect(listEdits(ws.db).map((e) => e.field)).toEqual(['note', 'value']);
  });

  it('a bound typed with the value stays a bound, in the audit too, and undo restores it', () => {
    const id = idOf('de_scale', 'CQ', '2022');
    expect(ws.db.prepare('SELECT bound FROM observations WHERE id = ?').pluck().get(id)).toBe('lower');
    const exact = editObservation(ws.db, { id, field: 'value', value: '12000' });
    expect(exact.row).toMatchObject({ value: 12000, bound: 'exact', measure: 'caict-broad' });
    expect(exact.edit).toMatchObject({ oldValue: '≥10000', newValue: '12000' });
    const lower = editObservation(ws.db, { id, field: 'value', value: '超1.2万亿元' });
    expect(lower.row).toMatchObject({ value: 12000, bound: 'lower' });
    expect(lower.edit).toMatchObject({ oldValue: '12000', newValue: '≥12000' });
    expect(editObservation(ws.db, { id, field: 'value', value: '约1.1万亿' }).row).toMatchObject({ value: 11000, bound: 'approx' });
    expect(editObservation(ws.db, { id, field: 'value', value: '—' }).row).toMatchObject({ value: null, bound: 'exact' });
    for (const e of listEdits(ws.db, { observationId: id })) undoEdit(ws.db, e.id);
    expect(ws.db.prepare('SELECT value, bound FROM observations WHERE id = ?').get(id)).toEqual({ value: 10000, bound: 'lower' });
  });

  it('placeholders set NULL; bad values, fields and duplicate keys are refused', () => {
    const id = idOf('gdp', 'CQ', '2023');
    expect(editObservation(ws.db, { id, field: 'value', value: '—' }).row.value).toBeNull();
    expect(() => editObservation(ws.db, { id, field: 'value', value: '三万' })).toThrow(/edit.value/);
    expect(() => editObservation(ws.db, { id, field: 'value', value: '45%' })).toThrow(/edit.value/);
    expect(() => editObservation(ws.db, { id, field: 'indicator', value: 'x' })).toThrow(/edit.field/);
    expect(() => editObservation(ws.db, { id, field: 'status', value: 'maybe' })).toThrow(/edit.status/);
    expect(() => editObservation(ws.db, { id, field: 'period', value: '2024' })).toThrow(/edit.conflict/);
    expect(editObservation(ws.db, { id, field: 'period', value: '2023年上半年' }).row).toMatchObject({ period: '2023H1', year: 2023 });
    expect(editObservation(ws.db, { id, field: 'status', value: '估计' }).row.status).toBe('estimate');
    expect(() => editObservation(ws.db, { id: 123456, field: 'note', value: 'x' })).toThrow(/edit.not-found/);
  });

  it('an older edit cannot be undone over a newer one', () => {
    const id = idOf('gdp', 'SC', '2023');
    const first = editObservation(ws.db, { id, field: 'value', value: 1 });
    const second = editObservation(ws.db, { id, field: 'value', value: 2 });
    expect(() => undoEdit(ws.db, first.edit.id)).toThrow(/edit.stale/);
    undoEdit(ws.db, second.edit.id);
    expect(undoEdit(ws.db, first.edit.id).row.value).toBe(60132.9);
  });

  it('edits wait while an import holds the workspace', () => {
    const release = holdWorkspace(ws.db);
    try {
      expect(() => editObservation(ws.db, { id: idOf('gdp', 'CQ', '2022'), field: 'note', value: 'x' })).toThrow(/import.busy/);
    } finally {
      release();
    }
  });
});

describe('export of a view', () => {
  const view = { sortModel: [{ colId: 'period', sort: 'asc' as const }], filterModel: { indicator: { filterType: 'set-values' as const, values: ['gdp'] }, region: { filterType: 'set-values' as const, values: ['CQ'] } } };

  it('CSV: UTF-8 with BOM, the view’s rows in its order, formulas defused, data untouched', async () => {
    const id = idOf('gdp', 'CQ', '2018');
    editObservation(ws.db, { id, field: 'note', value: '=HYPERLINK("http://x","点我")' });
    editObservation(ws.db, { id: idOf('gdp', 'CQ', '2019'), field: 'source', value: '@SUM(1,2)' });
    const bytes = await exportObservations(ws.db, { format: 'csv', ...view });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = Buffer.from(bytes).toString('utf8').slice(1);
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual(['指标代码', '指标', '地区代码', '地区', '时期', '数值', '界限', '单位', '口径', '状态', '发布日期', '发布说明', '来源', '备注', '原文', '导入批次', '编号']);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(rows[1]![13]).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(rows[2]![12]).toBe("'@SUM(1,2)");
    // 2018 in its latest release, the census revision, with its measure and bound.
    expect(rows[1]!.slice(5, 12)).toEqual(['21588.8', '确数', '亿元', '统计部门常规口径', '实际值', '2020-01-01', '第四次经济普查修订']);
    // 2019: a first release whose date the seed does not know, said so with the date it counts from.
    expect(rows[2]!.slice(10, 12)).toEqual([`日期不详（按${knownFrom('', 2019)}起计）`, '初步核算数']);
    expect(text).toContain('\r\n');
    // The workspace keeps the text as entered.
    expect(ws.db.prepare('SELECT note FROM observations WHERE id = ?').pluck().get(id)).toBe('=HYPERLINK("http://x","点我")');
  });

  it('XLSX: numbers as numbers, text guarded, English titles on request; read back with exceljs', async () => {
    editObservation(ws.db, { id: idOf('gdp', 'CQ', '2020'), field: 'note', value: '+1+1' });
    const path = join(ws.dir, 'view.xlsx');
    const { rows } = await writeObservationsExport(ws.db, { format: 'xlsx', locale: 'en', columns: ['period', 'value', 'note', 'importId'], ...view }, path);
    expect(rows).toBe(7);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Observations');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Period', 'Value', 'Note', 'Import']);
    expect(sheet.getRow(2).getCell(2).value).toBe(21588.8);
    expect(sheet.getRow(4).getCell(3).value).toBe("'+1+1");
    expect(sheet.rowCount).toBe(8);
  });

  it('a bound is exported with its flag (界限 / Bound), the measure in the language asked for, and a vintage as known then', async () => {
    const scale = { filterModel: { indicator: { filterType: 'set-values' as const, values: ['de_scale'] }, region: { filterType: 'set-values' as const, values: ['CQ'] } } };
    const columns = ['period', 'value', 'bound', 'measureName', 'released'];
    const zh = parse(Buffer.from(await exportObservations(ws.db, { format: 'csv', columns, ...scale })).toString('utf8').slice(1)) as string[][];
    expect(zh).toEqual([['时期', '数值', '界限', '口径', '发布日期'], ['2022', '10000', '下限（≥）', '信通院广义口径', `日期不详（按${knownFrom('', 2022)}起计）`]]);
    const path = join(ws.dir, 'bound.xlsx');
    await writeObservationsExport(ws.db, { format: 'xlsx', locale: 'en', columns, ...scale }, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, 'Period', 'Value', 'Bound', 'Measure', 'Released']);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, '2022', 10000, 'lower bound (≥)', 'CAICT broad measure', `date not given (counted from ${knownFrom('', 2022)})`]);
    const then = parse(Buffer.from(await exportObservations(ws.db, { format: 'csv', columns: ['period', 'value', 'released'], vintage: '2019-06-30', ...view })).toString('utf8').slice(1)) as string[][];
    expect(then.slice(1)).toEqual([['2018', '20363.19', '2019-03-01']]);
  });

  it('the grid and the export agree on the view', async () => {
    const grid = queryObservations(ws.db, { startRow: 0, endRow: 100, ...view });
    const csv = parse(Buffer.from(await exportObservations(ws.db, { format: 'csv', columns: ['id'], ...view })).toString('utf8').slice(1)) as string[][];
    expect(csv.slice(1).map((r) => Number(r[0]))).toEqual(grid.rows.map((r) => r.id));
  });

  it('guardFormula leaves plain numbers and ordinary text alone', () => {
    expect(guardFormula('-12.5')).toBe('-12.5');
    expect(guardFormula('+3%')).toBe('+3%');
    expect(guardFormula('-1+cmd|x')).toBe("'-1+cmd|x");
    expect(guardFormula('\t=1')).toBe("'\t=1");
    expect(guardFormula('重庆')).toBe('重庆');
  });
});
