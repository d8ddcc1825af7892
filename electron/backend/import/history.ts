// Import provenance: the list of imports, finding an earlier import of the same file, and undo.

import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { assertIdle } from './busy';
import { DataError } from './problems';
import type { ConflictPolicy, ImportRecord, Mapping, RemovedEntry, UndoSummary } from './types';

interface ImportRow {
  id: number;
  file_name: string;
  sha256: string;
  size_bytes: number;
  encoding: string;
  sheet: string | null;
  layout: string;
  mapping: string;
  rows_read: number;
  rows_written: number;
  rows_skipped: number;
  rows_replaced: number;
  cells_blank: number;
  source_note: string;
  imported_at: string;
  undone_at: string | null;
  measure: string | null;
  measure_name: string | null;
  measure_name_en: string | null;
  released: string;
  release_label: string;
  on_conflict: string;
}

/** An import's row with its measure's names (migration 008). */
const SELECT_IMPORT = `SELECT i.*, m.name_zh AS measure_name, m.name_en AS measure_name_en FROM imports i LEFT JOIN measures m ON m.code = i.measure`;

const CONFLICT_POLICIES: readonly string[] = ['replace', 'keep', 'fail', 'revise'];

function parseMapping(text: string): Mapping | null {
  try {
    const m = JSON.parse(text) as Partial<Mapping>;
    return Array.isArray(m.columns) && typeof m.headerRow === 'number' ? (m as Mapping) : null;
  } catch {
    return null;
  }
}

function toRecord(r: ImportRow): ImportRecord {
  const mapping = parseMapping(r.mapping);
  return {
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    encoding: r.encoding,
    sheet: r.sheet,
    layout: r.layout,
    mapping,
    rowsRead: r.rows_read,
    rowsWritten: r.rows_written,
    rowsSkipped: r.rows_skipped,
    rowsReplaced: r.rows_replaced,
    blankCells: r.cells_blank,
    sourceNote: r.source_note,
    importedAt: r.imported_at,
    undoneAt: r.undone_at,
    measure: r.measure,
    measureName: r.measure_name ?? r.measure ?? '',
    measureNameEn: r.measure_name_en ?? r.measure ?? '',
    measureColumn: mapping?.columns.some((c) => c.role === 'measure') ?? false,
    released: r.released,
    releaseLabel: r.release_label,
    onConflict: CONFLICT_POLICIES.includes(r.on_conflict) ? (r.on_conflict as ConflictPolicy) : '',
  };
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** All imports, newest first, undone ones included (they show as undone). */
export function listImports(db: Database.Database): ImportRecord[] {
  return (db.prepare(`${SELECT_IMPORT} ORDER BY i.id DESC`).all() as ImportRow[]).map(toRecord);
}

export function getImport(db: Database.Database, id: number): ImportRecord | null {
  const r = db.prepare(`${SELECT_IMPORT} WHERE i.id = ?`).get(id) as ImportRow | undefined;
  return r ? toRecord(r) : null;
}

/** The latest import (not undone) of a file with this SHA-256, if any. */
export function findDuplicate(db: Database.Database, sha256: string): ImportRecord | null {
  const r = db.prepare(`${SELECT_IMPORT} WHERE i.sha256 = ? AND i.undone_at IS NULL ORDER BY i.id DESC LIMIT 1`).get(sha256) as ImportRow | undefined;
  return r ? toRecord(r) : null;
}

interface ReplacedRow {
  indicator: string;
  region: string;
  period: string;
  year: number;
  value: number | null;
  unit: string;
  original: string;
  status: string;
  prior_import_id: number | null;
  source: string;
  note: string;
  observation_id: number | null;
  measure: string | null;
  bound: string;
  released: string;
  release_label: string;
}

/**
 * The catalogue entries (of `table`, named by `column` in the tables that use them) that import `id`
 * added and nothing uses once its rows are gone: no observation, no replaced row kept for another
 * import's undo, no target, no definition break, no saved chart or scenario naming the code (as a
 * JSON string: a code a chart names is kept, whatever field it is in), and no indicator named as its
 * parent (`inUse`: the parent relations this import recorded are gone by then). Those are deleted and returned.
 * One still used by another import's rows passes to the latest of those imports, whose undo then
 * looks at it again; one used by nothing an import wrote stays the workspace's.
 */
function removeCreated(db: Database.Database, table: 'indicators' | 'regions', column: 'indicator' | 'region', id: number, inUse = ''): RemovedEntry[] {
  const created = db
    .prepare(
      `SELECT code, name_zh AS nameZh, name_en AS nameEn FROM ${table} e WHERE created_by_import = ?
         AND NOT EXISTS (SELECT 1 FROM observations WHERE ${column} = e.code)
         AND NOT EXISTS (SELECT 1 FROM import_replaced WHERE ${column} = e.code)
         AND NOT EXISTS (SELECT 1 FROM targets WHERE ${column} = e.code)
         AND NOT EXISTS (SELECT 1 FROM definition_breaks WHERE ${column} = e.code)
         AND NOT EXISTS (SELECT 1 FROM charts WHERE instr(spec, json_quote(e.code)) > 0)
         AND NOT EXISTS (SELECT 1 FROM scenario_versions WHERE instr(definition, json_quote(e.code)) > 0)
         ${inUse}
       ORDER BY code`,
    )
    .all(id) as RemovedEntry[];
  const remove = db.prepare(`DELETE FROM ${table} WHERE code = ?`);
  for (const e of created) remove.run(e.code);
  db.prepare(`UPDATE ${table} SET created_by_import = (SELECT max(import_id) FROM observations WHERE ${column} = ${table}.code) WHERE created_by_import = ?`).run(id);
  return created;
}

/**
 * Undo an import: delete exactly the rows it wrote and bring back the rows it replaced (with their
 * measure, bound and release), in one transaction; then take away the parents it recorded for
 * indicators (sub-items become top-level again) and remove the indicators and regions it added that
 * nothing uses any more (removeCreated). A replaced row whose key a later import has taken
 * since stays out, moved to that later import's replaced list, so undoing the later import brings it
 * back in turn.
 *
 * Earlier releases (observation_releases, keyed by the observation's id without a foreign key) follow:
 * those this import moved there under 'revise' are deleted, a restored row keeps its id and so its
 * history (the seed's first release of a figure, say), and at the end the releases of rows that no
 * longer exist are deleted.
 */
export function undoImport(db: Database.Database, id: number): UndoSummary {
  assertIdle(db);
  const run = db.transaction((): UndoSummary => {
    const rec = db.prepare('SELECT id, undone_at FROM imports WHERE id = ?').get(id) as { id: number; undone_at: string | null } | undefined;
    if (!rec) throw new DataError('import.not-found', { id });
    if (rec.undone_at) throw new DataError('import.already-undone', { id, undoneAt: rec.undone_at });

    const rowsDeleted = db.prepare('DELETE FROM observations WHERE import_id = ?').run(id).changes;
    // Rows of this import that later imports replaced are gone with it: those imports must not
    // bring them back when they are undone, nor keep them as an earlier release (a later 'revise'
    // saved the same row in both places).
    db.prepare(
      `DELETE FROM observation_releases WHERE import_id IS NOT NULL AND EXISTS (
         SELECT 1 FROM import_replaced r WHERE r.prior_import_id = ? AND r.import_id <> ? AND r.import_id = observation_releases.import_id AND r.observation_id = observation_releases.observation_id)`,
    ).run(id, id);
    db.prepare('DELETE FROM import_replaced WHERE prior_import_id = ? AND import_id <> ?').run(id, id);

    const replaced = db.prepare('SELECT * FROM import_replaced WHERE import_id = ? ORDER BY rowid').all(id) as ReplacedRow[];
    const occupant = db.prepare('SELECT id, import_id FROM observations WHERE indicator = ? AND region = ? AND period = ? AND status = ?');
    const idTaken = db.prepare('SELECT 1 FROM observations WHERE id = ?').pluck();
    const restore = db.prepare(
      `INSERT INTO observations (id, indicator, region, period, year, value, unit, original, status, import_id, source, note, measure, bound, released, release_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const handOver = db.prepare(
      `INSERT INTO import_replaced (import_id, indicator, region, period, year, value, unit, original, status, prior_import_id, source, note, observation_id, measure, bound, released, release_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // The release this import moved into the history of a row a later import now holds belongs to that import now.
    const handOverRelease = db.prepare('UPDATE observation_releases SET import_id = ? WHERE import_id = ? AND observation_id = ?');
    let rowsRestored = 0;
    for (const r of replaced) {
      const holder = occupant.get(r.indicator, r.region, r.period, r.status) as { id: number; import_id: number | null } | undefined;
      if (!holder) {
        const keepId = r.observation_id !== null && !idTaken.get(r.observation_id) ? r.observation_id : null;
        restore.run(keepId, r.indicator, r.region, r.period, r.year, r.value, r.unit, r.original, r.status, r.prior_import_id, r.source, r.note, r.measure, r.bound, r.released, r.release_label);
        rowsRestored++;
      } else if (holder.import_id !== null) {
        handOver.run(
          holder.import_id, r.indicator, r.region, r.period, r.year, r.value, r.unit, r.original, r.status, r.prior_import_id, r.source, r.note, r.observation_id,
          r.measure, r.bound, r.released, r.release_label,
        );
        if (r.observation_id !== null) handOverRelease.run(holder.import_id, id, r.observation_id);
      }
      // A row entered by hand holds the key: it is newer than the replaced row and stays.
    }
    db.prepare('DELETE FROM import_replaced WHERE import_id = ?').run(id);
    db.prepare('DELETE FROM observation_releases WHERE import_id = ?').run(id);
    db.prepare('DELETE FROM observation_releases WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.id = observation_releases.observation_id)').run();
    db.prepare('UPDATE indicators SET parent = NULL, parent_by_import = NULL WHERE parent_by_import = ?').run(id);
    const removedIndicators = removeCreated(db, 'indicators', 'indicator', id, 'AND NOT EXISTS (SELECT 1 FROM indicators c WHERE c.parent = e.code)');
    const removedRegions = removeCreated(db, 'regions', 'region', id);
    db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    return { importId: id, rowsDeleted, rowsRestored, removedIndicators, removedRegions };
  });
  return run.immediate();
}
