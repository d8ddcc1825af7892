// How a scenario's base and the values that rest on it are written, the same on every scenario
// screen and in the CLI: a base that is a bounded figure with its sign (≥6000亿元), a derived one
// marked 推算值, and one note saying what the projections start from, in the words of the scenario
// chart's footer (shared/charts/labels.ts), so that chart and screen say the same.
import { nameOf, type NamedCode } from '../api/scenarios-contract';
import { wordsFor } from '../charts/labels';
import { projectionBound, shareBound, type DefinitionBreak } from '../engine/backtest';
import type { BaseFigure, ScenarioBases } from '../engine/base-figure';
import { formatPercent, formatYi, type Locale } from '../format/number';
import type { TargetOutcome } from '../engine/project';
import { boundSign, formatBounded, type Bound, type Verdict } from '../series/bound';
import { translate } from './index';

/** A status other than a publication, as the screens mark it: （推算值）, （估计值）, （示意值）. */
export function statusMark(base: BaseFigure | null, locale: Locale): string {
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
 * The one note of a scenario whose digital economy starts from a bound or a derived value: the
 * chart's sentence (基准情景的基数为2020年的下限值≥6000亿元。) and that every projection starts from it.
 * Empty for a base that is an exact published figure or no figure of the workspace. `amount` writes the
 * base with its bound's sign (the scenario page's and CLI's one decision per unit); by default as baseAmount.
 */
export function baseNote(scenario: string, bases: ScenarioBases, locale: Locale, amount: (value: number, bound: Bound) => string = (v, b) => baseAmount(v, { ...bases.total!, bound: b, status: 'actual' }, locale)): string {
  const base = bases.total;
  if (!base) return '';
  // The note names the status in words, so the amount goes without its mark.
  if (base.bound !== 'exact') return `${wordsFor(locale).boundedBase([scenario], base.year, base.bound, amount(base.value, base.bound))}${translate(locale, `scenario.base.restsOn.${base.bound}`)}`;
  if (base.status === 'actual') return '';
  return translate(locale, 'scenario.base.notPublished', { scenario, year: base.year, value: amount(base.value, 'exact'), status: translate(locale, `status.${base.status}`) });
}

/**
 * A target's verdict in words (shared/engine/verdict.ts): 实现, 未实现, or 无法判定（预测为下限，低于目标）
 * when the projection is a bound that leaves it open.
 */
export function verdictText(verdict: Verdict, kind: TargetOutcome['kind'], bases: ScenarioBases, locale: Locale): string {
  if (verdict !== 'unknown') return translate(locale, `scenario.verdict.${verdict}`);
  return translate(locale, `scenario.verdict.unknown.${projectionBound(kind, bases) === 'upper' ? 'upper' : 'lower'}`);
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
