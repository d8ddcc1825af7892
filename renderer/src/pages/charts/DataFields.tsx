import type { Output } from '../../../../shared/api/contract';
import { templateIds } from '../../../../shared/charts/spec';
import { unitLabel } from '../../../../shared/format/unit-name';
import { useApp } from '../../app-context';
import { Field, type FormProps } from './Field';
import { toggle } from './spec-form';
import { TemplateIcon } from './TemplateIcon';
import { DateField } from '../../components/DateField';

export type ChartSources = Output<'charts.sources'>;

/** The nine templates as cards; the chosen one's description is spelled out below them. */
export function TemplatePicker({ form, set }: FormProps) {
  const { t } = useApp();
  return (
    <div className="template-picker">
      <div className="template-grid" role="radiogroup" aria-label={t('charts.section.template')}>
        {templateIds.map((id) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={form.template === id}
            className={form.template === id ? 'template-card active' : 'template-card'}
            title={t(`charts.template.${id}.desc`)}
            data-template={id}
            onClick={() => set({ template: id })}
          >
            <TemplateIcon template={id} />
            <span>{t(`charts.template.${id}`)}</span>
          </button>
        ))}
      </div>
      <p className="template-desc" data-testid="template-desc">{t(`charts.template.${form.template}.desc`)}</p>
    </div>
  );
}

function Choices({ label, field, options, chosen, onChange, errors, testId }: {
  label: string;
  field: 'indicators' | 'regions' | 'scenarios' | 'targets';
  options: Array<{ value: string; label: string; note?: string }>;
  chosen: string[];
  onChange: (next: string[]) => void;
  errors: FormProps['errors'];
  testId: string;
}) {
  const { t } = useApp();
  return (
    <Field label={chosen.length ? `${label} · ${t('charts.bind.chosen', { count: chosen.length })}` : label} field={field} errors={errors} wide group>
      <span className={field === 'indicators' ? 'choice-list' : 'choice-chips'} data-testid={testId}>
        {options.length === 0 && <span className="muted">{t('charts.bind.none')}</span>}
        {options.map((o) => {
          const on = chosen.includes(o.value);
          return (
            <label key={o.value} className={on ? 'choice checked' : 'choice'}>
              <input type="checkbox" checked={on} onChange={(e) => onChange(toggle(chosen, o.value, e.target.checked))} />
              <span className="choice-name">{o.label}</span>
              {o.note && <span className="choice-note">{o.note}</span>}
            </label>
          );
        })}
      </span>
    </Field>
  );
}

/** What the chart draws: indicators, regions, scenarios, the years shown and the vintage of the data. */
export function BindingFields({ form, set, errors, sources }: FormProps & { sources: ChartSources }) {
  const { t, locale } = useApp();
  const nameOf = (entry: { nameZh: string; nameEn: string }) => (locale === 'zh' ? entry.nameZh : entry.nameEn) || entry.nameZh;
  const span = sources.years;
  return (
    <div className="field-stack">
      <Choices
        label={t('charts.bind.indicators')}
        field="indicators"
        testId="bind-indicators"
        options={sources.indicators.map((i) => ({ value: i.code, label: nameOf(i), note: unitLabel(i.unit, locale) }))}
        chosen={form.indicators}
        onChange={(indicators) => set({ indicators })}
        errors={errors}
      />
      <Choices
        label={t('charts.bind.regions')}
        field="regions"
        testId="bind-regions"
        options={sources.regions.map((r) => ({ value: r.code, label: nameOf(r) }))}
        chosen={form.regions}
        onChange={(regions) => set({ regions })}
        errors={errors}
      />
      <Choices
        label={t('charts.bind.scenarios')}
        field="scenarios"
        testId="bind-scenarios"
        options={sources.scenarios.map((s) => ({ value: String(s.id), label: s.name }))}
        chosen={form.scenarios}
        onChange={(scenarios) => set({ scenarios })}
        errors={errors}
      />
      {sources.targets && (
        <Choices
          label={t('charts.bind.targets')}
          field="targets"
          testId="bind-targets"
          options={sources.targets.map((target) => ({
            value: target.code,
            label: `${target.code} ${locale === 'zh' ? target.titleZh : target.titleEn || target.titleZh}`,
            note: target.deadline === null ? undefined : t('charts.bind.targetDeadline', { year: target.deadline }),
          }))}
          chosen={form.targets}
          onChange={(targets) => set({ targets })}
          errors={errors}
        />
      )}
      <Field label={t('charts.bind.years')} field="years" errors={errors} hint={span ? t('charts.bind.yearsHint', { from: span.from, to: span.to }) : undefined} wide group>
        <span className="year-range">
          <input
            type="number"
            inputMode="numeric"
            aria-label={t('charts.bind.yearFrom')}
            placeholder={span ? String(span.from) : t('charts.bind.yearFrom')}
            value={form.yearFrom}
            onChange={(e) => set({ yearFrom: e.target.value })}
          />
          <span aria-hidden="true">—</span>
          <input
            type="number"
            inputMode="numeric"
            aria-label={t('charts.bind.yearTo')}
            placeholder={span ? String(span.to) : t('charts.bind.yearTo')}
            value={form.yearTo}
            onChange={(e) => set({ yearTo: e.target.value })}
          />
          {(form.yearFrom || form.yearTo) && (
            <button type="button" className="link-button" onClick={() => set({ yearFrom: '', yearTo: '' })}>
              {t('charts.bind.allYears')}
            </button>
          )}
        </span>
      </Field>
      <Field label={t('charts.bind.vintage')} field="vintage" errors={errors} hint={t(form.vintage ? 'charts.bind.vintagePinnedHint' : 'charts.bind.vintageHint')} wide group>
        <span className="vintage-field">
          <DateField ariaLabel={t('charts.bind.vintage')} value={form.vintage} onChange={(vintage) => set({ vintage })} releases testId="bind-vintage" />
          {form.vintage ? (
            <button type="button" className="link-button" onClick={() => set({ vintage: '' })} data-testid="bind-vintage-latest">
              {t('charts.bind.vintageLatest')}
            </button>
          ) : (
            <span className="muted">{t('charts.bind.vintageLatestNow')}</span>
          )}
        </span>
      </Field>
    </div>
  );
}
