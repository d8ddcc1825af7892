// How the monitor writes a target's figures: a value with its bound and unit, its measure's name,
// the rule that decided, and its answer under another measure. Shared by the table, the detail and the form.
import { useEffect, useMemo, useState } from 'react';
import type { MonitorRow } from '../../../../shared/api/targets-contract';
import type { Locale } from '../../../../shared/format/number';
import { ruleParamsText, type RuleParams } from '../../../../shared/monitor/rule-text';
import { formatBounded, type Bound } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';

/** A measure (口径) as the monitor names it. */
export type MeasureRef = NonNullable<MonitorRow['measure']>;
type Translate = (key: string, params?: Record<string, string | number | null>) => string;

export const measureLabel = (m: MeasureRef | null | undefined, locale: Locale) => (m ? (locale === 'en' && m.nameEn ? m.nameEn : m.nameZh) : '');

/**
 * The measures catalogue (口径) for the form's select and to name an actual's measure; the measures the
 * monitor rows name are kept when the catalogue cannot be read, so a name is always at hand.
 */
export function useMeasures(rows: MonitorRow[] | undefined): MeasureRef[] {
  const { client } = useApp();
  const [catalogue, setCatalogue] = useState<MeasureRef[]>([]);
  useEffect(() => {
    client.call('catalogue.measures', {}).then(
      (list) => setCatalogue(list.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }))),
      () => setCatalogue([]),
    );
  }, [client]);
  return useMemo(() => {
    const all = new Map(catalogue.map((m) => [m.code, m]));
    for (const r of rows ?? []) for (const m of [r.measure, ...r.byMeasure.map((b) => b.measure)]) if (m && !all.has(m.code)) all.set(m.code, m);
    return [...all.values()];
  }, [catalogue, rows]);
}

/** A value with its bound sign (≥1万亿元) and, for a bound, a tooltip saying what the sign means. */
export function BoundedValue({ value, unit, bound }: { value: number; unit: string; bound: Bound }) {
  const { locale, t } = useApp();
  return (
    <span className={bound === 'exact' ? undefined : `bounded bound-${bound}`} title={bound === 'exact' ? undefined : t(`targets.bound.${bound}`)}>
      {formatBounded(value, unit, bound, locale)}
    </span>
  );
}

/** "≥1万亿元（2022年）": the latest actual with its bound and year. */
export function latestText(latest: { year: number; value: number; bound: Bound }, unit: string, locale: Locale, t: Translate): string {
  return t('targets.latest', { value: formatBounded(latest.value, unit, latest.bound, locale), year: latest.year });
}

/** A status rule's sentence with its values in the target's unit (≥1万亿元, 45.4%), not bare numbers. */
export function ruleText(rule: string, params: RuleParams, unit: string, locale: Locale, t: Translate): string {
  return t(rule, ruleParamsText(params, unit, locale));
}

/**
 * The status under a measure other than the judged one: 按重庆市此前口径：暂无数据（2021年27.2%）, or for
 * a measure no longer published, 按重庆市此前口径：2022年起不再发布，不作进度判断（2021年27.2%）.
 */
export function byMeasureText(entry: MonitorRow['byMeasure'][number], unit: string, locale: Locale, t: Translate): string {
  const measure = measureLabel(entry.measure, locale);
  const status = entry.rule === 'monitor.rule.measureReplaced' ? t('targets.byMeasure.measureReplaced', { from: entry.ruleParams.from ?? '' }) : t(`monitor.status.${entry.status}`);
  if (!entry.latest) return t('targets.byMeasure.lineNoLatest', { measure, status });
  const latest = t('targets.byMeasure.latest', { year: entry.latest.year, value: formatBounded(entry.latest.value, unit, entry.latest.bound, locale) });
  return t('targets.byMeasure.line', { measure, status, latest });
}

/** Indicators and regions to suggest for a target's link; the backend checks the code either way. */
