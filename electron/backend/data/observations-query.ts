// The observations grid's datasource (AG Grid infinite row model).
//
// Paging by OFFSET costs a walk over every skipped row, and keyset paging cannot jump to row 900,000
// when the user drags the scrollbar. So a view (sort + filter) is snapshotted once: its ordered ids
// are read into a Float64Array, and any page is then the lookup of its 100 ids, however deep. The
// snapshot is rebuilt when the workspace changes (PRAGMA data_version for other connections,
// total_changes() for this one). Building costs one ordered scan of the view; the first page of a new
// sort or filter pays it.

import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Bound } from '../../../shared/series/bound';
import { DataError } from '../import/problems';
import {
  COLUMNS,
  MEASURE_SQL,
  REVISIONS_SQL,
  VINTAGE_FROM,
  checkVintage,
  columnId,
  compileFilter,
  compileView,
  filterModelSchema,
  sortModelSchema,
  type FilterModel,
  type ViewSpec,
} from './observation-view';

export const gridRequestSchema = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(0),
  sortModel: sortModelSchema.nullish(),
  filterModel: filterModelSchema.nullish(),
  vintage: z.string().nullish(),
});
export type GridRequest = z.infer<typeof gridRequestSchema>;

export interface GridRow {
  /** The observation's id: stable across sorts, filters and edits (use it as getRowId). */
  id: number;
  indicator: string;
  indicatorName: string;
  indicatorNameEn: string;
  region: string;
  regionName: string;
  regionNameEn: string;
  period: string;
  year: number;
  value: number | null;
  unit: string;
  original: string;
  status: string;
  importId: number | null;
  source: string;
  note: string;
  /** The measure (口径): its code, its own or its indicator's, and its names. */
  measure: string;
  measureName: string;
  measureNameEn: string;
  bound: Bound;
  /** The release shown: date (ISO, '' when unknown) and label. */
  released: string;
  releaseLabel: string;
  /** Other releases of this observation kept in observation_releases. */
  revisions: number;
}

export interface GridPage {
  rows: GridRow[];
  /** Rows in the view: AG Grid sizes the scrollbar from it. */
  lastRow: number;
}

const MAX_PAGE = 5000;
const SNAPSHOTS_KEPT = 4;

interface Snapshot {
  key: string;
  version: string;
  ids: Float64Array;
}

interface Cache {
  snapshots: Snapshot[];
  lists: Map<string, { version: string; values: ValueOption[] }>;
  version: Database.Statement;
  page: Database.Statement;
  /** A page as known on a vintage: the date three times, then the ids. */
  vintagePage: Database.Statement;
  measures: Database.Statement;
}

const caches = new WeakMap<Database.Database, Cache>();

/**
 * A grid row but its measure's names (rowsByIds adds them from the small measures table: two
 * subqueries a row cost a tenth of an export's time), over `o` joined to its indicator `i` and
 * region `r`.
 */
export const ROW_SELECT = `SELECT o.id, o.indicator, COALESCE(i.name_zh, o.indicator) AS indicatorName, COALESCE(i.name_en, '') AS indicatorNameEn,
  o.region, COALESCE(r.name_zh, o.region) AS regionName, COALESCE(r.name_en, '') AS regionNameEn, o.period, o.year, o.value, o.unit,
  o.original, o.status, o.import_id AS importId, o.source, o.note, COALESCE(o.measure, i.measure, '') AS measure, o.bound, o.released, o.release_label AS releaseLabel, ${REVISIONS_SQL} AS revisions`;
const ROW_JOINS = 'LEFT JOIN indicators i ON i.code = o.indicator LEFT JOIN regions r ON r.code = o.region';

function cacheOf(db: Database.Database): Cache {
  let c = caches.get(db);
  if (!c) {
    c = {
      snapshots: [],
      lists: new Map(),
      version: db.prepare('SELECT total_changes()').pluck(),
      page: db.prepare(`${ROW_SELECT} FROM json_each(?) j JOIN observations o ON o.id = j.value ${ROW_JOINS} ORDER BY j.key`),
      vintagePage: db.prepare(`${ROW_SELECT} FROM ${VINTAGE_FROM} JOIN json_each(?) j ON o.id = j.value ${ROW_JOINS} ORDER BY j.key`),
      measures: db.prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn FROM measures'),
    };
    caches.set(db, c);
  }
  return c;
}

function dataVersion(db: Database.Database, c: Cache): string {
  return `${String(db.pragma('data_version', { simple: true }))}:${String(c.version.get())}`;
}

function snapshot(db: Database.Database, view: ViewSpec): Snapshot {
  const c = cacheOf(db);
  const compiled = compileView(view);
  const version = dataVersion(db, c);
  const at = c.snapshots.findIndex((s) => s.key === compiled.key);
  if (at >= 0) {
    const hit = c.snapshots[at]!;
    c.snapshots.splice(at, 1);
    if (hit.version === version) {
      c.snapshots.unshift(hit);
      return hit;
    }
  }
  const ids = db
    .prepare(`SELECT o.id FROM ${compiled.from} WHERE ${compiled.where} ORDER BY ${compiled.orderBy}`)
    .pluck()
    .all(...compiled.params) as number[];
  const snap: Snapshot = { key: compiled.key, version, ids: Float64Array.from(ids) };
  c.snapshots.unshift(snap);
  c.snapshots.length = Math.min(c.snapshots.length, SNAPSHOTS_KEPT);
  return snap;
}

/** The ordered ids of a view (its snapshot). */
export function viewIds(db: Database.Database, view: ViewSpec): Float64Array {
  return snapshot(db, view).ids;
}

/** Rows by id, in the order given; as known on `vintage` when one is given (rows not known then left out). */
export function rowsByIds(db: Database.Database, ids: ArrayLike<number>, vintage?: string | null): GridRow[] {
  const c = cacheOf(db);
  const list = JSON.stringify(Array.from(ids));
  const date = checkVintage(vintage);
  const rows = (date ? c.vintagePage.all(date, date, date, list) : c.page.all(list)) as GridRow[];
  const names = new Map((c.measures.all() as Array<{ code: string; nameZh: string; nameEn: string }>).map((m) => [m.code, m]));
  for (const r of rows) {
    const m = names.get(r.measure);
    r.measureName = m?.nameZh ?? '';
    r.measureNameEn = m?.nameEn ?? '';
  }
  return rows;
}

/** One block of rows of a view, for AG Grid's infinite row model. */
export function queryObservations(db: Database.Database, request: GridRequest): GridPage {
  const req = gridRequestSchema.parse(request);
  const snap = snapshot(db, req);
  const start = Math.min(req.startRow, snap.ids.length);
  const end = Math.min(Math.max(req.endRow, start), start + MAX_PAGE, snap.ids.length);
  if (end <= start) return { rows: [], lastRow: snap.ids.length };
  return { rows: rowsByIds(db, snap.ids.subarray(start, end), req.vintage), lastRow: snap.ids.length };
}

/** Rows in a filtered view (from its snapshot when there is one, else counted). */
export function countObservations(db: Database.Database, filterModel?: FilterModel | null): number {
  const c = cacheOf(db);
  const key = compileView({ filterModel }).key;
  const version = dataVersion(db, c);
  const snap = c.snapshots.find((s) => s.key === key && s.version === version);
  if (snap) return snap.ids.length;
  const params: unknown[] = [];
  const where = compileFilter(filterModel, params);
  return db.prepare(`SELECT count(*) FROM observations o WHERE ${where}`).pluck().get(...params) as number;
}

export interface ValueOption {
  value: string | number | null;
  label: string;
}

export const VALUE_LIST_COLUMNS = ['indicator', 'region', 'status', 'importId', 'unit', 'year', 'measure', 'bound'] as const;
export type ValueListColumn = (typeof VALUE_LIST_COLUMNS)[number];

/**
 * The values a value-list (set) filter offers: those present in the rows the other filters leave
 * (AG Grid's set filter convention: a column's own filter does not narrow its own list).
 */
export function distinctValues(db: Database.Database, column: string, filterModel?: FilterModel | null): ValueOption[] {
  const id = columnId(column);
  if (!(VALUE_LIST_COLUMNS as readonly string[]).includes(id)) throw new DataError('query.column', { column });
  const c = cacheOf(db);
  const params: unknown[] = [];
  const where = compileFilter(filterModel, params, id);
  const key = JSON.stringify([id, where, params]);
  const version = dataVersion(db, c);
  const hit = c.lists.get(key);
  if (hit && hit.version === version) return hit.values;

  let values: ValueOption[];
  const filtered = where === '1' ? '' : ` AND ${where}`;
  switch (id as ValueListColumn) {
    case 'indicator':
      // One index probe per catalogue entry rather than a scan of every observation.
      values = db
        .prepare(`SELECT code AS value, name_zh AS label FROM indicators c WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator = c.code${filtered}) ORDER BY code`)
        .all(...params) as ValueOption[];
      break;
    case 'region':
      values = db
        .prepare(`SELECT code AS value, name_zh AS label FROM regions c WHERE EXISTS (SELECT 1 FROM observations o WHERE o.region = c.code${filtered}) ORDER BY code`)
        .all(...params) as ValueOption[];
      break;
    case 'importId': {
      // Observations have no import index (migration 005): one scan collects the ids in use.
      const rows = db
        .prepare(`SELECT c.id AS value, c.file_name AS label FROM imports c WHERE c.id IN (SELECT o.import_id FROM observations o WHERE o.import_id IS NOT NULL${filtered}) ORDER BY c.id`)
        .all(...params) as ValueOption[];
      const manual = db.prepare(`SELECT 1 FROM observations o WHERE o.import_id IS NULL${filtered} LIMIT 1`).get(...params);
      values = manual ? [{ value: null, label: '' }, ...rows] : rows;
      break;
    }
    case 'measure':
      // One scan collects the measures in use (an observation's own or its indicator's), named and in the catalogue's order.
      values = db
        .prepare(`SELECT c.code AS value, c.name_zh AS label FROM measures c WHERE c.code IN (SELECT ${MEASURE_SQL} FROM observations o WHERE ${where}) ORDER BY c.sort, c.code`)
        .all(...params) as ValueOption[];
      break;
    default: {
      const expr = COLUMNS[id].sql;
      values = (db.prepare(`SELECT DISTINCT ${expr} AS value FROM observations o WHERE ${where} ORDER BY 1`).all(...params) as Array<{ value: string | number }>).map((r) => ({
        value: r.value,
        label: String(r.value),
      }));
    }
  }
  c.lists.set(key, { version, values });
  return values;
}
