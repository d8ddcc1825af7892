import { describe, expect, it } from 'vitest';
import { formatPercent, formatPlain, formatPoints, formatScaled, formatWithUnit, formatYi } from '../../../shared/format/number';

describe('number formatting', () => {
  it('shows money in 亿元 and switches to 万亿元 at ten thousand 亿', () => {
    expect(formatYi(6000, 'zh')).toBe('6000亿元');
    expect(formatYi(10001.88, 'zh')).toBe('1万亿元');
    expect(formatYi(25002.79, 'zh')).toBe('2.5万亿元');
    expect(formatYi(25002.79, 'zh', 4)).toBe('2.5003万亿元');
  });

  it('converts 亿元 to billions and trillions in English', () => {
    expect(formatYi(6000, 'en')).toBe('600 billion yuan');
    expect(formatYi(27894.02, 'en')).toBe('2.79 trillion yuan');
  });

  it('scales counts to 万/亿/万亿 in Chinese and groups thousands in English', () => {
    expect(formatScaled(123456789, 'zh')).toBe('1.23亿');
    expect(formatScaled(52000, 'zh')).toBe('5.2万');
    expect(formatScaled(1.5e12, 'zh')).toBe('1.5万亿');
    expect(formatScaled(999, 'zh')).toBe('999');
    expect(formatScaled(123456789, 'en')).toBe('123,456,789');
    expect(formatPlain(1234567.891, 'en')).toBe('1,234,567.89');
  });

  it('renders shares and changes of shares', () => {
    expect(formatPercent(45.4, 'zh')).toBe('45.4%');
    expect(formatPoints(18.2, 'zh')).toBe('+18.2个百分点');
    expect(formatPoints(-1.25, 'en', 2)).toBe('\u22121.25 pp');
  });

  it('writes a negative with the minus sign − for people, and no sign on a value rounded to zero', () => {
    expect(formatPlain(-2, 'zh')).toBe('\u22122');
    expect(formatPlain(-1234.5, 'en')).toBe('\u22121,234.5');
    expect(formatPoints(-2, 'zh')).toBe('\u22122个百分点');
    expect(formatYi(-150, 'zh')).toBe('\u2212150亿元');
    expect(formatYi(-25002.79, 'zh')).toBe('\u22122.5万亿元');
    expect(formatScaled(-52000, 'zh')).toBe('\u22125.2万');
    expect(formatPlain(-0.001, 'zh')).toBe('0');
    expect(formatScaled(-0.001, 'zh')).toBe('0');
  });

  it('never prints a missing value as zero', () => {
    for (const missing of [null, undefined, Number.NaN]) {
      expect(formatYi(missing, 'zh')).toBe('—');
      expect(formatPercent(missing, 'en')).toBe('—');
      expect(formatWithUnit(missing, '家', 'zh')).toBe('—');
    }
  });

  it('picks the form by unit', () => {
    expect(formatWithUnit(5000, '家', 'zh')).toBe('5,000家');
    expect(formatWithUnit(40, '%', 'zh')).toBe('40%');
    expect(formatWithUnit(6000, '亿元', 'en')).toBe('600 billion yuan');
  });

  it('names the unit in English and writes a magnitude out, the stored value unchanged', () => {
    expect(formatWithUnit(5000, '家', 'en')).toBe('5,000 firms');
    // 个 and 项 are measure words: English counts them with the number alone.
    expect(formatWithUnit(658, '项', 'en')).toBe('658');
    expect(formatWithUnit(10, '个', 'en')).toBe('10');
    expect(formatWithUnit(10, '个', 'zh')).toBe('10个');
    // 3.5万户 is 35,000 households, 4.9万个 49,000: the 万 is part of the number in English.
    expect(formatWithUnit(3.5, '万户', 'en')).toBe('35,000 households');
    expect(formatWithUnit(3.5, '万户', 'zh')).toBe('3.5万户');
    expect(formatWithUnit(4.9, '万个', 'en')).toBe('49,000');
    expect(formatWithUnit(8.5, '万元/人', 'en')).toBe('85,000 yuan per person');
    expect(formatWithUnit(2, '个/万人', 'en')).toBe('2 per 10,000 people');
    // A unit without an English name keeps its text rather than lose it.
    expect(formatWithUnit(12, '标准箱', 'en')).toBe('12 标准箱');
  });
});
