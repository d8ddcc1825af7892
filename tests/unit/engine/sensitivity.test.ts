import { describe, expect, it } from 'vitest';
import { EngineError, normalQuantile, sensitivity } from '../../../shared/engine';
import { twoComponents } from './helpers';

describe('sensitivity', () => {
  it('moves each driver ±2 pp alone and sorts the bars by swing (the level in 2025)', () => {
    const r = sensitivity(twoComponents(), { output: { targetId: 'level' } });
    expect(r.output).toEqual({ metric: 'total', componentId: null, year: 2025, unit: '亿元', base: expect.closeTo(9075.47, 9) });
    expect(r.bars.map((b) => b.driver)).toEqual(['uplift', 'digitalization', 'industry', 'gdp']);
    const byId = Object.fromEntries(r.bars.map((b) => [b.driver, b]));
    // 产业数字化: 3,000 × (1.22⁵ − 1.18⁵); 数字产业化: 1,000 × (1.12⁵ − 1.08⁵); the uplift moves both.
    expect(byId.digitalization!.swing).toBeCloseTo(3000 * (1.22 ** 5 - 1.18 ** 5), 9);
    expect(byId.industry!.swing).toBeCloseTo(1000 * (1.12 ** 5 - 1.08 ** 5), 9);
    expect(byId.uplift!.swing).toBeCloseTo(byId.digitalization!.swing + byId.industry!.swing, 9);
    expect(byId.gdp!.swing).toBe(0);
    expect(byId.industry!.low).toEqual({ input: 8, output: expect.closeTo(1000 * 1.08 ** 5 + 3000 * 1.2 ** 5, 9) });
    expect(byId.industry!.source).toBe('spread');
  });

  it('shows GDP growth pulling the share down', () => {
    const r = sensitivity(twoComponents(), { output: { metric: 'share', year: 2025 } });
    const gdp = r.bars.find((b) => b.driver === 'gdp')!;
    expect(gdp.low.output).toBeGreaterThan(gdp.high.output);
    expect(gdp.low.output).toBeCloseTo((9075.47 / (10000 * 1.04 ** 5)) * 100, 9);
    expect(r.output.unit).toBe('%');
  });

  it('uses the distribution’s P10 and P90 when a driver has one, clamped into its bounds', () => {
    const s = twoComponents({
      components: [
        { id: 'industry', name: '数字产业化', base: 1000, growth: { kind: 'cagr', rate: 10 } },
        { id: 'digitalization', name: '产业数字化', base: 3000, growth: { kind: 'cagr', rate: 20 }, bounds: { min: 19, max: 21 } },
      ],
      uncertainty: {
        drivers: {
          industry: { kind: 'normal', mean: 10, sd: 5 },
          digitalization: { kind: 'uniform', min: 0, max: 40 },
        },
      },
    });
    const bars = Object.fromEntries(sensitivity(s, { output: { metric: 'component', componentId: 'industry', year: 2025 } }).bars.map((b) => [b.driver, b]));
    expect(bars.industry!.source).toBe('distribution');
    expect(bars.industry!.low.input).toBeCloseTo(10 + 5 * normalQuantile(0.1), 12);
    expect(bars.industry!.high.input).toBeCloseTo(10 - 5 * normalQuantile(0.1), 12);
    expect(bars.industry!.high.output).toBeCloseTo(1000 * (1 + bars.industry!.high.input / 100) ** 5, 9);
    expect([bars.digitalization!.low.input, bars.digitalization!.high.input]).toEqual([19, 21]);
    expect(bars.digitalization!.swing).toBe(0);
  });

  it('takes other quantiles and spreads', () => {
    const r = sensitivity(twoComponents(), { output: { targetId: 'level' }, spread: { percent: 1 } });
    expect(r.bars.find((b) => b.driver === 'industry')!.high.input).toBe(11);
  });

  it('refuses an output outside the projection', () => {
    expect(() => sensitivity(twoComponents(), { output: { metric: 'total', year: 2030 } })).toThrow(EngineError);
    expect(() => sensitivity(twoComponents(), { output: { metric: 'component', componentId: 'x', year: 2025 } })).toThrow(/no component/);
  });
});
