// One writer at a time per workspace connection. An import holds its transaction open across
// awaits (to report progress and honour cancel), so any other write on the same connection would
// silently join that transaction and be rolled back with it on cancel. Writers check here first.

import type Database from 'better-sqlite3';
import { DataError } from './problems';

const running = new WeakSet<Database.Database>();

/** Mark the connection busy for a long write; returns the release function. */
export function holdWorkspace(db: Database.Database): () => void {
  if (running.has(db)) throw new DataError('import.busy');
  running.add(db);
  return () => running.delete(db);
}

/** Throw when an import is writing on this connection. */
export function assertIdle(db: Database.Database): void {
  if (running.has(db)) throw new DataError('import.busy');
}

/** Whether an import is writing on this connection. */
export function isHeld(db: Database.Database): boolean {
  return running.has(db);
}
