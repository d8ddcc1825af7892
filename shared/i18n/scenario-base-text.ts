// How a scenario's base and the values that rest on it are written, the same on every scenario
// screen and in the CLI: a base that is a bounded figure with its sign (≥6000亿元), a derived one
// marked 推算值, and one note saying what the projections start from, in the words of the scenario
// chart's footer (shared/charts/labels.ts), so that chart and screen say the same.
import { nameOf, type NamedCode } from '../api/scenarios-contract';
import { wordsFor } from '../charts/labels';
import { projectionBound, shareBound, type DefinitionBreak } from '../engine/backtest';
import type { BaseFigure, ScenarioBases } from '../engine/base-figure';
import { formatPercent, formatYi, type Locale } from '../format/number';
import { boundSign, formatBounded } from '../series/bound';
import { translate } from './index';

/** A status other than a publication, as the screens mark it: 推算值, 估计值, 示意值. */
function statusMark(base: BaseFigure | null, locale: Locale): string {
  if (!base || base.status === 'actual') return '';
  const word = translate(locale, `status.${base.status}`);
  return locale === 'zh' ? `（${word}）` : ` (${word})`;
}

/** A base in 亿元 as written everywhere: ≥6000亿元, 1.32万亿元（推算值）, 2.5万亿元. */
export function baseAmount(value: number, base: BaseFigure | null, locale: Locale, digits = 2): string {
  return `${boundSign(base?.bound ?? 'exact')}${formatYi(value, locale, digits)}${statusMark(base, locale)}`;
}

/** The base year's share as written: ≥24%. */
export function baseShare(value: number, bases: ScenarioBases, locale: Locale, digits = 1): string {
  return `${boundSign(shareBound(bases))}${formatPercent(value, locale, digits)}`;
}

/**
 * A projected total, GDP or share as written, with the bound its base gives it (≥8073.6亿元, ≥28.5%):
 * a projection from a lower-bound base is a lower bound on what the scenario's growth gives.
 */
export function projectedText(value: number | null | undefined, metric: 'total' | 'gdp' | 'share', bases: ScenarioBases, locale: Locale, digits = metric === 'share' ? 1 : 2): string {
  return formatBounded(value, metric === 'share' ? '%' : '亿元', projectionBound(metric, bases), locale, digits);
}

/**
 * The one note of a scenario whose digital economy starts from a bound or a derived value: the
 * chart's sentence (基准情景的基数为2020年的下限值≥6000亿元。) and that every projection starts from it.
 * Empty for a base that is an exact published figure or no figure of the workspace.
 */
export function baseNote(scenario: string, bases: ScenarioBases, locale: Locale): string {
  const base = bases.total;
  if (!base) return '';
  // The note names the status in words, so the amount goes without its mark.
  const amount = baseAmount(base.value, { ...base, status: 'actual' }, locale);
  if (base.bound !== 'exact') return `${wordsFor(locale).boundedBase([scenario], base.year, base.bound, amount)}${translate(locale, `scenario.base.restsOn.${base.bound}`)}`;
  if (base.status === 'actual') return '';
  return translate(locale, 'scenario.base.notPublished', { scenario, year: base.year, value: amount, status: translate(locale, `status.${base.status}`) });
}

/**
 * Where a backtest's figures go on as another series, in words: under another measure (口径变化：自2022年起，
 * 数字经济规模（重庆）按“信通院广义口径”公布（2022年：≥1万亿元）…) or from another indicator.
 */
export function backtestBreakText(
  b: DefinitionBreak,
  unit: string,
  names: { names: { measures: NamedCode[]; indicators: NamedCode[] } },
  locale: Locale,
): string {
  const sep = locale === 'zh' ? '、' : ', ';
  const params = {
    year: b.year,
    from: nameOf(names.names.measures, b.from, locale),
    to: nameOf(names.names.measures, b.to, locale),
    series: b.indicator === null ? '' : nameOf(names.names.indicators, b.indicator, locale),
    years: b.figures.map((f) => f.year).join(sep),
    values: b.figures.map((f) => formatBounded(f.value, unit, f.bound, locale, 2)).join(sep),
  };
  return translate(locale, b.from === b.to ? 'scenario.backtest.otherSeries' : 'scenario.backtest.break', params);
}
