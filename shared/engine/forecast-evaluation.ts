// The forecast-evaluation table of a backtest: each series' projections by horizon (1, 2, … years
// after the base year) against the published figures, a bound judged as the inequality it is, the
// figures of another measure or indicator named as a break and not scored, and per horizon the mean
// absolute error and MAPE over exact figures only, with their count. An approximate figure or a bound
// shows its error (a violated bound's distance) but stays out of the summaries: the error of a
// projection against "about 17000" or "at least 6000" is not a number one can average. A projection
// that is itself a lower bound (grown from "超6000亿元") meets its bound when the exact figure is at or
// above it, a 'bound-met' row; an exact figure below it is scored, in the summaries.
import type { Bound } from '../series/bound';
import type { BacktestResult, BacktestSeries } from './backtest';

/**
 * `scored`: an exact figure, in the summaries; `approx`: an approximate figure, its error shown only;
 * `bound-met` / `bound-violated`: a bound the projection keeps or breaks; `break`: a figure on
 * another measure or from another indicator, not compared.
 */
export type EvaluationVerdict = 'scored' | 'approx' | 'bound-met' | 'bound-violated' | 'break';

export interface EvaluationRow {
  horizon: number;
  year: number;
  /** null for a break row: nothing is compared with it. */
  projected: number | null;
  /** The projection's own bound (lower when grown from a lower-bound base); exact for a break row. */
  projectedBound: Bound;
  actual: number;
  bound: Bound;
  measure: string;
  indicator: string | null;
  /** projected − actual (for a violated bound, its distance to the bound); null for a bound met and a break. */
  error: number | null;
  percentError: number | null;
  verdict: EvaluationVerdict;
}

export interface HorizonSummary {
  horizon: number;
  /** Exact figures scored at this horizon. */
  count: number;
  /** Mean absolute error in the series' unit and mean absolute percentage error; null when count is 0. */
  mae: number | null;
  mape: number | null;
}

export interface SeriesEvaluation {
  metric: BacktestSeries['metric'];
  componentId: string | null;
  unit: BacktestSeries['unit'];
  measure: string;
  indicator: string | null;
  rows: EvaluationRow[];
  horizons: HorizonSummary[];
}

export interface ForecastEvaluation {
  baseYear: number;
  horizon: number;
  series: SeriesEvaluation[];
}

function verdictOf(bound: Bound, projectedBound: Bound, error: number | null): EvaluationVerdict {
  if (bound === 'lower' || bound === 'upper') return error === null ? 'bound-met' : 'bound-violated';
  if ((projectedBound === 'lower' || projectedBound === 'upper') && error === null) return 'bound-met';
  return bound === 'approx' ? 'approx' : 'scored';
}

/** The evaluation table of a backtest: the years after the base year up to its horizon, by horizon. */
export function evaluateForecasts(result: BacktestResult): ForecastEvaluation {
  const within = (year: number) => year > result.baseYear && year <= result.horizon;
  const series = result.series.map((s): SeriesEvaluation => {
    const scored = s.points
      .filter((p) => within(p.year) && p.projected !== null)
      .map(
        (p): EvaluationRow => ({
          horizon: p.year - result.baseYear,
          year: p.year,
          projected: p.projected,
          projectedBound: p.projectedBound,
          actual: p.actual,
          bound: p.bound,
          measure: p.definition,
          indicator: p.indicator,
          error: p.error,
          percentError: p.percentError,
          verdict: verdictOf(p.bound, p.projectedBound, p.error),
        }),
      );
    const breaks = s.breaks.flatMap((b) =>
      b.figures
        .filter((f) => within(f.year))
        .map(
          (f): EvaluationRow => ({
            horizon: f.year - result.baseYear,
            year: f.year,
            projected: null,
            projectedBound: 'exact',
            actual: f.value,
            bound: f.bound,
            measure: b.to,
            indicator: b.indicator,
            error: null,
            percentError: null,
            verdict: 'break',
          }),
        ),
    );
    const rows = [...scored, ...breaks].sort((a, b) => a.horizon - b.horizon || (a.verdict === 'break' ? 1 : 0) - (b.verdict === 'break' ? 1 : 0));
    const horizons = [...new Set(rows.map((r) => r.horizon))].map((h): HorizonSummary => {
      const exact = rows.filter((r) => r.horizon === h && r.verdict === 'scored');
      const mean = (f: (r: EvaluationRow) => number) => (exact.length ? exact.reduce((sum, r) => sum + Math.abs(f(r)), 0) / exact.length : null);
      return { horizon: h, count: exact.length, mae: mean((r) => r.error!), mape: mean((r) => r.percentError!) };
    });
    return { metric: s.metric, componentId: s.componentId, unit: s.unit, measure: s.measure, indicator: s.indicator, rows, horizons };
  });
  return { baseYear: result.baseYear, horizon: result.horizon, series };
}
