// How a large import writes: through a rollback journal instead of the WAL (back to WAL afterwards,
// whether it commits, is rejected or is cancelled), with no index on observations but the unique key,
// whose statistics it refreshes so that lookups by region skip-scan it; and the page size of new
// workspaces.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { commitImport } from '../../../electron/backend/import/commit';
import { undoImport } from '../../../electron/backend/import/history';
import { applyMigrations, createTestWorkspace, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

/** `rows` distinct keys from `from` on: 100 indicators × 10 regions × years; `pad` widens the file. */
function bigCsv(name: string, from: number, rows: number, extra: string[] = [], pad = ''): string {
  const lines = ['指标,地区,年份,数值,备注'];
  for (let k = from; k < from + rows; k++) lines.push(`指标${k % 100},地区${Math.floor(k / 100) % 10},${1900 + Math.floor(k / 1000)},${k},${pad}`);
  const path = join(ws.dir, name);
  writeFileSync(path, [...lines, ...extra].join('\n') + '\n');
  return path;
}

/** Over the 4 MiB from which an import writes through a rollback journal. */
const LARGE = { rows: 60_000, pad: 'x'.repeat(60) };

const journalMode = () => ws.db.pragma('journal_mode', { simple: true }) as string;
const plan = (sql: string) => (ws.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');

/** The journal mode at each progress report of an import. */
async function journalDuringImport(path: string, options: Parameters<typeof commitImport>[2], abortAfter?: number) {
  const seen: string[] = [];
  const abort = new AbortController();
  const summary = await commitImport(ws.db, path, options, {
    signal: abort.signal,
    onProgress: (p) => {
      if (p.percent < 100) seen.push(journalMode());
      if (abortAfter !== undefined && p.rows >= abortAfter) abort.abort();
    },
  });
  return { summary, seen };
}

describe('bulk load', () => {
  it('a large file goes through a rollback journal and the workspace is back in WAL after it', async () => {
    expect(journalMode()).toBe('wal');
    const synchronous = ws.db.pragma('synchronous', { simple: true });
    const small = await journalDuringImport(bigCsv('small.csv', 170_000, 3), { onConflict: 'fail' });
    expect(small.summary.rowsWritten).toBe(3);
    expect(journalMode()).toBe('wal');

    const { summary, seen } = await journalDuringImport(bigCsv('a.csv', 0, LARGE.rows, [], LARGE.pad), { onConflict: 'fail' });
    expect(summary).toMatchObject({ status: 'committed', rowsWritten: LARGE.rows });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((mode) => mode === 'delete')).toBe(true);
    expect(journalMode()).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(synchronous);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');

    undoImport(ws.db, summary.importId!);
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(3);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('another connection to the workspace keeps a large import in WAL', async () => {
    const other = new Database(ws.path);
    try {
      expect(other.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
      const { summary, seen } = await journalDuringImport(bigCsv('a.csv', 0, LARGE.rows, [], LARGE.pad), { onConflict: 'fail' });
      expect(summary.status).toBe('committed');
      expect(seen.every((mode) => mode === 'wal')).toBe(true);
      expect(other.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(LARGE.rows);
    } finally {
      other.close();
    }
  });

  it('a rejected or cancelled large import leaves nothing and the workspace in WAL', async () => {
    // The duplicate key comes last, after every other row has been written.
    const rejected = await journalDuringImport(bigCsv('dup.csv', 0, LARGE.rows, ['指标0,地区0,1900,1,'], LARGE.pad), { onConflict: 'fail' });
    expect(rejected.summary.status).toBe('rejected');
    expect(rejected.summary.problems[0]).toMatchObject({ code: 'row.duplicate-key', row: LARGE.rows + 2 });
    expect(rejected.seen.some((mode) => mode === 'delete')).toBe(true);
    expect(journalMode()).toBe('wal');

    const cancelled = await journalDuringImport(bigCsv('c.csv', 0, LARGE.rows, [], LARGE.pad), { onConflict: 'fail' }, 1);
    expect(cancelled.summary.status).toBe('cancelled');
    expect(journalMode()).toBe('wal');
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('observations keep the unique key as their only index, and lookups by region skip-scan it', async () => {
    const indexes = ws.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'observations'").pluck().all();
    expect(indexes).toEqual(['observations_key']);
    expect((await commitImport(ws.db, bigCsv('a.csv', 0, 20_000), { onConflict: 'fail' })).status).toBe('committed');
    const byRegion = "SELECT count(*) FROM observations WHERE region = '地区3'";
    expect(plan(byRegion)).toContain('ANY(indicator) AND region=?');
    expect(ws.db.prepare(byRegion).pluck().get()).toBe(2_000);
    // The regions list counts rows per region the same way.
    expect(plan('SELECT code, (SELECT count(*) FROM observations o WHERE o.region = r.code) FROM regions r')).toContain('ANY(indicator) AND region=?');
  });
});

const keyIndex = () => ws.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'observations_key'").pluck().get() as string | undefined;

/** Whether the unique key's index exists at each progress report of an import. */
async function keyDuringImport(path: string, options: Parameters<typeof commitImport>[2]) {
  const seen: boolean[] = [];
  const summary = await commitImport(ws.db, path, options, { onProgress: (p) => p.percent < 100 && seen.push(keyIndex() !== undefined) });
  return { summary, seen };
}

describe('the unique key deferred for a large import into a small table', () => {
  /** Three rows holding keys the big files below also have (指标0..2, 地区0, 1900). */
  async function threeRows(): Promise<number> {
    const path = join(ws.dir, 'three.csv');
    writeFileSync(path, '指标,地区,年份,数值\n指标0,地区0,1900,-1\n指标1,地区0,1900,-1\n指标2,地区0,1900,-1\n');
    const s = await commitImport(ws.db, path, { onConflict: 'fail' });
    expect(s.rowsWritten).toBe(3);
    return s.importId!;
  }
  // New indicators are coded by their pinyin initials: 指标0 → zb_0.
  const values = () => ws.db.prepare("SELECT value FROM observations WHERE region = '地区0' AND period = '1900' AND indicator IN ('zb_0', 'zb_1', 'zb_2') ORDER BY indicator").pluck().all();

  it('is dropped during the load and built before commit; conflicts with rows there are settled as chosen', async () => {
    const definition = keyIndex();
    expect(definition).toContain('observations(indicator, region, period, status)');
    const first = await threeRows();

    const failed = await keyDuringImport(bigCsv('f.csv', 0, 60_000), { onConflict: 'fail' });
    expect(failed.summary.status).toBe('rejected');
    expect(failed.summary.problems[0]).toMatchObject({ code: 'conflict.exists', row: 2, column: 4 });
    expect(keyIndex()).toBe(definition);

    const kept = await keyDuringImport(bigCsv('k.csv', 0, 60_000), { onConflict: 'keep' });
    expect(kept.summary).toMatchObject({ status: 'committed', rowsWritten: 59_997, rowsKept: 3 });
    expect(kept.seen.length).toBeGreaterThan(0);
    expect(kept.seen.every((present) => !present)).toBe(true);
    expect(keyIndex()).toBe(definition);
    expect(values()).toEqual([-1, -1, -1]);
    undoImport(ws.db, kept.summary.importId!);

    const replaced = await keyDuringImport(bigCsv('r.csv', 0, 60_000), { onConflict: 'replace' });
    expect(replaced.summary).toMatchObject({ status: 'committed', rowsWritten: 60_000, rowsReplaced: 3 });
    expect(replaced.seen.every((present) => !present)).toBe(true);
    expect(values()).toEqual([0, 1, 2]);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    undoImport(ws.db, replaced.summary.importId!);
    expect(values()).toEqual([-1, -1, -1]);
    expect(ws.db.prepare('SELECT count(*) FROM observations WHERE import_id = ?').pluck().get(first)).toBe(3);
  });

  it('a key twice in the file is found where it is, also when skipped', async () => {
    // After the key's build fails, the import runs again keeping it up, which locates the duplicate.
    const dup = bigCsv('dup.csv', 0, 60_000, ['指标7,地区3,1900,1,']);
    // The build sorts with helper threads and a small cache; the connection gets its own back either way.
    const settings = () => [ws.db.pragma('cache_size', { simple: true }), ws.db.pragma('threads', { simple: true })];
    const before = settings();
    const rejected = await commitImport(ws.db, dup, { onConflict: 'fail' });
    expect(settings()).toEqual(before);
    expect(rejected.status).toBe('rejected');
    expect(rejected.problems).toEqual([expect.objectContaining({ code: 'row.duplicate-key', row: 60_002 })]);
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
    expect(keyIndex()).toBeDefined();

    const skipped = await commitImport(ws.db, dup, { onConflict: 'fail', skipBadRows: true });
    expect(skipped).toMatchObject({ status: 'committed', rowsWritten: 60_000, rowsSkipped: 1 });
    expect(settings()).toEqual(before);
    expect(ws.db.prepare("SELECT value FROM observations WHERE indicator = 'zb_7' AND region = '地区3' AND period = '1900'").pluck().get()).toBe(307);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a workspace made before the key was an index is rebuilt with the same rows and ids', () => {
    const oldPath = join(ws.dir, 'v5.sqlite');
    const made = new Database(oldPath);
    made.pragma('journal_mode = WAL');
    for (const m of loadMigrations().slice(0, 5)) made.exec(m.sql);
    made.pragma('user_version = 5');
    made.exec("INSERT INTO indicators (code, name_zh) VALUES ('x', 'X'); INSERT INTO regions (code, name_zh, name_en) VALUES ('CQ', '重庆', 'Chongqing')");
    made.exec("INSERT INTO observations (id, indicator, region, period, year, value, status) VALUES (7, 'x', 'CQ', '2021', 2021, 1.5, 'actual'), (42, 'x', 'CQ', '2022', 2022, NULL, 'estimate')");
    made.close();
    const opened = openWorkspace(oldPath);
    try {
      expect(opened.db.prepare('SELECT id, period, value, status FROM observations ORDER BY id').all()).toEqual([
        { id: 7, period: '2021', value: 1.5, status: 'actual' },
        { id: 42, period: '2022', value: null, status: 'estimate' },
      ]);
      expect(opened.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'observations'").pluck().all()).toEqual(['observations_key']);
      expect(() => opened.db.prepare("INSERT INTO observations (indicator, region, period, year, status) VALUES ('x', 'CQ', '2021', 2021, 'actual')").run()).toThrow(/UNIQUE/);
      expect(opened.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      opened.db.close();
    }
  });
});

describe('page size', () => {
  it('a new workspace has 16 KiB pages and the usual cache; one made with 4 KiB pages keeps them', async () => {
    const fresh = openWorkspace(join(ws.dir, 'new.sqlite'), { create: true });
    const plain = new Database(':memory:');
    try {
      expect(fresh.db.pragma('page_size', { simple: true })).toBe(16384);
      expect(fresh.db.pragma('cache_size', { simple: true })).toBe(plain.pragma('cache_size', { simple: true }));
    } finally {
      fresh.db.close();
      plain.close();
    }

    const oldPath = join(ws.dir, 'old.sqlite');
    const made = new Database(oldPath);
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    applyMigrations(made);
    made.pragma(`user_version = ${loadMigrations().length}`);
    made.close();
    const old = openWorkspace(oldPath);
    try {
      expect(old.db.pragma('page_size', { simple: true })).toBe(4096);
      const s = await commitImport(old.db, bigCsv('o.csv', 0, 2_000), { onConflict: 'fail' });
      expect(s).toMatchObject({ status: 'committed', rowsWritten: 2_000 });
      expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      old.db.close();
    }
  });
});
