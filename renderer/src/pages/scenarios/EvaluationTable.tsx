import { nameOf, type ScenarioBacktest } from '../../../../shared/api/scenarios-contract';
import type { SeriesEvaluation } from '../../../../shared/engine';
import { formatPercent, formatPlain, formatYi } from '../../../../shared/format/number';
import { writeValue, type PageStyle } from '../../../../shared/format/scenario-units';
import { evaluationVerdictText, evaluationVintageText } from '../../../../shared/i18n/calibration-text';
import { useApp } from '../../app-context';

/**
 * The forecast-evaluation table of the backtest: per series, by horizon, the projection against the
 * published figure (with its bound and measure), the error and the verdict (满足下限 / 违反下限 for a
 * bound, a break not scored), then MAE and MAPE per horizon over exact figures, with their count.
 * Projections and figures in the page's one decision per unit (`style`); errors on their own scale.
 */
export function EvaluationTable({
  result,
  vintage,
  metricName,
  style,
}: {
  result: ScenarioBacktest;
  vintage: string;
  metricName: (s: Pick<SeriesEvaluation, 'metric' | 'componentId'>) => string;
  style: PageStyle;
}) {
  const { locale, t } = useApp();
  const evaluation = result.evaluation;
  const measure = (code: string) => nameOf(result.names.measures, code, locale);
  return (
    <section className="panel evaluation" data-testid="evaluation">
      <h3>{t('evaluation.title')}</h3>
      <p className="muted">{t('evaluation.intro', { baseYear: evaluation.baseYear, vintage: evaluationVintageText(vintage || null, locale) })}</p>
      {evaluation.series.map((s) => {
        const value = (v: number, bound: Parameters<typeof writeValue>[3]) => writeValue(style, v, s.unit === '%' ? '%' : '亿元', bound);
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
                        <td>{r.projected === null ? '—' : value(r.projected, r.projectedBound)}</td>
                        <td>{value(r.actual, r.bound)}</td>
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
