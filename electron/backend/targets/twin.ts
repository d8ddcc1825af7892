// 成渝地区双城经济圈: one indicator for several regions side by side, read through the series layer.
// Per year each region's figure with its bound, measure and release; its growth on the year before
// (within one measure and one vintage); and for a level its share of GDP (the published share of its
// measure first, else computed within the measure, a bound staying a bound).
import { WorkbenchError } from '../../../shared/api/errors';
import type { TwinCell } from '../../../shared/api/targets-contract';
import { indicatorRow, regionRow } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, breakYears, checkMeasure, growthOf, listMeasures, shareOfGdp, type Figure } from '../series/figures';

export interface CompareOptions {
  /** Only this year; growth still reads the year before. */
  year?: number;
  /** The data as known on this date (ISO); absent: the latest release of each figure. */
  asOf?: string | null;
  /** Only figures on this measure; absent: every figure on its own. */
  measure?: string | null;
}

interface RegionSeries {
  region: string;
  /** Every figure, whatever its measure: to tell "no figure" from "a figure on another measure". */
  all: Figure[];
  figures: Figure[];
  breaks: number[];
}

function cellOf(db: Db, series: RegionSeries, year: number, options: { asOf: string | null; measure: string | null; hasShare: boolean }): TwinCell {
  const figure = series.figures.find((f) => f.year === year && f.value !== null);
  if (!figure) {
    const other = options.measure ? series.all.find((f) => f.year === year && f.value !== null) : undefined;
    return other ? { value: null, reason: 'other-measure', otherMeasure: other.measure } : { value: null, reason: 'no-figure', otherMeasure: null };
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

  const data: RegionSeries[] = regions.map(({ code }) => {
    const all = annualSeries(db, indicator.code, code, { asOf });
    const figures = measure ? annualSeries(db, indicator.code, code, { asOf, measure }) : all;
    return { region: code, all, figures, breaks: breakYears(db, indicator.code, code, figures) };
  });
  const years = options.year !== undefined ? [options.year] : [...new Set(data.flatMap((d) => d.all.map((f) => f.year)))].sort((a, b) => a - b);
  const rows = years.map((year) => ({
    year,
    values: Object.fromEntries(data.map((d) => [d.region, cellOf(db, d, year, { asOf, measure, hasShare })])),
  }));
  return { indicator, asOf, measure, regions, measures, hasShare, breaks: Object.fromEntries(data.map((d) => [d.region, d.breaks])), rows };
}
