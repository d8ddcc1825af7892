// A change from one year to the next: a level grows by a percentage of itself, but a share or a rate
// (a figure in %) changes by percentage points (百分点). A share going from 30.3% to 32.9% rose by 2.6
// points; calling that "8.58%" growth would read as a far larger move than it is.
import { formatPoints, type Locale } from '../format/number';
import { boundSign, formatBounded, type Bound } from './bound';

/** What a change is measured in: % of the year before (a level), or percentage points (a share or rate). */
export const CHANGE_UNITS = ['%', 'pp'] as const;
export type ChangeUnit = (typeof CHANGE_UNITS)[number];

/** Whether figures in this unit are shares or rates, whose changes and paces are in percentage points. */
export function isRateUnit(unit: string): boolean {
  return unit.trim() === '%';
}

/** The unit a change of figures in `unit` is measured in. */
export function changeUnitOf(unit: string): ChangeUnit {
  return isRateUnit(unit) ? 'pp' : '%';
}

/** A change as analysts read it: 9.34% for a level, +2.6个百分点 / +2.6 pp for a share, with its bound sign. */
export function formatChange(value: number, unit: ChangeUnit, bound: Bound, locale: Locale): string {
  if (unit === '%') return formatBounded(value, '%', bound, locale);
  return `${boundSign(bound)}${formatPoints(value, locale, 2)}`;
}
