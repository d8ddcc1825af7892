import type { MonitorRow } from '../../../../shared/api/targets-contract';
import type { Locale } from '../../../../shared/format/number';

/**
 * The monitor as a one-page briefing chart: the target-progress template over the numeric targets
 * shown, dressed as a half-A4 figure. The backend resolves the bars from the workspace, so the
 * export, a saved chart and a briefing slide show the same figures.
 */
export function monitorChartSpec(rows: MonitorRow[], title: string, locale: Locale) {
  const today = new Date().toISOString().slice(0, 10);
  return {
    template: 'target-progress',
    title,
    locale,
    date: today,
    // The latest releases, each target on its own measure (the monitor's vintage is not exported).
    sourceNote:
      locale === 'zh'
        ? '规划目标：重庆日报 2020-06-23，行动计划 2023-12-13；实际值：工作区指标数据（最新发布，按各目标口径）'
        : "Targets: Chongqing Daily 2020-06-23, action plan 2023-12-13; actuals: workspace indicators (latest releases, each target's measure)",
    size: { preset: 'a4-half' },
    bindings: { targets: rows.filter((r) => r.target.value !== null && r.target.comparator !== 'qualitative').map((r) => r.target.code) },
  };
}
