import { describe, expect, it } from 'vitest';
import { axisScale, formatSigned, formatTick, formatValue, type ValueStyle } from '../../../shared/charts/number-format';

const zh: ValueStyle = { locale: 'zh', numberFormat: 'auto', decimals: 1 };
const en: ValueStyle = { locale: 'en', numberFormat: 'auto', decimals: 1 };

describe('axis scales', () => {
  it('moves 亿元 axes to 万亿元 from ten thousand 亿 in Chinese', () => {
    expect(axisScale('亿元', 9999, zh)).toEqual({ divisor: 1, unit: '亿元' });
    expect(axisScale('亿元', 13224.6, zh)).toEqual({ divisor: 10000, unit: '万亿元' });
    expect(formatTick(12000, axisScale('亿元', 13224.6, zh), zh)).toBe('1.2');
  });

  it('reads 亿元 as billion or trillion yuan in English', () => {
    expect(axisScale('亿元', 4128.2, en)).toEqual({ divisor: 10, unit: 'billion yuan' });
    expect(axisScale('亿元', 539000, en)).toEqual({ divisor: 10000, unit: 'trillion yuan' });
    expect(formatTick(4000, axisScale('亿元', 4128.2, en), en)).toBe('400');
  });

  it('scales counts by 万 and 亿 in Chinese only', () => {
    expect(axisScale('家', 5000, zh)).toEqual({ divisor: 1, unit: '家' });
    expect(axisScale('家', 52000, zh)).toEqual({ divisor: 1e4, unit: '万家' });
    expect(axisScale('家', 52000, en)).toEqual({ divisor: 1, unit: 'firms' });
  });

  it('keeps the unit scale when the user names the unit, and for thousands or plain formats', () => {
    expect(axisScale('亿元', 13224.6, zh, '亿元（当年价）')).toEqual({ divisor: 1, unit: '亿元（当年价）' });
    expect(axisScale('亿元', 13224.6, { ...zh, numberFormat: 'thousands' })).toEqual({ divisor: 1, unit: '亿元' });
    expect(formatTick(12000, { divisor: 1, unit: '亿元' }, { ...zh, numberFormat: 'thousands' })).toBe('12,000');
  });
});

describe('values with units', () => {
  it('writes money, shares and counts as analysts read them', () => {
    expect(formatValue(13224.6, '亿元', zh)).toBe('1.3万亿元');
    expect(formatValue(2240.6, '亿元', zh)).toBe('2240.6亿元');
    expect(formatValue(2240.6, '亿元', en)).toBe('224.1 billion yuan');
    expect(formatValue(45.4, '%', zh)).toBe('45.4%');
    expect(formatValue(5000, '家', en)).toBe('5,000 firms');
    expect(formatValue(52000, '家', zh)).toBe('5.2万家');
    expect(formatValue(null, '亿元', zh)).toBe('—');
  });

  it('honours the thousands and plain formats', () => {
    expect(formatValue(13224.6, '亿元', { ...zh, numberFormat: 'thousands' })).toBe('13,224.6亿元');
    expect(formatValue(13224.6, '亿元', { ...zh, numberFormat: 'plain' })).toBe('13224.6亿元');
  });

  it('signs changes', () => {
    expect(formatSigned(1170, '亿元', zh)).toBe('+1170亿元');
    expect(formatSigned(-150, '亿元', zh)).toBe('−150亿元');
  });
});
