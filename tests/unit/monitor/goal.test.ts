import { describe, expect, it } from 'vitest';
import { goalIsApprox, goalSign, goalValueText } from '../../../shared/monitor/goal';

const b8 = { comparator: '=', value: 296, unit: '亿元', quote: '总投资约296亿元' };

describe('a target goal as the plan words it', () => {
  it('writes an "=" goal the quote states as approximate with ≈ (B8: 总投资约296亿元)', () => {
    expect(goalIsApprox(b8)).toBe(true);
    expect(goalValueText(b8, 'zh')).toBe('≈ 296亿元');
    expect(goalIsApprox({ ...b8, quote: '总投资296亿元左右' })).toBe(true);
    expect(goalIsApprox({ ...b8, quote: '约296' })).toBe(true);
    expect(goalIsApprox({ ...b8, value: 29600, quote: '约2.96万亿元' })).toBe(true);
  });

  it('keeps "=" where the quote states the number exactly, or qualifies another number', () => {
    expect(goalSign({ comparator: '=', value: 73, unit: '项', quote: '已形成了试验区建设首批73项重大项目' })).toBe('=');
    expect(goalIsApprox({ ...b8, quote: '约300个项目，总投资296亿元' })).toBe(false);
    expect(goalIsApprox({ ...b8, quote: '约296万元' })).toBe(false);
  });

  it('leaves ≥ and > goals to their comparator, and a qualitative one without a value', () => {
    expect(goalSign({ comparator: '>=', value: 10000, unit: '亿元', quote: '约1万亿元' })).toBe('≥');
    expect(goalValueText({ comparator: '>', value: 40, unit: '%', quote: '占GDP比重达到40%以上' }, 'en')).toBe('> 40%');
    expect(goalValueText({ comparator: 'qualitative', value: null, unit: '', quote: '' }, 'zh')).toBeNull();
  });
});
