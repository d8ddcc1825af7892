import { describe, expect, it } from 'vitest';
import { chartDataSchema } from '../../../shared/charts/data';
import { chartSpecSchema, resolveSize, templateIds } from '../../../shared/charts/spec';

describe('chart spec schema', () => {
  it('fills the defaults a new chart starts with', () => {
    const spec = chartSpecSchema.parse({ template: 'target-trajectory', title: '数字经济规模' });
    expect(spec).toMatchObject({
      version: 1,
      palette: 'default',
      locale: 'zh',
      numberFormat: 'auto',
      decimals: 1,
      size: { preset: 'slide-16x9' },
      options: { deadlineMarker: true },
      bindings: { indicators: [], regions: [], years: null, scenarios: [] },
      sourceNote: '',
      date: null,
    });
  });

  it('gives each template its own options', () => {
    expect(chartSpecSchema.parse({ template: 'stacked-components', title: 't' }).options).toEqual({ mode: 'area', showTotal: true });
    expect(chartSpecSchema.parse({ template: 'regional-comparison', title: 't', options: { mode: 'lines' } }).options).toEqual({ mode: 'lines' });
    expect(chartSpecSchema.safeParse({ template: 'regional-comparison', title: 't', options: { mode: 'pie' } }).success).toBe(false);
  });

  it('accepts every template id and refuses others', () => {
    for (const template of templateIds) expect(chartSpecSchema.safeParse({ template, title: 't' }).success).toBe(true);
    expect(chartSpecSchema.safeParse({ template: 'pie', title: 't' }).success).toBe(false);
  });

  it('refuses a year range that runs backwards, a bad date and a DPI out of 96-600', () => {
    expect(chartSpecSchema.safeParse({ template: 'tornado', title: 't', bindings: { years: { from: 2027, to: 2020 } } }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ template: 'tornado', title: 't', date: '2024/06/30' }).success).toBe(false);
    const custom = { preset: 'custom', width: 10, height: 5, unit: 'cm' };
    expect(chartSpecSchema.safeParse({ template: 'tornado', title: 't', size: { ...custom, dpi: 72 } }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ template: 'tornado', title: 't', size: { ...custom, dpi: 601 } }).success).toBe(false);
  });
});

describe('chart sizes', () => {
  it('lays presets out in CSS pixels', () => {
    expect(resolveSize({ preset: 'slide-16x9' })).toEqual({ width: 960, height: 540, dpi: 192 });
    expect(resolveSize({ preset: 'report-column' })).toMatchObject({ width: 321, height: 246, dpi: 300 });
  });

  it('reads a custom size in cm as paper size and in px as the PNG size at its DPI', () => {
    expect(resolveSize({ preset: 'custom', width: 2.54, height: 1.27, unit: 'cm', dpi: 300 })).toEqual({ width: 96, height: 48, dpi: 300 });
    expect(resolveSize({ preset: 'custom', width: 1920, height: 1080, unit: 'px', dpi: 192 })).toEqual({ width: 960, height: 540, dpi: 192 });
  });
});

describe('chart data schema', () => {
  it('marks series as published unless told otherwise and keeps nulls as gaps', () => {
    const data = chartDataSchema.parse({ series: [{ id: 'a', name: '重庆', kind: 'actual', unit: '%', points: [{ year: 2021, value: null }] }] });
    expect(data.series[0]).toMatchObject({ basis: 'published', breaksBefore: [], region: null });
    expect(data.series[0]!.points[0]!.value).toBeNull();
    expect(data.meta).toEqual({ asOf: null, scenarios: [], measures: [], vintage: null, newerData: false, omittedTargets: [], boundedBases: [] });
  });
});
