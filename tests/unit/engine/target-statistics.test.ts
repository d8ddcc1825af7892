// A target's Monte Carlo statistics (docs/ENGINE.md, "Target statistics"): its probability's standard
// error, P(met in year Y) and P(met by year Y) for every year, and the first year it is met, against
// closed forms and a numerical integral computed here.
import { describe, expect, it } from 'vitest';
import { monteCarlo, normalCdf, type TargetProbability } from '../../../shared/engine';
import { scenario } from './helpers';

/** One component of 5,000 at a N(10, 5²) yearly rate drawn once per path, over 10 years; target 1.15¹⁰ × 5,000 in 2030. */
const trend = (persistence: unknown = 'path') =>
  scenario({
    horizon: 2030,
    targets: [{ kind: 'total', id: 'T', label: 't', year: 2030, value: 5000 * 1.15 ** 10 }],
    uncertainty: { drivers: { de: { kind: 'normal', mean: 10, sd: 5 } }, persistence },
  });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the standard error of a target probability', () => {
  it('is √(p(1 − p)/n), and is the spread of the probability across seeds', () => {
    const n = 2000;
    const runs = Array.from({ length: 60 }, (_, seed) => monteCarlo(trend(), { draws: n, seed: seed + 1 }).targets[0]!);
    for (const t of runs) expect(t.standardError).toBe(Math.sqrt((t.probability * (1 - t.probability)) / n));
    const ps = runs.map((t) => t.probability);
    const mean = sum(ps) / ps.length;
    const spread = Math.sqrt(sum(ps.map((p) => (p - mean) ** 2)) / (ps.length - 1));
    const p = 1 - normalCdf(1);
    const se = Math.sqrt((p * (1 - p)) / n);
    // The sample sd of 60 estimates is within about ±25% of the true one (its own relative sd is 1/√118).
    expect(spread / se).toBeGreaterThan(0.72);
    expect(spread / se).toBeLessThan(1.28);
    expect(Math.abs(mean - p)).toBeLessThan((4 * se) / Math.sqrt(ps.length));
  });
});

describe('the target over the years', () => {
  it('drawn once per path: P(met in Y) = 1 − Φ(((1.15^(10/Y) − 1)·100 − 10)/5), P(met by Y) the same, and the first year the differences', () => {
    const draws = 100_000;
    const r = monteCarlo(trend(), { draws, seed: 4 });
    const t = r.targets[0]!;
    expect(r.years).toEqual(Array.from({ length: 11 }, (_, i) => 2020 + i));
    expect(t.metIn[0]).toBe(0);
    const closed = r.years.map((_, y) => (y === 0 ? 0 : 1 - normalCdf(((1.15 ** (10 / y) - 1) * 100 - 10) / 5)));
    r.years.forEach((year, y) => {
      const se = Math.sqrt((closed[y]! * (1 - closed[y]!)) / draws);
      expect(Math.abs(t.metIn[y]! - closed[y]!), String(year)).toBeLessThanOrEqual(4 * se);
    });
    // A rate drawn once: a level that meets the threshold keeps meeting it, so met by Y is met in Y.
    expect(t.metBy).toEqual(t.metIn);
    expect(t.metIn[10]).toBe(t.probability);
    t.firstYear.counts.forEach((c, y) => expect(c).toBe(Math.round((t.metIn[y]! - (y > 0 ? t.metIn[y - 1]! : 0)) * draws)));
    expect(t.firstYear.never).toBe(Math.round((1 - t.probability) * draws));
  });

  it('drawn each year, a random walk can meet the target and fall back: P(met by year 2) is the integral of crossing in year 1 or 2', () => {
    // Level 1,000 plus yearly N(0, 100²) amounts; target 1,100 (c = 100 = σ above the base).
    const s = scenario({
      horizon: 2024,
      targets: [{ kind: 'total', id: 'W', label: 'w', year: 2024, value: 1100 }],
      components: [{ id: 'de', name: 'd', base: 1000, growth: { kind: 'increment', amount: 0 } }],
      uncertainty: { drivers: { de: { kind: 'normal', mean: 0, sd: 100 } }, persistence: 'year' },
    });
    const draws = 200_000;
    const t: TargetProbability = monteCarlo(s, { draws, seed: 6 }).targets[0]!;
    const metIn = (y: number) => 1 - normalCdf(1 / Math.sqrt(y));
    // P(S₁ ≥ c) + P(S₁ < c, S₂ ≥ c) = 1 − Φ(1) + ∫_{−∞}^{1} φ(s)·(1 − Φ(1 − s)) ds (in units of σ), by Simpson's rule.
    const steps = 4000;
    const lo = -9;
    const h = (1 - lo) / steps;
    let integral = 0;
    for (let i = 0; i <= steps; i++) {
      const x = lo + i * h;
      const f = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * (1 - normalCdf(1 - x));
      integral += f * (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2);
    }
    const by2 = metIn(1) + (integral * h) / 3;
    // scipy's quad gives 0.290338 as well.
    expect(by2).toBeCloseTo(0.290338, 5);
    const tol = (p: number) => 4 * Math.sqrt((p * (1 - p)) / draws);
    expect(Math.abs(t.metIn[1]! - metIn(1))).toBeLessThan(tol(metIn(1)));
    expect(Math.abs(t.metIn[2]! - metIn(2))).toBeLessThan(tol(metIn(2)));
    expect(Math.abs(t.metBy[2]! - by2)).toBeLessThan(tol(by2));
    expect(t.metBy[1]).toBe(t.metIn[1]);
    // Met by a year is never less than met in it, never falls, and is the running sum of the first years.
    let running = 0;
    t.metBy.forEach((p, y) => {
      running += t.firstYear.counts[y]!;
      expect(p).toBe(running / draws);
      expect(p).toBeGreaterThanOrEqual(t.metIn[y]!);
      if (y > 0) expect(p).toBeGreaterThanOrEqual(t.metBy[y - 1]!);
    });
    expect(sum(t.firstYear.counts) + t.firstYear.never).toBe(draws);
    expect(t.metBy[4]).toBeGreaterThan(t.probability + 0.1);
  });

  it('a target met in the base year is met from the base year in every draw', () => {
    const s = scenario({
      targets: [{ kind: 'share', id: 'S', label: 's', year: 2023, value: 20 }],
      uncertainty: { drivers: { de: { kind: 'normal', mean: -30, sd: 5 } }, persistence: 'path' },
    });
    const t = monteCarlo(s, { draws: 3000, seed: 1 }).targets[0]!;
    expect(t.firstYear).toEqual({ counts: [3000, 0, 0, 0], never: 0 });
    expect(t.metBy).toEqual([1, 1, 1, 1]);
    expect(t.metIn[0]).toBe(1);
    // 25% at base, falling 30% a year against GDP growing 5%: below 20% from the first year on.
    expect(t.metIn[1]).toBeLessThan(0.01);
    expect(t.probability).toBe(t.metIn[3]);
  });
});
