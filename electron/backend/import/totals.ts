// Total rows in statistical tables: 合计, 总计 and 小计, and 全市/全国 where such a row is the sum of the
// regions listed. A total is a figure derived from the rows it totals, not an indicator of its own:
// imported, 合计 would become an indicator named 合计. So a total row that equals the sum of the rows
// it totals is left out (unless the user keeps totals); an explicit total that does not add up is kept,
// and flagged (within the rounding the figures' decimals allow: a total of rounded figures may differ
// from their sum by half a last digit each); a 全市/全国 row that is not the sum of the rows listed (the usual case: 31 provinces do
// not add up to the national GDP) is plain data.
//
// Which rows a total totals: the rows above it since the previous total of its level (小计: since any
// total), or, for a total heading its group (全市 first, then the districts), the rows below it up to
// the next total of its level or the end of the table. Only the outermost rows count: an indented
// sub-item (  第一产业 under 地区生产总值, 其中：…, #…) is part of the row above it. Sums are compared per
// value column.

export type TotalView = 'indicator' | 'region';

export interface TotalWord {
  /** 小计 totals the rows since any total; the others since the previous total of their level. */
  level: 'grand' | 'sub';
  /** 合计, 总计, 小计: a total by name; 全市, 全国: a total only if it adds up. */
  explicit: boolean;
}

const GRAND = new Set(['合计', '总计', '共计', '总合计', '总数', '全市合计', '全市总计', '全国合计', '全国总计', '全省合计', '全省总计', '全区合计', '全区总计', 'total', 'grandtotal', 'sum']);
const SUB = new Set(['小计', 'subtotal']);
const REGION_TOTALS = new Set(['全市', '全国', '全省', '全区', '全县', '市合计', '全部']);

/** Whether a label names a total row (spaces, full-width forms and a unit in brackets ignored); `view` is the column it is in. */
export function totalWord(label: string, view: TotalView): TotalWord | null {
  const key = label
    .normalize('NFKC')
    .replace(/[（(][^（）()]*[）)]\s*$/, '')
    .replace(/[\s:：]+/g, '')
    .toLowerCase();
  if (GRAND.has(key)) return { level: 'grand', explicit: true };
  if (SUB.has(key)) return { level: 'sub', explicit: true };
  if (view === 'region' && REGION_TOTALS.has(key)) return { level: 'grand', explicit: false };
  return null;
}

/** How deep a label is indented: leading spaces (a full-width one counts two), more under 其中 or #. */
export function indentOf(label: string): number {
  let n = 0;
  let i = 0;
  for (; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0) n++;
    else if (c === 0x3000) n += 2;
    else break;
  }
  const rest = label.slice(i);
  if (/^(其中|#|＃)/.test(rest)) n += 4;
  return n;
}

/** The unit of a figure's last decimal as written, in the stored unit (`factor` = stored ÷ written): 0.01 for 12.34亿元. */
export function lastDigitOf(text: string, factor: number): number {
  const m = /[.．](\d+)/.exec(text);
  const decimals = m ? m[1]!.length : 0;
  return 10 ** -decimals * Math.abs(factor);
}

interface Sum {
  sum: number;
  /**
   * The finest last digit among the figures summed. A figure written with fewer decimals than the
   * others (2 beside 2.5) is exact with its zeros dropped, as exports write them; so each is taken as
   * rounded to the finest.
   */
  finest: number;
  rows: number;
}

/** The sums of one value column at one depth, since the last total of each level. */
interface Window {
  sub: Sum;
  grand: Sum;
}

export interface TotalValue {
  value: number;
  /** The unit of its last decimal as written (lastDigitOf). */
  lastDigit: number;
}

export type Comparison = { kind: 'match' } | { kind: 'empty' } | { kind: 'mismatch'; column: number; value: number; sum: number };

const emptySum = (): Sum => ({ sum: 0, finest: Infinity, rows: 0 });

/**
 * Running sums of the rows a total may total, per view (which column holds the total's label), per
 * group (the row's label in the other dimension), per value column and per depth.
 */
export class TotalSums {
  private readonly groups = new Map<string, Map<number, Map<number, Window>>>();

  private group(view: TotalView, other: string, create: boolean): Map<number, Map<number, Window>> | undefined {
    const key = `${view}\u0001${other}`;
    let g = this.groups.get(key);
    if (!g && create) this.groups.set(key, (g = new Map()));
    return g;
  }

  /** A figure of a row that is no total, in value column `column`, its label `indent` deep. */
  add(view: TotalView, other: string, indent: number, column: number, value: TotalValue): void {
    const g = this.group(view, other, true)!;
    let byIndent = g.get(column);
    if (!byIndent) g.set(column, (byIndent = new Map()));
    let w = byIndent.get(indent);
    if (!w) byIndent.set(indent, (w = { sub: emptySum(), grand: emptySum() }));
    for (const s of [w.sub, w.grand]) {
      s.sum += value.value;
      s.finest = Math.min(s.finest, value.lastDigit);
      s.rows++;
    }
  }

  /** A total's figures (by value column) against the outermost rows summed since the last total of its level. */
  compare(view: TotalView, other: string, word: TotalWord, values: ReadonlyMap<number, TotalValue>): Comparison {
    const g = this.group(view, other, false);
    let compared = 0;
    let mismatch: Comparison | null = null;
    for (const [column, total] of values) {
      let outer: Sum | null = null;
      let depth = Infinity;
      for (const [indent, w] of g?.get(column) ?? []) {
        const s = word.level === 'sub' ? w.sub : w.grand;
        if (s.rows > 0 && indent < depth) {
          depth = indent;
          outer = s;
        }
      }
      if (!outer) {
        mismatch ??= { kind: 'mismatch', column, value: total.value, sum: 0 };
        continue;
      }
      compared++;
      // The total rounded to its own last digit, each row summed to the finest one of the column.
      const finest = Math.min(outer.finest, total.lastDigit);
      const allowed = 0.5 * total.lastDigit + 0.5 * finest * outer.rows + 1e-9 * Math.max(1, Math.abs(total.value), Math.abs(outer.sum));
      // A 全市/全国 row "adds up" only over at least two rows: one row equal to it is a coincidence.
      if (Math.abs(total.value - outer.sum) > allowed || (!word.explicit && outer.rows < 2)) mismatch ??= { kind: 'mismatch', column, value: total.value, sum: outer.sum };
    }
    if (compared === 0) return { kind: 'empty' };
    return mismatch ?? { kind: 'match' };
  }

  /** A total of `level` ends the window of its group: a grand total both sums, a 小计 the sub sums. */
  reset(view: TotalView, other: string, level: TotalWord['level']): void {
    const g = this.group(view, other, false);
    if (!g) return;
    if (level === 'grand') {
      g.clear();
      return;
    }
    for (const byIndent of g.values()) for (const w of byIndent.values()) w.sub = emptySum();
  }
}
