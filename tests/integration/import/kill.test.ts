import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWorkspace, openWorkspace } from '../../../electron/backend/db/workspace';
import { commitImport } from '../../../electron/backend/import/commit';
import { fixture } from './fixtures';
import { createTestWorkspace, openTestDb, type TestWorkspace } from './test-workspace';

let ws: TestWorkspace;
beforeEach(() => {
  ws = createTestWorkspace();
});
afterEach(() => ws.close());

async function writeLargeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('指标,地区,时期,数值,单位\n');
  let buf: string[] = [];
  for (let k = 0; k < rows; k++) {
    buf.push(`指标${k % 100},地区${Math.floor(k / 100) % 40},${1901 + Math.floor(k / 4000)},${(k * 7919) % 100000 / 100},亿元`);
    if (buf.length === 10_000) {
      if (!out.write(`${buf.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = [];
    }
  }
  out.end(`${buf.join('\n')}\n`);
  await new Promise<void>((r) => out.on('finish', () => r()));
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const killChild = fileURLToPath(new URL('./kill-child.ts', import.meta.url));

/**
 * Runs kill-child.ts on `file` and SIGKILLs it: at its first progress report (made inside the
 * import's transaction, the child then waiting there) with `hold`, else `delayMs` after it is ready.
 * Returns whether the import had finished before the kill.
 */
async function importAndKill(workspace: string, file: string, how: { hold: true } | { delayMs: number }): Promise<{ finished: boolean; lines: string[] }> {
  const args = [killChild, workspace, file, ...('hold' in how ? ['20000'] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const ready = !out.includes('ready\n');
      out += d.toString();
      if ('hold' in how) {
        if (/^progress /m.test(out)) child.kill('SIGKILL');
      } else if (ready && out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), how.delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
  await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('close', r)));
  const lines = out.trim().split('\n');
  return { finished: lines.some((l) => l.startsWith('done committed')), lines };
}

describe('kill during a legacy .xls import', () => {
  const xls = fixture('yearbook-merged.xls');
  /** What the yearbook's import leaves: its import, rows, indicators and the sub-item's parent. */
  const state = (db: import('better-sqlite3').Database) => ({
    imports: db.prepare('SELECT count(*) FROM imports').pluck().get(),
    rows: db.prepare('SELECT count(*) FROM observations').pluck().get(),
    indicators: db.prepare("SELECT count(*) FROM indicators WHERE name_zh LIKE '%示例%'").pluck().get(),
    parents: db.prepare('SELECT count(*) FROM indicators WHERE parent IS NOT NULL').pluck().get(),
  });
  const none = { imports: 1, rows: 1, indicators: 0, parents: 0 };
  const all = { imports: 2, rows: 20, indicators: 4, parents: 1 };

  /** A workspace made as the app makes one, holding one row of an earlier import. */
  async function before(): Promise<string> {
    const file = join(ws.dir, 'app.sqlite');
    const made = openWorkspace(file, { create: true });
    const csv = join(ws.dir, 'before.csv');
    writeFileSync(csv, '指标,地区,年份,数值\n地区生产总值,重庆市,2022,29129.03\n');
    try {
      expect((await commitImport(made.db, csv, { onConflict: 'fail' })).status).toBe('committed');
    } finally {
      made.db.close();
    }
    return file;
  }

  /** The workspace opens as the app opens it, passes the full check, and holds all or none of the import. */
  function reopen(file: string): ReturnType<typeof state> {
    const opened = openWorkspace(file);
    try {
      expect(checkWorkspace(opened.db)).toMatchObject({ ok: true });
      return state(opened.db);
    } finally {
      opened.db.close();
    }
  }

  it('SIGKILL inside the open transaction, its first batch written: the workspace opens sound, without a row of it', async () => {
    const file = await before();
    const { finished, lines } = await importAndKill(file, xls, { hold: true });
    expect(finished).toBe(false);
    expect(lines.at(-1)).toMatch(/^progress [1-9]/);
    expect(reopen(file)).toEqual(none);
  });

  it('SIGKILL at a random moment of the import: all of it or none', async () => {
    const file = await before();
    for (let k = 0; k < 2; k++) {
      const delayMs = Math.floor(Math.random() * 600);
      const { finished } = await importAndKill(file, xls, { delayMs });
      const after = reopen(file);
      // An import that said it committed is all there; one killed before is all there or not at all.
      expect(after, `killed ${delayMs} ms after ready`).toEqual(finished || after.imports === 2 ? all : none);
      if (after.imports === 2) break;
    }
  });
});

describe('kill during import', () => {
  it('SIGKILL mid-import leaves an intact workspace without a row of that import', async () => {
    // Rows that were there before must survive.
    const before = join(ws.dir, 'before.csv');
    writeFileSync(before, '指标,地区,年份,数值\n地区生产总值,重庆市,2022,29129.03\n');
    expect((await commitImport(ws.db, before, { onConflict: 'fail' })).status).toBe('committed');
    ws.db.close();

    const big = join(ws.dir, 'big.csv');
    await writeLargeCsv(big, 400_000);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./kill-child.ts', import.meta.url)), ws.path, big], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killedAt = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const lines = out.trim().split('\n');
        const last = lines.at(-1) ?? '';
        const m = /^progress (\d+) ([\d.]+)$/.exec(last);
        if (m && Number(m[1]) >= 50_000 && Number(m[2]) < 90) {
          child.kill('SIGKILL');
          resolve(last);
        }
        if (last.startsWith('done')) reject(new Error(`import finished before the kill: ${last}`));
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${stderr}`));
      });
    });
    await new Promise((r) => child.on('close', r));
    expect(child.signalCode).toBe('SIGKILL');
    expect(killedAt).toMatch(/^progress/);
    // Killed inside its transaction, through a rollback journal: the journal is left hot.
    expect(existsSync(`${ws.path}-journal`)).toBe(true);

    const db = openTestDb(ws.path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(1);
      expect(db.prepare("SELECT count(*) FROM indicators WHERE code LIKE '指标%'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM observations WHERE import_id IS NOT 1').pluck().get()).toBe(0);
      // The import (12 MB) wrote through a rollback journal: the kill left it hot, and opening the
      // workspace rolled it back and went back to WAL.
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(existsSync(`${ws.path}-journal`)).toBe(false);
      // The import (into a table of one row) had dropped the unique key to build it after the load:
      // the rollback brought it back.
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'observations_key'").pluck().get()).toBe(1);
      expect(() => db.prepare("INSERT INTO observations (indicator, region, period, year, status) SELECT indicator, region, period, year, status FROM observations").run()).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
