// A recorded source in the locale. The seeded sources end in the workbench's own judgement of them,
// "（可信度 M）" (H, M or L): that part is the workbench's words, not the publisher's, so it follows the
// language; the rest is shown as recorded.

import { translate } from '../i18n';
import type { Locale } from './number';

const CONFIDENCE = /（可信度 ([HML])）/g;

/** "…(2023)（媒体转载）（可信度 M）" in English: "…(2023)（媒体转载） (confidence M)". */
export function sourceInLocale(source: string, locale: Locale): string {
  return source.replace(CONFIDENCE, (_whole, level: string) => translate(locale, 'source.confidence', { level }));
}
