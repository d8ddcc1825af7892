import { describe, expect, it } from 'vitest';
import { ChartBuildError, type ChartBuildErrorCode } from '../../../shared/charts/errors';
import { numberFormats, paletteIds, sizePresets, templateIds } from '../../../shared/charts/spec';
import { translate } from '../../../shared/i18n';
import { chartsMessagesEn, chartsMessagesZh } from '../../../shared/i18n/charts-messages';
import { dataMessagesZh } from '../../../shared/i18n/data-messages';
import { engineMessagesZh } from '../../../shared/i18n/engine-messages';
import { exportMessagesZh } from '../../../shared/i18n/export-messages';
import { importMessagesZh } from '../../../shared/i18n/import-messages';
import { zh } from '../../../shared/i18n/messages';
import { scenarioMessagesZh } from '../../../shared/i18n/scenario-messages';
import { chartBuildMessage } from '../../../renderer/src/pages/charts/chart-errors';

describe('Charts page messages', () => {
  it('has every key in both languages with the same placeholders', () => {
    expect(Object.keys(chartsMessagesEn).sort()).toEqual(Object.keys(chartsMessagesZh).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(chartsMessagesZh)) expect(placeholders(chartsMessagesEn[key]!), key).toEqual(placeholders(chartsMessagesZh[key]!));
  });

  it('overrides no other table: the catalogue is merged, so a shared key would change another page', () => {
    const others = [zh, engineMessagesZh, importMessagesZh, scenarioMessagesZh, dataMessagesZh, exportMessagesZh].flatMap((table) => Object.keys(table));
    expect(Object.keys(chartsMessagesZh).filter((key) => others.includes(key))).toEqual([]);
  });

  it('names and describes every template and labels every palette, number format and size', () => {
    const keys = [
      ...templateIds.flatMap((id) => [`charts.template.${id}`, `charts.template.${id}.desc`]),
      ...paletteIds.map((p) => `charts.palette.${p}`),
      ...numberFormats.map((f) => `charts.numberFormat.${f}`),
      ...[...sizePresets, 'custom'].map((p) => `charts.size.${p}`),
      ...['png', 'svg', 'pdf', 'pptx'].map((f) => `charts.export.${f}`),
    ];
    for (const locale of ['zh', 'en'] as const) for (const key of keys) expect(translate(locale, key), key).not.toBe(key);
  });

  it('explains every template build failure in the preview, with list params joined', () => {
    const codes: Record<ChartBuildErrorCode, true> = { NO_DATA: true, MIXED_UNITS: true, TOO_MANY_UNITS: true, MISSING_BARS: true, WATERFALL_CROSSES_ZERO: true, MISSING_PROGRESS: true };
    for (const code of Object.keys(codes) as ChartBuildErrorCode[]) {
      const message = chartBuildMessage(new ChartBuildError(code, { units: ['亿元', '%'] }, 'x'));
      expect(message && translate('zh', message.key, message.params), code).not.toMatch(/^charts\.build/);
    }
    const mixed = chartBuildMessage(new ChartBuildError('MIXED_UNITS', { units: ['亿元', '%'] }, 'x'));
    expect(mixed && translate('zh', mixed.key, mixed.params)).toContain('亿元、%');
    expect(chartBuildMessage(new Error('other'))).toBeNull();
  });
});
