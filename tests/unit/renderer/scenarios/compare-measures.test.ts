// The compare view never sets scenarios of two measures (口径) side by side as one comparison: the
// seeds' 基准 (the city's earlier measure, from 2020) and 广义口径基准 (CAICT's broad measure, from 2022).
import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { diffAssumptions, type Draft } from '../../../../renderer/src/pages/scenarios/assumptions';
import { groupByMeasure, outcomeRows } from '../../../../renderer/src/pages/scenarios/compare';
import { planMeasures } from '../../../../shared/monitor/scenario-targets';
import { overlayChart } from '../../../../renderer/src/pages/scenario-charts';
import { backtest, parseResolvedScenario, project } from '../../../../shared/engine';

const earlier = { code: 'cq-earlier', nameZh: '重庆市此前口径', nameEn: 'Chongqing earlier measure' };
const broad = { code: 'caict-broad', nameZh: '信通院广义口径', nameEn: 'CAICT broad measure' };
const run = (id: number, seed: number, measure: typeof earlier | null) => ({ id, measure, projection: project(parseResolvedScenario(seeds[seed])) });
// Picked in this order: 基准, 广义口径基准, 加速.
const runs = [run(1, 0, earlier), run(4, 3, broad), run(2, 1, earlier)];
// No plan target of these ids: each target is on its scenario's measure.
const noPlan = planMeasures([], [], [earlier, broad]);
// The workspace's plan targets: A1 (万亿级规模) and A2 (40%) judged on the broad measure.
const plan = planMeasures(
  [
    { code: 'A1', measure: 'caict-broad', indicator: 'de_scale' },
    { code: 'A2', measure: 'caict-broad', indicator: 'de_va_share_gdp' },
    { code: 'C1', measure: 'caict-broad', indicator: 'de_va_share_gdp' },
  ],
  [],
  [earlier, broad],
);

describe('compare by measure', () => {
  const groups = groupByMeasure(runs);
  const columns = groups.flatMap((g) => g.runs);

  it('groups the scenarios by measure, in the order first picked', () => {
    expect(groups.map((g) => [g.key, g.runs.map((r) => r.id)])).toEqual([
      ['cq-earlier', [1, 2]],
      ['caict-broad', [4]],
    ]);
  });

  it('compares each target only with the scenarios on its measure', () => {
    const rows = outcomeRows(groups, columns, noPlan);
    expect(rows.map((r) => [r.key, r.measure, r.cells.map((c) => c.kind)])).toEqual([
      ['cq-earlier:A1', 'cq-earlier', ['outcome', 'outcome', 'other-measure']],
      ['cq-earlier:A2', 'cq-earlier', ['outcome', 'outcome', 'other-measure']],
      ['cq-earlier:P2027', 'cq-earlier', ['outcome', 'outcome', 'other-measure']],
      ['caict-broad:C1', 'caict-broad', ['other-measure', 'other-measure', 'outcome']],
    ]);
    // The same id on two measures is two rows, never one row with both verdicts.
    const both = outcomeRows(groupByMeasure([run(1, 0, earlier), run(5, 0, broad)]), [run(1, 0, earlier), run(5, 0, broad)], noPlan);
    expect(both.filter((r) => r.target.id === 'A1').map((r) => r.cells.map((c) => c.kind))).toEqual([
      ['outcome', 'other-measure'],
      ['other-measure', 'outcome'],
    ]);
  });

  it('a scenario naming no measure is compared only with others naming none', () => {
    const rows = outcomeRows(groupByMeasure([run(1, 0, earlier), run(7, 1, null)]), [run(1, 0, earlier), run(7, 1, null)], noPlan);
    expect(rows.find((r) => r.key === ':A1')!.cells.map((c) => c.kind)).toEqual(['other-measure', 'outcome']);
  });

  it('a target with a plan target’s code is on the plan target’s measure: no scenario on another gets a verdict on it', () => {
    const rows = outcomeRows(groups, columns, plan);
    expect(rows.map((r) => [r.key, r.measure, r.cells.map((c) => c.kind)])).toEqual([
      // 基准 and 加速 carry A1 and A2 on the earlier measure; 广义口径基准 does not carry them.
      ['caict-broad:A1', 'caict-broad', ['other-measure', 'other-measure', 'missing']],
      ['caict-broad:A2', 'caict-broad', ['other-measure', 'other-measure', 'missing']],
      ['cq-earlier:P2027', 'cq-earlier', ['outcome', 'outcome', 'other-measure']],
      ['caict-broad:C1', 'caict-broad', ['other-measure', 'other-measure', 'outcome']],
    ]);
  });

  it('draws each measure on its own chart, titled with it, with the published figures on that measure only', () => {
    // Published totals: 2020 超6000亿元 (earlier measure), 2022 超过1万亿元 (broad).
    const bt = backtest(parseResolvedScenario(seeds[0]), [
      { metric: 'total', year: 2020, value: 6000, bound: 'lower', definition: 'cq-earlier' },
      { metric: 'total', year: 2022, value: 10000, bound: 'lower', definition: 'caict-broad' },
    ]);
    const chart = overlayChart([runs[1]!].map((r) => ({ id: r.id, projection: r.projection })), 'zh', bt, { code: 'caict-broad', name: '信通院广义口径' }, plan);
    expect(chart.title).toBe('各情景数字经济规模对比（信通院广义口径）');
    const actual = chart.data.series!.find((s) => s.kind === 'actual')!;
    expect(actual.points).toEqual([{ year: 2022, value: 10000, bound: 'lower', measure: 'caict-broad' }]);
    const projection = chart.data.series!.find((s) => s.kind === 'projection')!;
    expect(projection.points!.every((p) => p.measure === 'caict-broad')).toBe(true);
    const earlierChart = overlayChart([{ id: 1, projection: runs[0]!.projection }], 'en', bt, { code: 'cq-earlier', name: 'Chongqing earlier measure' }, plan);
    expect(earlierChart.title).toBe('Digital economy under each scenario (Chongqing earlier measure)');
    // No 万亿 line over the earlier measure's totals: A1 is judged on the broad one.
    expect(earlierChart.data.series!.filter((s) => s.kind === 'target')).toEqual([]);
    expect(earlierChart.data.meta!.omittedTargets!.map((t) => t.measure)).toEqual(['caict-broad']);
  });

  it('sets a target’s and a component’s assumptions beside the same target’s or component’s, not the one at the same place', () => {
    // 基准's first target is A1 (万亿级规模), 广义口径基准's is C1 (2027年占GDP比重超过50%).
    const rows = diffAssumptions([seeds[0], seeds[3]].map((d) => structuredClone(d) as unknown as Draft));
    const label = (path: string) => rows.filter((r) => r.path === path && r.field === 'scenario.field.targetLabel').map((r) => r.values);
    expect(label('targets[0].label')).toEqual([
      ['万亿级规模', ''],
      ['', '2027年占GDP比重超过50%'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
