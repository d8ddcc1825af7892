import type { SeriesPoint } from '../../../../shared/api/data-contract';

export interface QuickLookNames {
  indicator: (code: string) => string;
  region: (code: string) => string;
  status: (status: string) => string;
}

export interface QuickLook {
  /** An ECharts option: one line per indicator × region × status, periods along the x axis. */
  option: Record<string, unknown>;
  /** Units beyond the two axes a chart can show legibly (their series are left out). */
  droppedUnits: string[];
}

/** A line chart of the points picked; a second unit gets the right axis, and actual figures are drawn solid, the rest dashed. */
export function quickLookOption(points: SeriesPoint[], names: QuickLookNames, fontFamily: string): QuickLook {
  const units = [...new Set(points.map((p) => p.unit))];
  const shown = units.slice(0, 2);
  const periods = [...new Set(points.filter((p) => shown.includes(p.unit)).map((p) => p.period))].sort();
  const at = new Map(periods.map((p, i) => [p, i]));
  const lines = new Map<string, { name: string; unit: string; status: string; data: Array<number | null> }>();
  for (const p of points) {
    if (!shown.includes(p.unit)) continue;
    const key = `${p.indicator}\u0000${p.region}\u0000${p.status}`;
    let line = lines.get(key);
    if (!line) {
      const side = shown.length > 1 ? ` [${p.unit}]` : '';
      const status = p.status === 'actual' ? '' : ` (${names.status(p.status)})`;
      line = { name: `${names.region(p.region)} ${names.indicator(p.indicator)}${status}${side}`, unit: p.unit, status: p.status, data: periods.map(() => null) };
      lines.set(key, line);
    }
    line.data[at.get(p.period)!] = p.value;
  }
  const option = {
    textStyle: { fontFamily },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 64, right: shown.length > 1 ? 64 : 24, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: periods },
    yAxis: shown.map((unit, i) => ({ type: 'value', name: unit, position: i === 0 ? 'left' : 'right', scale: true })),
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
  return { option, droppedUnits: units.slice(2) };
}
