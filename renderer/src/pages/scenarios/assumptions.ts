// The scenario editor's grid is a property sheet: one row per assumption, each row carrying the
// engine path of its value, so a schema error (`components[1].growth.rate`) lands on its row.
// Pure functions: rows from a draft, an edit back into the draft, issues onto rows, and the diff
// the compare view highlights.
import { scenarioSchema, type ScenarioInput } from '../../../../shared/engine';

/** A scenario being edited: its JSON form, possibly with a bad value where the user typed one. */
export type Draft = ScenarioInput;

export type Editor = 'text' | 'number' | 'optionalNumber' | 'numbers' | 'history' | 'base' | 'select';

export interface RowGroup {
  key: string;
  params?: Record<string, string | number>;
}

export interface AssumptionRow {
  /** The engine path of the value: also the row id. */
  path: string;
  group: RowGroup;
  /** Message key of the field's label. */
  field: string;
  /** The value as the user edits it. */
  value: string;
  /** Unit shown next to the value: 亿元, %, pp, ×, 年, 亿元/年, or ''. */
  unit: string;
  editor: Editor;
  /** Choices of a select, translated with `optionPrefix + option`. */
  options?: readonly string[];
  optionPrefix?: string;
}

export const growthKinds = ['cagr', 'rates', 'increment', 'linear', 'logistic', 'elasticity'] as const;
export const gdpGrowthKinds = growthKinds.filter((k) => k !== 'elasticity');
export const distributionKinds = ['none', 'normal', 'lognormal', 'triangular', 'uniform'] as const;
export const comparators = ['>=', '>'] as const;

type Json = Record<string, unknown>;
type Key = string | number;

/** `components[1].growth.rate` → ['components', 1, 'growth', 'rate']. */
export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${path}`);
    if (m[1]) keys.push(m[1]);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Key, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with the value at `path` replaced (or removed when `value` is undefined). */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  const keys = parsePath(path);
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i]!;
    const copy = (Array.isArray(node) ? [...node] : { ...((node ?? {}) as Json) }) as Record<Key, unknown>;
    if (i === keys.length - 1) {
      if (value === undefined && !Array.isArray(copy)) delete copy[key];
      else copy[key] = value;
    } else copy[key] = write(copy[key], i + 1);
    return copy;
  };
  return write(obj, 0) as T;
}

const num = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function baseText(base: unknown): string {
  if (base && typeof base === 'object' && 'indicator' in base) {
    const ref = base as { indicator: unknown; region: unknown };
    return `${String(ref.indicator)}@${String(ref.region)}`;
  }
  return num(base);
}

function growthRows(growth: Json | undefined, path: string, group: RowGroup, isGdp: boolean): AssumptionRow[] {
  const kind = String(growth?.kind ?? 'cagr');
  const rows: AssumptionRow[] = [
    { path: `${path}.kind`, group, field: 'scenario.field.growthKind', value: kind, unit: '', editor: 'select', options: isGdp ? gdpGrowthKinds : growthKinds, optionPrefix: 'scenario.kind.' },
  ];
  const row = (key: string, field: string, unit: string, editor: Editor, value: unknown = growth?.[key]) =>
    rows.push({ path: `${path}.${key}`, group, field, value: editor === 'numbers' && Array.isArray(value) ? value.join(', ') : num(value), unit, editor });
  switch (kind) {
    case 'cagr':
      row('rate', 'scenario.field.rate', '%', 'number');
      break;
    case 'rates':
      row('rates', 'scenario.field.rates', '%', 'numbers');
      break;
    case 'increment':
      row('amount', 'scenario.field.amount', '亿元/年', 'number');
      break;
    case 'linear': {
      const history = growth?.history;
      rows.push({
        path: `${path}.history`,
        group,
        field: 'scenario.field.history',
        value: Array.isArray(history) ? history.map((p: { year: unknown; value: unknown }) => `${num(p.year)}: ${num(p.value)}`).join('; ') : num(history),
        unit: '亿元',
        editor: 'history',
      });
      break;
    }
    case 'logistic':
      row('ceiling', 'scenario.field.ceiling', '亿元', 'number');
      row('rate', 'scenario.field.logisticRate', '%', 'optionalNumber');
      row('midpointYear', 'scenario.field.midpointYear', '年', 'optionalNumber');
      break;
    case 'elasticity':
      row('elasticity', 'scenario.field.elasticity', '×', 'number');
      break;
  }
  return rows;
}

function distributionRows(dist: Json | undefined, driver: string, group: RowGroup): AssumptionRow[] {
  const path = `uncertainty.drivers.${driver}`;
  const kind = String(dist?.kind ?? 'none');
  const rows: AssumptionRow[] = [
    { path: `${path}.kind`, group, field: 'scenario.field.distribution', value: kind, unit: '', editor: 'select', options: distributionKinds, optionPrefix: 'scenario.dist.' },
  ];
  const params = kind === 'normal' || kind === 'lognormal' ? ['mean', 'sd'] : kind === 'triangular' ? ['min', 'mode', 'max'] : kind === 'uniform' ? ['min', 'max'] : [];
  for (const p of params) rows.push({ path: `${path}.${p}`, group, field: `scenario.field.${p}`, value: num(dist?.[p]), unit: '', editor: 'number' });
  return rows;
}

/** Every editable assumption of a draft, in the order the sheet shows them. */
export function assumptionRows(draft: Draft): AssumptionRow[] {
  const d = draft as unknown as Json;
  const general: RowGroup = { key: 'scenario.group.general' };
  const rows: AssumptionRow[] = [
    { path: 'name', group: general, field: 'scenario.field.name', value: num(d.name), unit: '', editor: 'text' },
    { path: 'baseYear', group: general, field: 'scenario.field.baseYear', value: num(d.baseYear), unit: '年', editor: 'number' },
    { path: 'horizon', group: general, field: 'scenario.field.horizon', value: num(d.horizon), unit: '年', editor: 'number' },
    { path: 'uplift.value', group: general, field: 'scenario.field.uplift', value: num((d.uplift as Json | undefined)?.value ?? 0), unit: 'pp', editor: 'number' },
  ];
  const gdp = (d.gdp ?? {}) as Json;
  const gdpGroup: RowGroup = { key: 'scenario.group.gdp' };
  rows.push({ path: 'gdp.base', group: gdpGroup, field: 'scenario.field.base', value: baseText(gdp.base), unit: '亿元', editor: 'base' });
  rows.push(...growthRows(gdp.growth as Json | undefined, 'gdp.growth', gdpGroup, true));
  const components = (Array.isArray(d.components) ? d.components : []) as Json[];
  components.forEach((c, i) => {
    const group: RowGroup = { key: 'scenario.group.component', params: { name: String(c.name ?? c.id ?? i + 1) } };
    rows.push({ path: `components[${i}].name`, group, field: 'scenario.field.componentName', value: num(c.name), unit: '', editor: 'text' });
    rows.push({ path: `components[${i}].base`, group, field: 'scenario.field.base', value: baseText(c.base), unit: '亿元', editor: 'base' });
    rows.push(...growthRows(c.growth as Json | undefined, `components[${i}].growth`, group, false));
  });
  const targets = (Array.isArray(d.targets) ? d.targets : []) as Json[];
  targets.forEach((x, i) => {
    const group: RowGroup = { key: 'scenario.group.target', params: { id: String(x.id ?? i + 1) } };
    rows.push({ path: `targets[${i}].label`, group, field: 'scenario.field.targetLabel', value: num(x.label), unit: '', editor: 'text' });
    rows.push({ path: `targets[${i}].year`, group, field: 'scenario.field.targetYear', value: num(x.year), unit: '年', editor: 'number' });
    rows.push({
      path: `targets[${i}].comparator`,
      group,
      field: 'scenario.field.comparator',
      value: num(x.comparator ?? '>='),
      unit: '',
      editor: 'select',
      options: comparators,
      optionPrefix: 'scenario.cmp.',
    });
    rows.push({ path: `targets[${i}].value`, group, field: 'scenario.field.targetValue', value: num(x.value), unit: x.kind === 'share' ? '%' : '亿元', editor: 'number' });
  });
  const uncertainty = (d.uncertainty ?? {}) as Json;
  const dists = (uncertainty.drivers ?? {}) as Record<string, Json>;
  rows.push(...distributionRows(dists.gdp, 'gdp', { key: 'scenario.group.uncertaintyGdp' }));
  components.forEach((c) =>
    rows.push(...distributionRows(dists[String(c.id)], String(c.id), { key: 'scenario.group.uncertainty', params: { driver: String(c.name ?? c.id) } })),
  );
  rows.push(...distributionRows(dists.uplift, 'uplift', { key: 'scenario.group.uncertaintyUplift' }));
  rows.push({
    path: 'uncertainty.commonShock.weight',
    group: { key: 'scenario.group.commonShock' },
    field: 'scenario.field.commonShock',
    value: num((uncertainty.commonShock as Json | undefined)?.weight),
    unit: '',
    editor: 'optionalNumber',
  });
  return rows;
}

/** Numbers in a list: "14, 15；16" (commas, Chinese commas, semicolons or spaces). */
function parseNumbers(text: string): number[] | null {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean);
  const values = parts.map(Number);
  return parts.length && values.every(Number.isFinite) ? values : null;
}

/** "2018: 4700; 2019: 5000" → [{year, value}]. */
function parseHistory(text: string): Array<{ year: number; value: number }> | null {
  const pairs = text.split(/[;；\n]+/).map((p) => p.trim()).filter(Boolean);
  const out = pairs.map((p) => /^(\d{4})\s*[:：=]\s*(-?[\d.]+)$/.exec(p)).map((m) => (m ? { year: Number(m[1]), value: Number(m[2]) } : null));
  return out.length && out.every((p) => p && Number.isFinite(p.value)) ? (out as Array<{ year: number; value: number }>) : null;
}

function parseNumber(text: string): number | string {
  const n = Number(text.trim().replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** What a growth-kind or distribution change needs to fill the new fields from the old ones. */
export interface EditContext {
  /** The current value of each driver (listDrivers' nominal), by driver id. */
  nominal: Record<string, number>;
  /** Resolved base values by path (`gdp.base`, `components[0].base`). */
  bases: Record<string, number>;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The yearly growth (%) a spec implies at the start, used to carry it over to a new kind; `gdpRate` in %. */
function impliedRate(spec: Json, base: number, gdpRate: number, driverValue: number | undefined): number {
  switch (spec.kind) {
    case 'cagr':
      return Number(spec.rate) || 0;
    case 'rates':
      return Array.isArray(spec.rates) && spec.rates.length ? (spec.rates as number[]).reduce((a, b) => a + Number(b), 0) / spec.rates.length : 0;
    case 'increment':
    case 'linear':
      return base > 0 ? ((driverValue ?? 0) / base) * 100 : 0;
    case 'logistic':
      return driverValue ?? 0;
    case 'elasticity':
      return (Number(spec.elasticity) || 0) * gdpRate;
    default:
      return 0;
  }
}

function growthOfKind(kind: string, rate: number, base: number, baseYear: number, years: number, gdpRate: number): Json {
  switch (kind) {
    case 'rates':
      return { kind, rates: Array.from({ length: Math.max(1, years) }, () => round(rate)) };
    case 'increment':
      return { kind, amount: round((base * rate) / 100, 1) };
    case 'linear':
      return { kind, history: [{ year: baseYear - 1, value: round(base / (1 + rate / 100), 1) }, { year: baseYear, value: base }] };
    case 'logistic':
      return { kind, ceiling: round(base * 3, 0), rate: round(rate) };
    case 'elasticity':
      return { kind, elasticity: gdpRate > 0 ? round(rate / gdpRate) : 1 };
    default:
      return { kind: 'cagr', rate: round(rate) };
  }
}

function defaultDistribution(kind: string, nominal: number): Json | undefined {
  const spread = round(Math.max(Math.abs(nominal) * 0.2, 0.5));
  switch (kind) {
    case 'normal':
      return { kind, mean: round(nominal), sd: spread };
    case 'lognormal':
      return { kind, mean: nominal > 0 ? round(nominal) : 1, sd: spread };
    case 'triangular':
      return { kind, min: round(nominal - 2 * spread), mode: round(nominal), max: round(nominal + 2 * spread) };
    case 'uniform':
      return { kind, min: round(nominal - spread), max: round(nominal + spread) };
    default:
      return undefined;
  }
}

/** The draft with one row's new text applied. Text that does not parse is kept as typed, so the schema names the field. */
export function applyEdit(draft: Draft, row: Pick<AssumptionRow, 'path' | 'editor'>, text: string, ctx: EditContext): Draft {
  const { path } = row;
  const keys = parsePath(path);
  const last = keys[keys.length - 1];
  if (row.editor === 'select' && last === 'kind' && keys[0] === 'uncertainty') {
    const driver = String(keys[2]);
    const next = defaultDistribution(text, ctx.nominal[driver] ?? 0);
    let out = setAt(draft, `uncertainty.drivers.${driver}`, next);
    if (!out.uncertainty?.drivers || Object.keys(out.uncertainty.drivers).length === 0) out = setAt(out, 'uncertainty', undefined);
    return out;
  }
  if (row.editor === 'select' && last === 'kind') {
    const growthPath = path.slice(0, -'.kind'.length);
    const seriesPath = growthPath.slice(0, -'.growth'.length);
    const old = (getAt(draft, growthPath) ?? {}) as Json;
    if (old.kind === text) return draft;
    const driver = seriesPath === 'gdp' ? 'gdp' : String((getAt(draft, `${seriesPath}.id`) as string | undefined) ?? '');
    const base = ctx.bases[`${seriesPath}.base`] ?? 0;
    // GDP's own growth in %, for converting to and from an elasticity.
    const gdpRate = impliedRate((draft.gdp?.growth ?? {}) as Json, ctx.bases['gdp.base'] ?? 0, 0, ctx.nominal.gdp);
    const rate = impliedRate(old, base, gdpRate, ctx.nominal[driver]);
    const years = Number(draft.horizon) - Number(draft.baseYear);
    return setAt(draft, growthPath, growthOfKind(text, rate, base, Number(draft.baseYear), years, gdpRate));
  }
  switch (row.editor) {
    case 'text':
    case 'select':
      return setAt(draft, path, text);
    case 'number':
      if (path === 'uplift.value' && text.trim() === '') return setAt(draft, path, 0);
      return setAt(draft, path, parseNumber(text));
    case 'optionalNumber': {
      if (text.trim() === '') {
        const out = setAt(draft, path, undefined);
        return path === 'uncertainty.commonShock.weight' ? setAt(out, 'uncertainty.commonShock', undefined) : out;
      }
      let out = setAt(draft, path, parseNumber(text));
      // A logistic curve takes its rate or its midpoint year, never both: the one typed wins.
      if (last === 'rate') out = setAt(out, path.replace(/\.rate$/, '.midpointYear'), undefined);
      if (last === 'midpointYear') out = setAt(out, path.replace(/\.midpointYear$/, '.rate'), undefined);
      return out;
    }
    case 'numbers':
      return setAt(draft, path, parseNumbers(text) ?? text);
    case 'history':
      return setAt(draft, path, parseHistory(text) ?? text);
    case 'base': {
      const ref = /^\s*([A-Za-z][\w.-]*)\s*@\s*([\w-]+)\s*$/.exec(text);
      return setAt(draft, path, ref ? { indicator: ref[1], region: ref[2] } : parseNumber(text));
    }
  }
}

/** One schema issue, located: the engine path and the zod issue's code and parameters for translation. */
export interface DraftIssue {
  path: string;
  code: string;
  message: string;
  params: Record<string, string | number>;
}

function formatKeys(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

/** The draft checked with the engine's own schema; every issue with its path. */
export function validateDraft(draft: Draft): DraftIssue[] {
  const parsed = scenarioSchema.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const extra = issue as unknown as { params?: Record<string, string | number>; minimum?: number | bigint; maximum?: number | bigint; origin?: string; expected?: string; keys?: string[] };
    const params: Record<string, string | number> = { ...(extra.params ?? {}) };
    if (extra.minimum !== undefined) params.minimum = Number(extra.minimum);
    if (extra.maximum !== undefined) params.maximum = Number(extra.maximum);
    if (extra.origin) params.origin = extra.origin;
    if (extra.expected) params.expected = extra.expected;
    if (extra.keys) params.keys = extra.keys.join(', ');
    return { path: formatKeys(issue.path), code: issue.code, message: issue.message, params };
  });
}

/** The message key and parameters that say what is wrong, in the user's language. */
export function issueKey(issue: DraftIssue): { key: string; params: Record<string, string | number> } {
  const p = issue.params;
  if (issue.code === 'custom' && typeof p.key === 'string') return { key: `scenario.issue.${p.key}`, params: p };
  if (issue.code === 'too_small') {
    if (p.origin === 'string') return { key: 'scenario.issue.empty', params: p };
    if (p.origin === 'array') return { key: 'scenario.issue.tooFew', params: p };
    return { key: 'scenario.issue.tooSmall', params: p };
  }
  if (issue.code === 'too_big') return { key: p.origin === 'array' ? 'scenario.issue.tooMany' : 'scenario.issue.tooBig', params: p };
  if (issue.code === 'invalid_type') return { key: p.expected === 'number' ? 'scenario.issue.notNumber' : 'scenario.issue.invalidType', params: p };
  if (issue.code === 'invalid_union') return { key: 'scenario.issue.notNumberOrRef', params: p };
  if (issue.code === 'invalid_format') return { key: 'scenario.issue.idFormat', params: p };
  if (issue.code === 'unrecognized_keys') return { key: 'scenario.issue.unknownKeys', params: p };
  return { key: 'scenario.issue.invalid', params: p };
}

/**
 * The row an issue belongs to: the row at its path, else the first row inside it (an issue on a
 * whole growth spec), else the deepest row above it; null when no row shows it.
 */
export function rowForIssue(rows: readonly AssumptionRow[], path: string): AssumptionRow | null {
  const exact = rows.find((r) => r.path === path);
  if (exact) return exact;
  const inside = rows.find((r) => r.path.startsWith(`${path}.`) || r.path.startsWith(`${path}[`));
  if (inside) return inside;
  let best: AssumptionRow | null = null;
  for (const r of rows) if ((path.startsWith(`${r.path}.`) || path.startsWith(`${r.path}[`)) && (!best || r.path.length > best.path.length)) best = r;
  return best;
}

/** Issues by row path, and the ones no row shows. */
export function placeIssues(rows: readonly AssumptionRow[], issues: readonly DraftIssue[]): { byRow: Map<string, DraftIssue[]>; unplaced: DraftIssue[] } {
  const byRow = new Map<string, DraftIssue[]>();
  const unplaced: DraftIssue[] = [];
  for (const issue of issues) {
    const row = rowForIssue(rows, issue.path);
    if (!row) unplaced.push(issue);
    else byRow.set(row.path, [...(byRow.get(row.path) ?? []), issue]);
  }
  return { byRow, unplaced };
}

export interface DiffRow {
  path: string;
  group: RowGroup;
  field: string;
  unit: string;
  optionPrefix?: string;
  /** One value per scenario, '' where a scenario has no such row. */
  values: string[];
  differs: boolean;
}

/** The assumptions of 2–4 scenarios side by side, with the rows whose values differ flagged. */
export function diffAssumptions(drafts: readonly Draft[]): DiffRow[] {
  const perScenario = drafts.map((d) => new Map(assumptionRows(d).filter((r) => r.path !== 'name').map((r) => [r.path, r])));
  const order: AssumptionRow[] = [];
  const seen = new Set<string>();
  for (const rows of perScenario) {
    for (const row of rows.values()) {
      if (seen.has(row.path)) continue;
      seen.add(row.path);
      order.push(row);
    }
  }
  return order.map((row) => {
    const values = perScenario.map((rows) => rows.get(row.path)?.value ?? '');
    return { path: row.path, group: row.group, field: row.field, unit: row.unit, optionPrefix: row.optionPrefix, values, differs: values.some((v) => v !== values[0]) };
  });
}
