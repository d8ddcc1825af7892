// A status rule's parameters as its sentence shows them: figures in the target's unit (≥1万亿元, 45.4%),
// a pace of a share in percentage points (+0.73个百分点). The Targets page and the CLI write the same.
import { formatPoints, formatWithUnit, type Locale } from '../format/number';
import { sourceInLocale } from '../format/source-text';

export type RuleParams = Record<string, string | number | null>;

export function ruleParamsText(params: RuleParams, unit: string, locale: Locale): RuleParams {
  const shown = { ...params };
  for (const name of ['value', 'path'] as const) {
    const v = params[name];
    if (typeof v === 'number') shown[name] = formatWithUnit(v, unit, locale);
  }
  if (typeof params.pace === 'number') shown.pace = formatPoints(params.pace, locale, 2);
  if (typeof params.issued === 'string') shown.issued = issuedText(params.issued, locale);
  if (typeof params.source === 'string') shown.source = sourceInLocale(params.source, locale);
  return shown;
}

/** A plan's issue date as precise as it is recorded: 2023年12月13日, 2020年6月; in English the ISO date or month. */
export function issuedText(issued: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(issued);
  if (!m || locale === 'en') return issued;
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}
