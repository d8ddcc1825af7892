// The projection in a few plain sentences, in Chinese or English, for a briefing or a salon handout.
import { formatPercent, formatPlain, formatPoints, formatYi, type Locale } from '../format/number';
import type { MonteCarloResult } from './monte-carlo';
import type { ProjectionResult, TargetOutcome } from './project';

export interface SummaryOptions {
  /** Adds each target's probability from a Monte Carlo run of the same scenario. */
  monteCarlo?: MonteCarloResult;
}

function amount(value: number, unit: '亿元' | '%', locale: Locale): string {
  return unit === '%' ? formatPercent(value, locale) : formatYi(value, locale);
}

function points(value: number, locale: Locale): string {
  return locale === 'zh' ? `${formatPlain(value, 'zh', 1)}个百分点` : `${formatPlain(value, 'en', 1)} pp`;
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

function subject(r: ProjectionResult, o: TargetOutcome, locale: Locale): string {
  const component = o.componentId === null ? null : r.components.find((c) => c.id === o.componentId)?.name ?? o.componentId;
  if (locale === 'zh') {
    if (component) return `${o.year}年${component}为${amount(o.value, o.unit, locale)}`;
    const t = o.year - r.baseYear;
    return o.kind === 'share'
      ? `${o.year}年数字经济占GDP比重为${formatPercent(o.value, locale)}（较${r.baseYear}年${formatPoints(o.value - r.share.values[0]!, locale)}，规模${formatYi(r.total.values[t], locale)}）`
      : `${o.year}年数字经济规模为${formatYi(o.value, locale)}`;
  }
  if (component) return `${component} reaches ${amount(o.value, o.unit, locale)} in ${o.year}`;
  return o.kind === 'share'
    ? `the digital economy's share of GDP in ${o.year} is ${formatPercent(o.value, locale)} (${formatPoints(o.value - r.share.values[0]!, locale)} on ${r.baseYear})`
    : `the digital economy reaches ${formatYi(o.value, locale)} in ${o.year}`;
}

/**
 * A share target whose share cannot be read as one (see ProjectionResult.share.flags): said in words,
 * without the number, the gap or the growth it would take.
 */
function flaggedSentence(r: ProjectionResult, o: TargetOutcome, first: boolean, locale: Locale): string {
  const t = o.year - r.baseYear;
  const total = formatYi(r.total.values[t], locale);
  const gdp = formatYi(r.gdp.values[t], locale);
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

function sentence(r: ProjectionResult, o: TargetOutcome, first: boolean, locale: Locale, probability: number | null): string {
  if (o.flag) return flaggedSentence(r, o, first, locale);
  const threshold = amount(o.threshold, o.unit, locale);
  const gap = o.unit === '%' ? points(Math.abs(o.gap), locale) : formatYi(Math.abs(o.gap), locale);
  const required = formatPercent(o.requiredGrowth, locale, 2);
  const own = formatPercent(ownGrowth(r, o), locale, 2);
  if (locale === 'zh') {
    let text = `${first ? `按${scenarioName(r, locale)}，` : ''}${subject(r, o, locale)}，`;
    text += o.met
      ? `达到“${o.label}”目标（${threshold}），高出${gap}`
      : `距“${o.label}”目标（${threshold}）差${gap}，需${r.baseYear}—${o.year}年年均增长${required}${o.kind === 'share' ? '（按本情景的GDP）' : ''}，本情景为${own}`;
    if (!o.met) text += o.firstYearMet === null ? `，至${r.horizon}年仍未达到` : `，按本情景将于${o.firstYearMet}年达到`;
    if (probability !== null) text += `；模拟达标概率约${formatPercent(probability * 100, locale, 0)}`;
    return `${text}。`;
  }
  const label = o.labelEn ?? o.label;
  const body = subject(r, o, locale);
  let text = first ? `Under the ${scenarioName(r, locale)} scenario, ${body}` : `${body.charAt(0).toUpperCase()}${body.slice(1)}`;
  text += o.met
    ? `, meeting the “${label}” target (${threshold}) with ${gap} to spare`
    : `, ${gap} short of the “${label}” target (${threshold}); meeting it would take ${required} growth a year over ${r.baseYear}–${o.year}${
        o.kind === 'share' ? ' (with this scenario’s GDP)' : ''
      }, against ${own} in the scenario`;
  if (!o.met) text += o.firstYearMet === null ? `, and it is not met by ${r.horizon}` : `; the scenario meets it in ${o.firstYearMet}`;
  if (probability !== null) text += `. Probability of meeting it in simulation: about ${formatPercent(probability * 100, locale, 0)}`;
  return `${text}.`;
}

/** A short paragraph: per target, the projected value, the gap, and the growth it would take. */
export function summarize(result: ProjectionResult, locale: Locale, options: SummaryOptions = {}): string {
  const probabilities = new Map(options.monteCarlo?.targets.map((t) => [t.id, t.probability]) ?? []);
  if (result.targets.length === 0) {
    const t = result.years.length - 1;
    const total = formatYi(result.total.values[t], locale);
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
          : formatPercent(result.share.values[t], locale);
    return locale === 'zh'
      ? `按${scenarioName(result, locale)}，${result.horizon}年数字经济规模为${total}，占GDP比重为${share}。`
      : `Under the ${scenarioName(result, locale)} scenario, the digital economy reaches ${total} in ${result.horizon}, ${share} of GDP.`;
  }
  return result.targets
    .map((o, i) => sentence(result, o, i === 0, locale, probabilities.get(o.id) ?? null))
    .join(locale === 'zh' ? '' : ' ');
}
