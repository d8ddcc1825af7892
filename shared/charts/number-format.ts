// How a chart writes numbers: one scale per axis (ticks carry no unit, the axis name does) and full
// values with units in labels and tooltips. Built on shared/format/number so charts read like tables.
import { formatPercent, formatPlain, formatPoints, formatScaled, formatYi, type Locale } from '../format/number';
import { boundSign, type Bound } from '../series/bound';
import { unitName } from './labels';
import type { NumberFormat } from './spec';

export interface ValueStyle {
  locale: Locale;
  numberFormat: NumberFormat;
  decimals: number;
}

export interface AxisScale {
  /** Tick values are divided by this before they are written. */
  divisor: number;
  /** The axis name: the unit after scaling. */
  unit: string;
}

const YI = '亿元';

function scaled(style: ValueStyle): boolean {
  return style.numberFormat === 'cn-scaled' || (style.numberFormat === 'auto' && style.locale === 'zh');
}

function grouped(style: ValueStyle): boolean {
  if (style.numberFormat === 'plain') return false;
  return style.locale === 'en' || style.numberFormat === 'thousands';
}

/** The scale of an axis whose largest magnitude is maxAbs; a user's unit label pins the scale to 1. */
export function axisScale(unit: string, maxAbs: number, style: ValueStyle, unitLabel = ''): AxisScale {
  if (unitLabel) return { divisor: 1, unit: unitLabel };
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

/** A tick label: the value in the axis scale, without unit. */
export function formatTick(value: number, scale: AxisScale, style: ValueStyle): string {
  // Ticks are nice numbers; two decimals cover 0.25万亿 without printing noise.
  return formatPlain(value / scale.divisor, style.locale, Math.max(style.decimals, 2), grouped(style));
}

/** A value with its unit, as a label or tooltip writes it. */
export function formatValue(value: number | null | undefined, unit: string, style: ValueStyle): string {
  const { locale, decimals } = style;
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '%') return formatPercent(value, locale, decimals);
  if (unit === '百分点') return formatPoints(value, locale, decimals);
  if (unit === YI) {
    if (style.numberFormat === 'plain') {
      return locale === 'zh' ? `${formatPlain(value, 'zh', decimals, false)}${YI}` : `${formatPlain(value, 'en', decimals, false)} (100 million yuan)`;
    }
    if (scaled(style) || locale === 'en') return formatYi(value, locale, decimals);
    return `${formatPlain(value, locale, decimals, true)}${YI}`;
  }
  const name = unitName(unit, locale);
  const sep = locale === 'en' && name ? ' ' : '';
  const digits = scaled(style) ? formatScaled(value, locale, decimals) : formatPlain(value, locale, decimals, grouped(style));
  return `${digits}${sep}${name}`;
}

/** A point's value with its unit and bound: "超过1万亿元" reads ≥1万亿元, never 1万亿元. */
export function formatBoundedValue(value: number | null | undefined, unit: string, bound: Bound | undefined, style: ValueStyle): string {
  const text = formatValue(value, unit, style);
  return bound && value !== null && value !== undefined && Number.isFinite(value) ? `${boundSign(bound)}${text}` : text;
}

/** A change (waterfall step, tornado swing) with its sign. */
export function formatSigned(value: number, unit: string, style: ValueStyle): string {
  const text = formatValue(Math.abs(value), unit, style);
  if (value > 0) return `+${text}`;
  return value < 0 ? `−${text}` : text;
}
