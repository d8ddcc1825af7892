import { describe, expect, it } from 'vitest';
import { listDrivers, project, type GrowthSpec } from '../../../shared/engine';
import { scenario, twoComponents } from './helpers';

function path(growth: GrowthSpec, horizon = 2023, gdpRate = 5): number[] {
  const s = scenario({
    horizon,
    gdp: { base: 20000, growth: { kind: 'cagr', rate: gdpRate } },
    components: [{ id: 'c', name: 'C', base: 100, growth }],
    targets: [],
  });
  return project(s).components[0]!.values;
}

describe('project: hand-computed cases', () => {
  it('grows 5,000亿元 at 26% a year for 3 years to 10,001.88亿元', () => {
    const r = project(scenario());
    expect(r.years).toEqual([2020, 2021, 2022, 2023]);
    expect(r.total.values[1]).toBeCloseTo(6300, 9);
    expect(r.total.values[2]).toBeCloseTo(7938, 9);
    expect(r.total.values[3]).toBeCloseTo(10001.88, 9);
    expect(r.total.growth[0]).toBeNull();
    expect(r.total.growth[3]).toBeCloseTo(26, 9);
  });

  it('divides by the same year’s GDP for the share', () => {
    const r = project(scenario());
    // GDP 20,000 × 1.05³ = 23,152.5; 10,001.88 / 23,152.5 = 43.2%.
    expect(r.gdp.values[3]).toBeCloseTo(23152.5, 9);
    expect(r.share.values[3]).toBeCloseTo(43.2, 9);
    expect(r.share.values[0]).toBeCloseTo(25, 12);
    expect(r.share.change[1]).toBeCloseTo((6300 / 21000) * 100 - 25, 9);
  });

  it('reports each component’s contribution in pp, summing to the total’s growth', () => {
    const r = project(twoComponents());
    // 2021: 数字产业化 1,000 → 1,100, 产业数字化 3,000 → 3,600, total 4,000 → 4,700.
    expect(r.components[0]!.contribution[1]).toBeCloseTo(2.5, 9);
    expect(r.components[1]!.contribution[1]).toBeCloseTo(15, 9);
    expect(r.total.growth[1]).toBeCloseTo(17.5, 9);
    for (let t = 1; t < r.years.length; t++) {
      const sum = r.components.reduce((acc, c) => acc + c.contribution[t]!, 0);
      expect(sum).toBeCloseTo(r.total.growth[t]!, 9);
    }
  });
});

describe('project: growth specs', () => {
  it('cagr', () => {
    expect(path({ kind: 'cagr', rate: 10 })).toEqual([100, expect.closeTo(110, 9), expect.closeTo(121, 9), expect.closeTo(133.1, 9)]);
  });

  it('per-year rates', () => {
    expect(path({ kind: 'rates', rates: [10, -5, 20] })).toEqual([100, expect.closeTo(110, 9), expect.closeTo(104.5, 9), expect.closeTo(125.4, 9)]);
  });

  it('absolute increment per year', () => {
    expect(path({ kind: 'increment', amount: 15 })).toEqual([100, 115, 130, 145]);
  });

  it('linear trend: least-squares slope of the history, continued from the base', () => {
    // Years 2017–2020, values 70, 80, 95, 100: centred sums 52.5 / 5 give a slope of 10.5.
    const history = [
      { year: 2017, value: 70 },
      { year: 2018, value: 80 },
      { year: 2019, value: 95 },
      { year: 2020, value: 100 },
    ];
    expect(path({ kind: 'linear', history })).toEqual([100, expect.closeTo(110.5, 9), expect.closeTo(121, 9), expect.closeTo(131.5, 9)]);
  });

  it('logistic with a ceiling and a rate follows the closed form through the base', () => {
    const values = path({ kind: 'logistic', ceiling: 1000, rate: 50 });
    values.forEach((v, t) => expect(v).toBeCloseTo(1000 / (1 + 9 * Math.exp(-0.5 * t)), 9));
    expect(values[1]).toBeCloseTo(154.8281, 3);
  });

  it('logistic with a midpoint year fits the rate so the curve passes through the base and is half the ceiling there', () => {
    const values = path({ kind: 'logistic', ceiling: 1000, midpointYear: 2024 }, 2025);
    expect(values[0]).toBe(100);
    expect(values[4]).toBeCloseTo(500, 9);
    const info = listDrivers(scenario({ horizon: 2025, components: [{ id: 'c', name: 'C', base: 100, growth: { kind: 'logistic', ceiling: 1000, midpointYear: 2024 } }], targets: [] }));
    expect(info[1]!.nominal).toBeCloseTo((Math.log(9) / 4) * 100, 9);
  });

  it('elasticity to GDP growth: elasticity 2 on 5% GDP growth is 10% a year', () => {
    expect(path({ kind: 'elasticity', elasticity: 2 })).toEqual([100, expect.closeTo(110, 9), expect.closeTo(121, 9), expect.closeTo(133.1, 9)]);
  });

  it('adds the uplift to every component’s growth rate', () => {
    const r = project(twoComponents({ uplift: { value: 2 } }));
    expect(r.components[0]!.values[1]).toBeCloseTo(1120, 9);
    expect(r.components[1]!.values[1]).toBeCloseTo(3660, 9);
    expect(r.gdp.values[1]).toBeCloseTo(10600, 9);
  });

  it('floors a level at zero instead of going negative', () => {
    const s = scenario({ components: [{ id: 'c', name: 'C', base: 5000, growth: { kind: 'increment', amount: -2000 } }], targets: [] });
    const r = project(s);
    expect(r.total.values).toEqual([5000, 3000, 1000, 0]);
    expect(r.share.values[3]).toBe(0);
  });
});

describe('project: targets', () => {
  it('reports met, gap, first year met and the required growth', () => {
    const [level, share, component] = project(
      twoComponents({
        targets: [
          { kind: 'total', id: 'level', label: '规模', year: 2025, value: 9000 },
          { kind: 'share', id: 'share', label: '占比', year: 2025, comparator: '>', value: 60 },
          { kind: 'component', id: 'ind', label: '产业', componentId: 'industry', year: 2025, value: 1500 },
        ],
      }),
    ).targets;
    // 2025: 1,000 × 1.1⁵ + 3,000 × 1.2⁵ = 1,610.51 + 7,464.96 = 9,075.47; 2024: 7,684.9.
    expect(level!.value).toBeCloseTo(9075.47, 9);
    expect(level!.met).toBe(true);
    expect(level!.gap).toBeCloseTo(-75.47, 9);
    expect(level!.gapPercent).toBeCloseTo((-75.47 / 9000) * 100, 9);
    expect(level!.firstYearMet).toBe(2025);
    expect(level!.requiredGrowth).toBeCloseTo(((9000 / 4000) ** (1 / 5) - 1) * 100, 9);
    // Share: 9,075.47 / (10,000 × 1.06⁵) = 67.82%; 2024 already 7,684.9 / 12,624.77 = 60.87%.
    const gdp2025 = 10000 * 1.06 ** 5;
    expect(share!.value).toBeCloseTo((9075.47 / gdp2025) * 100, 9);
    expect(share!.unit).toBe('%');
    expect(share!.firstYearMet).toBe(2024);
    expect(share!.requiredGrowth).toBeCloseTo(((0.6 * gdp2025) / 4000) ** (1 / 5) * 100 - 100, 9);
    expect(component!.value).toBeCloseTo(1610.51, 9);
    expect(component!.firstYearMet).toBe(2025);
    expect(component!.baseValue).toBe(1000);
  });

  it('misses a target, with firstYearMet null when never met within the horizon', () => {
    const [t] = project(scenario({ components: [{ id: 'de', name: '数字经济', base: 5000, growth: { kind: 'cagr', rate: 20 } }] })).targets;
    expect(t!.met).toBe(false);
    expect(t!.value).toBeCloseTo(8640, 9);
    expect(t!.gap).toBeCloseTo(1360, 9);
    expect(t!.gapPercent).toBeCloseTo(13.6, 9);
    expect(t!.firstYearMet).toBeNull();
    expect(t!.requiredGrowth).toBeCloseTo(25.992104989, 8);
  });

  it('treats > strictly and >= inclusively', () => {
    const exact = { components: [{ id: 'de', name: 'd', base: 5000, growth: { kind: 'cagr', rate: 100 } }], horizon: 2021 };
    const at = (comparator: '>=' | '>') =>
      project(scenario({ ...exact, targets: [{ kind: 'total', id: 't', label: 't', year: 2021, value: 10000, comparator }] })).targets[0]!.met;
    expect(at('>=')).toBe(true);
    expect(at('>')).toBe(false);
  });

  it('returns plain JSON: a round trip changes nothing', () => {
    const r = project(twoComponents());
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
