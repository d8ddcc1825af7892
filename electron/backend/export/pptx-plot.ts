// The slide's geometry and what goes over a native chart's plot: the slide sizes (16:9, or 4:3 for
// charts made for a 4:3 slide), the chart's box and its inner plot area placed by hand (plotBox),
// where a year and a value fall in it, and the marks the chart cannot draw itself, as shapes at their
// places: deadlines, 口径变化, the shaded 预测期 and the target lines' labels.
import type PptxGenJS from 'pptxgenjs';
import { estimateTextWidth } from '../../../shared/charts/frame';
import type { Palette } from '../../../shared/charts/palette';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { NativeChart, YearPlot } from './pptx-native';

/** A box on the slide, in inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlideLayout {
  /** pptxgenjs' name for the slide size. */
  name: 'LAYOUT_WIDE' | 'LAYOUT_4x3';
  /** As the file's properties say it. */
  format: string;
  w: number;
  h: number;
  chart: Box;
  title: Box;
}

export const MARGIN = 0.5;

function slideLayout(name: SlideLayout['name'], format: string, w: number, h: number): SlideLayout {
  const chart = { x: MARGIN, y: 1.4, w: w - 2 * MARGIN, h: 5.15 };
  return { name, format, w, h, chart, title: { x: MARGIN, y: 0.35, w: chart.w, h: 0.6 } };
}

/** 13.333 x 7.5 in. */
export const WIDE = slideLayout('LAYOUT_WIDE', 'On-screen Show (16:9)', 13.333, 7.5);
/** 10 x 7.5 in. */
export const STANDARD = slideLayout('LAYOUT_4x3', 'On-screen Show (4:3)', 10, 7.5);

/** A deck is 4:3 where every chart in it is made for a 4:3 slide, else 16:9. */
export function deckLayout(specs: ChartSpec[]): SlideLayout {
  return specs.length && specs.every((s) => s.size.preset === 'slide-4x3') ? STANDARD : WIDE;
}

export const CSS_PER_INCH = 96;
const LEGEND_FONT_PT = 12;
export const END_LABEL_PT = 11;
/** The deadline, 口径变化 and 预测期 labels: the image's small font on a slide. */
const MARK_FONT_PT = 10;
const MARK_ROW = 0.26;
/** The target labels: the end labels' size, as the image writes both in its main font. */
const TARGET_FONT_PT = END_LABEL_PT;

/** The width of a text in inches at a point size, estimated as the image's layout estimates it. */
const inchesOf = (text: string, pt: number): number => estimateTextWidth(text, (pt * CSS_PER_INCH) / 72) / CSS_PER_INCH;
/**
 * The point size, from `pt` down to `min`, at which a text fits a width on one line (with a twentieth
 * to spare: viewers set a space between Chinese and Latin letters).
 */
export function fittingPt(text: string, pt: number, min: number, width: number): number {
  const wide = inchesOf(text, pt);
  return wide <= 0.95 * width ? pt : Math.max(min, Math.floor((pt * 0.95 * width) / wide));
}

/** The point size, from `pt` down to `min`, at which lines of text wrapped to a width fit a height. */
export function fittingBlockPt(lines: string[], pt: number, min: number, width: number, height: number): number {
  for (let size = pt; size > min; size--) {
    const rows = lines.reduce((n, line) => n + Math.max(1, Math.ceil(inchesOf(line, size) / (0.95 * width))), 0);
    if (rows * lineOf(size) <= height) return size;
  }
  return min;
}

/** A line of text in inches: the font's size and a little leading. */
const lineOf = (pt: number): number => (pt / 72) * 1.2;

/**
 * Rows the top legend takes. LibreOffice sets legend entries in a grid of equal columns, as wide as
 * the widest entry, within about four fifths of the chart's width; PowerPoint packs them tighter, so
 * this is the larger count.
 */
function legendRows(native: NativeChart, chart: Box): number {
  const hidden = new Set(native.hiddenLegend ?? []);
  const names = native.types.flatMap((t) => t.data.map((d) => d.name ?? '')).filter((_, i) => !hidden.has(i));
  const column = Math.max(...names.map((name) => 0.45 + inchesOf(name, LEGEND_FONT_PT)));
  const columns = Math.max(1, Math.floor((0.8 * chart.w) / column));
  return Math.max(1, Math.ceil(names.length / columns));
}

/**
 * The inner plot area of a native chart on the slide: below the legend and the row of deadline
 * labels, right of the value axis' labels and title, above the year labels, left of the second
 * axis or of the end labels. Written into the chart as its manual layout, so PowerPoint and
 * LibreOffice put the plot exactly here.
 */
export function plotBox(native: NativeChart, layout: SlideLayout = WIDE): Box {
  const chart = layout.chart;
  const top = 0.12 + legendRows(native, chart) * 0.3 + (native.yearPlot?.marks.deadlines.length ? MARK_ROW + 0.08 : 0.1);
  const left = 0.95;
  const bottom = 0.55;
  const endLabels = native.styles.flatMap((s) => (s.labels ?? []).filter((l) => l.position === 'r').map((l) => inchesOf(l.text, END_LABEL_PT) + 0.25));
  const right = Math.max(0.3, native.options.valAxes?.length === 2 ? 1.0 : 0, ...endLabels);
  return { x: chart.x + left, y: chart.y + top, w: chart.w - left - right, h: chart.h - top - bottom };
}

/** The plot box as the fractions of the chart's frame that a manual layout takes. */
export function layoutOf(plot: Box, chart: Box): Box {
  return { x: (plot.x - chart.x) / chart.w, y: (plot.y - chart.y) / chart.h, w: plot.w / chart.w, h: plot.h / chart.h };
}

/** Where a year (or a point between two, 2021.5) falls across the plot: on the edges or in the middle of its band. */
export function yearX(axis: YearPlot, plot: Box, year: number): number {
  const n = axis.years.length;
  const k = year - axis.years[0]!;
  if (!axis.onEdges) return plot.x + ((k + 0.5) * plot.w) / n;
  return n > 1 ? plot.x + (k * plot.w) / (n - 1) : plot.x + plot.w / 2;
}

/** Where a value (in the axis' scale) falls up the plot, on the chart's fixed value axis. */
function valueY(axis: YearPlot, plot: Box, value: number, index = 0): number {
  const e = axis.extents[index] ?? axis.extents[0]!;
  return plot.y + plot.h * (1 - (value - e.min) / (e.max - e.min));
}

/** A CSS colour as a solid fill on the white slide (an rgba shade blended over white). */
function onWhite(css: string): string {
  const m = /rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)/.exec(css);
  if (!m) return css.replace('#', '').toUpperCase();
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  return [m[1], m[2], m[3]].map((c) => Math.round(255 - (255 - Number(c)) * alpha).toString(16).padStart(2, '0')).join('').toUpperCase();
}

type TextStyle = PptxGenJS.TextPropsOptions;

/** The 预测期: a shaded band from half a year before the first projected year to the plot's end, behind the chart. */
export function shadeProjection(pptx: PptxGenJS, slide: PptxGenJS.Slide, axis: YearPlot, plot: Box, palette: Palette): void {
  const period = axis.marks.projection;
  if (!period) return;
  const x = Math.max(plot.x, yearX(axis, plot, period.from - 0.5));
  slide.addShape(pptx.ShapeType.rect, { x, y: plot.y, w: plot.x + plot.w - x, h: plot.h, fill: { color: onWhite(palette.projectionShade) }, line: { type: 'none' }, objectName: period.text });
}

/** A label's place, with how it is written there. */
interface Placed {
  text: string;
  box: Box;
  align: 'left' | 'center' | 'right';
  /** In the target colour (deadlines, targets) or muted (breaks, 预测期). */
  tone: 'target' | 'muted';
}

/**
 * The marks' labels: a deadline's above the plot on its year, a definition break's low beside its
 * line (the short 口径变化 where the measures' names do not fit before the plot's edge, left of the
 * line where even that does not), the 预测期's at the top of its band.
 */
function markLabels(axis: YearPlot, plot: Box): Placed[] {
  const right = plot.x + plot.w;
  const placed: Placed[] = [];
  const period = axis.marks.projection;
  if (period) {
    // Centred at the top of its band (or ending at the plot's edge where the band is narrower).
    const x = Math.max(plot.x, yearX(axis, plot, period.from - 0.5));
    const w = inchesOf(period.text, MARK_FONT_PT) + 0.1;
    placed.push({ text: period.text, box: { x: Math.min(right - w, (x + right - w) / 2), y: plot.y + 0.04, w, h: MARK_ROW }, align: 'center', tone: 'muted' });
  }
  for (const mark of axis.marks.breaks) {
    const x = yearX(axis, plot, mark.year - 0.5);
    const room = right - x - 0.08;
    const words = inchesOf(mark.text, MARK_FONT_PT) <= room ? mark.text : mark.short;
    const w = inchesOf(words, MARK_FONT_PT) + 0.1;
    const beside = w <= room + 0.1 ? { x: x + 0.05, align: 'left' as const } : { x: x - 0.05 - w, align: 'right' as const };
    placed.push({ text: words, box: { x: beside.x, y: plot.y + plot.h - MARK_ROW - 0.04, w, h: MARK_ROW }, align: beside.align, tone: 'muted' });
  }
  for (const deadline of axis.marks.deadlines) {
    const x = yearX(axis, plot, deadline.year);
    const w = inchesOf(deadline.text, MARK_FONT_PT) + 0.1;
    placed.push({ text: deadline.text, box: { x: Math.min(right - w, x - w / 2), y: plot.y - MARK_ROW - 0.04, w, h: MARK_ROW }, align: 'center', tone: 'target' });
  }
  return placed;
}

/**
 * What is drawn in the plot, in inches: the chart's lines as polylines, its areas and bars as spans
 * (x, top, bottom), and where the deadline and break lines cross it.
 */
interface Drawn {
  lines: Array<Array<[number, number]>>;
  fills: Array<Array<[number, number, number]>>;
  verticals: number[];
}

function drawnShapes(native: NativeChart, axis: YearPlot, plot: Box): Drawn {
  const drawn: Drawn = { lines: [], fills: [], verticals: [...axis.marks.deadlines.map((d) => yearX(axis, plot, d.year)), ...axis.marks.breaks.map((b) => yearX(axis, plot, b.year - 0.5))] };
  let k = 0;
  for (const group of native.types) {
    const index = group.options?.secondaryValAxis ? 1 : 0;
    const running = axis.years.map(() => 0);
    for (const [j, d] of group.data.entries()) {
      const style = native.styles[k++];
      const values = (d.values ?? []) as Array<number | null>;
      const at = (i: number) => yearX(axis, plot, axis.years[i]!);
      if (group.type === 'line') {
        if (style?.invisible) continue;
        let run: Array<[number, number]> = [];
        values.forEach((v, i) => {
          if (v === null || v === undefined) {
            if (run.length) drawn.lines.push(run);
            run = [];
          } else run.push([at(i), valueY(axis, plot, v, index)]);
        });
        if (run.length) drawn.lines.push(run);
        continue;
      }
      const stacked = group.options?.barGrouping === 'stacked';
      // The fan's base is a transparent slice: it stacks, but nothing is drawn.
      const shown = group.options?.chartColors?.[j] !== 'transparent';
      const half = (0.3 * plot.w) / axis.years.length;
      const spans: Array<[number, number, number]> = [];
      values.forEach((v, i) => {
        if (v === null || v === undefined) return;
        const base = stacked ? running[i]! : 0;
        const top = base + v;
        if (stacked) running[i] = top;
        const span = [valueY(axis, plot, Math.max(base, top), index), valueY(axis, plot, Math.min(base, top), index)] as const;
        if (group.type === 'bar') drawn.fills.push([[at(i) - half, ...span], [at(i) + half, ...span]]);
        else spans.push([at(i), ...span]);
      });
      if (shown && spans.length > 1) drawn.fills.push(spans);
    }
  }
  return drawn;
}

/** The end labels, where PowerPoint and LibreOffice write them: right of their point, centred on it. */
function endLabelBoxes(native: NativeChart, axis: YearPlot, plot: Box): Box[] {
  const boxes: Box[] = [];
  let k = 0;
  for (const group of native.types) {
    const index = group.options?.secondaryValAxis ? 1 : 0;
    for (const d of group.data) {
      const style = native.styles[k++];
      for (const label of style?.labels ?? []) {
        const v = (d.values as Array<number | null>)[label.idx];
        if (label.position !== 'r' || v === null || v === undefined) continue;
        const h = lineOf(END_LABEL_PT);
        boxes.push({ x: yearX(axis, plot, axis.years[label.idx]!) + 0.08, y: valueY(axis, plot, v, index) - h / 2, w: inchesOf(label.text, END_LABEL_PT) + 0.05, h });
      }
    }
  }
  return boxes;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Share of the box's width in which a drawn line passes through it, or a fill covers it (by height), as the image's layout scores it. */
function dataOverlap(box: Box, drawn: Drawn): number {
  const samples = 12;
  const dx = box.w / samples;
  const at = (pts: Array<[number, ...number[]]>, x: number, k: number): number | null => {
    for (let j = 1; j < pts.length; j++) {
      const a = pts[j - 1]!;
      const b = pts[j]!;
      if (x >= a[0] && x <= b[0]) return b[0] === a[0] ? a[k]! : a[k]! + ((b[k]! - a[k]!) * (x - a[0])) / (b[0] - a[0]);
    }
    return null;
  };
  let cost = 0;
  for (const line of drawn.lines) {
    if (line.length === 1) {
      const [x, y] = line[0]!;
      if (x >= box.x - 0.05 && x <= box.x + box.w + 0.05 && y >= box.y - 0.05 && y <= box.y + box.h + 0.05) cost += 0.3;
      continue;
    }
    for (let j = 0; j < samples; j++) {
      const ya = at(line, box.x + j * dx, 1);
      const yb = at(line, box.x + (j + 1) * dx, 1);
      if (ya === null || yb === null) continue;
      if (Math.max(ya, yb) >= box.y - 0.02 && Math.min(ya, yb) <= box.y + box.h + 0.02) cost += 1 / samples;
    }
  }
  // A label crossed by a deadline or break line is hard to read: as bad as a line through its width.
  for (const x of drawn.verticals) if (x > box.x + 0.01 && x < box.x + box.w - 0.01) cost += 1;
  for (const fill of drawn.fills) {
    for (let j = 0; j < samples; j++) {
      const x = box.x + (j + 0.5) * dx;
      const top = at(fill, x, 1);
      const bottom = at(fill, x, 2);
      if (top === null || bottom === null) continue;
      const covered = Math.min(bottom, box.y + box.h) - Math.max(top, box.y);
      if (covered > 0) cost += covered / box.h / samples;
    }
  }
  return cost;
}

/** Texts weigh far more than lines; a label off the plot (or the band above it) as much as text. */
const TEXT_WEIGHT = 100;

/**
 * The target lines' labels on one line each, placed as the image places them: above the line at its
 * start, else below it, else above or below its end, whichever touches no other text (end labels,
 * marks, targets placed before, from the top down) and crosses the fewest drawn lines and areas.
 */
function placeTargetLabels(native: NativeChart, axis: YearPlot, plot: Box, texts: Box[]): Placed[] {
  const drawn = drawnShapes(native, axis, plot);
  const taken = [...texts, ...endLabelBoxes(native, axis, plot)];
  // A target at the top of the axis may write into the band above the plot, below the legend.
  const allowed = { x: plot.x, y: plot.y - MARK_ROW - 0.08, w: plot.w, h: plot.h + MARK_ROW + 0.08 };
  const h = lineOf(TARGET_FONT_PT);
  const gap = 0.05;
  const targets = [...native.targets].sort((a, b) => valueY(axis, plot, a.value, a.axis) - valueY(axis, plot, b.value, b.axis));
  return targets.map((t) => {
    const y = valueY(axis, plot, t.value, t.axis);
    const w = inchesOf(t.text, TARGET_FONT_PT) + 0.1;
    const start = plot.x + 0.08;
    const end = plot.x + plot.w - 0.08 - w;
    const candidates: Placed[] = [
      { text: t.text, box: { x: start, y: y - gap - h, w, h }, align: 'left', tone: 'target' },
      { text: t.text, box: { x: start, y: y + gap, w, h }, align: 'left', tone: 'target' },
      { text: t.text, box: { x: end, y: y - gap - h, w, h }, align: 'right', tone: 'target' },
      { text: t.text, box: { x: end, y: y + gap, w, h }, align: 'right', tone: 'target' },
    ];
    const cost = (c: Placed): number => {
      const padded = { x: c.box.x - 0.02, y: c.box.y - 0.02, w: c.box.w + 0.04, h: c.box.h + 0.04 };
      const clash = taken.reduce((sum, b) => sum + overlap(padded, b), 0) + (c.box.w * c.box.h - overlap(c.box, allowed));
      return (TEXT_WEIGHT * clash) / (c.box.w * c.box.h) + dataOverlap(c.box, drawn);
    };
    const best = candidates.reduce((a, b) => (cost(b) < cost(a) - 1e-9 ? b : a));
    taken.push(best.box);
    // Its own line runs through the others' places, not its own.
    drawn.lines.push([
      [plot.x, y],
      [plot.x + plot.w, y],
    ]);
    return best;
  });
}

/**
 * Over the chart: each deadline as a dotted line on its year with its label above the plot, each
 * definition break as a dashed line half a year before it with its label low beside it, the 预测期's
 * label at the top of its band, and each target line's label on one line beside it.
 */
export function drawMarks(pptx: PptxGenJS, slide: PptxGenJS.Slide, native: NativeChart, plot: Box, palette: Palette, text: TextStyle): void {
  const axis = native.yearPlot;
  if (!axis) return;
  const color = (css: string) => css.replace('#', '');
  for (const mark of axis.marks.breaks) {
    const x = yearX(axis, plot, mark.year - 0.5);
    slide.addShape(pptx.ShapeType.line, { x, y: plot.y, w: 0, h: plot.h, line: { color: color(palette.axis), width: 1, dashType: 'sysDash' }, objectName: mark.short });
  }
  for (const deadline of axis.marks.deadlines) {
    const x = yearX(axis, plot, deadline.year);
    slide.addShape(pptx.ShapeType.line, { x, y: plot.y, w: 0, h: plot.h, line: { color: color(palette.target), width: 1, dashType: 'sysDot' }, objectName: deadline.text });
  }
  const marks = markLabels(axis, plot);
  const tones = { target: color(palette.target), muted: color(palette.mutedText) };
  for (const m of marks) slide.addText(m.text, { ...text, ...m.box, fontSize: MARK_FONT_PT, valign: 'middle', align: m.align, wrap: false, color: tones[m.tone] });
  for (const t of placeTargetLabels(native, axis, plot, marks.map((m) => m.box))) {
    slide.addText(t.text, { ...text, ...t.box, fontSize: TARGET_FONT_PT, valign: 'middle', align: t.align, wrap: false, color: tones[t.tone] });
  }
}
