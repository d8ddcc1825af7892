// Goal seek's answer and its errors as sentences, with targets and drivers by name: the scenario
// page and `workbench scenario goal-seek` say the same thing.
import { readableGoalParams, type Bounds, type GoalSeekResult, type JointGoalSeekResult, type ScenarioBases } from '../engine';
import type { ErrorParams } from '../api/errors';
import { formatPlain, type Locale } from '../format/number';
import type { Bound } from '../series/bound';
import { translate } from './index';
import { baseAmount } from './scenario-base-text';

/** How the caller shows a target (its label) and a driver (GDP growth, the uplift, a component's name). */
export interface GoalNames {
  target: (id: string) => string;
  driver: (id: string) => string;
}

const value = (v: number, locale: Locale) => formatPlain(v, locale, 3);

function ranges(intervals: readonly Bounds[], locale: Locale): string {
  return intervals.map((x) => `[${value(x.min, locale)}, ${value(x.max, locale)}]`).join(locale === 'zh' ? '、' : ', ');
}

/** How the caller writes the base's amount (the Scenarios page's and `scenario run`'s rule: ≥0.60万亿元). */
type BaseWriter = (value: number, bound: Bound) => string;

/** What the answer starts from when the scenario's base is a bound or a derived value: （从2020年的下限值≥0.60万亿元起算…）. */
function fromBase(bases: ScenarioBases | undefined, locale: Locale, amount: BaseWriter | undefined): string {
  const base = bases?.total;
  if (!base || (base.bound === 'exact' && base.status === 'actual')) return '';
  const kind = base.bound === 'exact' ? base.status : base.bound;
  const value = amount ? amount(base.value, base.bound) : baseAmount(base.value, { ...base, status: 'actual' }, locale);
  return translate(locale, `scenario.goal.fromBase.${kind}`, { year: base.year, value });
}

/**
 * One sentence: the value and its direction against the nominal (or that the nominal already meets
 * it), the binding target of a joint search; the ranges meeting it when there is more than one, and
 * the part of the bounds searched when GDP would fall to 0 beyond it; what it starts from when the
 * base is a bound or a derived value (`bases`).
 */
export function goalSeekSentence(result: GoalSeekResult | JointGoalSeekResult, locale: Locale, names: GoalNames, bases?: ScenarioBases, amount?: BaseWriter): string {
  const unit = translate(locale, `scenario.unit.${result.unit}`);
  const joint = 'binding' in result;
  const key = `scenario.goal.${joint ? 'answerJoint' : 'answer'}${result.metAtNominal ? 'Met' : ''}`;
  const parts = [
    translate(locale, key, {
      driver: names.driver(result.driver),
      value: value(result.value, locale),
      unit,
      nominal: value(result.nominal, locale),
      direction: translate(locale, `scenario.goal.direction.${result.direction}`),
      binding: joint ? names.target(result.binding) : '',
    }),
  ];
  if (result.intervals.length > 1) parts.push(translate(locale, 'scenario.goal.ranges', { driver: names.driver(result.driver), ranges: ranges(result.intervals, locale) }));
  if (result.searched.min !== result.bounds.min || result.searched.max !== result.bounds.max) {
    parts.push(translate(locale, 'scenario.goal.searched', { lower: value(result.searched.min, locale), upper: value(result.searched.max, locale) }));
  }
  return parts.join(locale === 'zh' ? '；' : '; ') + fromBase(bases, locale, amount);
}

/** An engine error of goal seek (`engine.goal_…` and the others) with names and readable quantities. */
export function goalSeekErrorSentence(code: string, params: ErrorParams, locale: Locale, names: GoalNames): string {
  return translate(locale, code, readableGoalParams(params as Record<string, string | number | null>, locale, names));
}
