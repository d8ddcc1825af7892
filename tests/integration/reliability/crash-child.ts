// Run by crash.test.ts in a child process that the test SIGKILLs at a random moment. Each mode loops
// over one kind of work and prints a line after each unit is committed, so the test knows what must
// survive the kill.
import { dispatch } from '../../../electron/backend/dispatch';
import { backupWorkspace, openWorkspace } from '../../../electron/backend/db/workspace';
import { WorkbenchService } from '../../../electron/backend/service';

const [mode, workspace, dataDir, extra] = process.argv.slice(2);
if (!mode || !workspace || !dataDir) throw new Error('usage: crash-child.ts save|backup|migrate WORKSPACE DATADIR [OUT]');

async function ok(service: WorkbenchService, method: string, input: unknown): Promise<unknown> {
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result;
}

if (mode === 'migrate') {
  process.stdout.write('ready\n');
  openWorkspace(workspace).db.close();
  process.stdout.write('migrated\n');
} else {
  const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'crash-test' }, workspace, { create: false, remember: false });
  process.stdout.write('ready\n');
  if (mode === 'save') {
    const { definition } = (await ok(service, 'scenarios.get', { id: 1 })) as { definition: Record<string, unknown> };
    for (let k = 1; ; k++) {
      await ok(service, 'scenarios.save', { id: 1, definition, note: `crash ${k}` });
      await ok(service, 'targets.recordActual', { code: 'A3', year: 1950 + (k % 150), value: k, source: `crash ${k}` });
      await ok(service, 'tasks.save', { task: { plan: 'A', area: 'A.1', title: `crash ${k}` } });
      process.stdout.write(`saved ${k}\n`);
    }
  } else if (mode === 'backup') {
    for (let k = 1; ; k++) {
      await backupWorkspace(service.db, `${extra}-${k}.sqlite`);
      process.stdout.write(`backup ${k}\n`);
    }
  }
}
