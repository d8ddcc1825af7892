import { useCallback, useMemo, useState } from 'react';
import type { ScenarioEvidence } from '../../../../shared/api/scenarios-contract';
import { EngineError, gapBound, requiredBound, sensitivity, summarize, targetVerdict, type BacktestResult, type ScenarioBases } from '../../../../shared/engine';
import { projectionBound } from '../../../../shared/engine/backtest';
import { formatPercent, formatPlain } from '../../../../shared/format/number';
import { baseWriter, pageWriter, writeValue, type PageStyle } from '../../../../shared/format/scenario-units';
import { baseNote, verdictText } from '../../../../shared/i18n/scenario-base-text';
import { driverName } from '../../../../shared/i18n/scenario-names';
import { boundSign } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';
import { resultCharts, tornadoChart } from '../scenario-charts';
import { ChartCard } from './ChartCard';
import { GoalSeekPanel } from './GoalSeekPanel';
import { ImportanceChart } from './ImportanceChart';
import type { LiveResult } from './live-model';
import type { LookedUp } from './looked-up';
import { LookedUpBases } from './LookedUpBases';
import { MonteCarloPanel } from './MonteCarloPanel';
import type { DraftEdit } from './PersistenceControl';
import { judgedElsewhere, judgedHere, measureLabel, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';

const flagKey = { 'above-100': 'scenario.share.above100', 'gdp-not-positive': 'scenario.share.gdpNotPositive' } as const;

/**
 * What the edited scenario gives: the summary, each target's outcome, the charts, tornado and importance,
 * goal seek and Monte Carlo. A target judged on another measure than the scenario's gets its projection and no verdict.
 */
export function ResultsPanel({
  live,
  bases,
  lookedUp,
  evidence,
  scenarioId,
  backtest,
  plan,
  style,
  onEdit,
}: {
  live: LiveResult;
  /** What the bases are as figures of the workspace (a lower bound, a derived value). */
  bases: ScenarioBases;
  /** The bases taken from the workspace's published figures ({indicator, region}), with those figures. */
  lookedUp: readonly LookedUp[];
  /** The plan targets on the scenario's measure in its years and their published figures, for its charts. */
  evidence: ScenarioEvidence | null;
  scenarioId: number | null;
  backtest: BacktestResult | null;
  plan: PlanMeasures;
  /** The page's one decision per unit (use-page-style.ts), for every number below and every chart. */
  style: PageStyle;
  onEdit?: DraftEdit;
}) {
  const { locale, t } = useApp();
  const p = live.projection;
  const ids = scenarioId === null ? [] : [scenarioId];
  const [output, setOutput] = useState<'total' | 'share'>('share');
  const tornadoYear = p ? (p.targets.find((x) => x.unit === (output === 'share' ? '%' : '亿元'))?.year ?? p.horizon) : 0;
  const measure = live.resolved?.measure ?? null;
  const charts = useMemo(() => (p ? resultCharts(p, locale, backtest, { measure, plan, evidence }, bases) : []), [p, locale, backtest, measure, plan, evidence, bases]);
  const nameOfDriver = useCallback((d: { id: string }) => driverName(d.id, live.resolved?.components ?? [], locale), [live.resolved, locale]);
  const tornado = useMemo(() => {
    if (!live.resolved) return null;
    try {
      const unitOf = (driver: string) => t(`scenario.unit.${live.drivers.find((d) => d.id === driver)?.unit ?? ''}`);
      return tornadoChart(sensitivity(live.resolved, { output: { metric: output, year: tornadoYear } }), locale, unitOf, (id) => driverName(id, live.resolved!.components, locale));
    } catch (error) {
      if (error instanceof EngineError) return null;
      throw error;
    }
  }, [live.resolved, live.drivers, output, tornadoYear, locale, t]);
  // The summary's verdicts are those of the targets on the scenario's measure; the table lists the
  // others' projections. A projection from a bounded base is written as the bound it is.
  const summary = useMemo(() => (p ? summarize({ ...judgedHere(p, measure, plan), bases }, locale, { write: pageWriter(style) }) : ''), [p, measure, plan, bases, locale, style]);
  if (!p || !live.resolved) return null;
  // Said once: the projections rest on a bound or a derived value, in the words of the scenario chart's footer.
  const note = baseNote(locale === 'en' && p.scenario.nameEn ? p.scenario.nameEn : p.scenario.name, bases, locale, baseWriter(style));
  // Years whose share cannot be read as one (GDP at 0, or above 100%): said, not printed as numbers.
  const flagged = p.years.flatMap((year, i) => {
    const flag = p.share.flags[i];
    return flag ? [{ year, flag }] : [];
  });
  return (
    <div className="results" data-testid="scenario-results">
      <p className="summary" data-testid="scenario-summary">
        {summary}
      </p>
      {note && (
        <p className="warning base-note" role="note" data-testid="scenario-base-note">
          {note}
        </p>
      )}
      <LookedUpBases lookedUp={lookedUp} scenario={live.resolved} plan={plan} style={style} />
      <p className="muted timing" data-testid="recompute-ms">
        {t('scenario.recomputed', { ms: formatPlain(live.ms, locale, 2) })}
      </p>
      <table className="outcomes" data-testid="scenario-targets">
        <thead>
          <tr>
            <th>{t('col.target')}</th>
            <th>{t('scenario.year')}</th>
            <th>{t('scenario.projected')}</th>
            <th>{t('scenario.verdict')}</th>
            <th>{t('scenario.gap')}</th>
            <th>{t('scenario.firstMet')}</th>
            <th>{t('scenario.required')}</th>
          </tr>
        </thead>
        <tbody>
          {p.targets.map((x) => {
            const elsewhere = judgedElsewhere(x, measure, plan);
            const bound = projectionBound(x.kind, bases);
            const verdict = targetVerdict(x, bases);
            return (
              <tr key={x.id} className={elsewhere ? 'other-measure' : verdict === 'yes' ? 'met' : verdict === 'no' ? 'missed' : 'open'} data-target={x.id}>
                <td>{locale === 'en' && x.labelEn ? x.labelEn : x.label}</td>
                <td>{x.year}</td>
                <td className={x.flag ? 'missed-cell' : undefined}>
                  {x.flag ? t(flagKey[x.flag]) : writeValue(style, x.value, x.unit, bound)}
                </td>
                {elsewhere ? (
                  <>
                    <td data-testid="target-other-measure">{t('scenario.otherMeasureVerdict', { measure: measureLabel(plan, elsewhere, locale) })}</td>
                    <td>—</td>
                    <td>—</td>
                    <td>—</td>
                  </>
                ) : (
                  <>
                    <td data-testid="target-verdict" data-verdict={verdict}>
                      {verdictText(verdict, x.kind, bases, locale)}
                    </td>
                    <td data-testid="target-gap">
                      {x.flag
                        ? '—'
                        : t(x.met ? 'scenario.gap.spare' : 'scenario.gap.short', {
                            value: writeValue(style, Math.abs(x.gap), x.unit === '%' ? '百分点' : '亿元', gapBound(bound, x.met)),
                          })}
                    </td>
                    <td>{x.firstYearMet ?? '—'}</td>
                    <td>{x.flag || x.requiredGrowth === null ? '—' : `${boundSign(requiredBound(bound))}${formatPercent(x.requiredGrowth, locale, 2)}`}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {flagged.length > 0 && (
        <p className="error" role="note" data-testid="share-flags">
          {t('scenario.share.flagNote', {
            years: flagged.map((f) => f.year).join(locale === 'zh' ? '、' : ', '),
            what: [...new Set(flagged.map((f) => t(flagKey[f.flag])))].join(locale === 'zh' ? '或' : ' or '),
          })}
        </p>
      )}
      <div className="chart-grid">
        {charts.map((plan) => (
          <ChartCard key={plan.id} plan={plan} scenarioIds={ids} units={style.units} />
        ))}
      </div>
      <section className="panel">
        <div className="toolbar">
          <h3>{t('scenario.tornado.title')}</h3>
          <label>
            {t('scenario.tornado.output')}{' '}
            <select value={output} onChange={(e) => setOutput(e.target.value as 'total' | 'share')} data-testid="tornado-output">
              <option value="share">{t('scenario.tornado.share', { year: tornadoYear })}</option>
              <option value="total">{t('scenario.tornado.total', { year: tornadoYear })}</option>
            </select>
          </label>
        </div>
        <div className="chart-grid">
          {tornado && <ChartCard plan={tornado} scenarioIds={ids} height={300} units={style.units} />}
          <ImportanceChart
            scenario={live.resolved}
            output={output}
            year={tornadoYear}
            what={t(output === 'share' ? 'scenario.chart.shareIn' : 'scenario.chart.totalIn', { year: tornadoYear })}
          />
        </div>
      </section>
      <GoalSeekPanel key={scenarioId ?? 'new'} scenario={live.resolved} drivers={live.drivers} plan={plan} bases={bases} amount={baseWriter(style)} driverName={nameOfDriver} />
      <MonteCarloPanel
        key={`mc-${scenarioId ?? 'new'}`}
        scenario={live.resolved}
        projection={p}
        scenarioId={scenarioId}
        backtest={backtest}
        plan={plan}
        evidence={evidence}
        style={style}
        bases={bases}
        drivers={live.drivers}
        onEdit={onEdit}
      />
    </div>
  );
}
