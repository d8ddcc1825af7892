import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkbenchError } from '../../../shared/api/errors';

export type Db = Database.Database;

export interface Workspace {
  db: Db;
  path: string;
  schemaVersion: number;
  sqliteVersion: string;
  /** True when this open created the file (a fresh workspace to seed). */
  createdNow: boolean;
}

export interface OpenOptions {
  /** Create the file when it does not exist (the default workspace, `workspace.create`). */
  create?: boolean;
  /** Refuse to create when the file exists (`workspace.create` of a taken name). */
  mustNotExist?: boolean;
  /** A better-sqlite3 binary built for Electron's ABI; Node uses the one in node_modules. */
  nativeBinding?: string;
  migrationsDir?: string;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');
/** Page size of workspaces created from now on; existing ones keep theirs (any size works). */
const NEW_WORKSPACE_PAGE_SIZE = 16384;

/** Beside this module in the source tree; the Electron bundle passes the folder it ships instead. */
function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** Append-only numbered files `NNN-name.sql`; numbering must run 1..N without gaps. */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f)).sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 3));
    if (version !== index + 1) throw new Error(`Migration numbering has a gap or duplicate at ${file}`);
    return { version, name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
  });
}

function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    // A zero-length file is an empty database to SQLite; anything else must carry the header.
    if (read > 0 && (read < 16 || !head.equals(sqliteHeader))) {
      throw new WorkbenchError('workspace.notSqlite', { path: file });
    }
  } finally {
    fs.closeSync(fd);
  }
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function openConnection(file: string, nativeBinding: string | undefined): Db {
  try {
    return new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/NODE_MODULE_VERSION|was compiled against a different/.test(message)) {
      throw new WorkbenchError('workspace.abiMismatch', { detail: message.split('\n')[0] ?? message });
    }
    throw new WorkbenchError('workspace.cannotOpen', { path: file, detail: message });
  }
}

/**
 * Opens (or creates) a workspace: checks that the file is SQLite and that its schema reads, applies
 * pending migrations each in its own transaction after a quick check and a backup copy, and refuses
 * a workspace written by a newer app. Never overwrites a file that is not a workspace.
 *
 * No work at open grows with the file: `quick_check` reads every page (2.2 s on a 1M-row workspace
 * here, most of what `workbench info` took on it), so it runs only before a migration rewrites the
 * file. The app checks in the background once its first screen is up (./integrity.ts); `workbench
 * check` runs the full `integrity_check`.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);
  if (exists && options.mustNotExist) throw new WorkbenchError('workspace.exists', { path: resolved });
  if (!exists && !options.create) throw new WorkbenchError('workspace.notFound', { path: resolved });
  if (exists) {
    if (!fs.statSync(resolved).isFile()) throw new WorkbenchError('workspace.notSqlite', { path: resolved });
    checkHeader(resolved);
    // The workspace and its folder must be writable (SQLite keeps its -wal and -shm files beside it):
    // on a read-only share or medium, say so instead of failing at the first save.
    if (!writable(resolved) || !writable(path.dirname(resolved))) throw new WorkbenchError('workspace.readOnly', { path: resolved });
  } else {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
  }

  const db = openConnection(resolved, options.nativeBinding);
  try {
    db.pragma('busy_timeout = 5000');
    // Reading the schema (a few pages) refuses a file whose schema is damaged before any query does.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    // Refuse a newer workspace before anything is written to it, journal mode included.
    const migrations = loadMigrations(options.migrationsDir);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > migrations.length) {
      throw new WorkbenchError('workspace.tooNew', { path: resolved, found: current, supported: migrations.length });
    }
    if (current === 0) {
      // A new workspace gets 16 KiB pages: a 1M-row import spends about a tenth less time in SQLite
      // than with 4 KiB (fewer pages to split, log and checkpoint). Only a database without tables
      // takes a page size, and WAL writes the header, so this comes first. SQLite keeps the cache's
      // page count from the old size (16 MB of 4 KiB pages would become 62 MB): set it anew.
      const cacheSize = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`page_size = ${NEW_WORKSPACE_PAGE_SIZE}`);
      db.pragma(`cache_size = ${cacheSize}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // ANALYZE (run by migration 005 and by every import) samples this many rows per index: the
    // statistics the planner needs for skip-scans cost about 10 ms on a million rows instead of a scan.
    db.pragma('analysis_limit = 1000');
    if (current > 0 && current < migrations.length) {
      // A migration rewrites tables: never on a damaged file, and the backup is of a sound one.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new WorkbenchError('workspace.corrupt', { path: resolved, detail: String(check) });
      backupBeforeMigration(db, resolved, current);
    }
    for (const migration of migrations.slice(current)) {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    return {
      db,
      path: resolved,
      schemaVersion: migrations.length,
      sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      createdNow: !exists || current === 0,
    };
  } catch (error) {
    db.close();
    if (error instanceof WorkbenchError) throw error;
    const code = sqliteCode(error);
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'SQLITE_NOTADB') throw new WorkbenchError('workspace.notSqlite', { path: resolved });
    if (code === 'SQLITE_CORRUPT') throw new WorkbenchError('workspace.corrupt', { path: resolved, detail: message });
    throw new WorkbenchError('workspace.cannotOpen', { path: resolved, detail: message });
  }
}

/**
 * Copies are written under a temporary name and renamed when complete, so a process killed while
 * copying never leaves a file that looks like a finished backup (a stale partial one is replaced).
 */
function partialOf(target: string): string {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  return partial;
}

function backupBeforeMigration(db: Db, file: string, version: number): void {
  let target = `${file}.v${version}.bak`;
  for (let n = 2; fs.existsSync(target); n += 1) target = `${file}.v${version}.${n}.bak`;
  const partial = partialOf(target);
  db.prepare('VACUUM INTO ?').run(partial);
  fs.renameSync(partial, target);
}

export interface CheckResult {
  ok: boolean;
  integrity: string[];
  foreignKeyViolations: Array<{ table: string; rowid: number | null; parent: string }>;
}

/** Full `integrity_check` plus `foreign_key_check` (`workbench check`; the app runs `quick_check` in the background). */
export function checkWorkspace(db: Db): CheckResult {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const foreignKeyViolations = (db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>).map((r) => ({
    table: r.table,
    rowid: r.rowid,
    parent: r.parent,
  }));
  return { ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyViolations.length === 0, integrity, foreignKeyViolations };
}

/** A consistent copy through SQLite's online backup API; refuses to overwrite an existing file. */
export async function backupWorkspace(db: Db, out: string, onProgress?: (percent: number) => void): Promise<string> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new WorkbenchError('backup.targetExists', { path: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = partialOf(target);
  await db.backup(partial, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.(totalPages ? Math.round(((totalPages - remainingPages) / totalPages) * 100) : 100);
      return 256;
    },
  });
  fs.renameSync(partial, target);
  return target;
}

/** Above this many rows a table's count comes from the planner's statistics instead of a scan. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface TableCount {
  table: string;
  rows: number;
  /** Present when `rows` is the estimate of the last ANALYZE (sqlite_stat1), not a count. */
  approximate?: true;
}

/**
 * Rows per table without reading a large table: a table is counted up to EXACT_COUNT_LIMIT rows
 * (a few pages); past that, its row count is the one ANALYZE recorded (every import and migration
 * 005 run it), marked approximate. `count(*)` reads the whole of the table's smallest index (27 ms
 * for 1M rows from a warm cache here, more from disk, and it grows with the table). A table past the
 * limit without statistics, or whose statistics say it is smaller than it is, is counted.
 */
export function tableCounts(db: Db): TableCount[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const hasStats = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() !== undefined;
  // The first number of a stat1 row is the rows of its table; a partial index's counts only its own.
  const estimate = hasStats
    ? db
        .prepare('SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = @table AND (idx IS NULL OR idx NOT IN (SELECT name FROM pragma_index_list(@table) WHERE partial))')
        .pluck()
    : null;
  // Table names come from sqlite_schema itself, quoted as identifiers, never from input.
  return tables.map(({ name }) => {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const upTo = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${quoted} LIMIT ?)`).pluck().get(EXACT_COUNT_LIMIT + 1) as number;
    if (upTo <= EXACT_COUNT_LIMIT) return { table: name, rows: upTo };
    const recorded = (estimate?.get({ table: name }) as number | null | undefined) ?? null;
    if (recorded !== null && recorded > EXACT_COUNT_LIMIT) return { table: name, rows: recorded, approximate: true };
    return { table: name, rows: db.prepare(`SELECT count(*) FROM ${quoted}`).pluck().get() as number };
  });
}
