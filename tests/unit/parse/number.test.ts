import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlaceholder, parseNumber } from '../../../shared/parse/number';

function value(text: string): number | null | 'invalid' {
  const p = parseNumber(text);
  return p.kind === 'number' ? p.value : p.kind === 'missing' ? null : 'invalid';
}

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['-12', -12],
    ['1,234,567.89', 1234567.89],
    ['１２３４．５', 1234.5],
    ['１，２３４', 1234],
    ['(12.5)', -12.5],
    ['（12.5）', -12.5],
    ['−3.2', -3.2],
    ['+7', 7],
    [' 42 ', 42],
    ['1 234 567', 1234567],
    ['1.5e3', 1500],
    ['.5', 0.5],
    ['-0', 0],
  ])('reads %s as %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(['', ' ', '—', '——', '-', '--', '…', '……', '...', '..', 'NA', 'n/a', 'N/A', '#N/A', 'null', '－', '／'])('reads placeholder %j as missing, never 0', (text) => {
    expect(parseNumber(text)).toEqual({ kind: 'missing' });
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(['abc', '12abc', '1,23', '12,34.5', '1.2.3', '((1))', '(-5)', '1e', '亿元', '%'])('rejects %j', (text) => {
    expect(value(text)).toBe('invalid');
  });

  it('reads percent signs (half and full width)', () => {
    expect(parseNumber('45.4%')).toMatchObject({ kind: 'number', value: 45.4, percent: true, unit: null });
    expect(parseNumber('４５．４％')).toMatchObject({ kind: 'number', value: 45.4, percent: true });
    expect(parseNumber('(1.5%)')).toMatchObject({ kind: 'number', value: -1.5, percent: true });
  });

  it('reads a unit written in the cell', () => {
    const p = parseNumber('2754.5亿元');
    expect(p).toMatchObject({ kind: 'number', value: 2754.5 });
    expect(p.kind === 'number' && p.unit?.unit).toBe('亿元');
    const q = parseNumber('1.70万亿');
    expect(q.kind === 'number' && q.unit?.kind).toBe('magnitude');
    expect(parseNumber('1704家')).toMatchObject({ kind: 'number', value: 1704 });
  });

  it('keeps qualifiers of approximate figures and bounds', () => {
    expect(parseNumber('约3500亿元')).toMatchObject({ kind: 'number', value: 3500, qualifier: '约' });
    expect(parseNumber('超过25%')).toMatchObject({ kind: 'number', value: 25, percent: true, qualifier: '超过' });
    expect(parseNumber('6000以上')).toMatchObject({ kind: 'number', value: 6000, qualifier: '以上' });
  });

});

const toFullWidth = (s: string) => s.replace(/[0-9.,%()+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (n: number) => {
  const [int, frac] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};

describe('parseNumber properties', () => {
  const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });

  it('reads back any number JavaScript writes', () => {
    fc.assert(fc.property(finite, (n) => value(String(n)) === (n === 0 ? 0 : n)));
  });

  it('thousands separators, full width and accounting parentheses do not change the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 99 }), (i, c) => {
        const n = Number(`${i}.${String(c).padStart(2, '0')}`);
        const text = grouped(n);
        expect(value(text)).toBe(Number(n.toFixed(2)));
        expect(value(toFullWidth(text))).toBe(Number(n.toFixed(2)));
        if (n > 0) expect(value(`(${text})`)).toBe(-Number(n.toFixed(2)));
      }),
    );
  });

  it('never reads a placeholder as a number and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseNumber(s);
        if (isPlaceholder(s)) expect(p.kind).toBe('missing');
        if (p.kind === 'number') expect(Number.isFinite(p.value)).toBe(true);
      }),
    );
  });

  it('a percent cell reads as the number before the sign', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (n) => {
      const p = parseNumber(`${n}%`);
      return p.kind === 'number' && p.percent && p.value === n;
    }));
  });
});
