import { describe, expect, it } from 'vitest';
import seeds from '../../../data/seed/scenarios.json';
import { parseScenario, project, resolveBases } from '../../../shared/engine';

describe('data/seed/scenarios.json', () => {
  const all = seeds.map((s) => parseScenario(s));
  const parsed = all.filter((s) => s.baseYear === 2020);
  const broad = all.filter((s) => s.baseYear === 2022);

  it('holds the three 2020 scenarios on the earlier measure and three from 2022 on the broad one, valid against the schema', () => {
    expect(parsed.map((s) => s.name)).toEqual(['基准', '加速', '保守']);
    expect(parsed.map((s) => s.nameEn)).toEqual(['baseline', 'accelerated', 'conservative']);
    expect(parsed.map((s) => s.measure)).toEqual(['cq-earlier', 'cq-earlier', 'cq-earlier']);
    expect(broad.map((s) => s.name)).toEqual(['广义口径基准（2022年起）', '广义口径加速（2022年起）', '广义口径保守（2022年起）']);
    expect(broad.map((s) => s.measure)).toEqual(['caict-broad', 'caict-broad', 'caict-broad']);
  });

  it('starts the broad scenarios from 45.4% of 2022 GDP, labelled derived, toward C1', () => {
    for (const s of broad) {
      expect(s.gdp.base).toBe(29129.03);
      expect(s.components.map((c) => c.base)).toEqual([13224.58]);
      expect(Math.round(0.454 * 29129.03 * 100) / 100).toBe(13224.58);
      expect(s.basis).toContain('推算');
      expect(s.basis).toContain('示意');
      expect(s.targets.map((t) => [t.id, t.kind, t.comparator, t.value, t.year])).toEqual([['C1', 'share', '>', 50, 2027]]);
    }
  });

  it('starts from the published 2020 figures and the plans’ targets', () => {
    for (const s of parsed) {
      expect(s.baseYear).toBe(2020);
      expect(s.gdp.base).toBe(25002.79);
      expect(s.components.map((c) => c.name)).toEqual(['数字产业化', '产业数字化']);
      expect(s.components.reduce((sum, c) => sum + (c.base as number), 0)).toBe(6000);
      expect(s.targets.map((t) => [t.id, t.kind, t.comparator, t.value, t.year])).toEqual([
        ['A1', 'total', '>=', 10000, 2022],
        ['A2', 'share', '>', 40, 2022],
        ['P2027', 'share', '>', 50, 2027],
      ]);
    }
  });

  it('says in each basis what is published, with its source, and what is illustrative', () => {
    for (const s of parsed) {
      for (const phrase of ['重庆市统计局', '超6000亿元', '经济日报', '示意', '没有公开的拆分数据', '口径']) expect(s.basis).toContain(phrase);
    }
  });

  it('projects: the baseline misses 万亿 in 2022 at 16% a year', () => {
    const r = resolveBases(parsed[0]!, () => undefined);
    if (!r.ok) throw r.error;
    const a1 = project(r.scenario).targets[0]!;
    expect(a1.value).toBeCloseTo(6000 * 1.16 ** 2, 9);
    expect(a1.met).toBe(false);
    expect(a1.requiredGrowth).toBeCloseTo(29.0994448735806, 9);
  });
});
