import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { findDuplicate, hashFile, listImports, undoImport } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { DataError } from '../../../electron/backend/import/problems';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

function csv(name: string, rows: Array<[string, string, string, string]>): string {
  const path = join(ws.dir, name);
  writeFileSync(path, ['指标,地区,年份,数值', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return path;
}

type Row = { indicator: string; region: string; period: string; value: number | null; import_id: number | null };
function state(): Row[] {
  return ws.db.prepare('SELECT id, indicator, region, period, value, import_id FROM observations ORDER BY indicator, region, period').all() as Row[];
}

describe('commit', () => {
  it('writes provenance, and a second import of the same file is detected by SHA-256', async () => {
    const a = csv('a.csv', [['测试指标', '重庆', '2021', '1'], ['测试指标', '重庆', '2022', '2']]);
    const s = await commitImport(ws.db, a, { onConflict: 'fail', fileName: '测试.csv' });
    expect(s).toMatchObject({ status: 'committed', rowsRead: 2, rowsWritten: 2, rowsSkipped: 0, rowsReplaced: 0 });
    const [rec] = listImports(ws.db);
    expect(rec).toMatchObject({ id: s.importId, fileName: '测试.csv', sizeBytes: statSync(a).size, encoding: 'utf-8', layout: 'long', rowsRead: 2, rowsWritten: 2, undoneAt: null });
    expect(rec!.sha256).toBe(await hashFile(a));
    expect(rec!.mapping?.columns.map((c) => c.role)).toEqual(['indicator', 'region', 'period', 'value']);
    expect(Date.parse(rec!.importedAt)).toBeGreaterThan(0);
    expect(findDuplicate(ws.db, rec!.sha256)?.id).toBe(s.importId);

    const p = await previewImport(ws.db, a);
    expect(p.duplicateOf?.id).toBe(s.importId);
    expect(p.problems.map((x) => x.code)).toContain('file.duplicate');
    expect(p.conflicts).toBe(2);
    expect(p.sample.every((x) => x.conflict)).toBe(true);
    await expect(commitImport(ws.db, a, { onConflict: 'keep' })).rejects.toMatchObject({ code: 'file.duplicate' });
    expect(listImports(ws.db)).toHaveLength(1);
    const again = await commitImport(ws.db, a, { onConflict: 'keep', allowDuplicate: true });
    expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsKept: 2, rowsSkipped: 2 });
  });

  it('conflicts: fail rejects everything, keep leaves the old rows, replace overwrites and undo restores', async () => {
    const a = csv('a.csv', [['测试指标', '重庆', '2021', '1'], ['测试指标', '重庆', '2022', '2']]);
    const first = await commitImport(ws.db, a, { onConflict: 'fail' });
    const before = state();
    const b = csv('b.csv', [['测试指标', '重庆', '2022', '20'], ['测试指标', '重庆', '2023', '30']]);

    const failed = await commitImport(ws.db, b, { onConflict: 'fail' });
    expect(failed.status).toBe('rejected');
    expect(failed.problems[0]).toMatchObject({ code: 'conflict.exists', row: 2, column: 4 });
    expect(state()).toEqual(before);

    const kept = await commitImport(ws.db, b, { onConflict: 'keep' });
    expect(kept).toMatchObject({ status: 'committed', rowsWritten: 1, rowsKept: 1 });
    expect(state().map((r) => r.value)).toEqual([1, 2, 30]);
    undoImport(ws.db, kept.importId!);
    expect(state()).toEqual(before);

    const replaced = await commitImport(ws.db, b, { onConflict: 'replace', allowDuplicate: true });
    expect(replaced).toMatchObject({ status: 'committed', rowsWritten: 2, rowsReplaced: 1 });
    const after = state();
    expect(after.map((r) => [r.value, r.import_id])).toEqual([[1, first.importId], [20, replaced.importId], [30, replaced.importId]]);
    // The replaced row keeps its id, so grid row ids and edit audits stay valid.
    expect(after[1]!).toMatchObject({ id: (before[1] as Row & { id: number }).id });

    const undo = undoImport(ws.db, replaced.importId!);
    expect(undo).toEqual({ importId: replaced.importId, rowsDeleted: 2, rowsRestored: 1, removedIndicators: [], removedRegions: [] });
    expect(state()).toEqual(before);
    expect(() => undoImport(ws.db, replaced.importId!)).toThrow(DataError);
    expect(() => undoImport(ws.db, 999)).toThrow(/import.not-found/);
  });

  it('undo in any order across a chain of replacing imports', async () => {
    const base = await commitImport(ws.db, csv('a.csv', [['X', '重庆', '2021', '1']]), { onConflict: 'fail' });
    const b = await commitImport(ws.db, csv('b.csv', [['X', '重庆', '2021', '2']]), { onConflict: 'replace' });
    const c = await commitImport(ws.db, csv('c.csv', [['X', '重庆', '2021', '3']]), { onConflict: 'replace' });
    expect(state()[0]!.value).toBe(3);
    // Undo the middle import first: C still holds the key; undoing C later must bring back A's row.
    undoImport(ws.db, b.importId!);
    expect(state().map((r) => [r.value, r.import_id])).toEqual([[3, c.importId]]);
    undoImport(ws.db, c.importId!);
    expect(state().map((r) => [r.value, r.import_id])).toEqual([[1, base.importId]]);
    // Undoing the base import now leaves nothing behind.
    undoImport(ws.db, base.importId!);
    expect(state()).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) FROM import_replaced').pluck().get()).toBe(0);
  });

  it('conflicts inside full insert chunks are found row by row', async () => {
    const rows = (from: number, to: number, v: number) => Array.from({ length: to - from }, (_, k): [string, string, string, string] => ['X', '重庆', `${1950 + Math.floor((from + k) / 12)}-${((from + k) % 12) + 1}`, String(v)]);
    const a = await commitImport(ws.db, csv('a.csv', rows(0, 300, 0)), { onConflict: 'fail' });
    expect(a.rowsWritten).toBe(300);
    const b = await commitImport(ws.db, csv('b.csv', rows(150, 450, 2)), { onConflict: 'replace' });
    expect(b).toMatchObject({ status: 'committed', rowsWritten: 300, rowsReplaced: 150 });
    expect(ws.db.prepare('SELECT value, count(*) AS n FROM observations GROUP BY value ORDER BY value').all()).toEqual([{ value: 0, n: 150 }, { value: 2, n: 300 }]);
    const dup = await commitImport(ws.db, csv('c.csv', [...rows(500, 600, 3), ...rows(550, 551, 4)]), { onConflict: 'fail' });
    expect(dup.status).toBe('rejected');
    expect(dup.problems[0]).toMatchObject({ code: 'row.duplicate-key', row: 102 });
    undoImport(ws.db, b.importId!);
    expect(ws.db.prepare('SELECT value, count(*) AS n FROM observations GROUP BY value').all()).toEqual([{ value: 0, n: 300 }]);
  });

  it('runs of one series and rows between them keep file order, original texts and conflict choices', async () => {
    // A run of 10 (one INSERT binding the series once), 3 rows of different series (the general
    // INSERT), a run of 20, a run shorter than a run statement's minimum, and a last run of 9.
    const rows: Array<[string, string, string, string]> = [];
    const add = (indicator: string, region: string, years: number[]) => {
      for (const y of years) rows.push([indicator, region, String(y), `"${(y * 1000 + rows.length).toLocaleString('en-US')}.${rows.length % 10}"`]);
    };
    const span = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);
    add('A', '重庆', span(2000, 10));
    add('B', '重庆', [2000]);
    add('C', '四川', [2000]);
    add('B', '四川', [2000]);
    add('D', '重庆', span(1990, 20));
    add('E', '重庆', span(2010, 3));
    add('A', '四川', span(2000, 9));
    const first = await commitImport(ws.db, csv('runs.csv', rows), { onConflict: 'fail' });
    expect(first).toMatchObject({ status: 'committed', rowsWritten: rows.length });
    const written = ws.db.prepare('SELECT i.name_zh AS indicator, period, original, value FROM observations o JOIN indicators i ON i.code = o.indicator ORDER BY o.id').all() as Array<{ indicator: string; period: string; original: string; value: number }>;
    expect(written.map((r) => [r.indicator, r.period, r.original])).toEqual(rows.map(([ind, , year, text]) => [ind, year, text.slice(1, -1)]));
    expect(written.every((r) => r.value === Number(r.original.replaceAll(',', '')))).toBe(true);

    // Again with new values for the middle of the runs: keep leaves them, replace takes them.
    const again = (v: string) => [...span(2003, 4).map((y): [string, string, string, string] => ['A', '重庆', String(y), v]), ...span(1995, 4).map((y): [string, string, string, string] => ['D', '重庆', String(y), v]), ['Z', '重庆', '2000', v] as [string, string, string, string]];
    const kept = await commitImport(ws.db, csv('keep.csv', again('-1')), { onConflict: 'keep' });
    expect(kept).toMatchObject({ status: 'committed', rowsWritten: 1, rowsKept: 8 });
    const replaced = await commitImport(ws.db, csv('replace.csv', again('-2')), { onConflict: 'replace' });
    expect(replaced).toMatchObject({ status: 'committed', rowsWritten: 9, rowsReplaced: 9 });
    expect(ws.db.prepare('SELECT count(*) FROM observations WHERE value = -2').pluck().get()).toBe(9);
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(rows.length + 1);
  });

  it('a key twice in one file is a located error', async () => {
    const path = csv('dup.csv', [['X', '重庆', '2021', '1'], ['X', '重庆市', '2021', '2']]);
    const p = await previewImport(ws.db, path);
    expect(p.duplicatesInFile).toBe(1);
    expect(p.problems[0]).toMatchObject({ code: 'row.duplicate-key', row: 3, column: 4 });
    const s = await commitImport(ws.db, path, { onConflict: 'replace' });
    expect(s.status).toBe('rejected');
    expect(s.problems[0]).toMatchObject({ code: 'row.duplicate-key', row: 3 });
    const skipped = await commitImport(ws.db, path, { onConflict: 'replace', skipBadRows: true });
    expect(skipped).toMatchObject({ status: 'committed', rowsWritten: 1, rowsSkipped: 1 });
    expect(state()[0]!.value).toBe(1);
  });

  it('cancelling rolls everything back and leaves no trace', async () => {
    const rows: Array<[string, string, string, string]> = [];
    for (let i = 0; i < 30_000; i++) rows.push([`指标${i % 50}`, '重庆', String(1900 + Math.floor(i / 50)), String(i)]);
    const path = csv('big.csv', rows);
    const abort = new AbortController();
    const s = await commitImport(ws.db, path, { onConflict: 'fail' }, { signal: abort.signal, onProgress: (p) => p.rows > 5000 && abort.abort() });
    expect(s.status).toBe('cancelled');
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM indicators').pluck().get()).toBe(0);
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.inTransaction).toBe(false);
  });

  it('one import at a time per workspace', async () => {
    const path = csv('a.csv', [['X', '重庆', '2021', '1']]);
    const running = commitImport(ws.db, path, { onConflict: 'fail' });
    await expect(commitImport(ws.db, path, { onConflict: 'fail', allowDuplicate: true })).rejects.toMatchObject({ code: 'import.busy' });
    expect((await running).status).toBe('committed');
  });

  it('the parse worker and the in-thread parser write the same rows', async () => {
    const rows: Array<[string, string, string, string]> = [];
    for (let k = 0; k < 20_000; k++) {
      const [ind, reg, q] = [k % 40, Math.floor(k / 40) % 2, Math.floor(k / 80)];
      rows.push([`指标${ind}`, reg ? '重庆' : '四川省', `${1990 + Math.floor(q / 4)}Q${(q % 4) + 1}`, k % 97 ? String(k / 10) : '—']);
    }
    const path = csv('w.csv', rows);
    const viaWorker = await commitImport(ws.db, path, { onConflict: 'fail' }, { useWorker: true });
    // Every 97th value is a placeholder (—): 207 cells, no row written for them.
    expect(viaWorker).toMatchObject({ status: 'committed', rowsWritten: 20_000 - 207, blankCells: 207 });
    // Hashed by the worker as it read the file.
    expect(listImports(ws.db)[0]!.sha256).toBe(await hashFile(path));
    const withWorker = ws.db.prepare('SELECT indicator, region, period, year, value, unit, original, status FROM observations ORDER BY id').all();
    undoImport(ws.db, viaWorker.importId!);
    const inThread = await commitImport(ws.db, path, { onConflict: 'fail', allowDuplicate: true }, { useWorker: false });
    expect(inThread).toMatchObject({ rowsWritten: viaWorker.rowsWritten, blankCells: 207 });
    expect(ws.db.prepare('SELECT indicator, region, period, year, value, unit, original, status FROM observations ORDER BY id').all()).toEqual(withWorker);
  });
});
