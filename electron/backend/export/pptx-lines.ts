// The native charts drawn as lines over the years: actuals, projections and targets on one or two
// value axes, and the fan's bands as stacked areas under its lines.
import type PptxGenJS from 'pptxgenjs';
import type { Frame } from '../../../shared/charts/frame';
import { withAxisSide } from '../../../shared/charts/templates/indicator-series';
import { bandsOutsideIn } from '../../../shared/charts/templates/scenario-fan';
import { breaksOf } from '../../../shared/charts/templates/target-trajectory';
import { firstProjectionYear, yearAxis } from '../../../shared/charts/time-series';
import type { NativeChart } from './pptx-native';
import {
  bandLabel,
  endsHere,
  fixedAxis,
  hex,
  joinsOf,
  lineGroup,
  plain,
  plotMarks,
  scaled,
  shade,
  stretches,
  targetLabels,
  targetSeries,
  timeLines,
  valueScale,
  yearLabels,
} from './pptx-series';

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
export function linesChart(frame: Frame, labelled: boolean, deadline: boolean): NativeChart {
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
    const flatLines = targetSeries(frame, axis, targets);
    const series = [...own.flatMap((l) => stretches(frame, axis, l.s, l.name, l.look, drawn, labelled && endsHere(l.s, drawn))), ...flatLines];
    const scale = valueScale(frame, unit, index === 0);
    return { series, scale, targets: targetLabels(flatLines, scale, index === 0 ? 0 : 1), targetLines: targets };
  });
  const types = groups.map((g, index) => lineGroup(g.series, labels, g.scale, index === 1 ? { secondaryValAxis: true, secondaryCatAxis: true } : {}));
  const values = groups.map((g) => g.series.flatMap((s) => scaled(s.values, g.scale)));
  const ranges = sharedTicks(values);
  // Both axes from zero with the same number of 1-2-5 steps, so the primary axis' gridlines are the
  // secondary's too; where they share no zero, each axis as the image has it.
  const axes =
    ranges?.map((r) => ({ extent: { min: 0, max: r.max }, options: { valAxisMinVal: 0, valAxisMaxVal: r.max, valAxisMajorUnit: r.step } })) ?? values.map((v, i) => fixedAxis(frame, v, groups[i]!.targetLines, groups[i]!.scale.divisor));
  const options: PptxGenJS.IChartOpts =
    groups.length === 2
      ? {
          valAxes: groups.map((g, i) => ({
            showValAxisTitle: true,
            valAxisTitle: g.scale.unit,
            ...axes[i]!.options,
            valGridLine: i === 0 && ranges ? { color: hex(frame.palette.grid), size: 0.75 } : { style: 'none' as const },
          })),
          catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
        }
      : { valAxisTitle: groups[0]?.scale.unit ?? '', ...axes[0]?.options };
  const marks = plotMarks(frame, axis, {
    deadlineTargets: deadline ? data.series.filter((s) => s.kind === 'target' && s.unit === units[0]) : [],
    projectionFrom: firstProjectionYear(drawn, joinsOf(drawn)),
    breaks: breaksOf(drawn),
  });
  return {
    types,
    options,
    styles: groups.flatMap((g) => g.series.map((s) => s.style)),
    yearPlot: { years: axis.years, onEdges: false, marks, extents: axes.map((a) => a.extent) },
    targets: groups.flatMap((g) => g.targets),
  };
}

export function fanChart(frame: Frame): NativeChart | null {
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
  const flatLines = targetSeries(frame, axis, targets);
  const lines = [...timeLines(frame, drawn).flatMap((l) => stretches(frame, axis, l.s, l.name, l.look, drawn, endsHere(l.s, drawn))), ...flatLines];
  const fixed = fixedAxis(frame, scaled([...bounds.flat(), ...lines.flatMap((l) => l.values)], scale));
  // pptxgenjs sets one opacity per chart, so deeper (more likely) slices are stronger tints instead.
  const tint = (depth: number): string => shade(palette.band, 0.2 + (0.35 * depth) / bands.length);
  return {
    types: [
      {
        type: 'area' as PptxGenJS.CHART_NAME,
        data: slices.map((s) => ({ name: s.name, labels, values: scaled(s.values, scale) as number[] })),
        options: { barGrouping: 'stacked', chartColors: slices.map((s, k) => (k === 0 ? 'transparent' : tint(s.depth))) },
      },
      lineGroup(lines, labels, scale),
    ],
    options: { valAxisTitle: scale.unit, ...fixed.options },
    styles: [...slices.map(() => plain), ...lines.map((l) => l.style)],
    hiddenLegend: slices.flatMap((s, k) => (k === 0 || s.depth < k ? [k] : [])),
    targets: targetLabels(flatLines, scale),
    yearPlot: {
      years: axis.years,
      onEdges: true,
      extents: [fixed.extent],
      marks: plotMarks(frame, axis, {
        deadlineTargets: targets,
        // A band year without spread (the base year, where every draw starts) is no projection.
        projectionFrom: firstProjectionYear(drawn, joinsOf(drawn), bands.flatMap((b) => b.points.filter((p) => p.high > p.low).map((p) => p.year))),
        breaks: breaksOf(drawn),
      }),
    },
  };
}
