// The series layer: the one place that answers "what is the figure of indicator X for region R in year
// Y (under measure M, as known on date T)", with its bound, measure, release, status and source, and
// the questions derived from it: breaks, growth (within one measure and one vintage; in percentage
// points for a share) and, in shares.ts, share of GDP (the published share of the same measure first)
// and a share indicator's figures completed from the other share indicators on its measure. The
// monitor, twin-city view, scenario bases and backtests, and chart data read figures through here;
// nothing else reads observations for figures.
import { WorkbenchError } from '../../../shared/api/errors';
import type { Bound } from '../../../shared/series/bound';
import { changeUnitOf, type ChangeUnit } from '../../../shared/series/change';
import { knownFrom, knownOn } from '../../../shared/series/vintage';
import type { Db } from '../db/workspace';

/** Statuses a figure can have, best first: a year shows the best one it holds. */
export const FIGURE_STATUSES = ['actual', 'estimate', 'derived', 'illustrative'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
/** What counts as evidence of what happened: never an illustrative value. */
export const EVIDENCE: readonly FigureStatus[] = ['actual', 'estimate', 'derived'];

export interface Figure {
  /** The observation's id (its row in the grid). */
  id: number;
  indicator: string;
  region: string;
  year: number;
  value: number | null;
  /** The observation's unit, else (none recorded) its indicator's. */
  unit: string;
  original: string;
  status: FigureStatus;
  bound: Bound;
  measure: string;
  /** Release date (ISO) of the value shown, '' when unknown. */
  released: string;
  releaseLabel: string;
  source: string;
  note: string;
  /** Other releases of the same figure exist (earlier ones, or later ones past the vintage). */
  revised: boolean;
  /** This release is known to have been revised, though the revision is not in the workspace. */
  superseded: boolean;
}

export interface SeriesOptions {
  /** The data as known on this date (ISO); null or absent: every release, the latest of each figure. */
  asOf?: string | null;
  /** Only figures on this measure. */
  measure?: string | null;
  /** Statuses that count, default EVIDENCE. */
  statuses?: readonly FigureStatus[];
}

/** A figure as read from its row, with the number of earlier releases kept for it. */
export interface FigureRow extends Omit<Figure, 'revised' | 'superseded'> {
  releases: number;
  superseded: number;
}

interface ReleaseRow {
  value: number | null;
  original: string;
  bound: Bound;
  released: string;
  releaseLabel: string;
  source: string;
  note: string;
  /** The measure the release was on; null for one kept before releases recorded it (the row's). */
  measure: string | null;
}

const FIGURE_SQL = `
  SELECT o.id, o.indicator, o.region, o.year, o.value, CASE o.unit WHEN '' THEN i.unit ELSE o.unit END AS unit, o.original, o.status, o.bound, o.superseded,
         COALESCE(o.measure, i.measure) AS measure, o.released, o.release_label AS releaseLabel, o.source, o.note,
         (SELECT count(*) FROM observation_releases r WHERE r.observation_id = o.id) AS releases
  FROM observations o JOIN indicators i ON i.code = o.indicator
  WHERE o.indicator = ? AND o.region = ? AND o.period = CAST(o.year AS TEXT)`;

/** Earlier releases, latest known first: by the date each became known (knownFrom), then as recorded. */
const RELEASES_SQL = `
  SELECT value, original, bound, released, release_label AS releaseLabel, source, note, measure
  FROM observation_releases WHERE observation_id = ?
  ORDER BY CASE released WHEN '' THEN ? ELSE released END DESC, id DESC`;

/** The release of `row` known on `asOf`: the row itself, an earlier release, or null (not yet published). */
export function asKnownOn(db: Db, row: FigureRow, asOf: string | null | undefined): Figure | null {
  const { releases, superseded, ...figure } = row;
  if (knownOn(row.released, row.year, asOf)) return { ...figure, revised: releases > 0, superseded: superseded === 1 };
  if (releases === 0) return null;
  const earlier = (db.prepare(RELEASES_SQL).all(row.id, knownFrom('', row.year)) as ReleaseRow[]).find((r) => knownOn(r.released, row.year, asOf));
  if (!earlier) return null;
  const { measure, ...release } = earlier;
  return { ...figure, ...release, measure: measure ?? figure.measure, revised: true, superseded: false };
}

const rank = (status: FigureStatus) => FIGURE_STATUSES.indexOf(status);

/**
 * The annual figures of one indicator in one region, one per year, oldest first: per year the best
 * status with a value (a missing value shows only when the year has nothing else), in the release
 * known on `asOf`, on `measure` when one is asked for.
 */
export function annualSeries(db: Db, indicator: string, region: string, options: SeriesOptions = {}): Figure[] {
  const statuses = options.statuses ?? EVIDENCE;
  const rows = db.prepare(`${FIGURE_SQL} AND o.status IN (${statuses.map(() => '?').join(', ')})`).all(indicator, region, ...statuses) as FigureRow[];
  const best = new Map<number, Figure>();
  for (const row of rows) {
    const figure = asKnownOn(db, row, options.asOf);
    if (!figure || (options.measure && figure.measure !== options.measure)) continue;
    const held = best.get(figure.year);
    const better =
      !held || (held.value === null && figure.value !== null) || ((held.value === null) === (figure.value === null) && rank(figure.status) < rank(held.status));
    if (better) best.set(figure.year, figure);
  }
  return [...best.values()].sort((a, b) => a.year - b.year);
}

/** The measures a series' figures use, in the order they first appear. */
export function measuresOf(figures: readonly Figure[]): string[] {
  return [...new Set(figures.filter((f) => f.value !== null).map((f) => f.measure))];
}

/**
 * Years from which a series is measured differently: where its figures' measure changes, and the
 * breaks recorded by hand in definition_breaks for the indicator; for a year whose figure was taken
 * from another indicator (a share completed from another share indicator, shares.ts), that
 * indicator's recorded break too when the series shows a figure before it.
 */
export function breakYears(db: Db, indicator: string, region: string, figures: readonly Figure[]): number[] {
  const recorded = db.prepare('SELECT indicator, year FROM definition_breaks WHERE region = ?').all(region) as Array<{ indicator: string; year: number }>;
  const valued = figures.filter((f) => f.value !== null);
  const taken = (r: { indicator: string; year: number }) => valued.some((f) => f.year === r.year && f.indicator === r.indicator) && valued.some((f) => f.year < r.year);
  const years = new Set(recorded.filter((r) => r.indicator === indicator || taken(r)).map((r) => r.year));
  for (let i = 1; i < valued.length; i++) if (valued[i]!.measure !== valued[i - 1]!.measure) years.add(valued[i]!.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * The year from which a series goes on under another measure after the last figure on `measure`
 * (重庆's share: 2022 on the broad measure after 2021 on the city's earlier one), or null while
 * `measure` still has the series' latest figure. A measure replaced so gives no further figures.
 */
export function measureReplacedFrom(figures: readonly Figure[], measure: string): number | null {
  const valued = figures.filter((f) => f.value !== null);
  const last = valued.findLast((f) => f.measure === measure);
  if (!last) return null;
  return valued.find((f) => f.year > last.year && f.measure !== measure)?.year ?? null;
}

/** Why a derived number is not given: no figure, a change of measure between the two, a bound, no GDP, a release known to be revised. */
export type NoValueReason = 'no-figure' | 'no-previous' | 'break' | 'bound' | 'no-gdp' | 'revision';

/**
 * A derived number (growth, share) with its unit (% or percentage points), bound and measure, and
 * whether it was published or computed; or no number and why.
 */
export type Derived =
  | { value: number; unit: ChangeUnit; bound: Bound; measure: string; basis: 'published' | 'computed'; source: string }
  | { value: null; reason: NoValueReason; measure?: string };

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The change on the year before, both figures from the same read (one vintage) and on one measure,
 * and never across a break recorded by hand (`breaks`, from breakYears) even where both years name
 * the same measure: for a level the growth in % (unit '%'), for a share or rate (figures in %) the
 * difference in percentage points (unit 'pp'). A bound gives no change: ≥6000 over 5000 is not a rate.
 */
export function growthOf(figures: readonly Figure[], year: number, breaks: readonly number[] = []): Derived {
  const now = figures.find((f) => f.year === year && f.value !== null);
  if (!now) return { value: null, reason: 'no-figure' };
  const before = figures.find((f) => f.year === year - 1 && f.value !== null);
  const unit = changeUnitOf(now.unit);
  // A share may fall to 0; a level of 0 gives no growth rate.
  if (!before || (unit === '%' && !before.value)) return { value: null, reason: 'no-previous', measure: now.measure };
  if (before.measure !== now.measure || breaks.includes(year)) return { value: null, reason: 'break', measure: now.measure };
  // The year before is a release known to be revised (四川 2018 before the census) while this year's is not: two vintages.
  if (before.superseded && !now.superseded) return { value: null, reason: 'revision', measure: now.measure };
  if (now.bound === 'lower' || now.bound === 'upper' || before.bound === 'lower' || before.bound === 'upper') return { value: null, reason: 'bound', measure: now.measure };
  const approx = now.bound === 'approx' || before.bound === 'approx';
  const value = unit === 'pp' ? now.value! - before.value! : 100 * (now.value! / before.value! - 1);
  return { value: round(value, 2), unit, bound: approx ? 'approx' : 'exact', measure: now.measure, basis: 'computed', source: '' };
}

/** The latest figure with a value (optionally up to a year), or null. */
export function latestFigure(figures: readonly Figure[], upTo?: number): Figure | null {
  for (let i = figures.length - 1; i >= 0; i--) {
    const f = figures[i]!;
    if (f.value !== null && (upTo === undefined || f.year <= upTo)) return f;
  }
  return null;
}

export interface MeasureRow {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  publisher: string;
  source: string;
}

/** Refuses a code the measures catalogue does not hold, naming the codes it does. */
export function checkMeasure(db: Db, code: string): void {
  const known = listMeasures(db).map((m) => m.code);
  if (!known.includes(code)) throw new WorkbenchError('measure.unknown', { code, known: known.join(', ') });
}

/** The measures catalogue, in its order. */
export function listMeasures(db: Db): MeasureRow[] {
  return db.prepare('SELECT code, name_zh AS nameZh, name_en AS nameEn, description, description_en AS descriptionEn, publisher, source FROM measures ORDER BY sort, code').all() as MeasureRow[];
}
