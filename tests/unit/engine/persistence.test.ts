// Persistence of the Monte Carlo draws (docs/ENGINE.md, "Persistence"), against closed forms and an
// independent simulation written here (its own generator and Box–Muller normals, the model's
// arithmetic by hand).
import { describe, expect, it } from 'vitest';
import seeds from '../../../data/seed/scenarios.json';
import { DriverDraws, EngineError, monteCarlo, normalCdf, normalQuantile, parseResolvedScenario, parseScenario, Sfc32, type MonteCarloResult } from '../../../shared/engine';
import { compileSampler } from '../../../shared/engine/distributions';
import { scenario } from './helpers';

const last = (values: number[]) => values[values.length - 1]!;
const Z95 = 1.6448536269514722;

/** One component of 5,000 at a N(mean, sd²) yearly rate over `years` years; GDP fixed. */
function oneRate(persistence: unknown, years = 10, mean = 10, sd = 5) {
  return scenario({
    horizon: 2020 + years,
    targets: [{ kind: 'total', id: 'T', label: 't', year: 2020 + years, value: 5000 * 1.15 ** years }],
    uncertainty: { drivers: { de: { kind: 'normal', mean, sd } }, ...(persistence === undefined ? {} : { persistence }) },
  });
}

describe('persistence: closed forms', () => {
  it('drawn once per path, 10% ± 5 for 10 years meets 1.15¹⁰ × base with P(Z ≥ 1) = 0.1587; drawn each year, below 0.01', () => {
    const draws = 100_000;
    const path = monteCarlo(oneRate('path'), { draws, seed: 3 });
    const p = 1 - normalCdf(1);
    expect(p).toBeCloseTo(0.158655, 5);
    expect(Math.abs(path.targets[0]!.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
    const year = monteCarlo(oneRate('year'), { draws, seed: 3 });
    expect(year.targets[0]!.probability).toBeLessThan(0.01);
    expect(year.targets[0]!.probability).toBeGreaterThan(0);
    // Drawn once, the total is a monotone function of one normal: its percentiles are the rate's. Back
    // to the normal's scale, P5 is −1.645 within sampling error (the SE of a sample's 5% quantile is
    // √(0.05·0.95/n)/φ(1.645) ≈ 0.0067 here).
    const zOf = (total: number) => (((total / 5000) ** (1 / 10) - 1) * 100 - 10) / 5;
    const se = Math.sqrt((0.05 * 0.95) / draws) / (Math.exp((-Z95 * Z95) / 2) / Math.sqrt(2 * Math.PI));
    expect(Math.abs(zOf(last(path.total.p5)) + Z95)).toBeLessThan(4 * se);
    expect(Math.abs(zOf(last(path.total.p95)) - Z95)).toBeLessThan(4 * se);
    expect(Math.abs(zOf(last(path.total.p50)))).toBeLessThan(4 * se);
    expect(path.persistence).toEqual({ scenario: 'path', drivers: { de: 'path' } });
  });

  it('an AR(1) ρ gives a sum of yearly amounts the variance σ²·(T + 2·Σₖ (T−k)·ρᵏ); ρ → 0 is "year", ρ → 1 is "path"', () => {
    const T = 10;
    const sd = 20;
    const make = (persistence: unknown) =>
      scenario({
        horizon: 2020 + T,
        targets: [],
        components: [{ id: 'de', name: 'd', base: 1000, growth: { kind: 'increment', amount: 100 } }],
        uncertainty: { drivers: { de: { kind: 'normal', mean: 100, sd } }, persistence },
      });
    const sdOfSum = (rho: number) => {
      let v = T;
      for (let k = 1; k < T; k++) v += 2 * (T - k) * rho ** k;
      return sd * Math.sqrt(v);
    };
    for (const [persistence, rho] of [['year', 0], [0.3, 0.3], [0.6, 0.6], [0.9, 0.9], ['path', 1]] as const) {
      const r = monteCarlo(make(persistence), { draws: 100_000, seed: 17 });
      // The level is 1,000 plus a normal sum: its P5–P95 is 2·1.645 of its sd.
      const measured = (last(r.total.p95) - last(r.total.p5)) / (2 * Z95);
      expect(measured / sdOfSum(rho), `persistence ${persistence}`).toBeGreaterThan(0.98);
      expect(measured / sdOfSum(rho), `persistence ${persistence}`).toBeLessThan(1.02);
      expect(Math.abs(last(r.total.mean) - 2000)).toBeLessThan((4 * sdOfSum(rho)) / Math.sqrt(100_000));
    }
  });
});

// An independent generator for the hand-written simulation: mulberry32 and Box–Muller.
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const th = 2 * Math.PI * uniform();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
}

/**
 * The seeded baseline (基准) by hand: GDP 25,002.79 at 6.5% ± 1.5, 数字产业化 1,500 at 16% ± 4,
 * 产业数字化 4,500 at 16% ± 3, common shock 0.5, 2020–2027; each rate drawn once per path or each year.
 * Returns P(share > 50% in 2027) and the 2027 total's P5 and P95.
 */
function handBaseline(mode: 'path' | 'year', n: number, seed: number): { p: number; p5: number; p95: number } {
  const z = normals(seed);
  const w = Math.sqrt(0.5);
  const totals = new Float64Array(n);
  let met = 0;
  for (let d = 0; d < n; d++) {
    let g = 25002.79;
    let a = 1500;
    let b = 4500;
    let rates: [number, number, number] = [0, 0, 0];
    for (let t = 1; t <= 7; t++) {
      if (mode === 'year' || t === 1) {
        const shock = z();
        const u = [w * shock + w * z(), w * shock + w * z(), w * shock + w * z()];
        rates = [6.5 + 1.5 * u[0]!, 16 + 4 * u[1]!, 16 + 3 * u[2]!];
      }
      g *= 1 + rates[0] / 100;
      a *= 1 + rates[1] / 100;
      b *= 1 + rates[2] / 100;
    }
    totals[d] = a + b;
    if (((a + b) / g) * 100 > 50) met++;
  }
  totals.sort();
  const q = (p: number) => {
    const h = (n - 1) * p;
    const i = Math.floor(h);
    return totals[i]! + (h - i) * (totals[i + 1]! - totals[i]!);
  };
  return { p: met / n, p5: q(0.05), p95: q(0.95) };
}

describe('persistence: the seeded baseline against an independent simulation and the issue’s oracle', () => {
  const baseline = (persistence: 'path' | 'year') => {
    const def = structuredClone(seeds[0]) as { uncertainty: Record<string, unknown> };
    def.uncertainty.persistence = persistence;
    return parseResolvedScenario(def);
  };
  const n = 200_000;
  const p2027 = (r: MonteCarloResult) => r.targets.find((t) => t.id === 'P2027')!.probability;

  it('drawn once per path: P(share > 50% in 2027) ≈ 17.6% and a 2027 band of about 12,714–22,541', () => {
    const engine = monteCarlo(baseline('path'), { draws: n, seed: 2 });
    const hand = handBaseline('path', n, 99);
    const se = Math.sqrt((2 * hand.p * (1 - hand.p)) / n);
    expect(Math.abs(p2027(engine) - hand.p)).toBeLessThan(4 * se);
    // The numpy oracle: 17.6%; P5–P95 12,714–22,541.
    expect(Math.abs(p2027(engine) - 0.176)).toBeLessThan(4 * Math.sqrt((0.176 * 0.824) / n) + 0.001);
    expect(last(engine.total.p5) / hand.p5).toBeCloseTo(1, 2);
    expect(last(engine.total.p95) / hand.p95).toBeCloseTo(1, 2);
    expect(last(engine.total.p5) / 12_714).toBeCloseTo(1, 2);
    expect(last(engine.total.p95) / 22_541).toBeCloseTo(1, 2);
  });

  it('drawn each year: P ≈ 0.56% and a band of about 15,184–18,844, much narrower', () => {
    const engine = monteCarlo(baseline('year'), { draws: n, seed: 2 });
    const hand = handBaseline('year', n, 99);
    const se = Math.sqrt((2 * Math.max(hand.p, 0.005) * (1 - hand.p)) / n);
    expect(Math.abs(p2027(engine) - hand.p)).toBeLessThan(4 * se);
    expect(Math.abs(p2027(engine) - 0.0056)).toBeLessThan(0.0015);
    expect(last(engine.total.p5) / hand.p5).toBeCloseTo(1, 2);
    expect(last(engine.total.p95) / hand.p95).toBeCloseTo(1, 2);
    expect(last(engine.total.p5) / 15_184).toBeCloseTo(1, 2);
    expect(last(engine.total.p95) / 18_844).toBeCloseTo(1, 2);
  });
});

describe('DriverDraws: every year has the stated distribution, and years correlate by ρ', () => {
  // Triangular (0, 2, 10) and uniform (−1, 3), with their CDFs written out here.
  const tri = { kind: 'triangular' as const, min: 0, mode: 2, max: 10 };
  const triCdf = (x: number) => (x <= 0 ? 0 : x >= 10 ? 1 : x <= 2 ? (x * x) / 20 : 1 - ((10 - x) ** 2) / 80);
  const uni = { kind: 'uniform' as const, min: -1, max: 3 };
  const uniCdf = (x: number) => Math.min(1, Math.max(0, (x + 1) / 4));

  function simulate(persistence: 'path' | 'year' | number, weight: number, blocks = 50, years = 5) {
    const size = 1024;
    const draws = new DriverDraws(
      [
        { k: 0, sampler: compileSampler(tri, 'tri'), persistence },
        { k: 1, sampler: compileSampler(uni, 'uni'), persistence },
      ],
      weight,
      size,
    );
    const rng = new Sfc32(5);
    const out = [new Float64Array(size), new Float64Array(size)];
    const values: number[][][] = [[], []];
    for (let t = 0; t < years; t++) values.forEach((v) => v.push([]));
    for (let b = 0; b < blocks; b++) {
      for (let t = 1; t <= years; t++) {
        draws.draw(rng, t, size, out);
        values[0]![t - 1]!.push(...out[0]!);
        values[1]![t - 1]!.push(...out[1]!);
      }
    }
    return values;
  }
  const ks = (xs: number[], cdf: (x: number) => number) => {
    const s = [...xs].sort((a, b) => a - b);
    let d = 0;
    s.forEach((x, i) => {
      const f = cdf(x);
      d = Math.max(d, Math.abs(f - i / s.length), Math.abs(f - (i + 1) / s.length));
    });
    return d;
  };
  const corr = (a: number[], b: number[]) => {
    const n = a.length;
    const ma = a.reduce((x, y) => x + y, 0) / n;
    const mb = b.reduce((x, y) => x + y, 0) / n;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      sab += (a[i]! - ma) * (b[i]! - mb);
      saa += (a[i]! - ma) ** 2;
      sbb += (b[i]! - mb) ** 2;
    }
    return sab / Math.sqrt(saa * sbb);
  };
  const scores = (xs: number[], cdf: (x: number) => number) => xs.map((x) => normalQuantile(cdf(x)));

  it('ρ = 0.6 with a common shock of 0.3: each year’s marginal is the distribution (KS), lag-one score correlation 0.6, same-year correlation 0.3', () => {
    const [a, b] = simulate(0.6, 0.3);
    const n = a![0]!.length;
    const critical = 1.95 / Math.sqrt(n); // α = 0.001
    for (let t = 0; t < 5; t++) {
      expect(ks(a![t]!, triCdf), `year ${t + 1}`).toBeLessThan(critical);
      expect(ks(b![t]!, uniCdf), `year ${t + 1}`).toBeLessThan(critical);
    }
    const sa = a!.map((xs) => scores(xs, triCdf));
    const sb = b!.map((xs) => scores(xs, uniCdf));
    for (let t = 0; t < 4; t++) expect(corr(sa[t]!, sa[t + 1]!)).toBeCloseTo(0.6, 1);
    expect(corr(sa[0]!, sa[2]!)).toBeCloseTo(0.36, 1);
    for (let t = 0; t < 5; t++) expect(corr(sa[t]!, sb[t]!)).toBeCloseTo(0.3, 1);
  });

  it('"path" keeps the first year’s value; "year" draws years independently', () => {
    const [path] = simulate('path', 0.3, 4);
    for (let t = 1; t < 5; t++) expect(path![t]).toEqual(path![0]);
    const [year] = simulate('year', 0, 20);
    expect(Math.abs(corr(year![0]!, year![1]!))).toBeLessThan(0.05);
    expect(ks(year![3]!, triCdf)).toBeLessThan(1.95 / Math.sqrt(year![3]!.length));
  });
});

describe('persistence in the scenario', () => {
  it('defaults to "year" when the definition names none, bit for bit the same as writing it', () => {
    const absent = monteCarlo(oneRate(undefined, 3), { draws: 5000, seed: 8 });
    expect(monteCarlo(oneRate('year', 3), { draws: 5000, seed: 8 })).toEqual(absent);
    expect(absent.persistence).toEqual({ scenario: 'year', drivers: { de: 'year' } });
  });

  it('lets a driver override the scenario’s persistence', () => {
    const s = scenario({
      horizon: 2030,
      targets: [],
      uncertainty: {
        drivers: { de: { kind: 'normal', mean: 10, sd: 5, persistence: 'path' }, gdp: { kind: 'normal', mean: 5, sd: 1 } },
        persistence: 'year',
      },
    });
    const r = monteCarlo(s, { draws: 50_000, seed: 4 });
    expect(r.persistence).toEqual({ scenario: 'year', drivers: { de: 'path', gdp: 'year' } });
    // The total is the component drawn once per path, whatever GDP does.
    expect(last(r.total.p95) / (5000 * (1 + (10 + 5 * Z95) / 100) ** 10)).toBeCloseTo(1, 2);
  });

  it('reproduces with a seed and does not depend on the chunk size, with an AR(1) and a common shock', () => {
    const s = scenario({
      targets: [],
      uncertainty: { drivers: { de: { kind: 'triangular', min: 20, mode: 26, max: 30 }, gdp: { kind: 'lognormal', mean: 5, sd: 1 } }, commonShock: { weight: 0.4 }, persistence: 0.7 },
    });
    const a = monteCarlo(s, { draws: 6000, seed: 9, chunkSize: 1 });
    expect(monteCarlo(s, { draws: 6000, seed: 9, chunkSize: 100_000 })).toEqual(a);
    expect(monteCarlo(s, { draws: 6000, seed: 10 }).total.p50).not.toEqual(a.total.p50);
  });

  it('refuses a persistence that is not "path", "year" or 0 < ρ < 1, at its field', () => {
    const base = structuredClone(seeds[0]) as unknown as { uncertainty: Record<string, unknown> & { drivers: Record<string, Record<string, unknown>> } };
    const pathOf = (mutate: (d: typeof base) => void) => {
      const d = structuredClone(base);
      mutate(d);
      try {
        parseScenario(d);
      } catch (error) {
        return (error as EngineError).params.path;
      }
      return null;
    };
    expect(pathOf((d) => (d.uncertainty.persistence = 1))).toBe('uncertainty.persistence');
    expect(pathOf((d) => (d.uncertainty.persistence = 0))).toBe('uncertainty.persistence');
    expect(pathOf((d) => (d.uncertainty.persistence = 'paths'))).toBe('uncertainty.persistence');
    expect(pathOf((d) => (d.uncertainty.drivers.gdp!.persistence = -0.5))).toBe('uncertainty.drivers.gdp.persistence');
    expect(pathOf((d) => (d.uncertainty.persistence = 0.5))).toBeNull();
    expect(pathOf((d) => (d.uncertainty.drivers.gdp!.persistence = 'year'))).toBeNull();
  });
});
