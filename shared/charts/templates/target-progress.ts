// Target progress: one bullet bar per plan target, the latest value as a share of the target, a
// marker where a straight path from the baseline would be by now, and "no data" where nothing has
// been reported (the 100/500/5000 enterprise targets had no reported outcome).
import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import { comparatorSign, meets, type ProgressItem } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, estimateTextWidth, valueStyle, type Frame, type TooltipRow } from '../frame';
import { formatBoundedValue, formatTick, formatValue, niceAxis } from '../number-format';
import type { Palette } from '../palette';
import { measureName } from '../time-series';

export interface Progress {
  /** Latest value as % of the target, or null with no data. */
  percent: number | null;
  /** Where a straight path from the baseline to the target would be in the latest value's year, as %. */
  onSchedule: number | null;
  status: 'met' | 'on-track' | 'at-risk' | 'missed' | 'behind' | 'unknown' | 'no-data';
}

/**
 * The monitor's status and path where the data carries them (a chart of the workspace's targets says
 * what the Targets page says); else judged here. A bounded latest value is the inequality it states
 * (DOMAIN.md): ≥1万亿元 meets 1万亿元, and a lower bound short of the schedule says neither on track
 * nor behind.
 */
export function progressOf(item: ProgressItem): Progress {
  if (item.actual === null || item.target === 0) return { percent: null, onSchedule: null, status: 'no-data' };
  const percent = (item.actual / item.target) * 100;
  if (item.status) {
    const onSchedule = item.pathValue === null || item.pathValue === undefined ? null : (item.pathValue / item.target) * 100;
    return { percent, onSchedule, status: item.status };
  }
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
  if (status === 'behind' || status === 'at-risk') return palette.behind;
  if (status === 'missed') return palette.target;
  return palette.onTrack;
}

/** The statuses a bar can show, each one series so that its legend swatch has the bars' colour. */
const statuses = ['met', 'on-track', 'at-risk', 'missed', 'behind', 'unknown'] as const;

function statusName(frame: Frame, status: (typeof statuses)[number]): string {
  const { words } = frame;
  return { met: words.met, 'on-track': words.onTrack, 'at-risk': words.atRisk, missed: words.missed, behind: words.behind, unknown: words.notJudged }[status];
}

export function targetProgress(frame: Frame): EChartsOption {
  const { data, palette, words, metrics: m, style } = frame;
  const items = data.progress;
  if (!items.length) throw new ChartBuildError('MISSING_PROGRESS', { template: 'target-progress' }, 'No targets to show progress for');
  const progress = items.map(progressOf);
  // Percent of target is its own quantity, in whole percent, outside the chart's unit decisions.
  const percentStyle = { locale: style.locale, numberFormat: style.numberFormat, decimals: 0 };
  // A row states the latest value (its year, and on a page its measure) and the target, as the monitor does.
  const labelOf = (i: number): string => {
    const item = items[i]!;
    // Each value in its own digits and scale, as the Targets page writes it: 4000亿元 beside 2240.6亿元.
    const targetValue = `${item.comparator && item.comparator !== '=' ? comparatorSign(item.comparator) : ''}${formatValue(item.target, item.unit, valueStyle(style, item.unit, item.target))}`;
    const target = `${words.target} ${m.compact ? targetValue : words.note(targetValue, words.byYear(item.deadline))}`;
    const p = progress[i]!;
    if (p.percent === null) return `${words.noData} / ${target}`;
    const value = formatBoundedValue(item.actual, item.unit, item.bound, valueStyle(style, item.unit, item.actual));
    const measure = m.compact ? null : measureName(frame, item.measure);
    const notes = [...(item.actualYear !== null ? [words.byYear(item.actualYear)] : []), ...(measure ? [measure] : [])];
    const latest = notes.length ? words.note(value, words.list(notes)) : value;
    // A lower bound at or past its target says the target is met, not how far past it: "超过1万亿元"
    // is no 100% of anything.
    if (item.bound === 'lower' && p.status === 'met') return `${words.note(latest, words.met)} / ${target}`;
    // The share of the target is the bar's length on the axis below: the row's room goes to the measure.
    return `${latest} / ${target}`;
  };
  // The axis runs to the first 1-2-5 tick at or past the longest bar (at least 100%): every gridline
  // carries its label, and the bar-end labels are written in the room right of the plot.
  const extent = niceAxis([100, ...progress.map((p) => p.percent ?? 0)], frame.axisSteps.x);
  const names = items.map((it) => displayName(frame, it.label, it.basis));
  const labelRoom = m.compact ? 0 : Math.max(...items.map((_, i) => estimateTextWidth(labelOf(i), m.smallFont))) + 8;
  // The 100% line is named in the legend: a label at its top end ran into the legend above the plot.
  const marker = { xAxis: 100, lineStyle: { color: palette.target, type: 'solid' as const, width: 1.5 }, label: { show: false } };
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
  // A compact chart marks the target on each bar: a line across the rows would cross their text.
  const targetTicks: ScatterSeriesOption = { ...schedule, name: words.target, data: progress.map((_, i) => [100, i]), color: palette.target, itemStyle: { color: palette.target }, z: 3 };
  // On a page the target is the line at 100%: its legend entry is a tick of the line's colour.
  const targetKey: ScatterSeriesOption = { ...targetTicks, data: [], symbolSize: [2, Math.round(m.font * 1.1)] };
  const series = m.compact
    ? [...compactRows(frame, progress, names, labelOf, extent.max), targetTicks, schedule]
    : [...besideRows(frame, progress, labelOf, marker), targetKey, schedule];
  const shown = statuses.filter((status) => progress.some((p) => p.status === status));
  const option = composeOption(frame, {
    legend: [...shown.map((status) => statusName(frame, status)), words.target, ...(schedule.data?.length ? [words.onSchedule] : [])],
    xAxis: {
      type: 'value',
      // A compact chart writes each row's value and target on the row: the axis would take the room
      // its eight rows need.
      show: !m.compact,
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
      axisLine: { show: !m.compact, lineStyle: { color: palette.axis } },
      axisTick: { show: false },
      // Every target is named: none is dropped where the rows are close.
      axisLabel: { show: !m.compact, color: palette.text, fontSize: m.font, interval: 0 },
    },
    series,
    tooltip: axisTooltip(
      frame,
      (i) => items[i]?.label ?? '',
      (i) => {
        const p = progress[i];
        if (!p) return [];
        const item = items[i]!;
        const notes = [m.compact ? measureName(frame, item.measure) : null, item.via ? words.via(item.via.indicator) : null].filter((n): n is string => n !== null);
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
  if (m.compact) fitRows(frame, option, items.length, [targetTicks, schedule]);
  return option;
}

type Marker = NonNullable<NonNullable<BarSeriesOption['markLine']>['data']>[number];

/** The status bars, one series per status shown, so that each legend swatch has its bars' colour. */
function statusBars(frame: Frame, progress: Progress[], label: (i: number) => BarSeriesOption['label'] | undefined, look: BarSeriesOption): BarSeriesOption[] {
  const { palette } = frame;
  return statuses
    .filter((status) => progress.some((p) => p.status === status))
    .map((status) => ({
      ...look,
      type: 'bar' as const,
      name: statusName(frame, status),
      data: progress.map((p, i) => (p.status === status ? { value: p.percent ?? 0, label: label(i) } : { value: null })),
      color: statusColor(palette, status),
      itemStyle: { color: statusColor(palette, status) },
      label: { fontSize: frame.metrics.smallFont, color: palette.text },
      z: 2,
      emphasis: { disabled: true },
    }));
}

/**
 * Rows as on a page: the name on the category axis, a light track to 100% behind the bar, and the
 * value and target written after the longer of the two.
 */
function besideRows(frame: Frame, progress: Progress[], labelOf: (i: number) => string, marker: Marker): BarSeriesOption[] {
  const { palette, metrics: m } = frame;
  const longer = (i: number): 'track' | 'bar' => ((progress[i]!.percent ?? 0) > 100 ? 'bar' : 'track');
  const labelFor = (i: number, which: 'track' | 'bar') => ({ show: longer(i) === which, position: 'right' as const, formatter: () => labelOf(i) });
  const track: BarSeriesOption = {
    type: 'bar',
    name: 'track',
    data: progress.map((_, i) => ({ value: 100, label: labelFor(i, 'track') })),
    barWidth: '56%',
    barGap: '-100%',
    itemStyle: { color: palette.track },
    label: { fontSize: m.smallFont, color: palette.text },
    silent: true,
    z: 1,
    markLine: { silent: true, symbol: 'none', data: [marker] },
  };
  return [track, ...statusBars(frame, progress, (i) => labelFor(i, 'bar'), { barWidth: '56%', barGap: '-100%' })];
}

/**
 * Rows of a compact chart, each a line of text over a thin bar: the target's whole name on the left
 * and its value and target on the right, above the bar with the rest of its track to 100% (no-data
 * rows are all track). Names written beside or inside the bars had to be cut to a few characters.
 */
function compactRows(frame: Frame, progress: Progress[], names: string[], labelOf: (i: number) => string, max: number): BarSeriesOption[] {
  const { palette, metrics: m } = frame;
  // The text line is a bar across the plot (transparent) carrying the name at its left end, and one of
  // no length at its right end carrying the value; the bar below stacks the status and the track.
  const text = { type: 'bar' as const, stack: 'text', silent: true, tooltip: { show: false }, itemStyle: { color: 'rgba(0,0,0,0)' }, emphasis: { disabled: true }, z: 4 };
  const nameLine: BarSeriesOption = {
    ...text,
    name: 'names',
    data: progress.map(() => max),
    label: { show: true, position: 'insideLeft', distance: 0, fontSize: m.font, color: palette.text, formatter: (p: { dataIndex: number }) => names[p.dataIndex] ?? '' },
  };
  const valueLine: BarSeriesOption = {
    ...text,
    name: 'values',
    data: progress.map(() => 0),
    label: { show: true, position: 'left', distance: 0, fontSize: m.smallFont, color: palette.mutedText, formatter: (p: { dataIndex: number }) => labelOf(p.dataIndex) },
  };
  const rest: BarSeriesOption = {
    type: 'bar',
    name: 'track',
    stack: 'bar',
    data: progress.map((p) => Math.max(0, 100 - (p.percent ?? 0))),
    itemStyle: { color: palette.track },
    silent: true,
    z: 1,
  };
  return [nameLine, valueLine, ...statusBars(frame, progress, () => undefined, { stack: 'bar' }), rest];
}

/**
 * The compact rows' heights, once the frame has given the plot its height: a text line of the body
 * size and a bar of what is left of the row, at most one em, the two together centred in the row.
 */
function fitRows(frame: Frame, option: EChartsOption, rows: number, marks: ScatterSeriesOption[]): void {
  const { metrics: m } = frame;
  const grid = option.grid as { top: number; bottom: number };
  const row = (m.height - grid.top - grid.bottom) / rows;
  const line = m.font + 2;
  const bar = Math.max(3, Math.min(m.font, Math.floor(row - line - 3)));
  for (const s of option.series as BarSeriesOption[]) {
    if (s.type === 'bar') Object.assign(s, { barWidth: s.stack === 'text' ? line : bar, barGap: '0%' });
  }
  // The target and schedule marks sit on the bar, below the row's centre.
  for (const mark of marks) Object.assign(mark, { symbolSize: [2, bar + 2], symbolOffset: [0, line / 2] });
}
