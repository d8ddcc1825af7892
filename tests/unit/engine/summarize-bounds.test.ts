// A projection from a bounded base is a bound, and the summary says so as the results table does:
// the value with its sign, what is to spare or short with the sign it takes from it, and the growth
// needed from a larger true base at most the figure. The caller may write the numbers its own way.
import { describe, expect, it } from 'vitest';
import { project, summarize, type ScenarioBases } from '../../../shared/engine';
import { scenario, twoComponents } from './helpers';

const short = scenario({ components: [{ id: 'de', name: '数字经济', base: 5000, growth: { kind: 'cagr', rate: 20 } }] });
const figure = { year: 2020, bound: 'lower' as const, status: 'actual' as const, measure: 'cq-earlier', indicator: 'de_va', region: 'CQ', source: '测试' };
const lowerTotal = (value: number): ScenarioBases => ({ total: { ...figure, value }, gdp: null });

describe('summarize from a bounded base', () => {
  it('writes a shortfall from a lower-bound base as at most the gap, the growth needed as at most the figure, and the verdict as open', () => {
    expect(summarize({ ...project(short), bases: lowerTotal(5000) }, 'zh')).toBe(
      '按测试情景，2023年数字经济规模为≥8640亿元，距“万亿”目标（1万亿元）差≤1360亿元，需2020—2023年年均增长≤25.99%，本情景为20%；但预测为下限，实际可能更高，无法判定是否实现。',
    );
    const en = summarize({ ...project(short), bases: lowerTotal(5000) }, 'en');
    expect(en).toContain('the digital economy reaches ≥864 billion yuan in 2023, ≤136 billion yuan short');
    expect(en).toContain('but the projection is a lower bound and the true value may be higher, so whether it is met is open');
    expect(en).not.toContain('not met by');
  });

  it('still says a target is missed from an exact base', () => {
    const exact: ScenarioBases = { total: { ...figure, bound: 'exact', value: 5000 }, gdp: null };
    expect(summarize({ ...project(short), bases: exact }, 'zh')).toContain('至2023年仍未达到。');
  });

  it('writes what is to spare from a lower-bound base as at least the gap, and the share as a bound too', () => {
    const s = twoComponents();
    const text = summarize({ ...project(s), bases: lowerTotal(s.components.reduce((a, c) => a + c.base, 0)) }, 'zh');
    expect(text).toContain('2025年数字经济规模为≥9075.47亿元，达到“规模”目标（9000亿元），高出≥75.47亿元');
    expect(text).toContain('2025年数字经济占GDP比重为≥67.8%（较2020年+27.8个百分点，规模≥9075.47亿元）');
  });

  it('writes no sign from an exact base, or with no bases at all', () => {
    const exact: ScenarioBases = { total: { ...figure, bound: 'exact', value: 5000 }, gdp: null };
    expect(summarize({ ...project(short), bases: exact }, 'zh')).not.toMatch(/[≥≤≈]/);
    expect(summarize(project(short), 'zh')).not.toMatch(/[≥≤≈]/);
  });

  it('writes every number with the caller’s writer, bound included', () => {
    const seen: string[] = [];
    const text = summarize({ ...project(short), bases: lowerTotal(5000) }, 'zh', {
      write: (value, unit, bound) => {
        seen.push(`${unit}:${bound}`);
        return `[${value.toFixed(0)} ${unit} ${bound}]`;
      },
    });
    expect(text).toContain('2023年数字经济规模为[8640 亿元 lower]');
    expect(text).toContain('（[10000 亿元 exact]）差[1360 亿元 upper]');
    expect([...seen].sort()).toEqual(['亿元:exact', '亿元:lower', '亿元:upper']);
  });
});
