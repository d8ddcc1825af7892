// Pieces shared by the templates drawn over years: the year axis, value axes with one scale each,
// line series (projections dashed, definition breaks left open), and the marks layer that carries
// target lines, deadline markers and the shaded projection period.
import type { LineSeriesOption, YAXisComponentOption } from 'echarts';
import type { ChartPoint, ChartSeries } from './data';
import { ChartBuildError } from './errors';
import { axisName, estimateTextWidth, measureName, targetMeasure, targetMeasureInFooter, unitDecision, type Frame, type TooltipRow } from './frame';
import { tagMarker } from './marker-layout';
import { boundSign } from '../series/bound';
import { formatBoundedValue, formatTick, formatValue, niceAxis } from './number-format';
import { seriesColor, seriesSymbol } from './palette';

// The measure lookup is the frame's; templates and exports take it from here with the other helpers.
export { measureName } from './frame';

export interface YearAxis {
  years: number[];
  labels: string[];
}

/** Every year from the first to the last the data mentions (within the spec's range), gaps included. */
export function yearAxis(frame: Frame): YearAxis {
  const range = frame.spec.bindings.years;
  const all = [...frame.data.series.flatMap((s) => s.points.map((p) => p.year)), ...frame.data.bands.flatMap((b) => b.points.map((p) => p.year))].filter((y) => !range || (y >= range.from && y <= range.to));
  if (!all.length) throw new ChartBuildError('NO_DATA', { template: frame.spec.template }, 'The chart has no values in its year range');
  const first = Math.min(...all);
  const last = Math.max(...all);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { years, labels: years.map(String) };
}

export function alignToYears(axis: YearAxis, points: ReadonlyArray<{ year: number; value: number | null }>): Array<number | null> {
  const byYear = new Map(points.map((p) => [p.year, p.value]));
  return axis.years.map((y) => byYear.get(y) ?? null);
}

/** The one unit of everything drawn on an axis; a template drawn on one axis refuses a mix. */
export function singleUnit(frame: Frame, all: ReadonlyArray<{ unit: string }>): string {
  const units = [...new Set(all.map((s) => s.unit))];
  if (units.length > 1) {
    throw new ChartBuildError('MIXED_UNITS', { template: frame.spec.template, units }, `Series of one axis have different units: ${units.join(', ')}`);
  }
  return units[0] ?? '';
}

/** The extent of a value axis: zero included, 1-2-5 steps (niceAxis). */
export interface AxisExtent {
  min: number;
  max: number;
  interval: number;
}

/**
 * Extents for a left and a right axis with the same number of steps, so their ticks share the
 * gridlines: the axis with fewer steps is extended at its far end.
 */
export function alignedExtents(left: AxisExtent, right: AxisExtent): [AxisExtent, AxisExtent] {
  const steps = (e: AxisExtent): number => Math.round((e.max - e.min) / e.interval);
  const n = Math.max(steps(left), steps(right));
  const widen = (e: AxisExtent): AxisExtent => (e.max > 0 || e.min === 0 ? { ...e, max: Number((e.min + n * e.interval).toPrecision(12)) } : { ...e, min: Number((e.max - n * e.interval).toPrecision(12)) });
  return [widen(left), widen(right)];
}

export interface ValueAxisLook {
  position?: 'left' | 'right';
  /** The primary axis carries the spec's unit label (axisName). Default: the left axis. */
  primary?: boolean;
  /** A fixed extent (aligned axes); default: niceAxis over the values. */
  extent?: AxisExtent;
}

/**
 * A value axis in the chart's decision for its unit: named by that unit, ticks at 1-2-5 steps written
 * in its scale with the digits the step needs (0.0, 0.5, 1.0).
 */
export function valueAxis(frame: Frame, unit: string, values: ReadonlyArray<number | null>, look: ValueAxisLook = {}): YAXisComponentOption {
  const { palette, metrics: m, style } = frame;
  const position = look.position ?? 'left';
  const decision = unitDecision(frame, unit);
  const extent = look.extent ?? niceAxis(values, frame.axisSteps.y);
  return {
    type: 'value',
    position,
    name: axisName(frame, unit, look.primary ?? position === 'left'),
    nameLocation: 'end',
    nameGap: Math.round(m.font * 0.8),
    nameTextStyle: { color: palette.mutedText, fontSize: m.font, align: position === 'left' ? 'left' : 'right' },
    min: extent.min,
    max: extent.max,
    interval: extent.interval,
    axisLabel: { color: palette.mutedText, fontSize: m.font, formatter: (v: number) => formatTick(v, decision, extent.interval, style) },
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { show: position === 'left', lineStyle: { color: palette.grid } },
  };
}

/**
 * The extent of a value axis carrying target lines: niceAxis over the values, and on a compact chart
 * with a target line at the top of the axis, over half a step above it too. Otherwise that target's
 * label is written under its line, in the band the next target and the end labels of the lines
 * between them need (a report column's 40% and 50% targets are 20 px apart).
 */
export function targetAxisExtent(frame: Frame, values: ReadonlyArray<number | null>, targets: ChartSeries[]): { min: number; max: number; interval: number } {
  const extent = niceAxis(values, frame.axisSteps.y);
  const atTop = targets.some((s) => s.points.some((p) => p.value === extent.max));
  return frame.metrics.compact && atTop ? niceAxis([...values, extent.max + extent.interval / 2], frame.axisSteps.y) : extent;
}

/**
 * Every how many years a compact chart writes a year (0: each), fixed here rather than left to
 * ECharts, so that the layout pass knows whether the last year's label takes room at the plot's edge.
 */
function yearLabelInterval(frame: Frame, axis: YearAxis): number {
  const { metrics: m } = frame;
  const plotWidth = m.width - 2 * m.pad - 8 * m.font;
  const step = plotWidth / Math.max(1, axis.labels.length - 1);
  const label = Math.max(...axis.labels.map((l) => estimateTextWidth(l, m.font))) + m.font;
  return Math.max(0, Math.ceil(label / step) - 1);
}

function yearCategoryAxis(frame: Frame, axis: YearAxis, boundaryGap: boolean) {
  const { palette, metrics: m } = frame;
  return {
    type: 'category' as const,
    data: axis.labels,
    boundaryGap,
    axisLine: { lineStyle: { color: palette.axis } },
    axisTick: { alignWithLabel: true, lineStyle: { color: palette.axis } },
    axisLabel: { color: palette.mutedText, fontSize: m.font, hideOverlap: true, ...(m.compact ? { interval: yearLabelInterval(frame, axis) } : {}) },
  };
}

/**
 * The year axis, and a hidden value axis over the same years on which marks fall between two years:
 * a definition break before 2022 is drawn at 2021.5 (between the last figure on the old measure and
 * the first on the new), and the 预测期 starts half a year before its first projected year. A category
 * axis cannot place anything between two categories.
 */
export function yearAxes(frame: Frame, axis: YearAxis, boundaryGap: boolean) {
  const first = axis.years[0]!;
  const last = axis.years[axis.years.length - 1]!;
  const edge = boundaryGap ? 0.5 : 0;
  return [
    yearCategoryAxis(frame, axis, boundaryGap),
    { type: 'value' as const, show: false, min: first - edge, max: last + edge, axisPointer: { show: false, triggerTooltip: false } },
  ];
}

/** The actual series a projection continues: same region, else same name, else the only actual. */
export function actualFor(projection: ChartSeries, series: ChartSeries[]): ChartSeries | undefined {
  const actuals = series.filter((s) => s.kind === 'actual' && s.unit === projection.unit);
  if (projection.region !== null) return actuals.find((a) => a.region === projection.region);
  return actuals.find((a) => a.name === projection.name) ?? (actuals.length === 1 ? actuals[0] : undefined);
}

/**
 * The last actual point before a projection starts, so the dashed path leaves from the solid one;
 * none when the two are on different measures (a path never joins two measures).
 */
export function joinPoint(actual: ChartSeries | undefined, projection: ChartSeries): ChartPoint | null {
  const projected = projection.points.filter((p) => p.value !== null);
  const firstProjected = Math.min(...projected.map((p) => p.year));
  const before = (actual?.points ?? []).filter((p) => p.value !== null && p.year < firstProjected);
  const join = before.reduce<ChartPoint | null>((best, p) => (!best || p.year > best.year ? p : best), null);
  const measure = projected.find((p) => p.year === firstProjected)?.measure;
  return join && measure !== undefined && join.measure !== undefined && join.measure !== measure ? null : join;
}

/** A point as a label writes it: the value with its unit and bound sign (≥1万亿元). */
export function pointLabel(frame: Frame, point: Pick<ChartPoint, 'value' | 'bound'>, unit: string): string {
  return formatBoundedValue(point.value, unit, point.bound, frame.style);
}

/**
 * A point as a tooltip writes it: its label and, when known, its measure and the indicator holding it
 * (45.4%（信通院广义口径，取自数字经济增加值占GDP比重（重庆））).
 */
export function pointText(frame: Frame, point: Pick<ChartPoint, 'value' | 'bound' | 'measure' | 'via'>, unit: string): string {
  const { words } = frame;
  const notes = [measureName(frame, point.measure), point.via ? words.via(point.via.indicator) : null].filter((n): n is string => n !== null);
  const label = pointLabel(frame, point, unit);
  return notes.length ? words.note(label, words.list(notes)) : label;
}

export interface LineLook {
  color: string;
  symbol: string;
  yAxisIndex?: number;
  /** End label with the last value. */
  endLabel?: boolean;
  /** Fill under the line (stacked components) at this opacity. */
  areaOpacity?: number;
  stack?: string;
}

/**
 * A series' points split at its definition breaks, in year order, with the join point in front of a
 * projection. Each stretch is drawn on its own, so a change of definition is never drawn as growth.
 */
export function stretchesOf(s: ChartSeries, join: ChartPoint | null = null): ChartPoint[][] {
  const points = join && !s.points.some((p) => p.year === join.year) ? [join, ...s.points] : s.points;
  const cuts = [...s.breaksBefore].sort((a, b) => a - b);
  const stretches: ChartPoint[][] = [];
  for (const p of [...points].sort((a, b) => a.year - b.year)) {
    (stretches[cuts.filter((c) => c <= p.year).length] ??= []).push(p);
  }
  return stretches.filter((pts) => pts.length);
}

/** One data series as ECharts line series: one per stretch, all under the same legend name. */
export function lineSeries(frame: Frame, axis: YearAxis, s: ChartSeries, name: string, look: LineLook, join: ChartPoint | null = null): LineSeriesOption[] {
  const projected = s.kind === 'projection';
  const stretches = stretchesOf(s, join);
  const last = stretches.flat().findLast((p) => p.value !== null) ?? { value: null };
  const { metrics: m } = frame;
  // A bounded figure (≥1万亿元) is drawn hollow with its sign above it, so a mid-series bound never
  // reads as an exact point; the point carrying the end label already says it.
  const marked = (pts: ChartPoint[], withEndLabel: boolean) => {
    const bounded = new Map(pts.filter((p) => p.bound && p.bound !== 'exact' && p.value !== null && !(withEndLabel && p === last)).map((p) => [p.year, p.bound!]));
    return alignToYears(axis, pts).map((value, k) => {
      const bound = bounded.get(axis.years[k]!);
      if (!bound || value === null || look.symbol === 'none') return value;
      return {
        value,
        itemStyle: { color: '#ffffff', borderColor: look.color, borderWidth: 2 },
        label: { show: true, position: 'top' as const, formatter: boundSign(bound), color: look.color, fontSize: m.smallFont },
      };
    });
  };
  return stretches.map((pts, i, all) => ({
      type: 'line' as const,
      name,
      data: marked(pts, Boolean(look.endLabel) && i === all.length - 1),
      yAxisIndex: look.yAxisIndex ?? 0,
      stack: look.stack,
      connectNulls: false,
      symbol: look.symbol,
      symbolSize: Math.round(m.font * 0.5),
      showSymbol: true,
      color: look.color,
      lineStyle: { color: look.color, width: projected ? 2 : 2.5, type: projected ? ('dashed' as const) : ('solid' as const) },
      itemStyle: { color: look.color },
      areaStyle: look.areaOpacity === undefined ? undefined : { color: look.color, opacity: look.areaOpacity },
      z: projected ? 3 : 4,
      endLabel:
        look.endLabel && i === all.length - 1
          ? { show: true, formatter: () => pointLabel(frame, last, s.unit), color: look.color, fontSize: m.font, distance: 4 }
          : undefined,
      emphasis: { disabled: true },
    }));
}

/** Room on the right for end labels. */
export function endLabelRoom(frame: Frame, series: ChartSeries[]): number {
  const { metrics: m } = frame;
  return series.reduce((w, s) => {
    const last = s.points.findLast((p) => p.value !== null) ?? { value: null };
    return Math.max(w, estimateTextWidth(pointLabel(frame, last, s.unit), m.font) + 8);
  }, 0);
}

/** A definition break, with the measures (codes) on either side when the data says which. */
export interface BreakMark {
  year: number;
  from?: string;
  to?: string;
}

export interface Marks {
  targets?: ChartSeries[];
  /** The first projected year (firstProjectionYear): the 预测期 is shaded from half a year before it to the end of the axis. */
  projectionFrom?: number | null;
  deadline?: boolean;
  breaks?: BreakMark[];
  yAxisIndex?: number;
  /** Bars (a year is a band): the shading and breaks are placed on the bands' edges. */
  boundaryGap?: boolean;
}

/** A goal's sign as its target states it: ≥1万亿元, >40%, ≈296亿元; an exact "=" goal has none. */
const goalSigns: Record<NonNullable<ChartSeries['comparator']>, string> = { '>=': '≥', '>': '>', '=': '', '≈': '≈', '<=': '≤', '<': '<' };

/**
 * "目标：≥1.0万亿元（2022年）" / "Target: ≥1.0 trillion yuan (2022)": what the target says, its
 * comparator included, in the chart's digits for the unit, without repeating a year the target's name
 * already states; where the values drawn in its unit are on more than one measure (a definition
 * break), with the measure it is judged on: "目标：>40.0%（2022年，信通院广义口径）", which a compact
 * chart's footer says for all its targets instead.
 */
export function targetText(frame: Frame, s: ChartSeries, p: ChartPoint): string {
  const { words } = frame;
  // A compact chart states the measure once in its footer instead (targetMeasureInFooter).
  const measure = targetMeasureInFooter(frame) === null ? targetMeasure(frame, s, p.measure) : null;
  const notes = [...(s.name.includes(String(p.year)) ? [] : [words.byYear(p.year)]), ...(measure ? [measure] : [])];
  const goal = `${s.comparator ? goalSigns[s.comparator] : ''}${formatValue(p.value, s.unit, frame.style)}`;
  const text = `${s.name}${frame.style.locale === 'zh' ? '：' : ': '}${goal}`;
  return notes.length ? words.note(text, words.list(notes)) : text;
}

/**
 * The chart's reference marks. The first series, without a line, carries the target lines and the
 * deadline markers; its data are the target values at their deadlines, so the value axis always reaches
 * the target line. The second, on the hidden value axis of the years (yearAxes), carries what falls
 * between two years: the definition breaks and the shaded 预测期. The labels of deadline and break
 * markers are placed afterwards, on the finished option (placeMarkerLabels in marker-layout.ts).
 */
export function marksSeries(frame: Frame, axis: YearAxis, marks: Marks): LineSeriesOption[] {
  const { palette, words, metrics: m } = frame;
  const targets = (marks.targets ?? []).flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => ({ s, p })));
  const lines: NonNullable<NonNullable<LineSeriesOption['markLine']>['data']> = [];
  for (const { s, p } of targets) {
    const text = targetText(frame, s, p);
    lines.push(
      tagMarker(
        {
          yAxis: p.value!,
          lineStyle: { color: palette.target, width: 1.5, type: 'solid' },
          label: { formatter: () => text, position: 'insideStartTop', color: palette.target, fontSize: m.font },
        },
        'target',
      ),
    );
  }
  if (marks.deadline) {
    for (const year of new Set(targets.map((t) => t.p.year))) {
      if (!axis.years.includes(year)) continue;
      const text = words.deadlineOf(year);
      lines.push(
        tagMarker(
          {
            xAxis: String(year),
            lineStyle: { color: palette.target, width: 1, type: 'dotted' },
            label: { formatter: () => text, position: 'end', color: palette.target, fontSize: m.smallFont },
          },
          'deadline',
        ),
      );
    }
  }
  const reference: LineSeriesOption = {
    type: 'line',
    name: '',
    data: alignToYears(axis, targets.map(({ p }) => p)),
    yAxisIndex: marks.yAxisIndex ?? 0,
    symbol: 'none',
    lineStyle: { width: 0, opacity: 0 },
    silent: true,
    tooltip: { show: false },
    z: 1,
    markLine: lines.length ? { silent: true, symbol: 'none', data: lines } : undefined,
  };
  const period = periodSeries(frame, axis, marks);
  return period ? [reference, period] : [reference];
}

/** The breaks and the 预测期 on the hidden year axis, or null when the chart has neither (or one year only). */
function periodSeries(frame: Frame, axis: YearAxis, marks: Marks): LineSeriesOption | null {
  const { palette, words, metrics: m } = frame;
  if (axis.years.length < 2) return null;
  const first = axis.years[0]!;
  const last = axis.years[axis.years.length - 1]!;
  const edge = marks.boundaryGap ? 0.5 : 0;
  const breaks: NonNullable<NonNullable<LineSeriesOption['markLine']>['data']> = [];
  for (const mark of marks.breaks ?? []) {
    if (mark.year <= first || mark.year > last) continue;
    const from = measureName(frame, mark.from);
    const to = measureName(frame, mark.to);
    const text = from && to ? words.definitionBreakBetween(from, to) : words.definitionBreak;
    breaks.push(
      tagMarker(
        {
          // Between the last year on the old definition and the first on the new one, so it never
          // sits on a deadline or a point of that year.
          xAxis: mark.year - 0.5,
          lineStyle: { color: palette.axis, width: 1, type: [2, 3] },
          // Placed low beside the line by placeMarkerLabels, clear of the deadline and end labels; where
          // the measures' names do not fit, the label is the short 口径变化 (the tooltip names them).
          label: { formatter: () => text, position: 'start', color: palette.mutedText, fontSize: m.smallFont },
        },
        'break',
        text === words.definitionBreak ? undefined : words.definitionBreak,
      ),
    );
  }
  const areas: NonNullable<NonNullable<LineSeriesOption['markArea']>['data']> = [];
  const from = marks.projectionFrom;
  if (from !== null && from !== undefined && from >= first && from <= last) {
    areas.push([
      {
        xAxis: Math.max(first - edge, from - 0.5),
        itemStyle: { color: palette.projectionShade },
        label: { show: true, formatter: () => words.projectionPeriod, position: 'insideTop', color: palette.mutedText, fontSize: m.smallFont },
      },
      { xAxis: last + edge },
    ]);
  }
  if (!breaks.length && !areas.length) return null;
  return {
    type: 'line',
    name: '',
    data: [],
    xAxisIndex: 1,
    yAxisIndex: marks.yAxisIndex ?? 0,
    symbol: 'none',
    silent: true,
    tooltip: { show: false },
    z: 1,
    markLine: breaks.length ? { silent: true, symbol: 'none', data: breaks } : undefined,
    markArea: areas.length ? { silent: true, data: areas } : undefined,
  };
}

/** Rows of an axis tooltip: each series' value in the year under the pointer. */
export function yearRows(
  frame: Frame,
  axis: YearAxis,
  entries: ReadonlyArray<{ name: string; color: string; series: ChartSeries }>,
): (index: number) => TooltipRow[] {
  return (index) => {
    const year = axis.years[index];
    return entries.flatMap(({ name, color, series }) => {
      const point = series.points.find((p) => p.year === year && p.value !== null);
      return point ? [{ name, color, value: pointText(frame, point, series.unit) }] : [];
    });
  };
}

/**
 * The first projected year: the earliest year a projection (or band) has a value in that is not known
 * already. A scenario's base-year point (`base`, the figure it starts from) and the actual point a
 * projection is joined to are known values, so the 预测期 never covers them.
 */
export function firstProjectionYear(series: ChartSeries[], joins: Array<ChartPoint | null>, projectedYears: number[] = []): number | null {
  const known = new Set([
    ...joins.flatMap((j) => (j ? [j.year] : [])),
    ...series.filter((s) => s.kind === 'projection').flatMap((s) => s.points.filter((p) => p.base && p.value !== null).map((p) => p.year)),
  ]);
  const years = [
    ...series.filter((s) => s.kind === 'projection').flatMap((s) => s.points.filter((p) => p.value !== null && !p.base).map((p) => p.year)),
    ...projectedYears,
  ].filter((y) => !known.has(y));
  return years.length ? Math.min(...years) : null;
}

/** Color and marker of the i-th drawn series. */
export function lookAt(frame: Frame, index: number): { color: string; symbol: string } {
  return { color: seriesColor(frame.palette, index), symbol: seriesSymbol(frame.palette, index) };
}
