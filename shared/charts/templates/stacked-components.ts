// Stacked components: the parts of a total over time (数字产业化 + 产业数字化, or the plan's industry
// clusters), as areas or bars. Actual and projected years are separate stacks, so the projected part
// can be drawn lighter and dashed while each year still stacks only its own components.
import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { boundNote, withNotes } from '../bound-note';
import type { Bound, ChartPoint, ChartSeries } from '../data';
import { ChartBuildError } from '../errors';
import { axisTooltip, composeOption, displayName, type Frame, type TooltipRow } from '../frame';
import { withAlpha } from '../palette';
import type { SpecFor } from '../spec';
import {
  alignToYears,
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

export interface Component {
  name: string;
  actual: ChartSeries | undefined;
  projection: ChartSeries | undefined;
}

/** Series grouped by component name, in the order the data first names them. */
export function componentsOf(series: ChartSeries[]): Component[] {
  const names = [...new Set(series.filter((s) => s.kind !== 'target').map((s) => s.name))];
  return names.map((name) => ({
    name,
    actual: series.find((s) => s.name === name && s.kind === 'actual'),
    projection: series.find((s) => s.name === name && s.kind === 'projection'),
  }));
}

/** The bound of a sum: parts bounded on one side sum to a bound on that side; both sides leave it open. */
function sumBound(bounds: Array<Bound | undefined>): Bound | null {
  const has = (b: Bound) => bounds.includes(b);
  if (has('lower') && has('upper')) return null;
  return has('lower') ? 'lower' : has('upper') ? 'upper' : has('approx') ? 'approx' : 'exact';
}

/**
 * The total of all components, for the years in which every component has a value on one measure
 * (parts of two measures do not add up) and their bounds give the sum one.
 */
export function totalOf(parts: Array<ChartSeries | undefined>, kind: 'actual' | 'projection', name: string): ChartSeries | undefined {
  const present = parts.filter((p): p is ChartSeries => !!p);
  if (!present.length || present.length < parts.length) return undefined;
  const years = [...new Set(present.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const points = years.flatMap((year): ChartPoint[] => {
    const found = present.map((s) => s.points.find((p) => p.year === year && p.value !== null));
    if (!found.every((p) => p !== undefined)) return [];
    const bound = sumBound(found.map((p) => p.bound));
    const measures = new Set(found.map((p) => p.measure));
    if (bound === null || measures.size > 1) return [];
    const measure = found[0]!.measure;
    return [{ year, value: found.reduce((a, p) => a + p.value!, 0), ...(bound === 'exact' ? {} : { bound }), ...(measure === undefined ? {} : { measure }) }];
  });
  const first = present[0]!;
  return { ...first, id: `total-${kind}`, name, kind, points, basis: present.some((s) => s.basis === 'illustrative') ? 'illustrative' : first.basis, breaksBefore: [] };
}

/**
 * A projected total with the bound of its scenario's base (meta.boundedBases) on each value from the
 * base year: the components carry none, their split being illustrative, but their sum is the
 * scenario's total, which rests on that base ("超6000亿元": ≥6000 in 2020, at least what its growth
 * gives after), as the footer says and the scenario's own total line draws it. The image and the
 * native PowerPoint chart both draw the total this way.
 */
export function onBoundedBase(frame: Frame, total: ChartSeries, components: Component[]): ChartSeries {
  const { scenarios, boundedBases } = frame.data.meta;
  const ids = new Set(components.map((c) => c.projection?.scenarioId));
  const names = new Set(scenarios.filter((s) => ids.has(s.id)).map((s) => s.name));
  const base = boundedBases.find((b) => names.has(b.scenario) && b.bound !== 'exact');
  if (!base) return total;
  return { ...total, points: total.points.map((p) => (p.value !== null && p.year >= base.year && !p.bound ? { ...p, bound: base.bound } : p)) };
}

/** A part's bars: projected years lighter and dashed; a projection's base year (the figure it starts from) as an actual bar. */
function barSeries(axis: YearAxis, s: ChartSeries, name: string, color: string, stack: string): BarSeriesOption {
  const projected = s.kind === 'projection';
  const base = new Set(s.points.filter((p) => p.base).map((p) => p.year));
  return {
    type: 'bar',
    name,
    stack,
    data: alignToYears(axis, s.points).map((value, k) => (projected && value !== null && base.has(axis.years[k]!) ? { value, itemStyle: { color, borderWidth: 0 } } : value)),
    barGap: '-100%',
    barWidth: '60%',
    color,
    itemStyle: projected ? { color: withAlpha(color, 0.45), borderColor: color, borderType: 'dashed', borderWidth: 1 } : { color },
    emphasis: { disabled: true },
  };
}

export function stackedComponents(frame: Frame, spec: SpecFor<'stacked-components'>): EChartsOption {
  const { data, palette, words } = frame;
  const components = componentsOf(data.series);
  const targets = data.series.filter((s) => s.kind === 'target');
  if (!components.length) throw new ChartBuildError('NO_DATA', { template: 'stacked-components' }, 'No components to stack');
  const unit = singleUnit(frame, data.series);
  const axis = yearAxis(frame);
  const bars = spec.options.mode === 'bars';
  const joins = components.map((c) => (c.projection ? joinPoint(c.actual, c.projection) : null));
  const looks = components.map((c, i) => ({ name: displayName(frame, c.name, c.actual?.basis ?? c.projection?.basis ?? 'published'), ...lookAt(frame, i) }));

  const drawn: Array<LineSeriesOption | BarSeriesOption> = components.flatMap((c, i) => {
    const look = looks[i]!;
    const parts: Array<LineSeriesOption | BarSeriesOption> = [];
    if (c.actual) {
      parts.push(...(bars ? [barSeries(axis, c.actual, look.name, look.color, 'actual')] : lineSeries(frame, axis, c.actual, look.name, { ...look, symbol: 'none', areaOpacity: 0.8, stack: 'actual' })));
    }
    if (c.projection) {
      parts.push(
        ...(bars
          ? [barSeries(axis, c.projection, look.name, look.color, 'projection')]
          : lineSeries(frame, axis, c.projection, look.name, { ...look, symbol: 'none', areaOpacity: 0.35, stack: 'projection' }, joins[i] ?? null)),
      );
    }
    return parts;
  });

  const projected = totalOf(components.map((c) => c.projection), 'projection', words.total);
  const sums = [totalOf(components.map((c) => c.actual), 'actual', words.total), projected && onBoundedBase(frame, projected, components)].filter(
    (t): t is ChartSeries => !!t,
  );
  const totals = spec.options.showTotal ? sums : [];
  const totalActual = totals.find((t) => t.kind === 'actual');
  // Only the last stretch of the total is labelled: the actual total's end is where the projection starts.
  const labelled = totals.filter((t) => t.kind === 'projection' || totals.length === 1);
  // One legend entry, named as the native chart names the labelled total: with the years it gives as bounds.
  const totalName = withNotes(frame, words.total, boundNote(frame, labelled.at(-1)?.points ?? []));
  const totalLines = totals.flatMap((t) =>
    lineSeries(frame, axis, t, totalName, { color: palette.text, symbol: 'circle', endLabel: labelled.includes(t) }, t.kind === 'projection' && !bars ? joinPoint(totalActual, t) : null),
  );

  // The axis scale follows the stacked height, not the largest single component.
  const values = [...sums, ...data.series].flatMap((s) => s.points.map((p) => p.value));
  const rows = (index: number): TooltipRow[] => {
    const year = axis.years[index];
    const pointIn = (s: ChartSeries | undefined): ChartPoint | undefined => s?.points.find((p) => p.year === year && p.value !== null);
    return [
      ...components.flatMap((c, i): TooltipRow[] => {
        const p = pointIn(c.actual) ?? pointIn(c.projection);
        return p ? [{ name: looks[i]!.name, color: looks[i]!.color, value: pointText(frame, p, unit) }] : [];
      }),
      ...totals.flatMap((t): TooltipRow[] => {
        const p = pointIn(t);
        return !p || (t.kind === 'projection' && pointIn(totalActual)) ? [] : [{ name: words.total, color: palette.text, value: pointText(frame, p, unit) }];
      }),
    ];
  };

  const option = composeOption(frame, {
    // Areas show a filled swatch in the legend (bars do by default), the total line its marker.
    legend: [...looks.map((l) => (bars ? l.name : { name: l.name, icon: 'roundRect' as const })), ...(totals.length ? [totalName] : [])],
    xAxis: yearAxes(frame, axis, bars),
    yAxis: valueAxis(frame, unit, values),
    series: [
      // Projected bars are drawn lighter and dashed; a shaded period could only start mid-bar.
      ...marksSeries(frame, axis, { targets, projectionFrom: bars ? null : firstProjectionYear(data.series, joins), deadline: true, breaks: breaksOf(data.series), boundaryGap: bars }),
      ...drawn,
      ...totalLines,
    ],
    tooltip: axisTooltip(frame, (i) => axis.labels[i] ?? '', rows, bars ? 'shadow' : 'line'),
  });
  if (totals.length) option.grid = { ...(option.grid as object), right: frame.metrics.pad + endLabelRoom(frame, labelled) };
  return option;
}
