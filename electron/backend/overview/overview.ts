// The overview (总览): every plan's quantitative targets answered under every measure that has
// figures, from the monitor's own rows (one computation, so the pages cannot disagree), with the
// compared scenario's projection on the target's measure and, where the scenario has uncertainty,
// the probability of meeting it.
import type { Overview, OverviewStatement } from '../../../shared/api/overview-contract';
import type { MonitorRow } from '../../../shared/api/targets-contract';
import type { Locale } from '../../../shared/i18n';
import { isJudged } from '../../../shared/monitor/status';
import { FAN_DRAWS, FAN_SEED } from '../charts/resolve-data';
import type { Db } from '../db/workspace';
import { runScenario, scenarioDefinition } from '../scenarios/store';
import { computeMonitor, measureRefs } from '../targets/monitor';
import { listPlans } from '../targets/store';
import { chartLinks } from './charts';

type Actual = MonitorRow['actuals'][number];

const evidence = (a: Actual | null | undefined): OverviewStatement['answers'][number]['latest'] =>
  a
    ? {
        year: a.year,
        value: a.value,
        bound: a.bound,
        source: a.source,
        released: a.released,
        releaseLabel: a.releaseLabel,
        from: a.from,
        observationId: a.observationId,
      }
    : null;

/** Probabilities of the compared scenario's targets (by id) from its Monte Carlo, or null without uncertainty. */
function probabilities(db: Db, scenarioId: number, locale: Locale): Map<string, number> | null {
  if (!scenarioDefinition(db, scenarioId).uncertainty) return null;
  try {
    const run = runScenario(db, scenarioId, locale, { draws: FAN_DRAWS, seed: FAN_SEED });
    return new Map((run.monteCarlo?.targets ?? []).map((t) => [t.id, t.probability]));
  } catch {
    // A scenario that cannot run gives no probability; its projection is already missing from the monitor.
    return null;
  }
}

export function computeOverview(db: Db, options: { plan?: string; vintage?: string; locale: Locale }): Overview {
  const monitor = computeMonitor(db, options);
  const measureRef = measureRefs(db);
  const plans = new Map(listPlans(db).map((p) => [p.code, { code: p.code, nameZh: p.nameZh, nameEn: p.nameEn }]));
  // Targets judged (not a plan's reported facts, nor a plan issued after the date asked for) with a quantity.
  const rows = monitor.rows.filter((r) => isJudged(r) && r.target.comparator !== 'qualitative' && r.target.value !== null);
  const projecting = rows.some((r) => r.projection) ? monitor.scenario : null;
  const probability = projecting ? probabilities(db, projecting.id, options.locale) : null;
  // One basis for every projection of the compared scenario, as the data stood on the vintage.
  const basis = projecting ? monitor.scenarioBasis : null;

  const statements = rows.map((r): Omit<OverviewStatement, 'charts'> => {
    const t = r.target;
    const answers: OverviewStatement['answers'] = r.byMeasure.length
      ? r.byMeasure.map((b, i) => ({ measure: b.measure, judged: i === 0, status: b.status, rule: b.rule, ruleParams: b.ruleParams, latest: evidence(b.latest) }))
      : [{ measure: r.measure, judged: true, status: r.status, rule: r.rule, ruleParams: r.ruleParams, latest: evidence(r.actuals.at(-1)) }];
    const projection =
      r.projection && monitor.scenario && t.deadline !== null
        ? {
            scenario: { ...monitor.scenario, measure: measureRef(monitor.scenarioMeasure) },
            year: t.deadline,
            value: r.projection.value,
            met: r.projection.met,
            firstYearMet: r.projection.firstYearMet,
            probability: probability?.get(t.code) ?? null,
            basis,
          }
        : null;
    return {
      plan: plans.get(t.plan) ?? { code: t.plan, nameZh: t.plan, nameEn: t.plan },
      target: {
        code: t.code,
        titleZh: t.titleZh,
        titleEn: t.titleEn,
        comparator: t.comparator,
        value: t.value!,
        unit: t.unit,
        deadline: t.deadline,
        indicator: t.indicator,
        region: t.region,
      },
      answers,
      projection,
      projectionNote: r.projectionNote,
    };
  });
  const charts = chartLinks(db, statements, options.locale);
  return {
    asOfYear: monitor.asOfYear,
    vintage: monitor.vintage,
    scenario: monitor.scenario,
    monteCarlo: probability ? { draws: FAN_DRAWS, seed: FAN_SEED } : null,
    statements: statements.map((s) => ({ ...s, charts: charts.get(s.target.code) ?? [] })),
  };
}
