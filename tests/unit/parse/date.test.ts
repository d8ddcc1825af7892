import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../../shared/parse/date';

describe('parseDateText', () => {
  it('reads the ways a date is typed in Chinese and English to one ISO date', () => {
    for (const text of ['2023-12-13', '2023/12/13', '2023.12.13', '20231213', '2023年12月13日', '2023年12月13', ' 2023-12-13 ', '２０２３－１２－１３']) {
      expect(parseDateText(text), text).toBe('2023-12-13');
    }
    expect(parseDateText('2019/6/30')).toBe('2019-06-30');
    expect(parseDateText('2019年6月3日')).toBe('2019-06-03');
  });

  it('gives an empty text as empty and refuses what is no calendar date', () => {
    expect(parseDateText('')).toBe('');
    expect(parseDateText('   ')).toBe('');
    for (const text of ['2019-02-30', '2019-13-01', '2019', '19-06-30', '2019-06', 'yesterday', '2019-06-30x', '06/30/2019']) {
      expect(parseDateText(text), text).toBeNull();
    }
  });
});
