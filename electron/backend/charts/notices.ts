// Notices on saved charts: what a workspace upgrade changed in what a chart draws, so a saved chart
// never changes silently. Two kinds share data_notices: a corrected figure (migration 007, e.g. 重庆
// 2018 GDP now the census revision), shown while the chart draws that indicator in that region in that
// year; and the target-line rule (a target judged on another measure than the values drawn is no
// longer drawn), recorded once per workspace whose saved charts it changed, shown on each chart saved
// before it that leaves a target out. Either stays until its user dismisses it (data_notices_seen).
import type { ChartNotice } from '../../../shared/api/charts-contract';
import { translate } from '../../../shared/i18n';
import type { Db } from '../db/workspace';
import { drawnEvidence, type DrawnEvidence } from './resolve-data';
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

/** The settings key holding the id of the target-line rule notice ('' when the rule changed no saved chart). */
const ruleKey = 'notice.targetMeasureRule';

function ruleNoticeId(db: Db): number | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ruleKey) as string | undefined;
  return value ? Number(value) : null;
}

/**
 * Once per workspace: when saved charts leave out a target line that they drew before the rule (a
 * target judged on another measure than the values drawn), records the notice that says so. A
 * workspace with no such chart records that it has none, so charts saved later never show it.
 */
export function recordTargetRuleNotice(db: Db): void {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(ruleKey)) return;
  const ids = (db.prepare('SELECT id FROM charts ORDER BY id').all() as Array<{ id: number }>).map((c) => c.id);
  const changed = ids.some((id) => {
    try {
      return drawnEvidence(db, getChart(db, id).spec).omittedTargets.length > 0;
    } catch {
      // A chart whose spec or bindings no longer resolve draws nothing: the rule changed nothing in it.
      return false;
    }
  });
  db.transaction(() => {
    let id = '';
    if (changed) {
      // The rule concerns no one figure: the notice names none (indicator and region empty, year 0).
      const row = db
        .prepare('INSERT INTO data_notices (created_at, indicator, region, year, message_zh, message_en) VALUES (?, ?, ?, ?, ?, ?)')
        .run(new Date().toISOString(), '', '', 0, translate('zh', 'charts.notice.targetMeasure'), translate('en', 'charts.notice.targetMeasure'));
      id = String(row.lastInsertRowid);
    }
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(ruleKey, id);
  })();
}

function draws(evidence: DrawnEvidence, notice: NoticeRow): boolean {
  return evidence.figures.some((f) => f.indicator === notice.indicator && f.region === notice.region && f.years.includes(notice.year));
}

/**
 * The notices a saved chart shows, not dismissed for it: those about a figure it draws, and the
 * target-line rule when the chart was saved before it and leaves a target out. A chart whose bindings
 * no longer resolve draws nothing, so it shows none (its preview says what is wrong).
 */
export function chartNotices(db: Db, chartId: number): ChartNotice[] {
  const { updatedAt, spec } = getChart(db, chartId);
  const open = db.prepare(NOTICES_SQL).all(chartId) as NoticeRow[];
  if (!open.length) return [];
  let evidence: DrawnEvidence;
  try {
    evidence = drawnEvidence(db, spec);
  } catch {
    return [];
  }
  const rule = ruleNoticeId(db);
  return open.filter((n) => (n.id === rule ? updatedAt < n.createdAt && evidence.omittedTargets.length > 0 : draws(evidence, n)));
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
