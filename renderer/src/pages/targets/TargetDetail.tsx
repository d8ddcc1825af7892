import { useEffect, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { MonitorRow, Plan, Target } from '../../../../shared/api/targets-contract';
import { formatWithUnit } from '../../../../shared/format/number';
import { useApp } from '../../app-context';

const comparators = ['>=', '>', '=', '<=', '<', 'qualitative'] as const;
const assessments = ['met', 'on-track', 'at-risk', 'missed'] as const;

type Sources = Output<'charts.sources'>;

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
export function TargetForm({ target, plans, onSaved, onCancel }: { target?: Target; plans: Plan[]; onSaved: (code: string) => void; onCancel: () => void }) {
  const { client, t, describeError } = useApp();
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
  scenario,
  onChanged,
  onClose,
}: {
  row: MonitorRow;
  plans: Plan[];
  scenario: { id: number; name: string } | null;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { client, locale, t, describeError } = useApp();
  const target = row.target;
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<History>([]);
  const [actual, setActual] = useState({ year: String(new Date().getFullYear() - 1), value: '', source: '', note: '' });
  const [error, setError] = useState<string | null>(null);

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
    <aside className="target-detail" data-testid="target-detail" aria-label={target.code}>
      <header>
        <h2>
          {target.code} {locale === 'en' && target.titleEn ? target.titleEn : target.titleZh}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('targets.detail.close')}>
          ×
        </button>
      </header>
      {target.quote && <blockquote>{target.quote}</blockquote>}
      <p className="rule">{t(row.rule, row.ruleParams)}</p>
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

      <h3>{t('targets.detail.actuals')}</h3>
      <table className="compact" data-testid="target-actuals">
        <tbody>
          {row.actuals.map((a) => (
            <tr key={a.year}>
              <td>{a.year}</td>
              <td className="num">
                {formatWithUnit(a.value, target.unit, locale)}
                {a.breakBefore && <span className="tag warn">{t('targets.detail.break')}</span>}
              </td>
              <td className="muted" title={a.note}>
                {a.from === 'recorded' ? t('targets.detail.fromRecorded') : t('targets.detail.fromObservation')} · {a.source}
              </td>
              <td>
                {a.from === 'recorded' && (
                  <button type="button" onClick={() => void act(client.call('targets.deleteActual', { code: target.code, year: a.year }))}>
                    {t('targets.detail.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
    </aside>
  );
}
