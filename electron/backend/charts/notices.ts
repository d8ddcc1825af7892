// Data notices: what a workspace upgrade corrected in figures a saved chart draws (migration 007's
// data_notices, e.g. 重庆 2018 GDP now the census revision), so a saved chart never changes silently.
// A chart shows a notice while it draws that indicator in that region in that year and its user has
// not dismissed it (data_notices_seen).
import type { ChartNotice } from '../../../shared/api/charts-contract';
import type { Db } from '../db/workspace';
import { drawnFigures, type DrawnFigures } from './resolve-data';
import { getChart } from './storage';

interface NoticeRow {
  id: number;
  createdAt: string;
  indicator: string;
  region: string;
  year: number;
  messageZh: string;
  messageEn: string;
}

const NOTICES_SQL = `
  SELECT n.id, n.created_at AS createdAt, n.indicator, n.region, n.year, n.message_zh AS messageZh, n.message_en AS messageEn
  FROM data_notices n
  WHERE NOT EXISTS (SELECT 1 FROM data_notices_seen s WHERE s.notice_id = n.id AND s.chart_id = ?)
  ORDER BY n.id`;

function draws(figures: readonly DrawnFigures[], notice: NoticeRow): boolean {
  return figures.some((f) => f.indicator === notice.indicator && f.region === notice.region && f.years.includes(notice.year));
}

/**
 * The notices a saved chart shows: not dismissed for it, about a figure it draws. A chart whose
 * bindings no longer resolve draws nothing, so it shows none (its preview says what is wrong).
 */
export function chartNotices(db: Db, chartId: number): ChartNotice[] {
  const { spec } = getChart(db, chartId);
  const open = db.prepare(NOTICES_SQL).all(chartId) as NoticeRow[];
  if (!open.length) return [];
  let figures: DrawnFigures[];
  try {
    figures = drawnFigures(db, spec);
  } catch {
    return [];
  }
  return open.filter((n) => draws(figures, n));
}

/** Dismisses a notice for one chart (again, or an unknown notice: nothing changes); the chart's notices left. */
export function dismissNotice(db: Db, chartId: number, noticeId: number): ChartNotice[] {
  getChart(db, chartId);
  db.prepare('INSERT OR IGNORE INTO data_notices_seen (notice_id, chart_id) SELECT id, ? FROM data_notices WHERE id = ?').run(chartId, noticeId);
  return chartNotices(db, chartId);
}

/** How many notices each saved chart shows, for the chart list; no work when the workspace has none. */
export function noticeCounts(db: Db, chartIds: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>(chartIds.map((id) => [id, 0]));
  const any = db.prepare('SELECT 1 FROM data_notices LIMIT 1').get();
  if (!any) return counts;
  for (const id of chartIds) counts.set(id, chartNotices(db, id).length);
  return counts;
}
