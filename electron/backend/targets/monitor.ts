// The monitor: each live target with its actuals (from its linked indicator's annual observations and
// from values recorded by hand), the active scenario's projection, and the status the rules give.
import { WorkbenchError } from '../../../shared/api/errors';
import { monitorSettingsSchema, type MonitorRow } from '../../../shared/api/targets-contract';
import { isJudged, isReportedFact, issuedOn, targetStatus, targetStatuses, type TargetStatus } from '../../../shared/monitor/status';
import type { Locale } from '../../../shared/i18n';
import type { z } from 'zod';
import { indicatorMeasure } from '../db/access';
import type { Db } from '../db/workspace';
import { listScenarios, runScenario, scenarioDefinition } from '../scenarios/store';
import { knownOn } from '../../../shared/series/vintage';
import { annualSeries, breakYears, listMeasures, measuresOf, measureReplacedFrom, type Figure } from '../series/figures';
import { indicatorSeries } from '../series/shares';
import { isRateUnit } from '../../../shared/series/change';
import type { Bound } from '../../../shared/series/bound';
import { scenarioBasis } from '../overview/scenario-basis';
import { listPlans, listTargets } from './store';

export type MonitorSettings = z.output<typeof monitorSettingsSchema>;

const settingsKey = 'monitor.settings';
/** Set when saved settings were given a threshold added since they were saved; cleared when settings are saved again. */
const noticeKey = 'monitor.settings.notice';

export type SettingsNotice = { added: 'maxRequiredPoints'; value: number };

/**
 * The monitor's settings. Settings saved before `maxRequiredPoints` existed are migrated once: the
 * threshold is written in at its default and a notice kept, which the Targets page and the CLI show
 * until the settings are saved again (until then share targets were judged by relative growth).
 */
export function monitorSettings(db: Db): MonitorSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingsKey) as string | undefined;
  const saved: unknown = raw === undefined ? null : JSON.parse(raw);
  const parsed = saved === null ? null : monitorSettingsSchema.safeParse(saved);
  if (parsed?.success) {
    const thresholds = (saved as { thresholds?: Record<string, unknown> }).thresholds ?? {};
    if (!('maxRequiredPoints' in thresholds)) {
      db.transaction(() => {
        writeSettings(db, parsed.data);
        const notice: SettingsNotice = { added: 'maxRequiredPoints', value: parsed.data.thresholds.maxRequiredPoints };
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(noticeKey, JSON.stringify(notice));
      })();
    }
    return parsed.data;
  }
  // Until the user picks one, the monitor compares with the scenario starting latest (the first of
  // those): the seeded broad-measure baseline from 2022, whose measure the live targets share.
  const latest = listScenarios(db)
    .map((s) => ({ id: s.id, baseYear: scenarioDefinition(db, s.id).baseYear }))
    .reduce<{ id: number; baseYear: number } | null>((best, s) => (!best || s.baseYear > best.baseYear ? s : best), null);
  return monitorSettingsSchema.parse({ thresholds: {}, scenarioId: latest?.id ?? null });
}

/** The notice of a threshold added to saved settings by migration, until the settings are saved again. */
export function settingsNotice(db: Db): SettingsNotice | null {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(noticeKey) as string | undefined;
  return raw === undefined ? null : (JSON.parse(raw) as SettingsNotice);
}

function writeSettings(db: Db, settings: MonitorSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(settingsKey, JSON.stringify(settings));
}

export function setMonitorSettings(db: Db, settings: MonitorSettings): MonitorSettings {
  if (settings.scenarioId !== null && !listScenarios(db).some((s) => s.id === settings.scenarioId)) {
    throw new WorkbenchError('scenario.notFound', { id: settings.scenarioId });
  }
  db.transaction(() => {
    writeSettings(db, settings);
    db.prepare('DELETE FROM settings WHERE key = ?').run(noticeKey);
  })();
  return settings;
}

type Actual = MonitorRow['actuals'][number];
type MeasureRef = NonNullable<MonitorRow['measure']>;

interface TargetRef {
  code: string;
  indicator: string | null;
  region: string | null;
  measure?: string | null;
}

/** The measure a target is judged on: its own, else its indicator's; null without an indicator. */
function judgedMeasure(db: Db, target: TargetRef): string | null {
  if (!target.indicator) return null;
  return target.measure ?? indicatorMeasure(db, target.indicator);
}

function toActual(f: Figure, breaks: Set<number>): Actual {
  return {
    observationId: f.id,
    year: f.year,
    value: f.value!,
    bound: f.bound,
    measure: f.measure,
    from: 'observation',
    status: f.status,
    released: f.released,
    releaseLabel: f.releaseLabel,
    source: f.source,
    note: f.note,
    breakBefore: breaks.has(f.year),
  };
}

/**
 * The target's actuals on one measure (the judged one by default), through the series layer, as
 * known on `vintage`: published figures first, then estimates and derived ones (for a share of GDP,
 * the share of the same measure another share indicator publishes where the linked one has none),
 * overlaid by values recorded by hand (which belong to the target and so to its measure). Years where
 * the series' measure changes, or that definition_breaks names, start a new definition.
 */
export function actualsFor(db: Db, target: TargetRef, options: { measure?: string | null; vintage?: string | null } = {}): Actual[] {
  const measure = options.measure ?? judgedMeasure(db, target);
  const byYear = new Map<number, Actual>();
  let breaks = new Set<number>();
  if (target.indicator && target.region) {
    const all = annualSeries(db, target.indicator, target.region, { asOf: options.vintage });
    breaks = new Set(breakYears(db, target.indicator, target.region, all));
    const figures = measure ? indicatorSeries(db, target.indicator, target.region, { asOf: options.vintage, measure }) : all;
    for (const f of figures) if (f.value !== null) byYear.set(f.year, toActual(f, breaks));
  }
  if (!options.measure || options.measure === judgedMeasure(db, target)) {
    const recorded = db.prepare('SELECT year, value, bound, released, source, note FROM target_actuals WHERE target = ? ORDER BY year').all(target.code) as Array<{
      year: number;
      value: number;
      bound: Bound;
      released: string;
      source: string;
      note: string;
    }>;
    // A value recorded by hand is known from its release date; without one, as for any undated
    // release, from the end of its year.
    for (const r of recorded.filter((x) => knownOn(x.released, x.year, options.vintage))) {
      byYear.set(r.year, {
        ...r,
        observationId: null,
        measure: measure ?? '',
        from: 'recorded',
        status: 'actual',
        releaseLabel: '',
        breakBefore: breaks.has(r.year),
      });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The compared scenario: its projection of each target it carries (same code), its measure, or nothing when it cannot run. */
/**
 * Whether the published figures a scenario starts from (the sources it names for its base year) were
 * all known on `vintage`: the broad scenarios start from 重庆's 2022 share of 45.4%, released on
 * 2023-12-13, so judged as the data stood in mid-2023 they are hindsight.
 */
function basesKnownOn(db: Db, definition: ReturnType<typeof scenarioDefinition>, vintage: string): boolean {
  const year = definition.baseYear;
  const sources = (definition.backtest?.sources ?? []).filter((s) => (s.from ?? year) <= year && year <= (s.to ?? year));
  return sources.every((s) => {
    const has = (asOf: string | null) => annualSeries(db, s.indicator, s.region, { asOf }).some((f) => f.year === year && f.value !== null);
    return !has(null) || has(vintage);
  });
}

function scenarioProjections(db: Db, scenarioId: number | null, locale: Locale, vintage: string | null) {
  const projections = new Map<string, { value: number; met: boolean; firstYearMet: number | null }>();
  if (scenarioId === null) return { scenario: null, measure: null, baseYear: null, basesKnown: true, projections };
  const scenario = listScenarios(db).find((s) => s.id === scenarioId);
  if (!scenario) return { scenario: null, measure: null, baseYear: null, basesKnown: true, projections };
  const definition = scenarioDefinition(db, scenarioId);
  const measure = definition.measure ?? null;
  try {
    const run = runScenario(db, scenarioId, locale);
    for (const t of run.projection.targets) projections.set(t.id, { value: t.value, met: t.met, firstYearMet: t.firstYearMet });
  } catch {
    // A scenario whose bases no longer resolve (its indicator was deleted, say) simply projects nothing here.
  }
  const name = locale === 'en' && definition.nameEn ? definition.nameEn : scenario.name;
  return { scenario: { id: scenario.id, name }, measure, baseYear: definition.baseYear, basesKnown: vintage === null || basesKnownOn(db, definition, vintage), projections };
}

/** The measures catalogue as the monitor names them, by code. */
export function measureRefs(db: Db): (code: string | null) => MeasureRef | null {
  const measures = new Map(listMeasures(db).map((m): [string, MeasureRef] => [m.code, { code: m.code, nameZh: m.nameZh, nameEn: m.nameEn }]));
  return (code) => (code === null ? null : (measures.get(code) ?? { code, nameZh: code, nameEn: code }));
}

export function computeMonitor(db: Db, options: { plan?: string; asOfYear?: number; vintage?: string; locale: Locale }) {
  const settings = monitorSettings(db);
  const vintage = options.vintage ?? null;
  // Judged as the data stood on a date, the monitor looks from that date's year.
  const asOfYear = options.asOfYear ?? (vintage ? Number(vintage.slice(0, 4)) : new Date().getFullYear());
  const { scenario, measure: scenarioMeasure, baseYear: scenarioBaseYear, basesKnown, projections } = scenarioProjections(db, settings.scenarioId, options.locale, vintage);
  // Judged as the data stood on a date, a scenario starting from a year not yet over then, or from
  // figures not yet published then, is hindsight.
  const scenarioAfterVintage = vintage !== null && ((scenarioBaseYear !== null && scenarioBaseYear >= asOfYear) || !basesKnown);
  const measureRef = measureRefs(db);

  const plans = new Map(listPlans(db).map((p) => [p.code, p]));
  const issuedYear = (plan: string) => {
    const issued = plans.get(plan)?.issued ?? '';
    return /^\d{4}/.test(issued) ? Number(issued.slice(0, 4)) : null;
  };
  // A plan's base year is the year before it was issued (2020-06 → 2019; 2023-12 → 2022).
  const baseYear = (plan: string) => {
    const year = issuedYear(plan);
    return year === null ? null : year - 1;
  };
  const rows: MonitorRow[] = listTargets(db, options.plan).map((target) => {
    const unjudged = { measure: null, latest: null, progress: null, pathValue: null, requiredGrowth: null, requiredPoints: null, projection: null, projectionNote: null, byMeasure: [] };
    // As known on a date before its plan was issued, a target was nobody's goal yet: not judged.
    const issued = plans.get(target.plan)?.issued ?? '';
    const publicFrom = issuedOn(issued);
    if (vintage !== null && publicFrom !== null && vintage < publicFrom) {
      return { target, ...unjudged, status: 'no-data', rule: 'monitor.rule.planNotYetIssued', ruleParams: { issued, vintage }, actuals: [] };
    }
    // A fact the plan reports is shown with its value and source, never given a verdict.
    if (isReportedFact(target, issuedYear(target.plan))) {
      const actuals = actualsFor(db, target, { vintage });
      const reported = actuals.at(-1);
      const latest = reported ? { year: reported.year, value: reported.value, bound: reported.bound } : null;
      return { target, ...unjudged, latest, status: 'no-data', rule: 'monitor.rule.fact', ruleParams: { issued, source: plans.get(target.plan)?.source ?? '' }, actuals };
    }
    const judged = judgedMeasure(db, target);
    const series = target.indicator && target.region ? annualSeries(db, target.indicator, target.region, { asOf: vintage }) : [];
    const judge = (actuals: Actual[], measure: string | null, projection: { met: boolean; firstYearMet: number | null; value: number } | null) =>
      targetStatus({
        comparator: target.comparator,
        value: target.value,
        deadline: target.deadline,
        actuals,
        asOfYear,
        thresholds: settings.thresholds,
        assessment: target.assessment,
        pathFrom: baseYear(target.plan),
        projection,
        rate: isRateUnit(target.unit),
        measureReplacedFrom: measure === null ? null : measureReplacedFrom(series, measure),
      });
    const actuals = actualsFor(db, target, { vintage });
    // A projection is compared only on the target's own measure: a scenario on another (or none) says so instead.
    const projected = projections.get(target.code) ?? null;
    const sameMeasure = judged === null || scenarioMeasure === judged;
    const projection = projected && sameMeasure && !scenarioAfterVintage ? projected : null;
    const reason = !sameMeasure ? (scenarioMeasure ? ('other-measure' as const) : ('no-measure' as const)) : ('after-vintage' as const);
    const projectionNote = projected && !projection ? { reason, scenarioMeasure: measureRef(scenarioMeasure) } : null;
    const decided = judge(actuals, judged, projection);
    // Looking back, a target without figures yet is one whose figures were not yet published.
    const unpublished = vintage !== null && decided.rule === 'monitor.rule.noActual' && (target.indicator !== null || actualsFor(db, target).length > 0);
    const result = unpublished ? { ...decided, rule: 'monitor.rule.notYetPublished', params: { vintage } } : decided;

    const other = measuresOf(series).filter((m) => m !== judged);
    const byMeasure = (judged === null ? [] : [judged, ...other]).flatMap((code) => {
      const onMeasure = code === judged ? actuals : actualsFor(db, target, { measure: code, vintage });
      if (!onMeasure.length && code !== judged) return [];
      const r = code === judged ? result : judge(onMeasure, code, null);
      const latest = onMeasure.at(-1);
      return [
        {
          measure: measureRef(code)!,
          status: r.status,
          rule: r.rule,
          ruleParams: r.params,
          latest: latest ?? null,
        },
      ];
    });

    return {
      target,
      measure: measureRef(judged),
      status: result.status,
      rule: result.rule,
      ruleParams: result.params,
      latest: result.latest ? { year: result.latest.year, value: result.latest.value, bound: result.latest.bound ?? 'exact' } : null,
      progress: result.progress,
      pathValue: result.pathValue,
      requiredGrowth: result.requiredGrowth,
      requiredPoints: result.requiredPoints,
      projection,
      projectionNote,
      actuals,
      byMeasure,
    };
  });
  const counts: Array<{ plan: string; status: TargetStatus; n: number }> = [];
  for (const plan of [...new Set(rows.map((r) => r.target.plan))]) {
    // Facts the plan reports and plans not yet issued are listed but not counted.
    for (const status of targetStatuses) counts.push({ plan, status, n: rows.filter((r) => r.target.plan === plan && isJudged(r) && r.status === status).length });
  }
  const basis = scenario && rows.some((r) => r.projection) ? scenarioBasis(db, scenario, vintage) : null;
  return { asOfYear, vintage, settings, settingsNotice: settingsNotice(db), scenario, scenarioMeasure, scenarioBasis: basis, rows, counts };
}
