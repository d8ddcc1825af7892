// Run by kill.test.ts in a child process: imports a CSV into a workspace and reports progress on
// stdout, so the test can SIGKILL it in the middle of the import's transaction.

import Database from 'better-sqlite3';
import { commitImport } from '../../../electron/backend/import/commit';

const [workspace, file] = process.argv.slice(2);
if (!workspace || !file) throw new Error('usage: kill-child.ts WORKSPACE FILE');
const db = new Database(workspace);
db.pragma('foreign_keys = ON');
db.pragma('journal_mode = WAL');
const summary = await commitImport(db, file, { onConflict: 'fail' }, { onProgress: (p) => process.stdout.write(`progress ${p.rows} ${p.percent.toFixed(1)}\n`) });
process.stdout.write(`done ${summary.status}\n`);
