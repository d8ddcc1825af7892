// What issue #17 found in the starter pack, as classes that must not come back: one unit decision per
// chart (no 6000亿元 beside 1.7万亿元, no 亿元 subtitle over a 万亿元 axis), one number of digits per
// unit, ticks at 1-2-5 steps, the 预测期 shaded from the first projected year only, a definition break
// drawn apart from a deadline of the same year, legends that show what is drawn (filled swatches for
// bands and areas, no 减少 without a fall, the bars' own colours), the minus sign, and one pair of
// brackets per name.
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput } from '../../../shared/charts/data';
import { createFrame, DEFAULT_FONT_STACK, footerLines } from '../../../shared/charts/frame';
import { chartSpecSchema, type ChartSpec, type ChartSpecInput } from '../../../shared/charts/spec';
import { fixtureCharts, fan, progress, share, stacked, trajectory, waterfall, type FixtureChart } from '../../fixtures/charts/briefing';

type Label = { show?: boolean; formatter?: unknown };
type Item = Record<string, unknown> & { label?: Label };
type Series = {
  type?: string;
  name?: string;
  color?: string;
  data?: unknown[];
  xAxisIndex?: number;
  label?: Label;
  endLabel?: Label;
  itemStyle?: { color?: string };
  markLine?: { data?: Item[] };
  markArea?: { data?: Item[][] };
};
type Axis = { type?: string; name?: string; min?: number; max?: number; interval?: number; data?: string[]; show?: boolean; axisLabel?: { formatter?: unknown } };

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const call = (f: unknown, arg: unknown = {}): string => (typeof f === 'function' ? String((f as (p: unknown) => unknown)(arg)) : typeof f === 'string' ? f : '');
const seriesOf = (option: EChartsOption): Series[] => asArray(option.series as Series | Series[]);
const axesOf = (option: EChartsOption): Axis[] => [...asArray(option.xAxis as Axis | Axis[]), ...asArray(option.yAxis as Axis | Axis[])];
const categoriesOf = (option: EChartsOption): string[] => axesOf(option).find((a) => a.type === 'category')?.data ?? [];
const legend = (option: EChartsOption) => (option.legend as { data: Array<string | { name: string; icon?: string }> }).data;

function build(spec: ChartSpecInput | ChartSpec, data: ChartDataInput): { spec: ChartSpec; option: EChartsOption } {
  const parsed = chartSpecSchema.parse(spec);
  return { spec: parsed, option: buildOption(parsed, chartDataSchema.parse(data)) };
}

/** The tick labels of each value axis with a fixed extent, as ECharts writes them. */
function tickLabels(axis: Axis): string[] {
  if (axis.min === undefined || axis.max === undefined || !axis.interval) return [];
  const out: string[] = [];
  for (let v = axis.min; v <= axis.max + axis.interval / 2; v += axis.interval) out.push(call(axis.axisLabel?.formatter, v));
  return out;
}

/**
 * Every value the chart writes itself (not the analyst's own texts, not the data's names): end labels,
 * bar labels (the result after a tornado's →), target lines' values, tooltip values, and the footer
 * lines the chart adds (targets left out, bounded bases).
 */
function writtenValues(spec: ChartSpec, option: EChartsOption, data: ChartDataInput): string[] {
  const out: string[] = [];
  const afterArrow = (t: string): string => t.split(' → ').at(-1)!;
  for (const s of seriesOf(option)) {
    if (s.endLabel?.show) out.push(call(s.endLabel.formatter));
    if (s.label?.formatter) (s.data ?? []).forEach((_, i) => out.push(afterArrow(call(s.label!.formatter, { dataIndex: i }))));
    for (const item of s.markLine?.data ?? []) if (typeof item.yAxis === 'number') out.push(call(item.label?.formatter).replace(/^\S+ /, ''));
  }
  const tooltip = (option.tooltip as { formatter?: unknown } | undefined)?.formatter;
  categoriesOf(option).forEach((_, i) => {
    const html = call(tooltip, [{ dataIndex: i }]);
    for (const m of [...html.matchAll(/<b>([^<]*)<\/b>/g)].slice(1)) out.push(...m[1]!.split(' – ').map(afterArrow));
  });
  const own = new Set([spec.sourceNote, spec.footnote].flatMap((t) => t.split('\n')));
  const frame = createFrame(spec, chartDataSchema.parse(data), { fontFamily: DEFAULT_FONT_STACK });
  out.push(...footerLines(frame).filter((l) => ![...own].some((o) => o && l.endsWith(o))));
  return out.filter(Boolean);
}

const money = /(\d[\d,]*(?:\.(\d+))?)(万亿元|亿元| trillion yuan| billion yuan)/g;
const percent = /(\d+(?:\.(\d+))?)%/g;

function unitsAndDigits(texts: string[], pattern: RegExp): { units: Set<string>; digits: Set<number> } {
  const units = new Set<string>();
  const digits = new Set<number>();
  for (const t of texts) {
    for (const m of t.matchAll(pattern)) {
      units.add(m[3] ?? '%');
      digits.add(m[2]?.length ?? 0);
    }
  }
  return { units, digits };
}

/** The issue's waterfall: 6000亿元, +2739.3亿元 and 1.7万亿元 written on one chart. */
const issueWaterfall: FixtureChart = {
  ...waterfall,
  id: 'issue-waterfall',
  spec: chartSpecSchema.parse({ ...waterfall.spec, subtitle: '亿元；示意' }),
  data: chartDataSchema.parse({
    bars: {
      kind: 'waterfall',
      unit: '亿元',
      basis: 'illustrative',
      steps: [
        { label: '2020年', value: 6000, role: 'total', bound: 'lower' },
        { label: '数字产业化', value: 2739.3, role: 'delta', projection: true },
        { label: '产业数字化', value: 8260.7, role: 'delta', projection: true },
        { label: '2025年', value: 17000, role: 'total', projection: true },
      ],
    },
  }),
};

const withUnitLabel = (chart: FixtureChart, unitLabel: string): FixtureChart => ({ ...chart, id: `${chart.id}+${unitLabel}`, spec: chartSpecSchema.parse({ ...chart.spec, unitLabel }) });

const charts: FixtureChart[] = [...fixtureCharts.filter((c) => c.spec.template !== 'target-progress'), issueWaterfall, withUnitLabel(stacked, '亿元，当年价')];

describe('one unit decision per chart', () => {
  it.each(charts.map((c) => [c.id, c] as const))('%s: axis, labels, tooltips and footer write money in one unit with one number of digits', (_id, chart) => {
    const { spec, option } = build(chart.spec, chart.data);
    const written = writtenValues(spec, option, chart.data);
    const m = unitsAndDigits(written, money);
    expect(m.units.size, [...m.units].join()).toBeLessThanOrEqual(1);
    expect(m.digits.size, written.join(' | ')).toBeLessThanOrEqual(1);
    const p = unitsAndDigits(written, percent);
    expect(p.digits.size, written.join(' | ')).toBeLessThanOrEqual(1);
    const moneyAxis = axesOf(option).find((a) => a.name && /亿元|billion|trillion/.test(a.name));
    // The axis names that unit (a tornado's axis: 2027年基准情景（亿元）).
    if (moneyAxis && m.units.size) expect(moneyAxis.name!.match(/万亿元|亿元|trillion yuan|billion yuan/)?.[0]).toBe([...m.units][0]!.trim());
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s: title and subtitle name no other scale than the axis', (_id, chart) => {
    const { option } = build(chart.spec, chart.data);
    const axis = axesOf(option).find((a) => a.name && /亿元/.test(a.name))?.name;
    const { subtext = '', text = '' } = option.title as { text?: string; subtext?: string };
    const standalone = (t: string, word: string) => new RegExp(`(^|[\\s,，;；、:：（）()])${word}(?=$|[\\s,，;；、:：（）()])`).test(t);
    if (axis?.startsWith('万亿元')) expect(standalone(subtext, '亿元') || standalone(text, '亿元'), subtext).toBe(false);
    if (axis?.startsWith('亿元')) expect(standalone(subtext, '万亿元'), subtext).toBe(false);
  });

  it('writes the issue\'s waterfall in 万亿元 throughout, with the digits that keep +2739.3亿元 readable', () => {
    const { option } = build(issueWaterfall.spec, issueWaterfall.data);
    const labels = seriesOf(option).flatMap((s) => (s.label?.formatter && s.name !== 'base' ? (s.data ?? []).map((_, i) => call(s.label!.formatter, { dataIndex: i })) : []));
    expect(labels).toEqual(expect.arrayContaining(['≥0.60万亿元', '+0.27万亿元（预测）', '1.70万亿元（预测）']));
    expect((option.title as { subtext: string }).subtext).toBe('万亿元；示意');
    expect((asArray(option.yAxis as Axis)[0]!).name).toBe('万亿元');
  });

  it('keeps the 万/亿 scale under a typed unit label, which names the chart\'s unit', () => {
    // The stacked fixture reaches 1.49万亿元; a label typed as 亿元 used to pin the axis to raw 14920.
    const { option } = build({ ...stacked.spec, unitLabel: '亿元，当年价' }, stacked.data);
    const axis = asArray(option.yAxis as Axis)[0]!;
    expect(axis.name).toBe('万亿元，当年价');
    expect(tickLabels(axis).at(-1)).toBe('1.6');
    const other = build({ ...stacked.spec, unitLabel: '当年价' }, stacked.data).option;
    expect(asArray(other.yAxis as Axis)[0]!.name).toBe('万亿元，当年价');
    // The thousands format is how an analyst keeps 亿元: the label then says 亿元.
    const thousands = build({ ...stacked.spec, unitLabel: '亿元，当年价', numberFormat: 'thousands' }, stacked.data).option;
    expect(asArray(thousands.yAxis as Axis)[0]!.name).toBe('亿元，当年价');
    expect(tickLabels(asArray(thousands.yAxis as Axis)[0]!).at(-1)).toBe('16,000');
  });

  it('writes each progress value in its own scale and digits, as the Targets page does', () => {
    const { option } = build(progress.spec, progress.data);
    const labels = seriesOf(option).flatMap((s) => (s.data ?? []).flatMap((d) => ((d as Item)?.label?.show ? [call((d as Item).label!.formatter)] : [])));
    // 4000亿元, not 4000.0亿元 beside 2240.6亿元; 1万亿元, not 1.0万亿元 beside 1.3万亿元.
    expect(labels).toContain('1.3万亿元（2022年） / 目标 ≥1万亿元（2022年）');
    expect(labels).toContain('2240.6亿元（2022年） / 目标 ≥4000亿元（2027年）');
    expect(labels).toContain('45.4%（2022年） / 目标 >40%（2022年）');
  });
});

describe('ticks', () => {
  it.each(fixtureCharts.map((c) => [c.id, c] as const))('%s: every value axis steps by 1, 2 or 5 times a power of ten, its ends on steps', (_id, chart) => {
    const { option } = build(chart.spec, chart.data);
    const axes = axesOf(option).filter((a) => a.type === 'value' && a.show !== false);
    expect(axes.length).toBeGreaterThan(0);
    for (const axis of axes) {
      const interval = axis.interval!;
      const mantissa = Number((interval / 10 ** Math.floor(Math.log10(interval) + 1e-9)).toPrecision(6));
      expect([1, 2, 5]).toContain(mantissa);
      if (chart.spec.template !== 'tornado') {
        expect(Math.abs(axis.min! / interval - Math.round(axis.min! / interval))).toBeLessThan(1e-6);
        expect(Math.abs(axis.max! / interval - Math.round(axis.max! / interval))).toBeLessThan(1e-6);
        // One number of digits on every tick of an axis: 0.0, 0.5, 1.0.
        const digits = new Set(tickLabels(axis).map((t) => t.split('.')[1]?.length ?? 0));
        expect(digits.size).toBe(1);
      }
    }
  });

  it('labels every gridline of the progress chart: the axis ends at the first step past the longest bar', () => {
    const { option } = build(progress.spec, progress.data);
    const x = asArray(option.xAxis as Axis)[0]!;
    expect([x.min, x.max, x.interval]).toEqual([0, 140, 20]);
    expect(tickLabels(x).every((t) => t !== '')).toBe(true);
  });
});

describe('the projection period', () => {
  const areaStart = (option: EChartsOption): number | undefined =>
    seriesOf(option).flatMap((s) => s.markArea?.data ?? []).map(([from]) => from!.xAxis as number)[0];

  it('starts after the actual value a projection leaves from', () => {
    // 2240.6 in 2022 is actual; the scenarios start in 2023.
    expect(areaStart(build(trajectory.spec, trajectory.data).option)).toBe(2022.5);
  });

  it('starts after a scenario\'s base-year point, which is no projection', () => {
    const data: ChartDataInput = {
      series: [{ id: 'p', name: '基准', kind: 'projection', unit: '亿元', points: [{ year: 2022, value: 13210.5, base: true }, { year: 2023, value: 14000 }, { year: 2024, value: 15000 }] }],
    };
    expect(areaStart(build({ template: 'target-trajectory', title: 't' }, data).option)).toBe(2022.5);
  });

  it('starts after the base year of a fan, whose bands have no spread there', () => {
    expect(areaStart(build(fan.spec, fan.data).option)).toBe(2022.5);
    const noActual = { ...fan.data, series: fan.data.series.filter((s) => s.kind !== 'actual') };
    expect(areaStart(build(fan.spec, noActual).option)).toBe(2022.5);
  });

  it('covers a projection that starts the axis from its first year', () => {
    const data: ChartDataInput = { series: [{ id: 'p', name: '路径', kind: 'projection', unit: '%', points: [{ year: 2023, value: 46 }, { year: 2024, value: 47 }] }] };
    expect(areaStart(build({ template: 'share-of-gdp', title: 't' }, data).option)).toBe(2023);
  });

  it('lies on the hidden year axis, so it can start between two years', () => {
    const { option } = build(trajectory.spec, trajectory.data);
    const period = seriesOf(option).find((s) => s.markArea)!;
    expect(period.xAxisIndex).toBe(1);
    expect(asArray(option.xAxis as Axis)[1]).toMatchObject({ type: 'value', show: false, min: 2020, max: 2027 });
  });
});

describe('a definition break and a deadline in the same year', () => {
  it('are drawn apart: the break between the two years, the deadline on its year', () => {
    const { option } = build(share.spec, share.data);
    const lines = seriesOf(option).flatMap((s) => (s.markLine?.data ?? []).map((l) => ({ x: l.xAxis, axis: s.xAxisIndex ?? 0, text: call(l.label?.formatter) })));
    expect(lines).toEqual(expect.arrayContaining([{ x: 2021.5, axis: 1, text: '口径变化' }, { x: '2022', axis: 0, text: '2022年期限' }]));
  });
});

describe('legends', () => {
  it('give bands and areas a filled swatch, lines their marker', () => {
    const fanLegend = legend(build(fan.spec, fan.data).option);
    expect(fanLegend.filter((e) => typeof e === 'object')).toEqual([
      { name: '90%区间（P5–P95）', icon: 'roundRect' },
      { name: '50%区间（P25–P75）', icon: 'roundRect' },
    ]);
    expect(fanLegend).toContain('中位数（示意）');
    const areas = legend(build(stacked.spec, stacked.data).option);
    expect(areas).toEqual([{ name: '数字产业化（示意）', icon: 'roundRect' }, { name: '产业数字化（示意）', icon: 'roundRect' }, '合计']);
  });

  it('name no 减少 in a waterfall without a falling step', () => {
    const rising = { bars: { ...issueWaterfall.data.bars! } };
    expect(legend(build(waterfall.spec, rising).option)).toEqual(['增加', '合计']);
    expect(legend(build(waterfall.spec, waterfall.data).option)).toEqual(['增加', '减少', '合计']);
  });

  it('show each progress status in the colour of its bars', () => {
    const { option } = build(progress.spec, progress.data);
    const bars = seriesOf(option).filter((s) => s.type === 'bar' && s.name !== 'track');
    expect(legend(option)).toEqual(['已实现', '进度正常', '进度落后', '目标', '按期应达']);
    for (const s of bars) {
      const colours = new Set((s.data as Array<{ value: number | null }>).flatMap((d, i) => (d.value === null ? [] : [s.itemStyle?.color ?? i])));
      expect(colours).toEqual(new Set([s.color]));
    }
  });
});

describe('signs and brackets', () => {
  const allTexts = (chart: FixtureChart): string[] => {
    const { spec, option } = build(chart.spec, chart.data);
    const legendNames = (option.legend as { data?: Array<string | { name: string }> }).data ?? [];
    return [
      ...writtenValues(spec, option, chart.data),
      ...legendNames.map((e) => (typeof e === 'string' ? e : e.name)),
      ...axesOf(option).flatMap((a) => [a.name ?? '', ...tickLabels(a)]),
      ...seriesOf(option).flatMap((s) => (s.label?.formatter ? (s.data ?? []).map((_, i) => call(s.label!.formatter, { dataIndex: i })) : [])),
    ];
  };

  it.each(fixtureCharts.map((c) => [c.id, c] as const))('%s: a negative number has the minus sign, and a name one pair of brackets', (_id, chart) => {
    const texts = allTexts(chart);
    expect(texts.filter((t) => /(^|[^\d\w])-\d/.test(t))).toEqual([]);
    expect(texts.filter((t) => /）（|\) \(/.test(t))).toEqual([]);
  });

  it('writes a tornado driver set below zero with the minus sign: −2个百分点', () => {
    const bars = { kind: 'tornado' as const, unit: '亿元', base: 8073.6, baseLabel: '', basis: 'illustrative' as const, items: [{ label: '各部分增速统一上调', low: 7797.6, high: 8354.4, lowInput: '-2个百分点', highInput: '2个百分点' }] };
    const { option } = build({ template: 'tornado', title: 't' }, { bars });
    const [low] = seriesOf(option);
    expect(call(low!.label!.formatter, { dataIndex: 0 })).toBe('−2个百分点 → 7797.6亿元');
  });

  it('merges a basis into a name that already ends in brackets: 数字经济增加值（重庆，推算）', () => {
    const data: ChartDataInput = { series: [{ id: 'a', name: '数字经济增加值（重庆）', kind: 'actual', unit: '亿元', basis: 'derived', points: [{ year: 2022, value: 13210.5 }] }] };
    expect(legend(build({ template: 'target-trajectory', title: 't' }, data).option)).toEqual(['数字经济增加值（重庆，推算）']);
  });
});
