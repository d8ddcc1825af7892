// Faults a workspace meets on real machines: another program holding the file, a full disk. Each
// gives a clear error in the user's language, loses nothing already saved, and half-writes nothing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { tempService } from '../../helpers/temp';

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
    expect(service.db.prepare('SELECT count(*) FROM targets').pluck().get()).toBe(17);

    service.db.pragma('max_page_count = 1073741823');
    const retried = await dispatch(service, 'register.import', file);
    expect(retried.ok).toBe(true);
    expect(service.db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(3000);
    expect(service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    service.close();
  }, 30_000);
});
