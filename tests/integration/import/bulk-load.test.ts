// How a large import writes: the region index built once after the load when the table is small
// beside the import (and left in place otherwise, or when the import does not commit), and the page
// size of new workspaces.

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

/** `rows` distinct keys from `from` on: 100 indicators × 10 regions × years. */
function bigCsv(name: string, from: number, rows: number, extra: string[] = []): string {
  const lines = ['指标,地区,年份,数值'];
  for (let k = from; k < from + rows; k++) lines.push(`指标${k % 100},地区${Math.floor(k / 100) % 10},${1900 + Math.floor(k / 1000)},${k}`);
  const path = join(ws.dir, name);
  writeFileSync(path, [...lines, ...extra].join('\n') + '\n');
  return path;
}

const regionIndex = () => ws.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'observations_region'").pluck().get() as string | undefined;

/** Whether the region index exists at each progress report of an import. */
async function indexDuringImport(path: string, options: Parameters<typeof commitImport>[2], abortAfter?: number) {
  const seen: boolean[] = [];
  const abort = new AbortController();
  const summary = await commitImport(ws.db, path, options, {
    signal: abort.signal,
    onProgress: (p) => {
      if (p.percent < 100) seen.push(regionIndex() !== undefined);
      if (abortAfter !== undefined && p.rows >= abortAfter) abort.abort();
    },
  });
  return { summary, seen };
}

describe('bulk load', () => {
  it('a large import into a small table builds the region index after the load, as it was', async () => {
    const definition = regionIndex();
    expect(definition).toContain('observations(region, indicator, period)');
    expect((await commitImport(ws.db, bigCsv('small.csv', 170_000, 3), { onConflict: 'fail' })).rowsWritten).toBe(3);

    const { summary, seen } = await indexDuringImport(bigCsv('a.csv', 0, 60_000), { onConflict: 'fail' });
    expect(summary).toMatchObject({ status: 'committed', rowsWritten: 60_000 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((present) => !present)).toBe(true);
    expect(regionIndex()).toBe(definition);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = ws.db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM observations WHERE region = '地区3'").all() as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join(' ')).toContain('observations_region');
    expect(ws.db.prepare("SELECT count(*) FROM observations WHERE region = '地区3'").pluck().get()).toBe(6_000);

    // Now the table is as large as the next import: the index is kept up row by row.
    const second = await indexDuringImport(bigCsv('b.csv', 100_000, 60_000), { onConflict: 'fail' });
    expect(second.summary.status).toBe('committed');
    expect(second.seen.length).toBeGreaterThan(0);
    expect(second.seen.every((present) => present)).toBe(true);

    undoImport(ws.db, summary.importId!);
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(60_003);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a rejected or cancelled large import leaves the region index and nothing else', async () => {
    const definition = regionIndex();
    // The duplicate key comes last, after every row has been written without the index.
    const rejected = await indexDuringImport(bigCsv('dup.csv', 0, 60_000, ['指标0,地区0,1900,1']), { onConflict: 'fail' });
    expect(rejected.summary.status).toBe('rejected');
    expect(rejected.summary.problems[0]).toMatchObject({ code: 'row.duplicate-key', row: 60_002 });
    expect(rejected.seen.some((present) => !present)).toBe(true);
    expect(regionIndex()).toBe(definition);

    const cancelled = await indexDuringImport(bigCsv('c.csv', 0, 60_000), { onConflict: 'fail' }, 1);
    expect(cancelled.summary.status).toBe('cancelled');
    expect(cancelled.seen[0]).toBe(false);
    expect(regionIndex()).toBe(definition);
    expect(ws.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(0);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
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
