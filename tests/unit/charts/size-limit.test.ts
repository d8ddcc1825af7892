// Below 240×160 CSS px no layout keeps title, legend, plot and source legible: such a custom size is
// refused on its field, in its own unit, and every preset is above it.
import { describe, expect, it } from 'vitest';
import { chartSizeSchema, MIN_CHART_SIZE, minimumSizeIn, resolveSize, sizePresets, sizeTooSmall, type ChartSize } from '../../../shared/charts/spec';

const custom = (width: number, height: number, unit: 'px' | 'cm' = 'px', dpi = 96): ChartSize => ({ preset: 'custom', width, height, unit, dpi });

describe('the smallest chart size', () => {
  it('accepts every preset', () => {
    for (const preset of sizePresets) {
      expect(sizeTooSmall({ preset }), preset).toBe(false);
      expect(chartSizeSchema.safeParse({ preset }).success).toBe(true);
    }
  });

  it('refuses 200x120 px on both fields, each with its minimum', () => {
    const parsed = chartSizeSchema.safeParse(custom(200, 120));
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => ({ path: i.path.join('.'), code: i.code, minimum: (i as { minimum?: number }).minimum }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'width', code: 'too_small', minimum: 240 },
        { path: 'height', code: 'too_small', minimum: 160 },
      ]),
    );
    expect(sizeTooSmall(custom(200, 120))).toBe(true);
  });

  it('judges the laid-out size: pixels at their DPI, centimetres on paper', () => {
    // 400x300 px at 192 DPI lays out on 200x150 CSS px.
    expect(chartSizeSchema.safeParse(custom(400, 300, 'px', 192)).success).toBe(false);
    expect(minimumSizeIn('px', 192)).toEqual({ width: 480, height: 320 });
    expect(chartSizeSchema.safeParse(custom(480, 320, 'px', 192)).success).toBe(true);
    expect(minimumSizeIn('cm', 96)).toEqual({ width: 6.35, height: 4.24 });
    expect(chartSizeSchema.safeParse(custom(6.35, 4.24, 'cm')).success).toBe(true);
    expect(chartSizeSchema.safeParse(custom(6, 4.24, 'cm')).success).toBe(false);
    expect(resolveSize(custom(240, 160))).toMatchObject(MIN_CHART_SIZE);
    expect(sizeTooSmall(custom(240, 160))).toBe(false);
  });
});
