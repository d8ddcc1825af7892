import type { ErrorParams } from '../api/errors';
import { chartsMessagesEn, chartsMessagesZh } from './charts-messages';
import { dataMessagesEn, dataMessagesZh } from './data-messages';
import { engineMessagesEn, engineMessagesZh } from './engine-messages';
import { exportMessagesEn, exportMessagesZh } from './export-messages';
import { importMessagesEn, importMessagesZh } from './import-messages';
import { en, zh } from './messages';
import { overviewMessagesEn, overviewMessagesZh } from './overview-messages';
import { scenarioMessagesEn, scenarioMessagesZh } from './scenario-messages';
import { startupMessagesEn, startupMessagesZh } from './startup-messages';
import { targetsMessagesEn, targetsMessagesZh } from './targets-messages';
import type { Locale } from '../format/number';

export type { MessageKey } from './messages';
export type { Locale } from '../format/number';

// One catalogue for every domain (shell, engine, imports, charts), so that one `translate` serves all.
const catalogues: Record<Locale, Record<string, string>> = {
  zh: { ...zh, ...engineMessagesZh, ...importMessagesZh, ...scenarioMessagesZh, ...dataMessagesZh, ...exportMessagesZh, ...chartsMessagesZh, ...targetsMessagesZh, ...overviewMessagesZh, ...startupMessagesZh },
  en: { ...en, ...engineMessagesEn, ...importMessagesEn, ...scenarioMessagesEn, ...dataMessagesEn, ...exportMessagesEn, ...chartsMessagesEn, ...targetsMessagesEn, ...overviewMessagesEn, ...startupMessagesEn },
};

/** The sentence for `key` in `locale`, with `{param}` placeholders filled; unknown keys come back as-is. */
export function translate(locale: Locale, key: string, params: ErrorParams = {}): string {
  const template = catalogues[locale][key] ?? catalogues.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh' || value === 'en';
}
