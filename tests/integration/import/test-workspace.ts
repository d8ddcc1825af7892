// A workspace for tests: a fresh SQLite file with every migration applied, as openWorkspace does.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const migrations = fileURLToPath(new URL('../../../electron/backend/db/migrations/', import.meta.url));

export function applyMigrations(db: Database.Database): void {
  for (const f of readdirSync(migrations).filter((n) => /^\d+-.*\.sql$/.test(n)).sort()) {
    db.exec(readFileSync(join(migrations, f), 'utf8'));
  }
}

export function openTestDb(path: string, migrate = false): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  if (migrate) applyMigrations(db);
  return db;
}

export interface TestWorkspace {
  db: Database.Database;
  dir: string;
  path: string;
  close(): void;
}

export function createTestWorkspace(): TestWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'wb-import-'));
  const path = join(dir, 'workspace.sqlite');
  const db = openTestDb(path, true);
  return {
    db,
    dir,
    path,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wb-files-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
