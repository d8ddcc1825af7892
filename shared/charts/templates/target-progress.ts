// Target progress: one bullet bar per plan target, the latest value as a share of the target, a
// marker where a straight path from the baseline would be by now, and "no data" where nothing has
// been reported (the 100/500/5000 enterprise targets had no reported outcome).
import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import { meets, type ProgressItem } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, estimateTextWidth, type Frame, type TooltipRow } from '../frame';
import { formatBoundedValue, formatValue } from '../number-format';
import type { Palette } from '../palette';
import { measureName } from '../time-series';

export interface Progress {
  /** Latest value as % of the target, or null with no data. */
  percent: number | null;
  /** Where a straight path from the baseline to the target would be in the latest value's year, as %. */
  onSchedule: number | null;
  status: 'met' | 'on-track' | 'behind' | 'unknown' | 'no-data';
}

/**
 * A bounded latest value is the inequality it states (DOMAIN.md): ≥1万亿元 meets 1万亿元, and a lower
 * bound short of the schedule says neither on track nor behind.
 */
export function progressOf(item: ProgressItem): Progress {
  if (item.actual === null || item.target === 0) return { percent: null, onSchedule: null, status: 'no-data' };
  const percent = (item.actual / item.target) * 100;
  const b = item.baseline;
  let onSchedule: number | null = null;
  if (b && item.actualYear !== null && item.deadline > b.year) {
    const elapsed = Math.min(1, Math.max(0, (item.actualYear - b.year) / (item.deadline - b.year)));
    onSchedule = ((b.value + (item.target - b.value) * elapsed) / item.target) * 100;
  }
  const bound = item.bound ?? 'exact';
  if (meets('>=', percent, bound, 100) === 'yes') return { percent, onSchedule, status: 'met' };
  const onTrack = onSchedule === null ? 'unknown' : meets('>=', percent, bound, onSchedule);
  return { percent, onSchedule, status: onTrack === 'yes' ? 'on-track' : onTrack === 'no' ? 'behind' : 'unknown' };
}

function statusColor(palette: Palette, status: Progress['status']): string {
  if (status === 'met') return palette.met;
  if (status === 'behind') return palette.behind;
  return palette.onTrack;
}

export function targetProgress(frame: Frame): EChartsOption {
  const { data, palette, words, metrics: m, style } = frame;
  const items = data.progress;
  if (!items.length) throw new ChartBuildError('MISSING_PROGRESS', { template: 'target-progress' }, 'No targets to show progress for');
  const progress = items.map(progressOf);
  const percentStyle = { ...style, decimals: 0 };
  const labelOf = (i: number): string => {
    const item = items[i]!;
    const target = `${words.target} ${formatValue(item.target, item.unit, style)}（${words.byYear(item.deadline)}）`;
    const p = progress[i]!;
    if (p.percent === null) return `${words.noData} / ${target}`;
    const latest = `${formatBoundedValue(item.actual, item.unit, item.bound, style)}${item.actualYear !== null ? `（${words.byYear(item.actualYear)}）` : ''}`;
    return `${latest} = ${formatBoundedValue(p.percent, '%', item.bound, percentStyle)} / ${target}`;
  };
  const longer = (i: number): 'track' | 'bar' => ((progress[i]!.percent ?? 0) > 100 ? 'bar' : 'track');
  const labelFor = (i: number, which: 'track' | 'bar') => ({ show: longer(i) === which, position: 'right' as const, formatter: () => labelOf(i) });

  const track: BarSeriesOption = {
    type: 'bar',
    name: 'track',
    data: items.map((_, i) => ({ value: 100, label: labelFor(i, 'track') })),
    barWidth: '56%',
    barGap: '-100%',
    itemStyle: { color: palette.track },
    label: { fontSize: m.smallFont, color: palette.text },
    silent: true,
    z: 1,
    markLine: {
      silent: true,
      symbol: 'none',
      data: [{ xAxis: 100, lineStyle: { color: palette.target, type: 'solid', width: 1.5 }, label: { formatter: () => words.target, position: 'start', color: palette.target, fontSize: m.smallFont } }],
    },
  };
  const bar: BarSeriesOption = {
    type: 'bar',
    name: words.progress,
    data: progress.map((p, i) => ({ value: p.percent ?? 0, itemStyle: { color: statusColor(palette, p.status) }, label: labelFor(i, 'bar') })),
    barWidth: '56%',
    barGap: '-100%',
    color: palette.onTrack,
    label: { fontSize: m.smallFont, color: palette.text },
    z: 2,
    emphasis: { disabled: true },
  };
  const schedule: ScatterSeriesOption = {
    type: 'scatter',
    name: words.onSchedule,
    data: progress.flatMap((p, i) => (p.onSchedule === null ? [] : [[p.onSchedule, i]])),
    symbol: 'rect',
    symbolSize: [3, Math.round(m.font * 1.6)],
    color: palette.text,
    itemStyle: { color: palette.text },
    z: 3,
  };

  const labelRoom = Math.max(...items.map((_, i) => estimateTextWidth(labelOf(i), m.smallFont))) + 8;
  const categoryRoom = Math.max(...items.map((it) => estimateTextWidth(it.label, m.font))) + m.font;
  const share = Math.min(0.6, labelRoom / Math.max(1, m.width - 3 * m.pad - categoryRoom));
  return composeOption(frame, {
    legend: [words.progress, ...(schedule.data?.length ? [words.onSchedule] : [])],
    xAxis: {
      type: 'value',
      min: 0,
      // Room for the labels after the longest bar.
      max: (e: { max: number }) => Math.max(e.max, 100) / (1 - share),
      name: words.percentOfTarget,
      nameLocation: 'middle',
      nameGap: Math.round(m.font * 1.8),
      nameTextStyle: { color: palette.mutedText, fontSize: m.font },
      axisLabel: { color: palette.mutedText, fontSize: m.font, showMaxLabel: false, formatter: (v: number) => (v > Math.max(100, ...progress.map((p) => p.percent ?? 0)) ? '' : String(Math.round(v))) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((it) => displayName(frame, it.label, it.basis)),
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      axisLabel: { color: palette.text, fontSize: m.font },
    },
    series: [track, bar, schedule],
    tooltip: axisTooltip(
      frame,
      (i) => items[i]?.label ?? '',
      (i) => {
        const p = progress[i];
        if (!p) return [];
        const item = items[i]!;
        const notes = [measureName(frame, item.measure), item.via ? words.via(item.via.indicator) : null].filter((n): n is string => n !== null);
        const rows: TooltipRow[] = [{ name: words.progress, color: statusColor(palette, p.status), value: `${labelOf(i)}${notes.length ? words.paren(words.list(notes)) : ''}` }];
        if (p.onSchedule !== null) rows.push({ name: words.onSchedule, color: palette.text, value: formatValue(p.onSchedule, '%', percentStyle) });
        return rows;
      },
      'shadow',
    ),
  });
}
