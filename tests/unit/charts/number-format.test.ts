import { describe, expect, it } from 'vitest';
import {
  decideUnit,
  formatBoundedValue,
  formatSigned,
  formatTick,
  formatValue,
  labelledUnit,
  niceAxis,
  niceStep,
  scaleOf,
  unitWordsInChartUnits,
  withMinusSign,
  type ValueStyle,
} from '../../../shared/charts/number-format';

const zh: ValueStyle = { locale: 'zh', numberFormat: 'auto', decimals: 1 };
const en: ValueStyle = { locale: 'en', numberFormat: 'auto', decimals: 1 };

describe('scales', () => {
  it('moves 亿元 to 万亿元 from ten thousand 亿 in Chinese', () => {
    expect(scaleOf('亿元', 9999, zh)).toEqual({ divisor: 1, unit: '亿元' });
    expect(scaleOf('亿元', 13224.6, zh)).toEqual({ divisor: 10000, unit: '万亿元' });
    expect(formatTick(12000, scaleOf('亿元', 13224.6, zh), 2000, zh)).toBe('1.2');
  });

  it('reads 亿元 as billion or trillion yuan in English', () => {
    expect(scaleOf('亿元', 4128.2, en)).toEqual({ divisor: 10, unit: 'billion yuan' });
    expect(scaleOf('亿元', 539000, en)).toEqual({ divisor: 10000, unit: 'trillion yuan' });
    expect(formatTick(4000, scaleOf('亿元', 4128.2, en), 1000, en)).toBe('400');
  });

  it('scales counts by 万 and 亿 in Chinese only', () => {
    expect(scaleOf('家', 5000, zh)).toEqual({ divisor: 1, unit: '家' });
    expect(scaleOf('家', 52000, zh)).toEqual({ divisor: 1e4, unit: '万家' });
    expect(scaleOf('家', 52000, en)).toEqual({ divisor: 1, unit: 'firms' });
  });

  it('keeps the data unit for the thousands and plain formats', () => {
    expect(scaleOf('亿元', 13224.6, { ...zh, numberFormat: 'thousands' })).toEqual({ divisor: 1, unit: '亿元' });
    expect(formatTick(12000, { divisor: 1, unit: '亿元' }, 2000, { ...zh, numberFormat: 'thousands' })).toBe('12,000');
  });
});

describe('one unit decision per chart', () => {
  it('takes the scale of the largest value drawn, for every value of the chart', () => {
    // The waterfall: 6000亿元, +2739.3亿元 and 1.7万亿元 on one chart.
    // One digit would write 2739.3亿元 as 0.3万亿元 (off by 9%): the chart takes two.
    const d = decideUnit('亿元', [6000, 2739.3, 17000], zh);
    expect(d).toEqual({ divisor: 10000, unit: '万亿元', decimals: 2 });
    const chart: ValueStyle = { ...zh, units: new Map([['亿元', d]]) };
    expect([formatValue(6000, '亿元', chart), formatSigned(2739.3, '亿元', chart), formatValue(17000, '亿元', chart)]).toEqual(['0.60万亿元', '+0.27万亿元', '1.70万亿元']);
    expect(formatBoundedValue(10000, '亿元', 'lower', chart)).toBe('≥1.00万亿元');
  });

  it('keeps the spec\'s digits where the rescaled values stay sharp, and never drops a small step to zero', () => {
    expect(decideUnit('亿元', [13210.5, 19500, 21300, 10000], zh).decimals).toBe(1);
    // The fixture waterfall: 8550亿元, +1170, +5200, −150, 14770亿元.
    const d = decideUnit('亿元', [8550, 1170, 5200, -150, 14770], zh);
    expect(d.decimals).toBe(3);
    expect(formatSigned(-150, '亿元', { ...zh, units: new Map([['亿元', d]]) })).toBe('−0.015万亿元');
    // At most the four digits the rescaling moved, on top of the spec's.
    expect(decideUnit('亿元', [20000, 0.001], zh).decimals).toBe(5);
    // A unit the chart writes as the data has it keeps the analyst's digits.
    expect(decideUnit('%', [45.4, 0.04], zh).decimals).toBe(1);
  });

  it('writes every value of a unit with the same digits, whole values too', () => {
    const chart: ValueStyle = { ...zh, units: new Map([['%', decideUnit('%', [45.4, 40, 50], zh)]]) };
    expect([formatValue(45.4, '%', chart), formatValue(40, '%', chart), formatValue(50, '%', chart)]).toEqual(['45.4%', '40.0%', '50.0%']);
  });

  it('writes a unit whose values are all whole without decimals', () => {
    expect(decideUnit('家', [100, 500, 5000], zh).decimals).toBe(0);
    expect(decideUnit('亿元', [10000, 20000], zh)).toEqual({ divisor: 10000, unit: '万亿元', decimals: 0 });
  });

  it('decides a unit the chart does not draw by the value alone', () => {
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
    expect(formatValue(8073.6, '亿元', { ...en, numberFormat: 'plain' })).toBe('8073.6 (100 million yuan)');
  });
});

describe('signs', () => {
  it('write a minus sign, never a hyphen', () => {
    expect(formatSigned(1170, '亿元', zh)).toBe('+1170亿元');
    expect(formatSigned(-150, '亿元', zh)).toBe('−150亿元');
    expect(formatValue(-2, '百分点', zh)).toBe('−2个百分点');
    expect(formatValue(2, '百分点', zh)).toBe('+2个百分点');
    expect(formatValue(-12.5, '%', en)).toBe('−12.5%');
    expect(formatTick(-500, { divisor: 1, unit: '亿元' }, 500, zh)).toBe('−500');
    expect(withMinusSign('-2个百分点')).toBe('−2个百分点');
    expect(withMinusSign('-10%')).toBe('−10%');
    // A range or a date keeps its hyphen.
    expect(withMinusSign('2020-2022')).toBe('2020-2022');
  });

  it('leave a value that rounds to zero unsigned', () => {
    expect(formatSigned(-0.04, '亿元', zh)).toBe('0.0亿元');
    expect(formatValue(-0.04, '%', zh)).toBe('0.0%');
  });
});

describe('ticks', () => {
  it('step by 1, 2 or 5 times a power of ten', () => {
    for (let raw = 0.011; raw < 1e6; raw *= 1.37) {
      const step = niceStep(raw);
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6));
      expect([1, 2, 5], `step for ${raw}`).toContain(mantissa);
    }
  });

  it('never step by 0.3 (the issue: 0, 0.3 … 2.1 on a 万亿元 axis)', () => {
    // 重庆's broad-measure scenarios reach 1.95万亿元: ECharts' own rounding gives 0.3 steps here.
    const axis = niceAxis([13210.5, 19500].map((v) => v / 10000));
    expect(axis).toEqual({ min: 0, max: 2, interval: 0.5 });
    expect(niceAxis([13210.5, 21300])).toEqual({ min: 0, max: 25000, interval: 5000 });
    expect(niceAxis([25, 45.4, 50])).toEqual({ min: 0, max: 50, interval: 10 });
    expect(niceAxis([-150, 1170])).toEqual({ min: -200, max: 1200, interval: 200 });
  });

  it('write the digits their step needs, the same on every tick', () => {
    const scale = { divisor: 10000, unit: '万亿元' };
    expect([0, 5000, 10000, 15000].map((v) => formatTick(v, scale, 5000, zh))).toEqual(['0.0', '0.5', '1.0', '1.5']);
    expect([0, 10, 20].map((v) => formatTick(v, { divisor: 1, unit: '%' }, 10, zh))).toEqual(['0', '10', '20']);
  });
});

describe('the unit label', () => {
  const wan = { divisor: 10000, unit: '万亿元' };
  const yi = { divisor: 1, unit: '亿元' };

  it('never pins the scale: a unit it starts with is written in the scale the values pick', () => {
    expect(labelledUnit('亿元，当年价', '亿元', wan, 'zh')).toBe('万亿元，当年价');
    expect(labelledUnit('亿元（当年价）', '亿元', wan, 'zh')).toBe('万亿元（当年价）');
    expect(labelledUnit('万亿元', '亿元', yi, 'zh')).toBe('亿元');
    expect(labelledUnit('100 million yuan, current prices', '亿元', { divisor: 10, unit: 'billion yuan' }, 'en')).toBe('billion yuan, current prices');
  });

  it('follows the unit when it names none', () => {
    expect(labelledUnit('当年价', '亿元', wan, 'zh')).toBe('万亿元，当年价');
    expect(labelledUnit('current prices', '亿元', { divisor: 10000, unit: 'trillion yuan' }, 'en')).toBe('trillion yuan, current prices');
    expect(labelledUnit('', '亿元', wan, 'zh')).toBe('万亿元');
  });
});

describe('unit words in title and subtitle', () => {
  const units = new Map([
    ['亿元', { divisor: 10000, unit: '万亿元', decimals: 1 }],
    ['%', { divisor: 1, unit: '%', decimals: 1 }],
  ]);

  it('say the chart unit where they stand alone', () => {
    expect(unitWordsInChartUnits('亿元；重庆市此前口径；两部分的拆分为示意', units)).toBe('万亿元；重庆市此前口径；两部分的拆分为示意');
    expect(unitWordsInChartUnits('规模：亿元（左轴）；占比：%（右轴）', units)).toBe('规模：万亿元（左轴）；占比：%（右轴）');
    expect(unitWordsInChartUnits('规模（左轴，亿元）', units)).toBe('规模（左轴，万亿元）');
    expect(unitWordsInChartUnits('Scale, 100 million yuan', new Map([['亿元', { divisor: 10000, unit: 'trillion yuan', decimals: 1 }]]))).toBe('Scale, trillion yuan');
  });

  it('leave figures in running text alone', () => {
    expect(unitWordsInChartUnits('基数为超6000亿元的下限', units)).toBe('基数为超6000亿元的下限');
    expect(unitWordsInChartUnits('2027年4000亿元目标', units)).toBe('2027年4000亿元目标');
    expect(unitWordsInChartUnits('万亿元；当年价', units)).toBe('万亿元；当年价');
  });
});
