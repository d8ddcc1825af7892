// A target's verdict as every screen and the CLI state it. A projection from a bounded base is itself a
// bound (projectionBound): from "超6000亿元" the 2025 projection is ≥1.2万亿元, so against "≥1.5万亿元"
// it says neither met nor missed — the true value may be higher. The engine's `met` compares the point
// value; the verdict reads the bound with shared/series/bound.ts `meets`.
import { meets, type Bound, type Verdict } from '../series/bound';
import { projectionBound } from './backtest';
import { noBases, type ScenarioBases } from './base-figure';
import type { ProjectionResult, TargetOutcome } from './project';

export type { Verdict } from '../series/bound';

/** A target's outcome with its bound-aware verdict: what scenarios.run returns per target. */
export type JudgedOutcome = TargetOutcome & { verdict: Verdict };

/**
 * Whether a projection meets its target: 'yes', 'no', or 'unknown' when the projection is a bound
 * that leaves it open (a lower bound below a "≥" target). A share that cannot be read as one
 * (GDP at 0, above 100%) keeps the engine's answer.
 */
export function targetVerdict(o: Pick<TargetOutcome, 'kind' | 'comparator' | 'value' | 'threshold' | 'flag' | 'met'>, bases: ScenarioBases): Verdict {
  if (o.flag) return o.met ? 'yes' : 'no';
  return meets(o.comparator, o.value, projectionBound(o.kind, bases), o.threshold);
}

/**
 * The bound of a Monte Carlo probability of meeting a "≥" target: every draw from a lower-bound base
 * is a lower bound, so the share of draws meeting it is at least the probability (≥); from an upper
 * bound at most (≤).
 */
export function probabilityBound(kind: TargetOutcome['kind'], bases: ScenarioBases): Extract<Bound, 'lower' | 'upper' | 'exact'> {
  const bound = projectionBound(kind, bases);
  return bound === 'lower' || bound === 'upper' ? bound : 'exact';
}

/** A projection's targets with their verdicts from its bases (none: every verdict from the point value). */
export function judgeTargets(p: ProjectionResult): JudgedOutcome[] {
  const bases = p.bases ?? noBases;
  return p.targets.map((o) => ({ ...o, verdict: targetVerdict(o, bases) }));
}
