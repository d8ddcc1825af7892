import { describe, expect, it } from 'vitest';
import { EngineError, monteCarlo, monteCarloSteps, percentileLevels, project, type MonteCarloResult } from '../../../shared/engine';
import { scenario, twoComponents } from './helpers';

/** One component of 5,000 whose yearly rate is drawn from `dist`, over `years` years. */
function uncertain(dist: Record<string, unknown>, years = 3, extra: Record<string, unknown> = {}) {
  return scenario({ horizon: 2020 + years, targets: [], uncertainty: { drivers: { de: dist } }, ...extra });
}

const last = (values: number[]) => values[values.length - 1]!;

describe('monteCarlo', () => {
  it('converges to the analytic mean: E[V₃] = 5,000 × 1.26³ for a N(26, 4²) rate drawn afresh each year', () => {
    const r = monteCarlo(uncertain({ kind: 'normal', mean: 26, sd: 4 }), { draws: 100_000, seed: 11 });
    // Independent yearly factors F ~ N(1.26, 0.04²): Var V₃ = 5,000² (E[F²]³ − E[F]⁶).
    const sd = 5000 * Math.sqrt((1.26 ** 2 + 0.04 ** 2) ** 3 - 1.26 ** 6);
    const se = sd / Math.sqrt(100_000);
    expect(Math.abs(last(r.total.mean) - 10001.88)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(2);
    // The spread matches too: P90 − P10 of a near-normal total is about 2.563 sd.
    expect((last(r.total.p90) - last(r.total.p10)) / 2.5631).toBeCloseTo(sd, -1);
  });

  it('keeps the mean for lognormal, triangular and uniform rates of the same mean', () => {
    for (const dist of [
      { kind: 'lognormal', mean: 26, sd: 4 },
      { kind: 'triangular', min: 18, mode: 26, max: 34 },
      { kind: 'uniform', min: 20, max: 32 },
    ]) {
      const r = monteCarlo(uncertain(dist), { draws: 50_000, seed: 5 });
      expect(Math.abs(last(r.total.mean) / 10001.88 - 1)).toBeLessThan(0.002);
    }
  });

  it('keeps the mean of a sum when a common shock correlates the drivers, and widens the spread', () => {
    const make = (weight: number) =>
      twoComponents({
        targets: [],
        uncertainty: {
          drivers: { industry: { kind: 'normal', mean: 10, sd: 3 }, digitalization: { kind: 'normal', mean: 20, sd: 3 } },
          commonShock: { weight },
        },
      });
    const analytic = 1000 * 1.1 ** 5 + 3000 * 1.2 ** 5;
    const independent = monteCarlo(make(0), { draws: 40_000, seed: 3 });
    const correlated = monteCarlo(make(0.9), { draws: 40_000, seed: 3 });
    expect(Math.abs(last(correlated.total.mean) / analytic - 1)).toBeLessThan(0.002);
    expect(Math.abs(last(independent.total.mean) / analytic - 1)).toBeLessThan(0.002);
    const spread = (r: MonteCarloResult) => last(r.total.p90) - last(r.total.p10);
    expect(spread(correlated) / spread(independent)).toBeGreaterThan(1.1);
    expect(correlated.commonShockWeight).toBe(0.9);
  });

  it('respects truncation bounds', () => {
    const r = monteCarlo(uncertain({ kind: 'normal', mean: 26, sd: 4, truncate: { min: 24, max: 27 } }, 1), { draws: 20_000, seed: 1 });
    expect(r.total.p5[1]).toBeGreaterThanOrEqual(6200);
    expect(r.total.p95[1]).toBeLessThanOrEqual(6350);
    expect(r.histogram.edges[0]).toBeGreaterThanOrEqual(6200);
    expect(last(r.histogram.edges)).toBeLessThanOrEqual(6350);
  });

  it('gives the same numbers for the same seed, other numbers for another', () => {
    const s = uncertain({ kind: 'normal', mean: 26, sd: 4 });
    const a = monteCarlo(s, { draws: 5000, seed: 42 });
    expect(monteCarlo(s, { draws: 5000, seed: 42 })).toEqual(a);
    expect(monteCarlo(s, { draws: 5000, seed: 43 }).total.p50).not.toEqual(a.total.p50);
  });

  it('does not depend on how often progress is reported', () => {
    const s = twoComponents({ uncertainty: { drivers: { industry: { kind: 'triangular', min: 5, mode: 10, max: 20 } }, commonShock: { weight: 0.3 } } });
    expect(monteCarlo(s, { draws: 6000, seed: 9, chunkSize: 1 })).toEqual(monteCarlo(s, { draws: 6000, seed: 9, chunkSize: 100_000 }));
  });

  it('matches the projection exactly when nothing is uncertain', () => {
    const s = twoComponents();
    const r = monteCarlo(s, { draws: 3000, seed: 1 });
    const p = project(s);
    r.years.forEach((_, t) => {
      for (const level of percentileLevels) expect(r.total[`p${level}`][t]).toBeCloseTo(p.total.values[t]!, 9);
      expect(r.share.mean[t]).toBeCloseTo(p.share.values[t]!, 9);
    });
    expect(r.targets.map((t) => t.probability)).toEqual(p.targets.map((t) => (t.met ? 1 : 0)));
  });

  it('reports target probabilities, ordered percentiles and a histogram of the target-year total', () => {
    const s = twoComponents({ uncertainty: { drivers: { digitalization: { kind: 'normal', mean: 20, sd: 4 } } } });
    const r = monteCarlo(s, { draws: 20_000, seed: 2, bins: 25 });
    const level = r.targets.find((t) => t.id === 'level')!;
    expect(level.probability).toBeGreaterThan(0.3);
    expect(level.probability).toBeLessThan(0.8);
    r.years.forEach((_, t) => {
      const row = percentileLevels.map((p) => r.total[`p${p}`][t]!);
      expect([...row].sort((a, b) => a - b)).toEqual(row);
    });
    expect(r.histogram.year).toBe(2025);
    expect(r.histogram.counts).toHaveLength(25);
    expect(r.histogram.edges).toHaveLength(26);
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(r.uncertainDrivers).toEqual(['digitalization']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('reports progress between chunks and stops when cancelled', () => {
    const s = twoComponents({ uncertainty: { drivers: { industry: { kind: 'normal', mean: 10, sd: 2 } } } });
    const seen: number[] = [];
    monteCarlo(s, { draws: 10_000, seed: 1, chunkSize: 2048, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([2048, 4096, 6144, 8192, 10_000]);

    const signal = { aborted: false };
    try {
      monteCarlo(s, { draws: 10_000, seed: 1, chunkSize: 2048, signal, onProgress: () => (signal.aborted = true) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).toJSON()).toMatchObject({ code: 'cancelled', params: { done: 2048, total: 10_000 } });
    }
  });

  it('can be stepped chunk by chunk, as a Web Worker does', () => {
    const s = twoComponents({ uncertainty: { drivers: { industry: { kind: 'normal', mean: 10, sd: 2 } } } });
    const run = monteCarloSteps(s, { draws: 5000, seed: 4, chunkSize: 1024 });
    const steps: number[] = [];
    let step = run.next();
    while (!step.done) {
      steps.push(step.value.done);
      step = run.next();
    }
    expect(steps).toEqual([1024, 2048, 3072, 4096]);
    expect(step.value).toEqual(monteCarlo(s, { draws: 5000, seed: 4 }));
  });

  it('refuses bad options with typed errors', () => {
    const s = twoComponents();
    for (const options of [
      { draws: 0, seed: 1 },
      { draws: 10, seed: -1 },
      { draws: 10, seed: 1.5 },
      { draws: 10, seed: 1, histogramYear: 2020 },
    ]) {
      expect(() => monteCarlo(s, options)).toThrow(EngineError);
    }
  });
});
