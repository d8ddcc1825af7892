import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnStats, histogramOf, QuantileScratch } from '../../../shared/engine/quantiles';

/** Type-7 quantile by sorting, the definition the fast path must match exactly. */
function sorted7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!);
}

const probs = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1];

describe('columnStats (mean and percentiles by bucket selection)', () => {
  it('equals sorting, on any sample including ties and extremes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 1, 1, 5)), { minLength: 1, maxLength: 3000 }), (values) => {
        const { mean, quantiles } = columnStats(Float64Array.from(values), probs, new QuantileScratch(values.length));
        // `+ 0` folds -0 into 0: a sample of -0 may come back as either, and both are the same quantile.
        probs.forEach((p, i) => expect(quantiles[i]! + 0).toBe(sorted7(values, p) + 0));
        expect(mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a constant column and a heavy tail', () => {
    expect(columnStats(new Float64Array(10).fill(3), [0.5], new QuantileScratch(10)).quantiles).toEqual([3]);
    const skewed = Float64Array.from({ length: 10_000 }, (_, i) => (i === 0 ? 1e12 : i));
    expect(columnStats(skewed, [0.5], new QuantileScratch(skewed.length)).quantiles[0]).toBe(sorted7(Array.from(skewed), 0.5));
  });
});

describe('histogramOf', () => {
  it('counts every value once, the maximum in the last bin', () => {
    const h = histogramOf(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]), 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([2, 2, 2, 2, 2]);
  });
});
