import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/backend/import/commit';
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
