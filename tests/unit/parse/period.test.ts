import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod } from '../../../shared/parse/period';

describe('parsePeriod', () => {
  it.each([
    ['2019', '2019'],
    ['2019年', '2019'],
    ['2019年度', '2019'],
    ['２０１９年', '2019'],
    [' 2019 ', '2019'],
    ['2019Q1', '2019Q1'],
    ['2019q4', '2019Q4'],
    ['2019-Q2', '2019Q2'],
    ['2019 Q3', '2019Q3'],
    ['Q1 2019', '2019Q1'],
    ['2019年1季度', '2019Q1'],
    ['2019年第一季度', '2019Q1'],
    ['2019年四季度', '2019Q4'],
    ['2019年第3季度', '2019Q3'],
    ['2019H1', '2019H1'],
    ['2019年上半年', '2019H1'],
    ['2019年下半年', '2019H2'],
    ['2019-03', '2019M03'],
    ['2019/3', '2019M03'],
    ['2019年3月', '2019M03'],
    ['2019年十二月', '2019M12'],
    ['2019M3', '2019M03'],
    ['2019M03', '2019M03'],
  ])('reads %j as %s', (text, period) => {
    expect(parsePeriod(text)?.period).toBe(period);
    expect(parsePeriod(text)?.year).toBe(2019);
  });

  it.each(['', '19', '12345', '2019Q5', '2019年5季度', '2019-13', '2019年1-9月', '1800', '2200年', 'abc', '2019.5.1', '20191'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it('reads whole numbers (XLSX number cells) as years', () => {
    expect(parsePeriod(2020)).toEqual({ period: '2020', year: 2020, frequency: 'year' });
    expect(parsePeriod(2020.5)).toBeNull();
  });
});

describe('parsePeriod properties', () => {
  const year = fc.integer({ min: 1900, max: 2100 });
  it('every written form of a quarter gives the same canonical period', () => {
    const cn = ['一', '二', '三', '四'];
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 4 }), (y, q) => {
        const forms = [`${y}Q${q}`, `${y}-Q${q}`, `${y}年${q}季度`, `${y}年第${cn[q - 1]}季度`, `Q${q} ${y}`];
        return forms.every((f) => parsePeriod(f)?.period === `${y}Q${q}`);
      }),
    );
  });

  it('canonical periods parse to themselves', () => {
    const period = fc.oneof(
      year.map((y) => String(y)),
      fc.tuple(year, fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}H${h}`),
      fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`),
      fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}M${String(m).padStart(2, '0')}`),
    );
    fc.assert(fc.property(period, (p) => parsePeriod(p)?.period === p && parsePeriod(p)?.year === Number(p.slice(0, 4))));
  });

  it('months order within and across years', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), year, fc.integer({ min: 1, max: 12 }), (y1, m1, y2, m2) => {
        const a = parsePeriod(`${y1}年${m1}月`)!.period;
        const b = parsePeriod(`${y2}年${m2}月`)!.period;
        return Math.sign(comparePeriods(a, b)) === Math.sign(y1 * 12 + m1 - (y2 * 12 + m2));
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const p = parsePeriod(s);
      return p === null || (p.year >= 1900 && p.year <= 2100);
    }));
  });
});
