// Backtest: run a scenario from an earlier base year and set it against what was later published.
// Each published figure names its measure (口径) and the series (indicator) it was read from. A
// series of the backtest is one indicator on one measure: a scenario's digital economy on the
// scenario's own measure (`measure`), GDP on the measure of its base-year figure, each read from the
// indicator of its base-year figure (else the first on that measure). A figure of another measure or
// another indicator (数字经济规模 on CAICT's broad measure after 数字经济增加值 on the city's earlier
// one) is not set against the projection at all: the series names the break, from which year and
// on what, and stops there. A published bound ("超6000亿元") is an inequality: a projection on its
// right side is no error, and only a violated bound is scored, by the distance. A projection from a
// bounded base is a bound too: from "超6000亿元" at the scenario's growth the digital economy is at
// least what the growth gives, so an exact figure at or above it is no error and only one below it
// (the bound violated) is scored.
import { z } from 'zod';
import { BOUNDS, boundedError, type Bound } from '../series/bound';
import { noBases, type ScenarioBases } from './base-figure';
import { EngineError } from './errors';
import { compile, metricAt, runPaths, type MetricSpec } from './model';
import type { ResolvedScenario } from './schema';

export const actualPointSchema = z.strictObject({
  metric: z.enum(['total', 'share', 'gdp', 'component']),
  componentId: z.string().optional(),
  year: z.number().int(),
  value: z.number().positive(),
  /** The measure the figure is on: a code of the workspace's measures (cq-earlier, caict-broad, …). */
  definition: z.string().min(1),
  /** The series the figure was read from, for naming it: indicator and region codes. */
  indicator: z.string().optional(),
  region: z.string().optional(),
  source: z.string().optional(),
  /** exact, or a bound (lower: the true value is at least `value`), or approximate. */
  bound: z.enum(BOUNDS).default('exact'),
});
export type ActualPoint = z.input<typeof actualPointSchema>;

/** `within-bound`: the figure is a bound the projection respects, so there is no error to score. */
export type PointStatus = 'scored' | 'within-bound' | 'base-year' | 'outside-horizon';

export interface BacktestPoint {
  year: number;
  actual: number;
  bound: (typeof BOUNDS)[number];
  definition: string;
  indicator: string | null;
  region: string | null;
  source: string | null;
  projected: number | null;
  /** The projection's own bound: lower when it grows from a lower-bound base (≥26.14%). */
  projectedBound: Bound;
  /** projected − actual; null when its bound holds the projection. */
  error: number | null;
  /** (projected − actual) / actual × 100, null with the error. */
  percentError: number | null;
  status: PointStatus;
}

/** Where the published figures go on as another series: not compared, named. */
export interface DefinitionBreak {
  /** First year of the other series. */
  year: number;
  /** The measure the series is scored on, and the one the other figures are on (the same when only the indicator differs). */
  from: string;
  to: string;
  /** The indicator the other figures were read from, null when not named. */
  indicator: string | null;
  /** The other series' figures: named, never set against the projection. */
  figures: Array<{ year: number; value: number; bound: (typeof BOUNDS)[number] }>;
}

export interface BacktestSeries {
  metric: MetricSpec['kind'];
  componentId: string | null;
  unit: '亿元' | '%';
  /**
   * The measure the series is scored on: the scenario's own for the digital economy (total, share,
   * component) when it names one, else that of the figure in the base year (or of the earliest).
   */
  measure: string;
  /** The indicator the points were read from, null when the figures name none. */
  indicator: string | null;
  points: BacktestPoint[];
  breaks: DefinitionBreak[];
  /** Mean absolute percentage error over the scored points; null when none is scored. */
  mape: number | null;
  scored: number;
}

export interface BacktestResult {
  scenario: string;
  scenarioEn: string | null;
  /** The measure the scenario's digital economy is on, null when it names none. */
  measure: string | null;
  baseYear: number;
  horizon: number;
  series: BacktestSeries[];
}

/**
 * The bound of the base year's share of GDP: a bounded total over an exact GDP bounds the share the
 * same way (≥6000 of 25002.79 is ≥24%); an approximate one on either side makes it approximate.
 */
export function shareBound(bases: ScenarioBases): Bound {
  const total = bases.total?.bound ?? 'exact';
  const gdp = bases.gdp?.bound ?? 'exact';
  if (gdp === 'exact') return total;
  if (total === 'exact' && gdp === 'approx') return 'approx';
  return total === 'approx' && gdp === 'approx' ? 'approx' : 'exact';
}

/**
 * The bound of a projected value, the base year's and each later year's alike: a total or share grown
 * from a bounded base at the scenario's rates is bounded the same way (≥6000亿元 in 2020 gives ≥8073.6亿元
 * in 2022), GDP by its own base. A component is an illustrative split of the total, never a bound.
 */
export function projectionBound(metric: MetricSpec['kind'], bases: ScenarioBases): Bound {
  if (metric === 'component') return 'exact';
  if (metric === 'share') return shareBound(bases);
  return (metric === 'total' ? bases.total : bases.gdp)?.bound ?? 'exact';
}

/**
 * projected − actual, or null when a bound holds it: the figure's own (a projection above a lower
 * bound), or the projection's (an exact figure at or above a lower-bound projection). Two bounds on
 * the same side never contradict each other.
 */
function errorOf(projected: number, projectedBound: Bound, actual: number, actualBound: Bound): number | null {
  if (projectedBound === 'lower' || projectedBound === 'upper') {
    if (actualBound === projectedBound) return null;
    const holds = projectedBound === 'lower' ? actual >= projected : actual <= projected;
    return holds ? null : projected - actual;
  }
  return boundedError(projected, actual, actualBound);
}

/** `bases`: what the scenario's bases are as figures (store.ts scenarioBases); a bounded one bounds the projections. */
export function backtest(s: ResolvedScenario, actuals: readonly ActualPoint[], bases: ScenarioBases = noBases): BacktestResult {
  const model = compile(s);
  const paths = runPaths(model, model.nominal);
  const groups = new Map<string, ActualPoint[]>();
  for (const point of actuals) {
    if (point.metric === 'component' && !s.components.some((c) => c.id === point.componentId)) {
      throw new EngineError('unknown_component', { componentId: point.componentId ?? null });
    }
    const key = point.metric === 'component' ? `component:${point.componentId}` : point.metric;
    const group = groups.get(key) ?? [];
    if (group.some((p) => p.year === point.year)) {
      throw new EngineError('invalid_argument', { name: 'actuals', reason: `two ${key} figures for ${point.year}` });
    }
    group.push(point);
    groups.set(key, group);
  }

  const series = [...groups.values()].map((group): BacktestSeries => {
    const points = [...group].sort((a, b) => a.year - b.year);
    const first = points[0]!;
    const metric: MetricSpec =
      first.metric === 'component' ? { kind: 'component', index: model.ids.indexOf(first.componentId!) } : { kind: first.metric };
    const baseYearMeasure = (points.find((p) => p.year === s.baseYear) ?? first).definition;
    const measure = metric.kind !== 'gdp' && s.measure ? s.measure : baseYearMeasure;
    const onMeasure = points.filter((p) => p.definition === measure);
    const indicator = ((onMeasure.find((p) => p.year === s.baseYear) ?? onMeasure[0])?.indicator ?? null) as string | null;
    const own = (p: ActualPoint) => p.definition === measure && (p.indicator ?? null) === indicator;
    // The other figures, by the series they belong to (measure and indicator), each named once from its first year.
    const breaks: DefinitionBreak[] = [];
    for (const p of points.filter((x) => !own(x))) {
      const other = breaks.find((b) => b.to === p.definition && b.indicator === (p.indicator ?? null));
      const figure = { year: p.year, value: p.value, bound: p.bound ?? 'exact' };
      if (other) other.figures.push(figure);
      else breaks.push({ year: p.year, from: measure, to: p.definition, indicator: p.indicator ?? null, figures: [figure] });
    }
    const scoredPoints = points.filter(own).map((p): BacktestPoint => {
      const inRange = p.year >= s.baseYear && p.year <= s.horizon;
      const bound = p.bound ?? 'exact';
      const projected = inRange ? metricAt(model, paths, metric, p.year - s.baseYear) : null;
      const projectedBound = projectionBound(metric.kind, bases);
      // The base year is where the projection starts, not a forecast of it: no error is shown or scored.
      const error = projected === null || p.year === s.baseYear ? null : errorOf(projected, projectedBound, p.value, bound);
      const status: PointStatus = !inRange ? 'outside-horizon' : p.year === s.baseYear ? 'base-year' : error === null ? 'within-bound' : 'scored';
      return {
        year: p.year,
        actual: p.value,
        bound,
        definition: p.definition,
        indicator: p.indicator ?? null,
        region: p.region ?? null,
        source: p.source ?? null,
        projected,
        projectedBound,
        error,
        percentError: error === null ? null : (error / p.value) * 100,
        status,
      };
    });
    const scored = scoredPoints.filter((p) => p.status === 'scored');
    return {
      metric: metric.kind,
      componentId: first.metric === 'component' ? first.componentId! : null,
      unit: metric.kind === 'share' ? '%' : '亿元',
      measure,
      indicator,
      points: scoredPoints,
      breaks,
      mape: scored.length ? scored.reduce((sum, p) => sum + Math.abs(p.percentError!), 0) / scored.length : null,
      scored: scored.length,
    };
  });
  return { scenario: s.name, scenarioEn: s.nameEn ?? null, measure: s.measure ?? null, baseYear: s.baseYear, horizon: s.horizon, series };
}
