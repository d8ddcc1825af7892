// How a chart writes numbers. Each unit drawn gets one decision per chart (`decideUnit`): the scale
// the largest value drawn picks (亿元 up to 10,000 亿, 万亿元 from there) and the digits every value
// in that unit is written with. The axis, its ticks, labels, tooltips, footer lines, the title and
// subtitle's unit words, the data files and the PowerPoint chart all follow it, so one chart never
// says 6000亿元 beside 1.7万亿元. Ticks carry no unit (the axis name does) and step by 1, 2 or 5
// times a power of ten.
import type { Locale } from '../format/number';
import { boundSign, type Bound } from '../series/bound';
import { unitName } from './labels';
import type { NumberFormat } from './spec';

export interface ValueStyle {
  locale: Locale;
  numberFormat: NumberFormat;
  decimals: number;
  /** The chart's decision for each unit it draws; a unit not in it is decided per value. */
  units?: ReadonlyMap<string, UnitDecision>;
}

export interface UnitScale {
  /** Values are divided by this before they are written. */
  divisor: number;
  /** The unit after scaling: 万亿元, trillion yuan, 万家, %. */
  unit: string;
}

export interface UnitDecision extends UnitScale {
  /** Digits after the point of every value the chart writes in this unit (0.0 and 45.4 alike). */
  decimals: number;
}

const YI = '亿元';

function scaled(style: ValueStyle): boolean {
  return style.numberFormat === 'cn-scaled' || (style.numberFormat === 'auto' && style.locale === 'zh');
}

function grouped(style: ValueStyle): boolean {
  if (style.numberFormat === 'plain') return false;
  return style.locale === 'en' || style.numberFormat === 'thousands';
}

/** The scale a unit is written in when its largest magnitude is maxAbs. */
export function scaleOf(unit: string, maxAbs: number, style: ValueStyle): UnitScale {
  if (unit === YI) {
    if (style.locale === 'en') {
      if (style.numberFormat === 'plain') return { divisor: 1, unit: '100 million yuan' };
      // 10 亿元 = 1 billion yuan; 1 万亿元 = 1 trillion yuan.
      return maxAbs >= 10000 ? { divisor: 10000, unit: 'trillion yuan' } : { divisor: 10, unit: 'billion yuan' };
    }
    return scaled(style) && maxAbs >= 10000 ? { divisor: 10000, unit: '万亿元' } : { divisor: 1, unit: YI };
  }
  if (unit === '%' || unit === '百分点' || style.locale === 'en' || !scaled(style)) {
    return { divisor: 1, unit: unitName(unit, style.locale) };
  }
  if (maxAbs >= 1e8) return { divisor: 1e8, unit: `亿${unit}` };
  if (maxAbs >= 1e4) return { divisor: 1e4, unit: `万${unit}` };
  return { divisor: 1, unit };
}

/** A value rounded to these digits is off by more than 5% of itself (−150亿元 written −0.0万亿元). */
function blurred(x: number, decimals: number): boolean {
  return x !== 0 && Math.abs(Number(x.toFixed(decimals)) - x) > 0.05 * Math.abs(x);
}

/**
 * A chart's decision for a unit from every value it draws in it: the scale of the largest, and the
 * spec's digits, unless every value is whole in that scale (100家, 500家), which is written without.
 * Where the scale divides (万亿元), the digits grow until no value is blurred by the rescaling, at most
 * by the digits it moved: a waterfall from 8550亿元 with a −150亿元 step reads 0.855万亿元 and
 * −0.015万亿元, not 0.9万亿元 and 0.0万亿元.
 */
export function decideUnit(unit: string, values: ReadonlyArray<number | null | undefined>, style: ValueStyle): UnitDecision {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const scale = scaleOf(unit, finite.reduce((m, v) => Math.max(m, Math.abs(v)), 0), style);
  const scaledValues = finite.map((v) => v / scale.divisor);
  if (scaledValues.every((x) => Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, Math.abs(x)))) return { ...scale, decimals: 0 };
  const most = style.decimals + Math.round(Math.log10(scale.divisor));
  let decimals = style.decimals;
  while (decimals < most && scaledValues.some((x) => blurred(x, decimals))) decimals++;
  return { ...scale, decimals };
}

/** The decision a unit is written with: the chart's, else one for this value alone. */
function decisionFor(unit: string, value: number, style: ValueStyle): UnitDecision {
  return style.units?.get(unit) ?? decideUnit(unit, [value], style);
}

/** A hyphen-minus before a digit is a minus sign in print: −2, not -2. */
export function withMinusSign(text: string): string {
  return text.replace(/(^|[\s(（=→/~～])-(?=\d)/g, '$1−');
}

/** Digits with a fixed number of decimals, grouped or not, a negative with the minus sign; −0.0 is 0.0. */
function formatDigits(value: number, decimals: number, locale: Locale, group: boolean): string {
  const rounded = Number(value.toFixed(decimals));
  const text = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: group,
  }).format(rounded === 0 ? 0 : value);
  return withMinusSign(text);
}

/**
 * The extent and step of a value axis: zero included, about five steps of 1, 2 or 5 times a power of
 * ten, at most maxSteps.
 */
export function niceAxis(values: ReadonlyArray<number | null | undefined>, maxSteps = Infinity): { min: number; max: number; interval: number } {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite) === low ? low + 1 : Math.max(0, ...finite);
  const clean = (v: number): number => Number(v.toPrecision(12));
  // About five steps; a short plot takes the next 1-2-5 step up until its steps are few enough.
  let interval = niceStep((high - low) / 5);
  for (;;) {
    const min = clean(Math.floor(low / interval + 1e-9) * interval);
    const max = clean(Math.ceil(high / interval - 1e-9) * interval);
    if (Math.round((max - min) / interval) <= Math.max(1, maxSteps)) return { min, max, interval };
    interval = nextStep(interval);
  }
}

/** The 1-2-5 step after `step`: 0.2 → 0.5 → 1 → 2. */
export function nextStep(step: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const f = Math.round(step / magnitude);
  return Number(((f < 2 ? 2 : f < 5 ? 5 : 10) * magnitude).toPrecision(12));
}

/** The 1-2-5 step nearest to `raw` (on a log scale): 0.3 is never a step, 0.2 or 0.5 is. */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const f = raw / magnitude;
  // Thresholds at the geometric means of neighbouring steps: √2, √10, √50.
  return (f < Math.SQRT2 ? 1 : f < Math.sqrt(10) ? 2 : f < Math.sqrt(50) ? 5 : 10) * magnitude;
}

/** Digits a tick needs to show its step: 0.5 → 1, 0.05 → 2, 500 → 0. */
function stepDecimals(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

/** A tick label: the value in the decision's scale, with the digits its step needs, without unit. */
export function formatTick(value: number, scale: UnitScale, step: number, style: ValueStyle): string {
  return formatDigits(value / scale.divisor, stepDecimals(step / scale.divisor), style.locale, grouped(style));
}

/** A value with its unit, in the chart's decision for that unit, as a label or tooltip writes it. */
export function formatValue(value: number | null | undefined, unit: string, style: ValueStyle): string {
  const { locale } = style;
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const d = decisionFor(unit, value, style);
  const digits = formatDigits(value / d.divisor, d.decimals, locale, grouped(style));
  if (unit === '%') return `${digits}%`;
  if (unit === '百分点') {
    const sign = value > 0 ? '+' : '';
    return locale === 'zh' ? `${sign}${digits}个百分点` : `${sign}${digits} pp`;
  }
  if (!d.unit) return digits;
  // "100 million yuan" cannot follow a number as a word: 8,073.6 (100 million yuan).
  if (/^\d/.test(d.unit)) return `${digits} (${d.unit})`;
  return /^[A-Za-z]/.test(d.unit) ? `${digits} ${d.unit}` : `${digits}${d.unit}`;
}

/** A point's value with its unit and bound: "超过1万亿元" reads ≥1万亿元, never 1万亿元. */
export function formatBoundedValue(value: number | null | undefined, unit: string, bound: Bound | undefined, style: ValueStyle): string {
  const text = formatValue(value, unit, style);
  return bound && value !== null && value !== undefined && Number.isFinite(value) ? `${boundSign(bound)}${text}` : text;
}

/** A change (waterfall step, tornado swing) with its sign. */
export function formatSigned(value: number, unit: string, style: ValueStyle): string {
  const d = decisionFor(unit, value, style);
  // A change that rounds to zero in the chart's digits is written without a sign (0.0亿元, not −0.0亿元).
  const shown = Number((Math.abs(value) / d.divisor).toFixed(d.decimals));
  const text = formatValue(Math.abs(value), unit, style);
  if (shown === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/**
 * The words a unit of the data may be written as, longest first: the scales of 亿元 in both
 * languages, a count with 万/亿 in front, % and 百分点. Used to read a unit named in the spec's own
 * texts (unit label, title, subtitle).
 */
function unitWords(unit: string): string[] {
  const words =
    unit === YI
      ? ['万亿元', '亿元', '100 million yuan', 'trillion yuan', 'billion yuan']
      : unit === '%'
        ? ['%', '％']
        : unit === '百分点'
          ? ['个百分点', '百分点', 'pp']
          : [`亿${unit}`, `万${unit}`, unit, unitName(unit, 'en')];
  return [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
}

/** The unit word a text starts with (followed by its end or a separator), or null. */
function leadingUnitWord(text: string, unit: string): string | null {
  const lower = text.toLowerCase();
  return unitWords(unit).find((w) => lower.startsWith(w.toLowerCase()) && /^($|[\s,，;；、:：（(/])/.test(text.slice(w.length))) ?? null;
}

/**
 * The axis name under a user's unit label. The scale always follows the values; the label says what
 * the analyst wants said of the unit (当年价, 可比价). A label that starts with a unit word (亿元，当年价)
 * has that word written in the chart's unit (万亿元，当年价 on a 万亿元 axis); any other label follows
 * the chart's unit (万亿元，当年价).
 */
export function labelledUnit(label: string, unit: string, decision: UnitScale, locale: Locale): string {
  const text = label.trim();
  if (!text) return decision.unit;
  const word = leadingUnitWord(text, unit);
  if (word) return `${decision.unit}${text.slice(word.length)}`;
  if (!decision.unit) return text;
  return `${decision.unit}${locale === 'zh' ? '，' : ', '}${text}`;
}

const separator = '[\\s,，;；、:：（）()/]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A title or subtitle with each unit word that stands alone (between separators: "亿元；重庆市此前口径",
 * "规模（左轴，亿元）") written in the chart's decision for that unit, so the text above a 万亿元 axis
 * never says 亿元. Words inside running text (超6000亿元) are figures, not units, and stay.
 */
export function unitWordsInChartUnits(text: string, units: ReadonlyMap<string, UnitDecision>): string {
  let out = text;
  for (const [unit, decision] of units) {
    const others = [...units.keys()].filter((u) => u !== unit).flatMap(unitWords);
    const words = unitWords(unit).filter((w) => w !== decision.unit && !others.includes(w));
    if (!words.length) continue;
    const pattern = new RegExp(`(^|${separator})(${words.map(escapeRegExp).join('|')})(?=$|${separator})`, 'gi');
    out = out.replace(pattern, (_m, before: string) => `${before}${decision.unit}`);
  }
  return out;
}
