// A target's verdict reads the bound of its projection: from a lower-bound base a projection below a
// "≥" target leaves it open (the true value may be higher), one above it meets it; from an exact base
// the point value decides. Every screen and the CLI state this one verdict (shared/engine/verdict.ts).
import { describe, expect, it } from 'vitest';
import { judgeTargets, probabilityBound, project, targetVerdict, type ScenarioBases } from '../../../shared/engine';
import { verdictText } from '../../../shared/i18n/scenario-base-text';
import { scenario, twoComponents } from './helpers';

const figure = { year: 2020, status: 'actual' as const, measure: 'cq-earlier', indicator: 'de_va', region: 'CQ', source: '测试' };
const total = (bound: 'lower' | 'upper' | 'exact', value = 5000): ScenarioBases => ({ total: { ...figure, bound, value }, gdp: null });
// 5000亿元 at 20% a year gives 8640亿元 in 2023, short of the 1万亿元 target; at 26% it reaches 10001.9.
const short = scenario({ components: [{ id: 'de', name: '数字经济', base: 5000, growth: { kind: 'cagr', rate: 20 } }] });

describe('targetVerdict', () => {
  it('leaves a target open when a lower-bound projection falls short of it, where the engine says not met', () => {
    const [o] = project(short).targets;
    expect(o!.met).toBe(false);
    expect(targetVerdict(o!, total('lower'))).toBe('unknown');
    expect(targetVerdict(o!, total('exact'))).toBe('no');
    expect(targetVerdict(o!, { total: null, gdp: null })).toBe('no');
  });

  it('meets a target when a lower-bound projection reaches it, and an upper-bound one reaching it is open', () => {
    const [o] = project(scenario()).targets;
    expect(o!.met).toBe(true);
    expect(targetVerdict(o!, total('lower'))).toBe('yes');
    expect(targetVerdict(o!, total('upper'))).toBe('unknown');
  });

  it('reads a share target by the share’s bound and a component target as exact', () => {
    const s = twoComponents({
      targets: [
        { kind: 'share', id: 'share', label: '占比', year: 2025, value: 90 },
        { kind: 'component', id: 'part', label: '产业数字化', componentId: 'digitalization', year: 2025, value: 99999 },
      ],
    });
    const p = { ...project(s), bases: total('lower', 4000) };
    expect(judgeTargets(p).map((o) => [o.id, o.met, o.verdict])).toEqual([
      ['share', false, 'unknown'],
      ['part', false, 'no'],
    ]);
  });

  it('says the verdict in words in both languages', () => {
    const bases = total('lower');
    expect(verdictText('unknown', 'total', bases, 'zh')).toBe('无法判定（预测为下限，低于目标）');
    expect(verdictText('unknown', 'total', bases, 'en')).toBe('open: the projection is a lower bound below the target');
    expect(verdictText('unknown', 'total', total('upper'), 'zh')).toBe('无法判定（预测为上限，高于目标）');
    expect(verdictText('no', 'total', bases, 'zh')).toBe('未实现');
    expect(verdictText('yes', 'total', bases, 'en')).toBe('met');
  });
});

describe('probabilityBound', () => {
  it('makes a probability from a lower-bound base a lower bound, never for a component', () => {
    expect(probabilityBound('total', total('lower'))).toBe('lower');
    expect(probabilityBound('share', total('upper'))).toBe('upper');
    expect(probabilityBound('total', total('exact'))).toBe('exact');
    expect(probabilityBound('component', total('lower'))).toBe('exact');
  });
});
