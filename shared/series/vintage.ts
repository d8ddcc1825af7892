// Releases (vintages): the same figure is first released, verified and revised after a census. The
// data "as known on a date" keeps, per figure, the latest release made by then.

import { z } from 'zod';

/** ISO date, YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2019-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A vintage as API calls take it: a real calendar date, YYYY-MM-DD. */
export const vintageSchema = z.string().max(10).refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');

/**
 * The month and day from which a release without a date is taken as known, in the year after its
 * period: 1 March. Annual figures come out in the statistical bulletins of February and March (the
 * handbook takes 2019-03-01 for the 2018 bulletin); before the rule of 2026-12 it was 1 January,
 * which showed a year's figures on dates before most of them were published. Saved charts pinned to a
 * date in January or February say that the rule changed (electron/backend/charts/notices.ts).
 */
export const UNDATED_KNOWN_FROM = '03-01';

/** When a release became known: its date, or for one without a date 1 March after its period's year. */
export function knownFrom(released: string, year: number): string {
  return released || `${year + 1}-${UNDATED_KNOWN_FROM}`;
}

/** Whether the rule for undated releases changed what is known on `asOf`: a date in January or February. */
export function undatedRuleChanges(asOf: string): boolean {
  return asOf.slice(5) < UNDATED_KNOWN_FROM;
}

/** Whether a release of a figure for `year` was known on `asOf` (null: now, every release). */
export function knownOn(released: string, year: number, asOf: string | null | undefined): boolean {
  return !asOf || knownFrom(released, year) <= asOf;
}
