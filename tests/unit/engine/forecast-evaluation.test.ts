import { describe, expect, it } from 'vitest';
import { backtest, evaluateForecasts, parseResolvedScenario, type ActualPoint } from '../../../shared/engine';

// GDP 1000 growing 10% a year from 2020: 1100, 1210, 1331.
const scenario = parseResolvedScenario({
  name: 'test',
  basis: 'illustrative',
  baseYear: 2020,
  horizon: 2023,
  gdp: { base: 1000, growth: { kind: 'cagr', rate: 10 } },
  components: [{ id: 'a', name: 'A', base: 100, growth: { kind: 'cagr', rate: 10 } }],
});
const gdp = (year: number, value: number, extra: Partial<ActualPoint> = {}): ActualPoint => ({ metric: 'gdp', year, value, definition: 'm1', indicator: 'gdp', ...extra });
const total = (year: number, value: number, extra: Partial<ActualPoint> = {}): ActualPoint => ({ metric: 'total', year, value, definition: 'm1', indicator: 'lvl', ...extra });

describe('evaluateForecasts', () => {
  it('lists each year by horizon and gives MAE and MAPE per horizon over exact figures only, with their count', () => {
    const e = evaluateForecasts(
      backtest(scenario, [gdp(2019, 900), gdp(2020, 1000), gdp(2021, 1000), gdp(2022, 1100, { bound: 'approx' }), gdp(2023, 1331), total(2021, 100), total(2022, 130)]),
    );
    const g = e.series.find((s) => s.metric === 'gdp')!;
    // Before and at the base year nothing is a forecast.
    expect(g.rows.map((r) => [r.horizon, r.year, r.verdict])).toEqual([
      [1, 2021, 'scored'],
      [2, 2022, 'approx'],
      [3, 2023, 'scored'],
    ]);
    expect(g.rows[0]).toMatchObject({ projected: 1100, actual: 1000, error: 100, percentError: 10, measure: 'm1' });
    // The approximate 2022 figure shows its error, 1210 − 1100, but stays out of the summary.
    expect(g.rows[1]!.error).toBeCloseTo(110, 9);
    expect(g.horizons).toEqual([
      { horizon: 1, count: 1, mae: 100, mape: 10 },
      { horizon: 2, count: 0, mae: null, mape: null },
      { horizon: 3, count: 1, mae: expect.closeTo(0, 9), mape: expect.closeTo(0, 9) },
    ]);
    // The total (A: 110, 121) is its own series: 121 − 130 = −9, |−9| / 130.
    const t = e.series.find((s) => s.metric === 'total')!;
    expect(t.horizons[1]).toMatchObject({ horizon: 2, count: 1, mae: expect.closeTo(9, 9), mape: expect.closeTo((100 * 9) / 130, 9) });
  });

  it('judges a bound as an inequality: met without error, violated by its distance, neither in the summary', () => {
    const e = evaluateForecasts(backtest(scenario, [total(2020, 100), total(2021, 105, { bound: 'lower' }), total(2022, 125, { bound: 'lower' }), total(2023, 120, { bound: 'upper' })]));
    const rows = e.series[0]!.rows;
    expect(rows.map((r) => [r.year, r.verdict, r.bound])).toEqual([
      [2021, 'bound-met', 'lower'],
      [2022, 'bound-violated', 'lower'],
      [2023, 'bound-violated', 'upper'],
    ]);
    expect(rows[0]!.error).toBeNull();
    expect(rows[1]!.error).toBeCloseTo(121 - 125, 9);
    expect(rows[2]!.error).toBeCloseTo(133.1 - 120, 9);
    expect(e.series[0]!.horizons.every((h) => h.count === 0 && h.mae === null)).toBe(true);
  });

  it('names the years on another measure as a break, at their horizon, without scoring them', () => {
    const e = evaluateForecasts(backtest(scenario, [total(2020, 100), total(2021, 112), total(2022, 300, { definition: 'm2', indicator: 'other', bound: 'lower' })]));
    const s = e.series[0]!;
    expect(s.rows.find((r) => r.year === 2022)).toEqual({
      horizon: 2,
      year: 2022,
      projected: null,
      projectedBound: 'exact',
      actual: 300,
      bound: 'lower',
      measure: 'm2',
      indicator: 'other',
      error: null,
      percentError: null,
      verdict: 'break',
    });
    expect(s.horizons).toEqual([
      { horizon: 1, count: 1, mae: expect.closeTo(2, 9), mape: expect.closeTo((100 * 2) / 112, 9) },
      { horizon: 2, count: 0, mae: null, mape: null },
    ]);
  });
});
