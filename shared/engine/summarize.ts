// The projection in a few plain sentences, in Chinese or English, for a briefing or a salon handout.
// A projection from a bounded base is a bound (≥8073.6亿元 from "超6000亿元"), as its table and charts
// write it; how many digits and which scale (亿元 or 万亿元) is the caller's (the scenario page writes
// every number in one decision per unit), else the plain rule of shared/format/number.ts.
import { formatPercent, formatPlain, formatYi, type Locale } from '../format/number';
import { boundSign, type Bound } from '../series/bound';
import { projectionBound } from './backtest';
import { noBases } from './base-figure';
import type { MonteCarloResult } from './monte-carlo';
import type { ProjectionResult, TargetOutcome } from './project';
import { probabilityBound, targetVerdict } from './verdict';

const BOUND_WORD_ZH = { lower: '下限', upper: '上限' } as const;

/** The units the sentences write: money, a share, and a gap or change in a share. */
export type SummaryUnit = '亿元' | '%' | '百分点';

/**
 * How a number is written, with the sign of its bound (≥, ≤, ≈ or none); a 百分点 value without a
 * sign of direction (the sentence says 高出 or 差, or writes the + itself).
 */
export type ValueWriter = (value: number, unit: SummaryUnit, bound: Bound) => string;

export interface SummaryOptions {
  /** Adds each target's probability from a Monte Carlo run of the same scenario. */
  monteCarlo?: MonteCarloResult;
  /** Writes each number; default: 亿元 or 万亿元 with up to 2 decimals, shares with 1. */
  write?: ValueWriter;
}

/** The plain writer: formatYi and formatPercent, with the bound's sign in front. */
export function plainWriter(locale: Locale): ValueWriter {
  return (value, unit, bound) => {
    const text =
      unit === '%' ? formatPercent(value, locale) : unit === '百分点' ? (locale === 'zh' ? `${formatPlain(value, 'zh', 1)}个百分点` : `${formatPlain(value, 'en', 1)} pp`) : formatYi(value, locale);
    return `${boundSign(bound)}${text}`;
  };
}

interface Writing {
  locale: Locale;
  write: ValueWriter;
}

/** A change with its direction written: +27.8个百分点, −1.2 pp. */
function signedPoints(value: number, w: Writing): string {
  return `${value > 0 ? '+' : ''}${w.write(value, '百分点', 'exact')}`;
}

/** The bound of a target's projected value: its base's for the total and share, none for a component (an illustrative split). */
function valueBound(r: ProjectionResult, o: TargetOutcome): Bound {
  return projectionBound(o.kind, r.bases ?? noBases);
}

/**
 * The bound of a gap from a bounded projection: the true value is at least a lower-bound projection,
 * so what is to spare is at least the gap (≥) and a shortfall at most the gap (≤); the reverse for an
 * upper bound.
 */
export function gapBound(bound: Bound, met: boolean): Bound {
  if (bound === 'lower') return met ? 'lower' : 'upper';
  if (bound === 'upper') return met ? 'upper' : 'lower';
  return bound;
}

/**
 * The bound of the growth a target needs from a bounded base: a larger true base needs less, so from a
 * lower-bound base the growth needed is at most the figure (≤).
 */
export function requiredBound(bound: Bound): Bound {
  return bound === 'lower' ? 'upper' : bound === 'upper' ? 'lower' : bound;
}

/** "基准情景" / “baseline”: the scenario's name as the sentences use it. */
function scenarioName(r: ProjectionResult, locale: Locale): string {
  if (locale === 'en') return `“${r.scenario.nameEn ?? r.scenario.name}”`;
  return r.scenario.name.endsWith('情景') ? r.scenario.name : `${r.scenario.name}情景`;
}

/** The scenario's own average growth of the targeted quantity from the base year to the target year. */
function ownGrowth(r: ProjectionResult, o: TargetOutcome): number {
  const t = o.year - r.baseYear;
  const end = o.kind === 'share' ? r.total.values[t]! : o.value;
  return ((end / o.baseValue) ** (1 / t) - 1) * 100;
}

function subject(r: ProjectionResult, o: TargetOutcome, w: Writing): string {
  const { locale, write } = w;
  const component = o.componentId === null ? null : r.components.find((c) => c.id === o.componentId)?.name ?? o.componentId;
  const value = write(o.value, o.unit, valueBound(r, o));
  const total = () => write(r.total.values[o.year - r.baseYear]!, '亿元', projectionBound('total', r.bases ?? noBases));
  if (locale === 'zh') {
    if (component) return `${o.year}年${component}为${value}`;
    return o.kind === 'share'
      ? `${o.year}年数字经济占GDP比重为${value}（较${r.baseYear}年${signedPoints(o.value - r.share.values[0]!, w)}，规模${total()}）`
      : `${o.year}年数字经济规模为${value}`;
  }
  if (component) return `${component} reaches ${value} in ${o.year}`;
  return o.kind === 'share'
    ? `the digital economy's share of GDP in ${o.year} is ${value} (${signedPoints(o.value - r.share.values[0]!, w)} on ${r.baseYear})`
    : `the digital economy reaches ${value} in ${o.year}`;
}

/**
 * A share target whose share cannot be read as one (see ProjectionResult.share.flags): said in words,
 * without the number, the gap or the growth it would take.
 */
function flaggedSentence(r: ProjectionResult, o: TargetOutcome, first: boolean, w: Writing): string {
  const { locale } = w;
  const t = o.year - r.baseYear;
  const bases = r.bases ?? noBases;
  const total = w.write(r.total.values[t]!, '亿元', projectionBound('total', bases));
  const gdp = w.write(r.gdp.values[t]!, '亿元', projectionBound('gdp', bases));
  if (locale === 'zh') {
    const lead = first ? `按${scenarioName(r, locale)}，` : '';
    return o.flag === 'gdp-not-positive'
      ? `${lead}${o.year}年GDP降至0，占GDP比重无定义，“${o.label}”目标无从判断，请检查假设。`
      : `${lead}${o.year}年数字经济规模${total}超过当年GDP（${gdp}），占GDP比重超过100%，不合理，请检查假设。`;
  }
  const label = o.labelEn ?? o.label;
  const lead = first ? `Under the ${scenarioName(r, locale)} scenario, ` : '';
  const body =
    o.flag === 'gdp-not-positive'
      ? `GDP falls to 0 in ${o.year}, so the share of GDP is undefined and the “${label}” target cannot be judged; check the assumptions.`
      : `the digital economy, ${total} in ${o.year}, exceeds that year’s GDP (${gdp}): a share above 100% is impossible; check the assumptions.`;
  return first ? `${lead}${body}` : `${body.charAt(0).toUpperCase()}${body.slice(1)}`;
}

function sentence(r: ProjectionResult, o: TargetOutcome, first: boolean, w: Writing, probability: number | null): string {
  if (o.flag) return flaggedSentence(r, o, first, w);
  const { locale, write } = w;
  const bound = valueBound(r, o);
  const threshold = write(o.threshold, o.unit, 'exact');
  const gap = write(Math.abs(o.gap), o.unit === '%' ? '百分点' : '亿元', gapBound(bound, o.met));
  const required = o.requiredGrowth === null ? formatPercent(null, locale) : `${boundSign(requiredBound(bound))}${formatPercent(o.requiredGrowth, locale, 2)}`;
  const own = formatPercent(ownGrowth(r, o), locale, 2);
  const verdict = targetVerdict(o, r.bases ?? noBases);
  const chance = probability === null ? '' : formatPercent(probability * 100, locale, 0);
  const chanceBound = probabilityBound(o.kind, r.bases ?? noBases);
  if (locale === 'zh') {
    let text = `${first ? `按${scenarioName(r, locale)}，` : ''}${subject(r, o, w)}，`;
    text += o.met
      ? `达到“${o.label}”目标（${threshold}），高出${gap}`
      : `距“${o.label}”目标（${threshold}）差${gap}，需${r.baseYear}—${o.year}年年均增长${required}${o.kind === 'share' ? '（按本情景的GDP）' : ''}，本情景为${own}`;
    if (verdict === 'unknown') text += `；${o.met ? `但预测为上限，实际可能更低` : `但预测为下限，实际可能更高`}，无法判定是否实现`;
    else if (!o.met) text += o.firstYearMet === null ? `，至${r.horizon}年仍未达到` : `，按本情景将于${o.firstYearMet}年达到`;
    if (probability !== null) text += chanceBound === 'exact' ? `；模拟达标概率约${chance}` : `；模拟达标概率${boundSign(chanceBound)}${chance}（按${BOUND_WORD_ZH[chanceBound]}计）`;
    return `${text}。`;
  }
  const label = o.labelEn ?? o.label;
  const body = subject(r, o, w);
  let text = first ? `Under the ${scenarioName(r, locale)} scenario, ${body}` : `${body.charAt(0).toUpperCase()}${body.slice(1)}`;
  text += o.met
    ? `, meeting the “${label}” target (${threshold}) with ${gap} to spare`
    : `, ${gap} short of the “${label}” target (${threshold}); meeting it would take ${required} growth a year over ${r.baseYear}–${o.year}${
        o.kind === 'share' ? ' (with this scenario’s GDP)' : ''
      }, against ${own} in the scenario`;
  if (verdict === 'unknown')
    text += o.met
      ? '; but the projection is an upper bound and the true value may be lower, so whether it is met is open'
      : '; but the projection is a lower bound and the true value may be higher, so whether it is met is open';
  else if (!o.met) text += o.firstYearMet === null ? `, and it is not met by ${r.horizon}` : `; the scenario meets it in ${o.firstYearMet}`;
  if (probability !== null)
    text += `. Probability of meeting it in simulation: ${chanceBound === 'exact' ? `about ${chance}` : `${boundSign(chanceBound)}${chance} (${chanceBound === 'lower' ? 'from a lower bound' : 'from an upper bound'})`}`;
  return `${text}.`;
}

/** A short paragraph: per target, the projected value, the gap, and the growth it would take. */
export function summarize(result: ProjectionResult, locale: Locale, options: SummaryOptions = {}): string {
  const w: Writing = { locale, write: options.write ?? plainWriter(locale) };
  const probabilities = new Map(options.monteCarlo?.targets.map((t) => [t.id, t.probability]) ?? []);
  if (result.targets.length === 0) {
    const t = result.years.length - 1;
    const bases = result.bases ?? noBases;
    const total = w.write(result.total.values[t]!, '亿元', projectionBound('total', bases));
    const flag = result.share.flags[t];
    const share =
      flag === 'gdp-not-positive'
        ? locale === 'zh'
          ? '无定义（GDP为0）'
          : 'undefined (GDP is 0)'
        : flag === 'above-100'
          ? locale === 'zh'
            ? '超过100%（不合理）'
            : 'above 100% (impossible)'
          : w.write(result.share.values[t]!, '%', projectionBound('share', bases));
    return locale === 'zh'
      ? `按${scenarioName(result, locale)}，${result.horizon}年数字经济规模为${total}，占GDP比重为${share}。`
      : `Under the ${scenarioName(result, locale)} scenario, the digital economy reaches ${total} in ${result.horizon}, ${share} of GDP.`;
  }
  return result.targets
    .map((o, i) => sentence(result, o, i === 0, w, probabilities.get(o.id) ?? null))
    .join(locale === 'zh' ? '' : ' ');
}
