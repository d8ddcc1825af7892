// Crash safety: a child process doing real work on a real workspace is SIGKILLed at a random moment;
// the workspace must then pass integrity_check and hold all or none of each unit of work. `npm test`
// kills 6 times (2 per kind of work); `npm run soak` kills 51 times (SOAK_KILLS=N sets another count).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { tempDir, tempService } from '../../helpers/temp';

const soak = process.env.npm_lifecycle_event === 'soak';
const kills = Number(process.env.SOAK_KILLS ?? (soak ? 51 : 6));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const migrationsDir = path.join(repo, 'electron/backend/db/migrations');

/** Starts the child, waits for `ready` and then `delayMs`, kills it; returns every line it printed. */
async function runAndKill(args: string[], delayMs: number): Promise<{ lines: string[]; finished: boolean }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('ready\n')) {
        clearInterval(timer);
        setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, delayMs);
      }
    }, 5);
    proc.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      resolve();
    });
  });
  await new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.on('close', r)));
  return { lines: out.trim().split('\n'), finished: proc.signalCode !== 'SIGKILL' };
}

function openChecked(file: string) {
  const ws = openWorkspace(file);
  const check = checkWorkspace(ws.db);
  expect(check, JSON.stringify(check)).toMatchObject({ ok: true });
  return ws.db;
}

const delay = () => Math.floor(Math.random() * 400);

/** A workspace at schema version 1 with enough rows that its migration and pre-migration backup take a while. */
function versionOneWorkspace(dir: string): string {
  const only = path.join(dir, 'migrations-v1');
  fs.mkdirSync(only);
  fs.copyFileSync(path.join(migrationsDir, '001-initial.sql'), path.join(only, '001-initial.sql'));
  const file = path.join(dir, 'old.sqlite');
  const { db } = openWorkspace(file, { create: true, migrationsDir: only });
  db.prepare("INSERT INTO indicators (code, name_zh, unit) VALUES ('x', '测试', '亿元')").run();
  db.prepare("INSERT INTO regions (code, name_zh, name_en) VALUES ('CQ', '重庆', 'Chongqing')").run();
  const insert = db.prepare("INSERT INTO observations (indicator, region, period, year, value, status) VALUES ('x', 'CQ', ?, ?, ?, 'actual')");
  db.transaction(() => {
    for (let k = 0; k < 150_000; k++) insert.run(`p${k}`, 2000 + (k % 20), k);
  })();
  db.close();
  return file;
}

describe('crash safety under SIGKILL', () => {
  const modes = ['save', 'backup', 'migrate'] as const;
  const plan = Array.from({ length: kills }, (_, i) => modes[i % modes.length]!);

  it.each(plan.map((mode, i) => [i + 1, mode] as const))('kill %i during %s keeps the workspace whole', async (_n, mode) => {
    const ms = delay();
    if (mode === 'save') {
      const { service, dataDir } = tempService();
      const file = service.workspace.path;
      const versionsBefore = service.db.prepare('SELECT count(*) FROM scenario_versions WHERE scenario_id = 1').pluck().get() as number;
      service.close();
      const { lines } = await runAndKill(['save', file, dataDir], ms);
      const saved = lines.filter((l) => l.startsWith('saved ')).length;
      const db = openChecked(file);
      const versions = db.prepare('SELECT version FROM scenario_versions WHERE scenario_id = 1 ORDER BY version').pluck().all() as number[];
      expect(versions, `killed after ${ms} ms`).toEqual(versions.map((_, i) => i + 1));
      // Every unit the child reported is there; the one it was in the middle of is there or not, whole.
      const extra = versions.length - versionsBefore;
      expect(extra).toBeGreaterThanOrEqual(saved);
      expect(extra).toBeLessThanOrEqual(saved + 1);
      const tasks = db.prepare("SELECT count(*) FROM tasks WHERE title LIKE 'crash %'").pluck().get() as number;
      expect(tasks).toBeGreaterThanOrEqual(saved);
      expect(tasks).toBeLessThanOrEqual(saved + 1);
      db.close();
    } else if (mode === 'backup') {
      const { service, dataDir } = tempService();
      const file = service.workspace.path;
      service.close();
      const prefix = path.join(dataDir, 'copy');
      const { lines } = await runAndKill(['backup', file, dataDir, prefix], ms);
      const done = lines.filter((l) => l.startsWith('backup ')).length;
      openChecked(file).close();
      const copies = fs.readdirSync(dataDir).filter((f) => /^copy-\d+\.sqlite$/.test(f));
      expect(copies.length).toBeGreaterThanOrEqual(done);
      // Whatever carries a backup's name is a complete, sound workspace.
      for (const copy of copies) {
        const db = new Database(path.join(dataDir, copy), { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(26);
        db.close();
      }
    } else {
      const dir = tempDir();
      const file = versionOneWorkspace(dir);
      const { finished } = await runAndKill(['migrate', file, dir], ms);
      const raw = new Database(file);
      const version = raw.pragma('user_version', { simple: true }) as number;
      expect(version === 1 || version === loadMigrations().length || !finished).toBe(true);
      raw.close();
      // Reopening finishes whatever the kill interrupted, and no row is lost.
      const db = openChecked(file);
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      expect(db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(150_000);
      db.close();
      for (const bak of fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))) {
        const copy = new Database(path.join(dir, bak), { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(150_000);
        copy.close();
      }
    }
  });
});
