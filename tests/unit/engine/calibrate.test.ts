import { describe, expect, it } from 'vitest';
import { calibrateFromGrowth, type GrowthEntry } from '../../../shared/engine';

const value = (year: number, v: number, approx = false): GrowthEntry => ({ year, value: v, approx });
const gap = (year: number, reason: Extract<GrowthEntry, { value: null }>['reason']): GrowthEntry => ({ year, value: null, reason });

describe('calibrateFromGrowth', () => {
  it('gives the mean and the sample sd (n − 1) of the growth values, rounded to hundredths in the suggestion', () => {
    // 8, 10, 12: mean 10, sample variance (4 + 0 + 4) / 2 = 4, sd 2.
    const c = calibrateFromGrowth([gap(2020, 'no-previous'), value(2021, 8), value(2022, 10), value(2023, 12)]);
    expect(c.mean).toBe(10);
    expect(c.sd).toBe(2);
    expect(c.suggestion).toEqual({ kind: 'normal', mean: 10, sd: 2 });
    expect(c.used.map((u) => u.year)).toEqual([2021, 2022, 2023]);
    // The series' first year has no year before it: where it starts, not a gap.
    expect(c.excluded).toEqual([]);
    expect(c.reason).toBeNull();
  });

  it("keeps only the run after the last break, naming the break's year", () => {
    // 30 and 40 before the break would lift the mean to 20.6; after it: 5, 7, 9 → mean 7, sd 2.
    const c = calibrateFromGrowth([value(2016, 30), value(2017, 40), gap(2018, 'break'), value(2019, 5), value(2020, 7), value(2021, 9)]);
    expect(c.breakYear).toBe(2018);
    expect(c.used.map((u) => u.value)).toEqual([5, 7, 9]);
    expect(c.suggestion).toEqual({ kind: 'normal', mean: 7, sd: 2 });
  });

  it('leaves out a year whose growth touches a bound, names it, and does not split the run there', () => {
    const c = calibrateFromGrowth([value(2018, 6), value(2019, 8), gap(2020, 'bound'), gap(2021, 'bound'), value(2022, 10)]);
    expect(c.excluded).toEqual([
      { year: 2020, reason: 'bound' },
      { year: 2021, reason: 'bound' },
    ]);
    expect(c.breakYear).toBeNull();
    expect(c.suggestion).toEqual({ kind: 'normal', mean: 8, sd: 2 });
  });

  it('names a revised release left out and keeps approximate values, marked', () => {
    const c = calibrateFromGrowth([value(2019, 9.34), value(2020, 5.92), gap(2021, 'revision'), value(2022, 4.43, true), value(2023, 3.49), value(2024, 6.79)]);
    expect(c.excluded).toEqual([{ year: 2021, reason: 'revision' }]);
    expect(c.used.filter((u) => u.approx).map((u) => u.year)).toEqual([2022]);
    const xs = [9.34, 5.92, 4.43, 3.49, 6.79];
    const mean = xs.reduce((a, b) => a + b) / 5;
    expect(c.mean).toBeCloseTo(mean, 12);
    expect(c.sd).toBeCloseTo(Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 4), 12);
  });

  it('suggests nothing from fewer than 3 growth values, or from values without spread', () => {
    const few = calibrateFromGrowth([value(2020, 8), gap(2021, 'break'), value(2022, 9), value(2023, 11)]);
    expect(few).toMatchObject({ reason: 'too-few', suggestion: null, mean: 10 });
    expect(few.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(calibrateFromGrowth([value(2020, 5), value(2021, 5), value(2022, 5)])).toMatchObject({ reason: 'no-spread', suggestion: null, sd: 0 });
    expect(calibrateFromGrowth([])).toMatchObject({ reason: 'too-few', mean: null, sd: null });
  });
});
