// Goal seek: the value of one driver at which a target is just met, by bisection on "met / not met"
// within the driver's bounds. Bisection keeps the answer on the met side of the boundary, which matters
// for a '>' target and for a figure that will be read as "enough".
import { EngineError } from './errors';
import { compile, driverIndex, findTarget, meets, metricAt, runPaths, targetMetric, type DriverUnit, type Model } from './model';
import type { Bounds, ResolvedScenario, Target } from './schema';

/** Default absolute tolerance, in the driver's own unit (e.g. 1e-9 percentage points). */
export const defaultTolerance = 1e-9;
const maxIterations = 200;

export interface GoalSeekOptions {
  targetId: string;
  /** 'gdp', 'uplift' or a component id. */
  driver: string;
  tolerance?: number;
}

/** 'at-least': the target is met for driver values at or above `value`; 'at-most': at or below. */
export type Direction = 'at-least' | 'at-most';

export interface GoalSeekResult {
  targetId: string;
  driver: string;
  unit: DriverUnit;
  /** The driver value that just meets the target: met here, not met `tolerance` further toward failure. */
  value: number;
  direction: Direction;
  nominal: number;
  bounds: Bounds;
  tolerance: number;
  iterations: number;
  threshold: number;
  /** The targeted quantity in the target year at the solution and at the nominal driver value. */
  metricAtValue: number;
  metricAtNominal: number;
}

type Feasible =
  | { kind: 'always' }
  | { kind: 'never'; atLower: number; atUpper: number }
  | { kind: 'bounded'; direction: Direction; value: number; iterations: number };

interface Probe {
  model: Model;
  k: number;
  bounds: Bounds;
  metricAt(value: number, target: Target): number;
}

function probe(s: ResolvedScenario, driver: string): Probe {
  const model = compile(s);
  const k = driverIndex(model, driver);
  const x = model.nominal.slice();
  return {
    model,
    k,
    bounds: model.drivers[k]!.bounds,
    metricAt(value, target) {
      x[k] = value;
      return metricAt(model, runPaths(model, x), targetMetric(model, target), target.year - model.baseYear);
    },
  };
}

function validTolerance(tolerance: number | undefined): number {
  const tol = tolerance ?? defaultTolerance;
  if (!(tol > 0) || !Number.isFinite(tol)) throw new EngineError('invalid_argument', { name: 'tolerance', reason: 'must be a positive number' });
  return tol;
}

/** Assumes the target's quantity is monotone in the driver within its bounds (true of every level target). */
function solveOne(p: Probe, target: Target, tol: number): Feasible {
  const met = (v: number) => meets(p.metricAt(v, target), target);
  let lo = p.bounds.min;
  let hi = p.bounds.max;
  const metLo = met(lo);
  const metHi = met(hi);
  if (metLo && metHi) return { kind: 'always' };
  if (!metLo && !metHi) return { kind: 'never', atLower: p.metricAt(lo, target), atUpper: p.metricAt(hi, target) };
  const direction: Direction = metHi ? 'at-least' : 'at-most';
  let iterations = 0;
  while (hi - lo > tol && iterations < maxIterations) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (met(mid) === (direction === 'at-least')) hi = mid;
    else lo = mid;
    iterations++;
  }
  return { kind: 'bounded', direction, value: direction === 'at-least' ? hi : lo, iterations };
}

function boundParams(driver: string, bounds: Bounds) {
  return { driver, lower: bounds.min, upper: bounds.max };
}

function unreachable(target: Target, driver: string, bounds: Bounds, found: { atLower: number; atUpper: number }): EngineError {
  return new EngineError('goal_unreachable', {
    targetId: target.id,
    ...boundParams(driver, bounds),
    threshold: target.value,
    atLower: found.atLower,
    atUpper: found.atUpper,
  });
}

export function goalSeek(s: ResolvedScenario, options: GoalSeekOptions): GoalSeekResult {
  const tol = validTolerance(options.tolerance);
  const target = findTarget(s, options.targetId);
  const p = probe(s, options.driver);
  const info = p.model.drivers[p.k]!;
  const found = solveOne(p, target, tol);
  if (found.kind === 'always') throw new EngineError('goal_always_met', { targetId: target.id, ...boundParams(info.id, p.bounds) });
  if (found.kind === 'never') throw unreachable(target, info.id, p.bounds, found);
  return {
    targetId: target.id,
    driver: info.id,
    unit: info.unit,
    value: found.value,
    direction: found.direction,
    nominal: info.nominal,
    bounds: p.bounds,
    tolerance: tol,
    iterations: found.iterations,
    threshold: target.value,
    metricAtValue: p.metricAt(found.value, target),
    metricAtNominal: p.metricAt(info.nominal, target),
  };
}

export interface JointGoalSeekOptions {
  targetIds: string[];
  driver: string;
  tolerance?: number;
}

export interface JointTargetSolution {
  targetId: string;
  /** 'always' when every value within bounds meets this target (it cannot bind). */
  direction: Direction | 'always';
  value: number | null;
  metricAtValue: number;
  threshold: number;
}

export interface JointGoalSeekResult {
  driver: string;
  unit: DriverUnit;
  /** The least driver value meeting every target (the greatest, when all of them ask for at most). */
  value: number;
  direction: Direction;
  /** Driver values within bounds for which every target is met. */
  feasible: Bounds;
  /** The target that sets `value`: the one that binds. */
  binding: string;
  targets: JointTargetSolution[];
  nominal: number;
  bounds: Bounds;
  tolerance: number;
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
  let lo: { value: number; targetId: string } | null = null;
  let hi: { value: number; targetId: string } | null = null;
  const solved: { target: Target; found: Feasible }[] = [];
  for (const target of targets) {
    const found = solveOne(p, target, tol);
    if (found.kind === 'never') throw unreachable(target, info.id, p.bounds, found);
    if (found.kind === 'bounded' && found.direction === 'at-least' && (lo === null || found.value > lo.value)) {
      lo = { value: found.value, targetId: target.id };
    }
    if (found.kind === 'bounded' && found.direction === 'at-most' && (hi === null || found.value < hi.value)) {
      hi = { value: found.value, targetId: target.id };
    }
    solved.push({ target, found });
  }
  const ids = options.targetIds.join(', ');
  if (!lo && !hi) throw new EngineError('goal_always_met', { targetId: ids, ...boundParams(info.id, p.bounds) });
  if (lo && hi && lo.value > hi.value) throw new EngineError('goal_conflict', { targetIds: ids, ...boundParams(info.id, p.bounds) });
  const pick = (lo ?? hi)!;
  const value = pick.value;
  return {
    driver: info.id,
    unit: info.unit,
    value,
    direction: lo ? 'at-least' : 'at-most',
    feasible: { min: lo?.value ?? p.bounds.min, max: hi?.value ?? p.bounds.max },
    binding: pick.targetId,
    targets: solved.map(({ target, found }) => ({
      targetId: target.id,
      direction: found.kind === 'bounded' ? found.direction : 'always',
      value: found.kind === 'bounded' ? found.value : null,
      metricAtValue: p.metricAt(value, target),
      threshold: target.value,
    })),
    nominal: info.nominal,
    bounds: p.bounds,
    tolerance: tol,
  };
}
