// A chart pinned to a vintage: the footer line it adds (and only then), and the designer form's field.
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildOption } from '../../../shared/charts/build-option';
import { createFrame, DEFAULT_FONT_STACK, footerLines } from '../../../shared/charts/frame';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { checkForm, dataKey, formFromSpec, isDirty } from '../../../renderer/src/pages/charts/spec-form';
import { regional, trajectory } from '../../fixtures/charts/briefing';

type Graphic = { style: { text: string } };
const footerText = (option: EChartsOption): string[] => (option.graphic as Graphic[]).map((g) => g.style.text);
const pinned = (spec: ChartSpec, vintage: string | null): ChartSpec => chartSpecSchema.parse({ ...spec, bindings: { ...spec.bindings, vintage } });
const lines = (spec: ChartSpec, data: typeof regional.data) => footerLines(createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK }));

describe('vintage footer line', () => {
  it('follows the source line when pinned, in the chart language', () => {
    expect(lines(pinned(trajectory.spec, '2024-06-30'), trajectory.data)).toEqual([
      expect.stringMatching(/^数据来源：/),
      '数据截至 2024-06-30',
      '2020年值按核心产业占GDP比重7.3%与GDP推算。',
      '注：标“示意”的数据为示意值，并非公布数据。',
    ]);
    const en = chartSpecSchema.parse({ ...pinned(regional.spec, '2019-06-30'), locale: 'en', sourceNote: '', footnote: '' });
    expect(lines(en, regional.data)).toEqual(['Data as known on 2019-06-30']);
  });

  it('leaves an unpinned chart exactly as it was', () => {
    expect(regional.spec.bindings.vintage).toBeNull();
    expect(lines(regional.spec, regional.data)).toEqual(lines(pinned(regional.spec, null), regional.data));
    expect(lines(regional.spec, regional.data).some((l) => l.includes('数据截至'))).toBe(false);
  });

  it('is drawn in the footer text, and left to the slide when plot only', () => {
    const spec = pinned(regional.spec, '2024-06-30');
    expect(footerText(buildOption(spec, regional.data))[0]).toContain('\n数据截至 2024-06-30');
    expect(buildOption(spec, regional.data, { fontFamily: DEFAULT_FONT_STACK, plotOnly: true }).graphic).toEqual([]);
  });
});

describe('designer form: 数据截至', () => {
  it('empty is the latest data; a date pins; a bad date is named at the field', () => {
    const form = formFromSpec(regional.spec);
    expect(form.vintage).toBe('');
    const latest = checkForm(form);
    expect(latest.ok && latest.spec.bindings.vintage).toBeNull();

    const set = { ...form, vintage: '2019-06-30' };
    const check = checkForm(set);
    expect(check.ok && check.spec.bindings.vintage).toBe('2019-06-30');
    expect(isDirty(set, form)).toBe(true);
    // The data depends on it: the preview fetches again.
    expect(check.ok && dataKey(check.spec)).not.toBe(dataKey(regional.spec));
    expect(formFromSpec(check.ok ? check.spec : regional.spec).vintage).toBe('2019-06-30');

    for (const bad of ['2019-02-30', '2019-6-30']) {
      const wrong = checkForm({ ...form, vintage: bad });
      expect(wrong.ok).toBe(false);
      expect(wrong.ok ? [] : wrong.errors).toEqual([{ field: 'vintage', key: 'charts.error.date', params: {} }]);
    }
  });
});
