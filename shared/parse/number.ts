// Numbers as they appear in exported statistical tables: 1,234.5 / １２３４．５ / (12.3) / 45.4% /
// 2754.5亿元 / 约3500. Placeholders for "no data" (— … NA, blank) read as missing, never as 0.

import { toHalfWidth } from './text';
import { parseUnit, type UnitInfo } from './unit';

export type ParsedNumber =
  | {
      kind: 'number';
      value: number;
      /** Written with a % sign. */
      percent: boolean;
      /** A unit written after the number in the same cell (亿元, 万亿), or null. */
      unit: UnitInfo | null;
      /** 约, 超, 以上, 左右 …: the figure is approximate or a bound, as the publication says. */
      qualifier: string;
    }
  | { kind: 'missing' }
  | { kind: 'invalid' };

const PLACEHOLDERS = new Set([
  '', '-', '--', '---', '—', '——', '–', '−', '…', '……', '...', '..', '.', '/', 'na', 'n/a', 'n.a.', 'n.a', '#n/a',
  'null', 'none', 'nan', '无', '空',
]);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const LEADING_QUALIFIER = /^(约|大约|不低于|不少于|不超过|不高于|超过|超|逾|近|接近|不足|不到|≈|~|>=|<=|>|<|≥|≤)\s*/
const TRAILING_QUALIFIER = /\s*(以上|以下|左右|多|余|上下)$/;
const NUMBER_THEN_TEXT = /^([+-]?[\d.,]+(?:e[+-]?\d+)?)\s*([^\d.,].*)$/i;

const MISSING: ParsedNumber = { kind: 'missing' };
const INVALID: ParsedNumber = { kind: 'invalid' };

/** True when the text is one of the "no data" placeholders (after trimming and width folding). */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(toHalfWidth(text).trim().toLowerCase());
}

function finite(text: string): number | null {
  let t = text;
  if (t.includes(',')) {
    if (!GROUPED.test(t)) return null;
    t = t.replace(/,/g, '');
  }
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

/** Exact powers of ten: a double holds every one up to 1e22. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The value of a plain ASCII decimal (`-?\d+(\.\d+)?`), or NaN for any other text. The common case of
 * a large file, read without a regular expression or a string-to-number conversion: with at most 15
 * digits the digits form an exact integer and one division by an exact power of ten rounds correctly,
 * so the result is the same double as Number(text). Longer digit strings go through Number.
 */
export function plainDecimal(text: string): number {
  const len = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = i === 1;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point === -1 && digits > 0) point = i;
    else return NaN;
  }
  // No digit at all, or a point without digits after it ("12.").
  if (digits === 0 || point === len - 1) return NaN;
  let n: number;
  if (digits > 15) n = Number(text);
  else {
    n = point === -1 ? mantissa : mantissa / POW10[len - point - 1]!;
    if (negative) n = -n;
  }
  return n === 0 ? 0 : n;
}

export function parseNumber(raw: string): ParsedNumber {
  const plain = plainDecimal(raw);
  if (!Number.isNaN(plain)) return { kind: 'number', value: plain, percent: false, unit: null, qualifier: '' };
  let s = toHalfWidth(raw).trim();
  if (PLACEHOLDERS.has(s.toLowerCase())) return MISSING;
  s = s.replace(/[\u2212\u2013\uFE63]/g, '-');

  let qualifier = '';
  const lead = LEADING_QUALIFIER.exec(s);
  if (lead) {
    qualifier = lead[1] ?? '';
    s = s.slice(lead[0].length);
  }
  const trail = TRAILING_QUALIFIER.exec(s);
  if (trail) {
    qualifier = qualifier ? `${qualifier}…${trail[1]}` : (trail[1] ?? '');
    s = s.slice(0, trail.index);
  }

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
    if (s.startsWith('-') || s.startsWith('+')) return INVALID;
  }

  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  // Spaces as digit-group separators ("1 234 567") and between sign and digits ("- 5").
  s = s.replace(/(?<=[\d+-])\s+(?=\d)/g, '');

  let unit: UnitInfo | null = null;
  let value = finite(s);
  if (value === null && !percent) {
    const m = NUMBER_THEN_TEXT.exec(s);
    if (m && m[1] && m[2]) {
      const tail = m[2].trim();
      if (tail === '%') {
        percent = true;
      } else {
        unit = parseUnit(tail);
        if (!unit) return INVALID;
        if (unit.kind === 'percent') percent = true;
      }
      value = finite(m[1]);
    }
  }
  if (value === null) return INVALID;
  if (negative) value = -value;
  return { kind: 'number', value: value === 0 ? 0 : value, percent, unit: percent ? null : unit, qualifier };
}
