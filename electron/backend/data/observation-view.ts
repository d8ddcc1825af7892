// A view of the observations table as AG Grid describes one: a sort model and a filter model.
// Compiled to SQL here for the grid, the value lists and the export alike. Only the columns listed in
// COLUMNS reach SQL, always through their fixed expression; every value is a bound parameter.

import { z } from 'zod';
import { WorkbenchError } from '../../../shared/api/errors';
import { isIsoDate, UNDATED_KNOWN_FROM } from '../../../shared/series/vintage';
import { DataError } from '../import/problems';

type ColumnType = 'text' | 'number';

interface ColumnDef {
  /** SQL expression over `o` (observations), `i` (indicators), `r` (regions). */
  sql: string;
  type: ColumnType;
  nullable: boolean;
  /** Needs the join to indicators (i) or regions (r) when sorting. */
  join?: 'i' | 'r';
  /** For name columns: filter through the catalogue table instead of joining every row. */
  through?: { table: 'indicators' | 'regions' | 'measures'; key: string; column: string };
}

/** An observation's measure (口径): its own, else its indicator's (migration 007). A subquery, so no view needs a join for it. */
export const MEASURE_SQL = 'COALESCE(o.measure, (SELECT mi.measure FROM indicators mi WHERE mi.code = o.indicator))';
const measureName = (column: 'name_zh' | 'name_en') => `(SELECT m.${column} FROM measures m WHERE m.code = ${MEASURE_SQL})`;
/** How many other releases of an observation are kept (observation_releases). */
export const REVISIONS_SQL = '(SELECT count(*) FROM observation_releases x WHERE x.observation_id = o.id)';

export const COLUMNS = {
  id: { sql: 'o.id', type: 'number', nullable: false },
  indicator: { sql: 'o.indicator', type: 'text', nullable: false },
  indicatorName: { sql: 'i.name_zh', type: 'text', nullable: false, join: 'i', through: { table: 'indicators', key: 'o.indicator', column: 'name_zh' } },
  indicatorNameEn: { sql: 'i.name_en', type: 'text', nullable: false, join: 'i', through: { table: 'indicators', key: 'o.indicator', column: 'name_en' } },
  region: { sql: 'o.region', type: 'text', nullable: false },
  regionName: { sql: 'r.name_zh', type: 'text', nullable: false, join: 'r', through: { table: 'regions', key: 'o.region', column: 'name_zh' } },
  regionNameEn: { sql: 'r.name_en', type: 'text', nullable: false, join: 'r', through: { table: 'regions', key: 'o.region', column: 'name_en' } },
  period: { sql: 'o.period', type: 'text', nullable: false },
  year: { sql: 'o.year', type: 'number', nullable: false },
  value: { sql: 'o.value', type: 'number', nullable: true },
  unit: { sql: 'o.unit', type: 'text', nullable: false },
  original: { sql: 'o.original', type: 'text', nullable: false },
  status: { sql: 'o.status', type: 'text', nullable: false },
  importId: { sql: 'o.import_id', type: 'number', nullable: true },
  source: { sql: 'o.source', type: 'text', nullable: false },
  note: { sql: 'o.note', type: 'text', nullable: false },
  measure: { sql: MEASURE_SQL, type: 'text', nullable: false },
  measureName: { sql: measureName('name_zh'), type: 'text', nullable: false, through: { table: 'measures', key: MEASURE_SQL, column: 'name_zh' } },
  measureNameEn: { sql: measureName('name_en'), type: 'text', nullable: false, through: { table: 'measures', key: MEASURE_SQL, column: 'name_en' } },
  bound: { sql: 'o.bound', type: 'text', nullable: false },
  released: { sql: 'o.released', type: 'text', nullable: false },
  releaseLabel: { sql: 'o.release_label', type: 'text', nullable: false },
  revisions: { sql: REVISIONS_SQL, type: 'number', nullable: false },
} as const satisfies Record<string, ColumnDef>;

export type ColumnId = keyof typeof COLUMNS;

/** Column ids the grid may also send in snake case. */
const ALIASES: Readonly<Record<string, ColumnId>> = { import_id: 'importId', indicator_name: 'indicatorName', region_name: 'regionName', release_label: 'releaseLabel' };

export function columnId(id: string): ColumnId {
  const c = ALIASES[id] ?? id;
  if (!Object.hasOwn(COLUMNS, c)) throw new DataError('query.column', { column: id });
  return c as ColumnId;
}

const textCondition = z.object({
  filterType: z.literal('text').optional(),
  type: z.string().nullish(),
  filter: z.string().nullish(),
  filterTo: z.string().nullish(),
});
const numberCondition = z.object({
  filterType: z.literal('number').optional(),
  type: z.string().nullish(),
  filter: z.number().nullish(),
  filterTo: z.number().nullish(),
});
const operator = z.enum(['AND', 'OR']);
const textFilter = z.union([
  z.object({ filterType: z.literal('text'), operator, conditions: z.array(textCondition).max(16) }),
  z.object({ filterType: z.literal('text'), operator, condition1: textCondition, condition2: textCondition }),
  textCondition.extend({ filterType: z.literal('text') }),
]);
const numberFilter = z.union([
  z.object({ filterType: z.literal('number'), operator, conditions: z.array(numberCondition).max(16) }),
  z.object({ filterType: z.literal('number'), operator, condition1: numberCondition, condition2: numberCondition }),
  numberCondition.extend({ filterType: z.literal('number') }),
]);
const setFilter = z.object({ filterType: z.literal('set-values'), values: z.array(z.union([z.string(), z.number(), z.null()])).max(10_000) });

export const columnFilterSchema = z.union([textFilter, numberFilter, setFilter]);
export const filterModelSchema = z.record(z.string(), columnFilterSchema);
export const sortModelSchema = z.array(z.object({ colId: z.string(), sort: z.enum(['asc', 'desc']) })).max(8);

export type FilterModel = z.infer<typeof filterModelSchema>;
export type SortModel = z.infer<typeof sortModelSchema>;
type TextCondition = z.infer<typeof textCondition>;
type NumberCondition = z.infer<typeof numberCondition>;

export interface ViewSpec {
  sortModel?: SortModel | null;
  filterModel?: FilterModel | null;
  /** The data as known on this date (ISO), the way ALFRED serves FRED's history; absent: the latest releases. */
  vintage?: string | null;
}

export interface CompiledView {
  /** `FROM observations o` (or the observations as known on the vintage, as `o`) plus the joins the ORDER BY needs. */
  from: string;
  where: string;
  orderBy: string;
  /** The parameters of `from`, then of `where`. */
  params: unknown[];
  /** A stable text of the view, for caches. */
  key: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function textSql(expr: string, c: TextCondition, params: unknown[]): string | null {
  const type = c.type ?? 'contains';
  if (type === 'empty') return null;
  if (type === 'blank') return `(${expr} IS NULL OR ${expr} = '')`;
  if (type === 'notBlank') return `(${expr} IS NOT NULL AND ${expr} <> '')`;
  const f = c.filter ?? '';
  switch (type) {
    case 'contains':
      params.push(`%${escapeLike(f)}%`);
      return `${expr} LIKE ? ESCAPE '\\'`;
    case 'notContains':
      params.push(`%${escapeLike(f)}%`);
      return `${expr} NOT LIKE ? ESCAPE '\\'`;
    case 'startsWith':
      params.push(`${escapeLike(f)}%`);
      return `${expr} LIKE ? ESCAPE '\\'`;
    case 'endsWith':
      params.push(`%${escapeLike(f)}`);
      return `${expr} LIKE ? ESCAPE '\\'`;
    case 'equals':
      params.push(f);
      return `${expr} = ? COLLATE NOCASE`;
    case 'notEqual':
      params.push(f);
      return `${expr} <> ? COLLATE NOCASE`;
    default:
      throw new DataError('query.filter', { reason: `text filter type ${type}` });
  }
}

function numberSql(expr: string, c: NumberCondition, params: unknown[]): string | null {
  const type = c.type ?? 'equals';
  if (type === 'empty') return null;
  if (type === 'blank') return `${expr} IS NULL`;
  if (type === 'notBlank') return `${expr} IS NOT NULL`;
  const need = (v: number | null | undefined, what: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new DataError('query.filter', { reason: `${type} needs ${what}` });
    return v;
  };
  const ops: Record<string, string> = { equals: '=', notEqual: '<>', lessThan: '<', lessThanOrEqual: '<=', greaterThan: '>', greaterThanOrEqual: '>=' };
  const op = ops[type];
  if (op) {
    params.push(need(c.filter, 'a number'));
    return `${expr} ${op} ?`;
  }
  if (type === 'inRange') {
    // AG Grid's default: both bounds excluded (inRangeInclusive false).
    const a = need(c.filter, 'a lower bound');
    const b = need(c.filterTo, 'an upper bound');
    params.push(Math.min(a, b), Math.max(a, b));
    return `(${expr} > ? AND ${expr} < ?)`;
  }
  throw new DataError('query.filter', { reason: `number filter type ${type}` });
}

function combine(parts: Array<string | null>, op: 'AND' | 'OR'): string | null {
  const used = parts.filter((p): p is string => p !== null);
  if (used.length === 0) return null;
  return used.length === 1 ? used[0]! : `(${used.join(` ${op} `)})`;
}

function columnFilterSql(def: ColumnDef, expr: string, model: z.infer<typeof columnFilterSchema>, params: unknown[]): string | null {
  if (model.filterType === 'set-values') {
    const values = model.values.filter((v) => v !== null);
    const withNull = model.values.length !== values.length;
    if (values.length === 0 && !withNull) return '0';
    const parts: string[] = [];
    if (values.length) {
      params.push(JSON.stringify(values));
      parts.push(`${expr} IN (SELECT value FROM json_each(?))`);
    }
    if (withNull) parts.push(def.nullable ? `${expr} IS NULL` : `${expr} = ''`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  if (model.filterType === 'text') {
    if (def.type !== 'text') throw new DataError('query.filter', { reason: 'text filter on a number column' });
    if ('conditions' in model) return combine(model.conditions.map((c) => textSql(expr, c, params)), model.operator);
    if ('condition1' in model) return combine([textSql(expr, model.condition1, params), textSql(expr, model.condition2, params)], model.operator);
    return textSql(expr, model, params);
  }
  if (def.type !== 'number') throw new DataError('query.filter', { reason: 'number filter on a text column' });
  if ('conditions' in model) return combine(model.conditions.map((c) => numberSql(expr, c, params)), model.operator);
  if ('condition1' in model) return combine([numberSql(expr, model.condition1, params), numberSql(expr, model.condition2, params)], model.operator);
  return numberSql(expr, model, params);
}

/** WHERE conditions for a filter model (without the word WHERE; '1' when there is none). */
export function compileFilter(filterModel: FilterModel | null | undefined, params: unknown[], except?: ColumnId): string {
  const parsed = filterModelSchema.safeParse(filterModel ?? {});
  if (!parsed.success) throw new DataError('query.filter', { reason: parsed.error.issues[0]?.message ?? 'invalid filter model' });
  const parts: string[] = [];
  for (const [rawId, model] of Object.entries(parsed.data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const id = columnId(rawId);
    if (id === except) continue;
    const def: ColumnDef = COLUMNS[id];
    let sql: string | null;
    if (def.through) {
      // Filter names through the small catalogue table, so the observations scan can use its indexes.
      const inner: unknown[] = [];
      const cond = columnFilterSql(def, `t.${def.through.column}`, model, inner);
      sql = cond === null ? null : `${def.through.key} IN (SELECT t.code FROM ${def.through.table} t WHERE ${cond})`;
      params.push(...inner);
    } else sql = columnFilterSql(def, def.sql, model, params);
    if (sql !== null) parts.push(sql);
  }
  return parts.length ? parts.join(' AND ') : '1';
}

/** knownFrom of shared/series/vintage.ts in SQL: a release without a date is known from 1 March after its year. */
const knownFrom = (released: string, year: string) => `(CASE WHEN ${released} <> '' THEN ${released} ELSE (${year} + 1) || '-${UNDATED_KNOWN_FROM}' END)`;

/**
 * The observations as known on a date, as a table `o` with the columns of observations: each row in
 * the latest release made by then (the row itself, else its latest earlier release known then, as
 * asKnownOn in electron/backend/series/figures.ts picks it), a row with no release yet left out.
 * Sorts and filters then apply to the values as they were known. Three parameters, each the date.
 */
export const VINTAGE_FROM = `(SELECT v.id, v.indicator, v.region, v.period, v.year, v.unit, v.status, v.import_id,
    CASE WHEN k.id IS NULL THEN v.measure ELSE COALESCE(k.measure, v.measure) END AS measure,
    CASE WHEN k.id IS NULL THEN v.value ELSE k.value END AS value,
    CASE WHEN k.id IS NULL THEN v.original ELSE k.original END AS original,
    CASE WHEN k.id IS NULL THEN v.bound ELSE k.bound END AS bound,
    CASE WHEN k.id IS NULL THEN v.released ELSE k.released END AS released,
    CASE WHEN k.id IS NULL THEN v.release_label ELSE k.release_label END AS release_label,
    CASE WHEN k.id IS NULL THEN v.source ELSE k.source END AS source,
    CASE WHEN k.id IS NULL THEN v.note ELSE k.note END AS note
  FROM observations v LEFT JOIN observation_releases k
    ON ${knownFrom('v.released', 'v.year')} > ?
   AND k.id = (SELECT r.id FROM observation_releases r WHERE r.observation_id = v.id AND ${knownFrom('r.released', 'v.year')} <= ? ORDER BY ${knownFrom('r.released', 'v.year')} DESC, r.id DESC LIMIT 1)
  WHERE ${knownFrom('v.released', 'v.year')} <= ? OR k.id IS NOT NULL) o`;

/** A vintage date as given, checked: null when absent. */
export function checkVintage(vintage: string | null | undefined): string | null {
  if (vintage === null || vintage === undefined || vintage === '') return null;
  if (!isIsoDate(vintage)) throw new WorkbenchError('data.vintage', { text: vintage.slice(0, 40) });
  return vintage;
}

export function compileView(view: ViewSpec): CompiledView {
  const sort = sortModelSchema.safeParse(view.sortModel ?? []);
  if (!sort.success) throw new DataError('query.filter', { reason: 'invalid sort model' });
  const vintage = checkVintage(view.vintage);
  const params: unknown[] = vintage ? [vintage, vintage, vintage] : [];
  const where = compileFilter(view.filterModel, params);
  const joins = new Set<'i' | 'r'>();
  const order: string[] = [];
  for (const s of sort.data) {
    const id = columnId(s.colId);
    const def: ColumnDef = COLUMNS[id];
    if (def.join) joins.add(def.join);
    order.push(`${def.sql} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
    if (id === 'id') break;
  }
  // Ties broken by id, so every view has exactly one order and paging never repeats or skips a row.
  if (!order.some((o) => o.startsWith('o.id '))) order.push('o.id ASC');
  let from = vintage ? VINTAGE_FROM : 'observations o';
  if (joins.has('i')) from += ' LEFT JOIN indicators i ON i.code = o.indicator';
  if (joins.has('r')) from += ' LEFT JOIN regions r ON r.code = o.region';
  return { from, where, orderBy: order.join(', '), params, key: JSON.stringify([vintage, where, order, params]) };
}
