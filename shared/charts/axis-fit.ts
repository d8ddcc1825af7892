// How many steps a chart's value axes may take so their tick labels stand apart. A report column's
// plot can be 60 px tall: five steps put 9 px labels 12 px apart, touching. The template is built
// once, its plot measured from the option as ECharts will lay it out, and, where the ticks are
// closer than the labels need, built again with fewer steps (buildOption).
import type { EChartsOption } from 'echarts';
import { estimateTextWidth, type AxisSteps, type Frame } from './frame';
import { plotGeometry } from './marker-layout';

interface ValueAxisLike {
  type?: string;
  min?: unknown;
  max?: unknown;
  interval?: unknown;
  data?: string[];
  axisLabel?: { fontSize?: number; formatter?: unknown; margin?: number };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

interface Extent {
  min: number;
  max: number;
  interval: number;
}

function extentOf(axis: ValueAxisLike): Extent | null {
  const { min, max, interval } = axis;
  return axis.type === 'value' && typeof min === 'number' && typeof max === 'number' && typeof interval === 'number' && interval > 0 ? { min, max, interval } : null;
}

const stepsOf = (e: Extent): number => Math.round((e.max - e.min) / e.interval);

/** The widest tick label of a value axis. */
function widestTick(axis: ValueAxisLike, e: Extent, font: number): number {
  const format = axis.axisLabel?.formatter;
  let widest = 0;
  for (let v = e.min; v <= e.max + e.interval / 2; v += e.interval) {
    const text = typeof format === 'function' ? String((format as (x: number) => unknown)(v)) : String(v);
    widest = Math.max(widest, estimateTextWidth(text, font));
  }
  return widest;
}

/**
 * Fewer steps for the axes whose ticks are too close in this option, or null when all stand apart:
 * vertical ticks 1.8 em apart, horizontal ones the widest label and one em.
 */
export function fittedAxisSteps(frame: Frame, option: EChartsOption): AxisSteps | null {
  const { metrics: m } = frame;
  let y = frame.axisSteps.y;
  let x = frame.axisSteps.x;
  const yAxes = asArray(option.yAxis as ValueAxisLike | ValueAxisLike[] | undefined);
  const plot = plotGeometry(frame, option);
  if (plot) {
    const pitch = m.font * 1.8;
    const height = plot.bottom - plot.top;
    for (const axis of yAxes) {
      const e = extentOf(axis);
      if (e && height / stepsOf(e) < pitch) y = Math.min(y, Math.max(1, Math.floor(height / pitch)));
    }
  }
  const xAxis = asArray(option.xAxis as ValueAxisLike | ValueAxisLike[] | undefined)[0];
  const xe = xAxis ? extentOf(xAxis) : null;
  const categories = yAxes.find((a) => a.type === 'category');
  if (xAxis && xe && categories) {
    const shown = (categories.axisLabel as { show?: boolean } | undefined)?.show !== false;
    const grid = option.grid as { left?: unknown; right?: unknown } | undefined;
    const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
    const font = categories.axisLabel?.fontSize ?? m.font;
    const fixed = (categories.axisLabel as { width?: unknown } | undefined)?.width;
    const labelWidth = !shown ? 0 : typeof fixed === 'number' ? fixed : Math.max(0, ...(categories.data ?? []).map((c) => estimateTextWidth(c, font)));
    const width = m.width - num(grid?.left) - num(grid?.right) - labelWidth - (categories.axisLabel?.margin ?? 8);
    const tick = widestTick(xAxis, xe, xAxis.axisLabel?.fontSize ?? m.font) + m.font;
    if (width / stepsOf(xe) < tick) x = Math.min(x, Math.max(1, Math.floor(width / tick)));
  }
  return y === frame.axisSteps.y && x === frame.axisSteps.x ? null : { y, x };
}
