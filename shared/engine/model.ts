// A resolved scenario compiled to flat arrays, and the one-year step every function shares: the
// deterministic projection, goal seek, sensitivity and each Monte Carlo draw all advance through
// `advance`, so they cannot disagree about what a growth spec means.
//
// Series index i: 0 is GDP, 1..C the components. Driver index k: the same, plus C+1 for the uplift.
import { EngineError } from './errors';
import { leastSquares, logisticRateFromMidpoint } from './growth';
import type { Sfc32 } from './random';
import type { Bounds, GdpGrowthSpec, GrowthSpec, ResolvedScenario, Target } from './schema';

const UPLIFT = 'uplift';
const GDP = 'gdp';

/** What a driver's value means for its series (see docs/ENGINE.md, "Drivers"). */
export type DriverParam = 'rate' | 'shift' | 'amount' | 'slope' | 'logisticRate' | 'elasticity' | 'uplift';
/** '%' a growth rate, 'pp' an additive shift of growth rates, '亿元/年' a yearly increment, '×' an elasticity. */
export type DriverUnit = '%' | 'pp' | '亿元/年' | '×';

export interface DriverInfo {
  id: string;
  label: string;
  param: DriverParam;
  unit: DriverUnit;
  /** The value the scenario implies (fitted for linear trends and logistic midpoints). */
  nominal: number;
  /** The range goal seek searches and sensitivity stays within. */
  bounds: Bounds;
  boundsFromScenario: boolean;
}

// Percent to fraction: multiplying by 0.01 is much cheaper than dividing by 100 in the hot loops.
const PCT = 0.01;

// Step kinds. Multiplicative covers cagr (rate = driver) and per-year rates (rate = table + driver shift).
const MULTIPLICATIVE = 0;
const ADDITIVE = 1;
const LOGISTIC = 2;
const ELASTIC = 3;

export interface Model {
  baseYear: number;
  horizon: number;
  /** Number of projected years (horizon − baseYear). */
  steps: number;
  /** Number of components (C). */
  components: number;
  ids: string[];
  names: string[];
  kind: Int8Array;
  /** Whether any component is elastic to GDP growth. */
  elastic: boolean;
  base: Float64Array;
  /** Per-year rate table for `rates` specs, [i·steps + (t−1)]; zero elsewhere. */
  table: Float64Array;
  ceiling: Float64Array;
  drivers: DriverInfo[];
  nominal: Float64Array;
}

const percentDefault: Bounds = { min: -50, max: 100 };
const logisticDefault: Bounds = { min: 0, max: 100 };
const elasticityDefault: Bounds = { min: -5, max: 10 };

function widen(bounds: Bounds, value: number): Bounds {
  return { min: Math.min(bounds.min, value), max: Math.max(bounds.max, value) };
}

interface SeriesDef {
  id: string;
  label: string;
  base: number;
  growth: GrowthSpec | GdpGrowthSpec;
  bounds: Bounds | undefined;
  path: string;
}

export function compile(s: ResolvedScenario): Model {
  const steps = s.horizon - s.baseYear;
  const series: SeriesDef[] = [
    { id: GDP, label: 'GDP', base: s.gdp.base, growth: s.gdp.growth, bounds: s.gdp.bounds, path: 'gdp' },
    ...s.components.map((c, i) => ({ id: c.id, label: c.name, base: c.base, growth: c.growth, bounds: c.bounds, path: `components[${i}]` })),
  ];
  const n = series.length;
  const model: Model = {
    baseYear: s.baseYear,
    horizon: s.horizon,
    steps,
    components: n - 1,
    ids: series.map((d) => d.id),
    names: series.map((d) => d.label),
    kind: new Int8Array(n),
    elastic: s.components.some((c) => c.growth.kind === 'elasticity'),
    base: new Float64Array(n),
    table: new Float64Array(n * steps),
    ceiling: new Float64Array(n),
    drivers: [],
    nominal: new Float64Array(n + 1),
  };
  series.forEach((d, i) => {
    if (!(d.base > 0)) throw new EngineError('base_not_positive', { path: `${d.path}.base`, value: d.base });
    model.base[i] = d.base;
    const g = d.growth;
    let param: DriverParam;
    let nominal: number;
    switch (g.kind) {
      case 'cagr':
        model.kind[i] = MULTIPLICATIVE;
        param = 'rate';
        nominal = g.rate;
        break;
      case 'rates':
        model.kind[i] = MULTIPLICATIVE;
        for (let t = 0; t < steps; t++) model.table[i * steps + t] = g.rates[t] ?? 0;
        param = 'shift';
        nominal = 0;
        break;
      case 'increment':
        model.kind[i] = ADDITIVE;
        param = 'amount';
        nominal = g.amount;
        break;
      case 'linear':
        model.kind[i] = ADDITIVE;
        param = 'slope';
        nominal = leastSquares(g.history).slope;
        break;
      case 'logistic': {
        if (!(g.ceiling > d.base)) {
          throw new EngineError('logistic_ceiling_not_above_base', { path: `${d.path}.growth.ceiling`, ceiling: g.ceiling, base: d.base });
        }
        model.kind[i] = LOGISTIC;
        model.ceiling[i] = g.ceiling;
        param = 'logisticRate';
        const fitted = g.rate ?? logisticRateFromMidpoint(d.base, g.ceiling, s.baseYear, g.midpointYear ?? s.baseYear);
        if (fitted === null) {
          throw new EngineError('logistic_midpoint_invalid', {
            path: `${d.path}.growth.midpointYear`,
            base: d.base,
            ceiling: g.ceiling,
            midpointYear: g.midpointYear ?? null,
          });
        }
        nominal = fitted;
        break;
      }
      case 'elasticity':
        model.kind[i] = ELASTIC;
        param = 'elasticity';
        nominal = g.elasticity;
        break;
    }
    const unit: DriverUnit = param === 'elasticity' ? '×' : param === 'amount' || param === 'slope' ? '亿元/年' : param === 'shift' ? 'pp' : '%';
    // A yearly amount or slope: the nominal ± the series' base (docs/ENGINE.md, "Drivers").
    const fallback =
      param === 'logisticRate' ? logisticDefault : unit === '×' ? elasticityDefault : unit === '亿元/年' ? { min: nominal - d.base, max: nominal + d.base } : percentDefault;
    model.nominal[i] = nominal;
    model.drivers.push({
      id: d.id,
      label: d.label,
      param,
      unit,
      nominal,
      bounds: d.bounds ?? widen(fallback, nominal),
      boundsFromScenario: d.bounds !== undefined,
    });
  });
  const uplift = s.uplift?.value ?? 0;
  model.nominal[n] = uplift;
  model.drivers.push({
    id: UPLIFT,
    label: 'uplift',
    param: 'uplift',
    unit: 'pp',
    nominal: uplift,
    bounds: s.uplift?.bounds ?? widen(percentDefault, uplift),
    boundsFromScenario: s.uplift?.bounds !== undefined,
  });
  return model;
}

/** Every driver of a scenario with its meaning, unit, nominal value and bounds (for forms and goal seek). */
export function listDrivers(s: ResolvedScenario): DriverInfo[] {
  return compile(s).drivers;
}

export function driverIndex(model: Model, driver: string): number {
  const k = driver === UPLIFT ? model.components + 1 : model.ids.indexOf(driver);
  if (k < 0) throw new EngineError('unknown_driver', { driver });
  return k;
}

/**
 * One series over a block of draws, all arrays being views of the block's length m: the levels `lev`,
 * the driver values `x`, the uplift per draw `up` (or, when it is the same for every draw, null and
 * the value `u0`), GDP growth `g` (read by elastic series only); each new level is added to `sum`.
 * A level is floored at zero: a growth factor below zero would mean a negative output. The switch
 * sits outside the loops so each loop is monomorphic; views let V8 drop most bounds checks.
 */
function stepBlock(
  kind: number,
  lev: Float64Array,
  x: Float64Array,
  up: Float64Array | null,
  u0: number,
  rate: number,
  ceiling: number,
  g: Float64Array,
  sum: Float64Array,
): void {
  const m = lev.length;
  switch (kind) {
    case MULTIPLICATIVE:
      // The common case, with a constant uplift, gets a loop of its own: one load fewer per draw.
      if (up === null) {
        const base = rate + u0;
        for (let d = 0; d < m; d++) {
          const v = lev[d]! * (1 + (base + x[d]!) * PCT);
          const next = v > 0 ? v : 0;
          lev[d] = next;
          sum[d] = sum[d]! + next;
        }
      } else {
        for (let d = 0; d < m; d++) {
          const v = lev[d]! * (1 + (rate + x[d]! + up[d]!) * PCT);
          const next = v > 0 ? v : 0;
          lev[d] = next;
          sum[d] = sum[d]! + next;
        }
      }
      return;
    case ADDITIVE:
      for (let d = 0; d < m; d++) {
        const level = lev[d]!;
        const v = level + x[d]! + level * (up === null ? u0 : up[d]!) * PCT;
        const next = v > 0 ? v : 0;
        lev[d] = next;
        sum[d] = sum[d]! + next;
      }
      return;
    case LOGISTIC:
      // The exact one-year step of dV/dt = rV(1 − V/K); with a constant r it reproduces the closed form.
      // r is floored at 0 (an S-curve does not turn down; above the ceiling a negative r would explode).
      for (let d = 0; d < m; d++) {
        const level = lev[d]!;
        const r = x[d]!;
        const logistic = level > 0 ? ceiling / (1 + ((ceiling - level) / level) * Math.exp(-(r > 0 ? r : 0) * PCT)) : 0;
        const v = logistic + level * (up === null ? u0 : up[d]!) * PCT;
        const next = v > 0 ? v : 0;
        lev[d] = next;
        sum[d] = sum[d]! + next;
      }
      return;
    default:
      for (let d = 0; d < m; d++) {
        const v = lev[d]! * (1 + x[d]! * g[d]! + (up === null ? u0 : up[d]!) * PCT);
        const next = v > 0 ? v : 0;
        lev[d] = next;
        sum[d] = sum[d]! + next;
      }
  }
}

/**
 * The work space of a block of m draws, as views per series and per driver, so the step loops index
 * from 0. `levels[i]` holds series i (GDP is series 0); `drivers[k]` driver k (the uplift is k = C+1).
 */
export interface Block {
  levels: Float64Array[];
  drivers: Float64Array[];
  /** GDP growth (a fraction) per draw, and the components' total per draw. */
  gdpGrowth: Float64Array;
  total: Float64Array;
  /** Whether the uplift differs between draws (drawn from a distribution); else drivers[C+1][0] serves all. */
  upliftVaries: boolean;
  /**
   * Per series, a normal driver to draw while stepping (Monte Carlo's fused path, see
   * Sfc32.compoundNormals), or null to step with the values in `drivers`.
   */
  fused: ({ rng: Sfc32; mean: number; sd: number } | null)[];
}

/** Views of length m over flat work space: levels [i·m + d], drivers [k·m + d], and two arrays of m. */
export function blockViews(
  model: Model,
  m: number,
  work: { levels: Float64Array; drivers: Float64Array; gdpGrowth: Float64Array; total: Float64Array },
  upliftVaries = false,
  fused: Block['fused'] = [],
): Block {
  const n = model.components + 1;
  return {
    levels: Array.from({ length: n }, (_, i) => work.levels.subarray(i * m, (i + 1) * m)),
    drivers: Array.from({ length: n + 1 }, (_, k) => work.drivers.subarray(k * m, (k + 1) * m)),
    gdpGrowth: work.gdpGrowth.subarray(0, m),
    total: work.total.subarray(0, m),
    upliftVaries,
    fused,
  };
}

/** Whether series i steps multiplicatively, the one kind Monte Carlo can fuse with its draws. */
export function isMultiplicative(model: Model, i: number): boolean {
  return model.kind[i] === MULTIPLICATIVE;
}

/** Advance a block from year t−1 to year t (1-based). The deterministic projection is a block of one draw. */
export function advance(model: Model, t: number, b: Block): void {
  const n = model.components + 1;
  const gdp = b.levels[0]!;
  const g = b.gdpGrowth;
  const m = gdp.length;
  // GDP first: elastic components grow with this year's GDP growth (computed only when one needs it).
  // Its step adds into `total` like any series; the total is reset before the components.
  if (model.elastic) g.set(gdp);
  stepBlock(model.kind[0]!, gdp, b.drivers[0]!, null, 0, model.table[t - 1]!, model.ceiling[0]!, g, b.total);
  if (model.elastic) {
    for (let d = 0; d < m; d++) {
      const prev = g[d]!;
      g[d] = prev > 0 ? gdp[d]! / prev - 1 : 0;
    }
  }
  b.total.fill(0);
  const up = b.upliftVaries ? b.drivers[n]! : null;
  const u0 = b.drivers[n]![0]!;
  for (let i = 1; i < n; i++) {
    const rate = model.table[i * model.steps + t - 1]!;
    const fused = b.fused[i];
    if (fused) fused.rng.compoundNormals(b.levels[i]!, b.total, rate + u0, fused.mean, fused.sd);
    else stepBlock(model.kind[i]!, b.levels[i]!, b.drivers[i]!, up, u0, rate, model.ceiling[i]!, g, b.total);
  }
}

/** All levels for every year with constant driver values x: [t·(C+1) + i], t = 0 (base year) … steps. */
export function runPaths(model: Model, x: Float64Array): Float64Array {
  const n = model.components + 1;
  const out = new Float64Array((model.steps + 1) * n);
  const levels = model.base.slice();
  const block = blockViews(model, 1, { levels, drivers: x.slice(), gdpGrowth: new Float64Array(1), total: new Float64Array(1) });
  out.set(levels, 0);
  for (let t = 1; t <= model.steps; t++) {
    advance(model, t, block);
    out.set(levels, t * n);
  }
  return out;
}

export type MetricSpec = { kind: 'total' } | { kind: 'share' } | { kind: 'gdp' } | { kind: 'component'; index: number };

export function totalAt(model: Model, paths: Float64Array, t: number): number {
  const n = model.components + 1;
  let total = 0;
  for (let i = 1; i < n; i++) total += paths[t * n + i]!;
  return total;
}

/** Share of GDP in %, 0 when GDP is 0 (a level floored at zero): undefined then, see shareFlag. */
export function shareOf(total: number, gdp: number): number {
  return gdp > 0 ? (total / gdp) * 100 : 0;
}

/**
 * What is wrong with a share of GDP, if anything: 'gdp-not-positive' when GDP is 0 (the share is
 * undefined; its value is given as 0), 'above-100' when the digital economy's value added exceeds the
 * GDP it is part of (an impossible projection). null for a share that can be read as it is.
 */
export type ShareFlag = 'gdp-not-positive' | 'above-100';

export function shareFlag(total: number, gdp: number): ShareFlag | null {
  if (!(gdp > 0)) return 'gdp-not-positive';
  return total > gdp ? 'above-100' : null;
}

export function metricAt(model: Model, paths: Float64Array, metric: MetricSpec, t: number): number {
  const n = model.components + 1;
  switch (metric.kind) {
    case 'total':
      return totalAt(model, paths, t);
    case 'share':
      return shareOf(totalAt(model, paths, t), paths[t * n]!);
    case 'gdp':
      return paths[t * n]!;
    case 'component':
      return paths[t * n + metric.index]!;
  }
}

export function targetMetric(model: Model, target: Target): MetricSpec {
  if (target.kind === 'total') return { kind: 'total' };
  if (target.kind === 'share') return { kind: 'share' };
  const index = model.ids.indexOf(target.componentId);
  if (index < 1) throw new EngineError('unknown_component', { componentId: target.componentId });
  return { kind: 'component', index };
}

export function meets(value: number, target: Pick<Target, 'comparator' | 'value'>): boolean {
  return target.comparator === '>' ? value > target.value : value >= target.value;
}

export function findTarget(s: ResolvedScenario, targetId: string): Target {
  const target = s.targets.find((t) => t.id === targetId);
  if (!target) throw new EngineError('unknown_target', { targetId });
  return target;
}
