// The Scenarios page writes each number one way: one decision per unit (the charts' rule, decideUnit)
// over every value it writes, followed by the table, the summary, the base note and the charts' own
// footers; and a broad-measure scenario's charts draw the plan targets on its measure and the
// published figures they rest on, as the Charts page's starter chart of the same quantity does.
import { describe, expect, it } from 'vitest';
import seeds from '../../../data/seed/scenarios.json';
import type { ScenarioEvidence } from '../../../shared/api/scenarios-contract';
import { parseResolvedScenario, project, sensitivity, summarize, type ScenarioBases } from '../../../shared/engine';
import { planMeasures } from '../../../shared/monitor/scenario-targets';
import { chartOption, resultCharts } from '../../../renderer/src/pages/scenario-charts';
import { baseWriter, chartValues, noValues, pageStyle, pageWriter, projectionValues, scenarioValues, writeValue } from '../../../shared/format/scenario-units';
import { baseNote } from '../../../shared/i18n/scenario-base-text';

const names = [
  { code: 'cq-earlier', nameZh: '重庆市此前口径', nameEn: 'Chongqing earlier measure' },
  { code: 'caict-broad', nameZh: '信通院广义口径', nameEn: 'CAICT broad measure' },
];
const plan = planMeasures(
  [
    { code: 'A1', measure: 'caict-broad', indicator: null, value: 10000, unit: '亿元', deadline: 2022 },
    { code: 'A2', measure: 'caict-broad', indicator: null, value: 40, unit: '%', deadline: 2022 },
    { code: 'C1', measure: 'caict-broad', indicator: null, value: 50, unit: '%', deadline: 2027 },
  ],
  [],
  names,
);
const figure = { status: 'actual' as const, indicator: 'de_va', region: 'CQ', source: '测试' };

/** The page's style as the results panel decides it: the projection's values and every chart's. */
function styleOf(p: ReturnType<typeof project>, charts: ReturnType<typeof resultCharts>, locale: 'zh' | 'en') {
  const values = projectionValues(p, noValues());
  for (const c of charts) chartValues(c.data, values);
  return pageStyle(locale, values);
}

describe('one decision per unit on the page', () => {
  it('writes the 2020 baseline’s lower-bound base in the scale and digits of everything the page writes', () => {
    const s = parseResolvedScenario(seeds[0]);
    const p = project(s);
    const bases: ScenarioBases = { total: { ...figure, year: 2020, value: 6000, bound: 'lower', measure: 'cq-earlier' }, gdp: null };
    const charts = resultCharts(p, 'zh', null, { measure: 'cq-earlier', plan }, bases);
    const style = styleOf(p, charts, 'zh');
    // The totals reach beyond 1万亿元 by 2027, so money is in 万亿元; the waterfall's 2020–2022 steps
    // (518.4 and 1555.2亿元) would blur at one decimal, so two.
    expect(style.units!.get('亿元')).toEqual({ divisor: 10000, unit: '万亿元', decimals: 2 });
    expect(writeValue(style, 6000, '亿元', 'lower')).toBe('≥0.60万亿元');
    const note = baseNote('基准', bases, 'zh', baseWriter(style));
    expect(note).toBe('基准情景的基数为2020年的下限值≥0.60万亿元。各年推算值都从这一下限起算，实际规模可能更大。');
    // The trajectory chart's footer says the same base the same way.
    const trajectory = JSON.stringify(chartOption(charts.find((c) => c.id === 'trajectory')!, 'zh', style.units));
    expect(trajectory).toContain('基准情景的基数为2020年的下限值≥0.60万亿元。');
    // Without the page's decision, the chart writes it at its own digits: the two forms the review found.
    expect(JSON.stringify(chartOption(charts.find((c) => c.id === 'trajectory')!, 'zh'))).toContain('下限值≥0.6万亿元');
  });

  it('writes the broad baseline’s summary in the digits its charts label with, in both languages', () => {
    const s = parseResolvedScenario(seeds[3]);
    const p = project(s);
    const bases: ScenarioBases = { total: { ...figure, year: 2022, value: 13224.58, bound: 'exact', status: 'derived', measure: 'caict-broad' }, gdp: null };
    for (const locale of ['zh', 'en'] as const) {
      const charts = resultCharts(p, locale, null, { measure: 'caict-broad', plan }, bases);
      const style = styleOf(p, charts, locale);
      const summary = summarize({ ...p, bases }, locale, { write: pageWriter(style) });
      expect(summary).toContain(writeValue(style, p.share.values.at(-1)!, '%'));
      if (locale === 'zh') {
        // The Chinese sentence gives the 2027 total beside the share, in the page's digits, not the default writer's 1.94万亿元.
        const total2027 = writeValue(style, p.total.values.at(-1)!, '亿元');
        expect(total2027).toMatch(/^\d+\.\d万亿元$/);
        expect(summary).toContain(`规模${total2027}）`);
        expect(summarize({ ...p, bases }, locale)).not.toContain(`规模${total2027}）`);
      }
    }
  });
});

describe('the CLI’s decision', () => {
  it('is the page’s for every seeded scenario: the projection’s own values decide as its charts and tornado do', () => {
    for (const seed of seeds) {
      const s = parseResolvedScenario(seed);
      const p = project(s);
      for (const locale of ['zh', 'en'] as const) {
        const page = scenarioValues(p);
        for (const c of resultCharts(p, locale, null, { measure: s.measure ?? null, plan })) chartValues(c.data, page);
        for (const metric of ['share', 'total'] as const) {
          const year = p.targets.find((x) => x.unit === (metric === 'share' ? '%' : '亿元'))?.year ?? p.horizon;
          const { output, bars } = sensitivity(s, { output: { metric, year } });
          page[output.unit].push(output.base, ...bars.flatMap((b) => [b.low.output, b.high.output]));
        }
        expect([...pageStyle(locale, scenarioValues(p)).units], `${seed.name} ${locale}`).toEqual([...pageStyle(locale, page).units]);
      }
    }
  });
});

describe('a broad-measure scenario’s charts draw what the starter chart of the same quantity draws', () => {
  const s = parseResolvedScenario(seeds[3]);
  const p = project(s);
  const evidence: ScenarioEvidence = {
    targets: [
      { code: 'A1', titleZh: '万亿级规模', titleEn: 'Trillion-yuan scale', kind: 'total', value: 10000, year: 2022, comparator: '>=', measure: 'caict-broad' },
      { code: 'A2', titleZh: '占GDP比重40%以上', titleEn: 'Above 40% of GDP', kind: 'share', value: 40, year: 2022, comparator: '>', measure: 'caict-broad' },
      { code: 'C1', titleZh: '2027年占GDP比重超过50%', titleEn: 'Above 50% of GDP by 2027', kind: 'share', value: 50, year: 2027, comparator: '>', measure: 'caict-broad' },
    ],
    figures: [
      {
        target: 'A1',
        kind: 'total',
        indicator: { code: 'de_scale', nameZh: '数字经济规模', nameEn: 'Digital economy, scale' },
        region: { code: 'CQ', nameZh: '重庆', nameEn: 'Chongqing' },
        year: 2022,
        value: 10000,
        bound: 'lower',
        measure: 'caict-broad',
        source: 'CAICT 中国数字经济发展研究报告(2023)',
      },
    ],
  };
  const charts = resultCharts(p, 'zh', null, { measure: 'caict-broad', plan, evidence });
  const series = (id: string) => charts.find((c) => c.id === id)!.data.series!;

  it('draws 万亿级 and CAICT’s "超过1万亿元" on the scale chart', () => {
    const trajectory = series('trajectory');
    expect(trajectory.find((x) => x.id === 'published-de_scale')).toMatchObject({
      kind: 'actual',
      name: '数字经济规模',
      points: [{ year: 2022, value: 10000, bound: 'lower', measure: 'caict-broad', source: 'CAICT 中国数字经济发展研究报告(2023)' }],
    });
    expect(trajectory.find((x) => x.id === 'target-plan-A1')).toMatchObject({ kind: 'target', name: '目标', comparator: '>=', points: [{ year: 2022, value: 10000, measure: 'caict-broad' }] });
    expect(JSON.stringify(chartOption(charts.find((c) => c.id === 'trajectory')!, 'zh'))).not.toContain('未画出');
  });

  it('draws the 40% line on the share chart and the scenario’s own 50% once', () => {
    const targets = series('share').filter((x) => x.kind === 'target');
    expect(targets.map((x) => [x.id, x.points[0]!.value])).toEqual([
      ['target-C1', 50],
      ['target-plan-A2', 40],
    ]);
  });

  it('draws neither without evidence, as before', () => {
    const bare = resultCharts(p, 'zh', null, { measure: 'caict-broad', plan });
    expect(bare.find((c) => c.id === 'trajectory')!.data.series!.map((x) => x.kind)).toEqual(['projection']);
  });
});
