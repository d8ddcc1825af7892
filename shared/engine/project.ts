// The deterministic projection: every series per year, the total and its share of GDP, growth and
// contributions, and how each target fares.
import { EngineError } from './errors';
import { requiredGrowth } from './growth';
import { compile, meets, metricAt, runPaths, shareFlag, shareOf, targetMetric, totalAt, type DriverInfo, type Model, type ShareFlag } from './model';
import type { ScenarioBases } from './base-figure';
import type { ResolvedScenario, Target } from './schema';

export interface SeriesResult {
  values: number[];
  /** Growth on the previous year in %, null for the base year (or after a level of zero). */
  growth: (number | null)[];
}

export interface ComponentResult extends SeriesResult {
  id: string;
  name: string;
  nameEn: string | null;
  /** Contribution to the total's growth in percentage points; the components' sum is the total's growth. */
  contribution: (number | null)[];
}

export interface TargetOutcome {
  id: string;
  label: string;
  labelEn: string | null;
  kind: Target['kind'];
  componentId: string | null;
  comparator: Target['comparator'];
  threshold: number;
  year: number;
  unit: '亿元' | '%';
  /** The projected value of the targeted quantity in the target year. */
  value: number;
  met: boolean;
  /** Shortfall: threshold − value (negative when met with room to spare); in 亿元, or in pp for a share. */
  gap: number;
  /** The shortfall as % of the threshold. */
  gapPercent: number;
  /** First year (base year included) in which the projection meets the threshold, or null. */
  firstYearMet: number | null;
  /** The quantity (total for a share target) in the base year. */
  baseValue: number;
  /**
   * A share target's value that cannot be read as a share (see ProjectionResult.share.flags): GDP at 0
   * in the target year (the value is 0 and the target not met) or a share above 100%. null otherwise.
   */
  flag: ShareFlag | null;
  /**
   * Constant yearly growth (%) from the base year that just reaches the threshold on time: of the total
   * (for a share target, the total that makes the share with this scenario's GDP), or of the component.
   * null for a share target whose GDP is 0 in the target year (no total makes a share of nothing).
   */
  requiredGrowth: number | null;
}

export interface ProjectionResult {
  scenario: { name: string; nameEn: string | null; basis: string };
  baseYear: number;
  horizon: number;
  years: number[];
  gdp: SeriesResult;
  components: ComponentResult[];
  total: SeriesResult;
  /**
   * Share of GDP in %, and its change on the previous year in pp. `flags` per year: null, or why the
   * value cannot be read as a share ('gdp-not-positive': GDP is 0, the share undefined and given as 0;
   * 'above-100': more than the GDP it is part of). Print a flagged share as what the flag says, not as a number.
   */
  share: { values: number[]; change: (number | null)[]; flags: (ShareFlag | null)[] };
  targets: TargetOutcome[];
  /** The driver values this projection used. */
  drivers: DriverInfo[];
  /**
   * What the bases are as published figures (a lower bound, a derived value): given by the workspace
   * (scenarios.run), absent from a projection of numbers alone.
   */
  bases?: ScenarioBases;
}

function growthOf(values: readonly number[]): (number | null)[] {
  return values.map((v, t) => {
    const prev = t > 0 ? values[t - 1]! : 0;
    return t > 0 && prev > 0 ? (v / prev - 1) * 100 : null;
  });
}

export function outcomeOf(model: Model, paths: Float64Array, target: Target): TargetOutcome {
  const metric = targetMetric(model, target);
  const t = target.year - model.baseYear;
  const value = metricAt(model, paths, metric, t);
  let firstYearMet: number | null = null;
  for (let y = 0; y <= model.steps; y++) {
    if (meets(metricAt(model, paths, metric, y), target)) {
      firstYearMet = model.baseYear + y;
      break;
    }
  }
  const gap = target.value - value;
  const quantity = metric.kind === 'share' ? { kind: 'total' as const } : metric;
  const baseValue = metricAt(model, paths, quantity, 0);
  const gdp = paths[t * (model.components + 1)]!;
  const needed = metric.kind === 'share' ? (target.value / 100) * gdp : target.value;
  return {
    id: target.id,
    label: target.label,
    labelEn: target.labelEn ?? null,
    kind: target.kind,
    componentId: target.kind === 'component' ? target.componentId : null,
    comparator: target.comparator,
    threshold: target.value,
    year: target.year,
    unit: target.kind === 'share' ? '%' : '亿元',
    value,
    met: meets(value, target),
    gap,
    gapPercent: (gap / target.value) * 100,
    firstYearMet,
    baseValue,
    requiredGrowth: needed > 0 ? requiredGrowth(baseValue, needed, t) : null,
    flag: metric.kind === 'share' ? shareFlag(totalAt(model, paths, t), gdp) : null,
  };
}

/** Project a resolved scenario year by year from its base year to its horizon. */
export function project(s: ResolvedScenario): ProjectionResult {
  const model = compile(s);
  const paths = runPaths(model, model.nominal);
  const n = model.components + 1;
  const years = Array.from({ length: model.steps + 1 }, (_, t) => model.baseYear + t);
  const column = (i: number) => years.map((_, t) => paths[t * n + i]!);
  const total = years.map((_, t) => totalAt(model, paths, t));
  const gdp = column(0);
  for (let t = 0; t < years.length; t++) {
    if (!Number.isFinite(total[t]!) || !Number.isFinite(gdp[t]!)) {
      throw new EngineError('non_finite', { year: years[t]!, what: Number.isFinite(gdp[t]!) ? 'total' : 'GDP' });
    }
  }
  const share = years.map((_, t) => shareOf(total[t]!, gdp[t]!));
  const components = s.components.map((c, ci) => {
    const values = column(ci + 1);
    return {
      id: c.id,
      name: c.name,
      nameEn: c.nameEn ?? null,
      values,
      growth: growthOf(values),
      contribution: values.map((v, t) => {
        const prevTotal = t > 0 ? total[t - 1]! : 0;
        return t > 0 && prevTotal > 0 ? ((v - values[t - 1]!) / prevTotal) * 100 : null;
      }),
    };
  });
  return {
    scenario: { name: s.name, nameEn: s.nameEn ?? null, basis: s.basis },
    baseYear: s.baseYear,
    horizon: s.horizon,
    years,
    gdp: { values: gdp, growth: growthOf(gdp) },
    components,
    total: { values: total, growth: growthOf(total) },
    share: {
      values: share,
      change: share.map((v, t) => (t > 0 ? v - share[t - 1]! : null)),
      flags: years.map((_, t) => shareFlag(total[t]!, gdp[t]!)),
    },
    targets: s.targets.map((target) => outcomeOf(model, paths, target)),
    drivers: model.drivers,
  };
}
