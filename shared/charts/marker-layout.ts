// Where the words of the reference marks go. A deadline (2022年期限) and a definition break (口径变化)
// often fall on the same year, and on the year a series ends with its end label (45.4%): left to
// ECharts' defaults their texts sit on top of each other. This pass runs on the finished option and
// places each mark's label, all horizontal:
//   - the projection period's 预测期 first, under the top of the plot, else over its bottom;
//   - targets above their line at its start, else below it, else at the line's end;
//   - deadlines above the plot, centred on their line, else ending or starting at it, else just
//     after the axis name, else just inside the top of the plot;
//   - breaks inside the plot, low on the axis beside their line (the new definition's side first),
//     else left of it, a row higher, or just under the top of the plot.
// Each candidate place is scored against the texts already there (legend, axis names, end labels,
// labels placed before) and, much more lightly, against the drawn lines, areas, bars and target
// lines; the first place that collides with no text wins. Positions are estimated from the option
// itself (grid, axes, series values) by the rules ECharts lays out with, so the preview and every
// export size get the same placement. End labels are moved off other lines and apart before
// (placeLineLabels).
import type { EChartsOption } from 'echarts';
import { estimateTextWidth, type Frame } from './frame';

export type MarkerKind = 'target' | 'deadline' | 'break';

const markerKinds = new WeakMap<object, MarkerKind>();
const shortTexts = new WeakMap<object, string>();

/**
 * Marks a markLine item as a target line, deadline or break marker whose label this pass places.
 * `short` is the text to write instead when the label's own text finds no free place (a break that
 * names its measures falls back to 口径变化).
 */
export function tagMarker<T extends object>(item: T, kind: MarkerKind, short?: string): T {
  markerKinds.set(item, kind);
  if (short !== undefined) shortTexts.set(item, short);
  return item;
}

export function markerKindOf(item: object): MarkerKind | undefined {
  return markerKinds.get(item);
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The plot rectangle ECharts will draw in, and the pixel of a category and of a value. */
export interface PlotGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Top of the band above the plot that holds the axis names (the grid's own top). */
  gridTop: number;
  categories: string[];
  xOf(index: number): number;
  /** Width of one category. */
  step: number;
  yOf(value: number, axisIndex?: number): number;
}

/** Gap between a marker line and its label, and between stacked rows of labels. */
const LINE_GAP = 4;
const ROW_GAP = 2;
/** Labels inside the plot keep this far from its edges. */
const INSET = 3;

type Datum = number | null | undefined | { value?: unknown };

interface LabelOption {
  show?: boolean;
  formatter?: unknown;
  fontSize?: number;
  position?: string;
  distance?: number | number[];
}

interface SeriesLike {
  type?: string;
  data?: Datum[];
  yAxisIndex?: number;
  stack?: string;
  areaStyle?: { opacity?: number };
  lineStyle?: { opacity?: number; width?: number };
  endLabel?: LabelOption & { distance?: number; offset?: [number, number] };
  markLine?: { data?: Array<Record<string, unknown>> };
  markArea?: { data?: Array<Array<Record<string, unknown>>> };
}

interface AxisLike {
  type?: string;
  min?: unknown;
  max?: unknown;
  interval?: unknown;
  name?: string;
  nameGap?: number;
  nameTextStyle?: { fontSize?: number; align?: string };
  position?: string;
  data?: string[];
  boundaryGap?: boolean;
  axisLabel?: { fontSize?: number; formatter?: unknown; margin?: number; interval?: unknown };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function valueOf(d: Datum): number | null {
  if (typeof d === 'number') return Number.isFinite(d) ? d : null;
  if (d && typeof d === 'object' && typeof d.value === 'number') return d.value;
  return null;
}

function textOf(label: LabelOption | undefined): string {
  const f = label?.formatter;
  if (typeof f === 'function') return String((f as (p: unknown) => unknown)({}));
  return typeof f === 'string' ? f : '';
}

/** A mark's place on the year axis as a category index: '2022' on the category axis, 2021.5 on the hidden year axis (yearAxes). */
function categoryIndex(categories: string[], x: unknown): number {
  if (typeof x === 'number') return x - Number(categories[0]);
  return categories.indexOf(String(x));
}

interface Stacked {
  series: SeriesLike;
  base: Array<number | null>;
  top: Array<number | null>;
}

/** Each series' drawn base and top per category, stacks accumulated in series order as ECharts does. */
function stackedValues(series: SeriesLike[]): Stacked[] {
  const running = new Map<string, number[]>();
  return series.map((s) => {
    const values = (s.data ?? []).map(valueOf);
    if (!s.stack) return { series: s, base: values.map((v) => (v === null ? null : 0)), top: values };
    const key = `${s.type}|${s.yAxisIndex ?? 0}|${s.stack}`;
    const sums = running.get(key) ?? [];
    running.set(key, sums);
    const base = values.map((v, i) => (v === null ? null : (sums[i] ?? 0)));
    const top = values.map((v, i) => (v === null ? null : (sums[i] = (sums[i] ?? 0) + v)));
    return { series: s, base, top };
  });
}

export function textHeight(fontSize: number): number {
  // zrender's line height is the width of 国, i.e. one em.
  return fontSize;
}

/** The plot rectangle of a finished option with a category x axis, as ECharts will lay it out. */
export function plotGeometry(frame: Frame, option: EChartsOption): PlotGeometry | null {
  const { metrics: m } = frame;
  const grid = option.grid as { left?: unknown; right?: unknown; top?: unknown; bottom?: unknown } | undefined;
  const xAxis = asArray(option.xAxis as AxisLike | AxisLike[] | undefined)[0];
  if (!grid || !xAxis || xAxis.type !== 'category' || !xAxis.data?.length) return null;
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
  const yAxes = asArray(option.yAxis as AxisLike | AxisLike[] | undefined);
  // The templates' value axes fix their own 1-2-5 extent (valueAxis), which ECharts keeps.
  const extents = yAxes.map((axis) =>
    typeof axis.min === 'number' && typeof axis.max === 'number' && typeof axis.interval === 'number' ? { min: axis.min, max: axis.max, interval: axis.interval } : null,
  );
  if (extents.some((e) => e === null)) return null;
  const labelWidth = (axis: AxisLike, index: number): number => {
    const { min, max, interval } = extents[index]!;
    const format = axis.axisLabel?.formatter;
    const font = axis.axisLabel?.fontSize ?? m.font;
    let widest = 0;
    for (let v = min; v <= max + interval / 2; v += interval) {
      const text = typeof format === 'function' ? String((format as (x: number) => unknown)(v)) : String(Math.round(v * 1e6) / 1e6);
      widest = Math.max(widest, estimateTextWidth(text, font));
    }
    return widest + (axis.axisLabel?.margin ?? 8);
  };
  const nameBand = Math.max(0, ...yAxes.map((a) => (a.name ? (a.nameGap ?? 15) + textHeight(a.nameTextStyle?.fontSize ?? m.font) : 0)));
  const categories = xAxis.data;
  const n = categories.length;
  const boundaryGap = xAxis.boundaryGap !== false;
  // Without a boundary gap the first and last year labels are centred on the plot's edges, and the
  // grid keeps them inside (with about 3 px to spare).
  const xFont = xAxis.axisLabel?.fontSize ?? m.font;
  const edgeLabel = (text: string): number => (boundaryGap ? 0 : estimateTextWidth(text, xFont) / 2 + 3);
  // A fixed label interval (compact charts) may leave the last year unwritten: then it takes no room.
  const interval = xAxis.axisLabel?.interval;
  const lastShown = typeof interval !== 'number' || (n - 1) % (interval + 1) === 0;
  const gridTop = num(grid.top, 60);
  const left = num(grid.left, 80) + Math.max(edgeLabel(categories[0]!), ...yAxes.map((a, i) => (a.position !== 'right' ? labelWidth(a, i) : 0)));
  const right = m.width - num(grid.right, 80) - Math.max(lastShown ? edgeLabel(categories[n - 1]!) : 0, ...yAxes.map((a, i) => (a.position === 'right' ? labelWidth(a, i) : 0)));
  const top = gridTop + nameBand;
  const bottom = m.height - num(grid.bottom, 60) - (xAxis.axisLabel?.margin ?? 8) - textHeight(xFont);
  const step = (right - left) / Math.max(1, boundaryGap ? n : n - 1);
  return {
    left,
    right,
    top,
    bottom,
    gridTop,
    categories,
    step,
    xOf: (i) => left + (boundaryGap ? (i + 0.5) * step : i * step),
    yOf: (value, axisIndex = 0) => {
      const e = extents[axisIndex] ?? extents[0]!;
      return bottom - ((value - e.min) / (e.max - e.min)) * (bottom - top);
    },
  };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

const area = (b: Box): number => Math.max(1e-9, (b.x1 - b.x0) * (b.y1 - b.y0));

/** What is drawn in the plot, in pixels: lines as polylines, areas and bars as filled spans. */
interface Drawn {
  lines: Array<Array<[number, number]>>;
  /** The vertical marker lines (deadlines, breaks), from the plot's top to its bottom. */
  verticals: Array<{ x: number; y0: number; y1: number }>;
  /** x, top and bottom pixel of a filled span, sampled per category (areas) or per bar edge. */
  fills: Array<Array<[number, number, number]>>;
}

function drawnShapes(plot: PlotGeometry, stacked: Stacked[], markSeries: Set<SeriesLike>): Drawn {
  const drawn: Drawn = { lines: [], verticals: [], fills: [] };
  for (const { series: s, base, top } of stacked) {
    if (markSeries.has(s)) continue;
    const axis = s.yAxisIndex ?? 0;
    if (s.type === 'bar') {
      const half = plot.step * 0.4;
      top.forEach((v, i) => {
        if (v === null) return;
        const x = plot.xOf(i);
        const y0 = plot.yOf(v, axis);
        const y1 = plot.yOf(base[i] ?? 0, axis);
        drawn.fills.push([
          [x - half, Math.min(y0, y1), Math.max(y0, y1)],
          [x + half, Math.min(y0, y1), Math.max(y0, y1)],
        ]);
      });
      continue;
    }
    if (s.type !== 'line') continue;
    const visibleLine = (s.lineStyle?.opacity ?? 1) > 0 && (s.lineStyle?.width ?? 2) > 0;
    let run: Array<{ i: number; base: number; top: number }> = [];
    const flush = (): void => {
      if (visibleLine && run.length) drawn.lines.push(run.map((p) => [plot.xOf(p.i), plot.yOf(p.top, axis)]));
      if (s.areaStyle && (s.areaStyle.opacity ?? 1) > 0 && run.length > 1) {
        drawn.fills.push(run.map((p) => [plot.xOf(p.i), plot.yOf(Math.max(p.top, p.base), axis), plot.yOf(Math.min(p.top, p.base), axis)]));
      }
      run = [];
    };
    top.forEach((v, i) => {
      if (v === null) flush();
      else run.push({ i, base: base[i] ?? 0, top: v });
    });
    flush();
  }
  return drawn;
}

/** Share of the box's width in which a drawn line passes through it, or a fill covers it (by height). */
function dataOverlap(box: Box, drawn: Drawn): number {
  const samples = 12;
  let cost = 0;
  const dx = (box.x1 - box.x0) / samples;
  const at = (pts: Array<[number, ...number[]]>, x: number, k: number): number | null => {
    for (let j = 1; j < pts.length; j++) {
      const a = pts[j - 1]!;
      const b = pts[j]!;
      if (x >= a[0] && x <= b[0]) return b[0] === a[0] ? a[k]! : a[k]! + ((b[k]! - a[k]!) * (x - a[0])) / (b[0] - a[0]);
    }
    return null;
  };
  for (const line of drawn.lines) {
    if (line.length === 1) {
      const [x, y] = line[0]!;
      if (x >= box.x0 - 3 && x <= box.x1 + 3 && y >= box.y0 - 3 && y <= box.y1 + 3) cost += 0.3;
      continue;
    }
    for (let j = 0; j < samples; j++) {
      const ya = at(line, box.x0 + j * dx, 1);
      const yb = at(line, box.x0 + (j + 1) * dx, 1);
      if (ya === null || yb === null) continue;
      if (Math.max(ya, yb) >= box.y0 - 1.5 && Math.min(ya, yb) <= box.y1 + 1.5) cost += 1 / samples;
    }
  }
  // A label crossed by a deadline or break line is hard to read: as bad as a line through its width.
  for (const v of drawn.verticals) if (v.x > box.x0 + 1 && v.x < box.x1 - 1 && box.y1 > v.y0 && box.y0 < v.y1) cost += 1;
  for (const fill of drawn.fills) {
    for (let j = 0; j < samples; j++) {
      const x = box.x0 + (j + 0.5) * dx;
      const top = at(fill, x, 1);
      const bottom = at(fill, x, 2);
      if (top === null || bottom === null) continue;
      const covered = Math.min(bottom, box.y1) - Math.max(top, box.y0);
      if (covered > 0) cost += covered / (box.y1 - box.y0) / samples;
    }
  }
  return cost;
}

/** Share of the box outside the allowed rectangle. */
function outside(box: Box, allowed: Box): number {
  return 1 - overlapArea(box, allowed) / area(box);
}

interface Candidate {
  box: Box;
  label: Record<string, unknown>;
  /** Where this kind of place must stay: the band above the plot, or the plot. */
  allowed: Box;
}

/** A label beside a vertical line at x: centred on it, ending before it, or starting after it. */
function beside(x: number, width: number, align: 'center' | 'left' | 'right'): { x0: number; x1: number; extra: Record<string, unknown> } {
  if (align === 'center') return { x0: x - width / 2, x1: x + width / 2, extra: {} };
  if (align === 'left') return { x0: x + LINE_GAP, x1: x + LINE_GAP + width, extra: { align: 'left', padding: [0, 0, 0, LINE_GAP] } };
  return { x0: x - LINE_GAP - width, x1: x - LINE_GAP, extra: { align: 'right', padding: [0, LINE_GAP, 0, 0] } };
}

/** Places inside the plot, in rows up from its bottom or down from its top, beside the line. */
function insideCandidates(plot: PlotGeometry, x: number, width: number, h: number, from: 'bottom' | 'top', rows: number): Candidate[] {
  const out: Candidate[] = [];
  const allowed = { x0: plot.left, x1: plot.right, y0: plot.top, y1: plot.bottom };
  for (let row = 0; row < rows; row++) {
    const inset = INSET + row * (h + ROW_GAP);
    for (const align of ['left', 'right'] as const) {
      const { x0, x1, extra } = beside(x, width, align);
      out.push(
        from === 'bottom'
          ? { box: { x0, x1, y0: plot.bottom - inset - h, y1: plot.bottom - inset }, label: { ...extra, position: 'start', distance: [0, -inset], verticalAlign: 'bottom' }, allowed }
          : { box: { x0, x1, y0: plot.top + inset, y1: plot.top + inset + h }, label: { ...extra, position: 'end', distance: [0, -inset], verticalAlign: 'top' }, allowed },
      );
    }
  }
  return out;
}

/**
 * Deadlines: above the plot (centred, then ending or starting at the line, then starting just after
 * an axis name that sits at the line), else just inside the plot's top.
 */
function deadlineCandidates(plot: PlotGeometry, width: number, x: number, h: number, canvasWidth: number, texts: Box[]): Candidate[] {
  const allowed = { x0: 0, x1: canvasWidth, y0: plot.gridTop, y1: plot.top };
  const above = (row: number): Candidate[] => {
    const distance = 5 + row * (h + ROW_GAP);
    return (['center', 'right', 'left'] as const).map((align) => {
      const { x0, x1, extra } = beside(x, width, align);
      // The first place is ECharts' own for position 'end', so it needs no settings.
      return { box: { x0, x1, y0: plot.top - distance - h, y1: plot.top - distance }, label: row === 0 ? extra : { ...extra, distance }, allowed };
    });
  };
  const y0 = plot.top - 5 - h;
  const y1 = plot.top - 5;
  const blocking = texts.filter((t) => t.y0 < y1 && t.y1 > y0 && t.x0 <= x + LINE_GAP && t.x1 > x + LINE_GAP && t.x1 - x < plot.step / 2);
  // An em clear of the axis name: half an em read as one text, 万亿元 2022年期限, where the font's
  // widths run wider than the estimate (the Charts page at 1920).
  const after = blocking.length ? Math.max(...blocking.map((t) => t.x1)) + h - x : 0;
  const shifted: Candidate[] = after
    ? [{ box: { x0: x + after, x1: x + after + width, y0, y1 }, label: { align: 'left', padding: [0, 0, 0, after] }, allowed }]
    : [];
  return [...above(0), ...shifted, ...insideCandidates(plot, x, width, h, 'top', 1), ...above(1)];
}

/** Breaks: low beside the line, the new definition's side first, then higher rows, then under the top. */
function breakCandidates(plot: PlotGeometry, width: number, x: number, h: number): Candidate[] {
  return [...insideCandidates(plot, x, width, h, 'bottom', 3), ...insideCandidates(plot, x, width, h, 'top', 2)];
}

/** Where ECharts writes a series' end label: after its last point, centred on it; null without one. */
function endLabelBox(frame: Frame, plot: PlotGeometry, { series: s, top }: Pick<Stacked, 'series' | 'top'>): Box | null {
  if (!s.endLabel?.show) return null;
  const last = top.findLastIndex((v) => v !== null);
  if (last < 0) return null;
  const font = s.endLabel.fontSize ?? frame.metrics.font;
  const [dx, dy] = s.endLabel.offset ?? [0, 0];
  const x = plot.xOf(last) + (s.endLabel.distance ?? 5) + dx;
  const y = plot.yOf(top[last]!, s.yAxisIndex ?? 0) + dy;
  const h = textHeight(font);
  return { x0: x, x1: x + estimateTextWidth(textOf(s.endLabel), font), y0: y - h / 2, y1: y + h / 2 };
}

/** The signs written over bounded points (≥ ≈, lineSeries) with their boxes where ECharts puts them. */
function signBoxes(
  frame: Frame,
  plot: PlotGeometry,
  { series: s, top }: Pick<Stacked, 'series' | 'top'>,
): Array<{ label: LabelOption & { offset?: number[] }; box: Box; places: Record<'top' | 'topRight' | 'bottom' | 'bottomRight' | 'right', Box>; width: number }> {
  return (s.data ?? []).flatMap((d, i) => {
    const label = d && typeof d === 'object' ? (d as { label?: LabelOption & { offset?: number[] } }).label : undefined;
    const v = top[i];
    if (!label?.show || v === null || v === undefined) return [];
    const font = label.fontSize ?? frame.metrics.smallFont;
    const w = estimateTextWidth(textOf(label), font);
    const x = plot.xOf(i);
    const y = plot.yOf(v, s.yAxisIndex ?? 0);
    const h = textHeight(font);
    const shift = Array.isArray(label.offset) ? Number(label.offset[0]) : 0;
    const places = {
      top: { x0: x - w / 2, x1: x + w / 2, y0: y - 5 - h - 3, y1: y - 5 },
      // Above it and just right of it, clear of a deadline through the point.
      topRight: { x0: x + 3, x1: x + 3 + w, y0: y - 5 - h - 3, y1: y - 5 },
      bottom: { x0: x - w / 2, x1: x + w / 2, y0: y + 5, y1: y + 5 + h + 3 },
      // Below it and just right of it: clear of a deadline through the point and a line above it.
      bottomRight: { x0: x + 3, x1: x + 3 + w, y0: y + 5, y1: y + 5 + h + 3 },
      right: { x0: x + 5, x1: x + 5 + w, y0: y - h / 2, y1: y + h / 2 },
    };
    const at = label.position === 'bottom' ? (shift ? places.bottomRight : places.bottom) : label.position === 'right' ? places.right : shift ? places.topRight : places.top;
    return [{ label, box: at, places, width: w }];
  });
}

/** Texts count far more than lines; a label outside its band or off the canvas is as bad as text. */
const TEXT_WEIGHT = 100;
const OUTSIDE_WEIGHT = 100;

/** An end label's offset from where ECharts puts it, in px: right, down. */
type Offset = readonly [number, number];

/** Offsets an end label may take, in text heights: where ECharts puts it, else a little above or below. */
const END_LABEL_NUDGES = [0, -0.6, 0.6, -1, 1];

/**
 * The signs over bounded points under them where another line runs above, and end labels off the
 * lines of other series and apart from each other: each, in series order, where
 * ECharts puts it or up to its height above or below, wherever it covers no end label placed before
 * and the fewest lines. ECharts' own shift (labelLayout shiftY) stacks every label into one column
 * whatever its x: the ≈ over 成都's points was pushed onto 重庆's line, and 全国's 42.8% in 2023
 * under 重庆's 45.4% in 2022, onto its own line.
 */
export function placeLineLabels(frame: Frame, option: EChartsOption): EChartsOption {
  const series = asArray(option.series as SeriesLike | SeriesLike[] | undefined);
  const plot = plotGeometry(frame, option);
  if (!plot) return option;
  const stacked = stackedValues(series);
  const drawn = drawnShapes(plot, stacked, new Set());
  // Which series drew each line (drawnShapes draws them in series order, one per unbroken run).
  const lineOwners = stacked.flatMap((entry, i) => drawnShapes(plot, [entry], new Set()).lines.map(() => i));
  for (const s of series) {
    for (const item of s.markLine?.data ?? []) {
      if (typeof item.yAxis !== 'number') continue;
      const y = plot.yOf(item.yAxis, s.yAxisIndex ?? 0);
      drawn.lines.push([
        [plot.left, y],
        [plot.right, y],
      ]);
    }
  }
  // A bound's sign goes under its point, beside a deadline through it, or right of it, where another
  // series' line or a deadline runs through it above (成都's ≈ under 重庆's line; the ≥ of a 2022
  // value on the 2022 deadline): its own line is left out, it meets its point.
  for (const s of series) {
    for (const item of s.markLine?.data ?? []) {
      const index = categoryIndex(plot.categories, item.xAxis);
      if (item.xAxis !== undefined && index >= 0) drawn.verticals.push({ x: plot.xOf(index), y0: plot.top, y1: plot.bottom });
    }
  }
  stacked.forEach((entry, i) => {
    const others = { ...drawn, lines: drawn.lines.filter((_, j) => lineOwners[j] !== i) };
    for (const sign of signBoxes(frame, plot, entry)) {
      const place = (['top', 'topRight', 'bottom', 'bottomRight', 'right'] as const).reduce(
        (best, p) => (dataOverlap(sign.places[p], others) < dataOverlap(sign.places[best], others) - 1e-9 ? p : best),
        'top',
      );
      if (place === 'topRight' || place === 'bottomRight') sign.label.offset = [sign.width / 2 + 3, 0];
      if (place === 'bottom' || place === 'bottomRight' || place === 'right') sign.label.position = place === 'bottomRight' ? 'bottom' : place;
    }
  });
  const allowed = { x0: 0, x1: frame.metrics.width, y0: plot.gridTop, y1: plot.bottom };
  const placed: Box[] = [];
  for (const entry of stacked) {
    const box = endLabelBox(frame, plot, entry);
    if (!box) continue;
    const h = box.y1 - box.y0;
    const at = ([dx, dy]: Offset): Box => ({ x0: box.x0 + dx, x1: box.x1 + dx, y0: box.y0 + dy, y1: box.y1 + dy });
    // Where a label placed before reaches just past this one's start (重庆's 45.4% in 2022 over 全国's
    // 42.8% in 2023, a year apart on a column's narrow plot), it may also move right to clear it, by
    // at most its height, so that it still reads as its line's.
    const offsets = END_LABEL_NUDGES.flatMap((k): Offset[] => {
      const dy = k * h;
      const clear = Math.max(0, ...placed.filter((p) => overlapArea(at([0, dy]), p) > 0).map((p) => p.x1 + 1 - box.x0));
      return clear > 0 && clear <= h ? [[0, dy], [clear, dy]] : [[0, dy]];
    });
    const cost = (o: Offset): number =>
      placed.reduce((sum, p) => sum + (TEXT_WEIGHT * overlapArea(at(o), p)) / area(box), 0) + dataOverlap(at(o), drawn) + OUTSIDE_WEIGHT * outside(at(o), allowed);
    const best = offsets.reduce((b, o) => (cost(o) < cost(b) - 1e-9 ? o : b));
    if (best[0] !== 0 || best[1] !== 0) entry.series.endLabel = { ...entry.series.endLabel, offset: [...best] };
    placed.push(at(best));
  }
  return option;
}

/** Texts already on the chart that a marker label must not cover. */
function fixedTexts(frame: Frame, option: EChartsOption, plot: PlotGeometry, stacked: Stacked[]): Box[] {
  const { metrics: m } = frame;
  const boxes: Box[] = [];
  const legend = option.legend as { show?: boolean; top?: unknown; data?: unknown[] } | undefined;
  if (legend && legend.show !== false && typeof legend.top === 'number' && legend.data?.length) {
    // The legend ends 0.6 em above the grid (see composeOption).
    boxes.push({ x0: 0, x1: m.width, y0: legend.top, y1: plot.gridTop - m.font * 0.6 });
  }
  for (const axis of asArray(option.yAxis as AxisLike | AxisLike[] | undefined)) {
    if (!axis.name) continue;
    const font = axis.nameTextStyle?.fontSize ?? m.font;
    const w = estimateTextWidth(axis.name, font);
    const y1 = plot.top - (axis.nameGap ?? 15);
    const right = axis.position === 'right';
    const x = right ? plot.right : plot.left;
    const alignRight = (axis.nameTextStyle?.align ?? (right ? 'left' : 'right')) === 'right';
    boxes.push({ x0: alignRight ? x - w : x, x1: alignRight ? x : x + w, y0: y1 - textHeight(font), y1 });
  }
  for (const { series: s, top } of stacked) {
    const axis = s.yAxisIndex ?? 0;
    // The sign of a bounded point (≥), written above it or below it (placeLineLabels).
    boxes.push(...signBoxes(frame, plot, { series: s, top }).map((b) => b.box));
    const end = endLabelBox(frame, plot, { series: s, top });
    if (end) boxes.push(end);
    for (const item of s.markLine?.data ?? []) {
      if (typeof item.yAxis !== 'number' || markerKindOf(item)) continue;
      const label = item.label as LabelOption | undefined;
      const font = label?.fontSize ?? m.font;
      const y = plot.yOf(item.yAxis, axis);
      // Horizontal marks this pass does not place: ECharts' insideStartTop, 5 px from the start, above.
      boxes.push({ x0: plot.left + 5, x1: plot.left + 5 + estimateTextWidth(textOf(label), font), y0: y - 5 - textHeight(font), y1: y - 5 });
    }
  }
  return boxes;
}

/** The shaded periods' labels (预测期) as placeable items: the label and the two ends of the period. */
function periodLabels(series: SeriesLike[]): Array<{ label: LabelOption & Record<string, unknown>; from: unknown; to: unknown; hold: Record<string, unknown> }> {
  return series.flatMap((s) =>
    (s.markArea?.data ?? []).flatMap(([from, to]) => {
      const label = from?.label as (LabelOption & Record<string, unknown>) | undefined;
      return label?.show ? [{ label, from: from!.xAxis, to: to?.xAxis, hold: from! }] : [];
    }),
  );
}

/** A period's label: centred under the top of the plot (ECharts' insideTop), else over its bottom. */
function periodCandidates(plot: PlotGeometry, x: number, width: number, h: number): Candidate[] {
  const allowed = { x0: plot.left, x1: plot.right, y0: plot.top, y1: plot.bottom };
  const x0 = x - width / 2;
  const x1 = x + width / 2;
  return [
    { box: { x0, x1, y0: plot.top + 5, y1: plot.top + 5 + h }, label: {}, allowed },
    { box: { x0, x1, y0: plot.bottom - 5 - h, y1: plot.bottom - 5 }, label: { position: 'insideBottom' }, allowed },
  ];
}

/** The cheapest candidate, and whether it is free: no text covered, nothing outside its band. */
function choose(candidates: Candidate[], texts: Box[], drawn: Drawn): { chosen: Candidate; free: boolean } {
  let best = candidates[0]!;
  let bestCost = Infinity;
  let bestClash = Infinity;
  for (const c of candidates) {
    // A margin of one pixel keeps touching texts apart.
    const padded = { x0: c.box.x0 - 1, x1: c.box.x1 + 1, y0: c.box.y0 - 1, y1: c.box.y1 + 1 };
    const clash = texts.reduce((sum, t) => sum + (TEXT_WEIGHT * overlapArea(padded, t)) / area(c.box), 0) + OUTSIDE_WEIGHT * outside(c.box, c.allowed);
    const cost = clash + dataOverlap(c.box, drawn);
    if (cost < bestCost - 1e-9) {
      best = c;
      bestCost = cost;
      bestClash = clash;
    }
  }
  return { chosen: best, free: bestClash < 1e-9 };
}

/**
 * Targets: above their line at its start (ECharts' own place), else below it, else at its end. The
 * text stays on its own line, so it can only move along it or across it.
 */
function targetCandidates(plot: PlotGeometry, width: number, y: number, h: number): Candidate[] {
  // A target at the top of the axis may write into the band above the plot, as ECharts does.
  const allowed = { x0: plot.left, x1: plot.right, y0: plot.gridTop, y1: plot.bottom };
  const start = { x0: plot.left + 5, x1: plot.left + 5 + width };
  const end = { x0: plot.right - 5 - width, x1: plot.right - 5 };
  const above = { y0: y - 5 - h, y1: y - 5 };
  const below = { y0: y + 5, y1: y + 5 + h };
  return [
    { box: { ...start, ...above }, label: {}, allowed },
    { box: { ...start, ...below }, label: { position: 'insideStartBottom' }, allowed },
    { box: { ...end, ...above }, label: { position: 'insideEndTop' }, allowed },
    { box: { ...end, ...below }, label: { position: 'insideEndBottom' }, allowed },
  ];
}

/**
 * Places the labels of target lines, deadlines and breaks (see tagMarker) so that they collide
 * neither with each other nor with the chart's other texts. Returns the option, changed in place.
 */
export function placeMarkerLabels(frame: Frame, option: EChartsOption): EChartsOption {
  const series = asArray(option.series as SeriesLike | SeriesLike[] | undefined);
  const markers = series.flatMap((s) =>
    (s.markLine?.data ?? []).flatMap((item) => {
      const kind = markerKindOf(item);
      return kind ? [{ s, item, kind }] : [];
    }),
  );
  const periods = periodLabels(series);
  if (!markers.length && !periods.length) return option;
  const plot = plotGeometry(frame, option);
  if (!plot) return option;
  const { metrics: m } = frame;
  const stacked = stackedValues(series);
  const drawn = drawnShapes(plot, stacked, new Set(markers.map((k) => k.s)));
  // Target, deadline and break lines cross the plot: a label may sit on one, but better not.
  for (const { s, item, kind } of markers) {
    if (kind === 'target' && typeof item.yAxis === 'number') {
      const y = plot.yOf(item.yAxis, s.yAxisIndex ?? 0);
      drawn.lines.push([
        [plot.left, y],
        [plot.right, y],
      ]);
    }
    const index = kind === 'target' ? NaN : categoryIndex(plot.categories, item.xAxis);
    if (index >= 0) drawn.verticals.push({ x: plot.xOf(index), y0: plot.top, y1: plot.bottom });
  }
  const texts = fixedTexts(frame, option, plot, stacked);

  // The 预测期 first: it has two places only, and the lines it would cross are known already.
  for (const period of periods) {
    const i0 = categoryIndex(plot.categories, period.from);
    const i1 = categoryIndex(plot.categories, period.to);
    if (!Number.isFinite(i0) || !Number.isFinite(i1) || i0 < -0.5 || i1 < -0.5) continue;
    const font = period.label.fontSize ?? m.font;
    const candidates = periodCandidates(plot, (plot.xOf(i0) + plot.xOf(i1)) / 2, estimateTextWidth(textOf(period.label), font), textHeight(font));
    const { chosen } = choose(candidates, texts, drawn);
    period.hold.label = { ...period.label, ...chosen.label };
    texts.push(chosen.box);
  }

  // Targets from the top down, then deadlines (above the plot), then breaks, each from left to right.
  const yOf = (k: (typeof markers)[number]): number => (typeof k.item.yAxis === 'number' ? plot.yOf(k.item.yAxis, k.s.yAxisIndex ?? 0) : NaN);
  const xIndex = (k: (typeof markers)[number]): number => categoryIndex(plot.categories, k.item.xAxis);
  for (const kind of ['target', 'deadline', 'break'] as const) {
    const ofKind = markers.filter((k) => k.kind === kind).sort((a, b) => (kind === 'target' ? yOf(a) - yOf(b) : xIndex(a) - xIndex(b)));
    for (const k of ofKind) {
      const label = (k.item.label ?? {}) as LabelOption & Record<string, unknown>;
      const font = label.fontSize ?? (kind === 'target' ? m.font : m.smallFont);
      const h = textHeight(font);
      const candidatesFor = (text: string): Candidate[] | null => {
        const width = estimateTextWidth(text, font);
        if (kind === 'target') return Number.isFinite(yOf(k)) ? targetCandidates(plot, width, yOf(k), h) : null;
        const index = xIndex(k);
        if (!(index >= 0)) return null;
        const x = plot.xOf(index);
        return kind === 'deadline' ? deadlineCandidates(plot, width, x, h, m.width, texts) : breakCandidates(plot, width, x, h);
      };
      const candidates = candidatesFor(textOf(label));
      if (!candidates) continue;
      const first = choose(candidates, texts, drawn);
      const short = shortTexts.get(k.item);
      const shortened = !first.free && short !== undefined ? { formatter: () => short } : null;
      const { chosen } = shortened ? choose(candidatesFor(shortened.formatter())!, texts, drawn) : first;
      k.item.label = { ...label, ...shortened, ...chosen.label };
      texts.push(chosen.box);
    }
  }
  return option;
}
