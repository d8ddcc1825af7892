import type { MonitorRow } from '../../../../shared/api/targets-contract';
import { seedLabel } from '../../../../shared/i18n/seed-labels';
import { sourceInLocale } from '../../../../shared/format/source-text';
import type { Locale } from '../../../../shared/format/number';
import { isJudged } from '../../../../shared/monitor/status';

/**
 * Where the figures the monitor judges come from: each latest actual's source and named release, once
 * each, after the plans the targets come from.
 */
function sourceNote(rows: MonitorRow[], locale: Locale): string {
  const actuals = [
    ...new Set(
      rows.flatMap((r) => {
        const latest = r.actuals.at(-1);
        if (!latest) return [];
        // The release by its name (初步核算数), not its date: the sources of eight targets share one footer.
        const release = seedLabel(latest.releaseLabel, locale);
        const source = sourceInLocale(latest.source, locale);
        return [source && release ? (locale === 'zh' ? `${source}（${release}）` : `${source} (${release})`) : source || release];
      }),
    ),
  ].filter(Boolean);
  const targets = locale === 'zh' ? '规划目标：重庆日报 2020-06-23，行动计划 2023-12-13' : 'Targets: Chongqing Daily 2020-06-23, action plan 2023-12-13';
  if (!actuals.length) return targets;
  return locale === 'zh' ? `${targets}；实际值：${actuals.join('；')}` : `${targets}; actuals: ${actuals.join('; ')}`;
}

/**
 * The monitor as a one-page briefing chart: the target-progress template over the numeric targets
 * shown, dressed as a half-A4 figure. The backend resolves the bars from the workspace and takes each
 * target's status from the monitor, so the export, a saved chart and a briefing slide state what the
 * monitor rows state.
 */
export function monitorChartSpec(rows: MonitorRow[], title: string, locale: Locale) {
  const today = new Date().toISOString().slice(0, 10);
  return {
    template: 'target-progress',
    title,
    locale,
    date: today,
    sourceNote: sourceNote(rows, locale),
    size: { preset: 'a4-half' },
    bindings: { targets: rows.filter((r) => isJudged(r) && r.target.value !== null && r.target.comparator !== 'qualitative').map((r) => r.target.code) },
  };
}
