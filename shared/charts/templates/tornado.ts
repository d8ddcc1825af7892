// Tornado: how far the result moves when each driver goes to its low and high setting, widest swing
// on top. Bars are drawn as swings from the base result; ticks and labels show the results themselves.
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { TornadoBars } from '../data';
import { ChartBuildError } from '../errors';
import { axisName, axisTooltip, balancedText, composeOption, estimateTextWidth, unitDecision, wrapText, type Frame } from '../frame';
import { formatBoundedValue, formatTick, nextStep, niceStep, withMinusSign } from '../number-format';
import { seriesColor, withAlpha } from '../palette';
import type { SpecFor } from '../spec';

export function tornadoItems(bars: TornadoBars, sort: 'range' | 'given'): TornadoBars['items'] {
  if (sort === 'given') return bars.items;
  return [...bars.items].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
}

function resultExtent(bars: TornadoBars): { min: number; max: number } {
  const all = [bars.base, ...bars.items.flatMap((i) => [i.low, i.high])];
  return { min: Math.min(...all), max: Math.max(...all) };
}

function requireTornado(frame: Frame): TornadoBars {
  const bars = frame.data.bars;
  if (bars?.kind !== 'tornado' || !bars.items.length) {
    throw new ChartBuildError('MISSING_BARS', { template: frame.spec.template, expected: 'tornado' }, 'A tornado chart needs tornado bars');
  }
  return bars;
}

export function tornado(frame: Frame, spec: SpecFor<'tornado'>): EChartsOption {
  const { palette, words, metrics: m, style } = frame;
  const bars = requireTornado(frame);
  const items = tornadoItems(bars, spec.options.sort);
  const scale = unitDecision(frame, bars.unit);
  // A driver's setting as the data writes it, a negative one with the minus sign (−2个百分点); on a
  // compact chart the result goes on a second line, so the label takes half the width.
  const resultText = (value: number, input: string): string =>
    input ? `${withMinusSign(input)}${m.compact ? '\n' : ' '}→ ${formatBoundedValue(value, bars.unit, bars.bound, style)}` : formatBoundedValue(value, bars.unit, bars.bound, style);
  const widthOf = (text: string, font: number): number => Math.max(...text.split('\n').map((line) => estimateTextWidth(line, font)));

  const side = (key: 'low' | 'high', name: string, color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'swing',
    barWidth: '55%',
    color,
    itemStyle: bars.projection ? { color: withAlpha(color, 0.75), borderColor: color, borderType: 'dashed', borderWidth: 1 } : { color },
    data: items.map((item) => {
      const delta = item[key] - bars.base;
      return { value: delta, label: { position: delta < 0 ? ('left' as const) : ('right' as const) } };
    }),
    label: {
      show: true,
      fontSize: m.smallFont,
      color: palette.text,
      formatter: (p: { dataIndex: number }) => {
        const item = items[p.dataIndex]!;
        return resultText(item[key], key === 'low' ? item.lowInput : item.highInput);
      },
    },
    emphasis: { disabled: true },
  });

  // Bar-end labels sit outside the bars: widen the axis so the longest fits inside the plot, and put
  // ticks on round results (the bars are swings from the base, the axis reads in results).
  const labelRoom = Math.max(...items.flatMap((i) => [resultText(i.low, i.lowInput), resultText(i.high, i.highInput)].map((t) => widthOf(t, m.smallFont)))) + 6;
  // A compact chart breaks a long driver name into lines a quarter of the width wide.
  const categoryWidth = Math.min(Math.max(...items.map((i) => estimateTextWidth(i.label, m.font))), m.compact ? Math.round(m.width / 4) : Infinity);
  const categoryRoom = categoryWidth + m.font;
  const share = Math.min(m.compact ? 0.45 : 0.4, labelRoom / Math.max(1, m.width - 3 * m.pad - categoryRoom));
  const extent = resultExtent(bars);
  const span = extent.max - extent.min || Math.abs(bars.base) * 0.1 || 1;
  const room = (span * share) / (1 - 2 * share);
  let step = niceStep((span + 2 * room) / 5);
  while (Math.ceil((extent.max + room) / step) - Math.floor((extent.min - room) / step) > Math.max(1, frame.axisSteps.x)) step = nextStep(step);
  const axisMin = Math.floor((extent.min - room) / step) * step;
  const axisMax = Math.ceil((extent.max + room) / step) * step;
  const what = bars.baseLabel || (bars.projection ? words.note(words.base, words.projected) : words.base);
  const name = wrapText(words.note(what, axisName(frame, bars.unit)), m.font, m.width - 2 * m.pad - categoryRoom);
  const baseText = `${words.base} ${formatBoundedValue(bars.base, bars.unit, bars.bound, style)}`;
  return composeOption(frame, {
    legend: [words.lowSetting, words.highSetting],
    xAxis: {
      type: 'value',
      name,
      nameLocation: 'middle',
      nameGap: Math.round(m.font * 1.8),
      nameTextStyle: { color: palette.mutedText, fontSize: m.font },
      min: axisMin - bars.base,
      max: axisMax - bars.base,
      interval: step,
      axisLabel: { color: palette.mutedText, fontSize: m.font, formatter: (v: number) => formatTick(bars.base + v, scale, step, style) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      // Broken into even lines here (各部分增速 / 统一上调, not 各部分增速统一上 / 调); ECharts breaks what is left.
      axisLabel: { color: palette.text, fontSize: m.font, interval: 0, width: categoryWidth, overflow: 'break', formatter: (name: string) => balancedText(name, m.font, categoryWidth) },
    },
    series: [
      {
        ...side('low', words.lowSetting, seriesColor(palette, 1)),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ xAxis: 0, lineStyle: { color: palette.text, type: 'solid', width: 1.5 }, label: { formatter: () => baseText, position: 'start', color: palette.text, fontSize: m.smallFont } }],
        },
      },
      side('high', words.highSetting, seriesColor(palette, 0)),
    ],
    tooltip: axisTooltip(
      frame,
      (i) => items[i]?.label ?? '',
      (i) => {
        const item = items[i];
        if (!item) return [];
        return [
          { name: words.lowSetting, color: seriesColor(palette, 1), value: resultText(item.low, item.lowInput) },
          { name: words.highSetting, color: seriesColor(palette, 0), value: resultText(item.high, item.highInput) },
        ];
      },
      'shadow',
    ),
  });
}
