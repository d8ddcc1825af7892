// Shares of GDP in the series layer. Several indicators publish a share of GDP (`indicators.gdp_share`):
// the national broad-measure share (de_share_gdp), the city's reported share (de_va_share_gdp, whose
// 2022 figure is on the broad measure), the core industries' share. The same quantity on the same
// measure is the same figure whichever indicator holds it, so:
// - a level's share of GDP is the share published on the level's measure, by any share indicator,
//   before one is computed (shareOfGdp);
// - a share indicator's figures are completed, in a year it has none, by the share another share
//   indicator publishes on its measure, the figure keeping its own indicator, row and source so a
//   screen says where it came from (indicatorSeries);
// - a year with no figure on the measure asked names the figures of the quantity on other measures
//   (otherMeasureFigures): "口径不同（有重庆市此前口径2021年27.2%）", not "no data";
// - regions shown side by side (the twin-city view, a regional-comparison chart) with every figure on
//   its own measure: a region without a figure of its own in a year whose other regions are all on one
//   measure shows its figure on that measure (sideBySide): 全国 2022 beside 重庆's broad-measure 45.4%
//   is CAICT's 41.5%, the same measure in 数字经济占GDP比重.
import type { Bound } from '../../../shared/series/bound';
import { indicatorRow } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, breakYears, listMeasures, round, type Derived, type Figure, type SeriesOptions } from './figures';

/** The indicators that publish a share of GDP, in code order. */
function shareIndicators(db: Db): string[] {
  return db.prepare('SELECT code FROM indicators WHERE gdp_share = 1 ORDER BY code').pluck().all() as string[];
}

/**
 * The shares of GDP published on `measure` for a region, one a year: per year the figure of the first
 * share indicator (in code order) that has one.
 */
export function publishedShares(db: Db, region: string, measure: string, options: Pick<SeriesOptions, 'asOf' | 'statuses'> = {}): Map<number, Figure> {
  const shares = new Map<number, Figure>();
  for (const code of shareIndicators(db)) {
    for (const f of annualSeries(db, code, region, { ...options, measure })) if (f.value !== null && !shares.has(f.year)) shares.set(f.year, f);
  }
  return shares;
}

/** The bound of a quotient of two bounded figures, or null when the bounds leave it open. */
function quotientBound(numerator: Bound, denominator: Bound): Bound | null {
  const flip: Record<Bound, Bound> = { lower: 'upper', upper: 'lower', exact: 'exact', approx: 'approx' };
  const d = flip[denominator];
  const sided = (b: Bound) => b === 'lower' || b === 'upper';
  if (sided(numerator) && sided(d)) return numerator === d ? numerator : null;
  if (sided(numerator)) return numerator;
  if (sided(d)) return d;
  return numerator === 'approx' || d === 'approx' ? 'approx' : 'exact';
}

/**
 * The share of GDP (%) of a level figure: the share published on the level's own measure for that
 * region and year when one exists (重庆 2022, broad measure: 45.4%), else the level over the same
 * vintage's GDP of that year, a bound staying a bound.
 */
export function shareOfGdp(db: Db, level: Figure, options: Pick<SeriesOptions, 'asOf' | 'statuses'> = {}): Derived {
  if (level.value === null) return { value: null, reason: 'no-figure' };
  const published = publishedShares(db, level.region, level.measure, options).get(level.year);
  if (published) return { value: published.value!, unit: '%', bound: published.bound, measure: published.measure, basis: 'published', source: published.source };
  const gdp = annualSeries(db, 'gdp', level.region, options).find((f) => f.year === level.year && f.value !== null);
  if (!gdp || !gdp.value) return { value: null, reason: 'no-gdp', measure: level.measure };
  const bound = quotientBound(level.bound, gdp.bound);
  if (!bound) return { value: null, reason: 'bound', measure: level.measure };
  return { value: round((100 * level.value) / gdp.value, 2), unit: '%', bound, measure: level.measure, basis: 'computed', source: '' };
}

/**
 * An indicator's annual figures for a region as every screen shows them: its own (on `measure` when
 * one is asked), and for a share-of-GDP indicator, in each year it has none, the share another share
 * indicator publishes on the measure asked, else on the indicator's own measure (重庆 2022 in the
 * national broad-measure share's view: 45.4%, from the city's reported share). A completed figure is
 * the other indicator's own: its `indicator`, row id and source say where it came from.
 */
export function indicatorSeries(db: Db, indicator: string, region: string, options: SeriesOptions = {}): Figure[] {
  const own = annualSeries(db, indicator, region, options);
  const ref = indicatorRow(db, indicator);
  if (ref?.gdp_share !== 1) return own;
  const held = new Set(own.filter((f) => f.value !== null).map((f) => f.year));
  const completed = [...publishedShares(db, region, options.measure ?? ref.measure, options).values()].filter((f) => !held.has(f.year));
  if (!completed.length) return own;
  return [...own.filter((f) => !completed.some((c) => c.year === f.year)), ...completed].sort((a, b) => a.year - b.year);
}

/**
 * The figures of a year on measures other than `measure`: the indicator's own, and for a share-of-GDP
 * indicator every share indicator's (the same quantity on another measure), one per measure in the
 * catalogue's order. What a screen names when the year has no figure on `measure`.
 */
export function otherMeasureFigures(db: Db, indicator: string, region: string, year: number, measure: string, options: Pick<SeriesOptions, 'asOf' | 'statuses'> = {}): Figure[] {
  const codes = indicatorRow(db, indicator)?.gdp_share === 1 ? [indicator, ...shareIndicators(db).filter((c) => c !== indicator)] : [indicator];
  const found = new Map<string, Figure>();
  for (const code of codes) {
    const f = annualSeries(db, code, region, options).find((x) => x.year === year && x.value !== null && x.measure !== measure);
    if (f && !found.has(f.measure)) found.set(f.measure, f);
  }
  const order = listMeasures(db).map((m) => m.code);
  return [...found.values()].sort((a, b) => order.indexOf(a.measure) - order.indexOf(b.measure));
}

/** One region's figures of an indicator, with the years its series breaks. */
export interface RegionSeries {
  region: string;
  figures: Figure[];
  breaks: number[];
}

/** Regions' series of one indicator side by side: each region's own, and the one each year's figure is read from. */
export interface SideBySide {
  own: RegionSeries[];
  /**
   * The series a region (one of those asked) reads its figure of `year` from: its own when it has a
   * figure that year (or a measure was asked); else, when the year's figures of the regions are all on
   * one measure, its series on that measure if that has a figure that year (its growth read within
   * it); else its own.
   */
  at(region: string, year: number): RegionSeries;
}

/**
 * The series of `regions` for `indicator` as every screen showing them side by side reads them (the
 * twin-city view, a regional-comparison chart): indicatorSeries per region, on `options.measure` when
 * one is asked.
 */
export function sideBySide(db: Db, indicator: string, regions: readonly string[], options: SeriesOptions = {}): SideBySide {
  const read = (region: string, measure: string | null): RegionSeries => {
    const figures = indicatorSeries(db, indicator, region, { ...options, measure });
    return { region, figures, breaks: breakYears(db, indicator, region, figures) };
  };
  const own = regions.map((region) => read(region, options.measure ?? null));
  const ownOf = new Map(own.map((s) => [s.region, s]));
  const has = (series: RegionSeries, year: number) => series.figures.some((f) => f.year === year && f.value !== null);
  const onMeasure = new Map<string, RegionSeries>();
  const at = (region: string, year: number): RegionSeries => {
    const mine = ownOf.get(region)!;
    if (options.measure || has(mine, year)) return mine;
    const shown = new Set(own.flatMap((s) => s.figures.filter((f) => f.year === year && f.value !== null).map((f) => f.measure)));
    if (shown.size !== 1) return mine;
    const measure = [...shown][0]!;
    const key = `${region}\u0000${measure}`;
    if (!onMeasure.has(key)) onMeasure.set(key, read(region, measure));
    const series = onMeasure.get(key)!;
    return has(series, year) ? series : mine;
  };
  return { own, at };
}
