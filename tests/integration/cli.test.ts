import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitForLine } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('workbench CLI', () => {
  it('lists its commands', () => {
    const help = runCli(['--help'], tempDir());
    expect(help.status).toBe(0);
    for (const command of ['start', 'serve', 'info', 'check', 'backup']) expect(help.stdout).toContain(command);
  });

  it('info --json reports path, schema and SQLite versions and row counts', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'a.sqlite');
    // A missing file given to info is an error, not a silently created workspace.
    const missing = runCli(['info', '--workspace', file, '--lang', 'en'], dataDir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Workspace file not found');
    expect(fs.existsSync(file)).toBe(false);
    const info = runCli(['info', '--json'], dataDir);
    expect(info.status).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.workspace).toBe(path.join(dataDir, 'workspaces', 'default.sqlite'));
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(parsed.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
    expect(parsed.tables).toContainEqual({ table: 'targets', rows: 26 });
  });

  it('check exits 0 on a sound workspace and 1 with a located message on a bad file', () => {
    const dataDir = tempDir();
    expect(runCli(['check'], dataDir).status).toBe(0);
    const junk = path.join(dataDir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just some text');
    const bad = runCli(['check', '--workspace', junk], dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(junk);
    expect(bad.stderr).toContain('不是工作区文件');
  });

  it('backup writes a copy that passes integrity_check and refuses to overwrite', () => {
    const dataDir = tempDir();
    const out = path.join(dataDir, 'copies', 'b.sqlite');
    const first = runCli(['backup', '--out', out], dataDir);
    expect(first.status).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 3 });
    copy.close();
    const second = runCli(['backup', '--out', out, '--lang', 'en'], dataDir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already exists');
  });

  it('serve prints one line with the tokenised URL and serves the API until stopped', async () => {
    const dataDir = tempDir();
    const child = spawnCli(['serve', '--no-open', '--workspace', path.join(dataDir, 's.sqlite')], dataDir);
    try {
      const { match, output } = await waitForLine(child, /Workbench running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))\n/);
      expect(output.trim().split('\n')).toHaveLength(1);
      const [, , port, token] = match;
      const res = await fetch(`http://127.0.0.1:${port}/api/targets.list`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': token! },
        body: '{}',
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: Array<{ code: string }> };
      expect(body.result.some((t) => t.code === 'A1')).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('start falls back to browser mode within seconds when the Electron runtime is missing', async () => {
    const dataDir = tempDir();
    const started = Date.now();
    // An empty override dir stands for a machine where the runtime was never fetched.
    const child = spawnCli(['start', '--no-open', '--lang', 'en'], dataDir, { ELECTRON_OVERRIDE_DIST_PATH: tempDir() });
    try {
      const { output } = await waitForLine(child, /Workbench running at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(Date.now() - started).toBeLessThan(20_000);
      const lines = output.trim().split('\n');
      expect(lines[0]).toMatch(/No Electron runtime found: starting in browser mode.*install-electron/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
