import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { MonitorRow, Plan } from '../../../../shared/api/targets-contract';
import { formatWithUnit, type Locale } from '../../../../shared/format/number';
import { sourceInLocale } from '../../../../shared/format/source-text';
import { seedLabel } from '../../../../shared/i18n/seed-labels';
import { goalValueText } from '../../../../shared/monitor/goal';
import { tagsMeasure } from '../../../../shared/monitor/measure-tag';
import { boundSign } from '../../../../shared/series/bound';
import { isJudged, targetStatuses, type TargetStatus } from '../../../../shared/monitor/status';
import { ruleParamsText } from '../../../../shared/monitor/rule-text';
import { useApp } from '../../app-context';
import { saveFile } from '../../download';
import { MonitorSettingsPanel } from './MonitorSettingsPanel';
import { byMeasureText, latestText, measureLabel, ruleText, useMeasures } from './monitor-text';
import { TargetDetail } from './TargetDetail';
import { PlanForm, TargetForm } from './TargetForms';
import { monitorChartSpec } from './monitor-chart';
import { DateField } from '../../components/DateField';
import { scenarioBasisText } from '../../../../shared/overview/scenario-basis';

type Monitor = Output<'targets.monitor'>;

/** The goal with its sign (an approximate one as ≈296亿元) and deadline. */
export function goalText(row: MonitorRow['target'], locale: 'zh' | 'en', t: (key: string) => string): string {
  const goal = goalValueText(row, locale);
  if (goal === null) return t('targets.comparator.qualitative');
  const by = row.deadline === null ? '' : locale === 'zh' ? `（${row.deadline}年）` : ` by ${row.deadline}`;
  return `${goal}${by}`;
}

function StatusChip({ status, fact }: { status: TargetStatus; fact: boolean }) {
  const { t } = useApp();
  if (fact) return <span className="status-chip status-fact">{t('monitor.fact')}</span>;
  return <span className={`status-chip status-${status}`}>{t(`monitor.status.${status}`)}</span>;
}

/** Where the latest actual comes from, compactly, in the page's language: its release (label or date), else its source. */
function releaseTag(row: MonitorRow, locale: Locale): string {
  const latest = row.actuals.at(-1);
  if (!latest || !row.latest || latest.year !== row.latest.year) return '';
  return seedLabel(latest.releaseLabel, locale) || latest.released || sourceInLocale(latest.source, locale);
}

/**
 * Progress = latest ÷ target: a bounded latest short of the target gives a bounded progress (≥60%);
 * a lower bound at or past the target (≥1万亿元 against 1万亿元) says the target is reached, not "≥100%",
 * and so does an approximate figure that meets its target at 100% (≈296亿元 against 约296亿元): there
 * "≈100%" only restates that the two numbers are the same. Past the target (≈12 of 10) the ratio still
 * says by how much: ≈120%.
 */
function ProgressBar({ row }: { row: MonitorRow }) {
  const { locale, t } = useApp();
  const { progress, latest, target } = row;
  if (progress === null) return <span className="muted">—</span>;
  const bound = latest?.bound ?? 'exact';
  const pct = Math.round(progress * 100);
  const reached = (bound === 'lower' || (bound === 'approx' && pct === 100)) && progress >= 1 && latest !== null && target.value !== null;
  const text = reached ? t('targets.progress.boundMet') : `${boundSign(bound)}${pct}%`;
  const hint = bound === 'approx' ? 'targets.progress.approxMetHint' : 'targets.progress.boundMetHint';
  const title = reached ? t(hint, { value: formatWithUnit(latest.value, target.unit, locale), target: formatWithUnit(target.value, target.unit, locale) }) : text;
  return (
    <span className="progress-cell" title={title} data-testid="row-progress">
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${Math.min(100, Math.max(0, pct))}%` }} />
      </span>
      <span className="progress-pct">{text}</span>
    </span>
  );
}

/**
 * A plan card's line: its counts by status (facts the plan reports listed apart, never counted), or,
 * as the data stood before the plan was issued, when it was issued.
 */
function KpiSummary({ monitor, plan }: { monitor: Monitor; plan: string }) {
  const { locale, t } = useApp();
  const rows = monitor.rows.filter((r) => r.target.plan === plan);
  const unissued = rows.find((r) => r.rule === 'monitor.rule.planNotYetIssued');
  if (unissued) {
    return (
      <span className="kpi-counts kpi-unissued" data-testid="kpi-unissued">
        {t('targets.kpi.notYetIssued', ruleParamsText(unissued.ruleParams, '', locale))}
      </span>
    );
  }
  const facts = rows.filter((r) => r.rule === 'monitor.rule.fact').length;
  return (
    <span className="kpi-counts">
      <span className="kpi-total">{t('targets.kpi.judged', { n: rows.length - facts })}</span>
      {targetStatuses.map((s) => {
        const n = monitor.counts.find((c) => c.plan === plan && c.status === s)?.n ?? 0;
        return n > 0 ? (
          <span key={s} className={`status-chip status-${s}`} data-status={s}>
            {t(`monitor.status.${s}`)} {n}
          </span>
        ) : null;
      })}
      {facts > 0 && (
        <span className="status-chip status-fact" data-status="fact" title={t('monitor.rule.fact')}>
          {t('targets.kpi.facts', { n: facts })}
        </span>
      )}
    </span>
  );
}

/** KPI cards per plan, the filtered table of targets with status and rule, and the detail of the one picked. */
export function MonitorView() {
  const { client, locale, t, describeError } = useApp();
  const [monitor, setMonitor] = useState<Monitor | null>(null);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [plan, setPlan] = useState('');
  const [area, setArea] = useState('');
  const [status, setStatus] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState<'target' | 'plan' | 'editPlan' | null>(null);
  /** 数据截至: '' for the latest releases, else YYYY-MM-DD (the data as published by that date). */
  const [vintage, setVintage] = useState('');
  const latestCall = useRef(0);

  const reload = useCallback(() => {
    const call = ++latestCall.current;
    Promise.all([client.call('targets.monitor', vintage ? { vintage } : {}), client.call('plans.list', {})]).then(
      ([m, p]) => {
        // A slower answer for an earlier vintage must not replace a later one's.
        if (call !== latestCall.current) return;
        setMonitor(m);
        setPlans(p);
        // A retired plan leaves the filter too.
        setPlan((current) => (current && !p.some((x) => x.code === current) ? '' : current));
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, describeError, vintage]);

  useEffect(reload, [reload]);

  const rows = useMemo(
    () =>
      (monitor?.rows ?? []).filter(
        (r) => r.rule !== 'monitor.rule.planNotYetIssued' && (!plan || r.target.plan === plan) && (!area || r.target.area === area) && (!status || (isJudged(r) && r.status === status)),
      ),
    [monitor, plan, area, status],
  );
  const areas = useMemo(() => [...new Set((monitor?.rows ?? []).filter((r) => !plan || r.target.plan === plan).map((r) => r.target.area).filter(Boolean))], [monitor, plan]);
  const planName = (code: string) => {
    const p = plans.find((x) => x.code === code);
    return p ? (locale === 'en' && p.nameEn ? p.nameEn : p.nameZh) : code;
  };
  const current = monitor?.rows.find((r) => r.target.code === selected) ?? null;
  const measures = useMeasures(monitor?.rows);

  const run = (work: Promise<unknown>, done?: string) =>
    work.then(
      () => {
        setError(null);
        setNotice(done ?? null);
      },
      (e: unknown) => setError(describeError(e)),
    );

  const exportMonitor = (format: 'pdf' | 'png') =>
    monitor && run(client.call('export.chart', { spec: monitorChartSpec(monitor.rows, t('targets.monitor.chartTitle'), locale), format }).then(saveFile));

  const saveAsChart = () =>
    monitor &&
    run(
      client.call('charts.save', { spec: monitorChartSpec(monitor.rows, t('targets.monitor.chartTitle'), locale) }).then((chart) => {
        window.location.hash = `#/charts?chart=${chart.id}`;
      }),
    );

  const importRegister = (file: File) =>
    run(
      file.arrayBuffer().then(async (buffer) => {
        const bytes = new Uint8Array(buffer);
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        const summary = await client.call('register.import', { fileName: file.name, base64: btoa(binary) });
        reload();
        setNotice(t('targets.register.imported', summary));
      }),
    );

  if (!monitor) return error ? <p role="alert" className="error">{error}</p> : <p className="loading">…</p>;

  return (
    <div className="monitor">
      <div className="kpi-cards" data-testid="kpi-cards">
        {[...new Set(monitor.rows.map((r) => r.target.plan))].map((code) => (
          <button type="button" key={code} className={`kpi-card${plan === code ? ' active' : ''}`} onClick={() => setPlan(plan === code ? '' : code)} data-testid={`kpi-${code}`}>
            <span className="kpi-plan" title={planName(code)}>
              {planName(code)}
            </span>
            <KpiSummary monitor={monitor} plan={code} />
          </button>
        ))}
      </div>

      <div className="toolbar">
        <label>
          {t('targets.filter.plan')}{' '}
          <select value={plan} onChange={(e) => setPlan(e.target.value)} data-testid="filter-plan">
            <option value="">{t('targets.filter.all')}</option>
            {plans.map((p) => (
              <option key={p.code} value={p.code}>
                {planName(p.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('targets.filter.area')}{' '}
          <select value={area} onChange={(e) => setArea(e.target.value)} data-testid="filter-area">
            <option value="">{t('targets.filter.all')}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {seedLabel(a, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('targets.filter.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="filter-status">
            <option value="">{t('targets.filter.all')}</option>
            {targetStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`monitor.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label title={t('targets.vintage.hint')}>
          {t('targets.vintage')}{' '}
          <DateField value={vintage} onChange={setVintage} releases testId="monitor-vintage" />
        </label>
        <span className="muted">{t('targets.asOf', { year: monitor.asOfYear })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setCreating('target')}>{t('targets.new')}</button>
        <button type="button" onClick={() => setCreating('plan')}>{t('targets.newPlan')}</button>
        {plan && (
          <button type="button" onClick={() => setCreating('editPlan')} data-testid="edit-plan">
            {t('targets.plan.edit')}
          </button>
        )}
        <button type="button" onClick={() => run(client.call('register.export', {}).then(saveFile))}>{t('targets.register.export')}</button>
        <label className="file-button">
          {t('targets.register.import')}
          <input type="file" accept=".xlsx" data-testid="register-import" onChange={(e) => e.target.files?.[0] && void importRegister(e.target.files[0])} />
        </label>
        {/* The briefing chart is drawn from the latest data: no export that would contradict a vintage on screen. */}
        {(['pdf', 'png'] as const).map((format) => (
          <button key={format} type="button" disabled={Boolean(monitor.vintage)} title={monitor.vintage ? t('targets.vintage.exportLatest') : undefined} onClick={() => void exportMonitor(format)}>
            {t(format === 'pdf' ? 'targets.monitor.exportPdf' : 'targets.monitor.exportPng')}
          </button>
        ))}
        <button type="button" disabled={Boolean(monitor.vintage)} title={monitor.vintage ? t('targets.vintage.exportLatest') : undefined} onClick={() => void saveAsChart()}>
          {t('targets.monitor.saveChart')}
        </button>
      </div>
      {monitor.vintage && (
        <p className="vintage-banner" role="status" data-testid="vintage-banner">
          <span>{t('targets.vintage.banner', { date: monitor.vintage })}</span>
          <button type="button" onClick={() => setVintage('')} data-testid="vintage-clear">
            {t('targets.vintage.clear')}
          </button>
        </p>
      )}
      <MonitorSettingsPanel settings={monitor.settings} notice={monitor.settingsNotice} onSaved={reload} />
      {error && <p role="alert" className="error">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}

      {creating === 'target' && (
        <TargetForm
          plans={plans}
          measures={measures}
          onCancel={() => setCreating(null)}
          onSaved={(code) => {
            setCreating(null);
            setSelected(code);
            reload();
          }}
        />
      )}
      {(creating === 'plan' || creating === 'editPlan') && (
        <PlanForm
          key={creating}
          plan={creating === 'editPlan' ? plans.find((p) => p.code === plan) : undefined}
          onCancel={() => setCreating(null)}
          onSaved={() => {
            setCreating(null);
            reload();
          }}
        />
      )}

      <div className="monitor-body">
        <table className="monitor-table" data-testid="monitor-table">
          <thead>
            <tr>
              <th>{t('col.code')}</th>
              <th>{t('col.target')}</th>
              <th>{t('targets.col.goal')}</th>
              <th>{t('targets.col.latest')}</th>
              <th>{t('targets.col.progress')}</th>
              <th>{t('targets.col.status')}</th>
              <th>{t('targets.col.rule')}</th>
              <th>{t('targets.col.projection')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.target.code}>
                <tr
                  data-code={r.target.code}
                  className={r.target.code === selected ? 'selected' : undefined}
                  onClick={() => setSelected(r.target.code === selected ? null : r.target.code)}
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && setSelected(r.target.code)}
                >
                  <td>{r.target.code}</td>
                  <td className="title-cell">
                    {locale === 'en' && r.target.titleEn ? r.target.titleEn : r.target.titleZh}
                    {tagsMeasure(r.measure) && (
                      <span className="measure-tag" title={t('targets.measure.judged')} data-testid="row-measure">
                        {measureLabel(r.measure, locale)}
                      </span>
                    )}
                  </td>
                  <td className="num">{goalText(r.target, locale, t)}</td>
                  <td className="num">
                    <span data-testid="row-latest" title={r.latest && r.latest.bound !== 'exact' ? t(`targets.bound.${r.latest.bound}`) : undefined}>
                      {r.latest ? latestText(r.latest, r.target.unit, locale, t) : '—'}
                    </span>
                    {releaseTag(r, locale) && (
                      <span className="release-tag" data-testid="row-release" title={releaseTag(r, locale)}>
                        {releaseTag(r, locale)}
                      </span>
                    )}
                  </td>
                  <td>
                    <ProgressBar row={r} />
                  </td>
                  <td>
                    <StatusChip status={r.status} fact={r.rule === 'monitor.rule.fact'} />
                  </td>
                  <td className="rule">
                    {ruleText(r.rule, r.ruleParams, r.target.unit, locale, t)}
                    {r.byMeasure.slice(1).map((m) => (
                      <span key={m.measure.code} className="other-measure" data-testid="row-other-measure" data-measure={m.measure.code}>
                        <span className={`status-dot status-${m.status}`} aria-hidden="true" />
                        {byMeasureText(m, r.target.unit, locale, t)}
                      </span>
                    ))}
                  </td>
                  <td className={r.projection ? 'num' : 'projection-cell'} data-testid="row-projection">
                    {r.projection ? (
                      t(r.projection.met ? 'targets.projection.met' : 'targets.projection.missed', { value: formatWithUnit(r.projection.value, r.target.unit, locale, 1) })
                    ) : r.projectionNote ? (
                      <span className="projection-note">{t(`monitor.projection.${r.projectionNote.reason}`, { measure: measureLabel(r.projectionNote.scenarioMeasure, locale) })}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
                {/* The detail opens under its row, across the table: it never squeezes the columns. */}
                {current && current.target.code === r.target.code && (
                  <tr className="detail-row">
                    <td colSpan={8}>
                      <TargetDetail
                        key={current.target.code}
                        row={current}
                        plans={plans}
                        measures={measures}
                        scenario={monitor.scenario}
                        onChanged={reload}
                        onClose={() => setSelected(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {monitor.scenarioBasis && (
          <p className="muted" data-testid="monitor-scenario-basis">
            {scenarioBasisText(monitor.scenarioBasis, locale)}
          </p>
        )}
      </div>
    </div>
  );
}
