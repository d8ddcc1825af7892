// Native, editable PowerPoint charts for the templates that map onto PowerPoint's chart types: lines
// (with each target as an extra flat series), stacked areas and bars, the fan as stacked areas on a
// transparent base, the waterfall as stacked bars on an invisible base. Tornado and bullet charts
// have no native equivalent and go to the slide as images.
//
// pptxgenjs writes one dash, one marker and one label setting per chart, so what differs by series or
// by point is returned alongside the chart (SeriesStyle) and written by the post-processing step:
// each series' dash (projections dashed, targets flat) and marker (the image's symbol, hollow where
// the image's is), and labels with their own text on single points (the end labels and target
// labels the image draws, the waterfall's values with "≥" on a bound). What the image draws over the
// plot and a chart cannot (the deadline lines, the 口径变化 markers, the shaded 预测期) is returned as
// PlotMarks and drawn by pptx.ts as shapes over the chart's plot area. Projected-only years are also
// labelled "2025E", which a table read out of the chart keeps; a bound ("超过1万亿元" is ≥) is also
// said in the series name, or for a waterfall's step in its category ("2020年（下限值）"), as is the
// measure a stretch after a definition break is on, and, where the chart draws more than one measure,
// every series' measure (a reader of the chart's data sees no marker). Series names otherwise say
// what the image's legend says (the axis a series reads on where two units meet, 90%区间 for a band).
import type PptxGenJS from 'pptxgenjs';
import type { Bound, ChartBand, ChartData, ChartPoint, ChartSeries } from '../../../shared/charts/data';
import { axisName, createFrame, DEFAULT_FONT_STACK, displayName, unitDecision, type Frame } from '../../../shared/charts/frame';
import { formatBoundedValue, formatSigned, type UnitScale } from '../../../shared/charts/number-format';
import { seriesColor, seriesSymbol } from '../../../shared/charts/palette';
import type { ChartSpec } from '../../../shared/charts/spec';
import { withAxisSide } from '../../../shared/charts/templates/indicator-series';
import { bandsOutsideIn } from '../../../shared/charts/templates/scenario-fan';
import { componentsOf, totalOf } from '../../../shared/charts/templates/stacked-components';
import { regionsOf } from '../../../shared/charts/templates/regional-comparison';
import { requireWaterfall, waterfallLayout } from '../../../shared/charts/templates/contribution-waterfall';
import { breaksOf } from '../../../shared/charts/templates/target-trajectory';
import {
  actualFor,
  alignToYears,
  firstProjectionYear,
  joinPoint,
  measureName,
  pointLabel,
  stretchesOf,
  targetText,
  yearAxis,
  type BreakMark,
  type YearAxis,
} from '../../../shared/charts/time-series';

/** DrawingML's marker symbols that the image's symbols map to. */
export type MarkerSymbol = 'circle' | 'square' | 'triangle' | 'diamond';

export interface PointLabel {
  /** The category index of the point. */
  idx: number;
  text: string;
  /** Above the point, or to its right (an end label). */
  position: 't' | 'r';
}

export interface SeriesStyle {
  dash: 'solid' | 'dash' | 'sysDash';
  /** The image's marker; null for flat target lines and for bars and areas, which carry none. */
  marker: { symbol: MarkerSymbol; hollow: boolean } | null;
  /** Labels on single points, in the series' colour (the hidden carrier series: in the text colour). */
  labels?: PointLabel[];
  /** A line drawn without stroke: it only carries labels (the waterfall's values above the bars). */
  invisible?: boolean;
}

/**
 * What the image draws over the plot between or on the years, as the templates' marks layer does
 * (marksSeries): deadlines on their year, a definition break half a year before its first year on
 * the new measure, the 预测期 from half a year before the first projected year to the axis' end.
 */
export interface PlotMarks {
  deadlines: Array<{ year: number; text: string }>;
  /** `text` names both measures; `short` (口径变化) is used where that does not fit. */
  breaks: Array<{ year: number; text: string; short: string }>;
  projection: { from: number; text: string } | null;
}

export interface NativeChart {
  types: PptxGenJS.IChartMulti[];
  options: PptxGenJS.IChartOpts;
  /** One entry per series, in the order they appear in the chart XML. */
  styles: SeriesStyle[];
  /** Series kept out of the legend (invisible bases). */
  hiddenLegend?: number[];
  /** The chart's years and the marks drawn over them; absent where the categories are no years (the waterfall's steps). */
  yearPlot?: YearPlot;
}

export interface YearPlot {
  /** The category axis' years, one category each. */
  years: number[];
  /**
   * Whether the first and last year sit on the plot's edges (areas, as the image draws them) rather
   * than in the middle of a category's band; written into the chart (crossBetween) so marks align.
   */
  onEdges: boolean;
  marks: PlotMarks;
}

/** The chart's marks, by the rules of the image's marks layer (marksSeries, periodSeries). */
function plotMarks(frame: Frame, axis: YearAxis, marks: { deadlineTargets: ChartSeries[]; projectionFrom: number | null; breaks: BreakMark[] }): PlotMarks {
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
function joinsOf(drawn: ChartSeries[]): Array<ChartPoint | null> {
  return drawn.map((s) => (s.kind === 'projection' ? joinPoint(actualFor(s, drawn), s) : null));
}

interface NativeSeries {
  name: string;
  values: Array<number | null>;
  color: string;
  style: SeriesStyle;
}

/** How the image draws a data line: its colour and ECharts symbol. */
interface Look {
  color: string;
  symbol: string;
}

const plain: SeriesStyle = { dash: 'solid', marker: null };
const flat: SeriesStyle = { dash: 'sysDash', marker: null };

const symbols: Record<string, MarkerSymbol> = { circle: 'circle', rect: 'square', triangle: 'triangle', diamond: 'diamond' };

/** The image's symbol as a DrawingML marker: "emptyRect" is a hollow square. */
function markerOf(symbol: string): SeriesStyle['marker'] {
  const hollow = symbol.startsWith('empty');
  const base = hollow ? symbol.slice(5, 6).toLowerCase() + symbol.slice(6) : symbol;
  return { symbol: symbols[base] ?? 'circle', hollow };
}

const hex = (color: string): string => color.replace('#', '').toUpperCase();

/**
 * Year labels, with "E" on years that only projections reach. A projection's base point is the figure
 * its scenario starts from, not a projection: its year is no "E" year (2020, not 2020E).
 */
function yearLabels(axis: YearAxis, series: ChartSeries[], projected: number[] = []): string[] {
  const valued = (kind: ChartSeries['kind'], base: boolean) =>
    series.filter((s) => s.kind === kind).flatMap((s) => s.points.filter((p) => p.value !== null && Boolean(p.base) === base).map((p) => p.year));
  const known = new Set([...valued('actual', false), ...valued('projection', true)]);
  const projectedYears = new Set([...projected, ...valued('projection', false)]);
  return axis.years.map((y) => (projectedYears.has(y) && !known.has(y) ? `${y}E` : String(y)));
}

/** A series' valued point in a year. */
function pointIn(s: ChartSeries | undefined, year: number): ChartPoint | undefined {
  return s?.points.find((p) => p.year === year && p.value !== null);
}

function scaled(values: Array<number | null>, scale: UnitScale): Array<number | null> {
  return values.map((v) => (v === null ? null : v / scale.divisor));
}

/** What a bound is called where a label says it: 下限值, lower bound. */
function boundWord(frame: Frame, bound: Exclude<Bound, 'exact'>): string {
  const zh = frame.spec.locale === 'zh';
  return { lower: zh ? '下限值' : 'lower bound', upper: zh ? '上限值' : 'upper bound', approx: zh ? '约数' : 'approximate' }[bound];
}

/** The years of bounded points, as a series name says them: "2020年为下限值". */
function boundNote(frame: Frame, points: ReadonlyArray<ChartPoint | undefined>): string[] {
  const zh = frame.spec.locale === 'zh';
  return (['lower', 'upper', 'approx'] as const).flatMap((bound) => {
    const years = points.filter((p) => p && p.value !== null && p.bound === bound).map((p) => p!.year);
    if (!years.length) return [];
    return [zh ? `${years.join('、')}年为${boundWord(frame, bound)}` : `${years.join(', ')}: ${boundWord(frame, bound)}`];
  });
}

/**
 * Whether the values drawn are on more than one measure (口径). PowerPoint draws no break marker and
 * no tooltip, so then every native series names the measure of its values.
 */
function manyMeasures(frame: Frame): boolean {
  const measures = frame.data.series
    .filter((s) => s.kind !== 'target')
    .flatMap((s) => s.points.flatMap((p) => (p.value !== null && p.measure !== undefined ? [p.measure] : [])));
  return new Set(measures).size > 1;
}

/** "2022年起为信通院广义口径": a stretch measured from `from` on `measure` (null: not named in the data). */
function measureFrom(frame: Frame, from: number, measure: string | null): string {
  const zh = frame.spec.locale === 'zh';
  if (measure) return zh ? `${from}年起为${measure}` : `${measure} from ${from}`;
  return zh ? `${from}年起为新口径` : `new definition from ${from}`;
}

/**
 * The measures of a bar series' values where the chart draws more than one: the first named as it
 * is, each change from its year ("重庆市此前口径；2022年起为信通院广义口径").
 */
function measureNotes(frame: Frame, points: ReadonlyArray<ChartPoint | undefined>): string[] {
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

/** A series name with its notes in brackets. */
function withNotes(frame: Frame, name: string, notes: string[]): string {
  return notes.length ? frame.words.note(name, notes.join(frame.spec.locale === 'zh' ? '；' : '; ')) : name;
}

/**
 * A data series as native series: one per stretch between definition breaks (PowerPoint has no gap
 * between adjacent categories), the later stretches named for their new definition, the first for
 * its measure where the chart draws more than one, each naming the years of its own bounded points.
 */
function stretches(frame: Frame, axis: YearAxis, s: ChartSeries, name: string, look: Look, all: ChartSeries[], endLabel = false): NativeSeries[] {
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
      color: look.color,
      style: { dash, marker, ...(labels.length ? { labels } : {}) },
    };
  });
}

/**
 * Each target as a flat series, labelled as the image labels it ("目标：≥1万亿元（2022年）"), above its
 * second year: at the first the label would hang over the value axis.
 */
function targetSeries(frame: Frame, axis: YearAxis, targets: ChartSeries[]): NativeSeries[] {
  return targets.flatMap((s) =>
    s.points
      .filter((p) => p.value !== null)
      .map((p) => {
        const name = targetText(frame, s, p);
        return { name, values: axis.years.map(() => p.value), color: frame.palette.target, style: { ...flat, labels: [{ idx: Math.min(1, axis.years.length - 1), text: name, position: 't' as const }] } };
      }),
  );
}

/** A band as the image's legend names it: "90%区间（P5–P95）". */
function bandLabel(frame: Frame, band: ChartBand): string {
  return frame.words.note(band.name, `P${band.lower}–P${band.upper}`);
}

/** Whether a data line carries an end label: the image labels where a line ends, not an actual its projection continues. */
function endsHere(s: ChartSeries, drawn: ChartSeries[]): boolean {
  return !drawn.some((p) => p.kind === 'projection' && actualFor(p, drawn) === s);
}

function chartData(series: NativeSeries[], labels: string[], scale: UnitScale): PptxGenJS.OptsChartData[] {
  return series.map((s) => ({ name: s.name, labels, values: scaled(s.values, scale) as number[] }));
}

/** The chart's decision for a unit, as the image's axis has it: values are written in its scale, the axis titled by its name. */
function valueScale(frame: Frame, unit: string, primary = true): UnitScale {
  return { divisor: unitDecision(frame, unit).divisor, unit: axisName(frame, unit, primary) };
}

function lineGroup(series: NativeSeries[], labels: string[], scale: UnitScale, extra: PptxGenJS.IChartOpts = {}): PptxGenJS.IChartMulti {
  return { type: 'line' as PptxGenJS.CHART_NAME, data: chartData(series, labels, scale), options: { chartColors: series.map((s) => hex(s.color)), ...extra } };
}

function timeLines(frame: Frame, drawn: ChartSeries[]): Array<{ s: ChartSeries; name: string; look: Look }> {
  return drawn.map((s, i) => ({ s, name: displayName(frame, s.name, s.basis), look: { color: seriesColor(frame.palette, i), symbol: seriesSymbol(frame.palette, i) } }));
}

/** A 1-2-5 step of at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((f) => f * power >= raw - 1e-12) ?? 10) * power;
}

/**
 * Ranges from zero for value axes sharing one set of gridlines: the same count of 1-2-5 steps (four
 * to eight) on each, the count that leaves the least empty room above the fuller axis' data. Null
 * where an axis has a negative or no value (no shared zero).
 */
function sharedTicks(axes: Array<Array<number | null>>): Array<{ max: number; step: number }> | null {
  const values = axes.map((vs) => vs.filter((v): v is number => v !== null));
  if (values.some((v) => !v.length || v.some((x) => x < 0))) return null;
  const tops = values.map((v) => Math.max(...v) || 1);
  const options = [4, 5, 6, 7, 8].map((count) => {
    const steps = tops.map((top) => niceStep(top / count));
    return { count, steps, room: Math.max(...steps.map((step, i) => (step * count) / tops[i]!)) };
  });
  const best = options.reduce((a, b) => (b.room < a.room ? b : a));
  return best.steps.map((step) => ({ max: step * best.count, step }));
}

/** Lines on one or two value axes; `labelled`: the image puts end labels on them; `deadline`: it marks the first axis' target years. */
function linesChart(frame: Frame, labelled: boolean, deadline: boolean): NativeChart {
  const { data } = frame;
  const drawn = data.series.filter((s) => s.kind !== 'target');
  const axis = yearAxis(frame);
  const labels = yearLabels(axis, drawn);
  const units = [...new Set(drawn.map((s) => s.unit))];
  // As the legend of the image says them: where two units meet, each series names its axis.
  const lines = timeLines(frame, drawn).map((l) => ({ ...l, name: withAxisSide(frame, l.name, units, l.s.unit) }));
  const groups = units.map((unit, index) => {
    const own = lines.filter((l) => l.s.unit === unit);
    const targets = data.series.filter((s) => s.kind === 'target' && s.unit === unit);
    const series = [...own.flatMap((l) => stretches(frame, axis, l.s, l.name, l.look, drawn, labelled && endsHere(l.s, drawn))), ...targetSeries(frame, axis, targets)];
    const scale = valueScale(frame, unit, index === 0);
    return { series, scale };
  });
  const types = groups.map((g, index) => lineGroup(g.series, labels, g.scale, index === 1 ? { secondaryValAxis: true, secondaryCatAxis: true } : {}));
  const ranges = sharedTicks(groups.map((g) => g.series.flatMap((s) => scaled(s.values, g.scale))));
  const options: PptxGenJS.IChartOpts =
    groups.length === 2
      ? {
          // Both axes from zero with the same number of 1-2-5 steps, so the primary axis' gridlines are the secondary's too.
          valAxes: groups.map((g, i) => ({
            showValAxisTitle: true,
            valAxisTitle: g.scale.unit,
            ...(ranges ? { valAxisMinVal: 0, valAxisMaxVal: ranges[i]!.max, valAxisMajorUnit: ranges[i]!.step } : {}),
            valGridLine: i === 0 && ranges ? { color: hex(frame.palette.grid), size: 0.75 } : { style: 'none' as const },
          })),
          catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
        }
      : { valAxisTitle: groups[0]?.scale.unit ?? '' };
  const marks = plotMarks(frame, axis, {
    deadlineTargets: deadline ? data.series.filter((s) => s.kind === 'target' && s.unit === units[0]) : [],
    projectionFrom: firstProjectionYear(drawn, joinsOf(drawn)),
    breaks: breaksOf(drawn),
  });
  return { types, options, styles: groups.flatMap((g) => g.series.map((s) => s.style)), yearPlot: { years: axis.years, onEdges: false, marks } };
}

function fanChart(frame: Frame): NativeChart | null {
  const { data, palette } = frame;
  const bands = bandsOutsideIn(data.bands);
  const drawn = data.series.filter((s) => s.kind !== 'target');
  const targets = data.series.filter((s) => s.kind === 'target');
  const axis = yearAxis(frame);
  const labels = yearLabels(axis, drawn, bands.flatMap((b) => b.points.map((p) => p.year)));
  // Nested bands (P5–P95 around P25–P75) become slices between consecutive percentiles, stacked on a
  // transparent base at the lowest one.
  const percentiles = [...bands.map((b) => b.lower), ...[...bands].reverse().map((b) => b.upper)];
  const boundsIn = (year: number): Array<number | null> => [
    ...bands.map((b) => b.points.find((p) => p.year === year)?.low ?? null),
    ...[...bands].reverse().map((b) => b.points.find((p) => p.year === year)?.high ?? null),
  ];
  const bounds = axis.years.map(boundsIn);
  const ordered = bounds.every((b) => b.every((v, k) => v === null || k === 0 || b[k - 1] === null || b[k - 1]! <= v));
  if (!bands.length || !ordered) return null;
  // A slice is named for its band as the image's legend names it ("90%区间（P5–P95）"); the band's
  // upper slice, the same tint, stays out of the legend, as does the base.
  const slices = percentiles.map((pct, k) => ({
    name: k === 0 ? `P${pct}` : bandLabel(frame, bands[Math.min(k, percentiles.length - k) - 1]!),
    depth: Math.min(k, percentiles.length - k),
    values: bounds.map((b) => {
      if (k === 0) return b[0] ?? null;
      const lo = b[k - 1];
      const hi = b[k];
      return lo === null || lo === undefined || hi === null || hi === undefined ? null : hi - lo;
    }),
  }));
  const unit = bands[0]!.unit;
  const scale = valueScale(frame, unit);
  const lines = [...timeLines(frame, drawn).flatMap((l) => stretches(frame, axis, l.s, l.name, l.look, drawn, endsHere(l.s, drawn))), ...targetSeries(frame, axis, targets)];
  // pptxgenjs sets one opacity per chart, so deeper (more likely) slices are stronger tints instead.
  const tint = (depth: number): string => {
    const alpha = 0.2 + (0.35 * depth) / bands.length;
    const n = Number.parseInt(hex(palette.band), 16);
    const mix = (c: number) => Math.round(255 - (255 - c) * alpha).toString(16).padStart(2, '0');
    return `${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
  };
  return {
    types: [
      {
        type: 'area' as PptxGenJS.CHART_NAME,
        data: slices.map((s) => ({ name: s.name, labels, values: scaled(s.values, scale) as number[] })),
        options: { barGrouping: 'stacked', chartColors: slices.map((s, k) => (k === 0 ? 'transparent' : tint(s.depth))) },
      },
      lineGroup(lines, labels, scale),
    ],
    options: { valAxisTitle: scale.unit },
    styles: [...slices.map(() => plain), ...lines.map((l) => l.style)],
    hiddenLegend: slices.flatMap((s, k) => (k === 0 || s.depth < k ? [k] : [])),
    yearPlot: {
      years: axis.years,
      onEdges: true,
      marks: plotMarks(frame, axis, {
        deadlineTargets: targets,
        // A band year without spread (the base year, where every draw starts) is no projection.
        projectionFrom: firstProjectionYear(drawn, joinsOf(drawn), bands.flatMap((b) => b.points.filter((p) => p.high > p.low).map((p) => p.year))),
        breaks: breaksOf(drawn),
      }),
    },
  };
}

function stackedChart(frame: Frame, mode: 'area' | 'bars', showTotal: boolean): NativeChart {
  const { data, palette, words } = frame;
  const components = componentsOf(data.series);
  const axis = yearAxis(frame);
  const labels = yearLabels(axis, data.series);
  const unit = data.series[0]?.unit ?? '';
  const merged = components.map((c, i) => {
    const points = axis.years.map((y) => pointIn(c.actual, y) ?? pointIn(c.projection, y));
    return {
      name: withNotes(frame, displayName(frame, c.name, c.actual?.basis ?? c.projection?.basis ?? 'published'), [...measureNotes(frame, points), ...boundNote(frame, points)]),
      color: seriesColor(palette, i),
      values: points.map((p) => p?.value ?? null),
    };
  });
  // The total as the image draws it: the actual total solid, the projected one dashed, the end of the
  // last labelled, one legend entry.
  const totals = showTotal
    ? [totalOf(components.map((c) => c.actual), 'actual', words.total), totalOf(components.map((c) => c.projection), 'projection', words.total)].filter((t): t is ChartSeries => !!t)
    : [];
  const look = { color: palette.text, symbol: 'circle' };
  const totalLines = totals.map((t) => stretches(frame, axis, t, words.total, look, totals, t === totals.at(-1)));
  const scale = valueScale(frame, unit);
  const targets = targetSeries(frame, axis, data.series.filter((s) => s.kind === 'target'));
  const lines: NativeSeries[] = [...totalLines.flat(), ...targets];
  const repeated = totalLines.length > 1 ? totalLines[0]!.map((_, k) => merged.length + k) : [];
  const stack: PptxGenJS.IChartMulti = {
    type: (mode === 'bars' ? 'bar' : 'area') as PptxGenJS.CHART_NAME,
    data: merged.map((m) => ({ name: m.name, labels, values: scaled(m.values, scale) as number[] })),
    options: { barGrouping: 'stacked', barGapWidthPct: 60, chartColors: merged.map((m) => hex(m.color)) },
  };
  const joins = components.map((c) => (c.projection ? joinPoint(c.actual, c.projection) : null));
  return {
    types: lines.length ? [stack, lineGroup(lines, labels, scale)] : [stack],
    options: { valAxisTitle: scale.unit },
    styles: [...merged.map(() => plain), ...lines.map((l) => l.style)],
    hiddenLegend: repeated,
    yearPlot: {
      years: axis.years,
      onEdges: mode === 'area',
      marks: plotMarks(frame, axis, {
        deadlineTargets: data.series.filter((s) => s.kind === 'target'),
        // Projected bars are drawn lighter; a shaded period could only start mid-bar.
        projectionFrom: mode === 'bars' ? null : firstProjectionYear(data.series, joins),
        breaks: breaksOf(data.series),
      }),
    },
  };
}

function waterfallChart(frame: Frame): NativeChart {
  const { palette, words, style } = frame;
  const bars = requireWaterfall(frame);
  const layout = waterfallLayout(bars);
  // A step's category says what its bar is: a projection ("2022年（预测）"), a bound ("2020年（下限值）":
  // the base of "超6000亿元" is ≥6000).
  const projected = frame.spec.locale === 'zh' ? '预测' : 'projection';
  const labels = bars.steps.map((s) =>
    withNotes(frame, s.label, [...(s.projection ? [projected] : []), ...(s.bound && s.bound !== 'exact' ? [boundWord(frame, s.bound)] : [])]),
  );
  const scale = valueScale(frame, bars.unit);
  const parts = [
    { name: words.base, values: layout.base, color: 'transparent' },
    { name: words.increase, values: layout.increase, color: hex(palette.increase) },
    { name: words.decrease, values: layout.decrease, color: hex(palette.decrease) },
    { name: words.total, values: layout.total, color: hex(palette.total) },
  ];
  // A stacked bar's labels can only sit inside it, so the values the image writes above each bar
  // ("+518.4亿元", "≥6000.0亿元") are carried by a stroke-less line through the bars' tops.
  const tops = bars.steps.map((_, i) => (layout.base[i] ?? 0) + (layout.increase[i] ?? layout.decrease[i] ?? layout.total[i] ?? 0));
  const carrier: NativeSeries = {
    name: frame.spec.locale === 'zh' ? '数值' : 'Values',
    values: tops,
    color: palette.text,
    style: {
      ...plain,
      invisible: true,
      labels: bars.steps.map((step, idx) => ({
        idx,
        text: step.role === 'total' ? formatBoundedValue(step.value, bars.unit, step.bound, style) : formatSigned(step.value, bars.unit, style),
        position: 't' as const,
      })),
    },
  };
  return {
    types: [
      {
        type: 'bar' as PptxGenJS.CHART_NAME,
        data: parts.map((p) => ({ name: p.name, labels, values: scaled(p.values, scale) as number[] })),
        options: { barGrouping: 'stacked', barGapWidthPct: 60, chartColors: parts.map((p) => p.color) },
      },
      lineGroup([carrier], labels, scale),
    ],
    options: { valAxisTitle: scale.unit },
    styles: [...parts.map(() => plain), carrier.style],
    // The invisible base, a part no step draws (no 减少 without a falling step) and the label carrier stay out of the legend.
    hiddenLegend: [...parts.flatMap((p, i) => (i === 0 || p.values.every((v) => v === null) ? [i] : [])), parts.length],
  };
}

function regionalBars(frame: Frame): NativeChart {
  const { data, palette } = frame;
  const regions = regionsOf(data.series);
  const axis = yearAxis(frame);
  const labels = yearLabels(axis, data.series);
  const series = regions.map((r, i) => {
    const points = axis.years.map((y) => pointIn(r.actual, y) ?? pointIn(r.projection, y));
    return {
      name: withNotes(frame, displayName(frame, r.name, r.actual?.basis ?? r.projection?.basis ?? 'published'), [...measureNotes(frame, points), ...boundNote(frame, points)]),
      color: seriesColor(palette, i),
      values: points.map((p) => p?.value ?? null),
    };
  });
  const scale = valueScale(frame, data.series[0]?.unit ?? '');
  const targets = targetSeries(frame, axis, data.series.filter((s) => s.kind === 'target'));
  const barGroup: PptxGenJS.IChartMulti = {
    type: 'bar' as PptxGenJS.CHART_NAME,
    data: series.map((s) => ({ name: s.name, labels, values: scaled(s.values, scale) as number[] })),
    options: { barGrouping: 'clustered', barGapWidthPct: 80, chartColors: series.map((s) => hex(s.color)) },
  };
  return {
    types: targets.length ? [barGroup, lineGroup(targets, labels, scale)] : [barGroup],
    options: { valAxisTitle: scale.unit },
    styles: [...series.map(() => plain), ...targets.map((t) => t.style)],
    yearPlot: {
      years: axis.years,
      onEdges: false,
      marks: plotMarks(frame, axis, { deadlineTargets: data.series.filter((s) => s.kind === 'target'), projectionFrom: null, breaks: breaksOf(data.series) }),
    },
  };
}

/** The native chart for a spec, or null when the slide should carry the chart as an image. */
export function nativeChart(spec: ChartSpec, data: ChartData): NativeChart | null {
  const frame = createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK });
  switch (spec.template) {
    case 'target-trajectory':
      return linesChart(frame, data.series.filter((s) => s.kind !== 'target').length <= 4, spec.options.deadlineMarker);
    case 'share-of-gdp':
      return linesChart(frame, data.series.filter((s) => s.kind !== 'target').length <= 4, true);
    case 'indicator-series':
      return linesChart(frame, false, true);
    case 'regional-comparison':
      return spec.options.mode === 'lines' ? linesChart(frame, regionsOf(data.series).length <= 5, true) : regionalBars(frame);
    case 'scenario-fan':
      return fanChart(frame);
    case 'stacked-components':
      return stackedChart(frame, spec.options.mode, spec.options.showTotal);
    case 'contribution-waterfall':
      return waterfallChart(frame);
    case 'tornado':
    case 'target-progress':
      return null;
  }
}
