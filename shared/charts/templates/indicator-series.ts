// Indicator time series: any indicators over time; when two units meet (亿元 and %), the second gets
// the right axis and every legend entry says which axis it reads on. Three units would not be legible.
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, type Frame } from '../frame';
import {
  actualFor,
  firstProjectionYear,
  joinPoint,
  lineSeries,
  lookAt,
  marksSeries,
  valueAxis,
  yearAxis,
  yearCategoryAxis,
  yearRows,
} from '../time-series';
import { breaksOf } from './target-trajectory';

/** Which axis a series in `unit` reads on, as its legend entry says it where two units meet; '' on one axis. */
export function axisSide(frame: Frame, units: readonly string[], unit: string): string {
  if (units.length !== 2) return '';
  const left = units.indexOf(unit) <= 0;
  return frame.spec.locale === 'zh' ? (left ? '（左轴）' : '（右轴）') : left ? ' (left)' : ' (right)';
}

export function indicatorSeries(frame: Frame): EChartsOption {
  const { data, palette, spec } = frame;
  const drawn = data.series.filter((s) => s.kind !== 'target');
  if (!drawn.length) throw new ChartBuildError('NO_DATA', { template: 'indicator-series' }, 'No series to draw');
  const units = [...new Set(drawn.map((s) => s.unit))];
  if (units.length > 2) throw new ChartBuildError('TOO_MANY_UNITS', { units }, `At most two units fit one chart: ${units.join(', ')}`);
  const axisOf = (unit: string): number => Math.max(0, units.indexOf(unit));
  const targets = data.series.filter((s) => s.kind === 'target' && units.includes(s.unit));
  const axis = yearAxis(frame);
  const joins = drawn.map((s) => (s.kind === 'projection' ? joinPoint(actualFor(s, drawn), s) : null));
  const entries = drawn.map((s, i) => ({ name: `${displayName(frame, s.name, s.basis)}${axisSide(frame, units, s.unit)}`, series: s, ...lookAt(frame, i) }));
  const valuesOn = (index: number) => [...drawn, ...targets].filter((s) => axisOf(s.unit) === index).flatMap((s) => s.points.map((p) => p.value));

  const marks: LineSeriesOption[] = units.map((unit, index) =>
    marksSeries(frame, axis, {
      targets: targets.filter((t) => t.unit === unit),
      projectionFrom: index === 0 ? firstProjectionYear(drawn, joins) : null,
      deadline: index === 0,
      breaks: index === 0 ? breaksOf(drawn) : [],
      yAxisIndex: index,
    }),
  );
  return composeOption(frame, {
    legend: entries.map((e) => e.name),
    xAxis: yearCategoryAxis(frame, axis, false),
    // A user's unit label names the left axis only; the right axis keeps its own unit.
    yAxis: units.map((unit, index) => valueAxis(frame, unit, valuesOn(index), index === 0 ? 'left' : 'right', index === 0 ? spec.unitLabel : '')),
    series: [...marks, ...entries.flatMap((e, i) => lineSeries(frame, axis, e.series, e.name, { ...e, yAxisIndex: axisOf(e.series.unit) }, joins[i] ?? null))],
    tooltip: axisTooltip(frame, (i) => axis.labels[i] ?? '', yearRows(frame, axis, [...entries, ...targets.map((s) => ({ name: s.name, color: palette.target, series: s }))])),
  });
}
