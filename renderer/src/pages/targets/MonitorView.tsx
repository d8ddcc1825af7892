import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { MonitorRow, Plan } from '../../../../shared/api/targets-contract';
import { formatWithUnit } from '../../../../shared/format/number';
import { targetStatuses, type TargetStatus } from '../../../../shared/monitor/status';
import { useApp } from '../../app-context';
import { saveFile } from '../../download';
import { MonitorSettingsPanel } from './MonitorSettingsPanel';
import { PlanForm, TargetDetail, TargetForm } from './TargetDetail';
import { monitorChartSpec } from './monitor-chart';

type Monitor = Output<'targets.monitor'>;

export function goalText(row: MonitorRow['target'], locale: 'zh' | 'en', t: (key: string) => string): string {
  if (row.value === null) return t('targets.comparator.qualitative');
  const value = formatWithUnit(row.value, row.unit, locale);
  const by = row.deadline === null ? '' : locale === 'zh' ? `（${row.deadline}年）` : ` by ${row.deadline}`;
  return `${row.comparator} ${value}${by}`;
}

function StatusChip({ status }: { status: TargetStatus }) {
  const { t } = useApp();
  return <span className={`status-chip status-${status}`}>{t(`monitor.status.${status}`)}</span>;
}

function ProgressBar({ progress }: { progress: number | null }) {
  if (progress === null) return <span className="muted">—</span>;
  const pct = Math.round(progress * 100);
  return (
    <span className="progress-cell" title={`${pct}%`}>
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${Math.min(100, Math.max(0, pct))}%` }} />
      </span>
      <span className="progress-pct">{pct}%</span>
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

  const reload = useCallback(() => {
    Promise.all([client.call('targets.monitor', {}), client.call('plans.list', {})]).then(
      ([m, p]) => {
        setMonitor(m);
        setPlans(p);
        // A retired plan leaves the filter too.
        setPlan((current) => (current && !p.some((x) => x.code === current) ? '' : current));
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, describeError]);

  useEffect(reload, [reload]);

  const rows = useMemo(
    () => (monitor?.rows ?? []).filter((r) => (!plan || r.target.plan === plan) && (!area || r.target.area === area) && (!status || r.status === status)),
    [monitor, plan, area, status],
  );
  const areas = useMemo(() => [...new Set((monitor?.rows ?? []).filter((r) => !plan || r.target.plan === plan).map((r) => r.target.area).filter(Boolean))], [monitor, plan]);
  const planName = (code: string) => {
    const p = plans.find((x) => x.code === code);
    return p ? (locale === 'en' && p.nameEn ? p.nameEn : p.nameZh) : code;
  };
  const current = monitor?.rows.find((r) => r.target.code === selected) ?? null;

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
            <span className="kpi-plan">{planName(code)}</span>
            <span className="kpi-total">{t('targets.kpi.total', { n: monitor.rows.filter((r) => r.target.plan === code).length })}</span>
            <span className="kpi-counts">
              {targetStatuses.map((s) => {
                const n = monitor.counts.find((c) => c.plan === code && c.status === s)?.n ?? 0;
                return n > 0 ? (
                  <span key={s} className={`status-chip status-${s}`} data-status={s}>
                    {t(`monitor.status.${s}`)} {n}
                  </span>
                ) : null;
              })}
            </span>
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
                {p.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('targets.filter.area')}{' '}
          <select value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t('targets.filter.all')}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {a}
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
        <span className="muted">{t('targets.asOf', { year: monitor.asOfYear })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setCreating('target')}>{t('targets.new')}</button>
        <button type="button" onClick={() => setCreating('plan')}>{t('targets.newPlan')}</button>
        {plan && (
          <button type="button" onClick={() => setCreating('editPlan')} data-testid="edit-plan">
            {t('targets.plan.edit', { code: plan })}
          </button>
        )}
        <button type="button" onClick={() => run(client.call('register.export', {}).then(saveFile))}>{t('targets.register.export')}</button>
        <label className="file-button">
          {t('targets.register.import')}
          <input type="file" accept=".xlsx" data-testid="register-import" onChange={(e) => e.target.files?.[0] && void importRegister(e.target.files[0])} />
        </label>
        <button type="button" onClick={() => void exportMonitor('pdf')}>{t('targets.monitor.exportPdf')}</button>
        <button type="button" onClick={() => void exportMonitor('png')}>{t('targets.monitor.exportPng')}</button>
        <button type="button" onClick={() => void saveAsChart()}>{t('targets.monitor.saveChart')}</button>
      </div>
      <MonitorSettingsPanel settings={monitor.settings} onSaved={reload} />
      {error && <p role="alert" className="error">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}

      {creating === 'target' && (
        <TargetForm
          plans={plans}
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

      <div className={`monitor-body${current ? ' with-detail' : ''}`}>
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
              <tr
                key={r.target.code}
                data-code={r.target.code}
                className={r.target.code === selected ? 'selected' : undefined}
                onClick={() => setSelected(r.target.code === selected ? null : r.target.code)}
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && setSelected(r.target.code)}
              >
                <td>{r.target.code}</td>
                <td>{locale === 'en' && r.target.titleEn ? r.target.titleEn : r.target.titleZh}</td>
                <td className="num">{goalText(r.target, locale, t)}</td>
                <td className="num">{r.latest ? `${formatWithUnit(r.latest.value, r.target.unit, locale)}（${r.latest.year}）` : '—'}</td>
                <td>
                  <ProgressBar progress={r.progress} />
                </td>
                <td>
                  <StatusChip status={r.status} />
                </td>
                <td className="rule">{t(r.rule, r.ruleParams)}</td>
                <td className="num">
                  {r.projection
                    ? t(r.projection.met ? 'targets.projection.met' : 'targets.projection.missed', { value: formatWithUnit(r.projection.value, r.target.unit, locale) })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {current && (
          <TargetDetail
            key={current.target.code}
            row={current}
            plans={plans}
            scenario={monitor.scenario}
            onChanged={reload}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </div>
  );
}
