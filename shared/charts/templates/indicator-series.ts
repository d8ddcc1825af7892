// Indicator time series: any indicators over time; when two units meet (亿元 and %), the second gets
// the right axis and every legend entry says which axis it reads on. Three units would not be legible.
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, type Frame } from '../frame';
import {
  actualFor,
  alignedExtents,
  firstProjectionYear,
  joinPoint,
  lineSeries,
  lookAt,
  marksSeries,
  valueAxis,
  yearAxis,
  yearAxes,
  yearRows,
} from '../time-series';
import { niceAxis } from '../number-format';
import { breaksOf } from './target-trajectory';

/** Which axis a series in `unit` reads on, as its legend entry says it where two units meet; '' on one axis. */
function axisSide(frame: Frame, units: readonly string[], unit: string): string {
  if (units.length !== 2) return '';
  const left = units.indexOf(unit) <= 0;
  return frame.spec.locale === 'zh' ? (left ? '左轴' : '右轴') : left ? 'left' : 'right';
}

/** A series name with the axis it reads on where two units meet: 数字经济规模（左轴）, 重庆（推算，右轴）. */
export function withAxisSide(frame: Frame, name: string, units: readonly string[], unit: string): string {
  const side = axisSide(frame, units, unit);
  return side ? frame.words.note(name, side) : name;
}

export function indicatorSeries(frame: Frame): EChartsOption {
  const { data, palette } = frame;
  const drawn = data.series.filter((s) => s.kind !== 'target');
  if (!drawn.length) throw new ChartBuildError('NO_DATA', { template: 'indicator-series' }, 'No series to draw');
  const units = [...new Set(drawn.map((s) => s.unit))];
  if (units.length > 2) throw new ChartBuildError('TOO_MANY_UNITS', { units }, `At most two units fit one chart: ${units.join(', ')}`);
  const axisOf = (unit: string): number => Math.max(0, units.indexOf(unit));
  const targets = data.series.filter((s) => s.kind === 'target' && units.includes(s.unit));
  const axis = yearAxis(frame);
  const joins = drawn.map((s) => (s.kind === 'projection' ? joinPoint(actualFor(s, drawn), s) : null));
  const entries = drawn.map((s, i) => ({ name: withAxisSide(frame, displayName(frame, s.name, s.basis), units, s.unit), series: s, ...lookAt(frame, i) }));
  const valuesOn = (index: number) => [...drawn, ...targets].filter((s) => axisOf(s.unit) === index).flatMap((s) => s.points.map((p) => p.value));

  const marks: LineSeriesOption[] = units.flatMap((unit, index) =>
    marksSeries(frame, axis, {
      targets: targets.filter((t) => t.unit === unit),
      projectionFrom: index === 0 ? firstProjectionYear(drawn, joins) : null,
      deadline: index === 0,
      breaks: index === 0 ? breaksOf(drawn) : [],
      yAxisIndex: index,
    }),
  );
  // Two axes take the same number of 1-2-5 steps, so the right axis' ticks sit on the left's gridlines.
  const extents = units.map((_, index) => niceAxis(valuesOn(index), frame.axisSteps.y));
  const [left, right] = extents.length === 2 ? alignedExtents(extents[0]!, extents[1]!) : extents;
  return composeOption(frame, {
    legend: entries.map((e) => e.name),
    xAxis: yearAxes(frame, axis, false),
    // A user's unit label names the left axis only; the right axis keeps its own unit.
    yAxis: units.map((unit, index) => valueAxis(frame, unit, valuesOn(index), { position: index === 0 ? 'left' : 'right', extent: index === 0 ? left : right })),
    series: [...marks, ...entries.flatMap((e, i) => lineSeries(frame, axis, e.series, e.name, { ...e, yAxisIndex: axisOf(e.series.unit) }, joins[i] ?? null))],
    tooltip: axisTooltip(frame, (i) => axis.labels[i] ?? '', yearRows(frame, axis, [...entries, ...targets.map((s) => ({ name: s.name, color: palette.target, series: s }))])),
  });
}
