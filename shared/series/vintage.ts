// Releases (vintages): the same figure is first released, verified and revised after a census. The
// data "as known on a date" keeps, per figure, the latest release made by then.

/** ISO date, YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
