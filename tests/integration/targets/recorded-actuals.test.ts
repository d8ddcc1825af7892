// Values recorded by hand on a target are figures like any other: exact or a bound, and known from the
// date they were published. The seed's come with what their sources say (B8 "总投资约296亿元" is
// approximate; Plan C's 7356 was issued on 2023-12-13), a version-11 workspace gets the same by
// migration 012, and the register workbook carries both columns both ways.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { dispatch } from '../../../electron/backend/dispatch';
import { WorkbenchService } from '../../../electron/backend/service';
import type { MonitorRow } from '../../../shared/api/targets-contract';
import { tempDir, tempService } from '../../helpers/temp';

async function ok<T>(service: WorkbenchService, method: string, input: unknown): Promise<T> {
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

type Monitor = { rows: MonitorRow[] };
const row = (m: Monitor, code: string) => m.rows.find((r) => r.target.code === code)!;

describe('recorded actuals on a fresh workspace', () => {
  it('keep the seed sources’ bound and release date, and the monitor reads them as of a date', async () => {
    const { service } = tempService();
    const now = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 });
    expect(row(now, 'B8').latest).toEqual({ year: 2020, value: 296, bound: 'approx' });
    expect(row(now, 'B8').actuals[0]).toMatchObject({ from: 'recorded', bound: 'approx', released: '2020-06-23' });
    expect(row(now, 'C5').actuals.find((a) => a.year === 2022)).toMatchObject({ value: 7356, released: '2023-12-13' });
    // Plan C's table, the only source of 2022's 7356, was issued on 2023-12-13: not known in mid-2023.
    const mid2023 = await ok<Monitor>(service, 'targets.monitor', { vintage: '2023-06-30' });
    expect(row(mid2023, 'C5').actuals.some((a) => a.year === 2022)).toBe(false);
    const end2023 = await ok<Monitor>(service, 'targets.monitor', { vintage: '2023-12-31' });
    expect(row(end2023, 'C5').actuals.find((a) => a.year === 2022)?.value).toBe(7356);
    // The article of 2020-06-23 reported the project counts: known from that day, not from 2021.
    expect(row(await ok<Monitor>(service, 'targets.monitor', { vintage: '2020-07-01' }), 'B7').latest).toMatchObject({ year: 2020, value: 73 });
    expect(row(await ok<Monitor>(service, 'targets.monitor', { vintage: '2020-06-01' }), 'B7').latest).toBeNull();
    service.close();
  });

  it('records a bound and a release date, logs their change, and refuses a date that is none', async () => {
    const { service } = tempService();
    await ok(service, 'targets.recordActual', { code: 'A6', year: 2021, value: 4, source: '测试来源' });
    await ok(service, 'targets.recordActual', { code: 'A6', year: 2021, value: 4, bound: 'lower', released: '2022-03-01', source: '测试来源' });
    expect(row(await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2022 }), 'A6').actuals[0]).toMatchObject({ value: 4, bound: 'lower', released: '2022-03-01' });
    const history = await ok<Array<{ field: string; oldValue: string | null; newValue: string | null }>>(service, 'targets.history', { code: 'A6' });
    expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual(
      expect.arrayContaining([
        ['actual.2021.bound', 'exact', 'lower'],
        ['actual.2021.released', '', '2022-03-01'],
        ['actual.2021', null, '4'],
      ]),
    );
    // The first record logged only the value: its bound and date were the defaults.
    expect(history.filter((h) => h.field === 'actual.2021.bound')).toHaveLength(1);
    const refused = await dispatch(service, 'targets.recordActual', { code: 'A6', year: 2021, value: 4, released: '2022-02-30' });
    expect(refused.ok).toBe(false);
    service.close();
  });
});

describe('the register workbook', () => {
  it('writes and reads the bound and the release date, and reads "约296" in the value cell as approximate', async () => {
    const a = tempService().service;
    const file = await ok<{ base64: string }>(a, 'register.export', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('进展')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['目标编号', '年份', '数值', '数值界限', '发布日期', '来源', '备注']);
    const b8 = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'B8')!;
    expect([b8.getCell(3).value, b8.getCell(4).value, b8.getCell(5).value]).toEqual([296, '约数（≈）', '2020-06-23']);
    a.close();

    const b = tempService().service;
    const mine = new ExcelJS.Workbook();
    const ws = mine.addWorksheet('进展');
    ws.addRow(['目标编号', '年份', '数值', '发布日期', '来源']);
    ws.addRow(['A6', 2021, '约4', '2022年3月1日', '测试来源']);
    ws.addRow(['A5', 2021, 120, '', '测试来源']);
    await ok(b, 'register.import', { fileName: 'mine.xlsx', base64: Buffer.from(await mine.xlsx.writeBuffer()).toString('base64') });
    const m = await ok<Monitor>(b, 'targets.monitor', { asOfYear: 2022 });
    expect(row(m, 'A6').actuals[0]).toMatchObject({ value: 4, bound: 'approx', released: '2022-03-01' });
    expect(row(m, 'A5').actuals[0]).toMatchObject({ value: 120, bound: 'exact', released: '' });
    b.close();
  });

  it('refuses a bound or a release date it cannot read, locating the cell, and writes nothing', async () => {
    const { service } = tempService();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('进展');
    ws.addRow(['目标编号', '年份', '数值', '数值界限', '发布日期']);
    ws.addRow(['A6', 2021, 4, '大概', '']);
    ws.addRow(['A5', 2021, 120, '', '去年']);
    const outcome = await dispatch(service, 'register.import', { fileName: 'bad.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    if (outcome.ok) throw new Error('should have failed');
    expect(outcome.error.message).toContain('第2行“数值界限”列');
    expect(outcome.error.details).toEqual([
      { sheet: '进展', row: 2, column: '数值界限', reason: '数值界限应为 确数、下限（≥）、上限（≤） 或 约数（≈）' },
      { sheet: '进展', row: 3, column: '发布日期', reason: '发布日期应为日期，如 2023-12-13' },
    ]);
    const m = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2022 });
    expect(row(m, 'A6').actuals).toEqual([]);
    service.close();
  });
});

/** A version-11 workspace holding the recorded actuals as the version-11 seed wrote them, and one a user changed. */
function version11Workspace(): { file: string; dataDir: string } {
  const dir = tempDir();
  const v11 = path.join(dir, 'migrations-v11');
  fs.mkdirSync(v11);
  const migrations = loadMigrations();
  expect(migrations[11]?.name).toBe('012-target-actual-bounds-releases.sql');
  for (const m of migrations.slice(0, 11)) fs.writeFileSync(path.join(v11, m.name), m.sql);
  const file = path.join(dir, 'v11.sqlite');
  const ws = openWorkspace(file, { create: true, migrationsDir: v11 });
  const db = ws.db;
  db.prepare("INSERT INTO plans (code, name_zh) VALUES ('B', '试验区'), ('C', '行动计划')").run();
  const target = db.prepare("INSERT INTO targets (code, plan, title_zh, unit) VALUES (?, ?, ?, '')");
  for (const [code, plan] of [['B7', 'B'], ['B8', 'B'], ['C5', 'C']] as const) target.run(code, plan, code);
  const actual = db.prepare("INSERT INTO target_actuals (target, year, value, source, note, recorded_at) VALUES (?, ?, ?, ?, ?, '2025-01-01')");
  actual.run('B7', 2020, 73, '重庆日报 2020-06-23（张亦筑）', '原文：已形成了试验区建设首批73项重大项目');
  // Changed by the user since: another value and source, which keep no date and stay exact.
  actual.run('B8', 2020, 300, '我的来源', '原文：总投资约296亿元');
  actual.run('C5', 2022, 7356, '《重庆市数字经济创新发展行动计划》表1（2023-12-13，M）', '2022年值，数据提供：市经济信息委');
  db.prepare("INSERT INTO settings (key, value) VALUES ('seed.sample', 'x'), ('seed.plans', 'x'), ('seed.monitor', 'x'), ('seed.scenarios', 'x'), ('seed.scenarios.broad', 'x'), ('seed.charts', 'x')").run();
  db.close();
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  return { file, dataDir };
}

describe('migration 012', () => {
  it('gives the seeded actuals their sources’ bound and date, and leaves a changed one as it was', () => {
    const { file, dataDir } = version11Workspace();
    const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, file);
    service.close();
    const ws = openWorkspace(file);
    const rows = ws.db.prepare('SELECT target, value, bound, released FROM target_actuals ORDER BY target').all();
    ws.db.close();
    expect(rows).toEqual([
      { target: 'B7', value: 73, bound: 'exact', released: '2020-06-23' },
      { target: 'B8', value: 300, bound: 'exact', released: '' },
      { target: 'C5', value: 7356, bound: 'exact', released: '2023-12-13' },
    ]);
  });
});
