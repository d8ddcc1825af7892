// How a release is written wherever one is shown (data grid and its CSV/XLSX export, target detail,
// chart data files, CLI): its label and date. A release without a date is counted as known from a day
// after its year (knownFrom of shared/series/vintage.ts); it says so, so that an undated figure does
// not read as a missing one.

import { translate } from '../i18n';
import { seedLabel } from '../i18n/seed-labels';
import { knownFrom } from '../series/vintage';
import type { Locale } from './number';

export interface ReleaseOf {
  /** As recorded (初步核算数); a seeded label shows in the locale. */
  releaseLabel: string;
  /** ISO date, '' when the release gives none. */
  released: string;
  /** The figure's year: an undated release counts from a day after it (knownFrom). */
  year: number;
}

/**
 * The date part: the release date, or for an undated release "日期不详（按2020-03-01起计）" ("date not
 * given (counted from 2020-03-01)"); `short` gives "日期不详" ("undated") for the data grid's column,
 * whose tooltip has the long form.
 */
export function releaseDateText(released: string, year: number, locale: Locale, short = false): string {
  if (released) return released;
  return translate(locale, short ? 'release.undated.short' : 'release.undated', { date: knownFrom(released, year) });
}

/** A release as one text: "初步核算数 · 2019-03-01", "初步核算数 · 日期不详（按2020-03-01起计）". */
export function releaseText(release: ReleaseOf, locale: Locale, short = false): string {
  return [seedLabel(release.releaseLabel, locale), releaseDateText(release.released, release.year, locale, short)].filter(Boolean).join(' · ');
}
