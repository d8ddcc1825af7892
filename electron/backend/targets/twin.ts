// 成渝地区双城经济圈: one indicator for several regions side by side, read through the series layer.
// Per year each region's figure with its bound, measure and release (for a share of GDP, the share of
// the same measure another share indicator publishes where the indicator has none, saying which); its
// growth on the year before (within one measure and one vintage; in percentage points for a share);
// for a level its share of GDP (the published share of its measure first, else computed within the
// measure, a bound staying a bound); and where a year has no figure, the figures on other measures.
import { WorkbenchError } from '../../../shared/api/errors';
import type { TwinCell } from '../../../shared/api/targets-contract';
import { indicatorRow, regionRow } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, breakYears, checkMeasure, growthOf, listMeasures, type Figure } from '../series/figures';
import { indicatorSeries, otherMeasureFigures, shareOfGdp } from '../series/shares';

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
  figures: Figure[];
  breaks: number[];
}

interface CellOptions {
  indicator: { code: string; measure: string };
  asOf: string | null;
  measure: string | null;
  hasShare: boolean;
  /** The one measure the year's figures of other regions are on, null when none or several. */
  rowMeasure: string | null;
  via: (code: string) => { code: string; nameZh: string; nameEn: string };
}

function cellOf(db: Db, series: RegionSeries, year: number, options: CellOptions): TwinCell {
  const figure = series.figures.find((f) => f.year === year && f.value !== null);
  if (!figure) {
    // Every figure on its own measure was looked for: what is missing is one on the indicator's measure.
    const others = otherMeasureFigures(db, options.indicator.code, series.region, year, options.measure ?? options.indicator.measure, { asOf: options.asOf }).map((f) => ({
      measure: f.measure,
      year: f.year,
      value: f.value!,
      bound: f.bound,
      indicator: f.indicator,
    }));
    // A figure on the very measure the row is shown on, held by another indicator (全国 2022 beside 重庆's
    // 45.4% under 重庆's reported share: CAICT's 41.5%), is not "another measure".
    const reason = others.some((o) => o.measure === options.rowMeasure) ? 'other-indicator' : others.length ? 'other-measure' : 'no-figure';
    return { value: null, reason, others };
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
  const data: RegionSeries[] = regions.map(({ code }) => {
    const figures = indicatorSeries(db, indicator.code, code, { asOf, measure });
    return { region: code, figures, breaks: breakYears(db, indicator.code, code, figures) };
  });
  // Every year any region has a figure of the indicator itself, on any measure.
  const held = regions.flatMap(({ code }) => annualSeries(db, indicator.code, code, { asOf }).map((f) => f.year));
  const years = options.year !== undefined ? [options.year] : [...new Set([...held, ...data.flatMap((d) => d.figures.map((f) => f.year))])].sort((a, b) => a - b);
  const rows = years.map((year) => {
    const shown = new Set(data.flatMap((d) => d.figures.filter((f) => f.year === year && f.value !== null).map((f) => f.measure)));
    const rowMeasure = shown.size === 1 ? [...shown][0]! : null;
    return { year, values: Object.fromEntries(data.map((d) => [d.region, cellOf(db, d, year, { indicator, asOf, measure, hasShare, rowMeasure, via })])) };
  });
  return { indicator, asOf, measure, regions, measures, hasShare, breaks: Object.fromEntries(data.map((d) => [d.region, d.breaks])), rows };
}
