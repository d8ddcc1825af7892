import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { MonitorRow, Plan, Target } from '../../../../shared/api/targets-contract';
import { formatWithUnit, type Locale } from '../../../../shared/format/number';
import { formatBounded, type Bound } from '../../../../shared/series/bound';
import { useApp } from '../../app-context';

const comparators = ['>=', '>', '=', '<=', '<', 'qualitative'] as const;
const assessments = ['met', 'on-track', 'at-risk', 'missed'] as const;

type Sources = Output<'charts.sources'>;

/** A measure (口径) as the monitor names it. */
export type MeasureRef = NonNullable<MonitorRow['measure']>;
type Translate = (key: string, params?: Record<string, string | number | null>) => string;

export const measureLabel = (m: MeasureRef | null | undefined, locale: Locale) => (m ? (locale === 'en' && m.nameEn ? m.nameEn : m.nameZh) : '');

/**
 * The measures catalogue (口径) for the form's select and to name an actual's measure; the measures the
 * monitor rows name are kept when the catalogue cannot be read, so a name is always at hand.
 */
export function useMeasures(rows: MonitorRow[] | undefined): MeasureRef[] {
  const { client } = useApp();
  const [catalogue, setCatalogue] = useState<MeasureRef[]>([]);
  useEffect(() => {
    client.call('catalogue.measures', {}).then(
      (list) => setCatalogue(list.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }))),
      () => setCatalogue([]),
    );
  }, [client]);
  return useMemo(() => {
    const all = new Map(catalogue.map((m) => [m.code, m]));
    for (const r of rows ?? []) for (const m of [r.measure, ...r.byMeasure.map((b) => b.measure)]) if (m && !all.has(m.code)) all.set(m.code, m);
    return [...all.values()];
  }, [catalogue, rows]);
}

/** A value with its bound sign (≥1万亿元) and, for a bound, a tooltip saying what the sign means. */
export function BoundedValue({ value, unit, bound }: { value: number; unit: string; bound: Bound }) {
  const { locale, t } = useApp();
  return (
    <span className={bound === 'exact' ? undefined : `bounded bound-${bound}`} title={bound === 'exact' ? undefined : t(`targets.bound.${bound}`)}>
      {formatBounded(value, unit, bound, locale)}
    </span>
  );
}

/** "≥1万亿元（2022年）": the latest actual with its bound and year. */
export function latestText(latest: { year: number; value: number; bound: Bound }, unit: string, locale: Locale, t: Translate): string {
  return t('targets.latest', { value: formatBounded(latest.value, unit, latest.bound, locale), year: latest.year });
}

/** A status rule's sentence with its values in the target's unit (≥1万亿元, 45.4%), not bare numbers. */
export function ruleText(rule: string, params: Record<string, string | number | null>, unit: string, locale: Locale, t: Translate): string {
  const shown = { ...params };
  for (const name of ['value', 'path']) {
    const v = shown[name];
    if (typeof v === 'number') shown[name] = formatWithUnit(v, unit, locale);
  }
  return t(rule, shown);
}

/** The status under a measure other than the judged one: 按重庆市此前口径：暂无数据（2021年27.2%）. */
export function byMeasureText(entry: MonitorRow['byMeasure'][number], unit: string, locale: Locale, t: Translate): string {
  const measure = measureLabel(entry.measure, locale);
  const status = t(`monitor.status.${entry.status}`);
  if (!entry.latest) return t('targets.byMeasure.lineNoLatest', { measure, status });
  const latest = t('targets.byMeasure.latest', { year: entry.latest.year, value: formatBounded(entry.latest.value, unit, entry.latest.bound, locale) });
  return t('targets.byMeasure.line', { measure, status, latest });
}

/** Indicators and regions to suggest for a target's link; the backend checks the code either way. */
function useSources(): Sources | null {
  const { client } = useApp();
  const [sources, setSources] = useState<Sources | null>(null);
  useEffect(() => {
    client.call('charts.sources', {}).then(setSources, () => setSources(null));
  }, [client]);
  return sources;
}

type Draft = {
  code: string;
  plan: string;
  titleZh: string;
  titleEn: string;
  area: string;
  comparator: Target['comparator'];
  value: string;
  unit: string;
  deadline: string;
  indicator: string;
  region: string;
  quote: string;
  note: string;
  assessment: string;
  assessmentNote: string;
  /** '' = the indicator's measure. */
  measure: string;
};

function draftOf(t: Target | null, plan: string): Draft {
  return {
    code: t?.code ?? '',
    plan: t?.plan ?? plan,
    titleZh: t?.titleZh ?? '',
    titleEn: t?.titleEn ?? '',
    area: t?.area ?? '',
    comparator: t?.comparator ?? '>=',
    value: t?.value === null || t?.value === undefined ? '' : String(t.value),
    unit: t?.unit ?? '',
    deadline: t?.deadline === null || t?.deadline === undefined ? '' : String(t.deadline),
    indicator: t?.indicator ?? '',
    region: t?.region ?? '',
    quote: t?.quote ?? '',
    note: t?.note ?? '',
    assessment: t?.assessment ?? '',
    assessmentNote: t?.assessmentNote ?? '',
    measure: t?.measure ?? '',
  };
}

/** A labelled text input bound to one field of a form's draft. */
function TextField<D extends Record<string, string>>({ draft, onChange, name, label, ...props }: { draft: D; onChange: (next: D) => void; name: keyof D & string; label: string } & Record<string, unknown>) {
  return (
    <label>
      {label}
      <input value={draft[name]} name={name} onChange={(e) => onChange({ ...draft, [name]: e.target.value })} {...props} />
    </label>
  );
}

/** Save and cancel, any further buttons, and the error of the last attempt. */
function FormActions({ onCancel, error, children }: { onCancel: () => void; error: string | null; children?: ReactNode }) {
  const { t } = useApp();
  return (
    <div className="form-actions">
      <button type="submit" className="primary">
        {t('targets.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('targets.cancel')}
      </button>
      {children}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** Create (no target) or edit a target; the backend validates and names the field that is wrong. */
export function TargetForm({
  target,
  plans,
  measures,
  onSaved,
  onCancel,
}: {
  target?: Target;
  plans: Plan[];
  measures: MeasureRef[];
  onSaved: (code: string) => void;
  onCancel: () => void;
}) {
  const { client, locale, t, describeError } = useApp();
  const sources = useSources();
  const [draft, setDraft] = useState<Draft>(() => draftOf(target ?? null, plans[0]?.code ?? ''));
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });

  const save = () => {
    const input = {
      ...draft,
      value: draft.comparator === 'qualitative' ? null : numberOrNull(draft.value),
      deadline: numberOrNull(draft.deadline),
      indicator: draft.indicator.trim() || null,
      region: draft.region.trim() || null,
      measure: draft.measure || null,
      assessment: (draft.assessment || null) as Target['assessment'],
    };
    client.call('targets.save', { target: input, create: !target }).then(
      (saved) => onSaved(saved.code),
      (e: unknown) => setError(describeError(e)),
    );
  };

  const field = (name: keyof Draft, label: string, props: Record<string, unknown> = {}) => (
    <TextField draft={draft} onChange={setDraft} name={name} label={label} {...props} />
  );

  return (
    <form
      className="target-form form-grid"
      data-testid="target-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {!target && field('code', t('targets.field.code'), { required: true, maxLength: 32 })}
      <label>
        {t('targets.field.plan')}
        <select value={draft.plan} onChange={set('plan')} name="plan">
          {plans.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} {p.nameZh}
            </option>
          ))}
        </select>
      </label>
      {field('titleZh', t('targets.field.titleZh'), { required: true, className: 'wide' })}
      {field('titleEn', t('targets.field.titleEn'), { className: 'wide' })}
      {field('area', t('targets.field.area'))}
      <label>
        {t('targets.field.comparator')}
        <select value={draft.comparator} onChange={set('comparator')} name="comparator">
          {comparators.map((c) => (
            <option key={c} value={c}>
              {c === 'qualitative' ? t('targets.comparator.qualitative') : c}
            </option>
          ))}
        </select>
      </label>
      {draft.comparator !== 'qualitative' && field('value', t('targets.field.value'), { type: 'number', step: 'any', required: true })}
      {field('unit', t('targets.field.unit'))}
      {field('deadline', t('targets.field.deadline'), { type: 'number', min: 1949, max: 2100 })}
      {field('indicator', t('targets.field.indicator'), { list: 'target-indicators' })}
      {field('region', t('targets.field.region'), { list: 'target-regions' })}
      <label>
        {t('targets.field.measure')}
        <select value={draft.measure} onChange={set('measure')} name="measure" data-testid="target-measure">
          <option value="">{t('targets.field.measureDefault')}</option>
          {draft.measure && !measures.some((m) => m.code === draft.measure) && <option value={draft.measure}>{draft.measure}</option>}
          {measures.map((m) => (
            <option key={m.code} value={m.code}>
              {measureLabel(m, locale)}
            </option>
          ))}
        </select>
      </label>
      <datalist id="target-indicators">
        {sources?.indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.nameZh} ({i.unit})
          </option>
        ))}
      </datalist>
      <datalist id="target-regions">
        {sources?.regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.nameZh}
          </option>
        ))}
      </datalist>
      {field('quote', t('targets.field.quote'), { className: 'wide' })}
      {field('note', t('targets.field.note'), { className: 'wide' })}
      <label>
        {t('targets.field.assessment')}
        <select value={draft.assessment} onChange={set('assessment')} name="assessment">
          <option value="">{t('targets.field.none')}</option>
          {assessments.map((a) => (
            <option key={a} value={a}>
              {t(`monitor.status.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {field('assessmentNote', t('targets.field.assessmentNote'), { className: 'wide' })}
      <FormActions onCancel={onCancel} error={error} />
    </form>
  );
}

/** Create a plan, or (given one) edit or retire it; edits are audited like targets'. */
export function PlanForm({ plan, onSaved, onCancel }: { plan?: Plan; onSaved: () => void; onCancel: () => void }) {
  const { client, t, describeError } = useApp();
  const [draft, setDraft] = useState({
    code: plan?.code ?? '',
    nameZh: plan?.nameZh ?? '',
    nameEn: plan?.nameEn ?? '',
    issuer: plan?.issuer ?? '',
    issued: plan?.issued ?? '',
    horizon: plan?.horizon === null || plan?.horizon === undefined ? '' : String(plan.horizon),
    source: plan?.source ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const input = (name: keyof typeof draft, label: string, props: Record<string, unknown> = {}) => <TextField draft={draft} onChange={setDraft} name={name} label={label} {...props} />;
  return (
    <form
      className="form-grid"
      data-testid="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        client.call('plans.save', { plan: { ...draft, horizon: numberOrNull(draft.horizon) }, create: !plan }).then(onSaved, (x: unknown) => setError(describeError(x)));
      }}
    >
      {!plan && input('code', t('targets.field.code'), { required: true })}
      {input('nameZh', t('targets.field.nameZh'), { required: true, className: 'wide' })}
      {input('nameEn', t('targets.field.nameEn'), { className: 'wide' })}
      {input('issuer', t('targets.field.issuer'))}
      {input('issued', t('targets.field.issued'), { placeholder: '2023-12' })}
      {input('horizon', t('targets.field.horizon'), { type: 'number' })}
      {input('source', t('targets.field.source'), { className: 'wide' })}
      <FormActions onCancel={onCancel} error={error}>
        {plan && (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(t('targets.plan.retireConfirm', { code: plan.code }))) {
                client.call('plans.retire', { code: plan.code }).then(onSaved, (x: unknown) => setError(describeError(x)));
              }
            }}
          >
            {t('targets.plan.retire')}
          </button>
        )}
      </FormActions>
    </form>
  );
}

type History = Output<'targets.history'>;

/** One target: its actuals (with where each came from and any definition change), progress entry, edits, history and links. */
export function TargetDetail({
  row,
  plans,
  measures,
  scenario,
  onChanged,
  onClose,
}: {
  row: MonitorRow;
  plans: Plan[];
  measures: MeasureRef[];
  scenario: { id: number; name: string } | null;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { client, locale, t, describeError } = useApp();
  const target = row.target;
  const nameOf = (code: string) => measureLabel(measures.find((m) => m.code === code) ?? (code ? { code, nameZh: code, nameEn: code } : null), locale);
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<History>([]);
  const [actual, setActual] = useState({ year: String(new Date().getFullYear() - 1), value: '', source: '', note: '' });
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);

  // The panel opens under its row: bring it into view when it opens below the fold.
  // (In braces: Chromium's scrollIntoView now returns a promise, which is no effect cleanup.)
  useEffect(() => {
    void panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  useEffect(() => {
    client.call('targets.history', { code: target.code }).then(setHistory, (e: unknown) => setError(describeError(e)));
  }, [client, target, describeError]);

  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setError(null);
        onChanged();
      },
      (e: unknown) => setError(describeError(e)),
    );

  return (
    <aside className="target-detail" data-testid="target-detail" aria-label={target.code} ref={panel}>
      <header>
        <h2>
          {target.code} {locale === 'en' && target.titleEn ? target.titleEn : target.titleZh}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('targets.detail.close')}>
          ×
        </button>
      </header>
      <div className="detail-main">
        {row.measure && (
          <p className="measure-line" data-testid="detail-measure">
            <span className="measure-tag">{t('targets.measure.judgedOn', { measure: measureLabel(row.measure, locale) })}</span>
          </p>
        )}
        {target.quote && <blockquote>{target.quote}</blockquote>}
        <p className="rule">{ruleText(row.rule, row.ruleParams, target.unit, locale, t)}</p>
        {row.projectionNote && (
          <p className="projection-note" data-testid="detail-projection-note">
            {t(`monitor.projection.${row.projectionNote.reason}`, { measure: measureLabel(row.projectionNote.scenarioMeasure, locale) })}
          </p>
        )}
        {row.byMeasure.length > 1 && (
          <>
            <h3>{t('targets.detail.byMeasure')}</h3>
            <ul className="by-measure" data-testid="detail-by-measure">
              {row.byMeasure.map((m, i) => (
                <li key={m.measure.code} data-measure={m.measure.code}>
                  <span className="by-measure-head">
                    <strong>{measureLabel(m.measure, locale)}</strong>
                    {i === 0 && <span className="muted">{t('targets.measure.judgedMark')}</span>}
                    <span className={`status-chip status-${m.status}`}>{t(`monitor.status.${m.status}`)}</span>
                    {m.latest && (
                      <span className="num" title={m.latest.source}>
                        {latestText(m.latest, target.unit, locale, t)}
                      </span>
                    )}
                  </span>
                  <span className="rule">{ruleText(m.rule, m.ruleParams, target.unit, locale, t)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="links">
          {target.indicator && <a href={`#/data?indicator=${encodeURIComponent(target.indicator)}&region=${encodeURIComponent(target.region ?? '')}`}>{t('targets.detail.drillData')}</a>}
          {scenario && row.projection && <a href={`#/scenarios?id=${scenario.id}`}>{t('targets.detail.drillScenario')}：{scenario.name}</a>}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}

        {editing ? (
          <TargetForm
            target={target}
            plans={plans}
            measures={measures}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" onClick={() => setEditing(true)} data-testid="edit-target">
            {t('targets.detail.edit')}
          </button>
        )}
      </div>

      <div className="detail-side">
        <h3>{t('targets.detail.actuals')}</h3>
        {row.actuals.length === 0 ? (
          <p className="muted">{t('targets.detail.noActuals')}</p>
        ) : (
          <table className="compact actuals-table" data-testid="target-actuals">
            <thead>
              <tr>
                <th>{t('targets.detail.col.year')}</th>
                <th>{t('targets.detail.col.value')}</th>
                <th>{t('targets.detail.col.measure')}</th>
                <th>{t('targets.detail.col.release')}</th>
                <th>{t('targets.detail.col.source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {row.actuals.map((a, i) => {
                // A new definition starts here: a named break, or the measure differs from the year before.
                const changed = a.breakBefore || (i > 0 && a.measure !== row.actuals[i - 1]!.measure);
                const release = [a.releaseLabel, a.released].filter(Boolean).join(' ');
                return (
                  <Fragment key={a.year}>
                    {changed && (
                      <tr className="break-row" data-testid="actuals-break">
                        <td colSpan={6}>{a.measure ? t('targets.detail.breakRow', { year: a.year, measure: nameOf(a.measure) }) : t('targets.detail.break')}</td>
                      </tr>
                    )}
                    <tr data-year={a.year}>
                      <td>{a.year}</td>
                      <td className="num">
                        <BoundedValue value={a.value} unit={target.unit} bound={a.bound} />
                      </td>
                      <td className="measure">{a.measure ? nameOf(a.measure) : '—'}</td>
                      <td className="release">{release || '—'}</td>
                      <td className="muted source" title={a.note || undefined}>
                        {a.from === 'recorded' ? t('targets.detail.fromRecorded') : t('targets.detail.fromObservation')}
                        {a.source ? ` · ${a.source}` : ''}
                      </td>
                      <td>
                        {a.from === 'recorded' && (
                          <button type="button" onClick={() => void act(client.call('targets.deleteActual', { code: target.code, year: a.year }))}>
                            {t('targets.detail.delete')}
                          </button>
                        )}
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
        <form
          className="actual-form"
          data-testid="actual-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(client.call('targets.recordActual', { code: target.code, year: Number(actual.year), value: Number(actual.value), source: actual.source, note: actual.note }));
          }}
        >
          <input type="number" aria-label={t('targets.field.year')} value={actual.year} onChange={(e) => setActual({ ...actual, year: e.target.value })} required min={1949} max={2100} />
          <input type="number" step="any" aria-label={t('targets.field.value')} placeholder={t('targets.field.value')} value={actual.value} onChange={(e) => setActual({ ...actual, value: e.target.value })} required />
          <input aria-label={t('targets.field.source')} placeholder={t('targets.field.source')} value={actual.source} onChange={(e) => setActual({ ...actual, source: e.target.value })} />
          <button type="submit">{t('targets.detail.addActual')}</button>
        </form>

        <h3>{t('targets.detail.history')}</h3>
        {history.length === 0 ? (
          <p className="muted">{t('targets.detail.noHistory')}</p>
        ) : (
          <ul className="history" data-testid="target-history">
            {history.map((h) => (
              <li key={h.id}>
                <span className="muted">{h.editedAt.slice(0, 16).replace('T', ' ')}</span> {h.field}: {h.oldValue ?? '—'} → {h.newValue ?? '—'}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t('targets.detail.retireConfirm', { code: target.code }))) {
              void act(client.call('targets.retire', { code: target.code })).then(onClose);
            }
          }}
        >
          {t('targets.detail.retire')}
        </button>
      </div>
    </aside>
  );
}
