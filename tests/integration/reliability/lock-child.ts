// Run by faults.test.ts: holds an exclusive write lock on a workspace, as another program would,
// until it is killed.
import Database from 'better-sqlite3';

const [workspace] = process.argv.slice(2);
if (!workspace) throw new Error('usage: lock-child.ts WORKSPACE');
const db = new Database(workspace);
db.exec('BEGIN EXCLUSIVE');
db.prepare("INSERT INTO settings (key, value) VALUES ('lock-child', 'holding')").run();
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
