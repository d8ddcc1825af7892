// A recorded source in the locale. The seeded sources end in the workbench's own judgement of them,
// "（可信度 M）" (H, M, L, or a range such as L-M), and a figure the workbench derived opens with
// "推算：" (derived: the share times GDP it was computed from): those parts are the workbench's words,
// not the publisher's, so they follow the language, as do the notes in brackets saying how a source was
// read (（媒体转载）, （第三方汇编）: the seed-label table); the rest is shown as recorded.

import { translate } from '../i18n';
import { seedLabel } from '../i18n/seed-labels';
import type { Locale } from './number';

const CONFIDENCE = /（可信度 ([HML](?:-[HML])?)）/g;
/** A note in brackets: translated when the seed-label table knows it (how the source was read: （媒体转载）). */
const NOTE = /（([^（）]+)）/g;
const DERIVED = '推算';

/**
 * "…(2023)（媒体转载）（可信度 M）" in English: "…(2023) (reprinted in the press) (confidence M)"; "推算：27.2% × 27894.02…"
 * in English: "derived: 27.2% × 27894.02…".
 */
export function sourceInLocale(source: string, locale: Locale): string {
  const confidence = source.replace(CONFIDENCE, (_whole, level: string) => translate(locale, 'source.confidence', { level }));
  const judged =
    locale === 'zh'
      ? confidence
      : confidence.replace(NOTE, (whole, note: string) => {
          const english = seedLabel(note, locale);
          return english === note ? whole : ` (${english})`;
        });
  return judged.startsWith(`${DERIVED}：`) ? translate(locale, 'source.derived', { word: seedLabel(DERIVED, locale), rest: judged.slice(DERIVED.length + 1) }) : judged;
}
