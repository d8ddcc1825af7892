// Goal seek: the values of one driver at which a target is met, all other drivers at nominal. The
// driver's bounds are scanned on a grid and every change between "met" and "not met" is bisected, so
// a metric that is not monotone (a share whose numerator and denominator both move) still gets every
// range that meets it; the answer is the value nearest the scenario's own. Bisection keeps each end
// on the met side of its boundary, which matters for a '>' target and for a figure read as "enough".
import { formatPercent, formatPlain, formatYi, type Locale } from '../format/number';
import { EngineError, type EngineErrorParams } from './errors';
import { compile, driverIndex, findTarget, meets, metricAt, runPaths, targetMetric, type DriverUnit, type Model } from './model';
import type { Bounds, ResolvedScenario, Target } from './schema';

/** Default absolute tolerance, in the driver's own unit (e.g. 1e-9 percentage points). */
export const defaultTolerance = 1e-9;
const maxIterations = 200;
/** Equal steps the search range is scanned in before the changes are bisected. */
export const scanSteps = 64;

export interface GoalSeekOptions {
  targetId: string;
  /** 'gdp', 'uplift' or a component id. */
  driver: string;
  tolerance?: number;
}

/** 'at-least': the target is met from `value` upward (within its range); 'at-most': from `value` downward. */
export type Direction = 'at-least' | 'at-most';

export interface GoalSeekResult {
  targetId: string;
  driver: string;
  unit: DriverUnit;
  /**
   * The driver value nearest the nominal at which the target is just met: met here, not met
   * `tolerance` further toward failure. When the nominal already meets it, the nearer end of the
   * range around the nominal (how far the driver may move before the target is lost).
   */
  value: number;
  direction: Direction;
  nominal: number;
  /** Whether the scenario as written (the driver at its nominal value) meets the target. */
  metAtNominal: boolean;
  /** Every range of driver values within `searched` that meets the target, ascending. */
  intervals: Bounds[];
  bounds: Bounds;
  /** The part of `bounds` searched: where GDP stays above 0 in every year up to the target's year. */
  searched: Bounds;
  tolerance: number;
  iterations: number;
  threshold: number;
  /** The targeted quantity in the target year at the solution and at the nominal driver value. */
  metricAtValue: number;
  metricAtNominal: number;
}

/** A range meeting a target; an end set by a boundary names the target it belongs to, an end at the search range's edge is null. */
interface Interval {
  min: number;
  max: number;
  minBy: string | null;
  maxBy: string | null;
}

type Solved =
  | { kind: 'independent'; value: number }
  | { kind: 'ranges'; intervals: Interval[]; iterations: number; atLower: number; atUpper: number };

interface Probe {
  model: Model;
  k: number;
  bounds: Bounds;
  nominal: number;
  /** The target's quantity at driver value v. */
  metricAt(v: number, target: Target): number;
  /** Whether GDP stays above 0 in every year up to `year` at driver value v. */
  gdpPositive(v: number, year: number): boolean;
}

function probe(s: ResolvedScenario, driver: string): Probe {
  const model = compile(s);
  const k = driverIndex(model, driver);
  const x = model.nominal.slice();
  const n = model.components + 1;
  const paths = (v: number) => {
    x[k] = v;
    const out = runPaths(model, x);
    x[k] = model.nominal[k]!;
    return out;
  };
  return {
    model,
    k,
    bounds: model.drivers[k]!.bounds,
    nominal: model.drivers[k]!.nominal,
    metricAt: (v, target) => metricAt(model, paths(v), targetMetric(model, target), target.year - model.baseYear),
    gdpPositive(v, year) {
      const p = paths(v);
      for (let t = 0; t <= year - model.baseYear; t++) if (!(p[t * n]! > 0)) return false;
      return true;
    },
  };
}

function validTolerance(tolerance: number | undefined): number {
  const tol = tolerance ?? defaultTolerance;
  if (!(tol > 0) || !Number.isFinite(tol)) throw new EngineError('invalid_argument', { name: 'tolerance', reason: 'must be a positive number' });
  return tol;
}

/**
 * Bisect between a value where `good` holds and one where it does not, keeping the good end, until
 * they are within `tol`. Returns the good end.
 */
function bisect(good: (v: number) => boolean, yes: number, no: number, tol: number): { value: number; iterations: number } {
  let iterations = 0;
  while (Math.abs(no - yes) > tol && iterations < maxIterations) {
    const mid = yes + (no - yes) / 2;
    if (mid === yes || mid === no) break;
    if (good(mid)) yes = mid;
    else no = mid;
    iterations++;
  }
  return { value: yes, iterations };
}

/**
 * Where the quantities are defined: the part of the bounds where GDP stays above 0 in every year up to
 * `year` (GDP never falls as its driver rises, so this is one range). A share of a GDP of 0 means
 * nothing, and a scenario whose GDP vanishes is not an answer to give. null when nowhere.
 */
function searchRange(p: Probe, year: number, tol: number): Bounds | null {
  const { min, max } = p.bounds;
  const atMin = p.gdpPositive(min, year);
  const atMax = p.gdpPositive(max, year);
  if (atMin && atMax) return { min, max };
  if (!atMin && !atMax) return null;
  const edge = bisect((v) => p.gdpPositive(v, year), atMin ? min : max, atMin ? max : min, tol).value;
  return atMin ? { min, max: edge } : { min: edge, max };
}

/** The scan: equal steps over the range, and the nominal when it lies inside. */
function scanPoints(range: Bounds, nominal: number): number[] {
  const xs = Array.from({ length: scanSteps + 1 }, (_, i) => (i === scanSteps ? range.max : range.min + ((range.max - range.min) * i) / scanSteps));
  if (nominal > range.min && nominal < range.max && !xs.includes(nominal)) {
    xs.push(nominal);
    xs.sort((a, b) => a - b);
  }
  return xs;
}

/** Every range of the driver within `range` meeting the target, each boundary bisected to `tol`. */
function solveOn(p: Probe, target: Target, range: Bounds, tol: number): Solved {
  const xs = scanPoints(range, p.nominal);
  const values = xs.map((v) => p.metricAt(v, target));
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  if (highest - lowest <= 1e-12 * Math.max(1, Math.abs(highest))) return { kind: 'independent', value: p.metricAt(p.nominal, target) };
  const met = values.map((v) => meets(v, target));
  const isMet = (v: number) => meets(p.metricAt(v, target), target);
  const intervals: Interval[] = [];
  let iterations = 0;
  let open: Interval | null = null;
  for (let i = 0; i < xs.length; i++) {
    if (met[i] && !open) {
      if (i === 0) open = { min: xs[0]!, max: xs[0]!, minBy: null, maxBy: null };
      else {
        const found = bisect(isMet, xs[i]!, xs[i - 1]!, tol);
        iterations = Math.max(iterations, found.iterations);
        open = { min: found.value, max: found.value, minBy: target.id, maxBy: null };
      }
    }
    if (open && met[i] && (i === xs.length - 1 || !met[i + 1])) {
      if (i === xs.length - 1) open.max = xs[i]!;
      else {
        const found = bisect(isMet, xs[i]!, xs[i + 1]!, tol);
        iterations = Math.max(iterations, found.iterations);
        open.max = found.value;
        open.maxBy = target.id;
      }
      intervals.push(open);
      open = null;
    }
  }
  return { kind: 'ranges', intervals, iterations, atLower: values[0]!, atUpper: values[values.length - 1]! };
}

/**
 * The answer among met ranges: the point nearest the nominal when it is not met (an end set by a
 * boundary); when it is, the nearer boundary of the range around it. null when every range is the
 * whole search range (nothing bounds the driver).
 */
function choose(intervals: readonly Interval[], nominal: number): { value: number; direction: Direction; by: string; interval: Interval } | null {
  const distance = (x: Interval) => (nominal < x.min ? x.min - nominal : nominal > x.max ? nominal - x.max : 0);
  let best: Interval | null = null;
  for (const x of intervals) if (!best || distance(x) < distance(best)) best = x;
  if (!best || (best.minBy === null && best.maxBy === null)) return null;
  const lower = best.minBy === null ? null : { value: best.min, direction: 'at-least' as const, by: best.minBy, interval: best };
  const upper = best.maxBy === null ? null : { value: best.max, direction: 'at-most' as const, by: best.maxBy, interval: best };
  if (!lower) return upper;
  if (!upper) return lower;
  if (nominal <= best.min) return lower;
  if (nominal >= best.max) return upper;
  return nominal - best.min <= best.max - nominal ? lower : upper;
}

const bounds = (x: Interval): Bounds => ({ min: x.min, max: x.max });

function rangeParams(driver: string, range: Bounds) {
  return { driver, lower: range.min, upper: range.max };
}

function independent(target: Target, driver: string, value: number): EngineError {
  // `met`: 1 when the target is met anyway (so some value, every value, meets it), else 0.
  return new EngineError('goal_independent', { targetId: target.id, driver, value, threshold: target.value, unit: target.kind === 'share' ? '%' : '亿元', met: meets(value, target) ? 1 : 0 });
}

function unreachable(target: Target, driver: string, range: Bounds, found: { atLower: number; atUpper: number }): EngineError {
  return new EngineError('goal_unreachable', {
    targetId: target.id,
    ...rangeParams(driver, range),
    threshold: target.value,
    atLower: found.atLower,
    atUpper: found.atUpper,
    unit: target.kind === 'share' ? '%' : '亿元',
  });
}

function undefinedGdp(targetId: string, driver: string, bounds: Bounds, year: number): EngineError {
  return new EngineError('goal_gdp_not_positive', { targetId, ...rangeParams(driver, bounds), year });
}

export function goalSeek(s: ResolvedScenario, options: GoalSeekOptions): GoalSeekResult {
  const tol = validTolerance(options.tolerance);
  const target = findTarget(s, options.targetId);
  const p = probe(s, options.driver);
  const info = p.model.drivers[p.k]!;
  const range = searchRange(p, target.year, tol);
  if (!range) throw undefinedGdp(target.id, info.id, p.bounds, target.year);
  const found = solveOn(p, target, range, tol);
  if (found.kind === 'independent') throw independent(target, info.id, found.value);
  if (found.intervals.length === 0) throw unreachable(target, info.id, range, found);
  const pick = choose(found.intervals, info.nominal);
  if (!pick) throw new EngineError('goal_always_met', { targetId: target.id, ...rangeParams(info.id, range) });
  const metricAtNominal = p.metricAt(info.nominal, target);
  return {
    targetId: target.id,
    driver: info.id,
    unit: info.unit,
    value: pick.value,
    direction: pick.direction,
    nominal: info.nominal,
    metAtNominal: p.gdpPositive(info.nominal, target.year) && meets(metricAtNominal, target),
    intervals: found.intervals.map(bounds),
    bounds: p.bounds,
    searched: range,
    tolerance: tol,
    iterations: found.iterations,
    threshold: target.value,
    metricAtValue: p.metricAt(pick.value, target),
    metricAtNominal,
  };
}

export interface JointGoalSeekOptions {
  targetIds: string[];
  driver: string;
  tolerance?: number;
}

export interface JointTargetSolution {
  targetId: string;
  /** This target alone: 'always' when every value searched meets it (it cannot bind). */
  direction: Direction | 'always';
  value: number | null;
  /** The ranges meeting this target alone. */
  intervals: Bounds[];
  metricAtValue: number;
  threshold: number;
}

export interface JointGoalSeekResult {
  driver: string;
  unit: DriverUnit;
  /** The value nearest the nominal meeting every target (when the nominal does, the nearer end of its range). */
  value: number;
  direction: Direction;
  /** The range of driver values meeting every target that holds `value`. */
  feasible: Bounds;
  /** Every range meeting all targets, ascending. */
  intervals: Bounds[];
  /** The target that sets `value`: the one that binds. */
  binding: string;
  targets: JointTargetSolution[];
  nominal: number;
  metAtNominal: boolean;
  bounds: Bounds;
  /** Where GDP stays above 0 up to the latest target's year. */
  searched: Bounds;
  tolerance: number;
}

/** The ranges lying in both lists, each end keeping the target that set it. */
function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = x.min >= y.min ? { v: x.min, by: x.min === y.min ? (x.minBy ?? y.minBy) : x.minBy } : { v: y.min, by: y.minBy };
    const hi = x.max <= y.max ? { v: x.max, by: x.max === y.max ? (x.maxBy ?? y.maxBy) : x.maxBy } : { v: y.max, by: y.maxBy };
    if (lo.v <= hi.v) out.push({ min: lo.v, max: hi.v, minBy: lo.by, maxBy: hi.by });
    if (x.max < y.max) i++;
    else j++;
  }
  return out;
}

/**
 * Several targets at once, e.g. the 万亿 level and the 40% share: each is solved on the full scenario
 * (so the share's denominator, GDP, moves when the driver is GDP growth or drives elastic components),
 * and the feasible set is the intersection of their met ranges.
 */
export function goalSeekJoint(s: ResolvedScenario, options: JointGoalSeekOptions): JointGoalSeekResult {
  const tol = validTolerance(options.tolerance);
  if (options.targetIds.length === 0) throw new EngineError('invalid_argument', { name: 'targetIds', reason: 'name at least one target' });
  const targets = options.targetIds.map((id) => findTarget(s, id));
  const p = probe(s, options.driver);
  const info = p.model.drivers[p.k]!;
  const lastYear = Math.max(...targets.map((t) => t.year));
  const range = searchRange(p, lastYear, tol);
  const ids = options.targetIds.join(', ');
  if (!range) throw undefinedGdp(ids, info.id, p.bounds, lastYear);
  const whole: Interval = { min: range.min, max: range.max, minBy: null, maxBy: null };
  let feasible: Interval[] = [whole];
  const solved = targets.map((target) => {
    const found = solveOn(p, target, range, tol);
    if (found.kind === 'independent') {
      if (!meets(found.value, target)) throw independent(target, info.id, found.value);
      return { target, intervals: [whole] };
    }
    if (found.intervals.length === 0) throw unreachable(target, info.id, range, found);
    feasible = intersect(feasible, found.intervals);
    return { target, intervals: found.intervals };
  });
  if (feasible.length === 0) throw new EngineError('goal_conflict', { targetIds: ids, ...rangeParams(info.id, range) });
  const pick = choose(feasible, info.nominal);
  if (!pick) throw new EngineError('goal_always_met', { targetId: ids, ...rangeParams(info.id, range) });
  const metAtNominal = p.gdpPositive(info.nominal, lastYear) && targets.every((t) => meets(p.metricAt(info.nominal, t), t));
  return {
    driver: info.id,
    unit: info.unit,
    value: pick.value,
    direction: pick.direction,
    feasible: bounds(pick.interval),
    intervals: feasible.map(bounds),
    binding: pick.by,
    targets: solved.map(({ target, intervals }) => {
      const own = choose(intervals, info.nominal);
      return {
        targetId: target.id,
        direction: own ? own.direction : 'always',
        value: own ? own.value : null,
        intervals: intervals.map(bounds),
        metricAtValue: p.metricAt(pick.value, target),
        threshold: target.value,
      };
    }),
    nominal: info.nominal,
    metAtNominal,
    bounds: p.bounds,
    searched: range,
    tolerance: tol,
  };
}

/**
 * A goal-seek error's params made readable for a message: targets and drivers by name, the driver's
 * range in its unit and the target's quantity as an amount or a share (a share above 100% said so,
 * never as a number like 246,104%). Pass the labels the caller shows (target labels, driver labels).
 */
export function readableGoalParams(
  params: EngineErrorParams,
  locale: Locale,
  names: { target?: (id: string) => string; driver?: (id: string) => string } = {},
): EngineErrorParams {
  const out: EngineErrorParams = { ...params };
  const quantity = (v: number | string | null | undefined) => {
    if (typeof v !== 'number') return v ?? null;
    if (params.unit !== '%') return formatYi(v, locale);
    if (v > 100) return locale === 'zh' ? '超过100%（不合理）' : 'above 100% (impossible)';
    return formatPercent(v, locale, 2);
  };
  const plain = (v: number | string | null | undefined) => (typeof v === 'number' ? formatPlain(v, locale, Math.abs(v) >= 100 ? 1 : 3) : (v ?? null));
  for (const key of ['atLower', 'atUpper', 'threshold', 'value'] as const) if (key in params) out[key] = quantity(params[key]);
  for (const key of ['lower', 'upper'] as const) if (key in params) out[key] = plain(params[key]);
  if (typeof params.driver === 'string' && names.driver) out.driver = names.driver(params.driver);
  for (const key of ['targetId', 'targetIds'] as const) {
    const ids = params[key];
    if (typeof ids === 'string' && names.target) out[key] = ids.split(', ').map((id) => names.target!(id)).join(locale === 'zh' ? '、' : ', ');
  }
  return out;
}
