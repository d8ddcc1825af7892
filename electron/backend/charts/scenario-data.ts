// Chart data from the scenario engine: projection paths, fans (a seeded Monte Carlo), tornado bars,
// stacked components and waterfalls, each on the scenario's measure. A path of the total, share or
// GDP is computed from the scenario's base (推算, the derived basis; its later years are projected), a
// split of the total into components is illustrative (示意: no source splits it), as the scenario page
// says. A path's point in the base year is the figure the scenario starts from, marked `base` (no
// label calls its year projected); a scenario whose base is a bounded figure (6000 of "超6000亿元",
// scenarioBases) has that bound on every value of its total and share (≥8073.6亿元 in 2022: at least
// what its growth gives), never on its components, and is named in the footer.
import { WorkbenchError } from '../../../shared/api/errors';
import type { Bound, ChartBand, ChartData, ChartPoint, ChartSeries } from '../../../shared/charts/data';
import { measured, type MeasuredSeries } from '../../../shared/charts/target-measure';
import { shareBound } from '../../../shared/engine/backtest';
import { formatPlain } from '../../../shared/format/number';
import { componentName } from '../../../shared/i18n/scenario-names';
import type { IndicatorRow } from '../db/access';
import { runScenario, scenarioBases, sensitivityScenario } from '../scenarios/store';
import { metricOf, metricUnit, type BoundScenario, type Metric, type Resolver } from './resolver';
import { targetLines } from './target-lines';

/** Monte Carlo of a fan chart: a fixed seed, so the same scenario always draws the same fan. */
export const FAN_DRAWS = 2000;
export const FAN_SEED = 20200622;

/**
 * The bound of a scenario's base total when it is a bounded figure (6000 of "超6000亿元"), as the
 * scenario screens and CLI read it (scenarioBases), in the chart's vintage. Recorded once per scenario
 * for the footer.
 */
export function baseBound(r: Resolver, s: BoundScenario): Exclude<Bound, 'exact'> | null {
  const base = scenarioBases(r.db, s.resolved, r.vintage).total;
  if (!base || base.bound === 'exact') return null;
  if (!r.boundedBases.some((b) => b.scenario === s.name)) r.boundedBases.push({ scenario: s.name, year: base.year, value: base.value, unit: '亿元', bound: base.bound });
  return base.bound;
}

/** The bound of a scenario's share every year, from its bases (≥ from a lower-bound total over an exact GDP), null when exact. */
function shareBoundOf(r: Resolver, s: BoundScenario): Exclude<Bound, 'exact'> | null {
  const bound = shareBound(scenarioBases(r.db, s.resolved, r.vintage));
  return bound === 'exact' ? null : bound;
}

/**
 * A scenario's point in a year: on `measure` (GDP is on none), with the bound its base gives it; in
 * the base year marked as the base the scenario starts from.
 */
function scenarioPoint(s: BoundScenario, year: number, value: number | null, bound: Bound | null, measure: string | undefined): ChartPoint {
  const base = year === s.resolved.baseYear;
  return {
    year,
    value,
    ...(bound ? { bound } : {}),
    ...(measure === undefined ? {} : { measure }),
    ...(base ? { base } : {}),
  };
}

/** What a scenario's path in a metric will draw, without running it: its years in range on its measure (GDP on none). */
export function projectedMeasures(r: Resolver, s: BoundScenario, metric: Metric): MeasuredSeries {
  const { baseYear, horizon, measure } = s.resolved;
  const years = Array.from({ length: horizon - baseYear + 1 }, (_, t) => baseYear + t).filter((y) => r.inYears(y));
  return { unit: metricUnit[metric], points: years.map((year) => (metric === 'gdp' || measure === undefined ? { year } : { year, measure })) };
}

/**
 * Each scenario's path in each metric. The base year is left out when an actual line already has it
 * on that measure (the template joins the dashed path to that point).
 */
export function projectionSeries(r: Resolver, metrics: Metric[], actuals: ChartSeries[]): ChartSeries[] {
  const region = r.projectionRegion();
  return r.scenarios.flatMap((s) => {
    const { projection } = runScenario(r.db, Number(s.id), r.locale);
    const bounds: Record<Metric, Bound | null> = { total: baseBound(r, s), share: shareBoundOf(r, s), gdp: null };
    return metrics.map((metric) => {
      const values = metric === 'total' ? projection.total.values : metric === 'share' ? projection.share.values : projection.gdp.values;
      const unit = metricUnit[metric];
      const measure = metric === 'gdp' ? undefined : s.resolved.measure;
      const hasBase = actuals.some(
        (a) =>
          a.unit === unit &&
          (region === null || a.region === region) &&
          a.points.some((p) => p.year === projection.baseYear && p.value !== null && (measure === undefined || p.measure === measure)),
      );
      const points = projection.years
        .map((year, t) => scenarioPoint(s, year, values[t] ?? null, bounds[metric], measure))
        .filter((p) => r.inYears(p.year) && !(hasBase && p.year === projection.baseYear));
      return {
        id: `scenario-${s.id}-${metric}`,
        name: metrics.length > 1 ? `${s.name} ${r.metricName(metric)}` : s.name,
        kind: 'projection' as const,
        unit,
        points,
        basis: 'derived' as const,
        scenarioId: s.id,
        region,
        breaksBefore: [],
      };
    });
  });
}

/** A fan draws the actuals of the bound indicators in its metric. */
export function fanIndicators(r: Resolver): IndicatorRow[] {
  const metric = r.metrics('total')[0]!;
  return r.indicators.filter((i) => metricOf(i) === metric);
}

export function fan(r: Resolver): ChartData {
  const s = r.onlyScenario();
  const metric = r.metrics('total')[0]!;
  const unit = metricUnit[metric];
  const actuals = r.actualSeries(fanIndicators(r));
  const { monteCarlo } = runScenario(r.db, Number(s.id), r.locale, { draws: FAN_DRAWS, seed: FAN_SEED });
  const fanOf = metric === 'share' ? monteCarlo!.share : metric === 'total' ? monteCarlo!.total : null;
  if (!fanOf) throw new WorkbenchError('chart.fanMetric', { path: 'bindings.indicators', metric });
  const years = monteCarlo!.years;
  const bound = metric === 'total' ? baseBound(r, s) : metric === 'share' ? shareBoundOf(r, s) : null;
  const band = (lower: 5 | 25, upper: 75 | 95, low: number[], high: number[]): ChartBand => ({
    id: `p${lower}-p${upper}`,
    name: r.locale === 'zh' ? `${upper - lower}%区间` : `${upper - lower}% range`,
    unit,
    lower,
    upper,
    scenarioId: s.id,
    points: years.map((year, t) => ({ year, low: low[t]!, high: high[t]! })).filter((p) => r.inYears(p.year)),
  });
  const baseYear = s.resolved.baseYear;
  const hasBase = actuals.some((a) => a.points.some((p) => p.year === baseYear && p.value !== null && (s.resolved.measure === undefined || p.measure === s.resolved.measure)));
  const median: ChartSeries = {
    id: `scenario-${s.id}-median`,
    name: r.locale === 'zh' ? `${s.name} 中位数` : `${s.name} median`,
    kind: 'projection',
    unit,
    points: years.map((year, t) => scenarioPoint(s, year, fanOf.p50[t]!, bound, s.resolved.measure)).filter((p) => r.inYears(p.year) && !(hasBase && p.year === baseYear)),
    basis: 'derived',
    scenarioId: s.id,
    region: r.projectionRegion(),
    breaksBefore: [],
  };
  const drawn = [...actuals, median];
  return {
    ...r.empty(),
    series: [...drawn, ...targetLines(r, [metric], new Set([unit]), measured(drawn))],
    bands: [band(5, 95, fanOf.p5, fanOf.p95), band(25, 75, fanOf.p25, fanOf.p75)],
  };
}

/** The engine names its two built-in drivers by id; components keep their own names. */
function driverLabel(r: Resolver, driver: string, label: string): string {
  const builtIn: Record<string, [string, string]> = { gdp: ['GDP增速', 'GDP growth'], uplift: ['各部分增速统一上调', 'Uplift to every growth rate'] };
  const names = builtIn[driver];
  return names ? names[r.locale === 'zh' ? 0 : 1] : componentName({ name: label }, r.locale);
}

/** Drivers that do not move the output (GDP growth for the total) are left out. */
export function tornado(r: Resolver): ChartData {
  const s = r.onlyScenario();
  const metric = r.metrics('total')[0] === 'share' ? 'share' : 'total';
  const year = r.years?.to ?? s.resolved.horizon;
  const result = sensitivityScenario(r.db, Number(s.id), metric, year);
  // A result grown from a bounded base is bounded as it is (the share also by its GDP): 基准 ≥8073.6亿元.
  const bound = metric === 'share' ? shareBoundOf(r, s) : baseBound(r, s);
  if (metric === 'share') baseBound(r, s);
  const zh = r.locale === 'zh';
  const input = (value: number, unit: string) => `${formatPlain(value, r.locale, 1)}${unit === '×' ? '×' : unit === 'pp' ? (zh ? '个百分点' : ' pp') : unit === '%' ? '%' : ` ${unit}`}`;
  const what = r.metricName(metric);
  // The result is on the scenario's measure, which its label names.
  const about = [s.name, ...(r.measureName(s.resolved.measure) ? [r.measureName(s.resolved.measure)!] : [])].join(zh ? '，' : ', ');
  return {
    ...r.empty(),
    bars: {
      kind: 'tornado',
      unit: result.output.unit,
      base: result.output.base,
      baseLabel: zh ? `${year}年${what}（${about}）` : `${what}, ${year} (${about})`,
      projection: true,
      basis: 'derived',
      ...(s.resolved.measure === undefined ? {} : { measure: s.resolved.measure }),
      ...(bound ? { bound } : {}),
      items: result.bars.filter((bar) => bar.swing > 0).map((bar) => ({
        label: driverLabel(r, bar.driver, bar.label),
        low: bar.low.output,
        high: bar.high.output,
        lowInput: input(bar.low.input, bar.unit),
        highInput: input(bar.high.input, bar.unit),
      })),
    },
  };
}

/** The scenario's components as projected parts, on its measure, in the years in range. */
function componentParts(r: Resolver, s: BoundScenario): ChartSeries[] {
  const { projection } = runScenario(r.db, Number(s.id), r.locale);
  // Named in the footer: the total the components split starts from a bound.
  baseBound(r, s);
  const region = r.projectionRegion();
  return projection.components.map((c) => ({
    id: `scenario-${s.id}-${c.id}`,
    name: componentName(c, r.locale),
    kind: 'projection',
    unit: '亿元',
    // The split of the total is illustrative: no part carries the total's bound.
    points: projection.years.map((year, t) => scenarioPoint(s, year, c.values[t] ?? null, null, s.resolved.measure)).filter((p) => r.inYears(p.year)),
    basis: 'illustrative',
    scenarioId: s.id,
    region,
    breaksBefore: [],
  }));
}

/** Stacked components: bound indicators as actual parts, the scenario's components as projected parts. */
export function stacked(r: Resolver): ChartData {
  const s = r.onlyScenario();
  const drawn = [...r.actualSeries(), ...componentParts(r, s)];
  return { ...r.empty(), series: [...drawn, ...targetLines(r, ['total'], new Set(['亿元']), measured(drawn))] };
}

/** From the total in the first year, each component's change, to the total in the last year. */
export function waterfall(r: Resolver): ChartData {
  const s = r.onlyScenario();
  const { projection } = runScenario(r.db, Number(s.id), r.locale);
  const from = Math.max(projection.baseYear, r.years?.from ?? projection.baseYear);
  const to = Math.min(projection.horizon, r.years?.to ?? projection.horizon);
  if (from >= to) throw new WorkbenchError('chart.waterfallYears', { path: 'bindings.years', from, to, baseYear: projection.baseYear, horizon: projection.horizon });
  const bound = baseBound(r, s);
  const i = from - projection.baseYear;
  const j = to - projection.baseYear;
  const yearLabel = (y: number) => (r.locale === 'zh' ? `${y}年` : String(y));
  const start = from > projection.baseYear;
  return {
    ...r.empty(),
    bars: {
      kind: 'waterfall',
      unit: '亿元',
      basis: 'illustrative',
      ...(s.resolved.measure === undefined ? {} : { measure: s.resolved.measure }),
      steps: [
        { label: yearLabel(from), value: projection.total.values[i]!, role: 'total', projection: start, ...(bound ? { bound } : {}) },
        ...projection.components.map((c) => ({ label: componentName(c, r.locale), value: c.values[j]! - c.values[i]!, role: 'delta' as const, projection: true })),
        { label: yearLabel(to), value: projection.total.values[j]!, role: 'total', projection: true, ...(bound ? { bound } : {}) },
      ],
    },
  };
}
