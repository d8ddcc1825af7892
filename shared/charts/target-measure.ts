// Whether a plan target's line may be drawn over a chart's values. A target is judged on one measure
// (口径): 万亿级 on CAICT's broad measure. Its line invites the reader to compare it with the values
// around its deadline, so it is drawn only when those values are on that measure; otherwise it is left
// out and the footer says why (an analyst trusts a missing line with a reason over a line whose label
// asks them to discount it).

/** A drawn series as the rule reads it: its unit, and the years and measures of its values. */
export interface MeasuredSeries {
  unit: string;
  points: ReadonlyArray<{ year: number; measure?: string }>;
}

/** Series as the rule reads them: only the points with a value. */
export function measured(series: ReadonlyArray<{ unit: string; points: ReadonlyArray<{ year: number; value: number | null; measure?: string }> }>): MeasuredSeries[] {
  return series.map((s) => ({ unit: s.unit, points: s.points.filter((p) => p.value !== null) }));
}

/**
 * The measures a target line in `unit` with deadline `year` is read against: per series in that unit,
 * its value in the deadline year, else its last value before it, else its first value after it.
 */
export function measuresReadAgainst(series: readonly MeasuredSeries[], unit: string, year: number): string[] {
  const found = series
    .filter((s) => s.unit === unit)
    .flatMap((s) => {
      const before = s.points.filter((p) => p.year <= year).sort((a, b) => b.year - a.year)[0];
      const after = s.points.filter((p) => p.year > year).sort((a, b) => a.year - b.year)[0];
      const point = before ?? after;
      return point?.measure === undefined ? [] : [point.measure];
    });
  return [...new Set(found)];
}

/**
 * The measures, other than the target's own, that its line would be read against: empty when it may
 * be drawn (a target judged on no stated measure is drawn as before).
 */
export function otherMeasures(target: { unit: string; year: number; measure: string | null }, series: readonly MeasuredSeries[]): string[] {
  if (target.measure === null) return [];
  return measuresReadAgainst(series, target.unit, target.year).filter((m) => m !== target.measure);
}

/** The measures of the values drawn in one unit: more than one means a drawn target line names its own. */
export function measuresIn(series: readonly MeasuredSeries[], unit: string): string[] {
  return [...new Set(series.filter((s) => s.unit === unit).flatMap((s) => s.points.flatMap((p) => (p.measure === undefined ? [] : [p.measure]))))];
}
