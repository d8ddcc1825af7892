// Run by kill.test.ts in a child process: imports a file into a workspace and reports progress on
// stdout, so the test can SIGKILL it in the middle of the import's transaction. With HOLD_MS, the
// first report (made inside the transaction, after the first batch is written) is followed by a
// synchronous wait that long, so that a small file's import is still open when the kill lands.

import Database from 'better-sqlite3';
import { commitImport } from '../../../electron/backend/import/commit';

const [workspace, file, holdMs] = process.argv.slice(2);
if (!workspace || !file) throw new Error('usage: kill-child.ts WORKSPACE FILE [HOLD_MS]');
const db = new Database(workspace);
db.pragma('foreign_keys = ON');
db.pragma('journal_mode = WAL');
let held = holdMs === undefined;
process.stdout.write('ready\n');
const summary = await commitImport(db, file, { onConflict: 'fail' }, {
  onProgress: (p) => {
    process.stdout.write(`progress ${p.rows} ${p.percent.toFixed(1)}\n`);
    if (!held) {
      held = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
    }
  },
});
process.stdout.write(`done ${summary.status}\n`);
