// Numbers as analysts read them: 万/亿/万亿 in Chinese, thousands separators in English, a negative
// with the minus sign − (U+2212) as print writes it. Money in the workspace is always 亿元; these
// helpers only decide how it is shown to people: CSV, JSON and other text meant for machines writes
// numbers with String(), never with these.

import { englishAmount } from './unit-name';

export type Locale = 'zh' | 'en';

const zhGroups: ReadonlyArray<readonly [number, string]> = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

const MINUS = '\u2212';

/** −0 (a small negative rounded away) is written 0, any other negative with the minus sign. */
function signed(text: string): string {
  if (!text.startsWith('-')) return text;
  return /^-[0.,]*$/.test(text) ? text.slice(1) : `${MINUS}${text.slice(1)}`;
}

function fixed(value: number, digits: number): string {
  return signed(value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1'));
}

/** A plain number with grouping for the locale: 12,345.6 (en) or 12345.6 (zh keeps no separators by default); −2.5 for a negative. */
export function formatPlain(value: number | null | undefined, locale: Locale, digits = 2, group = locale === 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
    useGrouping: group,
  }).format(value);
  return signed(text);
}

/** A count or amount in its base unit, scaled to 万/亿/万亿 in Chinese: 123456789 -> "1.23亿". */
export function formatScaled(value: number | null | undefined, locale: Locale, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (locale === 'en') return formatPlain(value, 'en', digits);
  const abs = Math.abs(value);
  for (const [size, word] of zhGroups) {
    if (abs >= size) return `${fixed(value / size, digits)}${word}`;
  }
  return fixed(value, digits);
}

/** Money held in 亿元, shown as 亿元 or 万亿元 (zh) / billion or trillion yuan (en). */
export function formatYi(valueYi: number | null | undefined, locale: Locale, digits = 2): string {
  if (valueYi === null || valueYi === undefined || !Number.isFinite(valueYi)) return '—';
  const abs = Math.abs(valueYi);
  if (locale === 'zh') {
    return abs >= 10000 ? `${fixed(valueYi / 10000, digits)}万亿元` : `${formatPlain(valueYi, 'zh', digits)}亿元`;
  }
  // 1 亿元 = 0.1 billion yuan.
  const billion = valueYi / 10;
  return abs >= 10000 ? `${formatPlain(billion / 1000, 'en', digits)} trillion yuan` : `${formatPlain(billion, 'en', digits)} billion yuan`;
}

/** A share in percent: 45.4 -> "45.4%". */
export function formatPercent(value: number | null | undefined, locale: Locale, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatPlain(value, locale, digits)}%`;
}

/** A change of a share, in percentage points: 百分点 / pp. */
export function formatPoints(value: number | null | undefined, locale: Locale, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : '';
  return locale === 'zh' ? `${sign}${formatPlain(value, 'zh', digits)}个百分点` : `${sign}${formatPlain(value, 'en', digits)} pp`;
}

/**
 * A value with its unit, choosing the right form for money, shares and counts. English names the unit
 * and writes its magnitude out (3.5万户 reads 35,000 households, 658项 reads 658); a unit without an
 * English name keeps its text.
 */
export function formatWithUnit(value: number | null | undefined, unit: string, locale: Locale, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '亿元') return formatYi(value, locale, digits);
  if (unit === '%') return formatPercent(value, locale, digits);
  if (locale === 'zh') return `${formatPlain(value, locale, digits, true)}${unit}`;
  const named = englishAmount(value, unit);
  if (named) return [formatPlain(named.value, 'en', digits), named.unit].filter(Boolean).join(' ');
  return `${formatPlain(value, 'en', digits)}${unit ? ` ${unit}` : ''}`;
}
