// The Monte Carlo and importance charts' options, built from a real run of 基准: a target's histogram
// with its threshold marked and the bins meeting it in green, P(met by year) per target, the first year
// met with the share never meeting it, and each driver's rank correlation.
import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { firstYearOption, histogramOption, importanceOption, metByOption, roundExtent, type MarkedTarget } from '../../../../renderer/src/pages/scenarios/mc-charts';
import { monteCarlo, parseResolvedScenario } from '../../../../shared/engine';

type Json = Record<string, unknown>;
const s = parseResolvedScenario(seeds[0]);
const mc = monteCarlo(s, { draws: 20_000, seed: 1, targetHistograms: true });
// P2027: the share above 50% in 2027, about 18% drawn once per path.
const p2027: MarkedTarget = { label: '2027年占GDP比重50%以上', threshold: 50, comparator: '>', year: 2027 };
const k = mc.targets.findIndex((x) => x.id === 'P2027');
const series = (option: Json) => (option.series as Json[])[0]!;

describe('a target’s histogram', () => {
  const h = mc.targetHistograms![k]!;
  const option = histogramOption(h, mc.draws, h.unit, 'zh', p2027, '目标 >50%') as Json;
  const bins = series(option).data as Array<{ value: [number, number, number]; itemStyle: { color: string } }>;

  it('draws every bin from edge to edge with its count, and marks the threshold with a line', () => {
    expect(bins.map((b) => b.value)).toEqual(h.counts.map((c, i) => [h.edges[i], h.edges[i + 1], c]));
    expect(series(option).markLine).toMatchObject({ data: [{ xAxis: 50 }], label: { formatter: '目标 >50%' } });
  });

  it('colours green exactly the bins lying wholly above the threshold, which hold no more draws than meet it', () => {
    const green = bins.filter((b) => b.itemStyle.color === '#2f7d4f');
    expect(green.length).toBeGreaterThan(0);
    expect(green.every((b) => b.value[0] > 50)).toBe(true);
    expect(bins.filter((b) => b.itemStyle.color !== '#2f7d4f').every((b) => b.value[0] <= 50)).toBe(true);
    const inGreen = green.reduce((n, b) => n + b.value[2], 0);
    expect(inGreen).toBeLessThanOrEqual(Math.round(mc.targets[k]!.probability * mc.draws));
  });

  it('runs its axis over round values holding both the draws and the threshold, and says shares as percentages', () => {
    const x = option.xAxis as { min: number; max: number; axisLabel: { formatter: (v: number) => string } };
    expect(x.min).toBeLessThanOrEqual(h.edges[0]!);
    expect(x.max).toBeGreaterThanOrEqual(h.edges.at(-1)!);
    expect(x.min % 5).toBe(0);
    expect(x.axisLabel.formatter(40)).toBe('40%');
    // A total in 亿元 reads in 万亿 on the axis; a threshold outside the draws widens the axis to it.
    const total = mc.targetHistograms![0]!;
    const far = histogramOption(total, mc.draws, '亿元', 'zh', { label: '万亿级规模', threshold: 20000, comparator: '>=', year: 2022 }, '') as Json;
    expect((far.xAxis as { max: number }).max).toBeGreaterThanOrEqual(20000);
    expect((far.xAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(10000)).toBe('1万亿元');
  });

  it('without a target has no line and no green', () => {
    const plain = histogramOption(mc.histogram, mc.draws, '亿元', 'zh', null, '') as Json;
    expect(series(plain).markLine).toBeUndefined();
    expect((series(plain).data as Array<{ itemStyle: { color: string } }>).some((b) => b.itemStyle.color === '#2f7d4f')).toBe(false);
  });

  it('rounds an axis to whole steps of 1, 2 or 5', () => {
    expect(roundExtent(21.3, 78.9)).toEqual([20, 80]);
    expect(roundExtent(6012, 13890)).toEqual([6000, 14000]);
    expect(roundExtent(0.42, 0.47)).toEqual([0.42, 0.47]);
  });
});

describe('the probability of having met a target by each year', () => {
  it('is a line per target in percent, with a dot at the target’s year', () => {
    const option = metByOption(mc.years, [{ ...p2027, metBy: mc.targets[k]!.metBy }], 'en') as Json;
    const line = series(option);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
    expect(line.name).toBe(p2027.label);
    expect(line.data).toEqual(mc.targets[k]!.metBy.map((p) => p * 100));
    const dot = (line.markPoint as { data: Array<{ coord: [string, number] }> }).data[0]!;
    expect(dot.coord).toEqual(['2027', mc.targets[k]!.metBy.at(-1)! * 100]);
    // Never falling: met by a year stays met by the next.
    const values = line.data as number[];
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]!)).toBe(true);
  });
});

describe('the first year a target is met', () => {
  it('has a bar per year from the first after the base (none meets it there) and one for never, adding up to all draws', () => {
    const first = mc.targets[k]!.firstYear;
    const option = firstYearOption(mc.years, p2027, first, mc.draws, '未实现', 'zh') as Json;
    expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022', '2023', '2024', '2025', '2026', '2027', '未实现']);
    const bars = series(option).data as Array<{ value: number; itemStyle: { color: string } }>;
    expect(bars.reduce((n, b) => n + b.value, 0)).toBeCloseTo(100, 9);
    expect(bars.at(-1)!.value).toBeCloseTo((first.never / mc.draws) * 100, 12);
    expect(bars.at(-1)!.itemStyle.color).toBe('#a3a3a3');
    expect(bars.slice(0, -1).every((b) => b.itemStyle.color === '#2f7d4f')).toBe(true);
  });

  it('shows years after the deadline in amber, and the base year when the base already meets it', () => {
    const early = { ...p2027, year: 2024 };
    const counts = [0, 0, 0, 0, 100, 200, 300, 400];
    const bars = series(firstYearOption(mc.years, early, { counts, never: 0 }, 1000, 'never', 'en') as Json).data as Array<{ itemStyle: { color: string } }>;
    expect(bars.map((b) => b.itemStyle.color)).toEqual(['#2f7d4f', '#2f7d4f', '#2f7d4f', '#2f7d4f', '#d08a2c', '#d08a2c', '#d08a2c', '#a3a3a3']);
    const atBase = firstYearOption(mc.years, early, { counts: [1000, 0, 0, 0, 0, 0, 0, 0], never: 0 }, 1000, 'never', 'en') as Json;
    expect((atBase.xAxis as { data: string[] }).data[0]).toBe('2020');
  });
});

describe('importance bars', () => {
  it('put the strongest driver on top, colour by sign, label ρ to two decimals, and shade ±noise', () => {
    const option = importanceOption(
      [
        { name: '产业数字化', correlation: 0.8 },
        { name: 'GDP增速', correlation: -0.35 },
        { name: '统一上调', correlation: null },
      ],
      0.02,
      'zh',
      '输出不随抽样变化',
    ) as Json;
    expect((option.yAxis as { data: string[] }).data).toEqual(['统一上调', 'GDP增速', '产业数字化']);
    const bar = series(option);
    const data = bar.data as Array<{ value: number; itemStyle: { color: string }; label: { position: string } }>;
    expect(data.map((d) => d.value)).toEqual([0, -0.35, 0.8]);
    expect(data[1]!.label.position).toBe('left');
    const label = (bar.label as { formatter: (p: { dataIndex: number }) => string }).formatter;
    expect([0, 1, 2].map((i) => label({ dataIndex: i }))).toEqual(['输出不随抽样变化', 'ρ = -0.35', 'ρ = 0.80']);
    expect(bar.markArea).toMatchObject({ data: [[{ xAxis: -0.02 }, { xAxis: 0.02 }]] });
  });
});
