import type { EChartsCoreOption } from 'echarts';
import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../shared/api/contract';
import type { ScenarioSummary } from '../../../shared/api/scenarios-contract';
import type { ProjectionResult } from '../../../shared/engine';
import { formatPercent, formatYi, type Locale } from '../../../shared/format/number';
import { useApp } from '../app-context';
import { EChart } from '../components/EChart';

type RunResult = Output<'scenarios.run'>;

function trajectoryOption(p: ProjectionResult, locale: Locale, t: (k: string) => string): EChartsCoreOption {
  const levelTargets = p.targets.filter((x) => x.unit === '亿元' && x.kind === 'total');
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatYi(Number(v), locale) },
    legend: { top: 0 },
    grid: { left: 70, right: 24, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: p.years.map(String) },
    yAxis: { type: 'value', name: locale === 'zh' ? '亿元' : '100m yuan', axisLabel: { formatter: (v: number) => String(v) } },
    series: [
      {
        name: t('scenario.total'),
        type: 'line',
        data: p.total.values,
        lineStyle: { type: 'dashed', width: 2 },
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', position: 'insideEndTop' },
          data: levelTargets.map((x) => ({ name: `${x.label} ${formatYi(x.threshold, locale)}`, yAxis: x.threshold })),
        },
      },
    ],
  };
}

function shareOption(p: ProjectionResult, locale: Locale, t: (k: string) => string): EChartsCoreOption {
  const shareTargets = p.targets.filter((x) => x.kind === 'share');
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatPercent(Number(v), locale) },
    legend: { top: 0 },
    grid: { left: 50, right: 24, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: p.years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('scenario.share'),
        type: 'line',
        data: p.share.values.map((v) => Number(v.toFixed(2))),
        lineStyle: { type: 'dashed', width: 2 },
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', position: 'insideEndTop' },
          data: shareTargets.map((x) => ({ name: `${x.year}: ${formatPercent(x.threshold, locale)}`, yAxis: x.threshold })),
        },
      },
    ],
  };
}

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
  const charts = useMemo(() => (run ? { level: trajectoryOption(run.projection, locale, t), share: shareOption(run.projection, locale, t) } : null), [run, locale, t]);

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
                <h3>{t('scenario.levelChart')}</h3>
                <EChart option={charts.level} testId="chart-level" />
              </div>
              <div>
                <h3>{t('scenario.shareChart')}</h3>
                <EChart option={charts.share} testId="chart-share" />
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
