// The sentences of a calibration from history and of the forecast-evaluation table, shared by the
// scenario sheet, the backtest tab and the CLI so that they say the same thing in the same words.
import { localName, type DriverCalibration } from '../api/scenarios-contract';
import type { EvaluationRow } from '../engine/forecast-evaluation';
import { formatPlain, type Locale } from '../format/number';
import { translate } from './index';

/** A driver by name: GDP growth, or the component's name in the reader's language. */
export function calibrationDriverName(c: Pick<DriverCalibration, 'driver' | 'label' | 'labelEn'>, locale: Locale): string {
  if (c.driver === 'gdp') return translate(locale, 'scenario.driver.gdp');
  return locale === 'en' && c.labelEn ? c.labelEn : c.label;
}

const pct = (v: number, locale: Locale) => formatPlain(v, locale, 2);

/** The series by name: 地区生产总值·重庆, or the indicator's name alone when it names the region. */
function seriesName(c: DriverCalibration, locale: Locale): string {
  if (!c.link) return '';
  const [what, where] = [localName(c.link.indicator, locale), localName(c.link.region, locale)];
  return what.includes(where) ? what : translate(locale, 'scenario.backtest.series', { indicator: what, region: where });
}

/**
 * What the calibration says, first line the suggestion (均值 6%，标准差 2.23%（2019—2024年，5个年增长，
 * 统计部门常规口径）) or why there is none, then the series and data it rests on, the growth values
 * used and the years left out with why.
 */
export function calibrationLines(c: DriverCalibration, asOf: string | null, locale: Locale): string[] {
  const sep = locale === 'zh' ? '；' : '; ';
  const count = c.used.length;
  const measure = c.measure ? localName(c.measure, locale) : '';
  let head: string;
  if (c.status === 'suggested' && c.suggestion) {
    const approx = c.used.some((u) => u.approx) ? `${sep}${translate(locale, 'calibrate.approx')}` : '';
    head =
      translate(locale, 'calibrate.suggestion', { mean: pct(c.suggestion.mean, locale), sd: pct(c.suggestion.sd, locale), from: c.used[0]!.year, to: c.used[count - 1]!.year, count, measure }) +
      approx;
  } else {
    head = translate(locale, `calibrate.status.${c.status}`, { count, min: 3, series: seriesName(c, locale) });
  }
  const lines = [head];
  if (c.link && c.status !== 'not-growth-rate') {
    const vintage = asOf ? translate(locale, 'calibrate.vintage.asOf', { date: asOf }) : translate(locale, 'calibrate.vintage.latest');
    const via = c.link.via === 'backtest' ? translate(locale, 'calibrate.via.backtest') : '';
    lines.push(translate(locale, 'calibrate.basis', { series: seriesName(c, locale), vintage, via }));
  }
  if (count > 0) lines.push(translate(locale, 'calibrate.used', { values: c.used.map((u) => `${u.year}${locale === 'zh' ? '年' : ': '}${u.approx ? '≈' : ''}${pct(u.value, locale)}%`).join(locale === 'zh' ? '，' : ', ') }));
  if (c.breakYear !== null) {
    lines.push(
      c.measureBefore
        ? translate(locale, 'calibrate.break', { year: c.breakYear, before: localName(c.measureBefore, locale) })
        : translate(locale, 'calibrate.breakRecorded', { year: c.breakYear }),
    );
  }
  if (c.excluded.length > 0) {
    const items = c.excluded.map((e) => translate(locale, `calibrate.gap.${e.reason}`, { year: e.year })).join(locale === 'zh' ? '，' : ', ');
    lines.push(translate(locale, 'calibrate.excluded', { items }));
  }
  return lines;
}

/** A row's verdict in words: 确数，计分; 满足下限; 违反上限; 口径断点，不计分. */
export function evaluationVerdictText(row: Pick<EvaluationRow, 'verdict' | 'bound' | 'projectedBound'>, locale: Locale): string {
  // The bound held or violated is the actual's, or for an exact actual the projection's (≥ from a lower-bound base).
  const bound = row.bound === 'exact' ? row.projectedBound : row.bound;
  if (row.verdict === 'bound-met' || row.verdict === 'bound-violated') return translate(locale, `evaluation.verdict.${row.verdict}.${bound}`);
  return translate(locale, `evaluation.verdict.${row.verdict}`);
}

/** The data the evaluation is set against: the latest releases, or as known on a date. */
export function evaluationVintageText(asOf: string | null, locale: Locale): string {
  return asOf ? translate(locale, 'evaluation.vintage.asOf', { date: asOf }) : translate(locale, 'evaluation.vintage.latest');
}
