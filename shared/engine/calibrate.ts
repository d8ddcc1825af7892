// Calibration from history: a normal distribution for a growth-rate driver from the yearly growth of
// the series it is linked to. The growth values come from the series layer (growthOf: within one read
// of the data, one vintage, on one measure); this function decides which of them may stand together.
// A break (a change of measure or a recorded break) splits the series: only the run after the last
// break describes the series the scenario continues. A year whose growth is not given for another
// reason (a bound, a revised release, no figure the year before) is left out and named, and does not
// split the run: the growth values on either side are each within one vintage and one measure.

/** Why a year's growth is not among the values: as the series layer says (see NoValueReason). */
export type GrowthGap = 'break' | 'bound' | 'revision' | 'no-previous' | 'no-figure' | 'no-gdp';

/** One year's growth on the year before, in %: its value, or why there is none. */
export type GrowthEntry =
  | { year: number; value: number; approx: boolean }
  | { year: number; value: null; reason: GrowthGap };

/** Fewer growth values than this give no suggestion: a mean and sd of two numbers say little. */
export const minGrowthValues = 3;

export interface Calibration {
  /** The growth values used, oldest first. */
  used: Array<{ year: number; value: number; approx: boolean }>;
  /** Years in the run whose growth is left out, with why (a bound is not a point value). */
  excluded: Array<{ year: number; reason: Exclude<GrowthGap, 'break'> }>;
  /** The year the run starts from when a break came before it (earlier years are not used), else null. */
  breakYear: number | null;
  /** Mean and sample sd (n − 1) of the values used; null with fewer than two values. */
  mean: number | null;
  sd: number | null;
  /** The distribution suggested, or null with why: too few values, or no spread among them. */
  suggestion: { kind: 'normal'; mean: number; sd: number } | null;
  reason: 'too-few' | 'no-spread' | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Mean and sample standard deviation of the growth values after the last break, with the years
 * used and left out. The suggestion is rounded to hundredths of a point, as the sheet shows it.
 */
export function calibrateFromGrowth(entries: readonly GrowthEntry[]): Calibration {
  const sorted = [...entries].sort((a, b) => a.year - b.year);
  const lastBreak = sorted.findLast((e) => e.value === null && e.reason === 'break');
  const run = lastBreak ? sorted.filter((e) => e.year > lastBreak.year) : sorted;
  const used = run.flatMap((e) => (e.value === null ? [] : [{ year: e.year, value: e.value, approx: e.approx }]));
  // The first year of a series has no year before it: that is where it starts, not a gap.
  const first = run.find((e) => e.value !== null || e.reason !== 'no-previous')?.year ?? Infinity;
  const excluded = run.flatMap((e) =>
    e.value === null && e.reason !== 'break' && !(e.reason === 'no-previous' && e.year < first) ? [{ year: e.year, reason: e.reason }] : [],
  );
  const n = used.length;
  const mean = n ? used.reduce((sum, e) => sum + e.value, 0) / n : null;
  const sd = n >= 2 && mean !== null ? Math.sqrt(used.reduce((sum, e) => sum + (e.value - mean) ** 2, 0) / (n - 1)) : null;
  const reason = n < minGrowthValues ? 'too-few' : round2(sd!) <= 0 ? 'no-spread' : null;
  return {
    used,
    excluded,
    breakYear: lastBreak?.year ?? null,
    mean,
    sd,
    suggestion: reason === null ? { kind: 'normal', mean: round2(mean!), sd: round2(sd!) } : null,
    reason,
  };
}
