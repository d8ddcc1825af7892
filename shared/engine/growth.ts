// Closed-form pieces of the growth specs: the least-squares trend, the logistic rate through the base,
// and the constant growth a target requires.
import { EngineError } from './errors';

export interface Point {
  year: number;
  value: number;
}

/** Ordinary least squares of value on year: value ≈ intercept + slope·year. */
export function leastSquares(points: readonly Point[]): { slope: number; intercept: number } {
  const n = points.length;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.year;
    sy += p.value;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  // Centred sums: years are ~2000, so raw sums of squares would lose digits.
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  if (sxx === 0) throw new EngineError('invalid_argument', { name: 'history', reason: 'needs at least two different years' });
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * The logistic rate r (in %, i.e. 100·r) of V(t) = K / (1 + e^(−r(t − m))) that passes through the base
 * value in the base year when the midpoint m is given: r = ln(K/B − 1) / (m − baseYear).
 * Returns null when no increasing curve does (B = K/2 off the midpoint, or B on the wrong side of K/2).
 */
export function logisticRateFromMidpoint(base: number, ceiling: number, baseYear: number, midpointYear: number): number | null {
  if (!(ceiling > base) || base <= 0 || midpointYear === baseYear) return null;
  const r = Math.log(ceiling / base - 1) / (midpointYear - baseYear);
  return r > 0 ? r * 100 : null;
}

/**
 * The constant yearly growth (%) that takes `from` to exactly `to` in `years` years:
 * 100·((to/from)^(1/years) − 1). 5,000 → 10,000 in 3 years is 25.99%. Any higher rate meets a '>' target.
 */
export function requiredGrowth(from: number, to: number, years: number): number {
  if (!(from > 0) || !Number.isFinite(from)) throw new EngineError('invalid_argument', { name: 'from', reason: 'must be a positive number' });
  if (!(to > 0) || !Number.isFinite(to)) throw new EngineError('invalid_argument', { name: 'to', reason: 'must be a positive number' });
  if (!(years > 0) || !Number.isFinite(years)) throw new EngineError('invalid_argument', { name: 'years', reason: 'must be a positive number' });
  return ((to / from) ** (1 / years) - 1) * 100;
}
