// The designer edits a form, not a spec: numbers are typed as text and every template's options are
// kept while the analyst tries templates. These pure functions turn one into the other and locate
// each validation problem at the field that shows it.
import type { ErrorParams } from '../../../../shared/api/errors';
import {
  chartSizeSchema,
  chartSpecSchema,
  type ChartSpec,
  type NumberFormat,
  type PaletteId,
  type SizePreset,
  type TemplateId,
} from '../../../../shared/charts/spec';
import type { Locale } from '../../../../shared/format/number';

export interface SpecForm {
  template: TemplateId;
  name: string;
  title: string;
  subtitle: string;
  unitLabel: string;
  sourceNote: string;
  footnote: string;
  organisation: string;
  /** YYYY-MM-DD or empty for none. */
  date: string;
  indicators: string[];
  regions: string[];
  scenarios: string[];
  /** Codes of plan targets to draw or track. */
  targets: string[];
  /** Both empty: every year the data has. */
  yearFrom: string;
  yearTo: string;
  /** YYYY-MM-DD: the data as known on that date; empty for the latest data. */
  vintage: string;
  palette: PaletteId;
  locale: Locale;
  numberFormat: NumberFormat;
  decimals: string;
  sizePreset: SizePreset | 'custom';
  customWidth: string;
  customHeight: string;
  customUnit: 'px' | 'cm';
  customDpi: string;
  deadlineMarker: boolean;
  tornadoSort: 'range' | 'given';
  stackedMode: 'area' | 'bars';
  showTotal: boolean;
  regionalMode: 'bars' | 'lines';
}

export type FormField =
  | 'name'
  | 'title'
  | 'subtitle'
  | 'unitLabel'
  | 'sourceNote'
  | 'footnote'
  | 'organisation'
  | 'date'
  | 'indicators'
  | 'regions'
  | 'scenarios'
  | 'targets'
  | 'years'
  | 'vintage'
  | 'decimals'
  | 'customWidth'
  | 'customHeight'
  | 'customDpi'
  | 'form';

/** A problem to show next to a field, as a message key and its parameters. */
export interface FieldError {
  field: FormField;
  key: string;
  params: ErrorParams;
}

export type FormCheck = { ok: true; spec: ChartSpec } | { ok: false; errors: FieldError[] };

/** Defaults of the size fields when the spec has a preset: the 16:9 slide at its print DPI. */
const customDefaults = { width: '1920', height: '1080', unit: 'px', dpi: '192' } as const;

export function formFromSpec(spec: ChartSpec): SpecForm {
  const custom = spec.size.preset === 'custom' ? spec.size : null;
  const options = spec.options as Partial<{ deadlineMarker: boolean; sort: 'range' | 'given'; mode: string; showTotal: boolean }>;
  return {
    template: spec.template,
    name: spec.name,
    title: spec.title,
    subtitle: spec.subtitle,
    unitLabel: spec.unitLabel,
    sourceNote: spec.sourceNote,
    footnote: spec.footnote,
    organisation: spec.organisation,
    date: spec.date ?? '',
    indicators: [...spec.bindings.indicators],
    regions: [...spec.bindings.regions],
    scenarios: [...spec.bindings.scenarios],
    targets: [...spec.bindings.targets],
    yearFrom: spec.bindings.years ? String(spec.bindings.years.from) : '',
    yearTo: spec.bindings.years ? String(spec.bindings.years.to) : '',
    vintage: spec.bindings.vintage ?? '',
    palette: spec.palette,
    locale: spec.locale,
    numberFormat: spec.numberFormat,
    decimals: String(spec.decimals),
    sizePreset: spec.size.preset,
    customWidth: custom ? String(custom.width) : customDefaults.width,
    customHeight: custom ? String(custom.height) : customDefaults.height,
    customUnit: custom ? custom.unit : customDefaults.unit,
    customDpi: custom ? String(custom.dpi) : customDefaults.dpi,
    deadlineMarker: options.deadlineMarker ?? true,
    tornadoSort: options.sort ?? 'range',
    stackedMode: spec.template === 'stacked-components' && options.mode === 'bars' ? 'bars' : 'area',
    showTotal: options.showTotal ?? true,
    regionalMode: spec.template === 'regional-comparison' && options.mode === 'lines' ? 'lines' : 'bars',
  };
}

/** Text typed into a number field; an empty or malformed entry becomes NaN so validation names it. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function optionsOf(form: SpecForm): Record<string, unknown> {
  switch (form.template) {
    case 'target-trajectory':
      return { deadlineMarker: form.deadlineMarker };
    case 'tornado':
      return { sort: form.tornadoSort };
    case 'stacked-components':
      return { mode: form.stackedMode, showTotal: form.showTotal };
    case 'regional-comparison':
      return { mode: form.regionalMode };
    default:
      return {};
  }
}

/** The spec the form describes, before validation (chartSpecSchema decides whether it is one). */
export function specInputFromForm(form: SpecForm): Record<string, unknown> {
  const noYears = form.yearFrom.trim() === '' && form.yearTo.trim() === '';
  return {
    version: 1,
    template: form.template,
    options: optionsOf(form),
    name: form.name,
    bindings: {
      indicators: form.indicators,
      regions: form.regions,
      years: noYears ? null : { from: numberOf(form.yearFrom), to: numberOf(form.yearTo) },
      scenarios: form.scenarios,
      targets: form.targets,
      vintage: form.vintage.trim() === '' ? null : form.vintage.trim(),
    },
    title: form.title,
    subtitle: form.subtitle,
    unitLabel: form.unitLabel,
    sourceNote: form.sourceNote,
    footnote: form.footnote,
    organisation: form.organisation,
    date: form.date.trim() === '' ? null : form.date.trim(),
    palette: form.palette,
    locale: form.locale,
    numberFormat: form.numberFormat,
    decimals: numberOf(form.decimals),
    size:
      form.sizePreset === 'custom'
        ? { preset: 'custom', width: numberOf(form.customWidth), height: numberOf(form.customHeight), unit: form.customUnit, dpi: numberOf(form.customDpi) }
        : { preset: form.sizePreset },
  };
}

interface Issue {
  code: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
}

const plainFields = new Set<FormField>(['name', 'title', 'subtitle', 'unitLabel', 'sourceNote', 'footnote', 'organisation', 'date', 'decimals']);
const sizeFields: Record<string, FormField> = { width: 'customWidth', height: 'customHeight', dpi: 'customDpi' };
const bindingFields: Record<string, FormField> = { indicators: 'indicators', regions: 'regions', scenarios: 'scenarios', targets: 'targets', years: 'years', vintage: 'vintage' };

function fieldOf(path: PropertyKey[]): FormField {
  const [head, next] = path;
  if (head === 'bindings' && typeof next === 'string' && next in bindingFields) return bindingFields[next] as FormField;
  if (head === 'size' && typeof next === 'string' && next in sizeFields) return sizeFields[next] as FormField;
  return typeof head === 'string' && plainFields.has(head as FormField) ? (head as FormField) : 'form';
}

function messageOf(issue: Issue, field: FormField): { key: string; params: ErrorParams } {
  const bound = (v: number | bigint | undefined) => (v === undefined ? null : Number(v));
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { key: 'charts.error.required', params: {} };
      if (issue.origin === 'number') {
        return issue.inclusive ? { key: 'charts.error.min', params: { min: bound(issue.minimum) } } : { key: 'charts.error.positive', params: {} };
      }
      return { key: 'charts.error.invalid', params: {} };
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'charts.error.tooLong', params: { max: bound(issue.maximum) } }
        : { key: 'charts.error.max', params: { max: bound(issue.maximum) } };
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'charts.error.integer' : 'charts.error.number', params: {} };
    case 'invalid_format':
      return { key: field === 'date' || field === 'vintage' ? 'charts.error.date' : 'charts.error.invalid', params: {} };
    case 'custom':
      return { key: field === 'years' ? 'charts.error.yearsOrder' : field === 'vintage' ? 'charts.error.date' : 'charts.error.invalid', params: {} };
    default:
      return { key: 'charts.error.invalid', params: {} };
  }
}

function located(issues: readonly Issue[], prefix: PropertyKey[] = []): FieldError[] {
  return issues.map((issue) => {
    const field = fieldOf([...prefix, ...issue.path]);
    return { field, ...messageOf(issue, field) };
  });
}

/** Checks the form against chartSpecSchema; each problem names the field that shows it, once. */
export function checkForm(form: SpecForm): FormCheck {
  const input = specInputFromForm(form);
  const parsed = chartSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const errors: FieldError[] = [];
  const oneYearOnly = (form.yearFrom.trim() === '') !== (form.yearTo.trim() === '');
  if (oneYearOnly) errors.push({ field: 'years', key: 'charts.error.yearsBoth', params: {} });
  // A size union reports "no option matched"; the custom size's own issues say which field is wrong.
  const issues = parsed.error.issues.filter((issue) => issue.path[0] !== 'size' && !(oneYearOnly && fieldOf(issue.path) === 'years'));
  errors.push(...located(issues));
  const size = (input.size as { preset: string }).preset === 'custom' ? chartSizeSchema.options[1].safeParse(input.size) : null;
  if (size && !size.success) errors.push(...located(size.error.issues, ['size']));
  const firstPerField = new Map<FormField, FieldError>();
  for (const error of errors) if (!firstPerField.has(error.field)) firstPerField.set(error.field, error);
  return { ok: false, errors: [...firstPerField.values()] };
}

/** Key order, whitespace and array identity aside: the same value gives the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when the form holds something other than the saved spec (or the new chart's defaults). */
export function isDirty(form: SpecForm, baseline: SpecForm): boolean {
  return canonical(form) !== canonical(baseline);
}

/** What the preview's data depends on: a title edit redraws at once without asking the backend again. */
export function dataKey(spec: ChartSpec): string {
  return canonical({ template: spec.template, bindings: spec.bindings, locale: spec.locale });
}

export interface SourceChoice {
  indicators: Array<{ code: string }>;
}

/**
 * A new chart starts drawable: the time series of the workspace's first indicator in every region
 * that reports it, which any workspace with data can show. The analyst turns it into the chart wanted.
 */
export function newChartSpec(sources: SourceChoice, locale: Locale, title: string): ChartSpec {
  return chartSpecSchema.parse({
    template: 'indicator-series',
    title,
    locale,
    bindings: { indicators: sources.indicators.slice(0, 1).map((i) => i.code) },
  });
}

/** Adds or removes one entry of a multiple choice, keeping the order in which entries were chosen. */
export function toggle(list: readonly string[], value: string, on: boolean): string[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}
