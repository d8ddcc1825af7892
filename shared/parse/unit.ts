// Units as written in Chinese statistical tables. Yuan amounts are normalised to 亿元 (the workspace's
// money unit); every other unit is kept as written, because converting 万户 to 户 or 万吨 to 吨 would
// change the figure a reader compares with the publication.

import { toHalfWidth } from './text';

export type UnitKind = 'money' | 'percent' | 'points' | 'count' | 'magnitude' | 'other';

export interface UnitInfo {
  /** The unit as written, half-width and trimmed. */
  text: string;
  /** The unit stored in the workspace: 亿元 for yuan amounts, otherwise `text` in its canonical spelling. */
  unit: string;
  /** Multiply a value in `text` by this to get it in `unit`. */
  factor: number;
  kind: UnitKind;
}

export const MONEY_UNIT = '亿元';

const MAGNITUDES: Readonly<Record<string, number>> = {
  十: 1e1,
  百: 1e2,
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  十亿: 1e9,
  百亿: 1e10,
  千亿: 1e11,
  万亿: 1e12,
};

const ENGLISH_MONEY: Readonly<Record<string, number>> = {
  '': 1,
  thousand: 1e3,
  '10 thousand': 1e4,
  '10,000': 1e4,
  '10000': 1e4,
  million: 1e6,
  '100 million': 1e8,
  billion: 1e9,
  '10 billion': 1e10,
  '100 billion': 1e11,
  trillion: 1e12,
};

const MEASURE_WORDS = '个家户项件人名台部座所次篇套张条辆艘架间处本只头份例起批位株亩';

const OTHER_UNITS = new Set([
  '吨', '千克', '公斤', '千瓦时', '千瓦', '兆瓦', '公里', '千米', '米', '平方公里', '平方米', '公顷', '立方米', '升',
  '年', '月', '天', '日', '小时', '岁', '倍', '点', '‰', 'GB', 'TB', 'PB', 'EB', 'MB', 'Mbps', 'Gbps', 'Tbps',
  '兆', '比特', '标准箱', '美元', '港元', '欧元', '日元', '人次', '户次', '架次', '标准煤', '吨标准煤',
]);

const cache = new Map<string, UnitInfo | null>();

function money(text: string, factorToYuan: number): UnitInfo {
  return { text, unit: MONEY_UNIT, factor: factorToYuan / 1e8, kind: 'money' };
}

function classify(text: string): UnitInfo | null {
  const lower = text.toLowerCase();
  if (text === '%' || text === '百分比' || lower === 'percent' || lower === 'pct') return { text, unit: '%', factor: 1, kind: 'percent' };
  if (text === '百分点' || text === '个百分点' || lower === 'pp' || /^percentage points?$/.test(lower)) {
    return { text, unit: '百分点', factor: 1, kind: 'points' };
  }
  const mag = MAGNITUDES[text];
  if (mag !== undefined) return { text, unit: '', factor: mag, kind: 'magnitude' };

  // 元, 万元, 亿元, 人民币亿元, 亿元人民币 …
  const yuan = /^(?:人民币)?(十|百|千|万|十万|百万|千万|亿|十亿|百亿|千亿|万亿)?元(?:人民币)?$/.exec(text);
  if (yuan) return money(text, yuan[1] ? (MAGNITUDES[yuan[1]] ?? 1) : 1);
  const en = /^(.*?)\s*(?:yuan|rmb|cny)(?:\s*(?:yuan|rmb))?$/.exec(lower);
  if (en) {
    const f = ENGLISH_MONEY[(en[1] ?? '').trim()];
    if (f !== undefined) return money(text, f);
  }

  // Counts keep their magnitude (万户 stays 万户): the published figure is in that unit.
  const count = /^(十|百|千|万|十万|百万|千万|亿|万亿)?(.)$/.exec(text);
  if (count && count[2] && MEASURE_WORDS.includes(count[2])) return { text, unit: text, factor: 1, kind: 'count' };

  const prefixed = /^(十|百|千|万|十万|百万|千万|亿|十亿|百亿|千亿|万亿)?(.+)$/.exec(text);
  if (prefixed && prefixed[2] && OTHER_UNITS.has(prefixed[2])) return { text, unit: text, factor: 1, kind: 'other' };

  // Rates such as 元/人, 万元/人, 个/万人, 千瓦时/户: known when the numerator is. Never converted.
  const rate = /^(.+?)\s*(?:\/|每)\s*(.+)$/.exec(text);
  if (rate && rate[1] && rate[2] && classify(rate[1]) && classify(rate[2])) return { text, unit: text, factor: 1, kind: 'other' };
  return null;
}

/**
 * A known unit, or null when the text is empty or not a unit this parser knows. Unknown units are not
 * an error for the caller to swallow: the importer keeps them verbatim and warns.
 */
export function parseUnit(raw: string): UnitInfo | null {
  const text = toHalfWidth(raw).trim();
  if (text === '') return null;
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = classify(text);
    if (cache.size < 10_000) cache.set(text, hit);
  }
  return hit;
}

/** A unit text kept verbatim because no rule knows it. */
export function unknownUnit(raw: string): UnitInfo {
  const text = toHalfWidth(raw).trim();
  return { text, unit: text, factor: 1, kind: 'other' };
}

/**
 * A bare magnitude written in a cell ("1.70万亿") read in the context of the column's unit: with 亿元 it
 * means 万亿元, with 户 it means 万户. Without a context it just scales the number.
 */
export function withMagnitude(magnitude: UnitInfo, context: UnitInfo | null): UnitInfo {
  if (magnitude.kind !== 'magnitude' || !context) return magnitude;
  if (context.kind === 'money') return money(`${magnitude.text}元`, magnitude.factor);
  if (context.kind === 'count' || context.kind === 'other') {
    const base = context.text.replace(/^(十|百|千|万|十万|百万|千万|亿|十亿|百亿|千亿|万亿)/, '');
    return parseUnit(`${magnitude.text}${base}`) ?? { text: `${magnitude.text}${base}`, unit: `${magnitude.text}${base}`, factor: 1, kind: context.kind };
  }
  return magnitude;
}

/** Scale a value into the stored unit, dropping the binary noise the multiplication leaves (1.1 × 1e4). */
export function toStoredValue(value: number, unit: UnitInfo | null): number {
  if (!unit || unit.factor === 1) return value;
  return Number((value * unit.factor).toPrecision(15));
}

const HEADER_UNIT = [
  /^(.*?)\s*[(（[【]\s*(?:单位\s*[:：]\s*)?([^()（）[\]【】]+?)\s*[)）\]】]\s*$/,
  /^(.*?)\s*[,，;；]\s*单位\s*[:：]\s*(.+)$/,
  /^(.*?)\s*[/_]\s*([^/_]+)$/,
  /^(.*?)\s+(\S+)$/,
];

/**
 * Split a header or label such as `地区生产总值(亿元)`, `GDP（单位：亿元）`, `GDP/亿元` into its name
 * and unit. Only a known unit is split off, so `增加值(2015年价)` stays whole.
 */
export function splitHeaderUnit(raw: string): { name: string; unit: UnitInfo | null } {
  const text = toHalfWidth(raw).trim();
  for (const re of HEADER_UNIT) {
    const m = re.exec(text);
    if (m && m[1] && m[2]) {
      const unit = parseUnit(m[2]);
      if (unit && unit.kind !== 'magnitude') return { name: m[1].trim(), unit };
    }
  }
  return { name: text, unit: null };
}
