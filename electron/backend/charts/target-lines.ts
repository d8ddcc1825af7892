// Target lines of the charts drawn over years: the plan targets the bindings name (or that belong to
// a bound indicator in a bound region), and the bound scenarios' own targets, each on the measure it is
// judged on. A line judged on another measure than the values it would be read against is not drawn;
// the chart's footer names it and why (the rule: shared/charts/target-measure.ts).
import type { ChartSeries } from '../../../shared/charts/data';
import { wordsFor } from '../../../shared/charts/labels';
import { otherMeasures, type MeasuredSeries } from '../../../shared/charts/target-measure';
import type { Target as ScenarioTarget } from '../../../shared/engine';
import { goalIsApprox } from '../../../shared/monitor/goal';
import type { TargetRow } from '../db/access';
import type { Db } from '../db/workspace';
import { metricUnit, type Metric, type Resolver } from './resolver';

/** A target as a chart draws it: with its plan's issue date and the measure it is judged on (its own, else its indicator's; null when neither says). */
export type DrawnTarget = TargetRow & { issued: string; judged: string | null };

export function targetRows(db: Db): DrawnTarget[] {
  return db
    .prepare(
      `SELECT t.*, p.issued, COALESCE(t.measure, i.measure) AS judged FROM targets t JOIN plans p ON p.code = t.plan LEFT JOIN indicators i ON i.code = t.indicator
       WHERE t.retired_at IS NULL ORDER BY t.plan, t.sort, t.code`,
    )
    .all() as DrawnTarget[];
}

/** The targets of `rows` a line chart draws: bound by code, or linked to a bound indicator (in a bound region) in a unit drawn. */
function tableTargets(r: Resolver, rows: DrawnTarget[], units: Set<string>): DrawnTarget[] {
  const bound = new Set(r.indicators.map((i) => i.code));
  const regions = new Set(r.regions.map((g) => g.code));
  const linked = (t: DrawnTarget) =>
    t.indicator !== null && bound.has(t.indicator) && (regions.size === 0 || (t.region !== null && regions.has(t.region))) && units.has(t.unit);
  return rows.filter((t) => r.targetCodes.includes(t.code) || linked(t));
}

interface Line {
  id: string;
  /**
   * The line's label, which the chart follows with the goal and year (目标：≥1万亿元（2022年）): a plan
   * target is named by what it says, never by its code; a scenario's own target by its label.
   */
  name: string;
  /** The target as its plan words it, for the footer when it is left out. */
  title: string;
  /** The plan target's code, when the line is one (a scenario's own target may carry one). */
  code: string | null;
  unit: string;
  year: number;
  value: number;
  /** The goal's relation as the target states it (≈ for an "=" its plan words as approximate). */
  comparator: NonNullable<ChartSeries['comparator']>;
  measure: string | null;
}

/** A drawn plan target's comparator as its line states it: ≈ for 约296亿元, else its own. */
function lineComparator(t: DrawnTarget & { comparator: Exclude<DrawnTarget['comparator'], 'qualitative'> }): Line['comparator'] {
  return goalIsApprox(t) ? '≈' : t.comparator;
}

/**
 * The lines the bindings ask for, one per unit, value and year: table targets first, then the bound
 * scenarios' own targets in the metrics drawn. A scenario target with a plan target's code is judged
 * on that target's measure, as the monitor judges it (a scenario on the city's earlier measure
 * carries A1, which is judged on the broad one); any other on the scenario's measure.
 */
function requested(r: Resolver, metrics: Metric[], units: Set<string>): Line[] {
  const zh = r.locale === 'zh';
  const title = (t: DrawnTarget) => (!zh && t.title_en ? t.title_en : t.title_zh);
  const rows = targetRows(r.db);
  const fromTable = tableTargets(r, rows, units).flatMap((t): Line[] =>
    t.value === null || t.deadline === null || t.comparator === 'qualitative'
      ? []
      : [
          {
            id: `target-${t.code}`,
            name: wordsFor(r.locale).target,
            title: title(t),
            code: t.code,
            unit: t.unit,
            year: t.deadline,
            value: t.value,
            comparator: lineComparator({ ...t, comparator: t.comparator }),
            measure: t.judged,
          },
        ],
  );
  const plan = new Map(rows.map((t) => [t.code, t]));
  const fromScenarios = r.scenarios.flatMap((s) =>
    s.resolved.targets
      .filter((t): t is Exclude<ScenarioTarget, { kind: 'component' }> => t.kind !== 'component' && metrics.includes(t.kind))
      .map((t): Line => {
        const label = !zh && t.labelEn ? t.labelEn : t.label;
        const row = plan.get(t.id);
        return {
          id: `target-${s.id}-${t.id}`,
          name: label,
          title: row ? title(row) : label,
          code: row ? row.code : null,
          unit: metricUnit[t.kind],
          year: t.year,
          value: t.value,
          comparator: t.comparator,
          measure: row ? row.judged : (s.resolved.measure ?? null),
        };
      }),
  );
  const seen = new Set<string>();
  return [...fromTable, ...fromScenarios].filter((t) => {
    const key = `${t.unit}|${t.value}|${t.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The target lines drawn over `plotted` (the chart's other series, or what they will be): those judged
 * on the measure of the values they are read against. The plan targets drawn are recorded in
 * `r.drawnTargets`, those left out in `r.omittedTargets`.
 */
export function targetLines(r: Resolver, metrics: Metric[], units: Set<string>, plotted: readonly MeasuredSeries[]): ChartSeries[] {
  return requested(r, metrics, units).flatMap((t): ChartSeries[] => {
    const others = otherMeasures(t, plotted);
    if (t.measure !== null && others.length) {
      r.omittedTargets.push({ name: t.title, unit: t.unit, value: t.value, year: t.year, measure: t.measure, drawn: others });
      return [];
    }
    if (t.code !== null) r.drawnTargets.push(t.code);
    const point = t.measure === null ? { year: t.year, value: t.value } : { year: t.year, value: t.value, measure: t.measure };
    return [
      { id: t.id, name: t.name, kind: 'target', unit: t.unit, points: [point], basis: 'published', scenarioId: null, region: null, breaksBefore: [], comparator: t.comparator },
    ];
  });
}
