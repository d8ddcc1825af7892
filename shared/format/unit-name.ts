// Units in English. The workspace keeps units as published (亿元, 家, 万户, 元/人); an English screen
// names them (100 million yuan, firms, 10,000 households, yuan per person). 个 and 项 are measure words
// with no English: a count of them is a bare number (≥ 10 by 2022, not "10 units"), though "per
// unit" where one divides. A unit with no English name here keeps its text.

import type { Locale } from './number';

/** A measure word or unit after its magnitude prefix is taken off (万户 → 户): many of it, and one of it after "per". */
const BASES_EN: Readonly<Record<string, { many: string; one: string }>> = {
  元: { many: 'yuan', one: 'yuan' },
  家: { many: 'firms', one: 'firm' },
  个: { many: '', one: 'unit' },
  项: { many: '', one: 'item' },
  件: { many: 'pieces', one: 'piece' },
  户: { many: 'households', one: 'household' },
  人: { many: 'people', one: 'person' },
  名: { many: 'people', one: 'person' },
  人次: { many: 'person-times', one: 'person-time' },
  台: { many: 'sets', one: 'set' },
  套: { many: 'sets', one: 'set' },
  辆: { many: 'vehicles', one: 'vehicle' },
  所: { many: 'institutions', one: 'institution' },
  次: { many: 'times', one: 'time' },
  例: { many: 'cases', one: 'case' },
  吨: { many: 'tonnes', one: 'tonne' },
  千克: { many: 'kg', one: 'kg' },
  公斤: { many: 'kg', one: 'kg' },
  千瓦时: { many: 'kWh', one: 'kWh' },
  千瓦: { many: 'kW', one: 'kW' },
  公里: { many: 'km', one: 'km' },
  千米: { many: 'km', one: 'km' },
  平方公里: { many: 'km²', one: 'km²' },
  平方米: { many: 'm²', one: 'm²' },
  亩: { many: 'mu', one: 'mu' },
  年: { many: 'years', one: 'year' },
  小时: { many: 'hours', one: 'hour' },
  美元: { many: 'US dollars', one: 'US dollar' },
  百分点: { many: 'pp', one: 'pp' },
};

/** Chinese magnitude prefixes, longest first so that 十万 is not read as 十. */
const MAGNITUDES: ReadonlyArray<readonly [string, number, string]> = [
  ['万亿', 1e12, 'trillion'],
  ['千亿', 1e11, '100 billion'],
  ['百亿', 1e10, '10 billion'],
  ['十亿', 1e9, 'billion'],
  ['千万', 1e7, '10 million'],
  ['百万', 1e6, 'million'],
  ['十万', 1e5, '100,000'],
  ['亿', 1e8, '100 million'],
  ['万', 1e4, '10,000'],
  ['千', 1e3, 'thousand'],
];

interface EnglishUnit {
  /** The unit's English name: 10,000 households. */
  name: string;
  /** What the prefix multiplies by (1e4 for 万户) and the unit's name without it (households). */
  factor: number;
  base: string;
}

/** A unit without a per-part: a base word, perhaps after a magnitude (万户, 亿元). */
function single(unit: string, form: 'many' | 'one'): EnglishUnit | null {
  const whole = BASES_EN[unit];
  if (whole) return { name: whole[form], factor: 1, base: whole[form] };
  for (const [prefix, factor, word] of MAGNITUDES) {
    const base = unit.startsWith(prefix) ? BASES_EN[unit.slice(prefix.length)] : undefined;
    if (base) return { name: [word, base.many].filter(Boolean).join(' '), factor, base: base.many };
  }
  return null;
}

function english(unit: string): EnglishUnit | null {
  const rate = /^(.+?)\s*(?:\/|每)\s*(.+)$/.exec(unit);
  if (!rate) return single(unit, 'many');
  const top = single(rate[1]!, 'many');
  const per = single(rate[2]!, 'one');
  if (!top || !per) return null;
  const perOne = (words: string) => [words, 'per', per.name].filter(Boolean).join(' ');
  return { name: perOne(top.name), factor: top.factor, base: perOne(top.base) };
}

/** A unit as the locale names it: 万户 → "10,000 households" in English ('' for a bare count, 个); Chinese and unknown units keep their text. */
export function unitName(unit: string, locale: Locale): string {
  if (locale === 'zh') return unit;
  return english(unit)?.name ?? unit;
}

/** A unit standing alone (a table's unit column, an axis): as unitName, and "count" for a bare count. */
export function unitLabel(unit: string, locale: Locale): string {
  return unitName(unit, locale) || (unit ? 'count' : '');
}

/**
 * An English count or amount in a unit with a magnitude written out: 3.5 in 万户 is 35,000 households
 * (the stored value stays 3.5). null when the unit has no English name; factor 1 when it has no prefix.
 */
export function englishAmount(value: number, unit: string): { value: number; unit: string } | null {
  const found = english(unit);
  return found ? { value: value * found.factor, unit: found.base } : null;
}
