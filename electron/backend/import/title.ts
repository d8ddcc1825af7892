// What a table's title says of the whole table. A yearbook or bureau table is titled
// "重庆市数字经济主要指标（2019—2023年）" or "表3-2 2023年各区县地区生产总值（亿元）": the region it
// names, the indicator it is about, its year and its unit hold for every row that does not say
// otherwise. Layout detection uses them only where the table has no column for them, and the preview
// shows them as read from the title (从标题识别), for the user to check.

import { parsePeriod } from '../../../shared/parse/period';
import { normaliseLabel } from '../../../shared/parse/text';
import { parseUnit } from '../../../shared/parse/unit';
import { KNOWN_REGIONS } from './regions-known';

export interface TitleFacts {
  /** The one region the title names (its Chinese name), when it names exactly one. */
  region?: string;
  /** What remains of the title once its table number, region, years, unit and wording such as 主要指标 are taken out. */
  indicator?: string;
  /** A single year the title names (2023年…); a range (2019—2023年) fixes none. */
  period?: string;
  /** A unit in brackets at the title's end (（亿元）), when it is one the importer knows. */
  unit?: string;
}

/** Names a title may use for a region: the known ones (重庆市, 重庆 …) and the workspace's Chinese names. */
export function titleRegionNames(workspaceNames: readonly string[]): Array<{ text: string; name: string }> {
  const out = new Map<string, string>();
  for (const r of KNOWN_REGIONS) for (const n of [r.nameZh, ...r.aliases]) if (/^[\u4e00-\u9fa5]{2,}$/.test(n)) out.set(n, r.nameZh);
  for (const n of workspaceNames) if (/^[\u4e00-\u9fa5]{2,12}$/.test(n) && !out.has(n)) out.set(n, n);
  // Longest first, so that 重庆市 is taken before 重庆.
  return [...out].map(([text, name]) => ({ text, name })).sort((a, b) => b.text.length - a.text.length);
}

const TABLE_NUMBER = /^(?:附表|表)\s*[\dA-Za-z一二三四五六七八九十]+(?:\s*[-—–－.．]\s*\d+)*\s*[:：.、]?\s*/;
const YEAR_RANGE = /(\d{4})\s*年?\s*[-—–~～至到]{1,2}\s*(\d{4})\s*年?/;
const YEAR = /(\d{4})\s*年(?:度)?/;
const BRACKETED = /[（(]([^（）()]*)[）)]\s*$/;
/** Wording that says how the table is cut, not what it measures. */
const CUT_WORDS = /^(?:各区县|各区|各县|各市|各省|各省份|各省区市|各省\(区、市\)|各地区|分地区|分区县|分省|分省份|分市|全市|全国|全省|主要)|(?:主要指标|主要统计指标|情况表?|统计表|一览表|统计|数据|简表|表)$/g;

/** What a title row says of the table; `regionNames` from titleRegionNames. */
export function readTitle(title: string, regionNames: ReadonlyArray<{ text: string; name: string }>): TitleFacts {
  const facts: TitleFacts = {};
  let rest = normaliseLabel(title).replace(TABLE_NUMBER, '');

  const range = YEAR_RANGE.exec(rest);
  if (range) rest = rest.replace(YEAR_RANGE, ' ');
  else {
    const year = YEAR.exec(rest);
    const period = year ? parsePeriod(year[1]!) : null;
    if (year && period) {
      facts.period = period.period;
      rest = rest.replace(YEAR, ' ');
    }
  }
  const bracket = BRACKETED.exec(rest);
  if (bracket) {
    const inside = bracket[1]!.replace(/^单位\s*[:：]\s*/, '').trim();
    if (parseUnit(inside)) facts.unit = inside;
    if (facts.unit || inside === '' || /^[\s\d年—–~～至到-]*$/.test(inside)) rest = rest.slice(0, bracket.index);
  }

  const found = new Map<string, string>();
  for (const r of regionNames) {
    if (!rest.includes(r.text)) continue;
    found.set(r.name, r.text);
    rest = rest.split(r.text).join(' ');
  }
  if (found.size === 1) facts.region = [...found.keys()][0]!;

  let indicator = rest.replace(/\s+/g, '');
  for (let before = ''; before !== indicator; ) {
    before = indicator;
    indicator = indicator.replace(CUT_WORDS, '').replace(/^[的、,，:：\-—]+|[的、,，:：\-—]+$/g, '');
  }
  if (found.size <= 1 && indicator.length >= 2 && /[\u4e00-\u9fa5A-Za-z]/.test(indicator)) facts.indicator = indicator;
  return facts;
}
