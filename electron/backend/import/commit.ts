// Committing an import: one transaction holding the provenance row, any new indicators and regions,
// and every observation. Parsing runs ahead in a worker for large files while this thread inserts.
// A rejected row (without skipBadRows), a conflict under onConflict 'fail', a cancel, an exception or
// a killed process all leave the workspace exactly as it was.

import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { holdWorkspace } from './busy';
import { Catalogue, writeNewEntries } from './catalogue';
import { CodeTables } from './code-tables';
import { findDuplicate, hashFile } from './history';
import { parseEvents } from './parse-source';
import type { PipelineEvent, TableMeta } from './parse-pipeline';
import { DataError, PROBLEM_SEVERITY, ProblemList } from './problems';
import type { ParsedBatch } from './row-mapper';
import type { CommitOptions, ImportSummary, RunControl } from './types';
import type { LayoutResult } from './layout';

const COLUMNS = 'indicator, region, period, year, value, unit, original, status, import_id, source, note';
const PARAMS_PER_ROW = 11;
/** Columns bound per row when unit, status, source and note are the same across a chunk. */
const VARYING_PER_ROW = 6;
/** Rows per multi-row INSERT: fewer calls into SQLite, far less per-row overhead than one call each. */
const ROWS_PER_INSERT = 128;
const YIELD_MS = 25;
const PROGRESS_MS = 100;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function encodingLabel(meta: TableMeta): string {
  if (!meta.encoding) return '';
  return meta.encoding.bom ? `${meta.encoding.name} (BOM)` : meta.encoding.name;
}

export function sourceNoteOf(layout: LayoutResult, trailing: readonly string[]): string {
  return [...layout.notes, ...trailing].join('\n');
}

/** The `数据来源：X` of a file's notes, the default source of its rows. */
export function sourceFromNotes(notes: readonly string[]): string {
  for (const n of notes) {
    const m = /^(?:数据来源|资料来源|来源|sources?)\s*[：:]\s*(.+)$/i.exec(n.trim());
    if (m?.[1]) return m[1].trim();
  }
  return '';
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

class Writer {
  written = 0;
  replaced = 0;
  kept = 0;
  duplicates = 0;
  /** Set by a conflict under 'fail' or by the first bad row without skipBadRows: stop writing. */
  failed = false;
  private readonly multi = new Map<number, Database.Statement>();
  private readonly one: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly saveReplaced: Database.Statement;
  private readonly overwrite: Database.Statement;
  private readonly args: unknown[] = new Array(ROWS_PER_INSERT * PARAMS_PER_ROW);
  private readonly uniformArgs: unknown[] = new Array(5 + ROWS_PER_INSERT * VARYING_PER_ROW);
  private uniform: Database.Statement | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly importId: number,
    private readonly options: CommitOptions,
    private readonly codes: CodeTables,
    private readonly problems: ProblemList,
  ) {
    this.one = db.prepare(`INSERT INTO observations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    this.byKey = db.prepare('SELECT id, import_id FROM observations WHERE indicator = ? AND region = ? AND period = ? AND status = ?');
    this.saveReplaced = db.prepare(
      `INSERT INTO import_replaced (import_id, indicator, region, period, year, value, unit, original, status, prior_import_id, source, note, observation_id)
       SELECT ?, indicator, region, period, year, value, unit, original, status, import_id, source, note, id FROM observations WHERE id = ?`,
    );
    this.overwrite = db.prepare('UPDATE observations SET year = ?, value = ?, unit = ?, original = ?, import_id = ?, source = ?, note = ? WHERE id = ?');
  }

  /** INSERT of `rows` rows with every column bound per row. */
  private statement(rows: number): Database.Statement {
    let st = this.multi.get(rows);
    if (!st) {
      const tuple = `(${new Array(PARAMS_PER_ROW).fill('?').join(', ')})`;
      st = this.db.prepare(`INSERT INTO observations (${COLUMNS}) VALUES ${new Array(rows).fill(tuple).join(', ')}`);
      this.multi.set(rows, st);
    }
    return st;
  }

  /**
   * The same INSERT for a full chunk of rows that share unit, status, source and note (nearly every
   * chunk of a file): those and the import id are bound once per statement, saving about a sixth of
   * the insert time.
   */
  private uniformStatement(): Database.Statement {
    if (!this.uniform) {
      const tuple = `(${new Array(VARYING_PER_ROW).fill('?').join(', ')})`;
      this.uniform = this.db.prepare(
        `INSERT INTO observations (${COLUMNS})
         SELECT column1, column2, column3, column4, column5, ?, column6, ?, ?, ?, ? FROM (VALUES ${new Array(ROWS_PER_INSERT).fill(tuple).join(', ')}) WHERE true`,
      );
    }
    return this.uniform;
  }

  write(b: ParsedBatch): void {
    const { indicatorCode, regionCode, strings, year } = this.codes;
    let i = 0;
    let prevEnd = 0;
    for (; i + ROWS_PER_INSERT <= b.count && !this.failed; i += ROWS_PER_INSERT) {
      const end = i + ROWS_PER_INSERT;
      if (!this.sharesConstants(b, i, end)) {
        prevEnd = this.fillFull(b, i, end, prevEnd);
        this.flush(b, i, ROWS_PER_INSERT, this.args);
        continue;
      }
      const start = prevEnd;
      const args = this.uniformArgs;
      args[0] = strings[b.unit[i]!];
      args[1] = strings[b.status[i]!];
      args[2] = this.importId;
      args[3] = strings[b.source[i]!];
      args[4] = strings[b.note[i]!];
      for (let r = i, o = 5; r < end; r++, o += VARYING_PER_ROW) {
        const per = b.period[r]!;
        const v = b.value[r]!;
        const e = b.originalEnd[r]!;
        args[o] = indicatorCode[b.indicator[r]!];
        args[o + 1] = regionCode[b.region[r]!];
        args[o + 2] = strings[per];
        args[o + 3] = year[per];
        args[o + 4] = Number.isNaN(v) ? null : v;
        args[o + 5] = b.original.substring(prevEnd, e);
        prevEnd = e;
      }
      try {
        this.uniformStatement().run(args);
        this.written += ROWS_PER_INSERT;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        this.fillFull(b, i, end, start);
        this.redo(b, i, ROWS_PER_INSERT);
      }
    }
    if (i < b.count && !this.failed) {
      const rows = b.count - i;
      this.fillFull(b, i, b.count, prevEnd);
      this.flush(b, i, rows, this.args.slice(0, rows * PARAMS_PER_ROW));
    }
  }

  private sharesConstants(b: ParsedBatch, start: number, end: number): boolean {
    const { unit, status, source, note } = b;
    const u = unit[start];
    const st = status[start];
    const so = source[start];
    const n = note[start];
    for (let r = start + 1; r < end; r++) if (unit[r] !== u || status[r] !== st || source[r] !== so || note[r] !== n) return false;
    return true;
  }

  /** Put rows start..end into `args` with every column; returns the end offset of the last original text. */
  private fillFull(b: ParsedBatch, start: number, end: number, prevEnd: number): number {
    const { indicatorCode, regionCode, strings, year } = this.codes;
    const args = this.args;
    let off = prevEnd;
    for (let r = start, o = 0; r < end; r++, o += PARAMS_PER_ROW) {
      const per = b.period[r]!;
      const v = b.value[r]!;
      const e = b.originalEnd[r]!;
      args[o] = indicatorCode[b.indicator[r]!];
      args[o + 1] = regionCode[b.region[r]!];
      args[o + 2] = strings[per];
      args[o + 3] = year[per];
      args[o + 4] = Number.isNaN(v) ? null : v;
      args[o + 5] = strings[b.unit[r]!];
      args[o + 6] = b.original.substring(off, e);
      args[o + 7] = strings[b.status[r]!];
      args[o + 8] = this.importId;
      args[o + 9] = strings[b.source[r]!];
      args[o + 10] = strings[b.note[r]!];
      off = e;
    }
    return off;
  }

  private flush(b: ParsedBatch, start: number, rows: number, args: unknown[]): void {
    try {
      this.statement(rows).run(args);
      this.written += rows;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      this.redo(b, start, rows);
    }
  }

  /** A statement failed on a key and was rolled back whole: redo its rows (still in `args`) one by one. */
  private redo(b: ParsedBatch, start: number, rows: number): void {
    for (let j = 0; j < rows && !this.failed; j++) this.writeOne(b, start + j, j);
  }

  private writeOne(b: ParsedBatch, i: number, slot: number): void {
    const o = slot * PARAMS_PER_ROW;
    const row = this.args.slice(o, o + PARAMS_PER_ROW);
    if (this.one.run(row).changes === 1) {
      this.written++;
      return;
    }
    const [indicator, region, period, year, value, unit, original, status, , source, note] = row;
    const holder = this.byKey.get(indicator, region, period, status) as { id: number; import_id: number | null };
    const at = [b.row[i]!, b.column[i]!] as const;
    if (holder.import_id === this.importId) {
      this.duplicates++;
      this.problems.add('row.duplicate-key', { indicator: String(indicator), region: String(region), period: String(period), status: String(status) }, ...at);
      if (!this.options.skipBadRows) this.failed = true;
      return;
    }
    switch (this.options.onConflict) {
      case 'keep':
        this.kept++;
        return;
      case 'fail':
        this.problems.add('conflict.exists', { indicator: String(indicator), region: String(region), period: String(period), status: String(status) }, ...at);
        this.failed = true;
        return;
      case 'replace':
        this.saveReplaced.run(this.importId, holder.id);
        this.overwrite.run(year, value, unit, original, this.importId, source, note, holder.id);
        this.replaced++;
        this.written++;
        return;
    }
  }
}

interface PragmaState {
  foreignKeys: number;
  ignoreChecks: number;
}

/**
 * Bulk-load settings for the import's transaction. Every row is validated before it is written
 * (status against the same list as the CHECK constraint; indicator, region and import rows created
 * first in the same transaction), so SQLite's own per-row CHECK and foreign-key lookups are redundant
 * here and cost about a quarter of the insert time. Both are restored when the import ends.
 */
function enterBulk(db: Database.Database): PragmaState {
  const state = {
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    ignoreChecks: Number(db.pragma('ignore_check_constraints', { simple: true })),
  };
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  return state;
}

function leaveBulk(db: Database.Database, state: PragmaState): void {
  db.pragma(`foreign_keys = ${state.foreignKeys ? 'ON' : 'OFF'}`);
  db.pragma(`ignore_check_constraints = ${state.ignoreChecks ? 'ON' : 'OFF'}`);
}

/**
 * Indexes of observations that a large import into a small table builds once at the end instead of
 * keeping up row by row. The region index is filled in an order unlike the file's, so each row
 * lands somewhere else in it; sorting all keys once costs about 40% less (1M rows: 0.5 s kept up,
 * 0.3 s built). The unique key stays (it finds conflicts and duplicates while writing), and so does
 * the import index (appended in order, as cheap kept up as built). Dropped and built inside the
 * import's transaction: a rollback, a cancel or a killed process leaves the index as it was.
 */
const REBUILT_INDEXES = ['observations_region'];
/** Observations an import must be expected to bring, at the least, before rebuilding pays. */
const REBUILD_MIN_ROWS = 50_000;

/**
 * Whether to build REBUILT_INDEXES after the load: the import is expected (from its first batch's
 * rows per byte) to bring at least REBUILD_MIN_ROWS observations and at least twice the rows the
 * table holds, since building covers the rows already there too.
 */
function worthRebuilding(db: Database.Database, first: ParsedBatch, size: number): boolean {
  if (first.bytesRead <= 0) return false;
  const expected = (first.count * Math.max(size, first.bytesRead)) / first.bytesRead;
  if (expected < REBUILD_MIN_ROWS) return false;
  const cap = Math.floor(expected / 2) + 1;
  const existing = db.prepare('SELECT count(*) FROM (SELECT 1 FROM observations LIMIT ?)').pluck().get(cap) as number;
  return existing < cap;
}

/** Drop REBUILT_INDEXES (in the open transaction); returns the statements that create them again. */
function dropForRebuild(db: Database.Database): string[] {
  const find = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'observations' AND name = ?").pluck();
  const definitions: string[] = [];
  for (const name of REBUILT_INDEXES) {
    const sql = find.get(name) as string | undefined;
    if (!sql) continue;
    db.exec(`DROP INDEX "${name}"`);
    definitions.push(sql);
  }
  return definitions;
}

export async function commitImport(db: Database.Database, filePath: string, options: CommitOptions, control: RunControl = {}): Promise<ImportSummary> {
  const started = performance.now();
  const release = holdWorkspace(db);
  try {
    if (db.inTransaction) throw new DataError('import.busy');
    const fileName = options.fileName ?? basename(filePath);
    const size = await stat(filePath).then((s) => s.size, () => 0);
    const catalogue = new Catalogue(db);
    const events = parseEvents({ filePath, fileName, options, regionNames: catalogue.regionNames() }, size, control.useWorker, control.signal);
    // Parsing starts (and the worker boots) while this thread hashes the file.
    const first = events.next();
    first.catch(() => undefined);
    try {
      const sha256 = await hashFile(filePath).catch(() => '');
      if (!options.allowDuplicate && sha256) {
        const dup = findDuplicate(db, sha256);
        if (dup) throw new DataError('file.duplicate', { importId: dup.id, fileName: dup.fileName, importedAt: dup.importedAt });
      }
      return await runCommit(db, first, events, { fileName, sha256, size, options, control, catalogue, started });
    } finally {
      await events.return(undefined);
    }
  } finally {
    release();
  }
}

interface CommitContext {
  fileName: string;
  sha256: string;
  size: number;
  options: CommitOptions;
  control: RunControl;
  catalogue: Catalogue;
  started: number;
}

async function runCommit(
  db: Database.Database,
  firstEvent: Promise<IteratorResult<PipelineEvent>>,
  events: AsyncGenerator<PipelineEvent>,
  c: CommitContext,
): Promise<ImportSummary> {
  const { options, control } = c;
  let problems = new ProblemList({ file: c.fileName, sheet: null });
  const summary: ImportSummary = {
    status: 'rejected',
    importId: null,
    rowsRead: 0,
    rowsWritten: 0,
    rowsSkipped: 0,
    rowsReplaced: 0,
    rowsKept: 0,
    sourceNote: '',
    problems: problems.items,
    problemCount: 0,
    errorCount: 0,
    durationMs: 0,
  };
  const finish = (status: ImportSummary['status']): ImportSummary => {
    summary.status = status;
    summary.problemCount = problems.total;
    summary.errorCount = problems.errors;
    summary.durationMs = Math.round(performance.now() - c.started);
    return summary;
  };
  let first: IteratorResult<PipelineEvent>;
  try {
    first = await firstEvent;
  } catch (e) {
    if (e instanceof DataError && e.code === 'import.cancelled') return finish('cancelled');
    throw e;
  }
  if (first.done || first.value.type !== 'layout') throw new Error('parse pipeline gave no layout');
  const { meta, layout } = first.value;
  problems = new ProblemList({ file: c.fileName, sheet: meta.sheet });
  for (const p of layout.problems) problems.add(p.code, p.params, p.row, p.column);
  summary.problems = problems.items;
  summary.sourceNote = sourceNoteOf(layout, []);
  if (layout.problems.some((p) => PROBLEM_SEVERITY[p.code] === 'error')) return finish('rejected');

  const codes = new CodeTables(c.catalogue);
  const pragmas = enterBulk(db);
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file_name, sha256, size_bytes, encoding, sheet, layout, mapping, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(c.fileName, c.sha256, c.size, encodingLabel(meta), meta.sheet, layout.layout.kind, JSON.stringify(layout.mapping), new Date().toISOString()).lastInsertRowid,
    );
    const writer = new Writer(db, importId, options, codes, problems);
    const trailing: string[] = [];
    let observations = 0;
    let bad = 0;
    let unclosed = false;
    /** Definitions of the indexes dropped for the load, to build before commit; null until decided. */
    let rebuild: string[] | null = null;
    let lastYield = performance.now();
    let lastProgress = 0;
    const t0 = performance.now();

    for await (const ev of events) {
      if (ev.type === 'end') {
        unclosed = ev.unclosedQuote;
        break;
      }
      if (ev.type !== 'batch') continue;
      const b = ev.batch;
      problems.merge(b.problems, b.problemTotal, b.errorTotal);
      trailing.push(...b.trailingNotes);
      summary.rowsRead += b.rowsRead;
      bad += b.badObservations;
      observations += b.count + b.badObservations;
      codes.absorb(b, problems);
      writeNewEntries(db, c.catalogue.takeNew(), c.fileName);
      if (b.errorTotal > 0 && !options.skipBadRows) writer.failed = true;
      if (rebuild === null && b.count > 0 && !writer.failed) rebuild = worthRebuilding(db, b, c.size) ? dropForRebuild(db) : [];
      if (!writer.failed) writer.write(b);

      const now = performance.now();
      if (control.onProgress && now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        const seconds = (now - t0) / 1000;
        control.onProgress({ phase: 'writing', rows: observations, percent: c.size ? Math.min(100, (b.bytesRead / c.size) * 100) : 100, rate: seconds > 0 ? Math.round(observations / seconds) : 0 });
      }
      if (now - lastYield >= YIELD_MS) {
        await yieldToLoop();
        lastYield = performance.now();
      }
      if (control.signal?.aborted) throw new DataError('import.cancelled');
    }
    if (unclosed) problems.add('csv.unclosed-quote', {}, null, null);

    summary.sourceNote = sourceNoteOf(layout, trailing);
    summary.rowsWritten = writer.written;
    summary.rowsReplaced = writer.replaced;
    summary.rowsKept = writer.kept;
    summary.rowsSkipped = bad + writer.kept + writer.duplicates;
    if (writer.failed || (problems.errors > 0 && !options.skipBadRows)) {
      db.exec('ROLLBACK');
      open = false;
      summary.rowsWritten = 0;
      summary.rowsReplaced = 0;
      return finish('rejected');
    }
    for (const sql of rebuild ?? []) db.exec(sql);
    const fallbackSource = layout.mapping.fixed.source || layout.mapping.columns.some((col) => col.role === 'source') ? '' : sourceFromNotes(trailing);
    if (fallbackSource) {
      db.prepare("UPDATE observations SET source = ? WHERE import_id = ? AND source = ''").run(fallbackSource, importId);
    }
    db.prepare('UPDATE imports SET rows_read = ?, rows_written = ?, rows_skipped = ?, rows_replaced = ?, source_note = ? WHERE id = ?').run(
      summary.rowsRead,
      summary.rowsWritten,
      summary.rowsSkipped,
      summary.rowsReplaced,
      summary.sourceNote,
      importId,
    );
    db.exec('COMMIT');
    open = false;
    summary.importId = importId;
    control.onProgress?.({ phase: 'writing', rows: observations, percent: 100, rate: Math.round(observations / Math.max(0.001, (performance.now() - t0) / 1000)) });
    return finish('committed');
  } catch (e) {
    if (e instanceof DataError && e.code === 'import.cancelled') {
      summary.rowsWritten = 0;
      summary.rowsReplaced = 0;
      return finish('cancelled');
    }
    throw e;
  } finally {
    if (open) db.exec('ROLLBACK');
    leaveBulk(db, pragmas);
  }
}
