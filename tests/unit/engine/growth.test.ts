import { describe, expect, it } from 'vitest';
import { EngineError, leastSquares, logisticRateFromMidpoint, requiredGrowth } from '../../../shared/engine';

describe('requiredGrowth', () => {
  it('5,000 → 10,000 in 3 years takes 25.99% a year', () => {
    expect(requiredGrowth(5000, 10000, 3)).toBeCloseTo(25.992104989487, 10);
  });

  it('6,000 → 10,000 in 2 years (the 2020 lower bound to 万亿 by 2022) takes 29.10% a year', () => {
    expect(requiredGrowth(6000, 10000, 2)).toBeCloseTo(29.0994448735806, 10);
  });

  it('is negative when the target is below the start', () => {
    expect(requiredGrowth(100, 81, 2)).toBeCloseTo(-10, 10);
  });

  it('refuses a non-positive start, end or span with a typed error', () => {
    const cases: [number, number, number][] = [
      [0, 10, 1],
      [10, -1, 1],
      [10, 20, 0],
    ];
    for (const [from, to, years] of cases) {
      try {
        requiredGrowth(from, to, years);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EngineError);
        expect((error as EngineError).code).toBe('invalid_argument');
      }
    }
  });
});

describe('leastSquares', () => {
  it('fits slope and intercept', () => {
    const fit = leastSquares([
      { year: 2017, value: 70 },
      { year: 2018, value: 80 },
      { year: 2019, value: 95 },
      { year: 2020, value: 100 },
    ]);
    expect(fit.slope).toBeCloseTo(10.5, 12);
    expect(fit.intercept + fit.slope * 2018.5).toBeCloseTo(86.25, 9);
  });

  it('needs two different years', () => {
    expect(() => leastSquares([{ year: 2020, value: 1 }, { year: 2020, value: 2 }])).toThrow(EngineError);
  });
});

describe('logisticRateFromMidpoint', () => {
  it('is ln(K/B − 1) / (m − base), in %', () => {
    expect(logisticRateFromMidpoint(100, 1000, 2020, 2024)).toBeCloseTo((Math.log(9) / 4) * 100, 12);
  });

  it('has no increasing curve through a base above half the ceiling with a later midpoint', () => {
    expect(logisticRateFromMidpoint(600, 1000, 2020, 2024)).toBeNull();
    expect(logisticRateFromMidpoint(600, 1000, 2020, 2018)).toBeCloseTo((Math.log(1000 / 600 - 1) / -2) * 100, 12);
    expect(logisticRateFromMidpoint(500, 1000, 2020, 2024)).toBeNull();
  });
});
