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
 * When a release became known. A release without a date is taken as known from the first day after
 * its period's year: no figure for a year can be published before the year ends.
 */
export function knownFrom(released: string, year: number): string {
  return released || `${year + 1}-01-01`;
}

/** Whether a release of a figure for `year` was known on `asOf` (null: now, every release). */
export function knownOn(released: string, year: number, asOf: string | null | undefined): boolean {
  return !asOf || knownFrom(released, year) <= asOf;
}
