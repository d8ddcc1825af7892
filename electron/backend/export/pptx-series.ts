// A chart's data as native series: the names that say what the image's legend, markers and labels
// say (bounds, measures, the axis a series reads on), the stretches between definition breaks, the
// targets as flat labelled series, the year categories and the marks drawn over the plot.
import type PptxGenJS from 'pptxgenjs';
import type { ChartBand, ChartPoint, ChartSeries } from '../../../shared/charts/data';
import { boundNote, withNotes } from '../../../shared/charts/bound-note';
import { axisName, displayName, unitDecision, type Frame } from '../../../shared/charts/frame';
import type { UnitScale } from '../../../shared/charts/number-format';
import { seriesColor, seriesSymbol } from '../../../shared/charts/palette';
import {
  actualFor,
  alignToYears,
  joinPoint,
  measureName,
  pointLabel,
  stretchesOf,
  targetAxisExtent,
  targetText,
  type BreakMark,
  type YearAxis,
} from '../../../shared/charts/time-series';
import type { MarkerSymbol, PlotMarks, SeriesStyle, TargetLabel } from './pptx-native';

/** The chart's marks, by the rules of the image's marks layer (marksSeries, periodSeries). */
export function plotMarks(frame: Frame, axis: YearAxis, marks: { deadlineTargets: ChartSeries[]; projectionFrom: number | null; breaks: BreakMark[] }): PlotMarks {
  const { words } = frame;
  const first = axis.years[0]!;
  const last = axis.years.at(-1)!;
  const deadlineYears = [...new Set(marks.deadlineTargets.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.year)))].filter((y) => axis.years.includes(y));
  const spread = axis.years.length >= 2;
  const breaks = spread
    ? marks.breaks
        .filter((b) => b.year > first && b.year <= last)
        .map((b) => {
          const from = measureName(frame, b.from);
          const to = measureName(frame, b.to);
          return { year: b.year, text: from && to ? words.definitionBreakBetween(from, to) : words.definitionBreak, short: words.definitionBreak };
        })
    : [];
  const from = marks.projectionFrom;
  return {
    deadlines: deadlineYears.sort((a, b) => a - b).map((year) => ({ year, text: words.deadlineOf(year) })),
    breaks,
    projection: spread && from !== null && from >= first && from <= last ? { from, text: words.projectionPeriod } : null,
  };
}

/** The years a projection joins its actual at: known figures, never in the 预测期. */
export function joinsOf(drawn: ChartSeries[]): Array<ChartPoint | null> {
  return drawn.map((s) => (s.kind === 'projection' ? joinPoint(actualFor(s, drawn), s) : null));
}

export interface NativeSeries {
  name: string;
  values: Array<number | null>;
  color: string;
  style: SeriesStyle;
}

/** How the image draws a data line: its colour and ECharts symbol. */
export interface Look {
  color: string;
  symbol: string;
}

export const plain: SeriesStyle = { dash: 'solid', marker: null };
export const flat: SeriesStyle = { dash: 'sysDash', marker: null };

const symbols: Record<string, MarkerSymbol> = { circle: 'circle', rect: 'square', triangle: 'triangle', diamond: 'diamond' };

/** The image's symbol as a DrawingML marker: "emptyRect" is a hollow square. */
export function markerOf(symbol: string): SeriesStyle['marker'] {
  const hollow = symbol.startsWith('empty');
  const base = hollow ? symbol.slice(5, 6).toLowerCase() + symbol.slice(6) : symbol;
  return { symbol: symbols[base] ?? 'circle', hollow };
}

export const hex = (color: string): string => color.replace('#', '').toUpperCase();

/** A colour at `alpha` over the white slide: a lighter shade of it, as hex. */
export function shade(color: string, alpha: number): string {
  const n = Number.parseInt(hex(color), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * alpha).toString(16).padStart(2, '0');
  return `${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
}

/**
 * How strong a stretch after a definition break is drawn. The image draws a series' stretches in its
 * one colour under one legend entry; here each stretch is a series of its own, named for its measure
 * in the legend, so a later one takes a lighter shade of that colour, or two entries would show the
 * same key for different measures.
 */
const AFTER_BREAK = 0.5;

/**
 * Year labels, with "E" on years that only projections reach. A projection's base point is the figure
 * its scenario starts from, not a projection: its year is no "E" year (2020, not 2020E).
 */
export function yearLabels(axis: YearAxis, series: ChartSeries[], projected: number[] = []): string[] {
  const valued = (kind: ChartSeries['kind'], base: boolean) =>
    series.filter((s) => s.kind === kind).flatMap((s) => s.points.filter((p) => p.value !== null && Boolean(p.base) === base).map((p) => p.year));
  const known = new Set([...valued('actual', false), ...valued('projection', true)]);
  const projectedYears = new Set([...projected, ...valued('projection', false)]);
  return axis.years.map((y) => (projectedYears.has(y) && !known.has(y) ? `${y}E` : String(y)));
}

/** A series' valued point in a year. */
export function pointIn(s: ChartSeries | undefined, year: number): ChartPoint | undefined {
  return s?.points.find((p) => p.year === year && p.value !== null);
}

export function scaled(values: Array<number | null>, scale: UnitScale): Array<number | null> {
  return values.map((v) => (v === null ? null : v / scale.divisor));
}

/**
 * Whether the values drawn are on more than one measure (口径). PowerPoint draws no break marker and
 * no tooltip, so then every native series names the measure of its values.
 */
export function manyMeasures(frame: Frame): boolean {
  const measures = frame.data.series
    .filter((s) => s.kind !== 'target')
    .flatMap((s) => s.points.flatMap((p) => (p.value !== null && p.measure !== undefined ? [p.measure] : [])));
  return new Set(measures).size > 1;
}

/** "2022年起为信通院广义口径": a stretch measured from `from` on `measure` (null: not named in the data). */
export function measureFrom(frame: Frame, from: number, measure: string | null): string {
  const zh = frame.spec.locale === 'zh';
  if (measure) return zh ? `${from}年起为${measure}` : `${measure} from ${from}`;
  return zh ? `${from}年起为新口径` : `new definition from ${from}`;
}

/**
 * The measures of a bar series' values where the chart draws more than one: the first named as it
 * is, each change from its year ("重庆市此前口径；2022年起为信通院广义口径").
 */
export function measureNotes(frame: Frame, points: ReadonlyArray<ChartPoint | undefined>): string[] {
  if (!manyMeasures(frame)) return [];
  const runs: Array<{ from: number; measure: string | undefined }> = [];
  for (const p of points) {
    if (!p || p.value === null || p.measure === runs.at(-1)?.measure) continue;
    runs.push({ from: p.year, measure: p.measure });
  }
  return runs.flatMap((run, i) => {
    const name = measureName(frame, run.measure);
    if (i === 0) return name ? [name] : [];
    return [measureFrom(frame, run.from, name)];
  });
}

/**
 * A data series as native series: one per stretch between definition breaks (PowerPoint has no gap
 * between adjacent categories), the later stretches named for their new definition, the first for
 * its measure where the chart draws more than one, each naming the years of its own bounded points.
 */
export function stretches(frame: Frame, axis: YearAxis, s: ChartSeries, name: string, look: Look, all: ChartSeries[], endLabel = false): NativeSeries[] {
  const join = s.kind === 'projection' ? joinPoint(actualFor(s, all), s) : null;
  const dash = s.kind === 'projection' ? 'dash' : 'solid';
  const marker = look.symbol === 'none' ? null : markerOf(look.symbol);
  const many = manyMeasures(frame);
  const parts = stretchesOf(s, join);
  return parts.map((points, i) => {
    const measure = measureName(frame, points.find((p) => p.value !== null)?.measure);
    const definition = i > 0 ? [measureFrom(frame, points[0]!.year, measure)] : many && measure ? [measure] : [];
    // The join point is the actual series' value, named there.
    const own = points.filter((p) => s.points.includes(p));
    const last = points.findLast((p) => p.value !== null);
    const labels = endLabel && i === parts.length - 1 && last ? [{ idx: axis.years.indexOf(last.year), text: pointLabel(frame, last, s.unit), position: 'r' as const }] : [];
    return {
      name: withNotes(frame, name, [...definition, ...boundNote(frame, own)]),
      values: alignToYears(axis, points),
      color: i === 0 ? look.color : shade(look.color, AFTER_BREAK),
      style: { dash, marker, ...(labels.length ? { labels } : {}) },
    };
  });
}

/** Each target as a flat series, named as the image labels it ("目标：≥1万亿元（2022年）"). */
export function targetSeries(frame: Frame, axis: YearAxis, targets: ChartSeries[]): NativeSeries[] {
  return targets.flatMap((s) =>
    s.points
      .filter((p) => p.value !== null)
      .map((p) => ({ name: targetText(frame, s, p), values: axis.years.map(() => p.value), color: frame.palette.target, style: flat })),
  );
}

/** The labels of target series, at their values in the axis' scale. */
export function targetLabels(targets: NativeSeries[], scale: UnitScale, axis: 0 | 1 = 0): TargetLabel[] {
  return targets.map((t) => ({ text: t.name, value: (t.values.find((v) => v !== null) ?? 0) / scale.divisor, axis }));
}

/**
 * A value axis fixed to the image's extent (niceAxis over the same values: zero included, 1-2-5
 * steps, and at a compact size the image's headroom over a target at the top), in the axis' scale,
 * with the options that write it into the chart.
 */
export function fixedAxis(
  frame: Frame,
  values: Array<number | null>,
  targets: ChartSeries[] = [],
  divisor = 1,
): { extent: { min: number; max: number }; options: PptxGenJS.IChartOpts } {
  const inScale = targets.map((t) => ({ ...t, points: t.points.map((p) => ({ ...p, value: p.value === null ? null : p.value / divisor })) }));
  const { min, max, interval } = targetAxisExtent(frame, values, inScale);
  return { extent: { min, max }, options: { valAxisMinVal: min, valAxisMaxVal: max, valAxisMajorUnit: interval } };
}

/** A band as the image's legend names it: "90%区间（P5–P95）". */
export function bandLabel(frame: Frame, band: ChartBand): string {
  return frame.words.note(band.name, `P${band.lower}–P${band.upper}`);
}

/** Whether a data line carries an end label: the image labels where a line ends, not an actual its projection continues. */
export function endsHere(s: ChartSeries, drawn: ChartSeries[]): boolean {
  return !drawn.some((p) => p.kind === 'projection' && actualFor(p, drawn) === s);
}

export function chartData(series: NativeSeries[], labels: string[], scale: UnitScale): PptxGenJS.OptsChartData[] {
  return series.map((s) => ({ name: s.name, labels, values: scaled(s.values, scale) as number[] }));
}

/** The chart's decision for a unit, as the image's axis has it: values are written in its scale, the axis titled by its name. */
export function valueScale(frame: Frame, unit: string, primary = true): UnitScale {
  return { divisor: unitDecision(frame, unit).divisor, unit: axisName(frame, unit, primary) };
}

export function lineGroup(series: NativeSeries[], labels: string[], scale: UnitScale, extra: PptxGenJS.IChartOpts = {}): PptxGenJS.IChartMulti {
  return { type: 'line' as PptxGenJS.CHART_NAME, data: chartData(series, labels, scale), options: { chartColors: series.map((s) => hex(s.color)), ...extra } };
}

export function timeLines(frame: Frame, drawn: ChartSeries[]): Array<{ s: ChartSeries; name: string; look: Look }> {
  return drawn.map((s, i) => ({ s, name: displayName(frame, s.name, s.basis), look: { color: seriesColor(frame.palette, i), symbol: seriesSymbol(frame.palette, i) } }));
}
