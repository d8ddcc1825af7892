// Per-target histograms (MonteCarloOptions.targetHistograms): the distribution of each target's own
// quantity in its year, for the Scenarios page's histogram with the target marked. Asked for, they add
// a field and change nothing else; their counts agree with the target's probability and, for a
// component drawn once per path, with the closed-form distribution.
import { describe, expect, it } from 'vitest';
import { monteCarlo, normalCdf, type MonteCarloResult, type TargetHistogram } from '../../../shared/engine';
import { twoComponents } from './helpers';

/** 数字产业化 at N(10, 2²) once per path, 产业数字化 at N(20, 3²) each year, GDP fixed; a total, a share and a component target. */
const uncertain = (persistence: unknown = 'path') =>
  twoComponents({
    targets: [
      { kind: 'total', id: 'level', label: '规模', year: 2024, value: 8500 },
      { kind: 'share', id: 'share', label: '占比', year: 2025, comparator: '>', value: 60 },
      { kind: 'component', id: 'industry', label: '数字产业化', componentId: 'industry', year: 2023, value: 1300 },
    ],
    uncertainty: {
      drivers: { industry: { kind: 'normal', mean: 10, sd: 2, persistence: 'path' }, digitalization: { kind: 'normal', mean: 20, sd: 3 } },
      persistence,
    },
  });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Draws in bins lying wholly above θ, and in bins reaching above θ: the draws above θ are in between. */
function above(h: TargetHistogram, threshold: number): { surely: number; possibly: number } {
  let surely = 0;
  let possibly = 0;
  h.counts.forEach((c, i) => {
    if (h.edges[i]! > threshold) surely += c;
    if (h.edges[i + 1]! > threshold || i === h.counts.length - 1) possibly += c;
  });
  return { surely, possibly };
}

describe('per-target histograms', () => {
  it('are absent unless asked for, and asking changes no other number', () => {
    for (const persistence of ['path', 'year']) {
      const plain = monteCarlo(uncertain(persistence), { draws: 5000, seed: 3 });
      const asked = monteCarlo(uncertain(persistence), { draws: 5000, seed: 3, targetHistograms: true });
      expect('targetHistograms' in plain).toBe(false);
      const { targetHistograms, ...rest } = asked;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
      expect(targetHistograms?.map((h) => [h.id, h.year, h.unit])).toEqual([
        ['level', 2024, '亿元'],
        ['share', 2025, '%'],
        ['industry', 2023, '亿元'],
      ]);
    }
  });

  it('hold every draw, and bracket the draws meeting each target', () => {
    const draws = 20_000;
    const r: MonteCarloResult = monteCarlo(uncertain('year'), { draws, seed: 7, targetHistograms: true, bins: 30 });
    r.targetHistograms!.forEach((h, k) => {
      const t = r.targets[k]!;
      expect(sum(h.counts)).toBe(draws);
      expect(h.counts).toHaveLength(30);
      const threshold = k === 0 ? 8500 : k === 1 ? 60 : 1300;
      const met = Math.round(t.probability * draws);
      const { surely, possibly } = above(h, threshold);
      expect(surely).toBeLessThanOrEqual(met);
      expect(possibly).toBeGreaterThanOrEqual(met);
    });
  });

  it('of a total target in the year the run histograms by default, are that histogram', () => {
    const r = monteCarlo(uncertain(), { draws: 4000, seed: 2, targetHistograms: true });
    expect(r.histogram.year).toBe(2024);
    const { id: _id, year: _year, unit: _unit, ...bins } = r.targetHistograms![0]!;
    expect(bins).toEqual({ edges: r.histogram.edges, counts: r.histogram.counts });
  });

  it('of a component drawn once per path: 1,000 × (1 + x/100)³ with x ~ N(10, 2²), bin by bin', () => {
    const draws = 100_000;
    const h = monteCarlo(uncertain(), { draws, seed: 11, targetHistograms: true }).targetHistograms![2]!;
    const cdf = (v: number) => normalCdf(((v / 1000) ** (1 / 3) - 1) * 100 * 0.5 - 5);
    let below = 0;
    h.counts.forEach((c, i) => {
      below += c;
      const p = cdf(h.edges[i + 1]!);
      // Within four standard errors of the closed form at every upper edge.
      expect(Math.abs(below / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws) + 1e-9);
    });
  });
});
