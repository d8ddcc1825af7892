// The Scenarios page's one decision per unit (shared/format/scenario-units.ts), taken once for the
// edited scenario's results tab and its backtest tab alike, so a number reads the same on both: from
// every value the projection gives (its table, summary, components and waterfall), the charts of both
// tabs (published figures, plan targets' evidence) and the tornado of either output.
import { useMemo } from 'react';
import type { ScenarioBacktest, ScenarioEvidence } from '../../../../shared/api/scenarios-contract';
import { EngineError, sensitivity, type ProjectionResult, type ResolvedScenario, type ScenarioBases } from '../../../../shared/engine';
import { chartValues, noValues, pageStyle, scenarioValues, type PageStyle, type PageValues } from '../../../../shared/format/scenario-units';
import type { Locale } from '../../../../shared/format/number';
import type { PlanMeasures } from '../../../../shared/monitor/scenario-targets';
import { backtestCharts, resultCharts } from '../scenario-charts';

/** The tornado's values of either output (share or total in its first target's year, else the horizon). */
function tornadoValues(s: ResolvedScenario, p: ProjectionResult, into: PageValues): void {
  for (const metric of ['share', 'total'] as const) {
    const year = p.targets.find((x) => x.unit === (metric === 'share' ? '%' : '亿元'))?.year ?? p.horizon;
    try {
      const { output, bars } = sensitivity(s, { output: { metric, year } });
      into[output.unit].push(output.base, ...bars.flatMap((b) => [b.low.output, b.high.output]));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
    }
  }
}

export interface PageStyleInput {
  /** The edited scenario as resolved and projected. */
  resolved: ResolvedScenario | null;
  projection: ProjectionResult | null;
  /** The saved version's projection, which the backtest tab scores. */
  saved: ProjectionResult | null;
  bases: ScenarioBases;
  backtest: ScenarioBacktest | null;
  evidence: ScenarioEvidence | null;
  plan: PlanMeasures | null;
  locale: Locale;
}

/** The page's style for the edited scenario's tabs. */
export function usePageStyle({ resolved, projection, saved, bases, backtest, evidence, plan, locale }: PageStyleInput): PageStyle {
  return useMemo(() => {
    const values = noValues();
    if (projection) {
      scenarioValues(projection, values);
      if (plan) for (const c of resultCharts(projection, locale, backtest, { measure: resolved?.measure ?? null, plan, evidence }, bases)) chartValues(c.data, values);
      if (resolved) tornadoValues(resolved, projection, values);
    }
    if (saved) {
      scenarioValues(saved, values);
      if (backtest && plan) for (const c of backtestCharts(backtest, saved, locale, plan)) chartValues(c.data, values);
    }
    return pageStyle(locale, values);
  }, [resolved, projection, saved, bases, backtest, evidence, plan, locale]);
}
