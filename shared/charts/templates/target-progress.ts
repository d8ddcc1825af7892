// Target progress: one bullet bar per plan target, the latest value as a share of the target, a
// marker where a straight path from the baseline would be by now, and "no data" where nothing has
// been reported (the 100/500/5000 enterprise targets had no reported outcome).
import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import { meets, type ProgressItem } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, estimateTextWidth, progressStyle, type Frame, type TooltipRow } from '../frame';
import { formatBoundedValue, formatTick, formatValue, niceAxis } from '../number-format';
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

/** The statuses a bar can show, each one series so that its legend swatch has the bars' colour. */
const statuses = ['met', 'on-track', 'behind', 'unknown'] as const;

function statusName(frame: Frame, status: (typeof statuses)[number]): string {
  const { words } = frame;
  return { met: words.met, 'on-track': words.onTrack, behind: words.behind, unknown: words.notJudged }[status];
}

export function targetProgress(frame: Frame): EChartsOption {
  const { data, palette, words, metrics: m, style } = frame;
  const items = data.progress;
  if (!items.length) throw new ChartBuildError('MISSING_PROGRESS', { template: 'target-progress' }, 'No targets to show progress for');
  const progress = items.map(progressOf);
  // Percent of target is its own quantity, in whole percent, outside the chart's unit decisions.
  const percentStyle = { locale: style.locale, numberFormat: style.numberFormat, decimals: 0 };
  // A compact chart keeps the latest value (and its year) and the target, not the share the bar shows.
  const labelOf = (i: number): string => {
    const item = items[i]!;
    const row = progressStyle(style, item);
    const targetValue = formatValue(item.target, item.unit, row);
    const target = `${words.target} ${m.compact ? targetValue : words.note(targetValue, words.byYear(item.deadline))}`;
    const p = progress[i]!;
    if (p.percent === null) return `${words.noData} / ${target}`;
    const value = formatBoundedValue(item.actual, item.unit, item.bound, row);
    const latest = item.actualYear !== null ? words.note(value, words.byYear(item.actualYear)) : value;
    // A lower bound at or past its target says the target is met, not how far past it: "超过1万亿元"
    // is no 100% of anything.
    if (item.bound === 'lower' && p.status === 'met') return `${words.note(latest, words.met)} / ${target}`;
    return m.compact ? `${latest} / ${target}` : `${latest} = ${formatBoundedValue(p.percent, '%', item.bound, percentStyle)} / ${target}`;
  };
  const longer = (i: number): 'track' | 'bar' => ((progress[i]!.percent ?? 0) > 100 ? 'bar' : 'track');
  const labelFor = (i: number, which: 'track' | 'bar') => ({ show: longer(i) === which, position: 'right' as const, formatter: () => labelOf(i) });

  // The axis runs to the first 1-2-5 tick at or past the longest bar (at least 100%): every gridline
  // carries its label, and the bar-end labels are written in the room right of the plot.
  const extent = niceAxis([100, ...progress.map((p) => p.percent ?? 0)], frame.axisSteps.x);
  // A compact chart writes each target's name inside its bar, over a light halo, rather than beside it.
  const barWidth = m.compact ? '80%' : '56%';
  const names = items.map((it) => displayName(frame, it.label, it.basis));
  const labelRoom = Math.max(...items.map((_, i) => estimateTextWidth(labelOf(i), m.smallFont))) + 8;
  const nameRow: BarSeriesOption = {
    type: 'bar',
    name: 'names',
    data: items.map(() => 0),
    barWidth,
    barGap: '-100%',
    silent: true,
    tooltip: { show: false },
    label: {
      show: true,
      position: 'insideLeft',
      distance: 3,
      fontSize: m.font,
      color: palette.text,
      textBorderColor: '#ffffff',
      textBorderWidth: 2,
      // A name longer than the plot is cut with an ellipsis; the tooltip and the data file give it whole.
      width: Math.max(m.font * 4, ((m.width - 2 * m.pad - labelRoom) * 100) / extent.max - 2 * m.font),
      overflow: 'truncate',
      ellipsis: '…',
      formatter: (p: { dataIndex: number }) => names[p.dataIndex] ?? '',
    },
    z: 4,
  };
  const track: BarSeriesOption = {
    type: 'bar',
    name: 'track',
    data: items.map((_, i) => ({ value: 100, label: labelFor(i, 'track') })),
    barWidth,
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
  const shown = statuses.filter((status) => progress.some((p) => p.status === status));
  const bars: BarSeriesOption[] = shown.map((status) => ({
    type: 'bar',
    name: statusName(frame, status),
    data: progress.map((p, i) => (p.status === status ? { value: p.percent ?? 0, label: labelFor(i, 'bar') } : { value: null })),
    barWidth,
    barGap: '-100%',
    color: statusColor(palette, status),
    itemStyle: { color: statusColor(palette, status) },
    label: { fontSize: m.smallFont, color: palette.text },
    z: 2,
    emphasis: { disabled: true },
  }));
  const schedule: ScatterSeriesOption = {
    type: 'scatter',
    name: words.onSchedule,
    data: progress.flatMap((p, i) => (p.onSchedule === null ? [] : [[p.onSchedule, i]])),
    symbol: 'rect',
    symbolSize: [3, Math.round(m.font * (m.compact ? 1.1 : 1.6))],
    color: palette.text,
    itemStyle: { color: palette.text },
    z: 3,
  };

  const option = composeOption(frame, {
    legend: [...shown.map((status) => statusName(frame, status)), ...(schedule.data?.length ? [words.onSchedule] : [])],
    xAxis: {
      type: 'value',
      min: extent.min,
      max: extent.max,
      interval: extent.interval,
      name: words.percentOfTarget,
      nameLocation: 'middle',
      nameGap: Math.round(m.font * 1.8),
      nameTextStyle: { color: palette.mutedText, fontSize: m.font },
      axisLabel: { color: palette.mutedText, fontSize: m.font, formatter: (v: number) => formatTick(v, { divisor: 1, unit: '%' }, extent.interval, percentStyle) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLine: { lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      // Every target is named: none is dropped where the rows are close.
      axisLabel: { show: !m.compact, color: palette.text, fontSize: m.font, interval: 0 },
    },
    series: [...(m.compact ? [nameRow] : []), track, ...bars, schedule],
    tooltip: axisTooltip(
      frame,
      (i) => items[i]?.label ?? '',
      (i) => {
        const p = progress[i];
        if (!p) return [];
        const item = items[i]!;
        const notes = [measureName(frame, item.measure), item.via ? words.via(item.via.indicator) : null].filter((n): n is string => n !== null);
        const name = p.status === 'no-data' ? words.progress : statusName(frame, p.status);
        const rows: TooltipRow[] = [{ name, color: statusColor(palette, p.status), value: notes.length ? words.note(labelOf(i), words.list(notes)) : labelOf(i) }];
        if (p.onSchedule !== null) rows.push({ name: words.onSchedule, color: palette.text, value: formatValue(p.onSchedule, '%', percentStyle) });
        return rows;
      },
      'shadow',
    ),
  });
  // Bar-end labels extend past the plot's last tick: the grid leaves them room on the right.
  option.grid = { ...(option.grid as object), right: m.pad + labelRoom };
  return option;
}
