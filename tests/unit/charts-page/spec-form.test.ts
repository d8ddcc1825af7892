import { describe, expect, it } from 'vitest';
import { chartSpecSchema, templateIds, type ChartSpecInput } from '../../../shared/charts/spec';
import { canonical, checkForm, dataKey, formFromSpec, isDirty, newChartSpec, specInputFromForm, toggle, type SpecForm } from '../../../renderer/src/pages/charts/spec-form';

const full: ChartSpecInput = {
  template: 'stacked-components',
  options: { mode: 'bars', showTotal: false },
  name: '两部分',
  title: '数字经济两大部分',
  subtitle: '亿元',
  unitLabel: '亿元，当年价',
  sourceNote: '重庆市统计局',
  footnote: '示意拆分',
  organisation: '智库',
  date: '2024-06-30',
  bindings: { indicators: ['de_va', 'gdp'], regions: ['CQ'], years: { from: 2018, to: 2027 }, scenarios: ['1'], targets: ['A1'] },
  palette: 'colorblind',
  locale: 'en',
  numberFormat: 'thousands',
  decimals: 2,
  size: { preset: 'custom', width: 17, height: 12, unit: 'cm', dpi: 300 },
};

const formOf = (input: ChartSpecInput): SpecForm => formFromSpec(chartSpecSchema.parse(input));
const errorsOf = (form: SpecForm) => {
  const check = checkForm(form);
  return check.ok ? [] : check.errors;
};

describe('designer form <-> chart spec', () => {
  it('gives back the very spec it was made from, custom size, options and bindings included', () => {
    const spec = chartSpecSchema.parse(full);
    const check = checkForm(formFromSpec(spec));
    expect(check.ok && check.spec).toEqual(spec);
  });

  it('round-trips every template with its defaults', () => {
    for (const template of templateIds) {
      const spec = chartSpecSchema.parse({ template, title: 'T' });
      const check = checkForm(formFromSpec(spec));
      expect(check.ok && check.spec, template).toEqual(spec);
    }
  });

  it('keeps each template option while another template is tried, and writes only the chosen one', () => {
    const form = formOf(full);
    const asRegional = { ...form, template: 'regional-comparison' as const, regionalMode: 'lines' as const };
    expect(specInputFromForm(asRegional).options).toEqual({ mode: 'lines' });
    const back = { ...asRegional, template: 'stacked-components' as const };
    expect(specInputFromForm(back).options).toEqual({ mode: 'bars', showTotal: false });
  });

  it('turns empty years into "every year" and empty dates into none', () => {
    const form = { ...formOf(full), yearFrom: ' ', yearTo: '', date: '' };
    const check = checkForm(form);
    expect(check.ok && check.spec.bindings.years).toBeNull();
    expect(check.ok && check.spec.date).toBeNull();
  });

  it('names the field of each problem, in words the UI translates', () => {
    const form = { ...formOf(full), title: '', date: '2024/06/30', decimals: '1.5', yearFrom: '2027', yearTo: '2018' };
    expect(errorsOf(form)).toEqual(
      expect.arrayContaining([
        { field: 'title', key: 'charts.error.required', params: {} },
        { field: 'date', key: 'charts.error.date', params: {} },
        { field: 'decimals', key: 'charts.error.integer', params: {} },
        { field: 'years', key: 'charts.error.yearsOrder', params: {} },
      ]),
    );
    expect(errorsOf({ ...formOf(full), decimals: '7' })).toEqual([{ field: 'decimals', key: 'charts.error.max', params: { max: 4 } }]);
    expect(errorsOf({ ...formOf(full), title: 'x'.repeat(201) })).toEqual([{ field: 'title', key: 'charts.error.tooLong', params: { max: 200 } }]);
  });

  it('asks for both years when only one is typed, once', () => {
    expect(errorsOf({ ...formOf(full), yearFrom: '2018', yearTo: '' })).toEqual([{ field: 'years', key: 'charts.error.yearsBoth', params: {} }]);
  });

  it('locates custom size problems at the width, height and DPI fields rather than at "size"', () => {
    const form = { ...formOf(full), customWidth: '-3', customHeight: 'abc', customDpi: '50' };
    expect(errorsOf(form)).toEqual([
      { field: 'customWidth', key: 'charts.error.positive', params: {} },
      { field: 'customHeight', key: 'charts.error.number', params: {} },
      { field: 'customDpi', key: 'charts.error.min', params: { min: 96 } },
    ]);
    // A preset ignores whatever the hidden custom fields hold.
    expect(checkForm({ ...form, sizePreset: 'a4-half' }).ok).toBe(true);
  });

  it('is dirty only when something differs from the saved spec', () => {
    const saved = formOf(full);
    expect(isDirty({ ...saved, indicators: [...saved.indicators] }, saved)).toBe(false);
    expect(isDirty({ ...saved, title: `${saved.title} ` }, saved)).toBe(true);
    expect(isDirty({ ...saved, indicators: [...saved.indicators].reverse() }, saved)).toBe(true);
  });

  it('refetches preview data for bindings, template and chart language, not for texts or style', () => {
    const spec = chartSpecSchema.parse(full);
    expect(dataKey({ ...spec, title: 'Other', palette: 'grayscale' })).toBe(dataKey(spec));
    expect(dataKey({ ...spec, bindings: { ...spec.bindings, regions: ['SC'] } })).not.toBe(dataKey(spec));
    expect(dataKey({ ...spec, locale: 'zh' })).not.toBe(dataKey(spec));
  });

  it('writes the same canonical text whatever the key order', () => {
    expect(canonical({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe(canonical({ a: [2, { c: 'x', d: null }], b: 1 }));
    expect(canonical({ a: 1 })).not.toBe(canonical({ a: '1' }));
  });

  it('starts a new chart on the first indicator, in the language of the UI', () => {
    const spec = newChartSpec({ indicators: [{ code: 'gdp' }, { code: 'de_va' }] }, 'en', 'New chart');
    expect(spec).toMatchObject({ template: 'indicator-series', title: 'New chart', locale: 'en', bindings: { indicators: ['gdp'], regions: [], scenarios: [] } });
    expect(newChartSpec({ indicators: [] }, 'zh', '新图表').bindings.indicators).toEqual([]);
  });

  it('adds choices in the order they are picked and removes them', () => {
    expect(toggle(['CQ'], 'SC', true)).toEqual(['CQ', 'SC']);
    expect(toggle(['CQ', 'SC'], 'CQ', false)).toEqual(['SC']);
    expect(toggle(['CQ'], 'CQ', true)).toEqual(['CQ']);
  });
});
