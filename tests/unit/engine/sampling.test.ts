// Latin hypercube sampling (docs/ENGINE.md, "Sampling"): one value in each equally likely stratum per
// block, the same distribution, and estimates that vary less across seeds than independent draws'.
import { describe, expect, it } from 'vitest';
import { LatinHypercube, monteCarlo, normalCdf, Sfc32 } from '../../../shared/engine';
import { scenario } from './helpers';

/** One component of 5,000 at N(10, 5²) a year and GDP at a triangular rate, over `years` years. */
const model = (sampling: string | undefined, persistence: unknown, years = 10) =>
  scenario({
    horizon: 2020 + years,
    targets: [
      { kind: 'total', id: 'tail', label: 't', year: 2020 + years, value: 5000 * 1.15 ** years },
      { kind: 'total', id: 'middle', label: 'm', year: 2020 + years, value: 5000 * 1.1 ** years },
    ],
    uncertainty: {
      drivers: { de: { kind: 'normal', mean: 10, sd: 5 }, gdp: { kind: 'triangular', min: 3, mode: 5, max: 8 } },
      persistence,
      ...(sampling === undefined ? {} : { sampling }),
    },
  });

const meanSd = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) };
};

/** A target's probability from `runs` seeds of 2,048 draws each. */
function across(sampling: string, persistence: unknown, target: number, runs = 40) {
  return meanSd(Array.from({ length: runs }, (_, i) => monteCarlo(model(sampling, persistence), { draws: 2048, seed: i + 1 }).targets[target]!.probability));
}

describe('LatinHypercube', () => {
  it('puts one standard normal in each of the m strata of a block, in a random order', () => {
    const lhs = new LatinHypercube(new Sfc32(1), 1000);
    const out = new Float64Array(1000);
    lhs.fillNormals(out, 0, 1000);
    const strata = Array.from(out, (x) => Math.floor(normalCdf(x) * 1000)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // Not in stratum order: the first hundred values are spread over the distribution.
    expect(Math.max(...out.subarray(0, 100))).toBeGreaterThan(1);
    expect(Math.min(...out.subarray(0, 100))).toBeLessThan(-1);
    // A shorter block within a longer array, scaled.
    lhs.fillNormals(out, 200, 210, 5, 2);
    const ten = Array.from(out.subarray(200, 210), (x) => Math.floor(normalCdf((x - 5) / 2) * 10)).sort((a, b) => a - b);
    expect(ten).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('sampling in Monte Carlo', () => {
  it('drawn once per path, LHS estimates P(Z ≥ 1) = 0.1587 without bias and with a far smaller spread across seeds than random draws', () => {
    const p = 1 - normalCdf(1);
    const random = across('random', 'path', 0);
    const lhs = across('lhs', 'path', 0);
    // Random draws: the binomial spread √(p(1 − p)/n) ≈ 0.0081.
    expect(random.sd / Math.sqrt((p * (1 - p)) / 2048)).toBeGreaterThan(0.7);
    expect(lhs.sd).toBeLessThan(random.sd / 5);
    expect(Math.abs(lhs.mean - p)).toBeLessThan(4 * Math.max(lhs.sd, 1e-4) / Math.sqrt(40));
  });

  it('drawn each year, LHS still narrows the spread of a central probability', () => {
    const random = across('random', 'year', 1);
    const lhs = across('lhs', 'year', 1);
    expect(lhs.sd).toBeLessThan(0.8 * random.sd);
    expect(Math.abs(lhs.mean - random.mean)).toBeLessThan(4 * Math.hypot(random.sd, lhs.sd) / Math.sqrt(40));
  });

  it('keeps the drivers’ distribution with an AR(1) and a common shock mixed in', () => {
    const s = scenario({
      horizon: 2021,
      targets: [{ kind: 'total', id: 'T', label: 't', year: 2021, value: 5000 * 1.1 }],
      uncertainty: { drivers: { de: { kind: 'normal', mean: 10, sd: 5 }, gdp: { kind: 'uniform', min: 0, max: 10 } }, persistence: 0.5, commonShock: { weight: 0.3 }, sampling: 'lhs' },
    });
    const n = 10_240;
    const r = monteCarlo(s, { draws: n, seed: 4 });
    expect(r.sampling).toBe('lhs');
    // The 2021 total is 5,000 · (1 + r/100) with r ~ N(10, 5²), sd 250: its P5, P50 and P95 within
    // 4 standard errors of a sample quantile, √(p(1 − p)/n)/φ(z) · 250.
    for (const [p, z] of [[0.05, -1.6448536], [0.5, 0], [0.95, 1.6448536]] as const) {
      const se = (Math.sqrt((p * (1 - p)) / n) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI))) * 250;
      const key = `p${Math.round(p * 100)}` as 'p5' | 'p50' | 'p95';
      expect(Math.abs(r.total[key][1]! - 5000 * (1 + (10 + 5 * z) / 100)), key).toBeLessThan(4 * se);
    }
    expect(Math.abs(r.targets[0]!.probability - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it('random is the default, bit for bit the same as writing it; LHS reproduces with a seed and does not depend on the chunk size', () => {
    expect(monteCarlo(model('random', 0.6, 3), { draws: 3000, seed: 2 })).toEqual(monteCarlo(model(undefined, 0.6, 3), { draws: 3000, seed: 2 }));
    expect(monteCarlo(model(undefined, 0.6, 3), { draws: 3000, seed: 2 }).sampling).toBe('random');
    const lhs = model('lhs', 'year', 3);
    expect(monteCarlo(lhs, { draws: 3000, seed: 2, chunkSize: 1 })).toEqual(monteCarlo(lhs, { draws: 3000, seed: 2, chunkSize: 100_000 }));
    expect(monteCarlo(lhs, { draws: 3000, seed: 3 }).total.p50).not.toEqual(monteCarlo(lhs, { draws: 3000, seed: 2 }).total.p50);
  });
});
