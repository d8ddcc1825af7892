// Saved charts and briefing packs in the workspace. A chart's spec is validated by the shared
// `chartSpecSchema` before it is stored, so a bad field is named with the reason in the user's
// language; a briefing's name and ordered items are replaced together in one transaction.
import { z } from 'zod';
import { WorkbenchError } from '../../../shared/api/errors';
import type { BriefingSummary, ChartSummary } from '../../../shared/api/charts-contract';
import { chartSpecSchema, minimumSizeIn, templateIds, type ChartSpec } from '../../../shared/charts/spec';
import { translate, type Locale } from '../../../shared/i18n';
import type { Db } from '../db/workspace';

interface ChartRow {
  id: number;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

interface BriefingRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  charts: number;
}

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(spec)';
}

/** A spec as saved: defaults filled in; a bad field throws `chart.invalidSpec` naming the field and why. */
export function parseSpec(raw: unknown, locale: Locale): ChartSpec {
  const parsed = chartSpecSchema.safeParse(raw, locale === 'zh' ? { error: z.locales.zhCN().localeError } : {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issuePath(issue.path),
    issue:
      issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'template'
        ? translate(locale, 'chart.spec.badTemplate', { options: templateIds.join(', ') })
        : issue.message,
  }));
  const first = issues[0]!;
  throw new WorkbenchError('chart.invalidSpec', { path: first.path, issue: first.issue, count: issues.length }, issues);
}

function summaryOf(row: ChartRow, spec: ChartSpec): ChartSummary {
  return { id: row.id, name: row.name, template: spec.template, title: spec.title, createdAt: row.created_at, updatedAt: row.updated_at };
}

function chartRow(db: Db, id: number): ChartRow {
  const row = db.prepare('SELECT * FROM charts WHERE id = ?').get(id) as ChartRow | undefined;
  if (!row) throw new WorkbenchError('chart.notFound', { id });
  return row;
}

/** The stored spec, read back through the schema (a spec saved by an older build gains new defaults). */
/**
 * A saved chart's spec. One saved before sizes under 240×160 px were refused (nothing that small is
 * legible) opens at the smallest size in its own unit rather than failing the whole chart list.
 */
function storedSpec(row: ChartRow): ChartSpec {
  const raw: unknown = JSON.parse(row.spec);
  const parsed = chartSpecSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const size = (raw as { size?: { preset?: string; width?: number; height?: number; unit?: 'px' | 'cm'; dpi?: number } }).size;
  if (size?.preset === 'custom' && parsed.error.issues.every((i) => i.code === 'too_small' && i.path[0] === 'size')) {
    const min = minimumSizeIn(size.unit ?? 'px', size.dpi ?? 96);
    const width = Math.max(size.width ?? 0, min.width);
    const height = Math.max(size.height ?? 0, min.height);
    return chartSpecSchema.parse({ ...(raw as object), size: { ...size, width, height } });
  }
  throw parsed.error;
}

export function listCharts(db: Db): ChartSummary[] {
  return (db.prepare('SELECT * FROM charts ORDER BY id').all() as ChartRow[]).map((row) => summaryOf(row, storedSpec(row)));
}

export function getChart(db: Db, id: number): ChartSummary & { spec: ChartSpec } {
  const row = chartRow(db, id);
  const spec = storedSpec(row);
  return { ...summaryOf(row, spec), spec };
}

/** Creates a chart (no id) or replaces the spec of an existing one. */
export function saveChart(db: Db, input: { id?: number; spec: unknown }, locale: Locale): ChartSummary {
  const spec = parseSpec(input.spec, locale);
  const name = spec.name || spec.title;
  const now = new Date().toISOString();
  const json = JSON.stringify(spec);
  return db.transaction(() => {
    if (input.id === undefined) {
      const id = Number(db.prepare('INSERT INTO charts (name, spec, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, json, now, now).lastInsertRowid);
      return summaryOf(chartRow(db, id), spec);
    }
    chartRow(db, input.id);
    db.prepare('UPDATE charts SET name = ?, spec = ?, updated_at = ? WHERE id = ?').run(name, json, now, input.id);
    return summaryOf(chartRow(db, input.id), spec);
  })();
}

/**
 * A chart that a briefing holds is not deleted: the error names the briefings, so the analyst removes
 * it from them first and no briefing loses a slide without being told.
 */
export function deleteChart(db: Db, id: number, locale: Locale): void {
  const row = chartRow(db, id);
  const holders = db
    .prepare('SELECT DISTINCT b.name FROM briefing_items i JOIN briefings b ON b.id = i.briefing_id WHERE i.chart_id = ? ORDER BY b.id')
    .all(id) as Array<{ name: string }>;
  if (holders.length) {
    const names = holders.map((h) => (locale === 'zh' ? `“${h.name}”` : `"${h.name}"`)).join(locale === 'zh' ? '、' : ', ');
    throw new WorkbenchError('chart.inBriefing', { id, chart: row.name, briefings: names, count: holders.length });
  }
  db.prepare('DELETE FROM charts WHERE id = ?').run(id);
}

const briefingSql = `SELECT b.id, b.name, b.created_at, b.updated_at,
  (SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id) AS charts FROM briefings b`;

function briefingSummary(row: BriefingRow): BriefingSummary {
  return { id: row.id, name: row.name, charts: row.charts, createdAt: row.created_at, updatedAt: row.updated_at };
}

function briefingRow(db: Db, id: number): BriefingRow {
  const row = db.prepare(`${briefingSql} WHERE b.id = ?`).get(id) as BriefingRow | undefined;
  if (!row) throw new WorkbenchError('briefing.notFound', { id });
  return row;
}

export function listBriefings(db: Db): BriefingSummary[] {
  return (db.prepare(`${briefingSql} ORDER BY b.id`).all() as BriefingRow[]).map(briefingSummary);
}

export interface BriefingItemRow {
  chartId: number;
  notes: string;
}

export function briefingItems(db: Db, id: number): BriefingItemRow[] {
  return db.prepare('SELECT chart_id AS chartId, notes FROM briefing_items WHERE briefing_id = ? ORDER BY position').all(id) as BriefingItemRow[];
}

export function getBriefing(db: Db, id: number) {
  const summary = briefingSummary(briefingRow(db, id));
  const items = briefingItems(db, id).map((item) => {
    const chart = getChart(db, item.chartId);
    return { chartId: item.chartId, notes: item.notes, name: chart.name, template: chart.template, title: chart.title };
  });
  return { ...summary, items };
}

/** Replaces the name and the ordered items at once; every chart must exist. */
export function saveBriefing(db: Db, input: { id?: number; name: string; items: BriefingItemRow[] }): BriefingSummary {
  const name = input.name.trim();
  if (!name) throw new WorkbenchError('briefing.emptyName', {});
  const now = new Date().toISOString();
  return db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM charts WHERE id = ?');
    input.items.forEach((item, index) => {
      if (!exists.get(item.chartId)) throw new WorkbenchError('briefing.unknownChart', { chartId: item.chartId, position: index + 1 });
    });
    let id = input.id;
    if (id === undefined) {
      id = Number(db.prepare('INSERT INTO briefings (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now).lastInsertRowid);
    } else {
      briefingRow(db, id);
      db.prepare('UPDATE briefings SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
      db.prepare('DELETE FROM briefing_items WHERE briefing_id = ?').run(id);
    }
    const insert = db.prepare('INSERT INTO briefing_items (briefing_id, position, chart_id, notes) VALUES (?, ?, ?, ?)');
    input.items.forEach((item, index) => insert.run(id, index, item.chartId, item.notes));
    return briefingSummary(briefingRow(db, id));
  })();
}

export function deleteBriefing(db: Db, id: number): void {
  briefingRow(db, id);
  db.prepare('DELETE FROM briefings WHERE id = ?').run(id);
}
