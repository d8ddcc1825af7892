import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { backtestCharts, chartOption, chartSpecFor, fanChart, resultCharts, tornadoChart } from '../../../../renderer/src/pages/scenario-charts';
import { planMeasures } from '../../../../shared/monitor/scenario-targets';
import { backtest, monteCarlo, parseResolvedScenario, project, sensitivity, type ActualPoint, type ScenarioBases } from '../../../../shared/engine';

// 基准: on the city's earlier measure, carrying A1 (万亿级规模) and A2 (占GDP比重40%以上), plan targets
// judged on CAICT's broad measure, and P2027, its own.
const s = parseResolvedScenario(seeds[0]);
const p = project(s);
const names = [
  { code: 'cq-earlier', nameZh: '重庆市此前口径', nameEn: 'Chongqing earlier measure' },
  { code: 'caict-broad', nameZh: '信通院广义口径', nameEn: 'CAICT broad measure' },
];
const plan = planMeasures(
  [
    { code: 'A1', measure: 'caict-broad', indicator: null },
    { code: 'A2', measure: 'caict-broad', indicator: null },
  ],
  [],
  names,
);
const ctx = { measure: 'cq-earlier', plan };
// Illustrative figures: the share on the earlier measure in 2021, on the broad one from 2022.
const actuals: ActualPoint[] = [
  { metric: 'share', year: 2021, value: 27.2, definition: 'cq-earlier' },
  { metric: 'share', year: 2022, value: 45.4, definition: 'caict-broad' },
];
const bt = backtest(s, actuals);
const targetIds = (series: ReadonlyArray<{ kind: string; id: string }>) => series.filter((x) => x.kind === 'target').map((x) => x.id);
const footer = (option: ReturnType<typeof chartOption>) => JSON.stringify(option);

describe('scenario result charts', () => {
  it('marks every projected total and share from a lower-bound base as one, never a component, and calls the split illustrative', () => {
    // 基准's bases: "超6000亿元" (≥6000, a lower bound) and GDP 25,002.79亿元 (exact).
    const bases: ScenarioBases = {
      total: { year: 2020, value: 6000, bound: 'lower', status: 'actual', measure: 'cq-earlier', indicator: 'de_va', region: 'CQ', source: '市经信委' },
      gdp: { year: 2020, value: s.gdp.base, bound: 'exact', status: 'actual', measure: 'nbs-core', indicator: 'gdp', region: 'CQ', source: '重庆市统计局' },
    };
    const plans = resultCharts(p, 'zh', bt, ctx, bases);
    const projected = (id: string) => plans.find((c) => c.id === id)!.data.series!.find((x) => x.kind === 'projection')!;
    expect(projected('trajectory').points.map((pt) => pt.bound)).toEqual(p.years.map(() => 'lower'));
    expect(projected('share').points.map((pt) => pt.bound)).toEqual(p.years.map(() => 'lower'));
    const stacked = plans.find((c) => c.id === 'stacked')!.data.series!;
    expect(stacked.map((x) => x.basis)).toEqual(stacked.map(() => 'illustrative'));
    expect(stacked.flatMap((x) => x.points.filter((pt) => 'bound' in pt))).toEqual([]);
    const steps = plans.find((c) => c.id === 'waterfall')!.data.bars!;
    expect(steps.kind === 'waterfall' && steps.steps.map((x) => x.bound)).toEqual(['lower', undefined, undefined, 'lower']);
  });

  it('builds every result chart with its briefing template', () => {
    const plans = resultCharts(p, 'zh', bt, ctx);
    expect(plans.map((c) => [c.id, c.template])).toEqual([
      ['trajectory', 'target-trajectory'],
      ['share', 'share-of-gdp'],
      ['stacked', 'stacked-components'],
      ['waterfall', 'contribution-waterfall'],
    ]);
    for (const plan of plans) expect(() => chartOption(plan, 'zh')).not.toThrow();
  });

  it('the waterfall runs from the base-year total through each component to the 2022 total', () => {
    const waterfall = resultCharts(p, 'zh', null, ctx).find((c) => c.id === 'waterfall')!;
    const steps = waterfall.data.bars!.kind === 'waterfall' ? waterfall.data.bars!.steps : [];
    expect(steps.map((x) => x.label)).toEqual(['2020年', '数字产业化', '产业数字化', '2022年']);
    expect(steps[0]!.value + steps[1]!.value + steps[2]!.value).toBeCloseTo(steps[3]!.value, 9);
    expect(steps[3]!.value).toBeCloseTo(6000 * 1.16 ** 2, 9);
  });

  it('draws the published figures on the scenario’s measure only, saying the others are left out', () => {
    const share = resultCharts(p, 'zh', bt, ctx).find((c) => c.id === 'share')!;
    expect(share.data.series!.find((x) => x.kind === 'actual')).toMatchObject({ breaksBefore: [], points: [{ year: 2021, value: 27.2, measure: 'cq-earlier' }] });
    expect(share.note).toBe('2022年的已公布数在其他口径上，未画出。');
    expect(resultCharts(p, 'en', bt, ctx).find((c) => c.id === 'share')!.note).toBe('Published figures of 2022 are on another measure and are not drawn.');
    // A backtest series is one indicator on one measure: a scenario naming none draws that of its base year, never a line across the change.
    const unstated = resultCharts(p, 'zh', bt, { measure: null, plan }).find((c) => c.id === 'share')!;
    expect(unstated.data.series!.find((x) => x.kind === 'actual')).toMatchObject({ breaksBefore: [], points: [{ year: 2021 }] });
    expect(unstated.note).toBe('2022年的已公布数在其他口径上，未画出。');
  });

  it('draws no line of a plan target judged on another measure than the projection, and the footer says why', () => {
    const [trajectory, share] = resultCharts(p, 'zh', bt, ctx);
    expect(targetIds(trajectory!.data.series!)).toEqual([]);
    expect(targetIds(share!.data.series!)).toEqual(['target-P2027']);
    expect(share!.data.meta!.omittedTargets!.map((t) => [t.name, t.measure, t.drawn])).toEqual([['占GDP比重40%以上', 'caict-broad', ['cq-earlier']]]);
    expect(footer(chartOption(share!, 'zh'))).toContain('目标“占GDP比重40%以上”（40.0%，2022年）按信通院广义口径判定，与图中数值的口径（重庆市此前口径）不同，未画出。');
    expect(footer(chartOption(trajectory!, 'zh'))).toContain('目标“万亿级规模”');
    // On the target's own measure the line is drawn.
    const broad = resultCharts(p, 'zh', null, { measure: 'caict-broad', plan });
    expect(targetIds(broad[0]!.data.series!)).toEqual(['target-A1']);
  });

  it('the backtest charts draw the figures on the measure scored and no line of a target judged on another', () => {
    const [chart] = backtestCharts(bt, p, 'zh', plan);
    expect(chart!.id).toBe('backtest-share');
    expect(chart!.data.series!.find((x) => x.kind === 'actual')!.points).toEqual([{ year: 2021, value: 27.2, bound: 'exact', measure: 'cq-earlier' }]);
    expect(targetIds(chart!.data.series!)).toEqual(['target-P2027']);
  });

  it('builds the tornado and fan from the engine results', () => {
    const tornado = tornadoChart(sensitivity(s, { output: { metric: 'share', year: 2022 } }), 'en', () => '%', (id) => id);
    expect(tornado.data.bars).toMatchObject({ kind: 'tornado', unit: '%' });
    expect(() => chartOption(tornado, 'en')).not.toThrow();
    const fan = fanChart(monteCarlo(s, { draws: 2000, seed: 1 }), p, 'zh', null, ctx);
    expect(fan.data.bands!.map((b) => [b.lower, b.upper])).toEqual([
      [5, 95],
      [25, 75],
    ]);
    // The fan's median is on the earlier measure: no 万亿 line over it.
    expect(targetIds(fan.data.series!)).toEqual([]);
    expect(() => chartOption(fan, 'zh')).not.toThrow();
  });

  it('saves a chart as its template bound to the scenario', () => {
    const spec = chartSpecFor(resultCharts(p, 'zh', null, ctx)[0]!, [3], 'zh');
    expect(spec).toMatchObject({ template: 'target-trajectory', title: '数字经济规模与万亿目标', bindings: { scenarios: ['3'] } });
  });
});
