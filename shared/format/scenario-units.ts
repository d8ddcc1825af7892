// One way to write each number on the Scenarios page and in the CLI's `scenario run`. The charts decide
// a unit per chart from what they draw (shared/charts/number-format.ts decideUnit, used by frame.ts
// unitDecisions): the scale of the largest value (亿元 below 1万亿, 万亿元 from there) and the digits
// that blur no value by more than 5%. A scenario's screens take that same rule once over every value
// they write in a unit — the results table, the summary, the compare table, the base note, goal seek,
// Monte Carlo, the backtest and every chart — so the 2022 base reads 1.32万亿元 in the sentence, the
// table and the chart label alike, and the CLI writes the same digits from the projection's values.
import { decideUnit, formatBoundedValue, formatValue, type UnitDecision, type ValueStyle } from '../charts/number-format';
import { chartSpecSchema } from '../charts/spec';
import type { ChartDataInput } from '../charts/data';
import type { ProjectionResult } from '../engine/project';
import type { SummaryUnit, ValueWriter } from '../engine/summarize';
import type { Locale } from './number';
import type { Bound } from '../series/bound';

/** The units decided: money and shares of GDP (a gap in a share is written in the share's digits). */
export type PageUnit = '亿元' | '%';

export type PageValues = Record<PageUnit, number[]>;

export const noValues = (): PageValues => ({ 亿元: [], '%': [] });

/** A style with one decision for each unit it writes. */
export type PageStyle = ValueStyle & { units: ReadonlyMap<string, UnitDecision> };

function add(into: PageValues, unit: string, ...values: Array<number | null | undefined>): void {
  if (unit !== '亿元' && unit !== '%') return;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) into[unit].push(v);
}

/** Every value a chart's data draws, by unit: series points, band edges, waterfall steps and tornado results. */
export function chartValues(data: ChartDataInput, into: PageValues): PageValues {
  for (const s of data.series ?? []) add(into, s.unit, ...s.points.map((p) => p.value));
  for (const b of data.bands ?? []) add(into, b.unit, ...b.points.flatMap((p) => [p.low, p.high]));
  const bars = data.bars;
  if (bars?.kind === 'waterfall') add(into, bars.unit, ...bars.steps.map((step) => step.value));
  if (bars?.kind === 'tornado') add(into, bars.unit, bars.base, ...bars.items.flatMap((i) => [i.low, i.high]));
  return into;
}

/** The values a projection's table and summary write: each target's projection, threshold and gap, the horizon's total and share. */
export function projectionValues(p: ProjectionResult, into: PageValues): PageValues {
  for (const x of p.targets) into[x.unit].push(x.value, x.threshold, Math.abs(x.gap));
  into['亿元'].push(...p.total.values);
  into['%'].push(...p.share.values);
  return into;
}

/** The year a scenario's contribution waterfall runs to: the first total target's, else the horizon. */
export function waterfallYear(p: ProjectionResult): number {
  return p.targets.find((x) => x.kind === 'total')?.year ?? p.horizon;
}

/**
 * Every value a projection gives its screens, whatever else they draw: its table's and summary's
 * (projectionValues), each component's path (the stacked chart) and the waterfall's steps. The CLI
 * decides on these; the page adds what its charts draw besides (published figures, the tornado).
 */
export function scenarioValues(p: ProjectionResult, into: PageValues = noValues()): PageValues {
  projectionValues(p, into);
  const t = waterfallYear(p) - p.baseYear;
  for (const c of p.components) add(into, '亿元', ...c.values, c.values[t]! - c.values[0]!);
  return into;
}

/**
 * The style: the charts' number format and digits (a scenario chart's spec), and one decision per
 * unit from every value written in it.
 */
export function pageStyle(locale: Locale, values: PageValues): PageStyle {
  const spec = chartSpecSchema.parse({ template: 'target-trajectory', title: '—', locale });
  const style: ValueStyle = { locale, numberFormat: spec.numberFormat, decimals: spec.decimals };
  return { ...style, units: new Map((['亿元', '%'] as const).map((unit) => [unit, decideUnit(unit, values[unit], style)])) };
}

/** A value as written, with its bound's sign; a 百分点 gap in the digits of the shares, without a sign of direction. */
export function writeValue(style: ValueStyle, value: number, unit: SummaryUnit, bound: Bound = 'exact'): string {
  if (unit !== '百分点') return formatBoundedValue(value, unit, bound, style);
  const digits = formatValue(value, '%', style).replace(/%$/, '');
  return style.locale === 'zh' ? `${digits}个百分点` : `${digits} pp`;
}

/** The summary's writer (shared/engine/summarize.ts) in this style. */
export function pageWriter(style: ValueStyle): ValueWriter {
  return (value, unit, bound) => writeValue(style, value, unit, bound);
}

/** The base note's amount writer (shared/i18n/scenario-base-text.ts baseNote) in this style. */
export function baseWriter(style: ValueStyle): (value: number, bound: Bound) => string {
  return (value, bound) => writeValue(style, value, '亿元', bound);
}
