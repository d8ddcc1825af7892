import { describe, expect, it } from 'vitest';
import { EngineError, normalCdf, normalQuantile, quantile, Sfc32 } from '../../../shared/engine';

describe('Sfc32', () => {
  it('produces the pinned sequence (a change here changes every saved simulation)', () => {
    const rng = new Sfc32(0);
    expect([rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()]).toEqual([591558436, 2737234123, 107644106, 1338548054]);
    const normals = new Sfc32(20200622);
    expect([normals.normal(), normals.normal(), normals.normal(), normals.normal()]).toEqual([
      0.736598738012057, 0.5988643716767943, -0.7256849740224371, 0.7650277342302304,
    ]);
  });

  it('fills in bulk with exactly the numbers of single draws, including the slow path', () => {
    const bulk = new Float64Array(5000);
    new Sfc32(7).fillNormals(bulk, 0, bulk.length);
    const single = new Sfc32(7);
    expect(Array.from(bulk)).toEqual(Array.from({ length: 5000 }, () => single.normal()));
    const scaled = new Float64Array(100);
    new Sfc32(7).fillNormals(scaled, 0, 100, 10, 2);
    expect(Array.from(scaled)).toEqual(Array.from(bulk.subarray(0, 100), (u) => 10 + 2 * u));
  });

  it('compounds at normal rates bit for bit as drawing the rates and then stepping does', () => {
    const levels = Float64Array.from({ length: 3000 }, (_, i) => 100 + i);
    const sum = new Float64Array(3000).fill(1);
    new Sfc32(99).compoundNormals(levels, sum, 1.5, 12, 40);
    const rates = new Float64Array(3000);
    new Sfc32(99).fillNormals(rates, 0, 3000, 12, 40);
    const expected = Array.from(rates, (r, i) => Math.max(0, (100 + i) * (1 + (1.5 + r) * 0.01)));
    expect(Array.from(levels)).toEqual(expected);
    expect(Array.from(sum)).toEqual(expected.map((v) => 1 + v));
    expect(expected.some((v) => v === 0)).toBe(true);
  });

  it('draws standard normals: moments, the Kolmogorov–Smirnov distance and the tail beyond the ziggurat’s base', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    new Sfc32(2024).fillNormals(x, 0, n);
    let sum = 0;
    let sq = 0;
    let tail = 0;
    for (const v of x) {
      sum += v;
      sq += v * v;
      if (Math.abs(v) > 3.6541528853610088) tail++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const expectedTail = 2 * n * (1 - normalCdf(3.6541528853610088));
    expect(Math.abs(tail - expectedTail)).toBeLessThan(4 * Math.sqrt(expectedTail));
    const sample = Array.from(x.subarray(0, 50_000)).sort((a, b) => a - b);
    let d = 0;
    sample.forEach((v, i) => {
      const f = normalCdf(v);
      d = Math.max(d, Math.abs(f - i / sample.length), Math.abs(f - (i + 1) / sample.length));
    });
    expect(d).toBeLessThan(1.63 / Math.sqrt(sample.length));
  });

  it('refuses a seed outside 0…2³²−1', () => {
    expect(() => new Sfc32(2 ** 32)).toThrow(EngineError);
    expect(() => new Sfc32(-1)).toThrow(EngineError);
    expect(() => new Sfc32(0.5)).toThrow(EngineError);
  });
});

describe('normal CDF and quantile', () => {
  it('match reference values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-2)).toBeCloseTo(0.022750131948179195, 14);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 8);
  });

  it('invert each other', () => {
    for (const p of [1e-9, 1e-4, 0.01, 0.02425, 0.3, 0.5, 0.77, 0.99, 1 - 1e-6]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
    }
  });
});

describe('quantile of a driver distribution', () => {
  it('covers the four kinds and truncation', () => {
    expect(quantile({ kind: 'uniform', min: 10, max: 20 }, 0.25)).toBe(12.5);
    expect(quantile({ kind: 'triangular', min: 0, mode: 10, max: 10 }, 0.25)).toBeCloseTo(5, 12);
    expect(quantile({ kind: 'normal', mean: 10, sd: 2 }, 0.5)).toBeCloseTo(10, 12);
    expect(quantile({ kind: 'lognormal', mean: 10, sd: 2 }, 0.5)).toBeCloseTo(10 / Math.sqrt(1 + 0.04), 12);
    // A normal truncated to its upper half has its median at the original's 75th percentile.
    expect(quantile({ kind: 'normal', mean: 0, sd: 1, truncate: { min: 0 } }, 0.5)).toBeCloseTo(normalQuantile(0.75), 12);
    expect(quantile({ kind: 'uniform', min: 0, max: 10, truncate: { max: 5 } }, 1)).toBe(5);
  });

  it('refuses a truncation that leaves no probability', () => {
    expect(() => quantile({ kind: 'uniform', min: 0, max: 1, truncate: { min: 2 } }, 0.5)).toThrow(EngineError);
  });
});
