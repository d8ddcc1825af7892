// Regional comparison: one indicator for 重庆, 四川, 成都 and 全国 side by side, as grouped bars per
// year or as lines. A region's projected years keep their own look (dashed, lighter) in both modes.
import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { ChartPoint, ChartSeries } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, type Frame, type TooltipRow } from '../frame';
import { withAlpha } from '../palette';
import type { SpecFor } from '../spec';
import {
  endLabelRoom,
  firstProjectionYear,
  joinPoint,
  lineSeries,
  lookAt,
  marksSeries,
  pointText,
  singleUnit,
  valueAxis,
  yearAxis,
  yearAxes,
  type YearAxis,
} from '../time-series';
import { breaksOf } from './target-trajectory';

export interface Region {
  name: string;
  actual: ChartSeries | undefined;
  projection: ChartSeries | undefined;
}

export function regionsOf(series: ChartSeries[]): Region[] {
  const drawn = series.filter((s) => s.kind !== 'target');
  const keys = [...new Set(drawn.map((s) => s.region ?? s.name))];
  return keys.map((name) => ({
    name,
    actual: drawn.find((s) => (s.region ?? s.name) === name && s.kind === 'actual'),
    projection: drawn.find((s) => (s.region ?? s.name) === name && s.kind === 'projection'),
  }));
}

/**
 * A region's point in a year: the actual when there is one, else the projection, whose base year (the
 * figure its scenario starts from) is not projected.
 */
function valueIn(region: Region, year: number | undefined): { value: number; point: ChartPoint; projected: boolean } | null {
  const a = region.actual?.points.find((p) => p.year === year && p.value !== null);
  if (a) return { value: a.value!, point: a, projected: false };
  const p = region.projection?.points.find((q) => q.year === year && q.value !== null);
  return p ? { value: p.value!, point: p, projected: !p.base } : null;
}

function regionBars(axis: YearAxis, region: Region, name: string, color: string): BarSeriesOption {
  return {
    type: 'bar',
    name,
    color,
    barMaxWidth: 36,
    data: axis.years.map((year) => {
      const v = valueIn(region, year);
      if (!v) return { value: null };
      return v.projected
        ? { value: v.value, itemStyle: { color: withAlpha(color, 0.45), borderColor: color, borderType: 'dashed' as const, borderWidth: 1 } }
        : { value: v.value, itemStyle: { color } };
    }),
    emphasis: { disabled: true },
  };
}

export function regionalComparison(frame: Frame, spec: SpecFor<'regional-comparison'>): EChartsOption {
  const { data } = frame;
  const regions = regionsOf(data.series);
  const targets = data.series.filter((s) => s.kind === 'target');
  if (!regions.length) throw new ChartBuildError('NO_DATA', { template: 'regional-comparison' }, 'No regions to compare');
  const unit = singleUnit(frame, data.series);
  const axis = yearAxis(frame);
  const bars = spec.options.mode === 'bars';
  const looks = regions.map((r, i) => ({ name: displayName(frame, r.name, r.actual?.basis ?? r.projection?.basis ?? 'published'), ...lookAt(frame, i) }));
  const joins = regions.map((r) => (r.projection && !bars ? joinPoint(r.actual, r.projection) : null));
  const labelled = regions.map((r) => r.projection ?? r.actual).filter((s): s is ChartSeries => !!s);

  const series = bars
    ? regions.map((r, i) => regionBars(axis, r, looks[i]!.name, looks[i]!.color))
    : regions.flatMap((r, i) => [
        ...(r.actual ? lineSeries(frame, axis, r.actual, looks[i]!.name, { ...looks[i]!, endLabel: regions.length <= 5 && !r.projection }) : []),
        ...(r.projection ? lineSeries(frame, axis, r.projection, looks[i]!.name, { ...looks[i]!, endLabel: regions.length <= 5 }, joins[i] ?? null) : []),
      ]);

  const rows = (index: number): TooltipRow[] =>
    regions.flatMap((r, i): TooltipRow[] => {
      const v = valueIn(r, axis.years[index]);
      if (!v) return [];
      return [{ name: looks[i]!.name, color: looks[i]!.color, value: v.projected ? frame.words.note(pointText(frame, v.point, unit), frame.words.projected) : pointText(frame, v.point, unit) }];
    });

  const option = composeOption(frame, {
    legend: looks.map((l) => l.name),
    xAxis: yearAxes(frame, axis, bars),
    yAxis: valueAxis(frame, unit, data.series.flatMap((s) => s.points.map((p) => p.value))),
    series: [
      // Projected bars are drawn lighter and dashed; a shaded period could only start mid-bar.
      ...marksSeries(frame, axis, { targets, projectionFrom: bars ? null : firstProjectionYear(data.series, joins), deadline: true, breaks: breaksOf(data.series), boundaryGap: bars }),
      ...series,
    ],
    tooltip: axisTooltip(frame, (i) => axis.labels[i] ?? '', rows, bars ? 'shadow' : 'line'),
  });
  if (!bars && regions.length <= 5) option.grid = { ...(option.grid as object), right: frame.metrics.pad + endLabelRoom(frame, labelled) };
  return option;
}
