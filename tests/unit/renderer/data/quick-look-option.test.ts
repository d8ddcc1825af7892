import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../../shared/api/data-contract';
import { quickLookOption } from '../../../../renderer/src/pages/data/quick-look-option';

const point = (period: string, value: number, measure: string, bound: SeriesPoint['bound'] = 'exact'): SeriesPoint => ({
  indicator: 'de_va_share_gdp',
  region: 'CQ',
  period,
  year: Number(period.slice(0, 4)),
  value,
  unit: '%',
  status: 'actual',
  bound,
  measure,
  measureName: measure === 'cq-earlier' ? '重庆市此前口径' : '信通院广义口径',
  measureNameEn: measure,
});

const names = { indicator: () => '占比', region: () => '重庆', status: (s: string) => s, measure: (p: SeriesPoint) => p.measureName, unit: (u: string) => u };

describe('quick look', () => {
  // 重庆's share: ≥25% (2020) and 27.2% (2021) on the city's earlier measure, 45.4% (2022) on the broad one.
  const points = [point('2020', 25, 'cq-earlier', 'lower'), point('2021', 27.2, 'cq-earlier'), point('2022', 45.4, 'caict-broad')];
  type Drawn = { series: Array<{ name: string; data: Array<{ value: number | null }> }>; tooltip: { formatter: (p: unknown) => string } };
  const option = quickLookOption(points, names, 'sans-serif').option as unknown as Drawn;

  it('draws each measure of a series as a line of its own, never joining 2021 to 2022', () => {
    expect(option.series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([
      ['重庆 占比 · 重庆市此前口径', [25, 27.2, null]],
      ['重庆 占比 · 信通院广义口径', [null, null, 45.4]],
    ]);
  });

  it('draws a bound hollow with its sign on the chart, not as an exact point', () => {
    const drawn = option.series[0]!.data as Array<{ value: number | null; symbol?: string; label?: { formatter: string } }>;
    expect(drawn[0]).toMatchObject({ value: 25, symbol: 'emptyCircle', label: { formatter: '≥' } });
    expect(drawn[1]!.symbol).toBeUndefined();
  });

  it('keeps a bound’s sign in the tooltip', () => {
    const text = option.tooltip.formatter([{ axisValueLabel: '2020', marker: '', seriesName: '重庆 占比 · 重庆市此前口径', data: { value: 25, bound: 'lower' } }]);
    expect(text).toBe('2020<br/>重庆 占比 · 重庆市此前口径: ≥25');
  });

  it('never draws a half-year between the years: it is left out and counted', () => {
    const mixed = quickLookOption([point('2020', 6000, 'cq-earlier', 'lower'), point('2020H1', 2754.5, 'cq-earlier'), point('2021', 7000, 'cq-earlier')], names, 'sans-serif');
    expect((mixed.option as unknown as Drawn).series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([['重庆 占比', [6000, 7000]]]);
    expect(mixed.droppedSubAnnual).toBe(1);
    // A series of half-years alone is drawn.
    const halves = quickLookOption([point('2020H1', 2754.5, 'cq-earlier')], names, 'sans-serif');
    expect(halves.droppedSubAnnual).toBe(0);
  });

  it('names no measure where a series has only one', () => {
    const one = quickLookOption([point('2021', 27.2, 'cq-earlier')], names, 'sans-serif').option as unknown as Drawn;
    expect(one.series[0]!.name).toBe('重庆 占比');
  });
});
