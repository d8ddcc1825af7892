import { describe, expect, it } from 'vitest';
import seeds from '../../../data/seed/scenarios.json';
import { parseScenario, project, resolveBases } from '../../../shared/engine';

describe('data/seed/scenarios.json', () => {
  const parsed = seeds.map((s) => parseScenario(s));

  it('holds the three starting scenarios, valid against the schema', () => {
    expect(parsed.map((s) => s.name)).toEqual(['基准', '加速', '保守']);
    expect(parsed.map((s) => s.nameEn)).toEqual(['baseline', 'accelerated', 'conservative']);
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
