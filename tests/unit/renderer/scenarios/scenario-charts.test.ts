import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { backtestCharts, chartOption, chartSpecFor, fanChart, resultCharts, tornadoChart } from '../../../../renderer/src/pages/scenario-charts';
import { backtest, monteCarlo, parseResolvedScenario, project, sensitivity, type ActualPoint } from '../../../../shared/engine';

const s = parseResolvedScenario(seeds[0]);
const p = project(s);
const actuals: ActualPoint[] = [
  { metric: 'share', year: 2021, value: 27.2, definition: 'old' },
  { metric: 'share', year: 2022, value: 45.4, definition: 'broad' },
];
const bt = backtest(s, actuals);

describe('scenario result charts', () => {
  it('builds every result chart with its briefing template', () => {
    const plans = resultCharts(p, 'zh', bt);
    expect(plans.map((c) => [c.id, c.template])).toEqual([
      ['trajectory', 'target-trajectory'],
      ['share', 'share-of-gdp'],
      ['stacked', 'stacked-components'],
      ['waterfall', 'contribution-waterfall'],
    ]);
    for (const plan of plans) expect(() => chartOption(plan, 'zh')).not.toThrow();
  });

  it('the waterfall runs from the base-year total through each component to the 2022 total', () => {
    const waterfall = resultCharts(p, 'zh', null).find((c) => c.id === 'waterfall')!;
    const steps = waterfall.data.bars!.kind === 'waterfall' ? waterfall.data.bars!.steps : [];
    expect(steps.map((x) => x.label)).toEqual(['2020年', '数字产业化', '产业数字化', '2022年']);
    expect(steps[0]!.value + steps[1]!.value + steps[2]!.value).toBeCloseTo(steps[3]!.value, 9);
    expect(steps[3]!.value).toBeCloseTo(6000 * 1.16 ** 2, 9);
  });

  it('draws the published share broken at the definition change', () => {
    const share = resultCharts(p, 'zh', bt).find((c) => c.id === 'share')!;
    expect(share.data.series!.find((x) => x.kind === 'actual')).toMatchObject({ breaksBefore: [2022], points: [{ year: 2021, value: 27.2 }, { year: 2022, value: 45.4 }] });
    expect(backtestCharts(bt, p, 'zh').map((c) => c.id)).toEqual(['backtest-share']);
  });

  it('builds the tornado and fan from the engine results', () => {
    const tornado = tornadoChart(sensitivity(s, { output: { metric: 'share', year: 2022 } }), 'en', () => '%');
    expect(tornado.data.bars).toMatchObject({ kind: 'tornado', unit: '%' });
    expect(() => chartOption(tornado, 'en')).not.toThrow();
    const fan = fanChart(monteCarlo(s, { draws: 2000, seed: 1 }), p, 'zh', null);
    expect(fan.data.bands!.map((b) => [b.lower, b.upper])).toEqual([
      [5, 95],
      [25, 75],
    ]);
    expect(() => chartOption(fan, 'zh')).not.toThrow();
  });

  it('saves a chart as its template bound to the scenario', () => {
    const spec = chartSpecFor(resultCharts(p, 'zh', null)[0]!, [3], 'zh');
    expect(spec).toMatchObject({ template: 'target-trajectory', title: '数字经济规模与万亿目标', bindings: { scenarios: ['3'] } });
  });
});
