// 成渝地区双城经济圈: one indicator for several regions side by side, read through the series layer.
// Per year each region's figure with its bound, measure and release (for a share of GDP, the share of
// the same measure another share indicator publishes where the indicator has none, saying which); its
// growth on the year before (within one measure and one vintage; in percentage points for a share);
// for a level its share of GDP (the published share of its measure first, else computed within the
// measure, a bound staying a bound); and where a year has no figure, the figures on other measures.
// Shown with every figure on its own measure, a share indicator's region without a figure of its own
// takes the share published on the measure the year's other regions are on (全国 2022 beside 重庆's
// broad-measure 45.4%: CAICT's 41.5%, the same measure in another indicator), named as taken from it
// (series/shares.ts, sideBySide: a regional-comparison chart reads the same).
import { WorkbenchError } from '../../../shared/api/errors';
import type { TwinCell } from '../../../shared/api/targets-contract';
import { indicatorRow, regionRow } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, checkMeasure, growthOf, listMeasures } from '../series/figures';
import { otherMeasureFigures, shareOfGdp, sideBySide, type RegionSeries } from '../series/shares';

export interface CompareOptions {
  /** Only this year; growth still reads the year before. */
  year?: number;
  /** The data as known on this date (ISO); absent: the latest release of each figure. */
  asOf?: string | null;
  /** Only figures on this measure; absent: every figure on its own. */
  measure?: string | null;
}

interface CellOptions {
  indicator: { code: string; measure: string };
  asOf: string | null;
  measure: string | null;
  hasShare: boolean;
  via: (code: string) => { code: string; nameZh: string; nameEn: string };
}

function cellOf(db: Db, series: RegionSeries, year: number, options: CellOptions): TwinCell {
  const figure = series.figures.find((f) => f.year === year && f.value !== null);
  if (!figure) {
    // Every figure on its own measure, and on the row's, was looked for: what is missing is one on the indicator's measure.
    const others = otherMeasureFigures(db, options.indicator.code, series.region, year, options.measure ?? options.indicator.measure, { asOf: options.asOf }).map((f) => ({
      measure: f.measure,
      year: f.year,
      value: f.value!,
      bound: f.bound,
      indicator: f.indicator,
    }));
    return { value: null, reason: others.length ? 'other-measure' : 'no-figure', others };
  }
  return {
    value: figure.value!,
    bound: figure.bound,
    measure: figure.measure,
    released: figure.released,
    releaseLabel: figure.releaseLabel,
    status: figure.status,
    source: figure.source,
    revised: figure.revised,
    via: figure.indicator === options.indicator.code ? null : options.via(figure.indicator),
    growth: growthOf(series.figures, year, series.breaks),
    share: options.hasShare ? shareOfGdp(db, figure, { asOf: options.asOf }) : null,
  };
}

export function compareRegions(db: Db, indicatorCode: string, regionCodes: string[], options: CompareOptions = {}) {
  const row = indicatorRow(db, indicatorCode);
  if (!row) throw new WorkbenchError('monitor.unknownIndicator', { code: indicatorCode });
  const indicator = { code: row.code, nameZh: row.name_zh, nameEn: row.name_en, unit: row.unit, measure: row.measure };
  const measures = listMeasures(db).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
  const measure = options.measure ?? null;
  if (measure) checkMeasure(db, measure);
  const regions = regionCodes.map((code) => {
    const region = regionRow(db, code);
    if (!region) throw new WorkbenchError('monitor.unknownRegion', { code });
    return { code: region.code, nameZh: region.name_zh, nameEn: region.name_en };
  });
  const asOf = options.asOf ?? null;
  // A level in money has a share of GDP; GDP itself, rates and counts do not.
  const hasShare = indicator.unit === '亿元' && indicator.code !== 'gdp';

  const via = (code: string) => {
    const other = indicatorRow(db, code);
    return { code, nameZh: other?.name_zh ?? code, nameEn: other?.name_en ?? '' };
  };
  const shown = sideBySide(db, indicator.code, regions.map((r) => r.code), { asOf, measure });
  const data = shown.own;
  // Every year any region has a figure of the indicator itself, on any measure.
  const held = regions.flatMap(({ code }) => annualSeries(db, indicator.code, code, { asOf }).map((f) => f.year));
  const years = options.year !== undefined ? [options.year] : [...new Set([...held, ...data.flatMap((d) => d.figures.map((f) => f.year))])].sort((a, b) => a - b);
  const rows = years.map((year) => ({
    year,
    values: Object.fromEntries(data.map((d) => [d.region, cellOf(db, shown.at(d.region, year), year, { indicator, asOf, measure, hasShare, via })])),
  }));
  return { indicator, asOf, measure, regions, measures, hasShare, breaks: Object.fromEntries(data.map((d) => [d.region, d.breaks])), rows };
}
