import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema } from '../../../shared/charts/data';
import { chartSpecSchema } from '../../../shared/charts/spec';
import type { ProjectionResult } from '../../../shared/engine';
import type { Locale } from '../../../shared/format/number';

/**
 * The scenario's trajectory and share against their targets, drawn by the same briefing templates
 * the exports use, so the screen and a saved chart agree.
 */
export function scenarioChartOptions(p: ProjectionResult, locale: Locale, titles: { level: string; share: string }) {
  const name = locale === 'en' && p.scenario.nameEn ? p.scenario.nameEn : p.scenario.name;
  const points = (values: number[]) => p.years.map((year, t) => ({ year, value: values[t] ?? null }));
  const targets = (unit: '亿元' | '%') =>
    p.targets
      .filter((x) => x.unit === unit && x.kind !== 'component')
      .map((x) => ({ id: x.id, name: locale === 'en' && x.labelEn ? x.labelEn : x.label, kind: 'target' as const, unit, points: [{ year: x.year, value: x.threshold }] }));
  const chart = (template: 'target-trajectory' | 'share-of-gdp', title: string, unit: '亿元' | '%', values: number[]) =>
    buildOption(
      chartSpecSchema.parse({ template, title, locale, size: { preset: 'report-column' } }),
      chartDataSchema.parse({
        series: [{ id: 'projection', name, kind: 'projection', unit, basis: 'derived', points: points(values) }, ...targets(unit)],
      }),
    );
  return { level: chart('target-trajectory', titles.level, '亿元', p.total.values), share: chart('share-of-gdp', titles.share, '%', p.share.values) };
}
