import { describe, expect, it } from 'vitest';
import type { ChartBuildErrorCode } from '../../../shared/charts/errors';
import { translate } from '../../../shared/i18n';
import { exportMessagesEn, exportMessagesZh } from '../../../shared/i18n/export-messages';

describe('chart and export messages', () => {
  it('has every key in both languages with the same placeholders', () => {
    expect(Object.keys(exportMessagesEn).sort()).toEqual(Object.keys(exportMessagesZh).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(exportMessagesZh)) expect(placeholders(exportMessagesEn[key]!), key).toEqual(placeholders(exportMessagesZh[key]!));
  });

  it('names every template build failure and every export step the backend reports', () => {
    // A Record over the code type: a new build code fails to compile here until it is listed.
    const codes: Record<ChartBuildErrorCode, true> = { NO_DATA: true, MIXED_UNITS: true, TOO_MANY_UNITS: true, MISSING_BARS: true, WATERFALL_CROSSES_ZERO: true, MISSING_PROGRESS: true };
    for (const code of Object.keys(codes)) expect(translate('en', `chart.build.${code}`, { chart: 'X' })).toMatch(/^Chart "X"/);
    for (const step of ['svg', 'png', 'pdf', 'pptx', 'data', 'write', 'zip']) expect(translate('zh', `job.step.${step}`)).not.toBe(`job.step.${step}`);
  });
});
