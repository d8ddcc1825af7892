// A scenario's long texts (description, basis) in the locale: the starting scenarios carry them in
// English too (descriptionEn, basisEn); a text written only in Chinese shows as written.
import type { Locale } from '../format/number';

export function scenarioText(text: string | undefined, textEn: string | undefined, locale: Locale): string {
  return (locale === 'en' && textEn) || text || '';
}
