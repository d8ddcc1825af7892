// Importance (docs/ENGINE.md, "importance"): Spearman's ρ between each drawn driver and an output,
// against the closed form for a sum of normals, and the ranking the issue asks for.
import { describe, expect, it } from 'vitest';
import { EngineError, importance, ranks } from '../../../shared/engine';
import { scenario } from './helpers';

/** Two components growing by yearly amounts N(100, sdA²) and N(100, sdB²), over 5 years. */
const pair = (sdA: number, sdB: number, persistence: unknown) =>
  scenario({
    horizon: 2025,
    targets: [{ kind: 'component', id: 'B', label: 'b', componentId: 'b', year: 2024, value: 1500 }],
    components: [
      { id: 'a', name: 'A', base: 1000, growth: { kind: 'increment', amount: 100 } },
      { id: 'b', name: 'B', base: 1000, growth: { kind: 'increment', amount: 100 } },
    ],
    uncertainty: { drivers: { a: { kind: 'normal', mean: 100, sd: sdA }, b: { kind: 'normal', mean: 100, sd: sdB } }, persistence },
  });

/** Spearman's ρ of a bivariate normal with Pearson's r. */
const spearman = (r: number) => (6 / Math.PI) * Math.asin(r / 2);

describe('ranks', () => {
  it('gives ties their average rank', () => {
    expect(Array.from(ranks(Float64Array.from([3, 1, 3, 2, 0, 3])))).toEqual([5, 2, 5, 3, 1, 5]);
  });
});

describe('importance', () => {
  it('the total of two normal amounts: ρ = (6/π)·asin(r/2) with r = σᵢ/√(σ₁² + σ₂²), drawn once per path or each year (by the mean over the years)', () => {
    for (const persistence of ['path', 'year', 0.5]) {
      const r = importance(pair(30, 40, persistence), { draws: 40_000, seed: 3 });
      expect(r.output).toEqual({ metric: 'total', componentId: null, targetId: null, year: 2025, unit: '亿元' });
      expect(r.drivers.map((d) => d.driver), String(persistence)).toEqual(['b', 'a']);
      // The sd of a sample Spearman ρ is below 1/√n; 4 of them is 0.02 here.
      expect(Math.abs(r.drivers[0]!.correlation! - spearman(0.8)), String(persistence)).toBeLessThan(4 * r.standardError);
      expect(Math.abs(r.drivers[1]!.correlation! - spearman(0.6)), String(persistence)).toBeLessThan(4 * r.standardError);
    }
    expect(spearman(0.8)).toBeCloseTo(0.7859, 4);
    expect(spearman(0.6)).toBeCloseTo(0.5819, 4);
  });

  it('ranks a driver with a large sd first, near 1, and one with a tiny sd last, near 0', () => {
    const r = importance(pair(50, 0.01, 'path'), { draws: 20_000, seed: 7 });
    expect(r.drivers.map((d) => d.driver)).toEqual(['a', 'b']);
    expect(r.drivers[0]!.correlation).toBeGreaterThan(0.999);
    expect(Math.abs(r.drivers[1]!.correlation!)).toBeLessThan(4 * r.standardError);
    expect(r.standardError).toBe(1 / Math.sqrt(19_999));
  });

  it('ranks against a target’s quantity in its year; a driver that does not move it is near 0, and an output that does not vary has no ρ', () => {
    const r = importance(pair(30, 40, 'path'), { draws: 20_000, seed: 2, output: { targetId: 'B' } });
    expect(r.output).toEqual({ metric: 'component', componentId: 'b', targetId: 'B', year: 2024, unit: '亿元' });
    expect(r.drivers[0]).toMatchObject({ driver: 'b', label: 'B' });
    expect(r.drivers[0]!.correlation).toBeCloseTo(1, 12);
    expect(Math.abs(r.drivers[1]!.correlation!)).toBeLessThan(4 * r.standardError);
    const gdp = importance(pair(30, 40, 'path'), { draws: 2000, seed: 2, output: { metric: 'gdp', year: 2023 } });
    expect(gdp.drivers.map((d) => d.correlation)).toEqual([null, null]);
  });

  it('reproduces with a seed, and refuses a year outside the run', () => {
    const s = pair(30, 40, 0.5);
    expect(importance(s, { draws: 3000, seed: 9 })).toEqual(importance(s, { draws: 3000, seed: 9 }));
    expect(importance(s, { draws: 3000, seed: 10 })).not.toEqual(importance(s, { draws: 3000, seed: 9 }));
    expect(() => importance(s, { draws: 3000, seed: 9, output: { metric: 'total', year: 2020 } })).toThrow(EngineError);
  });
});
