import { nameOf, type ScenarioBacktest } from '../../../../shared/api/scenarios-contract';
import type { SeriesEvaluation } from '../../../../shared/engine';
import { formatPercent, formatPlain, formatYi } from '../../../../shared/format/number';
import { evaluationVerdictText, evaluationVintageText } from '../../../../shared/i18n/calibration-text';
import { boundSign } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';

/**
 * The forecast-evaluation table of the backtest: per series, by horizon, the projection against the
 * published figure (with its bound and measure), the error and the verdict (满足下限 / 违反下限 for a
 * bound, a break not scored), then MAE and MAPE per horizon over exact figures, with their count.
 */
export function EvaluationTable({ result, vintage, metricName }: { result: ScenarioBacktest; vintage: string; metricName: (s: Pick<SeriesEvaluation, 'metric' | 'componentId'>) => string }) {
  const { locale, t } = useApp();
  const evaluation = result.evaluation;
  const measure = (code: string) => nameOf(result.names.measures, code, locale);
  return (
    <section className="panel evaluation" data-testid="evaluation">
      <h3>{t('evaluation.title')}</h3>
      <p className="muted">{t('evaluation.intro', { baseYear: evaluation.baseYear, vintage: evaluationVintageText(vintage || null, locale) })}</p>
      {evaluation.series.map((s) => {
        const value = (v: number | null) => (s.unit === '%' ? formatPercent(v, locale, 2) : formatYi(v, locale));
        const diff = (v: number | null) => (v === null ? '—' : s.unit === '%' ? t('scenario.points', { value: formatPlain(v, locale, 2) }) : formatYi(v, locale));
        return (
          <div key={`${s.metric}-${s.componentId ?? ''}`} className="evaluation-series" data-testid={`evaluation-${s.metric}`}>
            <h4>{t('evaluation.seriesHead', { metric: metricName(s), measure: measure(s.measure) })}</h4>
            {s.rows.length === 0 ? (
              <p className="muted">{t('evaluation.empty')}</p>
            ) : (
              <>
                <table className="outcomes evaluation-table">
                  <thead>
                    <tr>
                      {['horizon', 'year', 'projected', 'actual', 'measure', 'error', 'percentError', 'verdict'].map((k) => (
                        <th key={k}>{t(`evaluation.${k}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.rows.map((r) => (
                      <tr key={`${r.year}-${r.verdict}-${r.measure}`} className={`verdict-${r.verdict}`}>
                        <td>{t('evaluation.horizonValue', { h: r.horizon })}</td>
                        <td>{r.year}</td>
                        <td>{r.projected === null ? '—' : boundSign(r.projectedBound) + value(r.projected)}</td>
                        <td>{boundSign(r.bound) + value(r.actual)}</td>
                        <td>{measure(r.measure)}</td>
                        <td>{diff(r.error)}</td>
                        <td>{r.percentError === null ? '—' : formatPercent(r.percentError, locale, 2)}</td>
                        <td className="status">{evaluationVerdictText(r, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <table className="outcomes evaluation-summary" data-testid={`evaluation-summary-${s.metric}`}>
                  <caption>{t('evaluation.summary')}</caption>
                  <thead>
                    <tr>
                      {['horizon', 'count', 'mae', 'mape'].map((k) => (
                        <th key={k}>{t(`evaluation.${k}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.horizons.map((h) => (
                      <tr key={h.horizon}>
                        <td>{t('evaluation.horizonValue', { h: h.horizon })}</td>
                        <td>{h.count}</td>
                        <td>{diff(h.mae)}</td>
                        <td>{h.mape === null ? '—' : formatPercent(h.mape, locale, 2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
