// A status rule's parameters as its sentence shows them: figures in the target's unit (≥1万亿元, 45.4%),
// a pace of a share in percentage points (+0.73个百分点). The Targets page and the CLI write the same.
import { formatPoints, formatWithUnit, type Locale } from '../format/number';

export type RuleParams = Record<string, string | number | null>;

export function ruleParamsText(params: RuleParams, unit: string, locale: Locale): RuleParams {
  const shown = { ...params };
  for (const name of ['value', 'path'] as const) {
    const v = params[name];
    if (typeof v === 'number') shown[name] = formatWithUnit(v, unit, locale);
  }
  if (typeof params.pace === 'number') shown.pace = formatPoints(params.pace, locale, 2);
  return shown;
}
