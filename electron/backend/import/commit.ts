// Committing an import: one transaction holding the provenance row, any new indicators and regions,
// and every observation. Parsing runs ahead in a worker for large files while this thread inserts.
// A rejected row (without skipBadRows), a conflict under onConflict 'fail', a cancel, an exception or
// a killed process all leave the workspace exactly as it was.

import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { Bound } from '../../../shared/series/bound';
import { vintageSchema } from '../../../shared/series/vintage';
import { listMeasures } from '../series/figures';
import { holdWorkspace } from './busy';
import { Catalogue, writeNewEntries, writeParents } from './catalogue';
import { CodeTables } from './code-tables';
import { findDuplicate } from './history';
import { parseEvents } from './parse-source';
import type { PipelineEvent, TableMeta } from './parse-pipeline';
import { DataError, PROBLEM_SEVERITY, ProblemList } from './problems';
import type { ParsedBatch } from './row-mapper';
import type { CommitOptions, ImportSummary, RunControl } from './types';
import type { LayoutResult } from './layout';
import type { MeasureRef } from './measures';

const COLUMNS = 'indicator, region, period, year, value, unit, original, status, import_id, source, note';
const PARAMS_PER_ROW = 11;
/** A file with a measure column (口径) binds each row's measure too, as a twelfth column. */
const MEASURE_COLUMNS = `${COLUMNS}, measure`;
/** Columns bound per row of a run: period, year, value, original. */
const RUN_PARAMS_PER_ROW = 4;
/** Rows per multi-row INSERT: fewer calls into SQLite, far less per-row overhead than one call each. */
const ROWS_PER_INSERT = 128;
/** Shorter runs of one series go into the general INSERT with the rows around them. */
const MIN_RUN = 8;
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

/** Where observation `r`'s original text starts in the batch's joined texts. */
function originalStart(b: ParsedBatch, r: number): number {
  return r === 0 ? 0 : b.originalEnd[r - 1]!;
}

/** A figure the workspace holds, as a conflict compares it: its measure is its own, else its indicator's. */
export interface HeldFigure {
  value: number | null;
  bound: string;
  measure: string;
}

/** The held figure of an observation (by id, or by key), its measure resolved as HeldFigure says. */
export const HELD_FIGURE_SQL = `SELECT o.value, o.bound, COALESCE(o.measure, i.measure) AS measure
  FROM observations o JOIN indicators i ON i.code = o.indicator`;

/**
 * Whether a file's figure is the one the workspace holds (a `revise` leaves it unchanged): the same
 * bound, the same measure (`measure` null: the row names none and would keep the held one) and the
 * same value, to a relative 1e-12 so that a unit's conversion (1.5万亿 → 15000) cannot make a revision
 * out of rounding. The same number on another measure is a new release: the figure was reclassified.
 */
export function sameFigure(held: HeldFigure, value: number | null, bound: Bound, measure: string | null): boolean {
  if (held.bound !== bound || (measure !== null && measure !== held.measure)) return false;
  if (held.value === null || value === null) return held.value === value;
  return held.value === value || Math.abs(held.value - value) <= 1e-12 * Math.max(Math.abs(held.value), Math.abs(value));
}

/** The bound of observation `i` of a batch: its entry in the sparse `bounded` list (in index order), else exact. */
export function boundAt(b: ParsedBatch, i: number): Bound {
  const list = b.bounded;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid]![0];
    if (at === i) return list[mid]![1];
    if (at < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return 'exact';
}

/** The workspace's measures (口径) as the parser matches a file's measure texts against them. */
export function measureRefs(db: Database.Database): MeasureRef[] {
  return listMeasures(db).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}

/** Refuses a measure option that names no measure of the workspace, with the known codes. */
export function checkMeasureOption(db: Database.Database, measure: string | undefined): void {
  if (measure === undefined) return;
  const known = listMeasures(db).map((m) => m.code);
  if (!known.includes(measure)) throw new DataError('import.unknown-measure', { code: measure, known: known.join(', ') });
}

/**
 * Checks the options that name things in the workspace or a date, before anything is read or written:
 * an unknown measure (with the known ones), a release that is no calendar date, `revise` without a
 * release date.
 */
export function checkCommitOptions(db: Database.Database, options: CommitOptions): void {
  checkMeasureOption(db, options.measure);
  if (options.released !== undefined && !vintageSchema.safeParse(options.released).success) throw new DataError('import.bad-release-date', { date: options.released });
  if (options.onConflict === 'revise' && !options.released) throw new DataError('import.revise-needs-release');
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Writes a batch's observations in file order. Binding values is a large share of the insert time,
 * so a run of rows of one series (indicator, region, unit, status, source and note the same: a long
 * file sorted by series, a wide file's row) goes in one INSERT that binds those once and four
 * columns per row (the bench's 1M rows: 0.2 s less than binding six per row); other rows go in
 * INSERTs that bind all eleven. Values go to `run` as spread arguments, never as one array:
 * better-sqlite3 reads an array's elements one by one through V8's generic property access, which
 * costs twice as much per value (the bench's 1M rows: 0.07 s). A statement that hits the unique key
 * is redone row by row, which finds the conflicting or duplicate row and applies the user's choice.
 *
 * With the key deferred (see deferKey), nothing stops a statement: rows of series the table already
 * holds are checked one by one against those rows' keys, held in memory, and rows of new series go
 * in unchecked; a key twice in the file then fails the key's build at the end.
 */
class Writer {
  written = 0;
  replaced = 0;
  kept = 0;
  duplicates = 0;
  /** Conflicts under 'revise' whose figure the workspace already holds. */
  unchanged = 0;
  /** Set by a conflict under 'fail' or by the first bad row without skipBadRows: stop writing. */
  failed = false;
  /** The keys of the rows the table held, while the unique key is deferred. */
  deferred: ExistingKeys | null = null;
  /** Keys and bounds of this import's bounded rows (rare), set by key after the load: [bound, indicator, region, period, status]. */
  private readonly bounds: Array<[Bound, string, string, string, string]> = [];
  /** Observations of the batch being written that it did not write (kept, unchanged, a key twice). */
  private readonly skipped = new Set<number>();
  private readonly multi = new Map<number, Database.Statement>();
  private readonly runs = new Map<number, { statement: Database.Statement; args: unknown[] }>();
  private readonly one: Database.Statement;
  /** One row, no conflict clause: for the deferred key, whose conflicts are found in memory. */
  private readonly plain: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly saveReplaced: Database.Statement;
  private readonly overwrite: Database.Statement;
  private readonly held: Database.Statement;
  private readonly saveRelease: Database.Statement;
  private readonly args: unknown[];
  /** The named parameters of a run's INSERT: its series and the columns its rows share. */
  private readonly runConstants: Record<'indicator' | 'region' | 'unit' | 'status' | 'source' | 'note', string | undefined> & { importId: number; measure?: string | null };
  /** Columns written per row, and how many: eleven, or twelve with each row's measure (a file with a measure column). */
  private readonly columns: string;
  private readonly perRow: number;

  /**
   * `fileMeasure` is the measure of the rows without one of their own (the option's or the note
   * row's, null: their indicator's); `withMeasure` says whether the file's rows carry their own.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly importId: number,
    private readonly options: CommitOptions,
    private readonly codes: CodeTables,
    private readonly problems: ProblemList,
    private readonly fileMeasure: string | null = null,
    private readonly withMeasure = false,
  ) {
    this.columns = withMeasure ? MEASURE_COLUMNS : COLUMNS;
    this.perRow = withMeasure ? PARAMS_PER_ROW + 1 : PARAMS_PER_ROW;
    this.args = new Array(ROWS_PER_INSERT * this.perRow);
    const one = `(${new Array(this.perRow).fill('?').join(', ')})`;
    this.one = db.prepare(`INSERT INTO observations (${this.columns}) VALUES ${one} ON CONFLICT DO NOTHING`);
    this.plain = db.prepare(`INSERT INTO observations (${this.columns}) VALUES ${one}`);
    this.byKey = db.prepare('SELECT id, import_id FROM observations WHERE indicator = ? AND region = ? AND period = ? AND status = ?');
    this.saveReplaced = db.prepare(
      `INSERT INTO import_replaced (import_id, indicator, region, period, year, value, unit, original, status, prior_import_id, source, note, observation_id, measure, bound, released, release_label)
       SELECT ?, indicator, region, period, year, value, unit, original, status, import_id, source, note, id, measure, bound, released, release_label FROM observations WHERE id = ?`,
    );
    // The row becomes the file's figure: its bound is reset (a bounded one is set by key after the
    // load), its release is this import's, its measure stays unless the import names one, and so does
    // its unit when the file gives none (a revision of 29129.03亿元 to 29129.50 stays in 亿元).
    this.overwrite = db.prepare(
      `UPDATE observations SET year = ?, value = ?, unit = coalesce(nullif(?, ''), unit), original = ?, import_id = ?, source = ?, note = ?,
         bound = 'exact', measure = coalesce(?, measure), released = ?, release_label = ? WHERE id = ?`,
    );
    this.held = db.prepare(`${HELD_FIGURE_SQL} WHERE o.id = ?`);
    // The workspace's figure, before a revision overwrites it, becomes an earlier release of the row.
    this.saveRelease = db.prepare(
      `INSERT INTO observation_releases (observation_id, import_id, value, original, bound, released, release_label, source, note, measure)
       SELECT o.id, ?, o.value, o.original, o.bound, o.released, o.release_label, o.source, o.note, COALESCE(o.measure, i.measure)
       FROM observations o JOIN indicators i ON i.code = o.indicator WHERE o.id = ?`,
    );
    this.runConstants = { indicator: '', region: '', unit: '', status: '', source: '', note: '', importId };
    if (withMeasure) this.runConstants.measure = null;
  }

  /** The measure observation `r` of a batch is written with: its own, else the file's (null: its indicator's). */
  private measureAt(b: ParsedBatch, r: number): string | null {
    return this.codes.strings[b.measure[r]!] || this.fileMeasure;
  }

  /** INSERT of `rows` rows with every column bound per row. */
  private statement(rows: number): Database.Statement {
    let st = this.multi.get(rows);
    if (!st) {
      const tuple = `(${new Array(this.perRow).fill('?').join(', ')})`;
      st = this.db.prepare(`INSERT INTO observations (${this.columns}) VALUES ${new Array(rows).fill(tuple).join(', ')}`);
      this.multi.set(rows, st);
    }
    return st;
  }

  /** INSERT of a run of `rows` rows of one series, with its argument array. */
  private runStatement(rows: number): { statement: Database.Statement; args: unknown[] } {
    let run = this.runs.get(rows);
    if (!run) {
      // A named parameter is one value however often it appears: the constants are bound once, and
      // the rows stay a plain VALUES list (a SELECT over VALUES costs 0.1 s more on 1M rows).
      const tuple = this.withMeasure ? '(@indicator, @region, ?, ?, ?, @unit, ?, @status, @importId, @source, @note, @measure)' : '(@indicator, @region, ?, ?, ?, @unit, ?, @status, @importId, @source, @note)';
      const statement = this.db.prepare(`INSERT INTO observations (${this.columns}) VALUES ${new Array(rows).fill(tuple).join(', ')}`);
      run = { statement, args: new Array(rows * RUN_PARAMS_PER_ROW) };
      this.runs.set(rows, run);
    }
    return run;
  }

  write(b: ParsedBatch): void {
    if (this.skipped.size) this.skipped.clear();
    this.writeBatch(b);
    if (b.bounded.length && !this.failed) this.noteBounds(b);
  }

  /** Keeps the keys of the batch's bounded rows that it wrote, to set their bound after the load. */
  private noteBounds(b: ParsedBatch): void {
    const { indicatorCode, regionCode, strings } = this.codes;
    for (const [i, bound] of b.bounded) {
      if (this.skipped.has(i)) continue;
      this.bounds.push([bound, indicatorCode[b.indicator[i]!]!, regionCode[b.region[i]!]!, strings[b.period[i]!]!, strings[b.status[i]!]!]);
    }
  }

  /**
   * Sets the bound of this import's bounded rows, by key: after the load, so that the hot path binds
   * no bound per row. Limited to this import's rows, so a row kept or left unchanged is not touched.
   */
  applyBounds(): void {
    if (!this.bounds.length) return;
    const set = this.db.prepare('UPDATE observations SET bound = ? WHERE indicator = ? AND region = ? AND period = ? AND status = ? AND import_id = ?');
    for (const [bound, indicator, region, period, status] of this.bounds) set.run(bound, indicator, region, period, status, this.importId);
  }

  private writeBatch(b: ParsedBatch): void {
    let mixedFrom = 0;
    let i = 0;
    while (i < b.count && !this.failed) {
      const end = this.runEnd(b, i);
      if (end - i >= MIN_RUN) {
        this.writeMixed(b, mixedFrom, i);
        if (this.failed) return;
        this.writeRun(b, i, end);
        mixedFrom = end;
      }
      i = end;
    }
    if (!this.failed) this.writeMixed(b, mixedFrom, b.count);
  }

  /** The end of the run of rows from `start` sharing its series and constants, at most ROWS_PER_INSERT long. */
  private runEnd(b: ParsedBatch, start: number): number {
    const { indicator, region, unit, status, source, note } = b;
    const cap = Math.min(b.count, start + ROWS_PER_INSERT);
    let r = start + 1;
    while (
      r < cap &&
      indicator[r] === indicator[start] &&
      region[r] === region[start] &&
      unit[r] === unit[start] &&
      status[r] === status[start] &&
      source[r] === source[start] &&
      note[r] === note[start]
    )
      r++;
    if (this.withMeasure) {
      const measure = b.measure;
      for (let m = start + 1; m < r; m++) if (measure[m] !== measure[start]) return m;
    }
    return r;
  }

  private writeRun(b: ParsedBatch, start: number, end: number): void {
    const { indicatorCode, regionCode, strings, year } = this.codes;
    const rows = end - start;
    if (this.deferred?.hasSeries(indicatorCode[b.indicator[start]!]!, regionCode[b.region[start]!]!)) {
      this.writeChecked(b, start, end);
      return;
    }
    const { statement, args } = this.runStatement(rows);
    const constants = this.runConstants;
    constants.indicator = indicatorCode[b.indicator[start]!];
    constants.region = regionCode[b.region[start]!];
    constants.unit = strings[b.unit[start]!];
    constants.status = strings[b.status[start]!];
    constants.source = strings[b.source[start]!];
    constants.note = strings[b.note[start]!];
    if (this.withMeasure) constants.measure = this.measureAt(b, start);
    let off = originalStart(b, start);
    for (let r = start, o = 0; r < end; r++, o += RUN_PARAMS_PER_ROW) {
      const per = b.period[r]!;
      const e = b.originalEnd[r]!;
      args[o] = strings[per];
      args[o + 1] = year[per];
      args[o + 2] = b.value[r];
      args[o + 3] = b.original.substring(off, e);
      off = e;
    }
    try {
      statement.run(constants, ...args);
      this.written += rows;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      this.fillFull(b, start, end);
      this.redo(b, start, rows);
    }
  }

  /** Rows from..to (not runs) in INSERTs of up to ROWS_PER_INSERT rows binding every column. */
  private writeMixed(b: ParsedBatch, from: number, to: number): void {
    for (let i = from; i < to && !this.failed; i += ROWS_PER_INSERT) {
      const end = Math.min(to, i + ROWS_PER_INSERT);
      const rows = end - i;
      if (this.deferred && this.anyExistingSeries(b, i, end)) {
        this.writeChecked(b, i, end);
        continue;
      }
      this.fillFull(b, i, end);
      try {
        this.statement(rows).run(...(rows === ROWS_PER_INSERT ? this.args : this.args.slice(0, rows * this.perRow)));
        this.written += rows;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        this.redo(b, i, rows);
      }
    }
  }

  /** Put rows start..end into `args` with every column. */
  private fillFull(b: ParsedBatch, start: number, end: number): void {
    const { indicatorCode, regionCode, strings, year } = this.codes;
    const args = this.args;
    let off = originalStart(b, start);
    const perRow = this.perRow;
    const withMeasure = this.withMeasure;
    for (let r = start, o = 0; r < end; r++, o += perRow) {
      const per = b.period[r]!;
      const e = b.originalEnd[r]!;
      args[o] = indicatorCode[b.indicator[r]!];
      args[o + 1] = regionCode[b.region[r]!];
      args[o + 2] = strings[per];
      args[o + 3] = year[per];
      args[o + 4] = b.value[r];
      args[o + 5] = strings[b.unit[r]!];
      args[o + 6] = b.original.substring(off, e);
      args[o + 7] = strings[b.status[r]!];
      args[o + 8] = this.importId;
      args[o + 9] = strings[b.source[r]!];
      args[o + 10] = strings[b.note[r]!];
      if (withMeasure) args[o + 11] = this.measureAt(b, r);
      off = e;
    }
  }

  /** A statement failed on a key and was rolled back whole: redo its rows (still in `args`) one by one. */
  private redo(b: ParsedBatch, start: number, rows: number): void {
    for (let j = 0; j < rows && !this.failed; j++) this.writeOne(b, start + j, j);
  }

  private anyExistingSeries(b: ParsedBatch, start: number, end: number): boolean {
    const { indicatorCode, regionCode } = this.codes;
    for (let r = start; r < end; r++) if (this.deferred!.hasSeries(indicatorCode[b.indicator[r]!]!, regionCode[b.region[r]!]!)) return true;
    return false;
  }

  /** Rows start..end one by one against the keys held in memory (the unique key being deferred). */
  private writeChecked(b: ParsedBatch, start: number, end: number): void {
    const keys = this.deferred!;
    this.fillFull(b, start, end);
    for (let j = 0; j < end - start && !this.failed; j++) {
      const o = j * this.perRow;
      const row = this.args.slice(o, o + this.perRow);
      const [indicator, region, period, , , , , status] = row as string[];
      const holder = keys.get(indicator!, region!, period!, status!);
      if (holder) {
        this.resolve(holder, row, b, start + j);
        continue;
      }
      const id = Number(this.plain.run(...row).lastInsertRowid);
      keys.set(indicator!, region!, period!, status!, { id, import_id: this.importId });
      this.written++;
    }
  }

  private writeOne(b: ParsedBatch, i: number, slot: number): void {
    const o = slot * this.perRow;
    const row = this.args.slice(o, o + this.perRow);
    if (this.one.run(...row).changes === 1) {
      this.written++;
      return;
    }
    const [indicator, region, period, , , , , status] = row;
    this.resolve(this.byKey.get(indicator, region, period, status) as KeyHolder, row, b, i);
  }

  /** Row `i` (its column values in `row`) meets `holder` on the key: a duplicate, or a conflict settled as the user chose. */
  private resolve(holder: KeyHolder, row: unknown[], b: ParsedBatch, i: number): void {
    const [, , period, , value, , , status, , , , ownMeasure] = row;
    const at = [b.row[i]!, b.column[i]!] as const;
    // The problem names the indicator and region as the user knows them, not by their codes.
    const key = { indicator: this.codes.indicatorName[b.indicator[i]!]!, region: this.codes.regionName[b.region[i]!]!, period: String(period), status: String(status) };
    if (holder.import_id === this.importId) {
      this.duplicates++;
      this.skipped.add(i);
      this.problems.add('row.duplicate-key', key, ...at);
      if (!this.options.skipBadRows) this.failed = true;
      return;
    }
    switch (this.options.onConflict) {
      case 'keep':
        this.kept++;
        this.skipped.add(i);
        return;
      case 'fail':
        this.problems.add('conflict.exists', key, ...at);
        this.failed = true;
        return;
      case 'revise': {
        const figure = this.held.get(holder.id) as HeldFigure;
        if (sameFigure(figure, value as number | null, boundAt(b, i), this.measureOf(ownMeasure))) {
          this.unchanged++;
          this.skipped.add(i);
          return;
        }
        this.saveRelease.run(this.importId, holder.id);
        this.replace(holder, row);
        return;
      }
      case 'replace':
        this.replace(holder, row);
        return;
    }
  }

  /** The measure a row writes: its own (with the file's as its fallback, bound with the row) or the file's; null keeps the held row's. */
  private measureOf(ownMeasure: unknown): string | null {
    return this.withMeasure ? (ownMeasure as string | null) : this.fileMeasure;
  }

  /** Overwrite `holder` in place with `row`, keeping what it was for the undo. */
  private replace(holder: KeyHolder, row: unknown[]): void {
    const [, , , year, value, unit, original, , , source, note, ownMeasure] = row;
    const { released, releaseLabel } = this.options;
    const measure = this.measureOf(ownMeasure);
    this.saveReplaced.run(this.importId, holder.id);
    this.overwrite.run(year, value, unit, original, this.importId, source, note, measure, released ?? '', releaseLabel ?? '', holder.id);
    holder.import_id = this.importId;
    this.replaced++;
    this.written++;
  }
}

/** The row holding a key: its id and the import that wrote it (null for rows entered by hand). */
interface KeyHolder {
  id: number;
  import_id: number | null;
}

const seriesName = (indicator: string, region: string) => `${indicator}\u0000${region}`;
const pointName = (period: string, status: string) => `${period}\u0000${status}`;

/** The keys of observations, grouped by series, for conflict checks while the unique key is deferred. */
class ExistingKeys {
  private readonly series = new Map<string, Map<string, KeyHolder>>();

  constructor(db: Database.Database) {
    const rows = db.prepare('SELECT id, indicator, region, period, status, import_id FROM observations').iterate() as Iterable<KeyHolder & { indicator: string; region: string; period: string; status: string }>;
    for (const r of rows) this.set(r.indicator, r.region, r.period, r.status, { id: r.id, import_id: r.import_id });
  }

  hasSeries(indicator: string, region: string): boolean {
    return this.series.has(seriesName(indicator, region));
  }

  get(indicator: string, region: string, period: string, status: string): KeyHolder | undefined {
    return this.series.get(seriesName(indicator, region))?.get(pointName(period, status));
  }

  set(indicator: string, region: string, period: string, status: string, holder: KeyHolder): void {
    const name = seriesName(indicator, region);
    let points = this.series.get(name);
    if (!points) {
      points = new Map();
      this.series.set(name, points);
    }
    points.set(pointName(period, status), holder);
  }
}

interface BulkState {
  foreignKeys: number;
  ignoreChecks: number;
  synchronous: number;
  /** Whether the import switched the connection from WAL to a rollback journal. */
  rollbackJournal: boolean;
}

/** Files from this size on are written through a rollback journal (about 100,000 rows of a long CSV). */
const ROLLBACK_JOURNAL_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Bulk-load settings for the import, made before its transaction begins and restored when it ends.
 *
 * Every row is validated before it is written (status against the same list as the CHECK
 * constraint; indicator, region and import rows created first in the same transaction), so SQLite's
 * own per-row CHECK and foreign-key lookups are redundant here and cost about a quarter of the insert
 * time.
 *
 * A large file is written through a rollback journal instead of the WAL: most of its pages are new,
 * and new pages go straight into the database file once, where the WAL writes every page twice (to the
 * log, then to the database at the checkpoint after commit; 0.2 s of a 1M-row import). A rollback
 * journal is as safe against a killed process (the next open rolls the transaction back), and with
 * synchronous = FULL, as the CLI's default, against power loss. The switch needs the workspace to
 * itself: when another connection has it open, the import stays in WAL.
 */
function enterBulk(db: Database.Database, size: number): BulkState {
  const state: BulkState = {
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    ignoreChecks: Number(db.pragma('ignore_check_constraints', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    rollbackJournal: false,
  };
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  if (size >= ROLLBACK_JOURNAL_MIN_BYTES && db.pragma('journal_mode', { simple: true }) === 'wal') {
    try {
      state.rollbackJournal = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    }
    if (state.rollbackJournal) db.pragma('synchronous = FULL');
  }
  return state;
}

function leaveBulk(db: Database.Database, state: BulkState): void {
  db.pragma(`foreign_keys = ${state.foreignKeys ? 'ON' : 'OFF'}`);
  db.pragma(`ignore_check_constraints = ${state.ignoreChecks ? 'ON' : 'OFF'}`);
  if (!state.rollbackJournal) return;
  try {
    db.pragma('journal_mode = WAL');
  } catch (e) {
    // Another connection opened the workspace meanwhile: it stays in rollback mode until the next
    // open, which sets WAL again. Nothing is lost either way.
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
  }
  // After the switch, which may apply SQLite's own default for WAL.
  db.pragma(`synchronous = ${state.synchronous}`);
}

/** The unique key's index (migration 006), which a large import into a small table builds after the load. */
const KEY_INDEX = 'observations_key';
/** Observations an import must be expected to bring, at the least, before deferring the key pays. */
const DEFER_MIN_ROWS = 50_000;
/** Rows the table may hold for the key to be deferred: their keys are held in memory meanwhile. */
const DEFER_MAX_EXISTING = 200_000;

/** Helper threads for the key's build (SQLite caps them at 8), and its cache size (negative: in KiB). */
const SORT_THREADS = 4;
const SORT_CACHE_SIZE = -1000;

/** The deferred key could not be built: the file holds a key twice. */
class KeyTwiceInFile extends Error {}

/**
 * Whether to build the unique key after the load instead of keeping it up row by row: worth it when
 * the import is expected (from its first batch's rows per byte) to bring at least DEFER_MIN_ROWS
 * observations and at least twice the rows the table holds (the build covers those too), and the
 * table holds at most DEFER_MAX_EXISTING. Rows land all over the key (a file's order is seldom the
 * key's), which costs 0.8 s kept up for 1M rows against 0.33 s built from sorted keys.
 */
function worthDeferringKey(db: Database.Database, first: ParsedBatch, size: number): boolean {
  if (first.bytesRead <= 0) return false;
  const expected = (first.count * Math.max(size, first.bytesRead)) / first.bytesRead;
  if (expected < DEFER_MIN_ROWS) return false;
  const cap = Math.min(DEFER_MAX_EXISTING, Math.floor(expected / 2)) + 1;
  const existing = db.prepare('SELECT count(*) FROM (SELECT 1 FROM observations LIMIT ?)').pluck().get(cap) as number;
  return existing < cap;
}

/**
 * Drop the unique key in the open transaction (a rollback, a cancel or a killed process brings it
 * back) and hand the writer the keys already there; returns the key's definition, to build before
 * commit, or null when the workspace has no such index.
 */
function deferKey(db: Database.Database, writer: Writer): string | null {
  const definition = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(KEY_INDEX) as string | undefined;
  if (!definition) return null;
  writer.deferred = new ExistingKeys(db);
  db.exec(`DROP INDEX ${KEY_INDEX}`);
  return definition;
}

/**
 * Builds the deferred key from its CREATE INDEX `definition`. SQLite's sorter hands work to helper
 * threads only when it writes its keys out in sorted runs of at most the cache size, which the
 * default 16 MB cache mostly avoids: with a 1 MB cache and helpers, the other core sorts runs while
 * this one reads the table (1M rows: the build's median 0.34 s → 0.29 s). Both settings are restored.
 */
function buildKey(db: Database.Database, definition: string): void {
  const threads = db.pragma('threads', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`threads = ${SORT_THREADS}`);
  db.pragma(`cache_size = ${SORT_CACHE_SIZE}`);
  try {
    db.exec(definition);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`threads = ${threads}`);
  }
}

export async function commitImport(db: Database.Database, filePath: string, options: CommitOptions, control: RunControl = {}): Promise<ImportSummary> {
  const started = performance.now();
  try {
    return await commitOnce(db, filePath, options, control, { deferKey: true, started });
  } catch (e) {
    // A key twice in a file loaded with the key deferred: that load is rolled back, and the file is
    // imported again keeping the key up row by row, which finds each duplicate where it is.
    if (e instanceof KeyTwiceInFile) return commitOnce(db, filePath, options, control, { deferKey: false, started });
    throw e;
  }
}

async function commitOnce(
  db: Database.Database,
  filePath: string,
  options: CommitOptions,
  control: RunControl,
  how: { deferKey: boolean; started: number },
): Promise<ImportSummary> {
  const release = holdWorkspace(db);
  try {
    if (db.inTransaction) throw new DataError('import.busy');
    checkCommitOptions(db, options);
    const fileName = options.fileName ?? basename(filePath);
    const size = await stat(filePath).then((s) => s.size, () => 0);
    const catalogue = new Catalogue(db);
    const events = parseEvents({ filePath, fileName, options, regionNames: catalogue.regionNames(), measures: measureRefs(db) }, size, control.useWorker, control.signal);
    try {
      return await runCommit(db, events, { fileName, size, options, control, catalogue, ...how });
    } finally {
      await events.return(undefined);
    }
  } finally {
    release();
  }
}

interface CommitContext {
  fileName: string;
  /** Whether a large import into a small table may build the unique key after the load. */
  deferKey: boolean;
  size: number;
  options: CommitOptions;
  control: RunControl;
  catalogue: Catalogue;
  started: number;
}

async function runCommit(
  db: Database.Database,
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
    rowsUnchanged: 0,
    blankCells: 0,
    totalRows: 0,
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
    first = await events.next();
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
  // Precedence: a row's measure cell, then the option, then the `口径：…` note row, then the indicator's own.
  const fileMeasure = layout.measure.code;

  const codes = new CodeTables(c.catalogue);
  const bulk = enterBulk(db, c.size);
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file_name, sha256, size_bytes, encoding, sheet, layout, mapping, imported_at, measure, released, release_label, on_conflict)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          c.fileName, '', c.size, encodingLabel(meta), meta.sheet, layout.layout.kind, JSON.stringify(layout.mapping), new Date().toISOString(),
          fileMeasure, options.released ?? '', options.releaseLabel ?? '', options.onConflict,
        ).lastInsertRowid,
    );
    // Rows added in this transaction get ids above every id there (rowids are max + 1; nothing is deleted meanwhile).
    const firstNewId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM observations').pluck().get() as number);
    const withMeasure = layout.mapping.columns.some((col) => col.role === 'measure');
    const writer = new Writer(db, importId, options, codes, problems, fileMeasure, withMeasure);
    const trailing: string[] = [];
    let observations = 0;
    let bad = 0;
    let unclosed = false;
    /** The file's hash, from the parser (which reads every byte anyway) when it ends. */
    let sha256 = '';
    /** The unique key's definition while it is deferred, to build before commit; null when kept up; undefined until decided. */
    let keyIndex: string | null | undefined;
    let lastYield = performance.now();
    let lastProgress = 0;
    const t0 = performance.now();

    for await (const ev of events) {
      if (ev.type === 'end') {
        unclosed = ev.unclosedQuote;
        sha256 = ev.sha256;
        break;
      }
      if (ev.type !== 'batch') continue;
      const b = ev.batch;
      problems.merge(b.problems, b.problemTotal, b.errorTotal);
      trailing.push(...b.trailingNotes);
      summary.rowsRead += b.rowsRead;
      summary.blankCells += b.blankCells;
      summary.totalRows += b.totalRows;
      bad += b.badObservations;
      observations += b.count + b.badObservations;
      await codes.absorb(b, problems);
      writeNewEntries(db, c.catalogue.takeNew(), importId, c.fileName, fileMeasure);
      writeParents(db, c.catalogue.takeParents(), importId);
      if (b.errorTotal > 0 && !options.skipBadRows) writer.failed = true;
      if (keyIndex === undefined && b.count > 0 && !writer.failed) keyIndex = c.deferKey && worthDeferringKey(db, b, c.size) ? deferKey(db, writer) : null;
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
    // Checked at the end, where the hash is known: an earlier import of the same file refuses this one
    // (the preview has said so before the user committed).
    const duplicate = options.allowDuplicate || !sha256 ? null : findDuplicate(db, sha256);
    if (duplicate) throw new DataError('file.duplicate', { importId: duplicate.id, fileName: duplicate.fileName, importedAt: duplicate.importedAt });

    summary.sourceNote = sourceNoteOf(layout, trailing);
    summary.rowsWritten = writer.written;
    summary.rowsReplaced = writer.replaced;
    summary.rowsKept = writer.kept;
    summary.rowsUnchanged = writer.unchanged;
    summary.rowsSkipped = bad + writer.kept + writer.duplicates;
    if (writer.failed || (problems.errors > 0 && !options.skipBadRows)) {
      db.exec('ROLLBACK');
      open = false;
      summary.rowsWritten = 0;
      summary.rowsReplaced = 0;
      summary.rowsUnchanged = 0;
      return finish('rejected');
    }
    if (keyIndex) {
      try {
        buildKey(db, keyIndex);
      } catch (e) {
        if (isUniqueViolation(e)) throw new KeyTwiceInFile();
        throw e;
      }
    }
    // Bounds, measure and release after the load, by key and by id (rare: nothing on the hot path).
    writer.applyBounds();
    if (fileMeasure !== null || options.released || options.releaseLabel) {
      // The rows this import added; those it replaced got them as they were overwritten. A row's own
      // measure (a measure column) was written with it and stays.
      db.prepare('UPDATE observations SET measure = coalesce(measure, ?), released = ?, release_label = ? WHERE id >= ? AND import_id = ?').run(
        fileMeasure,
        options.released ?? '',
        options.releaseLabel ?? '',
        firstNewId,
        importId,
      );
    }
    const fallbackSource = layout.mapping.fixed.source || layout.mapping.columns.some((col) => col.role === 'source') ? '' : sourceFromNotes(trailing);
    if (fallbackSource) {
      // The import's rows are those it added (ids from firstNewId on) and those it replaced in place.
      db.prepare("UPDATE observations SET source = ? WHERE id >= ? AND import_id = ? AND source = ''").run(fallbackSource, firstNewId, importId);
      db.prepare(
        "UPDATE observations SET source = ? WHERE id IN (SELECT observation_id FROM import_replaced WHERE import_id = ?) AND import_id = ? AND source = ''",
      ).run(fallbackSource, importId, importId);
    }
    db.prepare('UPDATE imports SET sha256 = ?, rows_read = ?, rows_written = ?, rows_skipped = ?, rows_replaced = ?, cells_blank = ?, source_note = ? WHERE id = ?').run(
      sha256,
      summary.rowsRead,
      summary.rowsWritten,
      summary.rowsSkipped,
      summary.rowsReplaced,
      summary.blankCells,
      summary.sourceNote,
      importId,
    );
    // Fresh statistics of the unique key (sampled: about 10 ms on 1M rows), so that lookups by region
    // alone skip-scan it (migration 005).
    db.exec('ANALYZE observations');
    db.exec('COMMIT');
    open = false;
    summary.importId = importId;
    control.onProgress?.({ phase: 'writing', rows: observations, percent: 100, rate: Math.round(observations / Math.max(0.001, (performance.now() - t0) / 1000)) });
    return finish('committed');
  } catch (e) {
    if (e instanceof DataError && e.code === 'import.cancelled') {
      summary.rowsWritten = 0;
      summary.rowsReplaced = 0;
      summary.rowsUnchanged = 0;
      return finish('cancelled');
    }
    throw e;
  } finally {
    if (open) db.exec('ROLLBACK');
    leaveBulk(db, bulk);
  }
}
