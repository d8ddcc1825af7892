import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/api/errors';
import { integrityOf } from '../../electron/backend/db/integrity';
import { backupWorkspace, checkWorkspace, EXACT_COUNT_LIMIT, loadMigrations, openWorkspace, tableCounts } from '../../electron/backend/db/workspace';
import { plansSeedData } from '../../electron/backend/seed';
import { tempDir, tempService } from '../helpers/temp';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkbenchError) return error.code;
    throw error;
  }
  throw new Error('expected a WorkbenchError');
}

/** A workspace with a table no query of the app reads, whose root page is scribbled over. */
function damagedWorkspace(): string {
  const file = path.join(tempDir(), 'damaged-table.sqlite');
  const ws = openWorkspace(file, { create: true });
  ws.db.exec(`CREATE TABLE padding (id INTEGER PRIMARY KEY, text TEXT);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO padding SELECT i, printf('%0500d', i) FROM n;`);
  const root = ws.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'padding'").pluck().get() as number;
  const pageSize = ws.db.pragma('page_size', { simple: true }) as number;
  ws.db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (root - 1) * pageSize + 12);
  fs.closeSync(fd);
  return file;
}

/** The background check's answer once it has one. */
async function settled(db: Database.Database, file: string) {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const status = integrityOf(db, file);
    if (status.state !== 'checking') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the integrity check did not finish in 30 s');
}

describe('workspace file', () => {
  it('migrates an empty file to the latest schema, in WAL with foreign keys on', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const ws = openWorkspace(file, { create: true });
    expect(ws.createdNow).toBe(true);
    expect(ws.schemaVersion).toBe(loadMigrations().length);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(ws.schemaVersion);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableCounts(ws.db).map((t) => t.table)).toEqual(expect.arrayContaining(['observations', 'imports', 'targets', 'scenarios', 'charts']));
    expect(checkWorkspace(ws.db).ok).toBe(true);
    ws.db.close();
    const again = openWorkspace(file);
    expect(again.createdNow).toBe(false);
    again.db.close();
  });

  it('backs up an older workspace before migrating it', () => {
    const dir = tempDir();
    const migrations = loadMigrations();
    // An "older app" knows only the first migration; a newer one adds one more.
    const oldDir = path.join(dir, 'old-migrations');
    const newDir = path.join(dir, 'new-migrations');
    fs.mkdirSync(oldDir);
    fs.mkdirSync(newDir);
    fs.writeFileSync(path.join(oldDir, migrations[0]!.name), migrations[0]!.sql);
    for (const m of migrations) fs.writeFileSync(path.join(newDir, m.name), m.sql);
    fs.writeFileSync(path.join(newDir, `${String(migrations.length + 1).padStart(3, '0')}-extra.sql`), 'CREATE TABLE extra (x INTEGER);');
    const file = path.join(dir, 'w.sqlite');
    openWorkspace(file, { create: true, migrationsDir: oldDir }).db.close();
    const upgraded = openWorkspace(file, { migrationsDir: newDir });
    expect(upgraded.schemaVersion).toBe(migrations.length + 1);
    expect(upgraded.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 1 });
    upgraded.db.close();
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('w.sqlite.v1') && f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('refuses migration files with a gap in their numbering', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '001-a.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir, '003-c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/gap/);
  });

  it('refuses a workspace written by a newer app, leaving it untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openWorkspace(file))).toBe('workspace.tooNew');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite without overwriting it', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, '这不是数据库 just text, long enough to be read as a header');
    expect(codeOf(() => openWorkspace(file, { create: true }))).toBe('workspace.notSqlite');
    expect(fs.readFileSync(file, 'utf8')).toContain('这不是数据库');
  });

  it('reports a database whose schema is damaged as corrupt at open instead of crashing', () => {
    const file = path.join(tempDir(), 'damaged.sqlite');
    const ws = openWorkspace(file, { create: true });
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    const bytes = fs.readFileSync(file);
    // Keep the header, scribble over the schema pages.
    bytes.fill(0x5a, 100, Math.min(bytes.length, 8192));
    fs.writeFileSync(file, bytes);
    expect(['workspace.corrupt', 'workspace.notSqlite']).toContain(codeOf(() => openWorkspace(file)));
  });

  it('opens a file damaged past its schema without reading it whole; the background check finds the damage', async () => {
    const file = damagedWorkspace();
    const ws = openWorkspace(file);
    expect(ws.db.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(0);
    const status = await settled(ws.db, file);
    expect(status.state).toBe('damaged');
    expect(status.problems.join('\n')).toMatch(/malformed|page|Tree/i);
    ws.db.close();
  });

  it('finds a sound file sound, and checks it again once reopened', async () => {
    const file = path.join(tempDir(), 'sound.sqlite');
    const first = openWorkspace(file, { create: true });
    expect(await settled(first.db, file)).toEqual({ state: 'ok', problems: [] });
    expect(integrityOf(first.db, file).state).toBe('ok');
    first.db.close();
    const again = openWorkspace(file);
    expect(integrityOf(again.db, file).state).toBe('checking');
    expect(await settled(again.db, file)).toEqual({ state: 'ok', problems: [] });
    again.db.close();
  });

  it('refuses to migrate a damaged file, leaving it as it was', () => {
    const dir = tempDir();
    const migrations = loadMigrations();
    const nextDir = path.join(dir, 'next-migrations');
    fs.mkdirSync(nextDir);
    for (const m of migrations) fs.writeFileSync(path.join(nextDir, m.name), m.sql);
    fs.writeFileSync(path.join(nextDir, `${String(migrations.length + 1).padStart(3, '0')}-extra.sql`), 'CREATE TABLE extra (x INTEGER);');
    const file = damagedWorkspace();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openWorkspace(file, { migrationsDir: nextDir }))).toBe('workspace.corrupt');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('counts small tables and takes a large one from the statistics, saying so', () => {
    const file = path.join(tempDir(), 'counts.sqlite');
    const ws = openWorkspace(file, { create: true });
    const rows = EXACT_COUNT_LIMIT + 5000;
    ws.db.exec(`CREATE TABLE big (id INTEGER PRIMARY KEY, v INTEGER); CREATE INDEX big_v ON big (v);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) INSERT INTO big SELECT i, i % 7 FROM n;`);
    const big = () => tableCounts(ws.db).find((t) => t.table === 'big');
    // No statistics for it yet: counted.
    expect(big()).toEqual({ table: 'big', rows });
    ws.db.exec('ANALYZE big');
    ws.db.exec('DELETE FROM big WHERE id <= 100');
    // From sqlite_stat1, as of the ANALYZE: the 100 rows deleted since are not seen, and it says so.
    expect(big()).toEqual({ table: 'big', rows, approximate: true });
    expect(tableCounts(ws.db).find((t) => t.table === 'targets')).toEqual({ table: 'targets', rows: 0 });
    // Statistics that call it smaller than the limit when it is not are not believed.
    ws.db.exec("UPDATE sqlite_stat1 SET stat = '10 3' WHERE tbl = 'big'");
    expect(big()).toEqual({ table: 'big', rows: rows - 100 });
    ws.db.close();
  });

  it('reports a missing file when not asked to create it', () => {
    expect(codeOf(() => openWorkspace(path.join(tempDir(), 'nope.sqlite')))).toBe('workspace.notFound');
  });

  it('writes a backup that passes integrity_check and holds the same rows', async () => {
    const { service, dataDir } = tempService();
    const out = path.join(dataDir, 'backup', 'copy.sqlite');
    await backupWorkspace(service.db, out);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM targets').get()).toEqual({ n: plansSeedData().targets.length });
    copy.close();
    await expect(backupWorkspace(service.db, out)).rejects.toMatchObject({ code: 'backup.targetExists' });
    service.close();
  });
});

describe('seeded plans', () => {
  it('loads the three plans and every quantitative target of DOMAIN.md once', () => {
    const { service } = tempService();
    const targets = service.db.prepare('SELECT code, value, unit, deadline, comparator, quote FROM targets ORDER BY code').all() as Array<{
      code: string;
      value: number | null;
      unit: string;
      deadline: number | null;
      comparator: string;
      quote: string;
    }>;
    const byCode = new Map(targets.map((t) => [t.code, t]));
    // The register of ../shared/DOMAIN.md, item by item.
    const expected: Array<[string, number | null, string, number | null]> = [
      ['A1', 10000, '亿元', 2022],
      ['A2', 40, '%', 2022],
      ['A3', 100, '家', 2022],
      ['A4', 500, '家', 2022],
      ['A5', 5000, '家', 2022],
      ['A6', 10, '个', 2022],
      ['A7', null, '', 2022],
      ['A8', 30, '项', null],
      ['B1', null, '', 2022],
      ['B2', 100, '项', 2022],
      ['B3', 300, '项', 2022],
      ['B4', 5, '项', null],
      ['B5', 23, '项', null],
      ['B6', 658, '项', 2020],
      ['B7', 73, '项', 2020],
      ['B8', 296, '亿元', 2020],
      ['B9', null, '', 2022],
      // Plan C, 表1 (DOMAIN.md "Plan C"): the 2027 targets.
      ['C1', 50, '%', 2027],
      ['C2', 500, '家', 2027],
      ['C3', 150, '个', 2027],
      ['C4', 4000, '亿元', 2027],
      ['C5', 10000, '亿元', 2027],
      ['C6', 7000, '亿元', 2027],
      ['C7', 20, '个', 2027],
      ['C8', 115, '个', 2027],
      ['C9', 50, '个', 2027],
    ];
    expect(targets).toHaveLength(expected.length);
    for (const [code, value, unit, deadline] of expected) {
      expect(byCode.get(code), code).toMatchObject({ value, unit, deadline });
    }
    expect(byCode.get('A1')!.quote).toBe('力争到2022年，数字经济总量达到万亿级规模');
    expect(byCode.get('A2')!.comparator).toBe('>');
    expect(byCode.get('C1')!.comparator).toBe('>');
    // The targets judged on a measure say which (DOMAIN.md, "Three measures, never one series").
    expect(service.db.prepare("SELECT code, measure FROM targets WHERE measure IS NOT NULL ORDER BY code").all()).toEqual([
      { code: 'A1', measure: 'caict-broad' },
      { code: 'A2', measure: 'caict-broad' },
      { code: 'C1', measure: 'caict-broad' },
      { code: 'C4', measure: 'nbs-core' },
    ]);
    const file = service.workspace.path;
    service.db.prepare("DELETE FROM targets WHERE code = 'A8'").run();
    service.close();
    // Reopening does not seed again: a retired or deleted target stays gone.
    const { service: reopened } = tempService(file);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM targets').get()).toEqual({ n: expected.length - 1 });
    reopened.close();
  });

  it('adds plan C and the broad-measure scenarios once to a workspace seeded before them', () => {
    const { service } = tempService();
    const file = service.workspace.path;
    // As a workspace of the previous version: no plan C, no broad scenarios, no keys for them.
    service.db.exec(`DELETE FROM target_actuals WHERE target LIKE 'C%'; DELETE FROM targets WHERE plan = 'C'; DELETE FROM plans WHERE code = 'C';
      DELETE FROM settings WHERE key IN ('seed.plan.C', 'seed.scenarios.broad');`);
    service.db.exec("UPDATE scenarios SET deleted_at = 'x' WHERE id > 3");
    service.close();
    const { service: reopened } = tempService(file);
    const count = (sql: string) => reopened.db.prepare(sql).pluck().get();
    expect(count("SELECT count(*) FROM targets WHERE plan = 'C'")).toBe(9);
    expect(count("SELECT value FROM target_actuals WHERE target = 'C5' AND year = 2022")).toBe(7356);
    expect(count("SELECT count(*) FROM scenarios WHERE deleted_at IS NULL AND name LIKE '广义口径%'")).toBe(3);
    reopened.db.prepare("DELETE FROM targets WHERE code = 'C9'").run();
    reopened.close();
    const { service: again } = tempService(file);
    expect(again.db.prepare("SELECT count(*) FROM targets WHERE plan = 'C'").pluck().get()).toBe(8);
    again.close();
  });
});
