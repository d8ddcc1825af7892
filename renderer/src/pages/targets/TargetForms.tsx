// The forms of the monitor: a target (with its measure) and a plan.
import { useEffect, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/api/contract';
import type { Plan, Target } from '../../../../shared/api/targets-contract';
import { useApp } from '../../app-context';
import { measureLabel, type MeasureRef } from './monitor-text';

const comparators = ['>=', '>', '=', '<=', '<', 'qualitative'] as const;
const assessments = ['met', 'on-track', 'at-risk', 'missed'] as const;

type Sources = Output<'charts.sources'>;

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
