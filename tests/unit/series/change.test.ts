import { describe, expect, it } from 'vitest';
import { changeUnitOf, formatChange, isRateUnit } from '../../../shared/series/change';

describe('a change from one year to the next', () => {
  it('is in percentage points for a share or rate, in % for a level', () => {
    expect(isRateUnit('%')).toBe(true);
    expect(changeUnitOf('%')).toBe('pp');
    for (const unit of ['亿元', '家', '项', '']) expect(changeUnitOf(unit), unit).toBe('%');
  });

  it('is written with its sign and unit: +2.6个百分点 / +2.6 pp, a growth as 9.34%', () => {
    expect(formatChange(2.6, 'pp', 'exact', 'zh')).toBe('+2.6个百分点');
    expect(formatChange(-1.25, 'pp', 'exact', 'en')).toBe('\u22121.25 pp');
    expect(formatChange(0, 'pp', 'exact', 'zh')).toBe('0个百分点');
    expect(formatChange(1.6, 'pp', 'approx', 'zh')).toBe('≈+1.6个百分点');
    expect(formatChange(9.34, '%', 'exact', 'zh')).toBe('9.34%');
    expect(formatChange(4.5, '%', 'approx', 'en')).toBe('≈4.5%');
  });
});
