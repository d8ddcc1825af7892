import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput } from '../../../shared/charts/data';
import { ChartBuildError } from '../../../shared/charts/errors';
import { chartSpecSchema, type ChartSpecInput } from '../../../shared/charts/spec';
import { waterfallLayout } from '../../../shared/charts/templates/contribution-waterfall';
import { progressOf } from '../../../shared/charts/templates/target-progress';
import { tornadoItems } from '../../../shared/charts/templates/tornado';
import { fan, fixtureCharts, indicator, progress, regional, share, stacked, tornadoChart, trajectory, waterfall } from '../../fixtures/charts/briefing';

type AnySeries = {
  type?: string;
  name?: string;
  color?: string;
  data?: unknown[];
  stack?: string;
  yAxisIndex?: number;
  lineStyle?: { type?: unknown; opacity?: number };
  areaStyle?: { opacity?: number };
  itemStyle?: { borderType?: string; color?: string };
  markLine?: { data?: Array<Record<string, unknown>> };
  markArea?: { data?: Array<Array<Record<string, unknown>>> };
  label?: { formatter?: (p: { dataIndex: number }) => string };
};

const seriesOf = (option: EChartsOption): AnySeries[] => option.series as AnySeries[];
const named = (option: EChartsOption, name: string): AnySeries[] => seriesOf(option).filter((s) => s.name === name);
const markLines = (option: EChartsOption) => seriesOf(option).flatMap((s) => s.markLine?.data ?? []);
const markAreas = (option: EChartsOption) => seriesOf(option).flatMap((s) => s.markArea?.data ?? []);
const labelOf = (item: Record<string, unknown>): string => ((item.label as { formatter: () => string }).formatter)();
const tooltipHtml = (option: EChartsOption, dataIndex: number): string =>
  ((option.tooltip as { formatter: (p: unknown) => string }).formatter)([{ dataIndex }]);

function build(spec: ChartSpecInput, data: ChartDataInput): EChartsOption {
  return buildOption(chartSpecSchema.parse(spec), chartDataSchema.parse(data));
}

describe('target trajectory', () => {
  const option = buildOption(trajectory.spec, trajectory.data);

  it('draws actuals solid and each scenario as a dashed line', () => {
    const actual = named(option, '核心产业增加值（推算）');
    const base = named(option, '基准情景 年增10%（示意）');
    expect(actual.length).toBeGreaterThan(0);
    expect(actual.every((s) => s.type === 'line' && s.lineStyle?.type === 'solid')).toBe(true);
    expect(base).toHaveLength(1);
    expect(base[0]!.lineStyle?.type).toBe('dashed');
  });

  it('starts the dashed path at the last actual value', () => {
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    const base = named(option, '基准情景 年增10%（示意）')[0]!;
    expect(base.data![years.indexOf('2022')]).toBe(2240.6);
  });

  it('puts a target line at 4000 and a deadline marker at 2027', () => {
    const lines = markLines(option);
    const target = lines.find((l) => l.yAxis === 4000)!;
    // Written with the chart's digits, as every value in 亿元 on this chart is (2240.6亿元).
    expect(labelOf(target)).toBe('2027年目标：≥4000.0亿元');
    const deadline = lines.find((l) => l.xAxis === '2027')!;
    expect(labelOf(deadline)).toBe('2027年期限');
  });

  it('shades the projection period from the first projected year to the end, not the actual year it leaves from', () => {
    const [area] = markAreas(option);
    // On the hidden year axis: 2023's span starts half way from 2022, the last actual value.
    expect(area![0]!.xAxis).toBe(2022.5);
    expect(area![1]!.xAxis).toBe(2027);
    expect(labelOf(area![0]!)).toBe('预测期');
    const period = seriesOf(option).find((s) => s.markArea)! as AnySeries & { xAxisIndex?: number };
    expect(period.xAxisIndex).toBe(1);
    expect((option.xAxis as Array<{ type: string; show?: boolean; min?: number; max?: number }>)[1]).toMatchObject({ type: 'value', show: false, min: 2020, max: 2027 });
  });

  it('keeps helper series out of the legend', () => {
    const legend = option.legend as { data: string[] };
    expect(legend.data).toEqual(['核心产业增加值（推算）', '基准情景 年增10%（示意）', '加速情景 年增13%（示意）']);
  });

  it('leaves the deadline marker out when the spec says so', () => {
    const spec = chartSpecSchema.parse({ ...trajectory.spec, options: { deadlineMarker: false } });
    expect(markLines(buildOption(spec, trajectory.data)).some((l) => 'xAxis' in l)).toBe(false);
  });
});

describe('share of GDP', () => {
  const option = buildOption(share.spec, share.data);

  it('breaks the Chongqing line at the change of definition and labels the break', () => {
    const cq = named(option, '重庆');
    expect(cq).toHaveLength(2);
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect(cq[0]!.data![years.indexOf('2021')]).toBe(27.2);
    expect(cq[0]!.data![years.indexOf('2022')]).toBeNull();
    expect(cq[1]!.data![years.indexOf('2022')]).toBe(45.4);
    // Between 2021 (old definition) and 2022 (new), clear of the 2022 deadline line.
    expect(markLines(option).some((l) => l.xAxis === 2021.5 && labelOf(l) === '口径变化')).toBe(true);
    expect(markLines(option).some((l) => l.xAxis === '2022' && labelOf(l) === '2022年期限')).toBe(true);
  });

  it('draws both thresholds: 40% by 2022 and 50% by 2027', () => {
    const values = markLines(option).flatMap((l) => (typeof l.yAxis === 'number' ? [l.yAxis] : []));
    expect(values).toEqual([40, 50]);
  });

  it('joins the illustrative path to Chongqing, not to the national line', () => {
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect(named(option, '重庆 示意路径（示意）')[0]!.data![years.indexOf('2022')]).toBe(45.4);
  });

  it('refuses a series that is not in %', () => {
    const data = { series: [{ id: 'x', name: 'GDP', kind: 'actual' as const, unit: '亿元', points: [{ year: 2022, value: 1 }] }] };
    expect(() => build({ template: 'share-of-gdp', title: 't' }, data)).toThrow(ChartBuildError);
  });
});

describe('scenario fan', () => {
  const option = buildOption(fan.spec, fan.data);

  it('stacks each band on a transparent base, widest first', () => {
    const bands = seriesOf(option).filter((s) => s.stack?.startsWith('band-'));
    expect(bands.map((s) => s.stack)).toEqual(['band-p5', 'band-p5', 'band-p25', 'band-p25']);
    expect(bands[0]!.areaStyle).toBeUndefined();
    expect(bands[0]!.lineStyle?.opacity).toBe(0);
    expect(bands[1]!.areaStyle).toBeDefined();
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect(bands[1]!.data![years.indexOf('2027')]).toBeCloseTo(4311.8 - 3457.9, 6);
  });

  it('shows the real band bounds in the tooltip, not the stacked differences', () => {
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect(tooltipHtml(option, years.indexOf('2027'))).toContain('3457.9亿元 – 4311.8亿元');
  });
});

describe('tornado', () => {
  const option = buildOption(tornadoChart.spec, tornadoChart.data);

  it('orders drivers by swing, widest first, and stacks swings from the base', () => {
    const y = option.yAxis as { data: string[]; inverse: boolean };
    expect(y.inverse).toBe(true);
    expect(y.data[0]).toBe('核心产业增速');
    const [low, high] = seriesOf(option);
    expect(low!.stack).toBe('swing');
    expect((low!.data![0] as { value: number }).value).toBeCloseTo(3280.5 - 3608.5, 6);
    expect((high!.data![0] as { value: number }).value).toBeCloseTo(3967.9 - 3608.5, 6);
    expect(low!.label!.formatter!({ dataIndex: 0 })).toBe('8% → 3280.5亿元');
  });

  it('puts ticks on round results', () => {
    const x = option.xAxis as { min: number; max: number; interval: number };
    const base = 3608.5;
    expect(((x.min + base) / x.interval) % 1).toBeCloseTo(0, 9);
    expect(((x.max + base) / x.interval) % 1).toBeCloseTo(0, 9);
  });

  it('keeps the given order when asked', () => {
    const bars = tornadoChart.data.bars!;
    if (bars.kind !== 'tornado') throw new Error('fixture');
    expect(tornadoItems({ ...bars, items: [...bars.items].reverse() }, 'given')[0]!.label).toBe('GDP增速');
  });
});

describe('stacked components', () => {
  const option = buildOption(stacked.spec, stacked.data);

  it('stacks actual and projected years separately, projections lighter and dashed', () => {
    const parts = named(option, '产业数字化（示意）');
    expect(parts.map((s) => s.stack)).toEqual(['actual', 'projection']);
    expect(parts[0]!.areaStyle!.opacity).toBeGreaterThan(parts[1]!.areaStyle!.opacity!);
    expect(parts[1]!.lineStyle?.type).toBe('dashed');
  });

  it('adds the total line over the stack', () => {
    const total = named(option, '合计');
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect(total[0]!.data![years.indexOf('2022')]).toBe(2300 + 8900);
  });

  it('draws bars with projected bars dashed, overlapping their actual stack slot', () => {
    const bars = buildOption(chartSpecSchema.parse({ ...stacked.spec, options: { mode: 'bars', showTotal: false } }), stacked.data);
    const parts = named(bars, '数字产业化（示意）');
    expect(parts.every((s) => s.type === 'bar')).toBe(true);
    expect(parts[1]!.itemStyle?.borderType).toBe('dashed');
    expect(named(bars, '合计')).toHaveLength(0);
  });

  it('draws a projection\'s base year, the figure its scenario starts from, as an actual bar', () => {
    const part = (name: string) => ({
      id: name,
      name,
      kind: 'projection' as const,
      unit: '亿元',
      basis: 'illustrative' as const,
      points: [
        { year: 2020, value: 3000, bound: 'lower' as const, base: true },
        { year: 2021, value: 3500 },
      ],
    });
    const bars = build({ template: 'stacked-components', title: 't', options: { mode: 'bars', showTotal: false } }, { series: [part('甲'), part('乙')] });
    const [base, projected] = named(bars, '甲（示意）')[0]!.data! as [{ value: number; itemStyle: { borderWidth: number; color: string } }, number];
    expect(base).toMatchObject({ value: 3000, itemStyle: { borderWidth: 0 } });
    expect(base.itemStyle.color).toBe(named(bars, '甲（示意）')[0]!.color);
    expect(projected).toBe(3500);
    expect(named(bars, '甲（示意）')[0]!.itemStyle?.borderType).toBe('dashed');
  });
});

describe('contribution waterfall', () => {
  it('stands each change on an invisible base', () => {
    const bars = waterfall.data.bars!;
    if (bars.kind !== 'waterfall') throw new Error('fixture');
    expect(waterfallLayout(bars)).toEqual({
      base: [null, 8550, 9720, 14770, null],
      increase: [null, 1170, 5200, null, null],
      decrease: [null, null, null, 150, null],
      total: [8550, null, null, null, 14770],
    });
  });

  it('marks a projected total and refuses a running total below zero', () => {
    const option = buildOption(waterfall.spec, waterfall.data);
    const total = named(option, '合计')[0]!;
    expect((total.data![4] as { itemStyle: { borderType: string } }).itemStyle.borderType).toBe('dashed');
    expect(total.label!.formatter!({ dataIndex: 4 })).toBe('1.477万亿元（预测）');
    expect(() =>
      build({ template: 'contribution-waterfall', title: 't' }, { bars: { kind: 'waterfall', unit: '亿元', steps: [{ label: 'a', value: 10, role: 'total' }, { label: 'b', value: -20, role: 'delta' }] } }),
    ).toThrow(expect.objectContaining({ code: 'WATERFALL_CROSSES_ZERO' }));
  });
});

describe('regional comparison', () => {
  it('groups bars by year, one series per region, gaps where a region has no figure', () => {
    const option = buildOption(regional.spec, regional.data);
    expect(seriesOf(option).filter((s) => s.type === 'bar').map((s) => s.name)).toEqual(['重庆', '四川', '成都']);
    const years = ((option.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect((named(option, '成都')[0]!.data![years.indexOf('2022')] as { value: unknown }).value).toBeNull();
  });

  it('draws a region projection as dashed bars or a dashed line', () => {
    const data = { series: [...regional.data.series, { id: 'cq-p', name: '重庆', region: '重庆', kind: 'projection' as const, unit: '亿元', basis: 'illustrative' as const, points: [{ year: 2025, value: 34000 }] }] };
    const bars = build({ ...regional.spec, options: { mode: 'bars' } } as ChartSpecInput, data);
    const years = ((bars.xAxis as Array<{ data: string[] }>)[0]!).data;
    expect((named(bars, '重庆')[0]!.data![years.indexOf('2025')] as { itemStyle: { borderType: string } }).itemStyle.borderType).toBe('dashed');
    const lines = build({ ...regional.spec, options: { mode: 'lines' } } as ChartSpecInput, data);
    expect(named(lines, '重庆').map((s) => s.lineStyle?.type)).toEqual(['solid', 'dashed']);
  });

  it('draws a projection\'s base year as an actual bar, not called a projection in the tooltip', () => {
    const points = [
      { year: 2026, value: 33000, base: true },
      { year: 2027, value: 34000 },
    ];
    const data = { series: [...regional.data.series, { id: 'cq-p', name: '重庆', region: '重庆', kind: 'projection' as const, unit: '亿元', basis: 'illustrative' as const, points }] };
    const bars = build({ ...regional.spec, options: { mode: 'bars' } } as ChartSpecInput, data);
    const years = ((bars.xAxis as Array<{ data: string[] }>)[0]!).data;
    const cq = named(bars, '重庆')[0]!.data! as Array<{ itemStyle: { borderType?: string } }>;
    expect(cq[years.indexOf('2026')]!.itemStyle.borderType).toBeUndefined();
    expect(cq[years.indexOf('2027')]!.itemStyle.borderType).toBe('dashed');
    expect(tooltipHtml(bars, years.indexOf('2026'))).not.toContain('预测');
    expect(tooltipHtml(bars, years.indexOf('2027'))).toContain('预测');
  });
});

describe('indicator series', () => {
  it('gives a second unit the right axis and says so in the legend', () => {
    const option = buildOption(indicator.spec, indicator.data);
    const axes = option.yAxis as Array<{ position: string; name: string }>;
    expect(axes.map((a) => [a.position, a.name])).toEqual([
      ['left', '万亿元'],
      ['right', '%'],
    ]);
    expect(named(option, '占GDP比重（右轴）')[0]!.yAxisIndex).toBe(1);
  });

  it('refuses a third unit', () => {
    const series = ['亿元', '%', '家'].map((unit, i) => ({ id: `s${i}`, name: `s${i}`, kind: 'actual' as const, unit, points: [{ year: 2022, value: 1 }] }));
    expect(() => build({ template: 'indicator-series', title: 't' }, { series })).toThrow(expect.objectContaining({ code: 'TOO_MANY_UNITS' }));
  });
});

describe('target progress', () => {
  it('judges progress against a straight path from the baseline', () => {
    const [scale, share40, share50, core, firms] = progress.data.progress;
    expect(progressOf(scale!)).toMatchObject({ status: 'met' });
    expect(progressOf(share40!).percent).toBeCloseTo(113.5, 6);
    expect(progressOf(share50!)).toMatchObject({ status: 'on-track' });
    expect(progressOf(core!)).toMatchObject({ status: 'behind' });
    expect(progressOf(firms!)).toEqual({ percent: null, onSchedule: null, status: 'no-data' });
  });

  it('says "no data" rather than drawing zero as a result', () => {
    const option = buildOption(progress.spec, progress.data);
    const track = seriesOf(option)[0]!;
    const label = (track.data![4] as { label: { formatter: () => string } }).label.formatter();
    expect(label).toBe('无数据 / 目标 ≥100家（2022年）');
  });

  it('names counts in English as the rest of the workbench does: firms, and a bare number for 项 and 个', () => {
    const items = [
      { label: 'Leading firms', unit: '家', target: 100, deadline: 2022, actual: null, actualYear: null },
      { label: 'Patents', unit: '项', target: 300, deadline: 2022, actual: null, actualYear: null },
      { label: 'Highlands', unit: '个', target: 10, deadline: 2022, actual: null, actualYear: null },
    ];
    const option = build({ template: 'target-progress', title: 't', locale: 'en' }, { progress: items });
    const labels = (seriesOf(option)[0]!.data as Array<{ label: { formatter: () => string } }>).map((d) => d.label.formatter());
    expect(labels).toEqual(['No data / Target 100 firms (2022)', 'No data / Target 300 (2022)', 'No data / Target 10 (2022)']);
  });
});

describe('every template', () => {
  it.each(fixtureCharts.map((c) => [c.id, c] as const))('marks projections visibly (%s)', (_id, chart) => {
    const option = buildOption(chart.spec, chart.data);
    const hasProjection = chart.data.series.some((s) => s.kind === 'projection') || chart.data.bands.length > 0 || chart.data.bars?.kind === 'tornado' || (chart.data.bars?.kind === 'waterfall' && chart.data.bars.steps.some((s) => s.projection));
    if (!hasProjection) return;
    const series = seriesOf(option);
    const dashedLine = series.some((s) => s.type === 'line' && s.lineStyle?.type === 'dashed');
    const dashedBars = series.some((s) => s.itemStyle?.borderType === 'dashed' || s.data?.some((d) => (d as { itemStyle?: { borderType?: string } } | null)?.itemStyle?.borderType === 'dashed'));
    expect(dashedLine || dashedBars).toBe(true);
  });

  it('never lets data become markup in a tooltip', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const option = build(
      { template: 'indicator-series', title: 't' },
      { series: [{ id: 'x', name: evil, kind: 'actual', unit: '亿元', points: [{ year: 2022, value: 1 }] }] },
    );
    const html = tooltipHtml(option, 0);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('says which template could not draw what', () => {
    expect(() => build({ template: 'tornado', title: 't' }, {})).toThrow(expect.objectContaining({ code: 'MISSING_BARS' }));
    expect(() => build({ template: 'target-progress', title: 't' }, {})).toThrow(expect.objectContaining({ code: 'MISSING_PROGRESS' }));
    expect(() => build({ template: 'target-trajectory', title: 't' }, {})).toThrow(expect.objectContaining({ code: 'NO_DATA' }));
  });
});
