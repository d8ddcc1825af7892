import type { SeriesPoint } from '../../../../shared/api/data-contract';
import { boundSign, type Bound } from '../../../../shared/series/bound';

export interface QuickLookNames {
  indicator: (code: string) => string;
  region: (code: string) => string;
  status: (status: string) => string;
  /** A measure's name, from a point of it. */
  measure: (point: SeriesPoint) => string;
  /** A unit as the screen names it (亿元, or 100 million yuan in English). */
  unit: (unit: string) => string;
}

export interface QuickLook {
  /** An ECharts option: one line per indicator × region × status, periods along the x axis. */
  option: Record<string, unknown>;
  /** Units beyond the two axes a chart can show legibly (their series are left out). */
  droppedUnits: string[];
  /** Half-year, quarter and month figures left out because years are drawn: a half-year is not a year. */
  droppedSubAnnual: number;
}

type Item = { value: number | null; bound: Bound; symbol?: string; symbolSize?: number; label?: { show: boolean; position: 'top'; formatter: string } };

/** A point as drawn: a bound (≥25%) hollow and marked with its sign, as the briefing charts draw it. */
function item(value: number | null, bound: Bound): Item {
  if (value === null || bound === 'exact') return { value, bound };
  return { value, bound, symbol: 'emptyCircle', symbolSize: 9, label: { show: true, position: 'top', formatter: boundSign(bound) } };
}

/**
 * A line chart of the points picked; a second unit gets the right axis, and actual figures are drawn
 * solid, the rest dashed. Each measure of a series is a line of its own (named by its measure where a
 * series has several), so a change of measure is never drawn as growth; bounded values keep their sign.
 */
export function quickLookOption(all: SeriesPoint[], names: QuickLookNames, fontFamily: string): QuickLook {
  const annual = all.filter((p) => p.period === String(p.year));
  const points = annual.length ? annual : all;
  const units = [...new Set(points.map((p) => p.unit))];
  const shown = units.slice(0, 2);
  const periods = [...new Set(points.filter((p) => shown.includes(p.unit)).map((p) => p.period))].sort();
  const at = new Map(periods.map((p, i) => [p, i]));
  const seriesOf = (p: SeriesPoint) => `${p.indicator}\u0000${p.region}`;
  const measuresOf = new Map<string, Set<string>>();
  for (const p of points) measuresOf.set(seriesOf(p), (measuresOf.get(seriesOf(p)) ?? new Set()).add(p.measure));
  const lines = new Map<string, { name: string; unit: string; status: string; data: Item[] }>();
  for (const p of points) {
    if (!shown.includes(p.unit)) continue;
    const key = `${seriesOf(p)}\u0000${p.status}\u0000${p.measure}`;
    let line = lines.get(key);
    if (!line) {
      const side = shown.length > 1 ? ` [${names.unit(p.unit)}]` : '';
      const status = p.status === 'actual' ? '' : ` (${names.status(p.status)})`;
      const measure = (measuresOf.get(seriesOf(p))?.size ?? 0) > 1 ? ` · ${names.measure(p)}` : '';
      line = {
        name: `${names.region(p.region)} ${names.indicator(p.indicator)}${measure}${status}${side}`,
        unit: p.unit,
        status: p.status,
        data: periods.map(() => ({ value: null, bound: 'exact' })),
      };
      lines.set(key, line);
    }
    line.data[at.get(p.period)!] = item(p.value, p.bound);
  }
  const option = {
    textStyle: { fontFamily },
    tooltip: {
      trigger: 'axis',
      formatter: (params: Array<{ axisValueLabel: string; marker: string; seriesName: string; data: Item }>) =>
        [params[0]?.axisValueLabel ?? '', ...params.filter((x) => x.data.value !== null).map((x) => `${x.marker}${x.seriesName}: ${boundSign(x.data.bound)}${x.data.value}`)].join('<br/>'),
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 64, right: shown.length > 1 ? 64 : 24, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: shown.map((unit, i) => ({ type: 'value', name: names.unit(unit), position: i === 0 ? 'left' : 'right', scale: true })),
    series: [...lines.values()].map((l) => ({
      type: 'line',
      name: l.name,
      data: l.data,
      yAxisIndex: Math.max(0, shown.indexOf(l.unit)),
      connectNulls: false,
      symbolSize: 6,
      lineStyle: { type: l.status === 'actual' ? 'solid' : 'dashed' },
    })),
  };
  return { option, droppedUnits: units.slice(2), droppedSubAnnual: all.length - points.length };
}
