// A published figure is exact, a bound or approximate: "超过1万亿元" says ≥ 10000亿元, not 10000.
// These pure rules read the bound from the text, show it, and compare a bounded figure with a target
// or a projection, so that a bound is treated as the inequality it is everywhere.
import { parseNumber } from '../parse/number';
import { formatWithUnit, type Locale } from '../format/number';

export const BOUNDS = ['exact', 'lower', 'upper', 'approx'] as const;
export type Bound = (typeof BOUNDS)[number];

const LOWER = new Set(['超过', '超', '逾', '不低于', '不少于', '>', '>=', '≥', '以上', '多', '余']);
const UPPER = new Set(['不足', '不到', '不超过', '不高于', '<', '<=', '≤', '以下']);
const APPROX = new Set(['约', '大约', '近', '接近', '≈', '~', '左右', '上下']);

/** The bound a parsed number's qualifier states ("超过" or "…以上": lower; "约" or "左右": approximate). */
export function boundOfQualifier(qualifier: string): Bound {
  if (!qualifier) return 'exact';
  const words = qualifier.split('…');
  if (words.some((w) => LOWER.has(w))) return 'lower';
  if (words.some((w) => UPPER.has(w))) return 'upper';
  if (words.some((w) => APPROX.has(w))) return 'approx';
  return 'exact';
}

/** The bound a cell's text states: "超6000亿元" lower, "约3500亿元" approx, "27.2%" exact. */
export function boundOfText(text: string): Bound {
  const parsed = parseNumber(text);
  return parsed.kind === 'number' ? boundOfQualifier(parsed.qualifier) : 'exact';
}

/**
 * A bound in words, the one table the data grid, the targets register and the chart data files write
 * (确数 beside 约数, the pair Chinese statistics uses), so that every screen and file says the same.
 */
export const BOUND_WORDS: Readonly<Record<Locale, Readonly<Record<Bound, string>>>> = {
  zh: { exact: '确数', lower: '下限（≥）', upper: '上限（≤）', approx: '约数（≈）' },
  en: { exact: 'exact', lower: 'lower bound (≥)', upper: 'upper bound (≤)', approx: 'approximate (≈)' },
};

/** A bound as a column or a grid writes it: 下限（≥）, lower bound (≥). */
export function boundWord(bound: Bound, locale: Locale): string {
  return BOUND_WORDS[locale][bound];
}

/**
 * The bound a cell names: its word in either language (确数, lower bound (≥)), its code (lower) or its
 * sign (≥); null when it names none.
 */
export function boundOfWord(text: string): Bound | null {
  const cell = text.trim();
  const named = (b: Bound): boolean =>
    b === cell.toLowerCase() || BOUND_WORDS.zh[b] === cell || BOUND_WORDS.en[b] === cell.toLowerCase() || (boundSign(b) !== '' && boundSign(b) === cell);
  return BOUNDS.find(named) ?? null;
}

/** The sign written before a bounded value: ≥, ≤, ≈ or nothing. */
export function boundSign(bound: Bound): string {
  return bound === 'lower' ? '≥' : bound === 'upper' ? '≤' : bound === 'approx' ? '≈' : '';
}

/** A value with its unit and its bound: ≥1万亿元, ≈1.99万亿元, 45.4%. */
export function formatBounded(value: number | null | undefined, unit: string, bound: Bound, locale: Locale, digits = 2): string {
  const text = formatWithUnit(value, unit, locale, digits);
  return value === null || value === undefined || !Number.isFinite(value) ? text : `${boundSign(bound)}${text}`;
}

export type Comparator = '>=' | '>' | '=' | '<=' | '<';

/** A target's comparator as a reader sees it: ≥ and ≤, not the ASCII pairs. */
export function comparatorSign(comparator: string): string {
  return comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : comparator;
}
/** Whether a figure meets a target: `unknown` when a bound leaves it open (≥6000 against ≥10000). */
export type Verdict = 'yes' | 'no' | 'unknown';

/**
 * Does a figure meet `comparator target`? An exact or approximate figure is compared as a number.
 * A lower bound v says the true value is at least v: it meets "≥ T" when v ≥ T and fails "≤ T" when
 * v > T; otherwise the answer is open. An upper bound mirrors it.
 */
export function meets(comparator: Comparator, value: number, bound: Bound, target: number): Verdict {
  const point = (): boolean => {
    switch (comparator) {
      case '>=':
      case '=':
        return value >= target;
      case '>':
        return value > target;
      case '<=':
        return value <= target;
      case '<':
        return value < target;
    }
  };
  if (bound === 'exact' || bound === 'approx') return point() ? 'yes' : 'no';
  const higherIsBetter = comparator === '>=' || comparator === '>' || comparator === '=';
  if (bound === 'lower') {
    if (higherIsBetter) return point() ? 'yes' : 'unknown';
    return point() ? 'unknown' : 'no';
  }
  if (higherIsBetter) return point() ? 'unknown' : 'no';
  return point() ? 'yes' : 'unknown';
}

/**
 * The error of a projection against a published figure, or null when the figure's bound holds it
 * (a projection above a lower bound is no error). Only a violated bound is scored, by the distance
 * to the bound.
 */
export function boundedError(projected: number, value: number, bound: Bound): number | null {
  if (bound === 'lower' && projected >= value) return null;
  if (bound === 'upper' && projected <= value) return null;
  return projected - value;
}
