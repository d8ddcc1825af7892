import { useState } from 'react';
import { EngineError, goalSeek, goalSeekJoint, type DriverInfo, type GoalSeekResult, type JointGoalSeekResult, type ResolvedScenario, type ScenarioBases } from '../../../../shared/engine';
import { goalSeekErrorSentence, goalSeekSentence, type GoalNames } from '../../../../shared/i18n/goal-seek-text';
import type { Bound } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';
import { measureLabel, offeredTargets, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';

type Outcome = { ok: true; result: GoalSeekResult | JointGoalSeekResult } | { ok: false; code: string; params: Record<string, string | number | null> };

/**
 * Goal seek on the scenario as edited: pick one or more targets and a driver; the engine scans the
 * driver's range and bisects for the value nearest the current one that just meets them (jointly,
 * naming the binding one), or says why none does, with names rather than ids. Runs in the renderer,
 * so it answers for unsaved edits too. Only targets judged on the scenario's measure are offered: a
 * value solved for on another measure says nothing of a plan target the monitor judges on its own
 * (基准, on the city's earlier measure, is not asked what would meet A1 万亿级规模); a note says which
 * are left out and why.
 */
export function GoalSeekPanel({
  scenario,
  drivers,
  plan,
  bases,
  amount,
  driverName,
}: {
  scenario: ResolvedScenario;
  drivers: DriverInfo[];
  plan: PlanMeasures;
  bases: ScenarioBases;
  /** How the page writes the base's amount (its one decision per unit). */
  amount: (value: number, bound: Bound) => string;
  driverName: (d: DriverInfo) => string;
}) {
  const { locale, t } = useApp();
  const measure = scenario.measure ?? null;
  const { offered, absent } = offeredTargets(scenario.targets, measure, plan);
  const [targets, setTargets] = useState<string[]>(() => offered.filter((x) => x.year === offered[0]?.year).map((x) => x.id));
  const [driver, setDriver] = useState('uplift');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const label = (id: string) => {
    const x = scenario.targets.find((target) => target.id === id);
    return x ? (locale === 'en' && x.labelEn ? x.labelEn : x.label) : id;
  };
  const driverLabel = driverName;
  // The targets ticked, in the scenario's order.
  const chosen = offered.filter((x) => targets.includes(x.id)).map((x) => x.id);
  const solve = () => {
    try {
      const result = chosen.length === 1 ? goalSeek(scenario, { targetId: chosen[0]!, driver }) : goalSeekJoint(scenario, { targetIds: chosen, driver });
      setOutcome({ ok: true, result });
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      setOutcome({ ok: false, code: `engine.${error.code}`, params: error.params });
    }
  };
  const names: GoalNames = { target: label, driver: (id) => driverLabel(drivers.find((d) => d.id === id) ?? { id, label: id } as DriverInfo) };
  const join = locale === 'zh' ? '、' : ', ';
  const quoted = (id: string) => `“${label(id)}”`;
  return (
    <section className="panel" data-testid="goal-seek">
      <h3>{t('scenario.goal.title')}</h3>
      <div className="toolbar wrap">
        <span>{t('scenario.goal.targets')}</span>
        {offered.length === 0 && <span className="muted">{t('scenario.goal.none')}</span>}
        {offered.map((x) => (
          <label key={x.id} className="check">
            <input
              type="checkbox"
              checked={targets.includes(x.id)}
              onChange={(e) => setTargets((cur) => (e.target.checked ? [...cur, x.id] : cur.filter((id) => id !== x.id)))}
            />
            {locale === 'zh' ? `${label(x.id)}（${x.year}）` : `${label(x.id)} (${x.year})`}
          </label>
        ))}
        <label>
          {t('scenario.goal.driver')}{' '}
          <select value={driver} onChange={(e) => setDriver(e.target.value)} data-testid="goal-driver">
            {drivers.map((d) => (
              <option key={d.id} value={d.id}>
                {driverLabel(d)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={chosen.length === 0} onClick={solve}>
          {t('scenario.goal.solve')}
        </button>
      </div>
      {absent.length > 0 && (
        <p className="muted goal-absent" data-testid="goal-absent">
          {t(measure === null ? 'scenario.goal.elsewhereNoMeasure' : 'scenario.goal.elsewhere', {
            targets: absent.map((x) => quoted(x.target.id)).join(join),
            measure: [...new Set(absent.map((x) => x.judged))].map((code) => measureLabel(plan, code, locale)).join(join),
            own: measure === null ? '' : measureLabel(plan, measure, locale),
          })}
        </p>
      )}
      {outcome && (
        <p className={outcome.ok ? 'goal-answer' : 'error'} data-testid="goal-answer" role={outcome.ok ? undefined : 'alert'}>
          {outcome.ok ? goalSeekSentence(outcome.result, locale, names, bases, amount) : goalSeekErrorSentence(outcome.code, outcome.params, locale, names)}
        </p>
      )}
    </section>
  );
}
