import { describe, expect, it } from 'vitest';
import { parseUnit, splitHeaderUnit, toStoredValue, withMagnitude } from '../../../shared/parse/unit';

describe('parseUnit', () => {
  it.each([
    ['元', 1e-8],
    ['万元', 1e-4],
    ['亿元', 1],
    ['万亿元', 1e4],
    ['千元', 1e-5],
    ['百万元', 1e-2],
    ['人民币亿元', 1],
    ['亿元人民币', 1],
    ['100 million yuan', 1],
    ['billion yuan', 10],
    ['Trillion Yuan', 1e4],
  ])('money %s is normalised to 亿元 with factor %s', (text, factor) => {
    const u = parseUnit(text)!;
    expect(u.kind).toBe('money');
    expect(u.unit).toBe('亿元');
    expect(u.factor).toBeCloseTo(factor, 12);
  });

  it.each(['%', '％', '百分比'])('%s is a percent', (t) => expect(parseUnit(t)).toMatchObject({ unit: '%', kind: 'percent' }));
  it.each(['个', '家', '户', '万户', '项', '万人', '亿人次', '台', '件'])('count %s is kept as written', (t) => expect(parseUnit(t)).toMatchObject({ unit: t, factor: 1 }));
  it.each(['吨', '万吨', '亿千瓦时', '平方公里', '元/人', '个/万人', 'GB', '亿美元'])('other unit %s is known and not converted', (t) => {
    expect(parseUnit(t)).toMatchObject({ unit: t, factor: 1 });
  });
  it('百分点 is points, not percent', () => expect(parseUnit('个百分点')).toMatchObject({ unit: '百分点', kind: 'points' }));
  it('unknown units and blanks', () => {
    expect(parseUnit('')).toBeNull();
    expect(parseUnit('麻袋')).toBeNull();
    expect(parseUnit('2015年价')).toBeNull();
  });
});

describe('splitHeaderUnit', () => {
  it.each([
    ['地区生产总值(亿元)', '地区生产总值', '亿元'],
    ['地区生产总值（亿元）', '地区生产总值', '亿元'],
    ['GDP（单位：万元）', 'GDP', '万元'],
    ['数字经济规模[万亿元]', '数字经济规模', '万亿元'],
    ['GDP/亿元', 'GDP', '亿元'],
    ['规上企业数 (家)', '规上企业数', '家'],
    ['占比(%)', '占比', '%'],
  ])('%s → %s + %s', (header, name, unit) => {
    const s = splitHeaderUnit(header);
    expect(s.name).toBe(name);
    expect(s.unit?.text).toBe(unit);
  });

  it('leaves headers without a known unit whole', () => {
    expect(splitHeaderUnit('增加值(2015年价)')).toEqual({ name: '增加值(2015年价)', unit: null });
    expect(splitHeaderUnit('2019年')).toEqual({ name: '2019年', unit: null });
  });
});

describe('conversion', () => {
  it('scales into 亿元 without binary noise', () => {
    expect(toStoredValue(1.1, parseUnit('万亿元'))).toBe(11000);
    expect(toStoredValue(123456789, parseUnit('元'))).toBe(1.23456789);
    expect(toStoredValue(2754.5, parseUnit('亿元'))).toBe(2754.5);
    expect(toStoredValue(5, null)).toBe(5);
  });

  it('a bare magnitude in a cell takes the column unit: 1.70万亿 in 亿元 is 17000 亿元', () => {
    const u = withMagnitude(parseUnit('万亿')!, parseUnit('亿元'));
    expect(u).toMatchObject({ unit: '亿元', factor: 1e4 });
    expect(toStoredValue(1.7, u)).toBe(17000);
    expect(withMagnitude(parseUnit('万')!, parseUnit('户'))).toMatchObject({ unit: '万户' });
  });
});
