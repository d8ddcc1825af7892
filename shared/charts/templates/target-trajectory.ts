// Target trajectory: the actual path, one dashed path per scenario, the plan's target as a line and
// its deadline as a marker. The question it answers: does each scenario reach 1万亿元 by 2022?
import type { EChartsOption } from 'echarts';
import type { ChartSeries } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, type Frame } from '../frame';
import type { SpecFor } from '../spec';
import {
  actualFor,
  endLabelRoom,
  firstProjectionYear,
  joinPoint,
  lineSeries,
  lookAt,
  marksSeries,
  singleUnit,
  targetAxisExtent,
  valueAxis,
  yearAxis,
  yearAxes,
  yearRows,
  type BreakMark,
  type Marks,
} from '../time-series';

/** Shared by target-trajectory and share-of-gdp, which differ in the unit they accept. */
export function trajectoryOption(frame: Frame, deadlineMarker: boolean): EChartsOption {
  const drawn = frame.data.series.filter((s) => s.kind !== 'target');
  const targets = frame.data.series.filter((s) => s.kind === 'target');
  if (!drawn.length) throw new ChartBuildError('NO_DATA', { template: frame.spec.template }, 'No actual or projected series to draw');
  const unit = singleUnit(frame, [...drawn, ...targets]);
  const axis = yearAxis(frame);
  const joins = drawn.map((s) => (s.kind === 'projection' ? joinPoint(actualFor(s, drawn), s) : null));
  const continued = continuedActuals(drawn);
  const entries = drawn.map((s, i) => ({ name: displayName(frame, s.name, s.basis), series: s, ...lookAt(frame, i) }));
  const endLabels = drawn.length <= 4;
  const marks: Marks = {
    targets,
    projectionFrom: firstProjectionYear(drawn, joins),
    deadline: deadlineMarker,
    breaks: breaksOf(drawn),
  };
  const values = [...drawn, ...targets].flatMap((s) => s.points.map((p) => p.value));
  const option = composeOption(frame, {
    legend: entries.map((e) => e.name),
    xAxis: yearAxes(frame, axis, false),
    yAxis: valueAxis(frame, unit, values, { extent: targetAxisExtent(frame, values, targets) }),
    series: [
      ...marksSeries(frame, axis, marks),
      ...entries.flatMap((e, i) => lineSeries(frame, axis, e.series, e.name, { ...e, endLabel: endLabels && !continued.has(e.series) }, joins[i] ?? null)),
    ],
    tooltip: axisTooltip(frame, (i) => axis.labels[i] ?? '', yearRows(frame, axis, [...entries, ...targets.map((s) => ({ name: s.name, color: frame.palette.target, series: s }))])),
  });
  if (endLabels) option.grid = { ...(option.grid as object), right: frame.metrics.pad + endLabelRoom(frame, drawn) };
  return option;
}

/**
 * The breaks of the drawn series, each with the measures on either side (the last value before it and
 * the first from it) when every series broken there changes between the same two; a break recorded
 * by hand within one measure names none.
 */
export function breaksOf(series: ChartSeries[]): BreakMark[] {
  return [...new Set(series.flatMap((s) => s.breaksBefore))].map((year) => {
    const pairs = series
      .filter((s) => s.breaksBefore.includes(year))
      .map((s) => {
        const valued = s.points.filter((p) => p.value !== null).sort((a, b) => a.year - b.year);
        return [valued.findLast((p) => p.year < year)?.measure, valued.find((p) => p.year >= year)?.measure] as const;
      });
    const [from, to] = pairs[0]!;
    const same = pairs.every(([f, t]) => f === from && t === to);
    return same && from !== undefined && to !== undefined && from !== to ? { year, from, to } : { year };
  });
}

/** Actual series a projection continues: their last value is where the dashed line starts, so no end label. */
export function continuedActuals(series: ChartSeries[]): Set<ChartSeries> {
  return new Set(series.flatMap((s) => (s.kind === 'projection' ? [actualFor(s, series)] : [])).filter((a): a is ChartSeries => !!a));
}

export function targetTrajectory(frame: Frame, spec: SpecFor<'target-trajectory'>): EChartsOption {
  return trajectoryOption(frame, spec.options.deadlineMarker);
}
