import { describe, expect, it } from 'vitest';
import { englishAmount, unitLabel, unitName } from '../../../shared/format/unit-name';

describe('unit names', () => {
  it('names the workspace units in English and keeps them in Chinese', () => {
    expect(unitName('亿元', 'en')).toBe('100 million yuan');
    expect(unitName('家', 'en')).toBe('firms');
    // Measure words without English: a bare count, "count" where the unit stands alone, "per unit" after per.
    expect(unitName('个', 'en')).toBe('');
    expect(unitName('项', 'en')).toBe('');
    expect(unitLabel('个', 'en')).toBe('count');
    expect(unitLabel('家', 'en')).toBe('firms');
    expect(unitLabel('', 'en')).toBe('');
    expect(unitName('元/个', 'en')).toBe('yuan per unit');
    expect(unitName('%', 'en')).toBe('%');
    expect(unitName('亿元', 'zh')).toBe('亿元');
    expect(unitName('万户', 'zh')).toBe('万户');
  });

  it('reads a magnitude prefix, the longest first, and a rate as "per" one of its denominator', () => {
    expect(unitName('万人', 'en')).toBe('10,000 people');
    expect(unitName('万户', 'en')).toBe('10,000 households');
    expect(unitName('十万人', 'en')).toBe('100,000 people');
    expect(unitName('万亿元', 'en')).toBe('trillion yuan');
    expect(unitName('元/人', 'en')).toBe('yuan per person');
    expect(unitName('个/万人', 'en')).toBe('per 10,000 people');
    expect(unitName('千瓦时每户', 'en')).toBe('kWh per household');
  });

  it('keeps the text of a unit it has no name for, whole or in a rate', () => {
    expect(unitName('标准箱', 'en')).toBe('标准箱');
    expect(unitName('元/标准箱', 'en')).toBe('元/标准箱');
    expect(unitName('', 'en')).toBe('');
  });

  it('writes an amount in a prefixed unit in its base unit, and has none for an unknown unit', () => {
    expect(englishAmount(3.5, '万户')).toEqual({ value: 35000, unit: 'households' });
    expect(englishAmount(658, '项')).toEqual({ value: 658, unit: '' });
    expect(englishAmount(4.9, '万个')).toEqual({ value: 49000, unit: '' });
    expect(englishAmount(2, '个/万人')).toEqual({ value: 2, unit: 'per 10,000 people' });
    expect(englishAmount(1, '标准箱')).toBeNull();
  });
});
