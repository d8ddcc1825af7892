// Periods as written in Chinese and English tables, reduced to the workspace's canonical forms:
// '2022' (year), '2020H1' (half), '2020Q1' (quarter), '2020M03' (month).

import { toHalfWidth } from './text';

export type Frequency = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  period: string;
  year: number;
  frequency: Frequency;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const CN_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function small(text: string): number {
  return CN_DIGIT[text] ?? Number(text);
}

function make(year: number, frequency: Frequency, sub: number): Period | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  switch (frequency) {
    case 'year':
      return { period: String(year), year, frequency };
    case 'half':
      return sub === 1 || sub === 2 ? { period: `${year}H${sub}`, year, frequency } : null;
    case 'quarter':
      return sub >= 1 && sub <= 4 ? { period: `${year}Q${sub}`, year, frequency } : null;
    case 'month':
      return sub >= 1 && sub <= 12 ? { period: `${year}M${String(sub).padStart(2, '0')}`, year, frequency } : null;
  }
}

const YEAR = /^(\d{4})(?:年度?|年份)?$/;
const CANONICAL = /^(\d{4})([HQM])(\d{1,2})$/;
const QUARTER = [
  /^(\d{4})年?[-_/.]?Q([1-4])$/,
  /^Q([1-4])[-_/ ]?(\d{4})$/,
  /^(\d{4})年?第?([1-4一二三四])季(?:度)?$/,
];
const HALF = [/^(\d{4})年?[-_/.]?H([12])$/, /^(\d{4})年?(上|下)半年$/];
const MONTH = [/^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2}|[一二三四五六七八九十]|十[一二])月(?:份)?$/, /^(\d{4})M(\d{1,2})$/];

// A cache: a wide table repeats the same dozen headers; a long table repeats the same periods per row.
const cache = new Map<string, Period | null>();

function parseUncached(text: string): Period | null {
  let m = YEAR.exec(text);
  if (m) return make(Number(m[1]), 'year', 0);
  const upper = text.toUpperCase();
  m = CANONICAL.exec(upper);
  if (m) return make(Number(m[1]), m[2] === 'H' ? 'half' : m[2] === 'Q' ? 'quarter' : 'month', Number(m[3]));
  for (const [i, re] of QUARTER.entries()) {
    m = re.exec(upper);
    if (m) return i === 1 ? make(Number(m[2]), 'quarter', Number(m[1])) : make(Number(m[1]), 'quarter', small(m[2] ?? ''));
  }
  for (const re of HALF) {
    m = re.exec(upper);
    if (m) return make(Number(m[1]), 'half', m[2] === '上' ? 1 : m[2] === '下' ? 2 : Number(m[2]));
  }
  for (const re of MONTH) {
    m = re.exec(upper);
    if (m) return make(Number(m[1]), 'month', small(m[2] ?? ''));
  }
  return null;
}

/**
 * The period a text names, or null. Accepts `2019`, `2019年`, `2019Q1`, `2019-Q1`, `Q1 2019`,
 * `2019年1季度`, `2019年第一季度`, `2019H1`, `2019年上半年`, `2019-03`, `2019年3月`, `2019M03`.
 * Cumulative spans such as `1-9月` are not a period of their own and are rejected.
 */
export function parsePeriod(raw: string | number): Period | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? make(raw, 'year', 0) : null;
  let hit = cache.get(raw);
  if (hit === undefined) {
    const text = toHalfWidth(raw).trim().replace(/\s+/g, '');
    hit = text.length < 4 || text.length > 16 ? null : parseUncached(text);
    if (cache.size < 20_000) cache.set(raw, hit);
  }
  return hit;
}

const FREQUENCY_ORDER: Readonly<Record<string, number>> = { '': 0, H: 1, Q: 2, M: 3 };

/** Order canonical periods by year, then annual before halves before quarters before months. */
export function comparePeriods(a: string, b: string): number {
  const ya = Number(a.slice(0, 4));
  const yb = Number(b.slice(0, 4));
  if (ya !== yb) return ya - yb;
  const fa = FREQUENCY_ORDER[a.charAt(4)] ?? 9;
  const fb = FREQUENCY_ORDER[b.charAt(4)] ?? 9;
  if (fa !== fb) return fa - fb;
  return Number(a.slice(5) || 0) - Number(b.slice(5) || 0);
}
