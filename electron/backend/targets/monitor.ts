// The monitor: each live target with its actuals (from its linked indicator's annual observations and
// from values recorded by hand), the active scenario's projection, and the status the rules give.
import { WorkbenchError } from '../../../shared/api/errors';
import { monitorSettingsSchema, type MonitorRow } from '../../../shared/api/targets-contract';
import { targetStatus, targetStatuses, type TargetStatus } from '../../../shared/monitor/status';
import type { Locale } from '../../../shared/i18n';
import type { z } from 'zod';
import type { Db } from '../db/workspace';
import { listScenarios, runScenario } from '../scenarios';
import { listTargets } from './store';

export type MonitorSettings = z.output<typeof monitorSettingsSchema>;

const settingsKey = 'monitor.settings';

export function monitorSettings(db: Db): MonitorSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingsKey) as string | undefined;
  const parsed = raw === undefined ? null : monitorSettingsSchema.safeParse(JSON.parse(raw));
  if (parsed?.success) return parsed.data;
  // Until the user picks one, the monitor compares with the first scenario (the seeded baseline).
  return monitorSettingsSchema.parse({ thresholds: {}, scenarioId: listScenarios(db)[0]?.id ?? null });
}

export function setMonitorSettings(db: Db, settings: MonitorSettings): MonitorSettings {
  if (settings.scenarioId !== null && !listScenarios(db).some((s) => s.id === settings.scenarioId)) {
    throw new WorkbenchError('scenario.notFound', { id: settings.scenarioId });
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(settingsKey, JSON.stringify(settings));
  return settings;
}

type Actual = MonitorRow['actuals'][number];

/**
 * One figure a year for an indicator in a region: its annual observations (period = the year), the
 * published value first, then an estimate, then a derived one; illustrative values never count.
 */
export function annualFigures(db: Db, indicator: string, region: string): Map<number, { year: number; value: number; source: string; note: string }> {
  const rows = db
    .prepare(
      `SELECT year, value, source, note FROM observations
       WHERE indicator = ? AND region = ? AND period = CAST(year AS TEXT) AND value IS NOT NULL AND status IN ('actual', 'estimate', 'derived')
       ORDER BY year, CASE status WHEN 'actual' THEN 0 WHEN 'estimate' THEN 1 ELSE 2 END`,
    )
    .all(indicator, region) as Array<{ year: number; value: number; source: string; note: string }>;
  const byYear = new Map<number, { year: number; value: number; source: string; note: string }>();
  for (const r of rows) if (!byYear.has(r.year)) byYear.set(r.year, r);
  return byYear;
}

/**
 * Annual values of the target's indicator and region (published first, then estimates and derived),
 * overlaid by recorded ones. A year in `definition_breaks` for that indicator and region starts a
 * new definition (重庆's share of GDP from 2022).
 */
export function actualsFor(db: Db, target: { code: string; indicator: string | null; region: string | null }): Actual[] {
  const byYear = new Map<number, Actual>();
  const breaks = new Set<number>();
  if (target.indicator && target.region) {
    const years = db.prepare('SELECT year FROM definition_breaks WHERE indicator = ? AND region = ?').pluck().all(target.indicator, target.region) as number[];
    for (const year of years) breaks.add(year);
    for (const r of annualFigures(db, target.indicator, target.region).values()) {
      byYear.set(r.year, { year: r.year, value: r.value, from: 'observation', source: r.source, note: r.note, breakBefore: breaks.has(r.year) });
    }
  }
  const recorded = db.prepare('SELECT year, value, source, note FROM target_actuals WHERE target = ? ORDER BY year').all(target.code) as Array<{
    year: number;
    value: number;
    source: string;
    note: string;
  }>;
  for (const r of recorded) byYear.set(r.year, { year: r.year, value: r.value, from: 'recorded', source: r.source, note: r.note, breakBefore: breaks.has(r.year) });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The projection of each target the active scenario also carries (same code), or nothing when it cannot run. */
function scenarioProjections(db: Db, scenarioId: number | null, locale: Locale) {
  const projections = new Map<string, { value: number; met: boolean; firstYearMet: number | null }>();
  if (scenarioId === null) return { scenario: null, projections };
  const scenario = listScenarios(db).find((s) => s.id === scenarioId);
  if (!scenario) return { scenario: null, projections };
  try {
    const run = runScenario(db, scenarioId, locale);
    for (const t of run.projection.targets) projections.set(t.id, { value: t.value, met: t.met, firstYearMet: t.firstYearMet });
  } catch {
    // A scenario whose bases no longer resolve (its indicator was deleted, say) simply projects nothing here.
    return { scenario: { id: scenario.id, name: scenario.name }, projections };
  }
  return { scenario: { id: scenario.id, name: scenario.name }, projections };
}

export function computeMonitor(db: Db, options: { plan?: string; asOfYear?: number; locale: Locale }) {
  const settings = monitorSettings(db);
  const asOfYear = options.asOfYear ?? new Date().getFullYear();
  const { scenario, projections } = scenarioProjections(db, settings.scenarioId, options.locale);
  const rows: MonitorRow[] = listTargets(db, options.plan).map((target) => {
    const actuals = actualsFor(db, target);
    const projection = projections.get(target.code) ?? null;
    const result = targetStatus({
      comparator: target.comparator,
      value: target.value,
      deadline: target.deadline,
      actuals,
      asOfYear,
      thresholds: settings.thresholds,
      assessment: target.assessment,
      projection,
    });
    return {
      target,
      status: result.status,
      rule: result.rule,
      ruleParams: result.params,
      latest: result.latest ? { year: result.latest.year, value: result.latest.value } : null,
      progress: result.progress,
      pathValue: result.pathValue,
      requiredGrowth: result.requiredGrowth,
      projection,
      actuals,
    };
  });
  const counts: Array<{ plan: string; status: TargetStatus; n: number }> = [];
  for (const plan of [...new Set(rows.map((r) => r.target.plan))]) {
    for (const status of targetStatuses) counts.push({ plan, status, n: rows.filter((r) => r.target.plan === plan && r.status === status).length });
  }
  return { asOfYear, settings, scenario, rows, counts };
}
