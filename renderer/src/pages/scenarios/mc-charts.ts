// The Monte Carlo and importance charts no briefing template draws: a target's distribution with its
// threshold marked, the probability of having met each target by every year, the first year a target
// is met, and each driver's rank correlation with an output. Pure option builders; titles and
// explanations are the page's (HTML, so they wrap in English). Every axis and label by name and unit.
import type { EChartsCoreOption } from 'echarts';
import type { MonteCarloResult } from '../../../../shared/engine';
import { formatPercent, formatPlain, formatYi, type Locale } from '../../../../shared/format/number';

const met = '#2f7d4f';
const missed = '#8aa4c8';
const late = '#d08a2c';
const never = '#a3a3a3';
const accent = '#b3261e';
const negative = '#d08a2c';
const positive = '#3b6fb6';
const lineColors = ['#3b6fb6', '#b3261e', '#2f7d4f', '#7a4fb3', '#d08a2c', '#4f9bb3'];

/** A target as the charts mark it: its name, threshold, comparator and year. */
export interface MarkedTarget {
  label: string;
  threshold: number;
  comparator: '>=' | '>';
  year: number;
}

/** The value in its unit, as the axis and tooltip say it: 1.2万亿元, 45.4%. */
const amount = (v: number, unit: '亿元' | '%', locale: Locale, digits: number) => (unit === '%' ? formatPercent(v, locale, digits) : formatYi(v, locale, digits));

const meets = (v: number, t: MarkedTarget) => (t.comparator === '>' ? v > t.threshold : v >= t.threshold);

/** ρ to two decimals, always two (0.80, −0.02): a column of them reads evenly. */
const rho = (v: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

/** The axis from `lo` to `hi` widened to whole steps of 1, 2 or 5 × 10ᵏ (about five of them), so its ends are round numbers. */
export function roundExtent(lo: number, hi: number): [number, number] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((x) => x >= raw)!;
  // toPrecision drops binary noise (47 × 0.01 = 0.47000000000000003), which an axis label would show.
  const clean = (v: number) => Number(v.toPrecision(12));
  return [clean(Math.floor(lo / step) * step), clean(Math.ceil(hi / step) * step)];
}

/**
 * A histogram over the draws on a value axis, each bin drawn from its lower to its upper edge; with a
 * target, the bins lying wholly on its met side in green and a dashed line at its threshold.
 */
export function histogramOption(h: Pick<MonteCarloResult['histogram'], 'edges' | 'counts'>, draws: number, unit: '亿元' | '%', locale: Locale, target: MarkedTarget | null, targetText: string): EChartsCoreOption {
  const bins = h.counts.map((count, i) => {
    const lo = h.edges[i]!;
    const hi = h.edges[i + 1] ?? lo;
    return { value: [lo, hi, count], itemStyle: { color: target && meets(lo, target) ? met : missed } };
  });
  const lo = Math.min(h.edges[0]!, target?.threshold ?? Infinity);
  const hi = Math.max(h.edges.at(-1)!, target?.threshold ?? -Infinity);
  const [min, max] = roundExtent(lo, hi);
  return {
    grid: { left: 56, right: 24, top: 28, bottom: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { value: [number, number, number] }) =>
        `${amount(p.value[0], unit, locale, 2)} – ${amount(p.value[1], unit, locale, 2)}：${formatPercent((p.value[2] / draws) * 100, locale, 1)}`,
    },
    xAxis: {
      type: 'value',
      min,
      max,
      axisLabel: { rotate: 30, fontSize: 10, hideOverlap: true, formatter: (v: number) => amount(v, unit, locale, 2) },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent((v / draws) * 100, locale, 0) } },
    series: [
      {
        type: 'custom',
        encode: { x: [0, 1], y: 2 },
        data: bins,
        renderItem: (_: unknown, api: { value: (i: number) => number; coord: (p: [number, number]) => [number, number]; style: () => object }) => {
          const [x0, y0] = api.coord([api.value(0), 0]);
          const [x1, y1] = api.coord([api.value(1), api.value(2)]);
          return { type: 'rect', shape: { x: x0, y: y1, width: Math.max(1, x1 - x0 - 1), height: y0 - y1 }, style: api.style() };
        },
        ...(target
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: accent, type: 'dashed', width: 1.5 },
                label: { formatter: targetText, color: accent, fontSize: 11, position: 'end' },
                data: [{ xAxis: target.threshold }],
              },
            }
          : {}),
      },
    ],
  };
}

/**
 * P(met by year Y) per target: the share of draws that have met it in Y or an earlier year, as a
 * line per target, with a dot and its value at the target's own year.
 */
export function metByOption(years: readonly number[], targets: ReadonlyArray<MarkedTarget & { metBy: readonly number[] }>, locale: Locale): EChartsCoreOption {
  return {
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatPercent(Number(v), locale, 1) },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => formatPercent(v, locale, 0) } },
    series: targets.map((t, i) => {
      const color = lineColors[i % lineColors.length]!;
      const at = years.indexOf(t.year);
      const value = (t.metBy[at] ?? 0) * 100;
      return {
        type: 'line',
        name: t.label,
        color,
        symbolSize: 5,
        data: t.metBy.map((p) => p * 100),
        markPoint: {
          symbol: 'circle',
          symbolSize: 10,
          itemStyle: { color },
          label: { position: 'top', color, fontSize: 11, formatter: formatPercent(value, locale, 1) },
          data: [{ coord: [String(t.year), value] }],
        },
      };
    }),
  };
}

/**
 * How many draws first meet a target in each year, and how many never do by the horizon: the years by
 * its deadline in green, later years in amber, never in grey. From the base year only when some draw
 * meets it there (the scenario's base already meets it).
 */
export function firstYearOption(years: readonly number[], target: MarkedTarget, firstYear: { counts: readonly number[]; never: number }, draws: number, neverLabel: string, locale: Locale): EChartsCoreOption {
  const from = firstYear.counts[0]! > 0 ? 0 : 1;
  const shown = years.slice(from);
  const bars = [
    ...shown.map((year, i) => ({ value: (firstYear.counts[from + i]! / draws) * 100, itemStyle: { color: year <= target.year ? met : late } })),
    { value: (firstYear.never / draws) * 100, itemStyle: { color: never } },
  ];
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatPercent(Number(v), locale, 1) },
    xAxis: { type: 'category', data: [...shown.map(String), neverLabel], axisLabel: { interval: 0, fontSize: 11, hideOverlap: false } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatPercent(v, locale, 0) } },
    series: [
      {
        type: 'bar',
        data: bars,
        barCategoryGap: '25%',
        label: { show: true, position: 'top', fontSize: 10, formatter: (p: { value: number }) => (p.value > 0 ? formatPercent(p.value, locale, 1) : '') },
      },
    ],
  };
}

/** A driver's importance as drawn: its name and Spearman's ρ (null when the output or the driver does not vary). */
export interface ImportanceBar {
  name: string;
  correlation: number | null;
}

/**
 * Each driver's rank correlation with the output, from −1 to 1, the strongest on top; a grey band of
 * ±`noise` (about two standard errors), inside which a ρ cannot be told from 0.
 */
export function importanceOption(bars: readonly ImportanceBar[], noise: number, locale: Locale, constantLabel: string): EChartsCoreOption {
  const shown = [...bars].reverse();
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => formatPlain(Number(v), locale, 2) },
    xAxis: { type: 'value', min: -1, max: 1, interval: 0.5, axisLabel: { formatter: (v: number) => formatPlain(v, locale, 1) } },
    yAxis: { type: 'category', data: shown.map((b) => b.name), axisLabel: { width: 110, overflow: 'break' } },
    series: [
      {
        type: 'bar',
        barWidth: '55%',
        // A negative ρ's label on the left of its bar, away from the axis at 0.
        data: shown.map((b) => {
          const rho = b.correlation ?? 0;
          return { value: rho, itemStyle: { color: rho < 0 ? negative : positive }, label: { position: rho < 0 ? 'left' : 'right' } };
        }),
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const value = shown[p.dataIndex]!.correlation;
            return value === null ? constantLabel : `ρ = ${rho(value)}`;
          },
        },
        markArea: { silent: true, itemStyle: { color: 'rgba(120,120,120,0.15)' }, data: [[{ xAxis: -noise }, { xAxis: noise }]] },
      },
    ],
  };
}
