// Faults a workspace meets on real machines: another program holding the file, a full disk. Each
// gives a clear error in the user's language, loses nothing already saved, and half-writes nothing.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { stagingArea } from '../../../electron/backend/import/staging';
import { WorkbenchService } from '../../../electron/backend/service';
import type { JobStatus } from '../../../shared/api/jobs-contract';
import { tempDir, tempService } from '../../helpers/temp';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

describe('storage faults', () => {
  it('a workspace locked by another program: a clear error, nothing lost, and it works once released', async () => {
    const { service } = tempService();
    const versions = () => service.db.prepare('SELECT count(*) FROM scenario_versions').pluck().get() as number;
    const before = versions();
    const got = await dispatch(service, 'scenarios.get', { id: 1 });
    if (!got.ok) throw new Error(got.error.message);
    const def = (got.result as { definition: unknown }).definition;

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./lock-child.ts', import.meta.url)), service.workspace.path], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    try {
      const outcome = await dispatch(service, 'scenarios.save', { id: 1, definition: def, note: 'while locked' });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('storage.busy');
        expect(outcome.error.message).toContain('另一个程序');
      }
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
    }
    expect(versions()).toBe(before);
    const retried = await dispatch(service, 'scenarios.save', { id: 1, definition: def, note: 'after release' });
    expect(retried.ok).toBe(true);
    expect(versions()).toBe(before + 1);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  }, 30_000);

  it('a full disk: the import is refused with a clear error and leaves nothing behind', async () => {
    const { service } = tempService();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务');
    ws.addRow(['方案', '领域编号', '任务', '备注']);
    for (let k = 0; k < 3000; k++) ws.addRow(['A', 'A.1', `任务 ${k}`, '备注'.repeat(40)]);
    const file = { fileName: 'tasks.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };

    // SQLite's page limit stands in for a full disk: the next page it needs cannot be had.
    const pages = service.db.pragma('page_count', { simple: true }) as number;
    service.db.pragma(`max_page_count = ${pages + 5}`);
    const outcome = await dispatch(service, 'register.import', file);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('storage.full');
      expect(outcome.error.message).toContain('磁盘空间不足');
    }
    expect(service.db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);
    expect(service.db.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(26);

    service.db.pragma('max_page_count = 1073741823');
    const retried = await dispatch(service, 'register.import', file);
    expect(retried.ok).toBe(true);
    expect(service.db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(3000);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  }, 30_000);

  it('a damaged page found after opening (the check runs in the background): a clear error naming the damage, not an internal one', async () => {
    const first = tempService();
    const file = first.service.workspace.path;
    const db = first.service.db;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'observations'").pluck().get() as number;
    first.service.close();
    // Opening reads only the header and schema; the damaged table shows when a screen reads it.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const { service } = tempService(file);
    try {
      const outcome = await dispatch(service, 'observations.query', { startRow: 0, endRow: 10, sortModel: [], filterModel: {} });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('storage.corrupt');
        expect(outcome.error.message).toContain('工作区文件已损坏');
      }
    } finally {
      service.close();
    }
  });

  it('a read-only workspace: refused at open with a clear message, the file untouched', () => {
    const { service, dataDir } = tempService();
    const file = service.workspace.path;
    service.close();
    const before = fs.readFileSync(file);
    const mountPoint = tempDir('wb-ro-');
    // A read-only mount of the folder, as a CD, a locked USB stick or a read-only share would be.
    // Root ignores file permissions, so a mount is the only real read-only place for the test run.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      execFileSync('mount', ['--bind', path.dirname(file), mountPoint]);
      execFileSync('mount', ['-o', 'remount,ro,bind', mountPoint]);
    } else {
      fs.chmodSync(file, 0o444);
    }
    try {
      const target = asRoot ? path.join(mountPoint, path.basename(file)) : file;
      let caught: unknown;
      try {
        WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, target, { create: false, remember: false });
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ code: 'workspace.readOnly' });
    } finally {
      if (asRoot) execFileSync('umount', [mountPoint]);
      else fs.chmodSync(file, 0o644);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  async function finished(service: WorkbenchService, job: JobStatus): Promise<JobStatus> {
    let status = job;
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      const got = await dispatch(service, 'jobs.get', { id: job.id });
      if (!got.ok) throw new Error(got.error.message);
      status = got.result as JobStatus;
    }
    return status;
  }

  function bigCsv(dir: string, rows: number): string {
    const file = path.join(dir, 'big.csv');
    const lines = ['indicator,region,period,value,unit'];
    for (let i = 0; i < rows; i++) lines.push(`指标${i % 200},地区${Math.floor(i / 200) % 50},${1900 + Math.floor(i / 10_000)},${i}.5,亿元`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  it('a staged file that vanishes before the import: a clear error, nothing written', async () => {
    const { service, dataDir } = tempService();
    const rows = service.db.prepare('SELECT count(*) FROM observations').pluck().get();
    // Staged as the Electron dialog does (by path); the file then goes (moved away, a share dropped).
    const file = bigCsv(dataDir, 1000);
    const staged = stagingArea(dataDir).register(file);
    fs.rmSync(file);
    const outcome = await dispatch(service, 'imports.commit', { stagingId: staged.stagingId, options: {}, onConflict: 'fail', skipBadRows: false, allowDuplicate: false });
    const status = outcome.ok ? await finished(service, outcome.result as JobStatus) : null;
    const code = outcome.ok ? status?.error?.code : outcome.error.code;
    expect(code).toMatch(/^(import\.staging-not-found|file\.not-found)$/);
    expect(service.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(rows);
    expect(service.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    service.close();
  });

  it('a file deleted while it is imported: the import finishes whole from the open file, or fails leaving nothing', async () => {
    const { service, dataDir } = tempService();
    const rows = service.db.prepare('SELECT count(*) FROM observations').pluck().get() as number;
    const staged = stagingArea(dataDir).register(bigCsv(dataDir, 200_000));
    const outcome = await dispatch(service, 'imports.commit', { stagingId: staged.stagingId, options: {}, onConflict: 'fail', skipBadRows: false, allowDuplicate: false });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const job = outcome.result as JobStatus;
    let status = job;
    while (status.state === 'running' && status.done === 0) {
      await new Promise((r) => setTimeout(r, 10));
      const got = await dispatch(service, 'jobs.get', { id: job.id });
      if (!got.ok) throw new Error(got.error.message);
      status = got.result as JobStatus;
    }
    fs.rmSync(path.join(dataDir, 'big.csv'));
    status = await finished(service, job);
    const after = service.db.prepare('SELECT count(*) FROM observations').pluck().get() as number;
    if (status.state === 'done') expect(after).toBe(rows + 200_000);
    else expect(after).toBe(rows);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  }, 60_000);
});
