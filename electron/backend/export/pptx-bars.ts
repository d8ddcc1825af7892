// The native charts drawn as bars or stacked areas: the stacked components with their total, the
// waterfall on an invisible base, and regions side by side.
import type PptxGenJS from 'pptxgenjs';
import { boundNote, boundWord, withNotes } from '../../../shared/charts/bound-note';
import type { ChartSeries } from '../../../shared/charts/data';
import { displayName, type Frame } from '../../../shared/charts/frame';
import { formatBoundedValue, formatSigned } from '../../../shared/charts/number-format';
import { seriesColor } from '../../../shared/charts/palette';
import { requireWaterfall, waterfallLayout } from '../../../shared/charts/templates/contribution-waterfall';
import { regionsOf } from '../../../shared/charts/templates/regional-comparison';
import { componentsOf, onBoundedBase, totalOf } from '../../../shared/charts/templates/stacked-components';
import { breaksOf } from '../../../shared/charts/templates/target-trajectory';
import { firstProjectionYear, joinPoint, yearAxis } from '../../../shared/charts/time-series';
import type { NativeChart } from './pptx-native';
import {
  fixedAxis,
  hex,
  lineGroup,
  measureNotes,
  plain,
  plotMarks,
  pointIn,
  scaled,
  stretches,
  targetLabels,
  targetSeries,
  valueScale,
  yearLabels,
  type NativeSeries,
} from './pptx-series';

export function stackedChart(frame: Frame, mode: 'area' | 'bars', showTotal: boolean): NativeChart {
  const { data, palette, words } = frame;
  const components = componentsOf(data.series);
  const axis = yearAxis(frame);
  const labels = yearLabels(axis, data.series);
  const unit = data.series[0]?.unit ?? '';
  const merged = components.map((c, i) => {
    const points = axis.years.map((y) => pointIn(c.actual, y) ?? pointIn(c.projection, y));
    return {
      name: withNotes(frame, displayName(frame, c.name, c.actual?.basis ?? c.projection?.basis ?? 'published'), [...measureNotes(frame, points), ...boundNote(frame, points)]),
      color: seriesColor(palette, i),
      values: points.map((p) => p?.value ?? null),
    };
  });
  // The total as the image draws it: the actual total solid, the projected one dashed, the end of the
  // last labelled, one legend entry.
  const projected = totalOf(components.map((c) => c.projection), 'projection', words.total);
  const totals = showTotal
    ? [totalOf(components.map((c) => c.actual), 'actual', words.total), projected && onBoundedBase(frame, projected, components)].filter((t): t is ChartSeries => !!t)
    : [];
  const look = { color: palette.text, symbol: 'circle' };
  const totalLines = totals.map((t) => stretches(frame, axis, t, words.total, look, totals, t === totals.at(-1)));
  const scale = valueScale(frame, unit);
  const targets = targetSeries(frame, axis, data.series.filter((s) => s.kind === 'target'));
  const lines: NativeSeries[] = [...totalLines.flat(), ...targets];
  const stackTops = axis.years.map((_, k) => merged.reduce((sum, m) => sum + (m.values[k] ?? 0), 0));
  const fixed = fixedAxis(frame, scaled([...stackTops, ...lines.flatMap((l) => l.values)], scale));
  const repeated = totalLines.length > 1 ? totalLines[0]!.map((_, k) => merged.length + k) : [];
  const stack: PptxGenJS.IChartMulti = {
    type: (mode === 'bars' ? 'bar' : 'area') as PptxGenJS.CHART_NAME,
    data: merged.map((m) => ({ name: m.name, labels, values: scaled(m.values, scale) as number[] })),
    options: { barGrouping: 'stacked', barGapWidthPct: 60, chartColors: merged.map((m) => hex(m.color)) },
  };
  const joins = components.map((c) => (c.projection ? joinPoint(c.actual, c.projection) : null));
  return {
    types: lines.length ? [stack, lineGroup(lines, labels, scale)] : [stack],
    options: { valAxisTitle: scale.unit, ...fixed.options },
    styles: [...merged.map(() => plain), ...lines.map((l) => l.style)],
    hiddenLegend: repeated,
    targets: targetLabels(targets, scale),
    yearPlot: {
      years: axis.years,
      onEdges: mode === 'area',
      extents: [fixed.extent],
      marks: plotMarks(frame, axis, {
        deadlineTargets: data.series.filter((s) => s.kind === 'target'),
        // Projected bars are drawn lighter; a shaded period could only start mid-bar.
        projectionFrom: mode === 'bars' ? null : firstProjectionYear(data.series, joins),
        breaks: breaksOf(data.series),
      }),
    },
  };
}

export function waterfallChart(frame: Frame): NativeChart {
  const { palette, words, style } = frame;
  const bars = requireWaterfall(frame);
  const layout = waterfallLayout(bars);
  // A step's category says what its bar is: a projection ("2022年（预测）"), a bound ("2020年（下限值）":
  // the base of "超6000亿元" is ≥6000).
  const projected = frame.spec.locale === 'zh' ? '预测' : 'projection';
  const labels = bars.steps.map((s) =>
    withNotes(frame, s.label, [...(s.projection ? [projected] : []), ...(s.bound && s.bound !== 'exact' ? [boundWord(frame, s.bound)] : [])]),
  );
  const scale = valueScale(frame, bars.unit);
  const parts = [
    { name: words.base, values: layout.base, color: 'transparent' },
    { name: words.increase, values: layout.increase, color: hex(palette.increase) },
    { name: words.decrease, values: layout.decrease, color: hex(palette.decrease) },
    { name: words.total, values: layout.total, color: hex(palette.total) },
  ];
  // A stacked bar's labels can only sit inside it, so the values the image writes above each bar
  // ("+518.4亿元", "≥6000.0亿元") are carried by a stroke-less line through the bars' tops.
  const tops = bars.steps.map((_, i) => (layout.base[i] ?? 0) + (layout.increase[i] ?? layout.decrease[i] ?? layout.total[i] ?? 0));
  const carrier: NativeSeries = {
    name: frame.spec.locale === 'zh' ? '数值' : 'Values',
    values: tops,
    color: palette.text,
    style: {
      ...plain,
      invisible: true,
      labels: bars.steps.map((step, idx) => ({
        idx,
        text: step.role === 'total' ? formatBoundedValue(step.value, bars.unit, step.bound, style) : formatSigned(step.value, bars.unit, style),
        position: 't' as const,
      })),
    },
  };
  return {
    types: [
      {
        type: 'bar' as PptxGenJS.CHART_NAME,
        data: parts.map((p) => ({ name: p.name, labels, values: scaled(p.values, scale) as number[] })),
        options: { barGrouping: 'stacked', barGapWidthPct: 60, chartColors: parts.map((p) => p.color) },
      },
      lineGroup([carrier], labels, scale),
    ],
    options: { valAxisTitle: scale.unit },
    styles: [...parts.map(() => plain), carrier.style],
    targets: [],
    // The invisible base, a part no step draws (no 减少 without a falling step) and the label carrier stay out of the legend.
    hiddenLegend: [...parts.flatMap((p, i) => (i === 0 || p.values.every((v) => v === null) ? [i] : [])), parts.length],
  };
}

export function regionalBars(frame: Frame): NativeChart {
  const { data, palette } = frame;
  const regions = regionsOf(data.series);
  const axis = yearAxis(frame);
  const labels = yearLabels(axis, data.series);
  const series = regions.map((r, i) => {
    const points = axis.years.map((y) => pointIn(r.actual, y) ?? pointIn(r.projection, y));
    return {
      name: withNotes(frame, displayName(frame, r.name, r.actual?.basis ?? r.projection?.basis ?? 'published'), [...measureNotes(frame, points), ...boundNote(frame, points)]),
      color: seriesColor(palette, i),
      values: points.map((p) => p?.value ?? null),
    };
  });
  const scale = valueScale(frame, data.series[0]?.unit ?? '');
  const targets = targetSeries(frame, axis, data.series.filter((s) => s.kind === 'target'));
  const barGroup: PptxGenJS.IChartMulti = {
    type: 'bar' as PptxGenJS.CHART_NAME,
    data: series.map((s) => ({ name: s.name, labels, values: scaled(s.values, scale) as number[] })),
    options: { barGrouping: 'clustered', barGapWidthPct: 80, chartColors: series.map((s) => hex(s.color)) },
  };
  const fixed = fixedAxis(frame, scaled([...series, ...targets].flatMap((s) => s.values), scale));
  return {
    types: targets.length ? [barGroup, lineGroup(targets, labels, scale)] : [barGroup],
    options: { valAxisTitle: scale.unit, ...fixed.options },
    styles: [...series.map(() => plain), ...targets.map((t) => t.style)],
    targets: targetLabels(targets, scale),
    yearPlot: {
      years: axis.years,
      onEdges: false,
      extents: [fixed.extent],
      marks: plotMarks(frame, axis, { deadlineTargets: data.series.filter((s) => s.kind === 'target'), projectionFrom: null, breaks: breaksOf(data.series) }),
    },
  };
}
