import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../shared/api/contract';
import type { ScenarioSummary } from '../../../shared/api/scenarios-contract';
import { formatPercent, formatYi } from '../../../shared/format/number';
import { useApp } from '../app-context';
import { EChart } from '../components/EChart';
import { scenarioChartOptions } from './scenario-charts';

type RunResult = Output<'scenarios.run'>;

/** Scenario list and, for the one picked, its projection against the plan targets. */
export function ScenariosPage() {
  const { client, locale, t, describeError } = useApp();
  const [list, setList] = useState<ScenarioSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [run, setRun] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('scenarios.list', {}).then(
      (scenarios) => {
        setList(scenarios);
        setSelected((current) => current ?? scenarios[0]?.id ?? null);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, describeError]);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    client.call('scenarios.run', { id: selected, locale }).then(
      (result) => live && setRun(result),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, selected, locale, describeError]);

  const current = list.find((s) => s.id === selected);
  const charts = useMemo(
    () => (run ? scenarioChartOptions(run.projection, locale, { level: t('scenario.levelChart'), share: t('scenario.shareChart') }) : null),
    [run, locale, t],
  );

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('page.scenarios.title')}</h1>
        <p className="muted">{t('scenario.intro')}</p>
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="scenario-layout">
        <ul className="scenario-list" aria-label={t('scenario.list')}>
          {list.map((s) => (
            <li key={s.id}>
              <button type="button" className={s.id === selected ? 'active' : undefined} onClick={() => setSelected(s.id)}>
                {s.name} <span className="muted">v{s.version}</span>
              </button>
            </li>
          ))}
        </ul>
        {run && charts && current && (
          <div className="scenario-result">
            <p className="summary" data-testid="scenario-summary">{run.summary}</p>
            <table className="outcomes" data-testid="scenario-targets">
              <thead>
                <tr>
                  <th>{t('col.target')}</th>
                  <th>{t('scenario.year')}</th>
                  <th>{t('scenario.projected')}</th>
                  <th>{t('scenario.verdict')}</th>
                  <th>{t('scenario.firstMet')}</th>
                  <th>{t('scenario.required')}</th>
                </tr>
              </thead>
              <tbody>
                {run.projection.targets.map((x) => (
                  <tr key={x.id} className={x.met ? 'met' : 'missed'}>
                    <td>{locale === 'en' && x.labelEn ? x.labelEn : x.label}</td>
                    <td>{x.year}</td>
                    <td>{x.unit === '%' ? formatPercent(x.value, locale) : formatYi(x.value, locale)}</td>
                    <td>{x.met ? t('scenario.met') : t('scenario.notMet')}</td>
                    <td>{x.firstYearMet ?? '—'}</td>
                    <td>{formatPercent(x.requiredGrowth, locale, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="chart-pair">
              <div>
                <EChart option={charts.level} height={380} testId="chart-level" />
              </div>
              <div>
                <EChart option={charts.share} height={380} testId="chart-share" />
              </div>
            </div>
            <details className="basis">
              <summary>{t('scenario.basis')}</summary>
              <p>{current.basis}</p>
            </details>
          </div>
        )}
      </div>
    </section>
  );
}
