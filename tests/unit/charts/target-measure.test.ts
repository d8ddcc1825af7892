// A target line and the measure (口径) it is judged on: it is read against the values around its
// deadline and drawn only when they are on its measure; where a chart draws two measures (a definition
// break), a drawn target names its own; a target left out, and a scenario starting from a bounded
// figure, are named in the footer; a waterfall total taken from a bound keeps its ≥.
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput } from '../../../shared/charts/data';
import { createFrame, DEFAULT_FONT_STACK, footerLines } from '../../../shared/charts/frame';
import { chartSpecSchema, type ChartSpecInput } from '../../../shared/charts/spec';
import { measuresReadAgainst, otherMeasures, type MeasuredSeries } from '../../../shared/charts/target-measure';
import { starterShareMeasured } from './marker-charts';

const build = (spec: ChartSpecInput, data: ChartDataInput): EChartsOption => buildOption(chartSpecSchema.parse(spec), chartDataSchema.parse(data));
const footer = (spec: ChartSpecInput, data: ChartDataInput): string[] =>
  footerLines(createFrame(chartSpecSchema.parse(spec), chartDataSchema.parse(data), { fontFamily: DEFAULT_FONT_STACK }));
type Labelled = { markLine?: { data?: Array<{ yAxis?: number; label?: { formatter: () => string } }> } };
const targetLabels = (option: EChartsOption): string[] =>
  (option.series as Labelled[]).flatMap((s) => (s.markLine?.data ?? []).filter((l) => l.yAxis !== undefined).map((l) => l.label!.formatter()));

/** 重庆's digital economy: the city's earlier measure to 2021, the broad one from 2022. */
const cq: MeasuredSeries = {
  unit: '亿元',
  points: [
    { year: 2020, measure: 'cq-earlier' },
    { year: 2021, measure: 'cq-earlier' },
    { year: 2022, measure: 'caict-broad' },
  ],
};
/** A scenario on the city's earlier measure, 2020-2027. */
const earlier: MeasuredSeries = { unit: '亿元', points: Array.from({ length: 8 }, (_, t) => ({ year: 2020 + t, measure: 'cq-earlier' })) };

describe('the measures a target line is read against', () => {
  it('are those of each series in its unit in the deadline year, else the last value before, else the first after', () => {
    expect(measuresReadAgainst([cq], '亿元', 2022)).toEqual(['caict-broad']);
    expect(measuresReadAgainst([cq], '亿元', 2021)).toEqual(['cq-earlier']);
    expect(measuresReadAgainst([cq], '亿元', 2027)).toEqual(['caict-broad']);
    expect(measuresReadAgainst([cq], '亿元', 2019)).toEqual(['cq-earlier']);
    expect(measuresReadAgainst([cq, earlier], '亿元', 2022)).toEqual(['caict-broad', 'cq-earlier']);
    // Another unit is another axis: a share on the earlier measure does not bear on a level target.
    expect(measuresReadAgainst([cq, { ...earlier, unit: '%' }], '亿元', 2022)).toEqual(['caict-broad']);
    expect(measuresReadAgainst([{ unit: '亿元', points: [{ year: 2022 }] }], '亿元', 2022)).toEqual([]);
  });

  it('leave a target out only when one differs from the measure the target is judged on', () => {
    const a1 = { unit: '亿元', year: 2022, measure: 'caict-broad' };
    expect(otherMeasures(a1, [cq])).toEqual([]);
    expect(otherMeasures(a1, [cq, earlier])).toEqual(['cq-earlier']);
    expect(otherMeasures({ ...a1, year: 2021 }, [cq])).toEqual(['cq-earlier']);
    // A target judged on no stated measure is drawn as before.
    expect(otherMeasures({ ...a1, measure: null }, [cq, earlier])).toEqual([]);
  });
});

describe('a drawn target line', () => {
  it('names its measure where the chart draws two: A2 over 重庆 before and after the change of measure', () => {
    expect(targetLabels(build(starterShareMeasured.spec, starterShareMeasured.data))).toEqual(['目标：>40.0%（2022年，信通院广义口径）']);
  });

  it('does not where every value is on one measure', () => {
    const data = starterShareMeasured.data;
    const cn = data.series!.filter((s) => s.id !== 'cq');
    expect(targetLabels(build(starterShareMeasured.spec, { ...data, series: cn }))).toEqual(['目标：>40.0%（2022年）']);
  });
});

describe('the footer', () => {
  const spec: ChartSpecInput = { template: 'target-trajectory', title: '重庆数字经济规模', sourceNote: '工作台情景模型' };
  const omitted: ChartDataInput = {
    series: [{ id: 'base', name: '基准', kind: 'projection', unit: '亿元', basis: 'illustrative', points: [{ year: 2021, value: 6960, measure: 'cq-earlier' }] }],
    meta: {
      measures: [
        { code: 'cq-earlier', name: '重庆市此前口径' },
        { code: 'caict-broad', name: '信通院广义口径' },
      ],
      omittedTargets: [{ name: '数字经济总量达到万亿级规模', unit: '亿元', value: 10000, year: 2022, measure: 'caict-broad', drawn: ['cq-earlier'] }],
      boundedBases: [{ scenario: '基准', year: 2020, value: 6000, unit: '亿元', bound: 'lower' }],
    },
  };

  it('names a target left out for its measure, and a scenario starting from a bound, with what ≥ means', () => {
    // Written in the chart's unit and digits (6960亿元 is drawn: 亿元, whole), as every value of the chart.
    expect(footer(spec, omitted)).toEqual([
      '数据来源：工作台情景模型',
      '目标“数字经济总量达到万亿级规模”（10000亿元，2022年）按信通院广义口径判定，与图中数值的口径（重庆市此前口径）不同，未画出。',
      '基准情景的基数为2020年的下限值≥6000亿元。',
      '注：标“示意”的数据为示意值，并非公布数据。',
      '注：≥ 为下限（公布为“超过”）。',
    ]);
  });

  it('names scenarios starting from the same bound in one line', () => {
    const bases = [
      { scenario: '基准', year: 2020, value: 6000, unit: '亿元', bound: 'lower' as const },
      { scenario: '加速', year: 2020, value: 6000, unit: '亿元', bound: 'lower' as const },
    ];
    const lines = footer(spec, { ...omitted, meta: { ...omitted.meta, boundedBases: bases } });
    expect(lines.filter((l) => l.includes('情景的基数'))).toEqual(['基准、加速情景的基数为2020年的下限值≥6000亿元。']);
  });

  it('says so in English', () => {
    const en: ChartDataInput = {
      ...omitted,
      meta: {
        ...omitted.meta,
        measures: [
          { code: 'cq-earlier', name: 'Chongqing earlier measure' },
          { code: 'caict-broad', name: 'CAICT broad measure' },
        ],
        omittedTargets: [{ ...omitted.meta!.omittedTargets![0]!, name: 'Digital economy total reaches the trillion-yuan scale' }],
        boundedBases: [{ ...omitted.meta!.boundedBases![0]!, scenario: 'baseline' }],
      },
    };
    const lines = footer({ ...spec, locale: 'en' }, en);
    expect(lines).toContain(
      'Target "Digital economy total reaches the trillion-yuan scale" (1,000 billion yuan, 2022) is judged on the CAICT broad measure, not the measure of the values drawn (Chongqing earlier measure); its line is not drawn.',
    );
    expect(lines).toContain("The baseline scenario starts from 2020's lower bound ≥600 billion yuan.");
  });
});

describe('a waterfall total taken from a bound', () => {
  const data: ChartDataInput = {
    bars: {
      kind: 'waterfall',
      unit: '亿元',
      basis: 'illustrative',
      steps: [
        { label: '2020年', value: 6000, role: 'total', bound: 'lower' },
        { label: '数字产业化', value: 518.4, role: 'delta', projection: true },
        { label: '产业数字化', value: 1555.2, role: 'delta', projection: true },
        { label: '2022年', value: 8073.6, role: 'total', projection: true },
      ],
    },
  };
  const spec: ChartSpecInput = { template: 'contribution-waterfall', title: '增量分解' };

  it('is written ≥6000.0亿元 in its label and tooltip, and the footer says what ≥ means', () => {
    const option = build(spec, data);
    const totals = (option.series as Array<{ name?: string; label?: { formatter?: (p: { dataIndex: number }) => string } }>).find((s) => s.name === '合计')!;
    // One digit on every label, as 8073.6亿元 has.
    expect(totals.label!.formatter!({ dataIndex: 0 })).toBe('≥6000.0亿元');
    expect(totals.label!.formatter!({ dataIndex: 3 })).toBe('8073.6亿元（预测）');
    const tooltip = ((option.tooltip as { formatter: (p: unknown) => string }).formatter)([{ dataIndex: 0 }]);
    expect(tooltip).toContain('≥6000.0亿元');
    expect(footer(spec, data)).toContain('注：≥ 为下限（公布为“超过”）。');
  });
});
