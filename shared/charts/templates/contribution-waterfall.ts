// Contribution waterfall: from one total to another through the contributions in between (e.g. 2020
// scale, + 数字产业化, + 产业数字化, = 2022 scale). Deltas stand on an invisible base, which is also how
// the PowerPoint export builds it as a native stacked bar chart.
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { WaterfallBars } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, type Frame } from '../frame';
import { formatBoundedValue, formatSigned } from '../number-format';
import { withAlpha } from '../palette';
import { valueAxis } from '../time-series';

export interface WaterfallLayout {
  /** Invisible base under each bar (null for totals, which stand on zero). */
  base: Array<number | null>;
  increase: Array<number | null>;
  decrease: Array<number | null>;
  total: Array<number | null>;
}

export function requireWaterfall(frame: Frame): WaterfallBars {
  const bars = frame.data.bars;
  if (bars?.kind !== 'waterfall' || !bars.steps.length) {
    throw new ChartBuildError('MISSING_BARS', { template: frame.spec.template, expected: 'waterfall' }, 'A waterfall needs waterfall steps');
  }
  return bars;
}

export function waterfallLayout(bars: WaterfallBars): WaterfallLayout {
  const layout: WaterfallLayout = { base: [], increase: [], decrease: [], total: [] };
  let running = 0;
  for (const step of bars.steps) {
    const from = step.role === 'total' ? 0 : running;
    const to = step.role === 'total' ? step.value : running + step.value;
    if (from < 0 || to < 0) {
      throw new ChartBuildError('WATERFALL_CROSSES_ZERO', { step: step.label }, `The running total goes below zero at "${step.label}"`);
    }
    running = to;
    const isTotal = step.role === 'total';
    layout.base.push(isTotal ? null : Math.min(from, to));
    layout.increase.push(!isTotal && step.value >= 0 ? step.value : null);
    layout.decrease.push(!isTotal && step.value < 0 ? -step.value : null);
    layout.total.push(isTotal ? step.value : null);
  }
  return layout;
}

export function contributionWaterfall(frame: Frame): EChartsOption {
  const { palette, words, metrics: m, style } = frame;
  const bars = requireWaterfall(frame);
  const layout = waterfallLayout(bars);
  const labelOf = (i: number, lines: 'one' | 'fit' = 'one'): string => {
    const step = bars.steps[i]!;
    // A total taken from a bounded figure keeps its sign (≥6000亿元 from "超6000亿元").
    const text = step.role === 'total' ? formatBoundedValue(step.value, bars.unit, step.bound, style) : formatSigned(step.value, bars.unit, style);
    if (!step.projection) return text;
    // A compact chart's bars are narrow: the note goes under the value.
    return m.compact && lines === 'fit' ? `${text}\n${words.note('', words.projected)}` : words.note(text, words.projected);
  };
  const part = (name: string, values: Array<number | null>, color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'waterfall',
    barWidth: '55%',
    color,
    data: values.map((value, i) =>
      bars.steps[i]!.projection && value !== null
        ? { value, itemStyle: { color: withAlpha(color, 0.45), borderColor: color, borderType: 'dashed' as const, borderWidth: 1 } }
        : { value, itemStyle: { color } },
    ),
    label: { show: true, position: 'top', fontSize: m.smallFont, color: palette.text, formatter: (p: { dataIndex: number }) => labelOf(p.dataIndex, 'fit') },
    emphasis: { disabled: true },
  });
  // The legend names only what is drawn: no 减少 without a falling step.
  const drawn = (values: Array<number | null>): boolean => values.some((v) => v !== null);
  return composeOption(frame, {
    legend: [...(drawn(layout.increase) ? [words.increase] : []), ...(drawn(layout.decrease) ? [words.decrease] : []), words.total],
    xAxis: {
      type: 'category',
      data: bars.steps.map((s) => s.label),
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      axisLabel: { color: palette.text, fontSize: m.font, interval: 0, overflow: 'break', width: Math.max(40, (m.width - 4 * m.pad) / bars.steps.length - 6) },
    },
    yAxis: valueAxis(frame, bars.unit, bars.steps.map((_, i) => (layout.base[i] ?? 0) + (layout.increase[i] ?? layout.decrease[i] ?? layout.total[i] ?? 0))),
    series: [
      {
        type: 'bar',
        name: 'base',
        stack: 'waterfall',
        data: layout.base,
        itemStyle: { color: 'transparent', borderColor: 'transparent' },
        silent: true,
        tooltip: { show: false },
      },
      part(words.increase, layout.increase, palette.increase),
      part(words.decrease, layout.decrease, palette.decrease),
      part(words.total, layout.total, palette.total),
    ],
    tooltip: axisTooltip(
      frame,
      (i) => bars.steps[i]?.label ?? '',
      (i) => {
        const step = bars.steps[i];
        if (!step) return [];
        const color = step.role === 'total' ? palette.total : step.value >= 0 ? palette.increase : palette.decrease;
        return [{ name: step.role === 'total' ? words.total : step.value >= 0 ? words.increase : words.decrease, color, value: labelOf(i) }];
      },
      'shadow',
    ),
  });
}
