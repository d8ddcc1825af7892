// Correlated drivers (docs/ENGINE.md, "Correlations"): the Gaussian copula on the drivers' normal
// scores against closed forms computed here, with every persistence; and the matrix's checks, each
// refused at its entry with a sentence in both languages.
import { describe, expect, it } from 'vitest';
import seeds from '../../../data/seed/scenarios.json';
import { choleskyFactor, DriverDraws, EngineError, monteCarlo, normalQuantile, parseScenario, scenarioSchema, Sfc32, type MonteCarloResult } from '../../../shared/engine';
import { compileSampler } from '../../../shared/engine/distributions';
import { translate } from '../../../shared/i18n';
import { scenario } from './helpers';

const last = (values: number[]) => values[values.length - 1]!;
const Z95 = 1.6448536269514722;

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const ranks = (xs: number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const r = new Array<number>(xs.length);
  order.forEach(([, i], rank) => (r[i] = rank));
  return r;
};

/**
 * Two drivers drawn together with correlation rho for `years` years, `blocks` blocks of 1,024 draws:
 * their values per year, [driver][year][draw].
 */
function drawPair(dists: [object, object], rho: number, persistence: ['path' | 'year' | number, 'path' | 'year' | number], years = 3, blocks = 50) {
  const size = 1024;
  const drawn = dists.map((d, k) => ({ k, sampler: compileSampler(d as never, `d${k}`), persistence: persistence[k]! }));
  const draws = new DriverDraws(drawn, 0, size, { members: [0, 1], factor: choleskyFactor([[1, rho], [rho, 1]]).factor });
  const rng = new Sfc32(21);
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

describe('choleskyFactor', () => {
  it('factors a correlation matrix so that L·Lᵀ gives it back, and a singular one (ρ = 1) too', () => {
    const r = [
      [1, 0.6, 0.3, -0.2],
      [0.6, 1, 0.5, 0.1],
      [0.3, 0.5, 1, 0.4],
      [-0.2, 0.1, 0.4, 1],
    ];
    const check = (m: number[][]) => {
      const { factor, failedAt } = choleskyFactor(m);
      expect(failedAt).toBe(-1);
      const n = m.length;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += factor[i * n + k]! * factor[j * n + k]!;
          expect(s).toBeCloseTo(m[i]![j]!, 12);
        }
        for (let j = i + 1; j < n; j++) expect(factor[i * n + j]).toBe(0);
      }
    };
    check(r);
    check([
      [1, 1, 0.5],
      [1, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
  });

  it('says where a matrix stops being semi-definite', () => {
    expect(choleskyFactor([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]).failedAt).toBe(2);
    expect(choleskyFactor([[1, 1, 0], [1, 1, 0.5], [0, 0.5, 1]]).failedAt).toBe(2);
  });
});

describe('correlated draws', () => {
  it('two normal drivers with ρ = 0.8: the draws correlate by 0.8 within sampling error, in every year when both are drawn each year', () => {
    const [a, b] = drawPair([{ kind: 'normal', mean: 5, sd: 2 }, { kind: 'normal', mean: -1, sd: 7 }], 0.8, ['year', 'year']);
    const n = a![0]!.length;
    // The sampling sd of a correlation coefficient is about (1 − ρ²)/√n.
    const se = (1 - 0.64) / Math.sqrt(n);
    for (let t = 0; t < 3; t++) expect(Math.abs(pearson(a![t]!, b![t]!) - 0.8), `year ${t + 1}`).toBeLessThan(4 * se);
    // Years are independent of each other.
    expect(Math.abs(pearson(a![0]!, b![1]!))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('correlates the normal scores, whatever the distributions: ranks correlate by (6/π)·asin(ρ/2), as a Gaussian copula does', () => {
    const [a, b] = drawPair([{ kind: 'triangular', min: 0, mode: 2, max: 10 }, { kind: 'lognormal', mean: 3, sd: 2 }], 0.8, ['path', 'path'], 1, 20);
    const spearman = (6 / Math.PI) * Math.asin(0.4);
    expect(spearman).toBeCloseTo(0.7859, 4);
    expect(Math.abs(pearson(ranks(a![0]!), ranks(b![0]!)) - spearman)).toBeLessThan(0.01);
    // Each keeps its distribution: the triangular's median is 10 − √40 (its CDF is 1/2 there).
    const sorted = [...a![0]!].sort((x, y) => x - y);
    expect(sorted[sorted.length >> 1]).toBeCloseTo(10 - Math.sqrt(40), 1);
  });

  it('with different persistences the matrix links the first year’s scores: a "path" driver and a "year" driver correlate in year 1, not after', () => {
    const [a, b] = drawPair([{ kind: 'normal', mean: 0, sd: 1 }, { kind: 'normal', mean: 0, sd: 1 }], 0.8, ['path', 'year']);
    const n = a![0]!.length;
    expect(pearson(a![0]!, b![0]!)).toBeCloseTo(0.8, 1);
    expect(Math.abs(pearson(a![2]!, b![2]!))).toBeLessThan(4 / Math.sqrt(n));
    // An AR(1) of 0.5 on both keeps the correlation every year.
    const [c, d] = drawPair([{ kind: 'normal', mean: 0, sd: 1 }, { kind: 'uniform', min: 0, max: 1 }], 0.8, [0.5, 0.5]);
    for (let t = 0; t < 3; t++) {
      const scores = d![t]!.map((x) => normalQuantile(x));
      expect(Math.abs(pearson(c![t]!, scores) - 0.8), `year ${t + 1}`).toBeLessThan(4 * (0.36 / Math.sqrt(n)));
    }
  });
});

describe('correlations in the simulation: the variance of a sum', () => {
  const T = 6;
  const sd = 20;
  /** Two components growing by N(100, 20²) 亿元 a year each, correlated by rho, with a persistence. */
  const pair = (rho: number, persistence: unknown) =>
    scenario({
      horizon: 2020 + T,
      targets: [{ kind: 'total', id: 'T', label: 't', year: 2020 + T, value: 2000 + 2 * 100 * T }],
      components: [
        { id: 'a', name: 'A', base: 1000, growth: { kind: 'increment', amount: 100 } },
        { id: 'b', name: 'B', base: 1000, growth: { kind: 'increment', amount: 100 } },
      ],
      uncertainty: {
        drivers: { a: { kind: 'normal', mean: 100, sd }, b: { kind: 'normal', mean: 100, sd } },
        persistence,
        correlations: { drivers: ['a', 'b'], matrix: [[1, rho], [rho, 1]] },
      },
    });
  /** The sd of the total in the last year read from its P5–P95 (a normal's is 2·1.645 sd wide). */
  const measuredSd = (r: MonteCarloResult) => (last(r.total.p95) - last(r.total.p5)) / (2 * Z95);
  /** Var of T yearly amounts of one driver whose scores follow an AR(1) with ρₐ (0 each year, 1 once per path). */
  const years = (rhoA: number) => {
    let v = T;
    for (let k = 1; k < T; k++) v += 2 * (T - k) * rhoA ** k;
    return v;
  };

  for (const [persistence, rhoA] of [['year', 0], ['path', 1], [0.6, 0.6]] as const) {
    it(`persistence ${persistence}: Var(a + b) = 2σ²(1 + ρ) × the years' factor, for ρ = 0.8, 0 and −0.5`, () => {
      for (const rho of [0.8, 0, -0.5]) {
        const r = monteCarlo(pair(rho, persistence), { draws: 100_000, seed: 5 });
        const expected = Math.sqrt(2 * sd * sd * (1 + rho) * years(rhoA));
        expect(measuredSd(r) / expected, `ρ = ${rho}`).toBeGreaterThan(0.98);
        expect(measuredSd(r) / expected, `ρ = ${rho}`).toBeLessThan(1.02);
        // The mean does not move, and the sum is symmetric about it: met half the time.
        expect(Math.abs(last(r.total.mean) - (2000 + 200 * T))).toBeLessThan((4 * expected) / Math.sqrt(100_000));
        expect(Math.abs(r.targets[0]!.probability - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 100_000));
        expect(r.correlations).toEqual({ drivers: ['a', 'b'], matrix: [[1, rho], [rho, 1]] });
      }
    });
  }

  it('the common shock is the shorthand for a matrix with its weight everywhere off the diagonal', () => {
    const three = (uncertainty: Record<string, unknown>) =>
      scenario({
        targets: [],
        components: ['a', 'b', 'c'].map((id) => ({ id, name: id, base: 1000, growth: { kind: 'cagr', rate: 10 } })),
        uncertainty: { drivers: { a: { kind: 'normal', mean: 10, sd: 4 }, b: { kind: 'triangular', min: 0, mode: 10, max: 20 }, c: { kind: 'uniform', min: 5, max: 15 } }, persistence: 'path', ...uncertainty },
      });
    const shock = monteCarlo(three({ commonShock: { weight: 0.5 } }), { draws: 100_000, seed: 8 });
    const matrix = monteCarlo(
      three({ correlations: { drivers: ['a', 'b', 'c'], matrix: [[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]] } }),
      { draws: 100_000, seed: 9 },
    );
    for (const p of ['p5', 'p50', 'p95'] as const) expect(last(matrix.total[p]) / last(shock.total[p])).toBeCloseTo(1, 2);
  });

  it('reproduces with a seed and does not depend on the chunk size', () => {
    const s = pair(0.7, 0.4);
    const a = monteCarlo(s, { draws: 5000, seed: 2, chunkSize: 1 });
    expect(monteCarlo(s, { draws: 5000, seed: 2, chunkSize: 100_000 })).toEqual(a);
  });
});

describe('checking the matrix', () => {
  /** The seeded baseline (three drawn drivers, drawn once per path) with correlations instead of its common shock. */
  const withMatrix = (matrix: unknown, drivers: unknown = ['gdp', 'digital-industry', 'industry-digitalization'], keepShock = false) => {
    const def = structuredClone(seeds[0]) as { uncertainty: Record<string, unknown> };
    if (!keepShock) delete def.uncertainty.commonShock;
    def.uncertainty.correlations = { drivers, matrix };
    return def;
  };
  const refusal = (def: unknown): EngineError => {
    try {
      parseScenario(def);
    } catch (error) {
      return error as EngineError;
    }
    throw new Error('accepted');
  };
  const good = [
    [1, 0.5, 0.3],
    [0.5, 1, 0.6],
    [0.3, 0.6, 1],
  ];

  it('accepts a positive semi-definite matrix, a singular one included', () => {
    expect(parseScenario(withMatrix(good)).uncertainty!.correlations!.matrix).toEqual(good);
    expect(() => parseScenario(withMatrix([[1, 1, 0], [1, 1, 0], [0, 0, 1]]))).not.toThrow();
  });

  it('refuses a matrix that is not positive semi-definite, naming the drivers that contradict each other, in both languages', () => {
    const error = refusal(withMatrix([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]));
    expect(error.code).toBe('correlation_not_psd');
    expect(error.params).toMatchObject({ path: 'uncertainty.correlations.matrix', drivers: 'gdp, digital-industry, industry-digitalization', count: 1 });
    expect(translate('zh', `engine.${error.code}`, error.params)).toBe(
      'uncertainty.correlations.matrix：gdp, digital-industry, industry-digitalization之间的相关系数不可能同时成立（相关矩阵不是半正定的）。例如两个驱动因素都与第三个高度正相关时，它们之间就不可能高度负相关',
    );
    expect(translate('en', `engine.${error.code}`, error.params)).toContain('cannot hold together (the matrix is not positive semi-definite)');
    // Every 3×3 block can be fine while the whole is not: then the drivers up to where it fails are named.
    const four = structuredClone(seeds[0]) as { uncertainty: { drivers: Record<string, unknown>; commonShock?: unknown; correlations?: unknown } };
    four.uncertainty.drivers.uplift = { kind: 'normal', mean: 0, sd: 1 };
    delete four.uncertainty.commonShock;
    const r = -0.34;
    four.uncertainty.correlations = { drivers: ['gdp', 'digital-industry', 'industry-digitalization', 'uplift'], matrix: [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : r))) };
    const all = refusal(four);
    expect(all.code).toBe('correlation_not_psd');
    expect(all.params.drivers).toBe('gdp, digital-industry, industry-digitalization, uplift');
  });

  it('locates each other problem at its entry', () => {
    const at = (def: unknown) => {
      const e = refusal(def);
      return { code: e.code, path: e.params.path };
    };
    const asymmetric = refusal(withMatrix([[1, 0.5, 0.3], [0.4, 1, 0.6], [0.3, 0.6, 1]]));
    expect(asymmetric.params).toMatchObject({ path: 'uncertainty.correlations.matrix[1][0]', driver: 'digital-industry', other: 'gdp', value: 0.4, mirror: 0.5 });
    expect(translate('zh', `engine.${asymmetric.code}`, asymmetric.params)).toBe(
      'uncertainty.correlations.matrix[1][0]：digital-industry与gdp的相关系数为 0.4，而gdp与digital-industry的为 0.5，相关矩阵须对称',
    );
    expect(at(withMatrix([[1, 0.5, 0.3], [0.5, 0.9, 0.6], [0.3, 0.6, 1]]))).toEqual({ code: 'correlation_diagonal', path: 'uncertainty.correlations.matrix[1][1]' });
    expect(at(withMatrix([[1, 1.5, 0.3], [1.5, 1, 0.6], [0.3, 0.6, 1]]))).toEqual({ code: 'correlation_out_of_range', path: 'uncertainty.correlations.matrix[0][1]' });
    const shape = refusal(withMatrix([[1, 0.5], [0.5, 1]]));
    expect({ code: shape.code, path: shape.params.path }).toEqual({ code: 'correlation_shape', path: 'uncertainty.correlations.matrix' });
    expect(translate('en', `engine.${shape.code}`, shape.params)).toContain('needs 3 rows of 3 numbers');
    expect(at(withMatrix([[1, 0.5, 0.3], [0.5, 1], [0.3, 0.6, 1]]))).toEqual({ code: 'correlation_shape', path: 'uncertainty.correlations.matrix[1]' });
    expect(at(withMatrix([[1, 0.5], [0.5, 1]], ['gdp', 'uplift']))).toEqual({ code: 'correlation_unknown_driver', path: 'uncertainty.correlations.drivers[1]' });
    expect(at(withMatrix([[1, 0.5], [0.5, 1]], ['gdp', 'gdp']))).toEqual({ code: 'correlation_duplicate_driver', path: 'uncertainty.correlations.drivers[1]' });
    expect(at(withMatrix(good, undefined, true))).toEqual({ code: 'correlation_with_common_shock', path: 'uncertainty.commonShock' });
    // Every sentence exists in both languages.
    for (const code of ['correlation_unknown_driver', 'correlation_duplicate_driver', 'correlation_shape', 'correlation_out_of_range', 'correlation_diagonal', 'correlation_with_common_shock']) {
      expect(translate('zh', `engine.${code}`)).not.toBe(`engine.${code}`);
      expect(translate('en', `engine.${code}`)).not.toBe(translate('zh', `engine.${code}`));
    }
  });

  it('gives the editor a key for each problem, as it does for every other field', () => {
    const parsed = scenarioSchema.safeParse(withMatrix([[1, 0.5, 0.3], [0.4, 1, 0.6], [0.3, 0.6, 1]]));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]! as { path: unknown[]; params?: Record<string, unknown> };
    expect(issue.path).toEqual(['uncertainty', 'correlations', 'matrix', 1, 0]);
    expect(issue.params?.key).toBe('correlationNotSymmetric');
    expect(translate('zh', `scenario.issue.${issue.params!.key as string}`, issue.params as never)).toBe('digital-industry与gdp为 0.4，gdp与digital-industry却为 0.5，须对称');
  });
});
