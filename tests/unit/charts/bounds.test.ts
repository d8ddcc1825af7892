// Bounds and measures on charts (DOMAIN.md, "Three measures, never one series"): a bounded point is
// written with its sign wherever a number is written (end labels, tooltips, progress labels, the data
// file, PowerPoint series names), and a line never joins two measures; the break names them.
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { chartRows, toCsv } from '../../../electron/backend/export/data-table';
import { nativeChart } from '../../../electron/backend/export/pptx-native';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput, type ChartSeries, type ProgressItem } from '../../../shared/charts/data';
import { formatBoundedValue } from '../../../shared/charts/number-format';
import { chartSpecSchema, type ChartSpecInput } from '../../../shared/charts/spec';
import { totalOf } from '../../../shared/charts/templates/stacked-components';
import { progressOf } from '../../../shared/charts/templates/target-progress';
import { breaksOf } from '../../../shared/charts/templates/target-trajectory';
import { joinPoint } from '../../../shared/charts/time-series';
import { starterShareMeasured } from './marker-charts';

type AnySeries = { name?: string; endLabel?: { show?: boolean; formatter?: () => string }; markLine?: { data?: Array<Record<string, unknown>> }; data?: unknown[] };

const build = (spec: ChartSpecInput, data: ChartDataInput): EChartsOption => buildOption(chartSpecSchema.parse(spec), chartDataSchema.parse(data));
const endLabels = (option: EChartsOption): string[] => (option.series as AnySeries[]).flatMap((s) => (s.endLabel?.show ? [s.endLabel.formatter!()] : []));
const tooltip = (option: EChartsOption, year: number): string => {
  const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
  return ((option.tooltip as { formatter: (p: unknown) => string }).formatter)([{ dataIndex: years.indexOf(String(year)) }]);
};
const breakLabels = (option: EChartsOption): string[] =>
  (option.series as AnySeries[]).flatMap((s) => (s.markLine?.data ?? []).filter((l) => l.xAxis !== undefined && !String((l.label as { formatter: () => string }).formatter()).includes('期限')).map((l) => (l.label as { formatter: () => string }).formatter()));

const measures = [
  { code: 'cq-earlier', name: '重庆市此前口径' },
  { code: 'caict-broad', name: '信通院广义口径' },
];

/** 重庆's digital economy on the broad measure: 2022 "超过1万亿元", a lower bound. */
const scale: ChartDataInput = {
  series: [{ id: 'de_scale@CQ', name: '数字经济规模', kind: 'actual', unit: '亿元', region: '重庆', points: [{ year: 2022, value: 10000, bound: 'lower', measure: 'caict-broad' }] }],
  meta: { measures },
};

describe('bounded values', () => {
  it('are written with their sign, exact ones without, a gap as a dash', () => {
    const style = { locale: 'zh' as const, numberFormat: 'auto' as const, decimals: 1 };
    expect(formatBoundedValue(10000, '亿元', 'lower', style)).toBe('≥1万亿元');
    expect(formatBoundedValue(19900, '亿元', 'approx', style)).toBe('≈2.0万亿元');
    expect(formatBoundedValue(8, '%', 'upper', style)).toBe('≤8%');
    expect(formatBoundedValue(45.4, '%', 'exact', style)).toBe('45.4%');
    expect(formatBoundedValue(45.4, '%', undefined, style)).toBe('45.4%');
    expect(formatBoundedValue(null, '%', 'lower', style)).toBe('—');
    expect(formatBoundedValue(10000, '亿元', 'lower', { ...style, locale: 'en' })).toBe('≥1 trillion yuan');
  });

  it('keep their sign in end labels and tooltips, which name the measure', () => {
    const option = build({ template: 'target-trajectory', title: '重庆数字经济规模' }, scale);
    expect(endLabels(option)).toEqual(['≥1万亿元']);
    expect(tooltip(option, 2022)).toContain('数字经济规模：<b>≥1万亿元（信通院广义口径）</b>');
    const en = build({ template: 'target-trajectory', title: 'Scale', locale: 'en' }, { ...scale, meta: { measures: [{ code: 'caict-broad', name: 'CAICT broad measure' }] } });
    expect(endLabels(en)).toEqual(['≥1 trillion yuan']);
    expect(tooltip(en, 2022)).toContain('≥1 trillion yuan (CAICT broad measure)');
  });

  it('draw a bounded point inside a line hollow with its sign over it, and the footer says what the sign means', () => {
    const data: ChartDataInput = {
      series: [
        {
          id: 'de@CQ',
          name: '数字经济规模',
          kind: 'actual',
          unit: '亿元',
          points: [
            { year: 2020, value: 6000, bound: 'lower' },
            { year: 2021, value: 7000 },
            { year: 2022, value: 8000, bound: 'approx' },
          ],
        },
      ],
    };
    const option = build({ template: 'indicator-series', title: '规模' }, data);
    const line = (option.series as AnySeries[]).find((s) => s.name === '数字经济规模')!;
    const [first, second, third] = line.data as Array<number | { value: number; itemStyle: { color: string }; label: { formatter: string } }>;
    expect(first).toMatchObject({ value: 6000, itemStyle: { color: '#ffffff' }, label: { formatter: '≥' } });
    expect(second).toBe(7000);
    expect(third).toMatchObject({ value: 8000, label: { formatter: '≈' } });
    // Where the last point has an end label, that label already reads ≈8000亿元: no second sign over it.
    const trajectory = build({ template: 'target-trajectory', title: '规模' }, data);
    expect(endLabels(trajectory)).toEqual(['≈8000亿元']);
    expect(((trajectory.series as AnySeries[]).find((s) => s.name === '数字经济规模')!.data as unknown[])[2]).toBe(8000);
    const footer = JSON.stringify(option.graphic);
    expect(footer).toContain('≥ 为下限（公布为“超过”）');
    expect(footer).toContain('≈ 为约数');
    expect(footer).not.toContain('≤ 为上限');
    const exact = build({ template: 'indicator-series', title: '规模' }, { series: [{ ...data.series![0]!, points: [{ year: 2021, value: 7000 }] }] });
    expect(JSON.stringify(exact.graphic)).not.toContain('为下限');
  });

  it('keep their sign in the regional and stacked tooltips', () => {
    const regional = build({ template: 'regional-comparison', title: 'GDP', options: { mode: 'bars' } }, {
      series: [{ id: 'cd', name: '成都', region: '成都', kind: 'actual', unit: '亿元', points: [{ year: 2021, value: 19900, bound: 'approx', measure: 'standard' }] }],
      meta: { measures: [{ code: 'standard', name: '统计部门常规口径' }] },
    });
    expect(tooltip(regional, 2021)).toContain('≈2.0万亿元（统计部门常规口径）');
    const stacked = build({ template: 'stacked-components', title: '构成' }, {
      series: [
        { id: 'a', name: '数字产业化', kind: 'actual', unit: '亿元', points: [{ year: 2022, value: 2000, bound: 'lower' }] },
        { id: 'b', name: '产业数字化', kind: 'actual', unit: '亿元', points: [{ year: 2022, value: 8000 }] },
      ],
    });
    // The stack reaches 1万亿元, so every value of the chart is written in 万亿元.
    expect(tooltip(stacked, 2022)).toContain('数字产业化：<b>≥0.2万亿元</b>');
    expect(tooltip(stacked, 2022)).toContain('合计：<b>≥1.0万亿元</b>');
  });

  it('give a total the bound the parts allow, and no total across two bounds or two measures', () => {
    const part = (id: string, points: ChartSeries['points']): ChartSeries => ({ id, name: id, kind: 'actual', unit: '亿元', points, basis: 'published', scenarioId: null, region: null, breaksBefore: [] });
    const a = part('a', [
      { year: 2020, value: 1, bound: 'lower', measure: 'm' },
      { year: 2021, value: 1, bound: 'lower', measure: 'm' },
      { year: 2022, value: 1, bound: 'exact', measure: 'm' },
      { year: 2023, value: 1, bound: 'approx', measure: 'm' },
    ]);
    const b = part('b', [
      { year: 2020, value: 2, bound: 'exact', measure: 'm' },
      { year: 2021, value: 2, bound: 'upper', measure: 'm' },
      { year: 2022, value: 2, bound: 'exact', measure: 'n' },
      { year: 2023, value: 2, bound: 'exact', measure: 'm' },
    ]);
    expect(totalOf([a, b], 'actual', '合计')!.points).toEqual([
      { year: 2020, value: 3, bound: 'lower', measure: 'm' },
      { year: 2023, value: 3, bound: 'approx', measure: 'm' },
    ]);
  });
});

describe('progress against a bounded figure', () => {
  const item = (actual: number, bound?: ProgressItem['bound']): ProgressItem => ({
    label: 'A1',
    unit: '亿元',
    target: 10000,
    deadline: 2022,
    actual,
    actualYear: 2021,
    baseline: { year: 2020, value: 6000 },
    basis: 'published',
    ...(bound ? { bound } : {}),
  });

  it('reads a lower bound at the target as met, and one short of the schedule as open', () => {
    // The schedule in 2021: halfway from 6000 to 10000, i.e. 80% of the target.
    expect(progressOf(item(10000, 'lower')).status).toBe('met');
    expect(progressOf(item(8500, 'lower')).status).toBe('on-track');
    expect(progressOf(item(7000, 'lower')).status).toBe('unknown');
    expect(progressOf(item(7000)).status).toBe('behind');
    expect(progressOf(item(12000, 'upper')).status).toBe('unknown');
    expect(progressOf(item(7000, 'upper')).status).toBe('behind');
    expect(progressOf(item(10000, 'approx')).status).toBe('met');
  });

  it('writes the sign in the bar label', () => {
    const option = build(
      { template: 'target-progress', title: '进展' },
      { progress: [{ ...item(10000, 'lower'), actualYear: 2022, measure: 'caict-broad', label: '数字经济总量达到万亿级规模', comparator: '>=' }], meta: { measures } },
    );
    const labels = (option.series as Array<{ data?: Array<{ label?: { show: boolean; formatter: () => string } }> }>).flatMap((s) =>
      (s.data ?? []).flatMap((d) => (d && typeof d === 'object' && d.label?.show ? [d.label.formatter()] : [])),
    );
    // The target keeps its comparator: 达到万亿级 is ≥1万亿元, not exactly 1万亿元.
    expect(labels).toEqual(['≥1万亿元（2022年，信通院广义口径，已实现） / 目标 ≥1万亿元（2022年）']);
    expect(((option.tooltip as { formatter: (p: unknown) => string }).formatter)([{ dataIndex: 0 }])).toContain('（2022年，信通院广义口径，已实现）');
  });
});

describe('measures at a break', () => {
  it('name the measures on either side of a break when every broken series agrees', () => {
    const data = chartDataSchema.parse(starterShareMeasured.data);
    expect(breaksOf(data.series)).toEqual([{ year: 2022, from: 'cq-earlier', to: 'caict-broad' }]);
    const option = build(starterShareMeasured.spec, starterShareMeasured.data);
    expect(breakLabels(option)).toEqual(['口径变化：重庆市此前口径→信通院广义口径']);
    expect(tooltip(option, 2020)).toContain('重庆：<b>≥25.0%（重庆市此前口径）</b>');
  });

  it('write 口径变化 alone for a break recorded without a change of measure, or series that disagree', () => {
    const [cq] = chartDataSchema.parse(starterShareMeasured.data).series;
    const same: ChartSeries = { ...cq!, points: cq!.points.map((p) => ({ ...p, measure: 'cq-earlier' })) };
    expect(breaksOf([same])).toEqual([{ year: 2022 }]);
    const other: ChartSeries = { ...cq!, id: 'x', points: cq!.points.map((p) => ({ ...p, measure: p.year < 2022 ? 'nbs-core' : 'caict-broad' })) };
    expect(breaksOf([cq!, other])).toEqual([{ year: 2022 }]);
    const option = build(starterShareMeasured.spec, { ...starterShareMeasured.data, series: [same] });
    expect(breakLabels(option)).toEqual(['口径变化']);
  });

  it('leave a projection on another measure unjoined to the actual line', () => {
    const actual: ChartSeries = chartDataSchema.parse(starterShareMeasured.data).series[0]!;
    const projection = (measure?: string): ChartSeries => ({
      ...actual,
      id: 'p',
      kind: 'projection',
      breaksBefore: [],
      points: [{ year: 2023, value: 47, ...(measure ? { measure } : {}) }],
    });
    expect(joinPoint(actual, projection('caict-broad'))).toMatchObject({ year: 2022, value: 45.4 });
    expect(joinPoint(actual, projection())).toMatchObject({ year: 2022 });
    expect(joinPoint(actual, projection('cq-earlier'))).toBeNull();
  });
});

describe('exports', () => {
  it('list each point with its bound and measure in the data file', () => {
    const data = chartDataSchema.parse(starterShareMeasured.data);
    const spec = chartSpecSchema.parse(starterShareMeasured.spec);
    const rows = chartRows(spec, data);
    expect(rows.find((r) => r.series === '重庆' && r.year === 2020)).toMatchObject({ value: 25, bound: '下限（≥）', measure: '重庆市此前口径' });
    expect(rows.find((r) => r.series === '重庆' && r.year === 2022)).toMatchObject({ value: 45.4, bound: '确数', measure: '信通院广义口径' });
    expect(rows.find((r) => r.series === '目标')).toMatchObject({ bound: '', measure: '信通院广义口径' });
    const csv = toCsv(rows, 'zh');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF系列,类型,数据性质,单位,年份,数值,数值界限,统计口径,口径变化,发布版本,来源,区间低值,区间高值,目标,期限,说明');
    expect(csv).toContain('重庆,实际,公布,%,2020,25,下限（≥）,重庆市此前口径,');
    expect(toCsv(chartRows({ ...spec, locale: 'en' }, data), 'en')).toContain('2020,25,lower bound (≥),重庆市此前口径,');
  });

  it('name bounds and the new measure in the native PowerPoint series, which show no point labels', () => {
    const native = nativeChart(chartSpecSchema.parse(starterShareMeasured.spec), chartDataSchema.parse(starterShareMeasured.data))!;
    const names = native.types.flatMap((t) => t.data.map((d) => d.name));
    // Two measures are drawn and PowerPoint marks no break: every series names its measure.
    expect(names).toEqual(expect.arrayContaining(['重庆（重庆市此前口径；2020年为下限值）', '重庆（2022年起为信通院广义口径）', '全国（信通院广义口径）']));
  });
});
