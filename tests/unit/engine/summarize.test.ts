import { describe, expect, it } from 'vitest';
import { monteCarlo, project, summarize } from '../../../shared/engine';
import { scenario, twoComponents } from './helpers';

const short = scenario({ components: [{ id: 'de', name: '数字经济', base: 5000, growth: { kind: 'cagr', rate: 20 } }] });

describe('summarize', () => {
  it('says in Chinese how far the total falls short and what growth it would take', () => {
    expect(summarize(project(short), 'zh')).toBe(
      '按测试情景，2023年数字经济规模为8640亿元，距“万亿”目标（1万亿元）差1360亿元，需2020—2023年年均增长25.99%，本情景为20%，至2023年仍未达到。',
    );
  });

  it('says the same in English', () => {
    expect(summarize(project(short), 'en')).toBe(
      'Under the “test” scenario, the digital economy reaches 864 billion yuan in 2023, 136 billion yuan short of the “万亿” target (1 trillion yuan); meeting it would take 25.99% growth a year over 2020–2023, against 20% in the scenario, and it is not met by 2023.',
    );
  });

  it('covers met targets, share targets, later years and simulated probabilities', () => {
    const s = twoComponents({
      uncertainty: { drivers: { digitalization: { kind: 'normal', mean: 20, sd: 4 } } },
    });
    const text = summarize(project(s), 'zh', { monteCarlo: monteCarlo(s, { draws: 2000, seed: 1 }) });
    expect(text).toMatch(/^按两部分情景，2025年数字经济规模为9075\.47亿元，达到“规模”目标（9000亿元），高出75\.47亿元；模拟达标概率约\d+%。/);
    expect(text).toContain('2025年数字经济占GDP比重为67.8%（较2020年+27.8个百分点，规模9075.47亿元），达到“占比”目标（60%），高出7.8个百分点');
    const missed = summarize(project(twoComponents({ targets: [{ kind: 'total', id: 'x', label: '两万亿', year: 2024, value: 9000 }] })), 'zh');
    expect(missed).toContain('按本情景将于2025年达到');
  });

  it('describes the horizon when there are no targets', () => {
    expect(summarize(project(twoComponents({ targets: [] })), 'en')).toBe(
      'Under the “两部分” scenario, the digital economy reaches 907.55 billion yuan in 2025, 67.8% of GDP.',
    );
  });
});
