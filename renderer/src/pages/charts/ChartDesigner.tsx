import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ChartNotice, ChartSummary } from '../../../../shared/api/charts-contract';
import { buildOption } from '../../../../shared/charts/build-option';
import { resolveSize, type ChartSpec } from '../../../../shared/charts/spec';
import { formatPlain } from '../../../../shared/format/number';
import { useApp } from '../../app-context';
import { chartBuildMessage } from './chart-errors';
import { BindingFields, TemplatePicker, type ChartSources } from './DataFields';
import { StyleFields, TextFields } from './DressFields';
import { ExportPanel } from './ExportPanel';
import { useElementSize, usePreviewData } from './hooks';
import { fitScale } from './layout';
import { ScaledChart } from './ScaledChart';
import { checkForm, dataKey, formFromSpec, isDirty, type FieldError, type FormCheck, type FormField, type SpecForm } from './spec-form';

export interface SavedChart {
  summary: ChartSummary;
  spec: ChartSpec;
  /** A copy saved from the designer opens in its place; a plain save keeps the designer as it is. */
  asCopy: boolean;
}

function Section({ title, step, children }: { title: string; step: number; children: ReactNode }) {
  return (
    <details className="form-section" open>
      <summary>
        <span className="step">{step}</span>
        {title}
      </summary>
      {children}
    </details>
  );
}

/**
 * Notices of a saved chart: what a workspace upgrade changed in what it draws (重庆 2018 GDP now the
 * census revision; a target line no longer drawn over values of another measure), each until
 * dismissed. Fetched again after each save (the bindings may change).
 */
function DataNotices({ chartId, version }: { chartId: number | null; version: number }) {
  const { client, t, locale, describeError } = useApp();
  const [notices, setNotices] = useState<ChartNotice[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (chartId === null) return;
    let live = true;
    client.call('charts.notices', { id: chartId }).then(
      (list) => live && (setNotices(list), setError(null)),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, describeError, chartId, version]);
  if (chartId === null || (!notices.length && !error)) return null;
  const dismiss = (noticeId: number) =>
    client.call('charts.dismissNotice', { id: chartId, noticeId }).then(setNotices, (e: unknown) => setError(describeError(e)));
  return (
    <div className="data-notices" data-testid="data-notices">
      {error && <p className="error" role="alert">{error}</p>}
      {notices.map((n) => (
        <div key={n.id} className="designer-banner notice" role="status" data-testid="data-notice">
          <span>{t('charts.notice.changed', { message: locale === 'en' && n.messageEn ? n.messageEn : n.messageZh })}</span>
          <button type="button" onClick={() => void dismiss(n.id)} data-testid="data-notice-dismiss">
            {t('charts.notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

/** The live preview: the spec's data fetched shortly after a change, drawn at the export's size. */
function Preview({ spec, onUseLatest, busy }: { spec: ChartSpec | null; onUseLatest: () => void; busy: boolean }) {
  const { t, locale, describeError } = useApp();
  const preview = usePreviewData(spec);
  const [box, boxSize] = useElementSize<HTMLDivElement>();
  const stale = !preview || !spec || preview.key !== dataKey(spec);

  const built = useMemo(() => {
    if (!spec || !preview) return null;
    if (preview.error || !preview.data) return { kind: 'error' as const, error: preview.error ?? '' };
    try {
      return { kind: 'option' as const, option: buildOption(spec, preview.data) };
    } catch (e) {
      const message = chartBuildMessage(e);
      return { kind: 'error' as const, error: message ? t(message.key, message.params) : describeError(e) };
    }
  }, [spec, preview, t, describeError]);

  const size = spec ? resolveSize(spec.size) : null;
  const scale = size ? fitScale(size.width, size.height, boxSize) : 0;
  const vintage = spec?.bindings.vintage ?? null;
  const newer = vintage !== null && !stale && preview?.data?.meta.newerData === true;
  return (
    <div className="preview-pane">
      {newer && (
        <div className="designer-banner vintage" role="status" data-testid="vintage-banner">
          <span>{t('charts.vintage.newer', { date: vintage })}</span>
          <button type="button" className="primary" onClick={onUseLatest} disabled={busy} data-testid="vintage-use-latest">
            {t('charts.vintage.useLatest')}
          </button>
        </div>
      )}
      <div className="preview-caption">
        <span>{t('charts.preview')}</span>
        {size && (
          <span className="muted" data-testid="preview-size">
            {t('charts.preview.size', { width: formatPlain(size.width, locale, 0), height: formatPlain(size.height, locale, 0), scale: formatPlain(scale * 100, locale, 0) })}
          </span>
        )}
        {stale && spec && <span className="muted">{t('charts.preview.updating')}</span>}
      </div>
      <div ref={box} className="preview-box" data-stale={stale || undefined}>
        {built?.kind === 'option' && size && scale > 0 && <ScaledChart option={built.option} width={size.width} height={size.height} scale={scale} testId="chart-preview" />}
        {built?.kind === 'error' && !stale && (
          <p className="preview-error" role="alert" data-testid="preview-error">
            {built.error}
          </p>
        )}
        {!built && <p className="preview-empty muted">{t(spec ? 'common.loading' : 'charts.preview.invalid')}</p>}
      </div>
    </div>
  );
}

/** Template, data, texts and style of one chart, its live preview, save and export. */
export function ChartDesigner({ chartId, initial, sources, onSaved, onDirtyChange }: {
  chartId: number | null;
  initial: ChartSpec;
  sources: ChartSources;
  onSaved: (saved: SavedChart) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { client, t, describeError } = useApp();
  const [baseline, setBaseline] = useState<SpecForm>(() => formFromSpec(initial));
  const [form, setForm] = useState<SpecForm>(baseline);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [lastValid, setLastValid] = useState<ChartSpec>(initial);
  /** Counts saves, for what depends on the saved chart (its data notices). */
  const [saves, setSaves] = useState(0);

  const check = useMemo(() => checkForm(form), [form]);
  const spec = check.ok ? check.spec : null;
  // A field being typed (e.g. a half-entered year) keeps the last drawable spec on screen.
  if (spec && spec !== lastValid) setLastValid(spec);
  const errors = useMemo(() => new Map<FormField, FieldError>(check.ok ? [] : check.errors.map((e) => [e.field, e])), [check]);
  const dirty = chartId === null || isDirty(form, baseline);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = (patch: Partial<SpecForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setMessage(null);
  };

  /** Saves the form (or `next`, a form just set and not yet rendered). */
  const save = async (asCopy: boolean, next?: { form: SpecForm; check: FormCheck }) => {
    const savedForm = next?.form ?? form;
    const checked = next?.check ?? check;
    if (!checked.ok) return;
    const toSave = checked.spec;
    setSaving(true);
    const savedSpec = asCopy ? { ...toSave, name: t('charts.copyName', { name: toSave.name || toSave.title }) } : toSave;
    try {
      const summary = await client.call('charts.save', chartId === null || asCopy ? { spec: savedSpec } : { id: chartId, spec: savedSpec });
      setSaves((n) => n + 1);
      if (!asCopy) setBaseline(savedForm);
      setMessage({ error: false, text: t(asCopy ? 'charts.savedCopy' : 'charts.saved', { name: summary.name || summary.title }) });
      onSaved({ summary, spec: savedSpec, asCopy });
    } catch (e) {
      setMessage({ error: true, text: describeError(e) });
    } finally {
      setSaving(false);
    }
  };

  /** One click from a pinned chart to the latest data: the vintage cleared and a saved chart saved. */
  const useLatest = () => {
    const next = { ...form, vintage: '' };
    setForm(next);
    setMessage(null);
    if (chartId !== null) void save(false, { form: next, check: checkForm(next) });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (spec && dirty && !saving) void save(false);
    }
  };

  const general = errors.get('form');
  return (
    <div className="designer" onKeyDown={onKeyDown} data-testid="chart-designer">
      <div className="designer-toolbar">
        <h2 className="designer-title" data-testid="designer-title">
          {form.name || form.title || t('charts.untitled')}
        </h2>
        {dirty && (
          <span className="tag warn" data-testid="unsaved">
            {t(chartId === null ? 'charts.notSavedYet' : 'charts.unsaved')}
          </span>
        )}
        <span className="spacer" />
        {message && (
          <span className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'} data-testid="designer-message">
            {message.text}
          </span>
        )}
        {!check.ok && <span className="error">{t('charts.problems', { count: check.errors.length })}</span>}
        <button type="button" onClick={() => void save(true)} disabled={!spec || saving} data-testid="chart-save-copy">
          {t('charts.saveCopy')}
        </button>
        <button type="button" className="primary" onClick={() => void save(false)} disabled={!spec || !dirty || saving} data-testid="chart-save" title={t('charts.saveShortcut')}>
          {t('charts.save')}
        </button>
      </div>
      <div className="designer-body">
        <form className="designer-form" onSubmit={(e) => e.preventDefault()} aria-label={t('charts.designer')}>
          {general && <p className="field-error">{t(general.key, general.params)}</p>}
          <Section step={1} title={t('charts.section.template')}>
            <TemplatePicker form={form} set={set} errors={errors} />
          </Section>
          <Section step={2} title={t('charts.section.data')}>
            <BindingFields form={form} set={set} errors={errors} sources={sources} />
          </Section>
          <Section step={3} title={t('charts.section.text')}>
            <TextFields form={form} set={set} errors={errors} />
          </Section>
          <Section step={4} title={t('charts.section.style')}>
            <StyleFields form={form} set={set} errors={errors} />
          </Section>
        </form>
        <div className="designer-side">
          <DataNotices chartId={chartId} version={saves} />
          <Preview spec={spec ?? lastValid} onUseLatest={useLatest} busy={saving} />
          <ExportPanel chartId={dirty ? null : chartId} spec={spec} defaultDpi={resolveSize(lastValid.size).dpi} />
        </div>
      </div>
    </div>
  );
}
