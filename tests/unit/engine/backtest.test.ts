import { describe, expect, it } from 'vitest';
import { actualPointSchema, backtest, EngineError, evaluateForecasts, type ActualPoint, type ScenarioBases } from '../../../shared/engine';
import { scenario } from './helpers';

// A scenario run from 2020: GDP 25,002.79亿元 (published) growing an illustrative 7%; the digital
// economy from the "超6000亿元" lower bound growing an illustrative 16%.
const from2020Input = {
  horizon: 2022,
  gdp: { base: 25002.79, growth: { kind: 'cagr', rate: 7 } },
  components: [{ id: 'de', name: '数字经济', base: 6000, growth: { kind: 'cagr', rate: 16 } }],
  targets: [],
};
const from2020 = scenario(from2020Input);

// Published shares: 27.2% in 2021 (经济日报, the mayor, 2022-08-18) on the city's earlier measure;
// 45.4% in 2022 (行动计划 indicator table, 市统计局) on CAICT's broad measure. GDP: 重庆市统计局.
const actuals: ActualPoint[] = [
  { metric: 'share', year: 2021, value: 27.2, definition: '重庆此前口径', source: '经济日报 2022-08-23' },
  { metric: 'share', year: 2022, value: 45.4, definition: '中国信通院广义口径', source: '《重庆市数字经济创新发展行动计划》指标表' },
  { metric: 'gdp', year: 2019, value: 23605.77, definition: '初步核算', source: '重庆市统计局' },
  { metric: 'gdp', year: 2020, value: 25002.79, definition: '初步核算', source: '重庆市统计局' },
  { metric: 'gdp', year: 2021, value: 27894.02, definition: '初步核算', source: '重庆市统计局' },
  { metric: 'gdp', year: 2022, value: 29129.03, definition: '初步核算', source: '重庆市统计局' },
];

describe('backtest', () => {
  const result = backtest(from2020, actuals);
  const share = result.series.find((s) => s.metric === 'share')!;
  const gdp = result.series.find((s) => s.metric === 'gdp')!;

  it('names the definition break in the share instead of setting the figures after it against the projection', () => {
    expect(share.measure).toBe('重庆此前口径');
    expect(share.breaks).toEqual([{ year: 2022, from: '重庆此前口径', to: '中国信通院广义口径', indicator: null, figures: [{ year: 2022, value: 45.4, bound: 'exact' }] }]);
    expect(share.points.map((p) => [p.year, p.status])).toEqual([[2021, 'scored']]);
    // 2021: 6,960 / (25,002.79 × 1.07) = 26.016%, 1.184 pp below 27.2%.
    const projected2021 = (6960 / (25002.79 * 1.07)) * 100;
    expect(share.points[0]!.projected).toBeCloseTo(projected2021, 9);
    expect(share.points[0]!.error).toBeCloseTo(projected2021 - 27.2, 9);
    expect(share.mape).toBeCloseTo((Math.abs(projected2021 - 27.2) / 27.2) * 100, 9);
    expect(share.scored).toBe(1);
  });

  it('compares a series within one indicator: figures of another indicator on the same measure are named, not chained', () => {
    const chained = backtest(from2020, [
      { metric: 'total', year: 2020, value: 6000, bound: 'lower', definition: 'cq-earlier', indicator: 'de_va' },
      { metric: 'total', year: 2021, value: 7000, definition: 'cq-earlier', indicator: 'de_other' },
      { metric: 'total', year: 2022, value: 10000, bound: 'lower', definition: 'caict-broad', indicator: 'de_scale' },
    ]).series[0]!;
    expect(chained).toMatchObject({ measure: 'cq-earlier', indicator: 'de_va', scored: 0, mape: null });
    expect(chained.points.map((p) => [p.year, p.indicator, p.status])).toEqual([[2020, 'de_va', 'base-year']]);
    expect(chained.breaks.map((b) => [b.year, b.from, b.to, b.indicator])).toEqual([
      [2021, 'cq-earlier', 'cq-earlier', 'de_other'],
      [2022, 'cq-earlier', 'caict-broad', 'de_scale'],
    ]);
  });

  it('scores a series without a break over every year after the base', () => {
    expect(gdp.breaks).toEqual([]);
    expect(gdp.points.map((p) => p.status)).toEqual(['outside-horizon', 'base-year', 'scored', 'scored']);
    expect(gdp.points[0]!.projected).toBeNull();
    const e2021 = Math.abs(25002.79 * 1.07 - 27894.02) / 27894.02;
    const e2022 = Math.abs(25002.79 * 1.07 ** 2 - 29129.03) / 29129.03;
    expect(gdp.mape).toBeCloseTo(((e2021 + e2022) / 2) * 100, 9);
    expect(gdp.unit).toBe('亿元');
  });

  it('has no MAPE when nothing is on the base definition after the base year', () => {
    const only = backtest(from2020, [
      { metric: 'total', year: 2020, value: 6000, definition: 'A' },
      { metric: 'total', year: 2022, value: 10000, definition: 'B' },
    ]).series[0]!;
    expect(only.measure).toBe('A');
    expect(only.mape).toBeNull();
  });

  it('treats a published bound as an inequality: no error on its side, the distance to it when violated', () => {
    // Projected 2021 total: 6000 × 1.16 = 6960 and 2022: 8073.6 (on one definition throughout).
    const points = backtest(from2020, [
      { metric: 'total', year: 2021, value: 6500, bound: 'lower', definition: 'A' },
      { metric: 'total', year: 2022, value: 9000, bound: 'lower', definition: 'A' },
    ]).series[0]!;
    expect(points.points.map((p) => [p.year, p.bound, p.status, p.error])).toEqual([
      [2021, 'lower', 'within-bound', null],
      [2022, 'lower', 'scored', expect.closeTo(8073.6 - 9000, 9)],
    ]);
    // Only the violated bound counts toward the MAPE.
    expect(points.scored).toBe(1);
    expect(points.mape).toBeCloseTo((100 * (9000 - 8073.6)) / 9000, 9);
    const upper = backtest(from2020, [{ metric: 'total', year: 2021, value: 7000, bound: 'upper', definition: 'A' }]).series[0]!;
    expect(upper.points[0]).toMatchObject({ status: 'within-bound', error: null });
    // Approximate figures are scored as numbers.
    const approx = backtest(from2020, [{ metric: 'total', year: 2021, value: 7000, bound: 'approx', definition: 'A' }]).series[0]!;
    expect(approx.points[0]).toMatchObject({ status: 'scored', error: expect.closeTo(-40, 9) });
  });

  describe('a scenario that names its measure', () => {
    // The same scenario on the city's earlier measure; published shares on both measures, GDP on its own.
    const onEarlier = scenario({ ...from2020Input, measure: 'cq-earlier' });
    const published: ActualPoint[] = [
      { metric: 'share', year: 2020, value: 25, bound: 'lower', definition: 'cq-earlier' },
      { metric: 'share', year: 2021, value: 27.2, definition: 'cq-earlier' },
      { metric: 'share', year: 2022, value: 45.4, definition: 'caict-broad' },
      { metric: 'gdp', year: 2021, value: 27894.02, definition: 'standard' },
    ];

    it('scores the digital economy only on its own measure, and says which', () => {
      const result = backtest(onEarlier, published);
      expect(result).toMatchObject({ measure: 'cq-earlier', scenarioEn: 'test' });
      const s = result.series.find((x) => x.metric === 'share')!;
      expect(s.measure).toBe('cq-earlier');
      expect(s.points.map((p) => [p.year, p.status, p.error === null])).toEqual([
        [2020, 'base-year', true],
        [2021, 'scored', false],
      ]);
      expect(s.breaks.map((b) => [b.year, b.to])).toEqual([[2022, 'caict-broad']]);
      expect(s.scored).toBe(1);
      // GDP is one quantity with its own measure: scored on it whatever the scenario's digital economy is on.
      const gdp = result.series.find((x) => x.metric === 'gdp')!;
      expect(gdp).toMatchObject({ measure: 'standard', scored: 1 });
    });

    it('scores nothing from a series on another measure, even its base year', () => {
      // Read against the broad measure, this scenario's base (6000, the earlier measure) is not comparable with any published share.
      const onBroad = scenario({ ...from2020Input, measure: 'caict-broad' });
      const s = backtest(onBroad, published).series.find((x) => x.metric === 'share')!;
      expect(s.measure).toBe('caict-broad');
      expect(s.points.map((p) => [p.year, p.status])).toEqual([[2022, 'scored']]);
      expect(s.breaks).toEqual([
        { year: 2020, from: 'caict-broad', to: 'cq-earlier', indicator: null, figures: [{ year: 2020, value: 25, bound: 'lower' }, { year: 2021, value: 27.2, bound: 'exact' }] },
      ]);
      expect(s.mape).toBeCloseTo((100 * Math.abs((6000 * 1.16 ** 2 * 100) / (25002.79 * 1.07 ** 2) - 45.4)) / 45.4, 9);
    });

    it('scores a lower bound only when the projection violates it', () => {
      // Projected share: 24.0% in 2020 (under ≥25%: violated), 26.0% in 2021 (above ≥26%: held).
      const s = backtest(onEarlier, [
        { metric: 'share', year: 2021, value: 26, bound: 'lower', definition: 'cq-earlier' },
        { metric: 'share', year: 2022, value: 30, bound: 'lower', definition: 'cq-earlier' },
      ]).series[0]!;
      const p2022 = (6000 * 1.16 ** 2 * 100) / (25002.79 * 1.07 ** 2);
      expect(s.points.map((p) => [p.year, p.status, p.error])).toEqual([
        [2021, 'within-bound', null],
        [2022, 'scored', expect.closeTo(p2022 - 30, 9)],
      ]);
    });

    it('passes the series a figure was read from through, for naming it', () => {
      const [point] = backtest(onEarlier, [{ metric: 'share', year: 2021, value: 27.2, definition: 'cq-earlier', indicator: 'de_va_share_gdp', region: 'CQ' }]).series[0]!.points;
      expect(point).toMatchObject({ indicator: 'de_va_share_gdp', region: 'CQ' });
    });
  });

  describe('a projection from a lower-bound base', () => {
    // 基准's bases as the workspace records them: 数字经济增加值 2020 "超6000亿元" (≥6000, a lower bound)
    // and GDP 25,002.79亿元 (exact). At the scenario's growth the projections are lower bounds too.
    const onEarlier = scenario({ ...from2020Input, measure: 'cq-earlier' });
    const bases: ScenarioBases = {
      total: { year: 2020, value: 6000, bound: 'lower', status: 'actual', measure: 'cq-earlier', indicator: 'de_va', region: 'CQ', source: '重庆市经济和信息化委员会' },
      gdp: { year: 2020, value: 25002.79, bound: 'exact', status: 'actual', measure: 'nbs-core', indicator: 'gdp', region: 'CQ', source: '重庆市统计局' },
    };
    const share2021 = (6000 * 1.16 * 100) / (25002.79 * 1.07);
    const published: ActualPoint[] = [
      // 27.2% in 2021, exact, above the projected ≥26.0%: the bound holds, nothing to score.
      { metric: 'share', year: 2021, value: 27.2, definition: 'cq-earlier' },
      // An exact total below the projected ≥8073.6亿元 violates the bound: scored by the distance.
      { metric: 'total', year: 2022, value: 8000, definition: 'cq-earlier' },
      { metric: 'total', year: 2021, value: 7000, definition: 'cq-earlier' },
    ];

    it('marks the projections of the total and share as lower bounds, GDP and a component as exact', () => {
      const result = backtest(onEarlier, [...published, { metric: 'gdp', year: 2021, value: 27894.02, definition: 'nbs-core' }, { metric: 'component', componentId: 'de', year: 2021, value: 7000, definition: 'cq-earlier' }], bases);
      const bound = (metric: string) => result.series.find((s) => s.metric === metric)!.points[0]!.projectedBound;
      expect([bound('total'), bound('share'), bound('gdp'), bound('component')]).toEqual(['lower', 'lower', 'exact', 'exact']);
    });

    it('does not score an exact figure at or above the projection, and scores one below it', () => {
      const result = backtest(onEarlier, published, bases);
      const share = result.series.find((s) => s.metric === 'share')!;
      expect(share.points[0]).toMatchObject({ year: 2021, projected: expect.closeTo(share2021, 9), projectedBound: 'lower', status: 'within-bound', error: null, percentError: null });
      expect(share.mape).toBeNull();
      const total = result.series.find((s) => s.metric === 'total')!;
      expect(total.points.map((p) => [p.year, p.status, p.error])).toEqual([
        [2021, 'within-bound', null],
        [2022, 'scored', expect.closeTo(8073.6 - 8000, 9)],
      ]);
      expect(total.mape).toBeCloseTo((100 * 73.6) / 8000, 9);
      // Without the bases the same figures are errors of an exact projection.
      const exact = backtest(onEarlier, published).series.find((s) => s.metric === 'share')!;
      expect(exact.points[0]).toMatchObject({ projectedBound: 'exact', status: 'scored', error: expect.closeTo(share2021 - 27.2, 9) });
    });

    it('never contradicts a published lower bound with a lower-bound projection', () => {
      const [point] = backtest(onEarlier, [{ metric: 'total', year: 2022, value: 10000, bound: 'lower', definition: 'cq-earlier' }], bases).series[0]!.points;
      expect(point).toMatchObject({ status: 'within-bound', error: null });
    });

    it('evaluates a held projection bound as met, out of the summaries, and a violated one as scored', () => {
      const evaluation = evaluateForecasts(backtest(onEarlier, published, bases));
      const total = evaluation.series.find((s) => s.metric === 'total')!;
      expect(total.rows.map((r) => [r.year, r.projectedBound, r.verdict])).toEqual([
        [2021, 'lower', 'bound-met'],
        [2022, 'lower', 'scored'],
      ]);
      expect(total.horizons).toEqual([
        { horizon: 1, count: 0, mae: null, mape: null },
        { horizon: 2, count: 1, mae: expect.closeTo(73.6, 9), mape: expect.closeTo((100 * 73.6) / 8000, 9) },
      ]);
      expect(evaluation.series.find((s) => s.metric === 'share')!.rows[0]).toMatchObject({ verdict: 'bound-met', error: null });
    });
  });

  it('validates its input', () => {
    expect(() => backtest(from2020, [{ metric: 'component', componentId: 'x', year: 2021, value: 1, definition: 'd' }])).toThrow(EngineError);
    expect(() =>
      backtest(from2020, [
        { metric: 'total', year: 2021, value: 1, definition: 'd' },
        { metric: 'total', year: 2021, value: 2, definition: 'e' },
      ]),
    ).toThrow(/two total figures for 2021/);
    expect(actualPointSchema.safeParse({ metric: 'total', year: 2021, value: 1 }).success).toBe(false);
  });
});
