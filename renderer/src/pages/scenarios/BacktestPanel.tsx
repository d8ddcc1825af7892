import { Fragment, useMemo } from 'react';
import type { BacktestResult, BacktestSeries, ProjectionResult } from '../../../../shared/engine';
import { formatPercent, formatPlain, formatYi } from '../../../../shared/format/number';
import { boundSign } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';
import { backtestCharts } from '../scenario-charts';
import { ChartCard } from './ChartCard';

/** The saved scenario against the published figures: error per year, MAPE, and the definition breaks not scored across. */
export function BacktestPanel({
  result,
  error,
  projection,
  scenarioId,
  vintage,
  onVintage,
}: {
  result: BacktestResult | null;
  error: string | null;
  projection: ProjectionResult | null;
  scenarioId: number;
  /** The published figures as known on this date ('' for the latest releases). */
  vintage: string;
  onVintage: (date: string) => void;
}) {
  const { locale, t } = useApp();
  const charts = useMemo(() => (result && projection ? backtestCharts(result, projection, locale) : []), [result, projection, locale]);
  if (error) return <p className="error" role="alert" data-testid="backtest-error">{error}</p>;
  if (!result) return <p className="muted">{t('common.loading')}</p>;
  const value = (s: BacktestSeries, v: number | null) => (s.unit === '%' ? formatPercent(v, locale, 2) : formatYi(v, locale));
  const metricName = (s: BacktestSeries) => (s.metric === 'component' ? (projection?.components.find((c) => c.id === s.componentId)?.name ?? s.componentId ?? '') : t(`scenario.metric.${s.metric}`));
  return (
    <div className="backtest" data-testid="backtest">
      <p className="muted">{t('scenario.backtest.intro', { baseYear: result.baseYear, horizon: result.horizon })}</p>
      <label className="backtest-vintage">
        {t('scenario.backtest.vintage')}
        <input type="date" value={vintage} onChange={(e) => onVintage(e.target.value)} data-testid="backtest-vintage" />
        {vintage && (
          <button type="button" onClick={() => onVintage('')}>
            {t('scenario.backtest.latest')}
          </button>
        )}
      </label>
      {result.series.map((s) => (
        <section key={`${s.metric}-${s.componentId ?? ''}`} className="panel" data-testid={`backtest-${s.metric}`}>
          <h3>
            {metricName(s)} <span className="muted">（{s.baseDefinition}）</span>
            <span className="mape" data-testid={`mape-${s.metric}`}>
              {s.mape === null ? t('scenario.backtest.noMape') : t('scenario.backtest.mape', { mape: formatPercent(s.mape, locale, 2), scored: s.scored })}
            </span>
          </h3>
          <table className="outcomes backtest-table">
            <thead>
              <tr>
                <th>{t('scenario.year')}</th>
                <th>{t('scenario.backtest.actual')}</th>
                <th>{t('scenario.projected')}</th>
                <th>{t('scenario.backtest.error')}</th>
                <th>{t('scenario.backtest.percentError')}</th>
                <th>{t('scenario.backtest.status')}</th>
                <th>{t('scenario.backtest.source')}</th>
              </tr>
            </thead>
            <tbody>
              {s.points.map((pt) => {
                const brk = s.breaks.find((b) => b.year === pt.year);
                return (
                  <Fragment key={pt.year}>
                    {brk && (
                      <tr className="break-row" data-testid="definition-break">
                        <td colSpan={7}>{t('scenario.backtest.break', { year: brk.year, from: brk.from, to: brk.to })}</td>
                      </tr>
                    )}
                    <tr className={`status-${pt.status}`}>
                      <td>{pt.year}</td>
                      <td>{boundSign(pt.bound) + value(s, pt.actual)}</td>
                      <td>{value(s, pt.projected)}</td>
                      <td>{pt.error === null ? '—' : s.unit === '%' ? t('scenario.points', { value: formatPlain(pt.error, locale, 2) }) : formatYi(pt.error, locale)}</td>
                      <td>{pt.percentError === null ? '—' : formatPercent(pt.percentError, locale, 2)}</td>
                      <td>{t(`scenario.backtest.status.${pt.status}`)}</td>
                      <td className="source">{pt.source ?? ''}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      <div className="chart-grid">
        {charts.map((plan) => (
          <ChartCard key={plan.id} plan={plan} scenarioIds={[scenarioId]} />
        ))}
      </div>
    </div>
  );
}
