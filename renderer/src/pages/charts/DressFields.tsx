import { chartSizeSchema, numberFormats, paletteIds, resolveSize, sizePresets, type SizePreset } from '../../../../shared/charts/spec';
import { formatPlain } from '../../../../shared/format/number';
import { starterOf, type StarterChartTexts } from '../../../../shared/i18n/starter-charts';
import { useApp } from '../../app-context';
import { Field, Segmented, type FormProps } from './Field';
import { specInputFromForm, type SpecForm } from './spec-form';
import { starters } from './starters';
import { DateField } from '../../components/DateField';

type TextKey = 'title' | 'subtitle' | 'unitLabel' | 'sourceNote' | 'footnote' | 'organisation' | 'name';
type StarterKey = Exclude<keyof StarterChartTexts, 'notes'>;

const starterKeys: readonly StarterKey[] = ['name', 'title', 'subtitle', 'sourceNote', 'footnote'];

/**
 * Title block and footer lines, as the briefing reader sees them. A chart made from a starter chart
 * offers the starter's text for each field in the chart's language where the field says something
 * else, and, when the chart is in another language than the UI, all of them in the UI's language at
 * once (texts and chart language together, so a chart never mixes two).
 */
export function TextFields({ form, set, errors }: FormProps) {
  const { t, locale } = useApp();
  const starter = starterOf(form, starters);
  const suggestion = (key: TextKey): string | null => {
    if (!starter || !(starterKeys as readonly string[]).includes(key)) return null;
    const text = starter[form.locale][key as StarterKey];
    return text && text !== form[key] ? text : null;
  };
  const useStarter = () => {
    if (!starter) return;
    const texts = Object.fromEntries(starterKeys.map((key) => [key, starter[locale][key]]));
    set({ ...texts, locale });
  };
  const text = (key: TextKey, options: { multiline?: boolean; placeholder?: string; wide?: boolean } = {}) => {
    const suggested = suggestion(key);
    return (
      <Field label={t(`charts.text.${key}`)} field={key} errors={errors} wide={options.wide ?? true}>
        {options.multiline ? (
          <textarea rows={2} value={form[key]} placeholder={options.placeholder} onChange={(e) => set({ [key]: e.target.value })} data-testid={`text-${key}`} />
        ) : (
          <input type="text" value={form[key]} placeholder={options.placeholder} onChange={(e) => set({ [key]: e.target.value })} data-testid={`text-${key}`} />
        )}
        {suggested && (
          <button type="button" className="link-button text-suggestion" onClick={() => set({ [key]: suggested })} data-testid={`suggest-${key}`}>
            {t('charts.text.suggestion', { text: suggested })}
          </button>
        )}
      </Field>
    );
  };
  return (
    <div className="field-stack">
      {starter && form.locale !== locale && (
        <button type="button" className="text-suggestion-all" onClick={useStarter} data-testid="suggest-all">
          {t('charts.text.useStarter')}
        </button>
      )}
      {text('title')}
      {text('subtitle')}
      {text('unitLabel', { placeholder: t('charts.text.unitLabelHint') })}
      {text('sourceNote', { multiline: true, placeholder: t('charts.text.sourceNoteHint') })}
      {text('footnote', { multiline: true })}
      <div className="field-row">
        {text('organisation', { wide: false })}
        <Field label={t('charts.text.date')} field="date" errors={errors}>
          <DateField value={form.date} onChange={(date) => set({ date })} passInvalid testId="text-date" />
        </Field>
      </div>
      {text('name', { placeholder: form.title || t('charts.text.nameHint') })}
    </div>
  );
}

function SizeSummary({ form }: { form: SpecForm }) {
  const { t, locale } = useApp();
  const size = chartSizeSchema.safeParse(specInputFromForm(form).size);
  if (!size.success) return null;
  const resolved = resolveSize(size.data);
  const cm = (px: number) => formatPlain((px / 96) * 2.54, locale, 1);
  return (
    <p className="field-hint size-summary" data-testid="size-summary">
      {t('charts.style.sizeSummary', {
        width: formatPlain(resolved.width, locale, 0),
        height: formatPlain(resolved.height, locale, 0),
        widthCm: cm(resolved.width),
        heightCm: cm(resolved.height),
        dpi: formatPlain(resolved.dpi, locale, 0),
      })}
    </p>
  );
}

/** Template options that exist for the chosen template only. */
function TemplateOptions({ form, set }: FormProps) {
  const { t } = useApp();
  switch (form.template) {
    case 'target-trajectory':
      return (
        <label className="check">
          <input type="checkbox" checked={form.deadlineMarker} onChange={(e) => set({ deadlineMarker: e.target.checked })} />
          {t('charts.option.deadlineMarker')}
        </label>
      );
    case 'tornado':
      return (
        <Segmented
          name="tornado-sort"
          label={t('charts.option.sort')}
          value={form.tornadoSort}
          onChange={(tornadoSort) => set({ tornadoSort })}
          choices={[
            { value: 'range', label: t('charts.option.sort.range') },
            { value: 'given', label: t('charts.option.sort.given') },
          ]}
        />
      );
    case 'stacked-components':
      return (
        <>
          <Segmented
            name="stacked-mode"
            label={t('charts.option.mode')}
            value={form.stackedMode}
            onChange={(stackedMode) => set({ stackedMode })}
            choices={[
              { value: 'area', label: t('charts.option.mode.area') },
              { value: 'bars', label: t('charts.option.mode.bars') },
            ]}
          />
          <label className="check">
            <input type="checkbox" checked={form.showTotal} onChange={(e) => set({ showTotal: e.target.checked })} />
            {t('charts.option.showTotal')}
          </label>
        </>
      );
    case 'regional-comparison':
      return (
        <Segmented
          name="regional-mode"
          label={t('charts.option.mode')}
          value={form.regionalMode}
          onChange={(regionalMode) => set({ regionalMode })}
          choices={[
            { value: 'bars', label: t('charts.option.mode.bars') },
            { value: 'lines', label: t('charts.option.mode.lines') },
          ]}
        />
      );
    default:
      return <p className="field-hint">{t('charts.option.none')}</p>;
  }
}

/** Palette, language, numbers, size and the template's own options. */
export function StyleFields({ form, set, errors }: FormProps) {
  const { t } = useApp();
  return (
    <div className="field-stack">
      <Segmented name="palette" label={t('charts.style.palette')} value={form.palette} onChange={(palette) => set({ palette })} choices={paletteIds.map((p) => ({ value: p, label: t(`charts.palette.${p}`) }))} />
      <Segmented
        name="chart-locale"
        label={t('charts.style.locale')}
        value={form.locale}
        onChange={(locale) => set({ locale })}
        choices={[
          { value: 'zh', label: t('charts.style.locale.zh') },
          { value: 'en', label: t('charts.style.locale.en') },
        ]}
      />
      <div className="field-row">
        <Field label={t('charts.style.numberFormat')}>
          <select value={form.numberFormat} onChange={(e) => set({ numberFormat: e.target.value as SpecForm['numberFormat'] })}>
            {numberFormats.map((f) => (
              <option key={f} value={f}>
                {t(`charts.numberFormat.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('charts.style.decimals')} field="decimals" errors={errors}>
          <input type="number" min={0} max={4} step={1} className="narrow" value={form.decimals} onChange={(e) => set({ decimals: e.target.value })} data-testid="style-decimals" />
        </Field>
      </div>
      <Field label={t('charts.style.size')} wide>
        <select value={form.sizePreset} onChange={(e) => set({ sizePreset: e.target.value as SizePreset | 'custom' })} data-testid="style-size">
          {[...sizePresets, 'custom' as const].map((p) => (
            <option key={p} value={p}>
              {t(`charts.size.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      {form.sizePreset === 'custom' && (
        <div className="field-row custom-size">
          <Field label={t('charts.style.width')} field="customWidth" errors={errors}>
            <input type="number" min={1} className="narrow" value={form.customWidth} onChange={(e) => set({ customWidth: e.target.value })} data-testid="style-width" />
          </Field>
          <Field label={t('charts.style.height')} field="customHeight" errors={errors}>
            <input type="number" min={1} className="narrow" value={form.customHeight} onChange={(e) => set({ customHeight: e.target.value })} data-testid="style-height" />
          </Field>
          <Field label={t('charts.style.unit')}>
            <select value={form.customUnit} onChange={(e) => set({ customUnit: e.target.value as 'px' | 'cm' })}>
              <option value="px">{t('charts.style.unit.px')}</option>
              <option value="cm">{t('charts.style.unit.cm')}</option>
            </select>
          </Field>
          <Field label={t('charts.style.dpi')} field="customDpi" errors={errors}>
            <input type="number" min={96} max={600} className="narrow" value={form.customDpi} onChange={(e) => set({ customDpi: e.target.value })} data-testid="style-dpi" />
          </Field>
        </div>
      )}
      <SizeSummary form={form} />
      <div className="template-options">
        <span className="field-label">{t('charts.style.options')}</span>
        <TemplateOptions form={form} set={set} errors={errors} />
      </div>
    </div>
  );
}
