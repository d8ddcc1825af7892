// A target's goal as the plan words it. The comparator carries ≥ and >; an "=" goal the plan states
// as an approximate figure ("总投资约296亿元") is ≈296亿元, not = 296亿元: 约, 近, 左右 are part of the
// figure (DOMAIN.md), read from the plan's quote with the same words an imported cell is read with.
import { formatWithUnit, type Locale } from '../format/number';
import { parseNumber } from '../parse/number';
import { parseUnit } from '../parse/unit';
import { boundOfQualifier, comparatorSign } from '../series/bound';

export interface GoalTarget {
  comparator: string;
  value: number | null;
  unit: string;
  quote: string;
}

/** A number in running text with the words around it that qualify it: 约296亿元, 296亿元左右. */
const QUALIFIED_NUMBER = /(?:大约|约|接近|近|≈|~)?\s*\d[\d,]*(?:\.\d+)?\s*(?:万亿元|亿元|万元|元|%|个|项|家)?(?:\s*(?:左右|上下))?/g;

/** Whether the plan words an "=" target's number as approximate: 总投资约296亿元 for 296. */
export function goalIsApprox(target: GoalTarget): boolean {
  if (target.comparator !== '=' || target.value === null) return false;
  const unit = parseUnit(target.unit);
  const goal = target.value * (unit?.factor ?? 1);
  for (const [text] of target.quote.matchAll(QUALIFIED_NUMBER)) {
    const parsed = parseNumber(text.trim());
    if (parsed.kind !== 'number' || boundOfQualifier(parsed.qualifier) !== 'approx') continue;
    // The same quantity: 约296亿元 for 296亿元, 约2.96万亿元 too; not 约296万元.
    if (parsed.unit && unit && parsed.unit.unit !== unit.unit) continue;
    if (Math.abs(parsed.value * (parsed.unit?.factor ?? 1) - goal) <= 1e-9 * Math.abs(goal)) return true;
  }
  return false;
}

/** The goal's sign as a reader sees it: ≥, >, ≈ (an approximate "="), =, ≤, <. */
export function goalSign(target: GoalTarget): string {
  return goalIsApprox(target) ? '≈' : comparatorSign(target.comparator);
}

/** The goal's sign and value, no deadline: ≥ 1万亿元, ≈ 296亿元; null for a qualitative target. */
export function goalValueText(target: GoalTarget, locale: Locale): string | null {
  if (target.value === null || target.comparator === 'qualitative') return null;
  return `${goalSign(target)} ${formatWithUnit(target.value, target.unit, locale)}`;
}
