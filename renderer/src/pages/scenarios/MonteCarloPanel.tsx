import { useMemo, useState } from 'react';
import type { ScenarioEvidence } from '../../../../shared/api/scenarios-contract';
import { probabilityBound, requiredBound, type BacktestResult, type DriverInfo, type MonteCarloResult, type ProjectionResult, type ResolvedScenario, type ScenarioBases, type Target } from '../../../../shared/engine';
import { formatPercent, formatPlain, type Locale } from '../../../../shared/format/number';
import { writeValue, type PageStyle } from '../../../../shared/format/scenario-units';
import { boundSign } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';
import { EChart } from '../../components/EChart';
import { fanChart } from '../scenario-charts';
import { ChartCard } from './ChartCard';
import { firstYearOption, histogramOption, metByOption, type MarkedTarget } from './mc-charts';
import { PersistenceControl, persistenceUsed, type DraftEdit } from './PersistenceControl';
import { judgedElsewhere, measureLabel, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';
import { useMonteCarlo } from './use-monte-carlo';

const drawChoices = [10_000, 100_000, 1_000_000] as const;

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A standard error in percentage points, to the digit that still says something (0.38 → 0.4, 0.012 → 0.01). */
function standardError(se: number, locale: Locale, t: Translate): string {
  const pp = se * 100;
  return t('scenario.points', { value: formatPlain(pp, locale, pp > 0 && pp < 0.1 ? 2 : 1) });
}

/** A target's threshold with its comparator, in the page's style: ≥1.00万亿元, >50.0%. */
function thresholdText(x: Target, style: PageStyle): string {
  return `${x.comparator === '>' ? '>' : '≥'}${writeValue(style, x.value, x.kind === 'share' ? '%' : '亿元')}`;
}

/** The drivers' correlations a run used, by name: the matrix's pairs, the common shock, or neither. */
function correlationsUsed(result: MonteCarloResult, name: (id: string) => string, t: Translate, locale: Locale): string {
  if (result.correlations) {
    const { drivers: ids, matrix } = result.correlations;
    const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b, d) => `${name(a)}—${name(b)} ${formatPlain(matrix[i]![i + 1 + d]!, locale, 2)}`));
    return t('scenario.mc.correlations', { pairs: pairs.join(locale === 'zh' ? '；' : '; ') });
  }
  if (result.commonShockWeight > 0) return t('scenario.mc.commonShock', { weight: formatPlain(result.commonShockWeight, locale, 2) });
  return t('scenario.mc.independent');
}

/**
 * Monte Carlo in a Web Worker: the persistence and sampling of the draws (editing the draft), draws and
 * seed, progress with cancel; then what the run used, each target's probability with its standard
 * error, the fan, the probability of having met each target by every year, and for a target picked
 * the distribution of its quantity (its threshold marked) and of the first year it is met. A target
 * judged on another measure than the scenario's gets no probability and no chart.
 */
export function MonteCarloPanel({
  scenario,
  projection,
  scenarioId,
  backtest,
  plan,
  evidence,
  style,
  bases,
  drivers = [],
  onEdit,
}: {
  scenario: ResolvedScenario | null;
  projection: ProjectionResult | null;
  scenarioId: number | null;
  backtest: BacktestResult | null;
  plan: PlanMeasures;
  /** The plan targets on the scenario's measure and their published figures, drawn on the fan as on the scenario's other charts. */
  evidence: ScenarioEvidence | null;
  /** The page's decision per unit (use-page-style.ts): the thresholds and the fan's labels follow it. */
  style: PageStyle;
  /** What the bases are as figures: from a lower-bound base every draw is a lower bound, and so is each probability. */
  bases: ScenarioBases;
  drivers?: readonly DriverInfo[];
  onEdit?: DraftEdit;
}) {
  const { locale, t } = useApp();
  const mc = useMonteCarlo();
  const [draws, setDraws] = useState<number>(100_000);
  const [seed, setSeed] = useState('1');
  const [picked, setPicked] = useState<string | null>(null);
  const seedValue = Number(seed);
  const seedOk = Number.isInteger(seedValue) && seedValue >= 0 && seedValue <= 0xffffffff;
  const state = mc.state;
  const done = state.status === 'done' ? state : null;
  const result = done?.result ?? null;
  const measure = scenario?.measure ?? null;
  const label = (x: { label: string; labelEn?: string | null }) => (locale === 'en' && x.labelEn ? x.labelEn : x.label);
  const driverName = (id: string) => (id === 'gdp' || id === 'uplift' ? t(`scenario.driver.${id}`) : (drivers.find((d) => d.id === id)?.label ?? id));

  // The run's own targets (the draft may have changed since): those judged on the scenario's measure, with their thresholds.
  const judged = useMemo(() => {
    if (!done) return [];
    const own = done.scenario.measure ?? null;
    return done.scenario.targets.flatMap((x: Target) => {
      const k = done.result.targets.findIndex((r) => r.id === x.id);
      if (k < 0 || judgedElsewhere(x, own, plan) !== null) return [];
      const marked: MarkedTarget = { label: locale === 'en' && x.labelEn ? x.labelEn : x.label, threshold: x.value, comparator: x.comparator, year: x.year };
      return [{ target: x, marked, probability: done.result.targets[k]!, histogram: done.result.targetHistograms?.[k] ?? null }];
    });
  }, [done, plan, locale]);
  const chosen = judged.find((x) => x.target.id === picked) ?? judged[0] ?? null;
  // From a bounded base every draw is a bound, so a probability of meeting a "≥" target is one too (≥62.0%).
  const kindOf = (id: string) => done?.scenario.targets.find((x) => x.id === id)?.kind ?? 'total';
  const probabilityText = (p: number, kind: Target['kind']) => `${boundSign(probabilityBound(kind, bases))}${formatPercent(p * 100, locale, 1)}`;
  const boundedChance = judged.map((x) => probabilityBound(x.target.kind, bases)).find((b) => b !== 'exact') ?? null;

  const fan = useMemo(
    () => (result && projection ? fanChart(result, projection, locale, backtest, { measure, plan, evidence }) : null),
    [result, projection, locale, backtest, measure, plan, evidence],
  );
  const metBy = useMemo(() => (result && judged.length ? metByOption(result.years, judged.map((x) => ({ ...x.marked, metBy: x.probability.metBy })), locale) : null), [result, judged, locale]);
  const quantity = (x: Target) =>
    x.kind === 'share' ? t('scenario.metric.share') : x.kind === 'total' ? t('scenario.metric.total') : (done?.scenario.components.find((c) => c.id === x.componentId)?.name ?? x.componentId);
  const histogram = useMemo(() => {
    if (!result) return null;
    if (chosen?.histogram) {
      return histogramOption(chosen.histogram, result.draws, chosen.histogram.unit, locale, chosen.marked, t('scenario.mc.targetMark', { value: thresholdText(chosen.target, style) }));
    }
    return histogramOption(result.histogram, result.draws, '亿元', locale, null, '');
  }, [result, chosen, locale, t, style]);
  const firstYear = useMemo(
    () => (result && chosen ? firstYearOption(result.years, chosen.marked, chosen.probability.firstYear, result.draws, t('scenario.mc.neverLabel', { horizon: result.years.at(-1)! }), locale) : null),
    [result, chosen, locale, t],
  );

  const percent = state.status === 'running' || state.status === 'cancelled' ? Math.round((100 * state.done) / Math.max(1, state.total)) : state.status === 'done' ? 100 : 0;
  const horizon = result?.years.at(-1) ?? 0;
  return (
    <section className="panel" data-testid="mc-panel">
      <h3>{t('scenario.mc.title')}</h3>
      {scenario && onEdit && <PersistenceControl scenario={scenario} onEdit={onEdit} />}
      <div className="toolbar wrap">
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
          <ul className="mc-used">
            <li className="mc-persistence-used" data-testid="mc-persistence-used">
              {persistenceUsed(result, drivers, t, locale)}
            </li>
            <li data-testid="mc-sampling-used">{t(`scenario.mc.sampling.${result.sampling}`)}</li>
            <li data-testid="mc-correlations-used">{correlationsUsed(result, driverName, t, locale)}</li>
          </ul>
          <table className="outcomes" data-testid="mc-probabilities">
            <thead>
              <tr>
                <th>{t('col.target')}</th>
                <th>{t('scenario.year')}</th>
                <th>{t('scenario.mc.probability')}</th>
                <th>{t('scenario.mc.standardError')}</th>
              </tr>
            </thead>
            <tbody>
              {result.targets.map((x) => {
                // The run's definition of the target (its kind and threshold) says which goal it states.
                const elsewhere = judgedElsewhere(done!.scenario.targets.find((d) => d.id === x.id) ?? x, done!.scenario.measure ?? null, plan);
                return (
                  <tr key={x.id} className={elsewhere ? 'other-measure' : undefined} data-target={x.id}>
                    <td>{label(x)}</td>
                    <td>{x.year}</td>
                    {elsewhere ? (
                      <td colSpan={2}>{t('scenario.otherMeasureVerdict', { measure: measureLabel(plan, elsewhere, locale) })}</td>
                    ) : (
                      <>
                        <td data-testid="mc-probability">{probabilityText(x.probability, kindOf(x.id))}</td>
                        <td data-testid="mc-standard-error">{(result.sampling === 'lhs' ? '≤' : '±') + standardError(x.standardError, locale, t)}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {boundedChance && (
            <p className="muted mc-note" data-testid="mc-bound-note">
              {t(`scenario.mc.boundNote.${boundedChance}`)}
            </p>
          )}
          <p className="muted mc-note" data-testid="mc-se-note">
            {t(result.sampling === 'lhs' ? 'scenario.mc.seNoteLhs' : 'scenario.mc.seNote', { draws: formatPlain(result.draws, locale, 0, true) })}
          </p>
          <div className="chart-grid">
            {fan && <ChartCard plan={fan} scenarioIds={scenarioId === null ? [] : [scenarioId]} units={style.units} />}
            {metBy && (
              <figure className="chart-card mc-chart" data-testid="chart-met-by">
                <figcaption className="mc-chart-title">{t('scenario.mc.metByTitle', { draws: formatPlain(result.draws, locale, 0, true) })}</figcaption>
                <EChart option={metBy} height={290} />
                <figcaption className="muted mc-chart-note">{t('scenario.mc.metByNote')}</figcaption>
              </figure>
            )}
          </div>
          {judged.length === 0 && <p className="muted" data-testid="mc-no-judged">{t('scenario.mc.noJudged')}</p>}
          {chosen && judged.length > 1 && (
            <label className="mc-pick">
              {t('scenario.mc.pickTarget')}{' '}
              <select value={chosen.target.id} onChange={(e) => setPicked(e.target.value)} data-testid="mc-target">
                {judged.map((x) => (
                  <option key={x.target.id} value={x.target.id}>
                    {t('scenario.mc.targetOption', { label: x.marked.label, year: x.target.year })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="chart-grid">
            {histogram && (
              <figure className="chart-card mc-chart" data-testid="chart-histogram">
                <figcaption className="mc-chart-title">
                  {chosen?.histogram
                    ? t('scenario.mc.targetHistogram', { year: chosen.target.year, what: quantity(chosen.target) })
                    : t('scenario.mc.histogramUnjudged', { year: result.histogram.year })}
                </figcaption>
                <EChart option={histogram} height={290} />
                {chosen?.histogram && (
                  <figcaption className="muted mc-chart-note">{t('scenario.mc.targetHistogramNote', { label: chosen.marked.label, value: thresholdText(chosen.target, style) })}</figcaption>
                )}
              </figure>
            )}
            {firstYear && chosen && (
              <figure className="chart-card mc-chart" data-testid="chart-first-year">
                <figcaption className="mc-chart-title">{t('scenario.mc.firstYearTitle', { label: chosen.marked.label })}</figcaption>
                <EChart option={firstYear} height={290} />
                <figcaption className="muted mc-chart-note" data-testid="mc-never">
                  {t('scenario.mc.firstYearNote', {
                    year: chosen.target.year,
                    horizon,
                    // Never meeting it is bounded the other way from meeting it (≤ from a lower-bound base).
                    never: `${boundSign(requiredBound(probabilityBound(chosen.target.kind, bases)))}${formatPercent((chosen.probability.firstYear.never / result.draws) * 100, locale, 1)}`,
                  })}
                </figcaption>
              </figure>
            )}
          </div>
        </>
      )}
    </section>
  );
}
