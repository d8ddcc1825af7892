// What a chart can be bound to, for the designer's pickers: indicators and regions holding annual
// figures, scenarios (named in the session's language, as the chart will name them), quantitative
// targets, and the years the figures cover.
import type { Locale } from '../../../shared/i18n';
import type { Db } from '../db/workspace';

export function chartSources(db: Db, locale: Locale) {
  const indicators = db
    .prepare(
      `SELECT i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.unit FROM indicators i
       WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator = i.code AND o.period = CAST(o.year AS TEXT)) ORDER BY i.code`,
    )
    .all() as Array<{ code: string; nameZh: string; nameEn: string; unit: string }>;
  const regions = db
    .prepare(
      `SELECT r.code, r.name_zh AS nameZh, r.name_en AS nameEn FROM regions r
       WHERE EXISTS (SELECT 1 FROM observations o WHERE o.region = r.code AND o.period = CAST(o.year AS TEXT)) ORDER BY r.code`,
    )
    .all() as Array<{ code: string; nameZh: string; nameEn: string }>;
  const scenarios = db
    .prepare(
      `SELECT s.id, CASE WHEN ? = 'en' THEN coalesce(nullif(json_extract(v.definition, '$.nameEn'), ''), s.name) ELSE s.name END AS name
       FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = (SELECT max(version) FROM scenario_versions x WHERE x.scenario_id = s.id)
       WHERE s.deleted_at IS NULL ORDER BY s.id`,
    )
    .all(locale) as Array<{ id: number; name: string }>;
  const targets = db
    .prepare(
      `SELECT code, title_zh AS titleZh, title_en AS titleEn, unit, value, deadline FROM targets
       WHERE retired_at IS NULL AND comparator <> 'qualitative' AND value IS NOT NULL ORDER BY plan, sort, code`,
    )
    .all() as Array<{ code: string; titleZh: string; titleEn: string; unit: string; value: number; deadline: number | null }>;
  const span = db.prepare('SELECT min(year) AS "from", max(year) AS "to" FROM observations WHERE period = CAST(year AS TEXT)').get() as { from: number | null; to: number | null };
  return { indicators, regions, scenarios, targets, years: span.from === null || span.to === null ? null : { from: span.from, to: span.to } };
}
