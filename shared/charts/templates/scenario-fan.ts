// Scenario fan: the central projection with its percentile bands (e.g. 5–95 and 25–75 from the
// Monte Carlo run), the history it starts from and the target. Each band is a transparent base plus
// a filled difference, stacked, which is also how PowerPoint draws it natively.
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { ChartBand } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, type Frame, type TooltipRow } from '../frame';
import { formatValue } from '../number-format';
import { withAlpha } from '../palette';
import {
  actualFor,
  alignToYears,
  endLabelRoom,
  firstProjectionYear,
  joinPoint,
  lineSeries,
  lookAt,
  marksSeries,
  singleUnit,
  valueAxis,
  yearAxis,
  yearAxes,
  yearRows,
} from '../time-series';
import { breaksOf, continuedActuals } from './target-trajectory';

/** Widest band first, so narrower (more likely) bands are drawn on top and darker. */
export function bandsOutsideIn(bands: ChartBand[]): ChartBand[] {
  return [...bands].sort((a, b) => b.upper - b.lower - (a.upper - a.lower));
}

function bandLabel(frame: Frame, band: ChartBand): string {
  return frame.words.note(band.name, `P${band.lower}–P${band.upper}`);
}

export function scenarioFan(frame: Frame): EChartsOption {
  const { data, palette } = frame;
  const lines = data.series.filter((s) => s.kind !== 'target');
  const targets = data.series.filter((s) => s.kind === 'target');
  if (!data.bands.length) throw new ChartBuildError('NO_DATA', { template: 'scenario-fan', missing: 'bands' }, 'A fan chart needs percentile bands');
  const unit = singleUnit(frame, [...lines, ...targets, ...data.bands]);
  const axis = yearAxis(frame);
  const joins = lines.map((s) => (s.kind === 'projection' ? joinPoint(actualFor(s, lines), s) : null));
  const continued = continuedActuals(lines);
  const entries = lines.map((s, i) => ({ name: displayName(frame, s.name, s.basis), series: s, ...lookAt(frame, i) }));
  const bands = bandsOutsideIn(data.bands);
  const opacities = bands.map((_, i) => 0.14 + (0.22 * (i + 1)) / bands.length);

  const bandSeries: LineSeriesOption[] = bands.flatMap((band, i) => {
    const stack = `band-${band.id}`;
    const base = alignToYears(axis, band.points.map((p) => ({ year: p.year, value: p.low })));
    const width = alignToYears(axis, band.points.map((p) => ({ year: p.year, value: p.high - p.low })));
    const common = { type: 'line' as const, stack, symbol: 'none', connectNulls: false, silent: true, z: 2, emphasis: { disabled: true } };
    return [
      { ...common, name: `${band.id}-base`, data: base, lineStyle: { opacity: 0 } },
      {
        ...common,
        name: bandLabel(frame, band),
        data: width,
        color: withAlpha(palette.band, opacities[i]!),
        lineStyle: { opacity: 0 },
        areaStyle: { color: withAlpha(palette.band, opacities[i]!) },
      },
    ];
  });

  const values = [...lines, ...targets].flatMap((s) => s.points.map((p) => p.value)).concat(bands.flatMap((b) => b.points.map((p) => p.high)));
  const lineRows = yearRows(frame, axis, [...entries, ...targets.map((s) => ({ name: s.name, color: palette.target, series: s }))]);
  const rows = (index: number): TooltipRow[] => {
    const year = axis.years[index];
    const bandRows = bands.flatMap((band, i) => {
      const p = band.points.find((q) => q.year === year);
      if (!p) return [];
      const value = `${formatValue(p.low, band.unit, frame.style)} – ${formatValue(p.high, band.unit, frame.style)}`;
      return [{ name: bandLabel(frame, band), color: withAlpha(palette.band, opacities[i]! + 0.2), value }];
    });
    return [...lineRows(index), ...bandRows];
  };
  const option = composeOption(frame, {
    // A band is an area: its legend swatch is filled, not a line's marker.
    legend: [...entries.map((e) => e.name), ...bands.map((b) => ({ name: bandLabel(frame, b), icon: 'roundRect' as const }))],
    xAxis: yearAxes(frame, axis, false),
    yAxis: valueAxis(frame, unit, values),
    series: [
      ...marksSeries(frame, axis, {
        targets,
        // A band year without spread (the base year, where every draw starts) is no projection.
        projectionFrom: firstProjectionYear(lines, joins, bands.flatMap((b) => b.points.filter((p) => p.high > p.low).map((p) => p.year))),
        deadline: true,
        breaks: breaksOf(lines),
      }),
      ...bandSeries,
      ...entries.flatMap((e, i) => lineSeries(frame, axis, e.series, e.name, { ...e, endLabel: !continued.has(e.series) }, joins[i] ?? null)),
    ],
    tooltip: axisTooltip(frame, (i) => axis.labels[i] ?? '', rows),
  });
  option.grid = { ...(option.grid as object), right: frame.metrics.pad + endLabelRoom(frame, lines.filter((s) => !continued.has(s))) };
  return option;
}
