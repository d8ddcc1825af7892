import type { EChartsCoreOption } from 'echarts';
import { useMemo, useState } from 'react';
import type { DriverInfo, MonteCarloResult, ProjectionResult, ResolvedScenario } from '../../../../shared/engine';
import type { BacktestResult } from '../../../../shared/engine';
import { formatPercent, formatPlain, formatYi, type Locale } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';
import { fanChart } from '../scenario-charts';
import { ChartCard } from './ChartCard';
import { PersistenceControl, persistenceUsed, type DraftEdit } from './PersistenceControl';
import { judgedElsewhere, measureLabel, type PlanMeasures } from './target-measure';
import { useMonteCarlo } from './use-monte-carlo';

const drawChoices = [10_000, 100_000, 1_000_000] as const;

/** The target-year total's distribution; no briefing template draws a histogram, so a plain bar chart. */
export function histogramOption(mc: MonteCarloResult, locale: Locale, title: string, threshold: number | null): EChartsCoreOption {
  const { edges, counts } = mc.histogram;
  const labels = counts.map((_, i) => formatYi((edges[i]! + edges[i + 1]!) / 2, locale, 0));
  const firstMet = threshold === null ? -1 : counts.findIndex((_, i) => edges[i]! >= threshold);
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'normal' } },
    grid: { left: 56, right: 16, top: 40, bottom: 56 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatPercent((Number(v) / mc.draws) * 100, locale, 1) },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 40, fontSize: 10 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent((v / mc.draws) * 100, locale, 0) } },
    series: [
      {
        type: 'bar',
        data: counts.map((c, i) => ({ value: c, itemStyle: { color: firstMet >= 0 && i >= firstMet ? '#2f7d4f' : '#8aa4c8' } })),
        barCategoryGap: '5%',
      },
    ],
  };
}

/**
 * Monte Carlo in a Web Worker: the persistence of the draws (editing the draft), draws and seed,
 * progress with cancel, then which persistence was used, probabilities, fan and histogram. A target
 * judged on another measure than the scenario's gets no probability, and no threshold on the histogram.
 */
export function MonteCarloPanel({
  scenario,
  projection,
  scenarioId,
  backtest,
  plan,
  drivers = [],
  onEdit,
}: {
  scenario: ResolvedScenario | null;
  projection: ProjectionResult | null;
  scenarioId: number | null;
  backtest: BacktestResult | null;
  plan: PlanMeasures;
  drivers?: readonly DriverInfo[];
  onEdit?: DraftEdit;
}) {
  const { locale, t } = useApp();
  const mc = useMonteCarlo();
  const [draws, setDraws] = useState<number>(100_000);
  const [seed, setSeed] = useState('1');
  const seedValue = Number(seed);
  const seedOk = Number.isInteger(seedValue) && seedValue >= 0 && seedValue <= 0xffffffff;
  const state = mc.state;
  const result = state.status === 'done' ? state.result : null;
  const measure = scenario?.measure ?? null;
  const fan = useMemo(() => (result && projection ? fanChart(result, projection, locale, backtest, { measure, plan }) : null), [result, projection, locale, backtest, measure, plan]);
  const totalTarget = projection?.targets.find((x) => x.kind === 'total' && x.year === result?.histogram.year && judgedElsewhere(x.id, measure, plan) === null) ?? null;
  const histogram = useMemo(
    () =>
      result
        ? histogramOption(result, locale, t(totalTarget ? 'scenario.mc.histogram' : 'scenario.mc.histogramUnjudged', { year: result.histogram.year }), totalTarget?.threshold ?? null)
        : null,
    [result, locale, t, totalTarget],
  );
  const percent = state.status === 'running' || state.status === 'cancelled' ? Math.round((100 * state.done) / Math.max(1, state.total)) : state.status === 'done' ? 100 : 0;
  return (
    <section className="panel" data-testid="mc-panel">
      <h3>{t('scenario.mc.title')}</h3>
      {scenario && onEdit && <PersistenceControl scenario={scenario} onEdit={onEdit} />}
      <div className="toolbar">
        <label>
          {t('scenario.mc.draws')}{' '}
          <select value={draws} onChange={(e) => setDraws(Number(e.target.value))} data-testid="mc-draws">
            {drawChoices.map((n) => (
              <option key={n} value={n}>
                {formatPlain(n, locale, 0, true)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scenario.mc.seed')} <input className="seed" value={seed} onChange={(e) => setSeed(e.target.value)} aria-invalid={!seedOk} />
        </label>
        <button type="button" disabled={!scenario || !seedOk || state.status === 'running'} onClick={() => scenario && mc.start(scenario, draws, seedValue)}>
          {t('scenario.mc.run')}
        </button>
        {state.status === 'running' && (
          <button type="button" onClick={mc.cancel}>
            {t('common.cancel')}
          </button>
        )}
        <progress max={100} value={percent} aria-label={t('scenario.mc.progress')} />
        <span className="muted" data-testid="mc-status" data-state={state.status}>
          {state.status === 'running'
            ? t('scenario.mc.running', { done: formatPlain(state.done, locale, 0, true), total: formatPlain(state.total, locale, 0, true) })
            : state.status === 'cancelled'
              ? t('scenario.mc.cancelled', { done: formatPlain(state.done, locale, 0, true), total: formatPlain(state.total, locale, 0, true) })
              : state.status === 'done'
                ? t('scenario.mc.done', { draws: formatPlain(state.result.draws, locale, 0, true), seed: state.result.seed, ms: formatPlain(state.ms, locale, 0) })
                : state.status === 'error'
                  ? t(state.code, state.params)
                  : t('scenario.mc.idle')}
        </span>
      </div>
      {!scenario && <p className="muted">{t('scenario.mc.needsValid')}</p>}
      {result && (
        <>
          <p className="mc-persistence-used" data-testid="mc-persistence-used">
            {persistenceUsed(result, drivers, t, locale)}
          </p>
          <table className="outcomes" data-testid="mc-probabilities">
            <thead>
              <tr>
                <th>{t('col.target')}</th>
                <th>{t('scenario.year')}</th>
                <th>{t('scenario.mc.probability')}</th>
              </tr>
            </thead>
            <tbody>
              {result.targets.map((x) => {
                const elsewhere = judgedElsewhere(x.id, measure, plan);
                return (
                  <tr key={x.id} className={elsewhere ? 'other-measure' : undefined} data-target={x.id}>
                    <td>{locale === 'en' && x.labelEn ? x.labelEn : x.label}</td>
                    <td>{x.year}</td>
                    <td>{elsewhere ? t('scenario.otherMeasureVerdict', { measure: measureLabel(plan, elsewhere, locale) }) : formatPercent(x.probability * 100, locale, 1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="chart-grid">
            {fan && <ChartCard plan={fan} scenarioIds={scenarioId === null ? [] : [scenarioId]} />}
            {histogram && <EChart option={histogram} height={320} testId="chart-histogram" />}
          </div>
        </>
      )}
    </section>
  );
}
