import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
import { listImports } from '../../../electron/backend/import/history';
import { previewImport } from '../../../electron/backend/import/preview';
import { fixture } from './fixtures';
import { createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

describe('value forms and units', () => {
  it('reads every value form, writes nothing for placeholders (never 0, never a row without a value), money in 亿元 with the original kept', async () => {
    const s = await commitImport(ws.db, fixture('values.csv'), { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'committed', rowsRead: 16, rowsWritten: 10, rowsSkipped: 0, blankCells: 6 });
    const rows = Object.fromEntries(
      (
        ws.db.prepare('SELECT i.name_zh AS name, value, o.unit, original FROM observations o JOIN indicators i ON i.code = o.indicator').all() as Array<{
          name: string;
          value: number | null;
          unit: string;
          original: string;
        }>
      ).map((r) => [r.name.replace('测试-', ''), [r.value, r.unit, r.original]]),
    );
    expect(rows).toEqual({
      千分位: [1234.5, '亿元', '1,234.5'],
      全角: [1234.5, '亿元', '１２３４．５'],
      负数括号: [-12.5, '亿元', '(12.5)'],
      百分比: [45.4, '%', '45.4%'],
      万元: [1.2345, '亿元', '12345 万元'],
      元: [1.23456789, '亿元', '123456789 元'],
      万亿元: [11000, '亿元', '1.1 万亿元'],
      单元格单位: [2754.5, '亿元', '2754.5亿元'],
      万户: [12.3, '万户', '12.3'],
      家: [1704, '家', '1704'],
    });
    // The rows of —, -, …, .., NA and a blank cell named indicators of their own: none is created for a figure that is not there.
    expect(ws.db.prepare("SELECT count(*) FROM indicators WHERE name_zh IN ('测试-破折号', '测试-横线', '测试-省略号', '测试-两点', '测试-NA', '测试-空白')").pluck().get()).toBe(0);
    expect(listImports(ws.db)[0]).toMatchObject({ rowsWritten: 10, blankCells: 6 });
  });

  it('locates each bad cell; any bad row rejects the whole import', async () => {
    const p = await previewImport(ws.db, fixture('bad-rows.csv'));
    expect(p.problems.map((x) => [x.code, x.row, x.column])).toEqual([
      ['period.invalid', 3, 3],
      ['value.invalid', 4, 4],
      ['value.percent-unit-mismatch', 5, 4],
      ['status.invalid', 6, 6],
    ]);
    expect(p).toMatchObject({ observations: 2, badObservations: 4, errorCount: 4, problemCount: 4 });

    const s = await commitImport(ws.db, fixture('bad-rows.csv'), { onConflict: 'fail' });
    expect(s).toMatchObject({ status: 'rejected', importId: null, rowsWritten: 0, errorCount: 4 });
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM indicators').pluck().get()).toBe(0);
  });

  it('skipBadRows writes the good rows and counts the skipped ones', async () => {
    const s = await commitImport(ws.db, fixture('bad-rows.csv'), { onConflict: 'fail', skipBadRows: true });
    expect(s).toMatchObject({ status: 'committed', rowsRead: 6, rowsWritten: 2, rowsSkipped: 4 });
    expect(ws.db.prepare('SELECT region FROM observations ORDER BY region').pluck().all()).toEqual(['BJ', 'CQ']);
    expect(ws.db.prepare('SELECT rows_skipped FROM imports').pluck().get()).toBe(4);
  });

  it('refuses a value beyond a double (400 digits, or 1e308 亿 in 万元) instead of storing Infinity', async () => {
    // Found by the import fuzz test: the plain-number fast path returned Infinity and it was stored.
    const path = join(ws.dir, 'huge.csv');
    writeFileSync(path, `指标,地区,年份,数值,单位\nGDP,重庆,2020,${'9'.repeat(400)},亿元\nGDP,重庆,2021,1e308,万亿元\nGDP,重庆,2022,12.5,亿元\n`);
    const p = await previewImport(ws.db, path);
    expect(p.problems.filter((x) => x.code === 'value.invalid').map((x) => [x.row, x.params.text])).toEqual([
      [2, '9'.repeat(40)],
      [3, '1e308'],
    ]);
    const s = await commitImport(ws.db, path, { onConflict: 'fail', skipBadRows: true });
    expect(s).toMatchObject({ status: 'committed', rowsWritten: 1, rowsSkipped: 2 });
    expect(ws.db.prepare('SELECT value FROM observations').pluck().all()).toEqual([12.5]);
  });
});
