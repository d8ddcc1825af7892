// Notices on saved charts: what a workspace upgrade changed in what a chart draws, so a saved chart
// never changes silently. Two kinds share data_notices: a corrected figure (migration 007, e.g. 重庆
// 2018 GDP now the census revision), shown while the chart draws that indicator in that region in that
// year; and a changed drawing rule, recorded once per workspace whose saved charts it changed, shown on
// each chart saved before it that it changes. The rules: a target judged on another measure than the
// values drawn is no longer drawn; a share of GDP is drawn, in years it has none, from the share
// another share indicator publishes on the same measure (重庆 2022 under the national share: 45.4%);
// every chart writes its numbers in one unit per unit drawn (亿元 or 万亿元, chosen by the largest),
// with one number of decimals and ticks in steps of 1, 2 or 5; the 预测期 is shaded only after the
// last known year; a release without a date is known from 1 March after its year, no longer 1 January
// (a chart pinned to a date in January or February may draw a year less). Either kind stays until its user dismisses it for that chart (data_notices_seen).
import type { ChartNotice } from '../../../shared/api/charts-contract';
import { translate } from '../../../shared/i18n';
import { undatedRuleChanges } from '../../../shared/series/vintage';
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

interface Rule {
  /** The settings key holding the id of the rule's notice ('' when the rule changed no saved chart). */
  key: string;
  message: 'charts.notice.targetMeasure' | 'charts.notice.shareVia' | 'charts.notice.units' | 'charts.notice.projectionShade' | 'charts.notice.undatedRelease';
  /** Whether the rule changes what a chart drawing this draws. */
  changes: (evidence: DrawnEvidence) => boolean;
}

const rules: readonly Rule[] = [
  { key: 'notice.targetMeasureRule', message: 'charts.notice.targetMeasure', changes: (e) => e.omittedTargets.length > 0 },
  { key: 'notice.shareViaRule', message: 'charts.notice.shareVia', changes: (e) => e.figures.some((f) => f.via !== null) },
  // Every template writes numbers (labels, ticks, tooltips): each chart saved before draws them anew.
  { key: 'notice.unitsRule', message: 'charts.notice.units', changes: () => true },
  { key: 'notice.projectionShadeRule', message: 'charts.notice.projectionShade', changes: (e) => e.projections },
  { key: 'notice.undatedReleaseRule', message: 'charts.notice.undatedRelease', changes: (e) => e.vintage !== null && undatedRuleChanges(e.vintage) },
];

function ruleNoticeId(db: Db, rule: Rule): number | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(rule.key) as string | undefined;
  return value ? Number(value) : null;
}

/**
 * Once per workspace and rule: when the rule changes what saved charts draw, records the notice that
 * says so. A workspace with no such chart records that it has none, so charts saved later never show it.
 */
export function recordRuleNotices(db: Db): void {
  const pending = rules.filter((rule) => !db.prepare('SELECT 1 FROM settings WHERE key = ?').get(rule.key));
  if (!pending.length) return;
  const evidence = (db.prepare('SELECT id FROM charts ORDER BY id').all() as Array<{ id: number }>).flatMap(({ id }) => {
    try {
      return [drawnEvidence(db, getChart(db, id).spec)];
    } catch {
      // A chart whose spec or bindings no longer resolve draws nothing: no rule changed anything in it.
      return [];
    }
  });
  db.transaction(() => {
    for (const rule of pending) {
      let id = '';
      if (evidence.some(rule.changes)) {
        // A rule concerns no one figure: its notice names none (indicator and region empty, year 0).
        const row = db
          .prepare('INSERT INTO data_notices (created_at, indicator, region, year, message_zh, message_en) VALUES (?, ?, ?, ?, ?, ?)')
          .run(new Date().toISOString(), '', '', 0, translate('zh', rule.message), translate('en', rule.message));
        id = String(row.lastInsertRowid);
      }
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(rule.key, id);
    }
  })();
}

/** Whether the chart draws the figure a notice is about (in whichever indicator's series). */
function draws(evidence: DrawnEvidence, notice: NoticeRow): boolean {
  return evidence.figures.some((f) => (f.via ?? f.indicator) === notice.indicator && f.region === notice.region && f.years.includes(notice.year));
}

/**
 * The notices a saved chart shows, not dismissed for it: those about a figure it draws, and a rule's
 * when the chart was saved before it and the rule changes it. A chart whose bindings no longer
 * resolve draws nothing, so it shows none (its preview says what is wrong).
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
  const ruleOf = new Map(
    rules.flatMap((rule) => {
      const id = ruleNoticeId(db, rule);
      return id === null ? [] : [[id, rule] as const];
    }),
  );
  return open.filter((n) => {
    const rule = ruleOf.get(n.id);
    return rule ? updatedAt < n.createdAt && rule.changes(evidence) : draws(evidence, n);
  });
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
