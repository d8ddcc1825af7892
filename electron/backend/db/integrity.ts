// The workspace's quick check, away from the start: `openWorkspace` reads only the schema, and the
// app shell asks for this once its first screen is up. SQLite's quick_check reads every page (2.2 s
// for a 1M-row workspace here, far more for 10M), so it runs in a child process with its own
// read-only connection: the API stays free meanwhile, and closing the workspace or the app stops it
// at once (a worker thread cannot be stopped inside SQLite, and Node waits for it before exiting).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { IntegrityStatus } from '../../../shared/api/integrity-contract';
import type { Handlers, ServiceContext } from '../context';
import type { Db } from './workspace';

// Plain CommonJS run by `node -e` (Electron's binary with ELECTRON_RUN_AS_NODE), so it needs no build
// step. Prints one JSON line: quick_check's rows, or the error that stopped it with SQLite's code.
const CHECK_SOURCE = `
const [module, file, nativeBinding] = process.argv.slice(1);
const Database = require(module);
let reply;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  reply = { rows: db.pragma('quick_check').map((r) => r.quick_check) };
  db.close();
} catch (error) {
  reply = { code: String((error && error.code) || ''), message: String((error && error.message) || error) };
}
process.stdout.write(JSON.stringify(reply) + '\\n');
`;

type Reply = { rows: string[] } | { code: string; message: string };

/** SQLite's answer as a status: its own `ok`, or its findings (a read that hit a damaged page is one). */
export function statusOf(reply: Reply): IntegrityStatus {
  if ('rows' in reply) return reply.rows.length === 1 && reply.rows[0] === 'ok' ? { state: 'ok', problems: [] } : { state: 'damaged', problems: reply.rows };
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(reply.code)) return { state: 'damaged', problems: [reply.message] };
  return { state: 'unavailable', problems: [reply.message] };
}

interface Check {
  status: IntegrityStatus;
  child: ChildProcess | null;
}

/** Checks by connection: a workspace opened again (or another one) is checked afresh. */
const checks = new Map<Db, Check>();

function stop(check: Check): void {
  check.child?.kill();
  check.child = null;
}

process.once('exit', () => {
  for (const check of checks.values()) stop(check);
});

function start(file: string, nativeBinding: string | undefined): Check {
  const check: Check = { status: { state: 'checking', problems: [] }, child: null };
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const env = process.versions.electron ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
  const child = spawn(process.execPath, ['-e', CHECK_SOURCE, sqlite, file, nativeBinding ?? ''], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  check.child = child;
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  child.on('error', (error) => {
    check.child = null;
    check.status = { state: 'unavailable', problems: [error.message] };
  });
  child.on('close', (code, signal) => {
    if (check.child !== child) return;
    check.child = null;
    try {
      check.status = statusOf(JSON.parse(out) as Reply);
    } catch {
      check.status = { state: 'unavailable', problems: [err.trim() || `exit ${signal ?? code}`] };
    }
  });
  // A check in progress never keeps a process alive; the exit handler above ends it.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket).unref();
  return check;
}

/** The status of the open workspace's check, starting it on the first call for this connection. */
export function integrityOf(db: Db, file: string, nativeBinding?: string): IntegrityStatus {
  for (const [other, check] of checks) {
    if (!other.open) {
      stop(check);
      checks.delete(other);
    }
  }
  let check = checks.get(db);
  if (!check) {
    check = start(file, nativeBinding);
    checks.set(db, check);
  }
  return check.status;
}

export function integrityHandlers(ctx: ServiceContext): Pick<Handlers, 'workspace.integrity'> {
  return { 'workspace.integrity': () => integrityOf(ctx.db, ctx.workspace.path, ctx.env.nativeBinding) };
}
