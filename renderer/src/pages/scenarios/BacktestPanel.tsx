import { useMemo } from 'react';
import { nameOf, type ScenarioBacktest } from '../../../../shared/api/scenarios-contract';
import type { BacktestPoint, BacktestSeries, ProjectionResult, ScenarioBases } from '../../../../shared/engine';
import { formatPercent, formatPlain, formatYi } from '../../../../shared/format/number';
import { writeValue, type PageStyle } from '../../../../shared/format/scenario-units';
import { backtestBreakText, statusMark } from '../../../../shared/i18n/scenario-base-text';
import { projectionBound } from '../../../../shared/engine/backtest';
import { useApp } from '../../app-context';
import { backtestCharts } from '../scenario-charts';
import { ChartCard } from './ChartCard';
import { EvaluationTable } from './EvaluationTable';
import { DateField } from '../../components/DateField';
import type { PlanMeasures } from '../../../../shared/monitor/scenario-targets';

/**
 * The saved scenario against the published figures: error per year and MAPE, each series on one
 * indicator and one measure (the digital economy on the scenario's own); where the figures go on under
 * another measure or from another indicator, a row names them and nothing is compared.
 */
export function BacktestPanel({
  result,
  error,
  projection,
  bases,
  style,
  scenarioId,
  vintage,
  onVintage,
  plan,
}: {
  result: ScenarioBacktest | null;
  error: string | null;
  projection: ProjectionResult | null;
  /** What the saved scenario's bases are as figures (a lower bound, a derived value). */
  bases: ScenarioBases;
  /** The page's one decision per unit (use-page-style.ts): the figures and projections read as on the results tab. */
  style: PageStyle;
  scenarioId: number;
  /** The published figures as known on this date ('' for the latest releases). */
  vintage: string;
  onVintage: (date: string) => void;
  plan: PlanMeasures;
}) {
  const { locale, t } = useApp();
  const charts = useMemo(() => (result && projection ? backtestCharts(result, projection, locale, plan) : []), [result, projection, locale, plan]);
  if (error) return <p className="error" role="alert" data-testid="backtest-error">{error}</p>;
  if (!result) return <p className="muted">{t('common.loading')}</p>;
  const measureName = (code: string) => nameOf(result.names.measures, code, locale);
  const value = (s: BacktestSeries, v: number, bound: BacktestPoint['bound']) => writeValue(style, v, s.unit === '%' ? '%' : '亿元', bound);
  const metricName = (s: Pick<BacktestSeries, 'metric' | 'componentId'>) => (s.metric === 'component' ? (projection?.components.find((c) => c.id === s.componentId)?.name ?? '') : t(`scenario.metric.${s.metric}`));
  // The series by name: 地区生产总值·重庆, or the indicator's name alone when it names the region (数字经济增加值（重庆）).
  const seriesName = (indicator: string, region: string) => {
    const [what, where] = [nameOf(result.names.indicators, indicator, locale), nameOf(result.names.regions, region, locale)];
    return what.includes(where) ? what : t('scenario.backtest.series', { indicator: what, region: where });
  };
  const source = (pt: BacktestPoint) => {
    const series = pt.indicator && pt.region ? seriesName(pt.indicator, pt.region) : '';
    return series && pt.source ? t('scenario.backtest.sourceText', { series, source: pt.source }) : series || (pt.source ?? '');
  };
  const intro = { baseYear: result.baseYear, horizon: result.horizon };
  // The base year's projection is the scenario's base: a bound or a derived value as such.
  const projected = (s: BacktestSeries, pt: BacktestPoint) => {
    if (pt.projected === null) return '—';
    if (pt.status !== 'base-year' || s.metric === 'component') return value(s, pt.projected, pt.projectedBound);
    const base = s.metric === 'share' ? null : s.metric === 'total' ? bases.total : bases.gdp;
    return value(s, pt.projected, projectionBound(s.metric, bases)) + statusMark(base, locale);
  };
  return (
    <div className="backtest" data-testid="backtest">
      <p className="muted">
        {result.measure ? t('scenario.backtest.intro', { ...intro, measure: measureName(result.measure) }) : t('scenario.backtest.introNoMeasure', intro)}
      </p>
      <label className="backtest-vintage">
        {t('scenario.backtest.vintage')}
        <DateField value={vintage} onChange={onVintage} releases testId="backtest-vintage" />
        {vintage && (
          <button type="button" onClick={() => onVintage('')}>
            {t('scenario.backtest.latest')}
          </button>
        )}
      </label>
      {result.series.map((s) => (
        <section key={`${s.metric}-${s.componentId ?? ''}`} className="panel" data-testid={`backtest-${s.metric}`}>
          <h3>
            {metricName(s)} <span className="muted">{locale === 'zh' ? `（${t('scenario.backtest.scoredOn', { measure: measureName(s.measure) })}）` : `(${t('scenario.backtest.scoredOn', { measure: measureName(s.measure) })})`}</span>
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
              {s.points.map((pt) => (
                <tr key={pt.year} className={`status-${pt.status}`}>
                  <td>{pt.year}</td>
                  <td>{value(s, pt.actual, pt.bound)}</td>
                  <td>{projected(s, pt)}</td>
                  <td>{pt.error === null ? '—' : s.unit === '%' ? t('scenario.points', { value: formatPlain(pt.error, locale, 2) }) : formatYi(pt.error, locale)}</td>
                  <td>{pt.percentError === null ? '—' : formatPercent(pt.percentError, locale, 2)}</td>
                  <td className="status">{t(`scenario.backtest.status.${pt.status}`)}</td>
                  <td className="source">{source(pt)}</td>
                </tr>
              ))}
              {s.breaks.map((b) => (
                <tr key={`break-${b.year}-${b.to}-${b.indicator ?? ''}`} className="break-row" data-testid="definition-break">
                  <td colSpan={7}>{backtestBreakText(b, s.unit, result, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <EvaluationTable result={result} vintage={vintage} metricName={metricName} style={style} />
      <div className="chart-grid">
        {charts.map((plan) => (
          <ChartCard key={plan.id} plan={plan} scenarioIds={[scenarioId]} units={style.units} />
        ))}
      </div>
    </div>
  );
}
