import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundOfText, boundedError, formatBounded, meets, type Bound, type Comparator } from '../../../shared/series/bound';
import { knownFrom, knownOn, undatedRuleChanges, vintageSchema } from '../../../shared/series/vintage';

describe('bounds read from the text', () => {
  it.each([
    ['超6000亿元', 'lower'],
    ['超过1万亿元', 'lower'],
    ['25%以上', 'lower'],
    ['不低于40%', 'lower'],
    ['>100', 'lower'],
    ['≥ 50', 'lower'],
    ['逾300项', 'lower'],
    ['不足10%', 'upper'],
    ['不到500家', 'upper'],
    ['5%以下', 'upper'],
    ['<3', 'upper'],
    ['不超过8%', 'upper'],
    ['约3500亿元', 'approx'],
    ['近2000亿元', 'approx'],
    ['1.99万亿左右', 'approx'],
    ['≈1.99万亿', 'approx'],
    ['7%上下', 'approx'],
    ['27.2%', 'exact'],
    ['20363.19', 'exact'],
    ['—', 'exact'],
  ] as const)('%s is %s', (text, bound) => {
    expect(boundOfText(text)).toBe(bound);
  });

  it('writes the bound before the value with its unit', () => {
    expect(formatBounded(10000, '亿元', 'lower', 'zh')).toBe('≥1万亿元');
    expect(formatBounded(19900, '亿元', 'approx', 'zh')).toBe('≈1.99万亿元');
    expect(formatBounded(10, '%', 'upper', 'en')).toBe('≤10%');
    expect(formatBounded(45.4, '%', 'exact', 'zh')).toBe('45.4%');
    expect(formatBounded(null, '%', 'lower', 'zh')).toBe('—');
  });
});

describe('a bound compared with a target', () => {
  it('meets a ≥ target only when the bound itself does; otherwise leaves it open', () => {
    expect(meets('>=', 10000, 'lower', 10000)).toBe('yes');
    expect(meets('>=', 6000, 'lower', 10000)).toBe('unknown');
    expect(meets('>=', 6000, 'exact', 10000)).toBe('no');
    expect(meets('>=', 6000, 'upper', 10000)).toBe('no');
    expect(meets('>=', 12000, 'upper', 10000)).toBe('unknown');
    expect(meets('<=', 5, 'upper', 8)).toBe('yes');
    expect(meets('<=', 9, 'lower', 8)).toBe('no');
  });

  const comparators: Comparator[] = ['>=', '>', '=', '<=', '<'];
  const bounds: Bound[] = ['exact', 'lower', 'upper', 'approx'];
  it('never says yes or no where some true value within the bound would say the opposite', () => {
    fc.assert(
      fc.property(fc.constantFrom(...comparators), fc.constantFrom(...bounds), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 100 }), (c, b, v, t, d) => {
        const verdict = meets(c, v, b, t);
        // A true value the bound allows: v itself, or d beyond it on the bound's side.
        const truth = b === 'lower' ? v + d : b === 'upper' ? v - d : v;
        const holds = meets(c, truth, 'exact', t) === 'yes';
        if (verdict === 'yes') expect(holds).toBe(true);
        if (verdict === 'no') expect(holds).toBe(false);
      }),
    );
  });

  it('scores only a violated bound, by the distance to it', () => {
    expect(boundedError(7000, 6000, 'lower')).toBeNull();
    expect(boundedError(5000, 6000, 'lower')).toBe(-1000);
    expect(boundedError(5000, 6000, 'upper')).toBeNull();
    expect(boundedError(7000, 6000, 'upper')).toBe(1000);
    expect(boundedError(7000, 6000, 'exact')).toBe(1000);
    expect(boundedError(7000, 6000, 'approx')).toBe(1000);
  });
});

describe('vintages', () => {
  it('knows a dated release from its date and an undated one from 1 March after its year', () => {
    expect(knownOn('2019-03-01', 2018, '2019-06-30')).toBe(true);
    expect(knownOn('2020-01-01', 2018, '2019-06-30')).toBe(false);
    expect(knownFrom('', 2019)).toBe('2020-03-01');
    expect(knownOn('', 2019, '2020-02-29')).toBe(false);
    expect(knownOn('', 2019, '2020-03-01')).toBe(true);
    expect(knownOn('', 2019, null)).toBe(true);
  });

  it('says which pinned dates the rule for undated releases changed: those in January and February', () => {
    expect(['2021-01-01', '2021-02-28', '2024-02-29'].map(undatedRuleChanges)).toEqual([true, true, true]);
    expect(['2021-03-01', '2021-06-30', '2020-12-31'].map(undatedRuleChanges)).toEqual([false, false, false]);
  });

  it('takes real calendar dates only', () => {
    expect(vintageSchema.safeParse('2019-06-30').success).toBe(true);
    for (const bad of ['2019-13-01', '2019-02-30', '2019-6-30', 'yesterday']) expect(vintageSchema.safeParse(bad).success).toBe(false);
  });
});
