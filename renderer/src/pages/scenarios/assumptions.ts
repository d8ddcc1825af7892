// The scenario editor's grid is a property sheet: one row per assumption, each row carrying the
// engine path of its value, so a schema error (`components[1].growth.rate`) lands on its row.
// Pure functions: rows from a draft, an edit back into the draft, components and targets added and
// removed, issues onto rows, and the diff the compare view highlights.
import type { Locale } from '../../../../shared/format/number';
import { componentName } from '../../../../shared/i18n/scenario-names';
import { reservedDriverIds, scenarioSchema, type DriverInfo, type Persistence, type ProjectionResult, type ScenarioInput } from '../../../../shared/engine';

/** A scenario being edited: its JSON form, possibly with a bad value where the user typed one. */
export type Draft = ScenarioInput;

export type Editor = 'text' | 'optionalText' | 'number' | 'optionalNumber' | 'numbers' | 'history' | 'base' | 'select' | 'bound';

/** A list of the scenario whose items the sheet adds and removes. */
export type ItemList = 'components' | 'targets';

export interface RowGroup {
  key: string;
  params?: Record<string, string | number>;
  /** The params in English where they differ (a target's English label). */
  paramsEn?: Record<string, string | number>;
}

/** A group's heading in `locale`. */
export function groupHeading(group: RowGroup, locale: Locale, t: (key: string, params?: Record<string, string | number>) => string): string {
  return t(group.key, locale === 'en' && group.paramsEn ? group.paramsEn : group.params);
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
  /** Labels of options that are data rather than messages (a component's name for its id). */
  optionLabels?: Readonly<Record<string, string>>;
  /** What the engine uses while the value is empty (a driver's default bound), shown greyed. */
  fallback?: string;
  /** Message key of a longer explanation, shown as the field's tooltip (the persistence choices). */
  hint?: string;
  /** On the first row of a component's or a target's group: the item, and whether the sheet may remove it. */
  item?: { list: ItemList; index: number; removable: boolean };
}

export const growthKinds = ['cagr', 'rates', 'increment', 'linear', 'logistic', 'elasticity'] as const;
export const gdpGrowthKinds = growthKinds.filter((k) => k !== 'elasticity');
export const distributionKinds = ['none', 'normal', 'lognormal', 'triangular', 'uniform'] as const;
export const comparators = ['>=', '>'] as const;
/** The scenario's persistence choices (docs/ENGINE.md, "Persistence"); 'ar' stands for a number ρ. */
export const persistenceKinds = ['path', 'year', 'ar'] as const;
/** A driver's: as the scenario, or its own. */
export const driverPersistenceKinds = ['inherit', ...persistenceKinds] as const;
/** ρ when 自相关 is picked and no number was written before. */
export const defaultRho = 0.5;
/** What a new scenario draws with (the editor's 新建情景; the engine's default for a definition without one is 'year'). */
export const newScenarioPersistence: Persistence = 'path';
/** How Monte Carlo draws its normals (docs/ENGINE.md, "Sampling"); a definition without `sampling` draws 'random'. */
export const samplingKinds = ['random', 'lhs'] as const;

/**
 * The select's value for a persistence as written: the word 'path' or 'year', `absent` when none, else
 * 'ar' (a number, or text typed where ρ goes: its row stays, with the schema's complaint on it).
 */
function persistenceKind(value: unknown, absent: string): string {
  return value === undefined ? absent : value === 'path' || value === 'year' ? value : 'ar';
}

/**
 * What a persistence not written means: a driver's, the scenario's ('inherit'); the scenario's, 'year'
 * (the engine's default) in an uncertainty section, else what the editor will write when it creates one.
 */
function absentPersistence(draft: Draft, path: string): string {
  if (path !== 'uncertainty.persistence') return 'inherit';
  return persistenceKind(draft.uncertainty ? undefined : newScenarioPersistence, 'year');
}

/** The persistence rows at `path` (`uncertainty.persistence` or a driver's): the choice, and ρ when it is a number. */
function persistenceRows(value: unknown, path: string, group: RowGroup, absent: string): AssumptionRow[] {
  const driver = path !== 'uncertainty.persistence';
  const kind = persistenceKind(value, absent);
  const rows: AssumptionRow[] = [
    {
      path: `${path}.kind`,
      group,
      field: driver ? 'scenario.field.driverPersistence' : 'scenario.field.persistence',
      value: kind,
      unit: '',
      editor: 'select',
      options: driver ? driverPersistenceKinds : persistenceKinds,
      optionPrefix: 'scenario.persistence.',
      hint: 'scenario.persistence.help',
    },
  ];
  if (kind === 'ar') rows.push({ path, group, field: 'scenario.field.rho', value: num(value), unit: '', editor: 'number', hint: 'scenario.persistence.help' });
  return rows;
}
export const targetKinds = ['total', 'share', 'component'] as const;

/** The unit of the driver a growth spec gives its series (see docs/ENGINE.md, "Drivers"). */
export function driverUnit(kind: unknown): string {
  return ({ cagr: '%', rates: 'pp', increment: '亿元/年', linear: '亿元/年', logistic: '%', elasticity: '×' } as Record<string, string>)[String(kind)] ?? '';
}

const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

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

function boundRows(series: string, bounds: Json | undefined, unit: string, group: RowGroup, inUse: DriverInfo['bounds'] | undefined): AssumptionRow[] {
  return (['min', 'max'] as const).map((side) => ({
    path: `${series}.bounds.${side}`,
    group,
    field: `scenario.field.bound.${side}`,
    value: num(bounds?.[side]),
    unit,
    editor: 'bound' as const,
    ...(bounds === undefined && inUse ? { fallback: String(inUse[side]) } : {}),
  }));
}

function distributionRows(dist: Json | undefined, driver: string, group: RowGroup, unit: string): AssumptionRow[] {
  const path = `uncertainty.drivers.${driver}`;
  const kind = String(dist?.kind ?? 'none');
  const rows: AssumptionRow[] = [
    { path: `${path}.kind`, group, field: 'scenario.field.distribution', value: kind, unit: '', editor: 'select', options: distributionKinds, optionPrefix: 'scenario.dist.' },
  ];
  const params = kind === 'normal' || kind === 'lognormal' ? ['mean', 'sd'] : kind === 'triangular' ? ['min', 'mode', 'max'] : kind === 'uniform' ? ['min', 'max'] : [];
  for (const p of params) rows.push({ path: `${path}.${p}`, group, field: `scenario.field.${p}`, value: num(dist?.[p]), unit, editor: 'number' });
  if (kind !== 'none') {
    const truncate = dist?.truncate as Json | undefined;
    for (const side of ['min', 'max']) {
      rows.push({ path: `${path}.truncate.${side}`, group, field: `scenario.field.truncate.${side}`, value: num(truncate?.[side]), unit, editor: 'optionalNumber' });
    }
    rows.push(...persistenceRows(dist?.persistence, `${path}.persistence`, group, 'inherit'));
  }
  return rows;
}

function targetRows(x: Json, i: number, components: readonly Json[]): AssumptionRow[] {
  // Named by its label (万亿级规模), in English by its English one where written: an id (P2027) is no name.
  const group: RowGroup = {
    key: 'scenario.group.target',
    params: { label: String(x.label || x.id || i + 1) },
    ...(typeof x.labelEn === 'string' && x.labelEn ? { paramsEn: { label: x.labelEn } } : {}),
  };
  const at = (key: string) => `targets[${i}].${key}`;
  const rows: AssumptionRow[] = [
    { path: at('label'), group, field: 'scenario.field.targetLabel', value: num(x.label), unit: '', editor: 'text', item: { list: 'targets', index: i, removable: true } },
    { path: at('labelEn'), group, field: 'scenario.field.targetLabelEn', value: num(x.labelEn), unit: '', editor: 'optionalText' },
    { path: at('kind'), group, field: 'scenario.field.targetKind', value: num(x.kind), unit: '', editor: 'select', options: targetKinds, optionPrefix: 'scenario.targetKind.' },
  ];
  if (x.kind === 'component') {
    const ids = components.map((c) => String(c.id ?? ''));
    rows.push({
      path: at('componentId'),
      group,
      field: 'scenario.field.targetComponent',
      value: num(x.componentId),
      unit: '',
      editor: 'select',
      options: ids,
      optionLabels: Object.fromEntries(components.map((c) => [String(c.id ?? ''), String(c.name ?? '')])),
    });
  }
  rows.push(
    { path: at('year'), group, field: 'scenario.field.targetYear', value: num(x.year), unit: '年', editor: 'number' },
    { path: at('comparator'), group, field: 'scenario.field.comparator', value: num(x.comparator ?? '>='), unit: '', editor: 'select', options: comparators, optionPrefix: 'scenario.cmp.' },
    { path: at('value'), group, field: 'scenario.field.targetValue', value: num(x.value), unit: x.kind === 'share' ? '%' : '亿元', editor: 'number' },
  );
  return rows;
}

/**
 * Every editable assumption of a draft, in the order the sheet shows them. `drivers` (listDrivers of
 * the same draft, when it is valid) gives the bounds in use where the scenario writes none.
 */
export function assumptionRows(draft: Draft, drivers: readonly DriverInfo[] = []): AssumptionRow[] {
  const d = draft as unknown as Json;
  const inUse = (id: string) => drivers.find((x) => x.id === id && !x.boundsFromScenario)?.bounds;
  const general: RowGroup = { key: 'scenario.group.general' };
  const uplift = d.uplift as Json | undefined;
  const rows: AssumptionRow[] = [
    { path: 'name', group: general, field: 'scenario.field.name', value: num(d.name), unit: '', editor: 'text' },
    { path: 'nameEn', group: general, field: 'scenario.field.nameEn', value: num(d.nameEn), unit: '', editor: 'optionalText' },
    { path: 'baseYear', group: general, field: 'scenario.field.baseYear', value: num(d.baseYear), unit: '年', editor: 'number' },
    { path: 'horizon', group: general, field: 'scenario.field.horizon', value: num(d.horizon), unit: '年', editor: 'number' },
    { path: 'uplift.value', group: general, field: 'scenario.field.uplift', value: num(uplift?.value ?? 0), unit: 'pp', editor: 'number' },
    ...boundRows('uplift', uplift?.bounds as Json | undefined, 'pp', general, inUse('uplift')),
  ];
  const gdp = (d.gdp ?? {}) as Json;
  const gdpGroup: RowGroup = { key: 'scenario.group.gdp' };
  const gdpGrowth = gdp.growth as Json | undefined;
  rows.push({ path: 'gdp.base', group: gdpGroup, field: 'scenario.field.base', value: baseText(gdp.base), unit: '亿元', editor: 'base' });
  rows.push(...growthRows(gdpGrowth, 'gdp.growth', gdpGroup, true));
  rows.push(...boundRows('gdp', gdp.bounds as Json | undefined, driverUnit(gdpGrowth?.kind ?? 'cagr'), gdpGroup, inUse('gdp')));
  const components = (Array.isArray(d.components) ? d.components : []) as Json[];
  components.forEach((c, i) => {
    // Named by its name in each language (a starting one's English from its seeded label); its id, the key its driver goes by, never shows.
    const name = String(c.name || i + 1);
    const group: RowGroup = { key: 'scenario.group.component', params: { name }, paramsEn: { name: componentName({ name, nameEn: typeof c.nameEn === 'string' && c.nameEn ? c.nameEn : null }, 'en') } };
    const growth = c.growth as Json | undefined;
    rows.push({ path: `components[${i}].name`, group, field: 'scenario.field.componentName', value: num(c.name), unit: '', editor: 'text', item: { list: 'components', index: i, removable: components.length > 1 } });
    rows.push({ path: `components[${i}].nameEn`, group, field: 'scenario.field.componentNameEn', value: num(c.nameEn), unit: '', editor: 'optionalText' });
    rows.push({ path: `components[${i}].base`, group, field: 'scenario.field.base', value: baseText(c.base), unit: '亿元', editor: 'base' });
    rows.push(...growthRows(growth, `components[${i}].growth`, group, false));
    rows.push(...boundRows(`components[${i}]`, c.bounds as Json | undefined, driverUnit(growth?.kind ?? 'cagr'), group, typeof c.id === 'string' ? inUse(c.id) : undefined));
  });
  const targets = (Array.isArray(d.targets) ? d.targets : []) as Json[];
  targets.forEach((x, i) => rows.push(...targetRows(x, i, components)));
  const uncertainty = (d.uncertainty ?? {}) as Json;
  const dists = (uncertainty.drivers ?? {}) as Record<string, Json>;
  rows.push(...distributionRows(dists.gdp, 'gdp', { key: 'scenario.group.uncertaintyGdp' }, driverUnit(gdpGrowth?.kind ?? 'cagr')));
  // A component's distribution has rows only while its id can name a driver (valid, not reserved, not taken).
  const named = new Set<string>(reservedDriverIds);
  for (const c of components) {
    const id = c.id;
    if (typeof id !== 'string' || !idPattern.test(id) || named.has(id)) continue;
    named.add(id);
    const driver = String(c.name || id);
    const group: RowGroup = {
      key: 'scenario.group.uncertainty',
      params: { driver },
      paramsEn: { driver: componentName({ name: driver, nameEn: typeof c.nameEn === 'string' && c.nameEn ? c.nameEn : null }, 'en') },
    };
    rows.push(...distributionRows(dists[id], id, group, driverUnit((c.growth as Json | undefined)?.kind ?? 'cagr')));
  }
  rows.push(...distributionRows(dists.uplift, 'uplift', { key: 'scenario.group.uncertaintyUplift' }, 'pp'));
  rows.push(...persistenceRows(uncertainty.persistence, 'uncertainty.persistence', { key: 'scenario.group.persistence' }, absentPersistence(draft, 'uncertainty.persistence')));
  rows.push({
    path: 'uncertainty.sampling',
    group: { key: 'scenario.group.sampling' },
    field: 'scenario.field.sampling',
    value: String(uncertainty.sampling ?? 'random'),
    unit: '',
    editor: 'select',
    options: samplingKinds,
    optionPrefix: 'scenario.sampling.',
    hint: 'scenario.sampling.help',
  });
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

/** A number typed (thousands separators allowed), else the text as typed, for the schema to flag. */
export function parseNumber(text: string): number | string {
  const n = Number(text.trim().replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** What an edit needs to fill new fields from the old ones: the committed draft's live model. */
export interface EditContext {
  /** The current value of each driver (listDrivers' nominal), by driver id. */
  nominal: Record<string, number>;
  /** Resolved base values by path (`gdp.base`, `components[0].base`). */
  bases: Record<string, number>;
  /** Every driver with the bounds in use; empty while the draft is invalid. */
  drivers?: readonly DriverInfo[];
  /** The draft's projection, for a new target's starting value; null while the draft is invalid. */
  projection?: ProjectionResult | null;
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

/** The driver's value a spec built by growthOfKind stands for (a rates spec's shift is 0; a two-point history's slope). */
function nominalOf(spec: Json): number {
  switch (spec.kind) {
    case 'cagr':
    case 'logistic':
      return Number(spec.rate) || 0;
    case 'increment':
      return Number(spec.amount) || 0;
    case 'linear': {
      const [a, b] = spec.history as Array<{ year: number; value: number }>;
      return a && b && b.year !== a.year ? round((b.value - a.value) / (b.year - a.year), 1) : 0;
    }
    case 'elasticity':
      return Number(spec.elasticity) || 0;
    default:
      return 0;
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

const isEmptyObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

/** The draft without the value at `path`, and without the objects that leaves empty (`truncate`, `commonShock`, `bounds`). */
export function clearAt(draft: Draft, path: string): Draft {
  let out = setAt(draft, path, undefined);
  let at = path;
  while (at.includes('.')) {
    at = at.slice(0, at.lastIndexOf('.'));
    if (!isEmptyObject(getAt(out, at))) break;
    out = setAt(out, at, undefined);
  }
  return out;
}

/**
 * The draft with an uncertainty section to write into: one the editor creates draws once per path
 * (`newScenarioPersistence`), as new scenarios do; an existing one is kept as it is.
 */
export function withUncertainty(draft: Draft): Draft {
  if (draft.uncertainty?.drivers) return draft;
  return setAt(draft, 'uncertainty', { ...(draft.uncertainty ?? {}), drivers: {}, persistence: draft.uncertainty?.persistence ?? newScenarioPersistence });
}

/**
 * The uncertainty section with one driver's distribution set, or removed (and the section with its last
 * one). A driver no longer drawn leaves the correlation matrix too: it has nothing left to correlate.
 */
function withDistribution(draft: Draft, driver: string, dist: Json | undefined): Draft {
  const drivers = { ...((draft.uncertainty?.drivers ?? {}) as Record<string, Json>) };
  if (dist) drivers[driver] = dist;
  else delete drivers[driver];
  if (!Object.keys(drivers).length) return setAt(draft, 'uncertainty', undefined);
  const out = setAt(withUncertainty(draft), 'uncertainty.drivers', drivers);
  return dist ? out : withoutCorrelated(out, driver);
}

/** The correlations without one driver's row and column; without the matrix when fewer than two drivers are left. */
export function withoutCorrelated(draft: Draft, driver: string): Draft {
  const c = draft.uncertainty?.correlations;
  const at = Array.isArray(c?.drivers) ? c.drivers.indexOf(driver) : -1;
  if (!c || at < 0) return draft;
  if (c.drivers.length <= 2) return clearAt(draft, 'uncertainty.correlations');
  const keep = (_: unknown, i: number) => i !== at;
  const matrix = Array.isArray(c.matrix) ? c.matrix.filter(keep).map((row) => (Array.isArray(row) ? row.filter(keep) : row)) : c.matrix;
  return setAt(draft, 'uncertainty.correlations', { drivers: c.drivers.filter(keep), matrix });
}

/** A persistence-like choice for how the normals are drawn: 'lhs' written, 'random' (the default) by removing the key. */
function changeSampling(draft: Draft, kind: string): Draft {
  if (kind === String(draft.uncertainty?.sampling ?? 'random')) return draft;
  return kind === 'random' ? clearAt(draft, 'uncertainty.sampling') : setAt(withUncertainty(draft), 'uncertainty.sampling', kind);
}

/** The driver id of a series path: `gdp`, `uplift` or the component's id. */
function driverOf(draft: Draft, series: string): string {
  return series === 'gdp' || series === 'uplift' ? series : String(getAt(draft, `${series}.id`) ?? '');
}

/** A new growth kind at the same starting growth; bounds and distribution in another unit go back to defaults. */
function changeGrowthKind(draft: Draft, growthPath: string, kind: string, ctx: EditContext): Draft {
  const series = growthPath.slice(0, -'.growth'.length);
  const old = (getAt(draft, growthPath) ?? {}) as Json;
  if (old.kind === kind) return draft;
  const driver = driverOf(draft, series);
  const base = ctx.bases[`${series}.base`] ?? 0;
  // GDP's own growth in %, for converting to and from an elasticity.
  const gdpRate = impliedRate((draft.gdp?.growth ?? {}) as Json, ctx.bases['gdp.base'] ?? 0, 0, ctx.nominal.gdp);
  const rate = impliedRate(old, base, gdpRate, ctx.nominal[driver]);
  const years = Number(draft.horizon) - Number(draft.baseYear);
  const next = growthOfKind(kind, rate, base, Number(draft.baseYear), years, gdpRate);
  let out = setAt(draft, growthPath, next);
  if (driverUnit(old.kind) === driverUnit(next.kind)) return out;
  // The driver now means something else (a rate became an amount): its bounds and distribution were in the old unit.
  out = clearAt(out, `${series}.bounds`);
  const dist = (draft.uncertainty?.drivers as Record<string, Json> | undefined)?.[driver];
  if (dist) out = withDistribution(out, driver, defaultDistribution(String(dist.kind), nominalOf(next)));
  return out;
}

const targetFallback: Record<string, number> = { total: 10000, share: 40, component: 1000 };

/** A target's starting threshold: the projected quantity in its year to two significant digits, so it starts near the scenario. */
function startingThreshold(kind: string, year: number, componentId: unknown, ctx: EditContext): number {
  const p = ctx.projection;
  const t = p ? p.years.indexOf(year) : -1;
  const projected = !p || t < 0 ? undefined : kind === 'share' ? p.share.values[t] : kind === 'component' ? p.components.find((c) => c.id === componentId)?.values[t] : p.total.values[t];
  if (projected === undefined || !(projected > 0)) return targetFallback[kind] ?? targetFallback.total!;
  const value = Number(projected.toPrecision(2));
  return kind === 'share' ? Math.min(value, 99) : value;
}

function changeTargetKind(draft: Draft, index: number, kind: string, ctx: EditContext): Draft {
  const old = (draft.targets?.[index] ?? {}) as Json;
  if (old.kind === kind) return draft;
  const next: Json = { ...old, kind };
  delete next.componentId;
  if (kind === 'component') next.componentId = draft.components?.[0]?.id ?? '';
  next.value = startingThreshold(kind, Number(old.year), next.componentId, ctx);
  return setAt(draft, `targets[${index}]`, next);
}

/**
 * A persistence picked at `path` (the scenario's or a driver's): 'path' and 'year' as they are, 'ar'
 * as ρ (the one written, else 0.5), 'inherit' removes a driver's own. The section is created when
 * the scenario has no distribution yet, as for the common shock.
 */
function changePersistence(draft: Draft, path: string, kind: string): Draft {
  const current = getAt(draft, path);
  if (kind === persistenceKind(current, absentPersistence(draft, path))) return draft;
  if (kind === 'inherit') return clearAt(draft, path);
  return setAt(withUncertainty(draft), path, kind === 'ar' ? (typeof current === 'number' ? current : defaultRho) : kind);
}

/** The draft with one row's new text applied. Text that does not parse is kept as typed, so the schema names the field. */
export function applyEdit(draft: Draft, row: Pick<AssumptionRow, 'path' | 'editor'>, text: string, ctx: EditContext): Draft {
  const { path } = row;
  const keys = parsePath(path);
  const last = keys[keys.length - 1];
  if (row.editor === 'select' && last === 'kind' && keys[keys.length - 2] === 'persistence') return changePersistence(draft, path.slice(0, -'.kind'.length), text);
  if (row.editor === 'select' && path === 'uncertainty.sampling') return changeSampling(draft, text);
  if (row.editor === 'select' && last === 'kind' && keys[0] === 'uncertainty') {
    const driver = String(keys[2]);
    if (String(getAt(draft, path) ?? 'none') === text) return draft;
    return withDistribution(draft, driver, defaultDistribution(text, ctx.nominal[driver] ?? 0));
  }
  if (row.editor === 'select' && keys[0] === 'targets' && last === 'kind') return changeTargetKind(draft, Number(keys[1]), text, ctx);
  if (row.editor === 'select' && last === 'kind') return changeGrowthKind(draft, path.slice(0, -'.kind'.length), text, ctx);
  // A common-shock weight needs the section it lives in, which may have no distribution yet.
  const ready = keys[0] === 'uncertainty' ? withUncertainty(draft) : draft;
  switch (row.editor) {
    case 'text':
    case 'select':
      return setAt(draft, path, text);
    case 'optionalText':
      return text.trim() === '' ? clearAt(draft, path) : setAt(draft, path, text);
    case 'number':
      if (path === 'uplift.value' && text.trim() === '') return setAt(draft, path, 0);
      return setAt(draft, path, parseNumber(text));
    case 'optionalNumber': {
      if (text.trim() === '') return clearAt(draft, path);
      let out = setAt(ready, path, parseNumber(text));
      // A logistic curve takes its rate or its midpoint year, never both: the one typed wins.
      if (keys.includes('growth') && last === 'rate') out = setAt(out, path.replace(/\.rate$/, '.midpointYear'), undefined);
      if (keys.includes('growth') && last === 'midpointYear') out = setAt(out, path.replace(/\.midpointYear$/, '.rate'), undefined);
      return out;
    }
    case 'bound': {
      // Bounds come in pairs: clearing either goes back to the defaults; the first one typed takes the other from the bounds in use.
      const boundsPath = path.slice(0, path.lastIndexOf('.'));
      if (text.trim() === '') return clearAt(draft, boundsPath);
      if (getAt(draft, boundsPath) !== undefined) return setAt(draft, path, parseNumber(text));
      const driver = driverOf(draft, boundsPath.slice(0, -'.bounds'.length));
      const inUse = ctx.drivers?.find((d) => d.id === driver)?.bounds;
      return setAt(draft, boundsPath, { ...(inUse ? { min: inUse.min, max: inUse.max } : {}), [String(last)]: parseNumber(text) });
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

/** The first id of the form `prefix` + n (n from `from` up) that none of `taken` uses. */
function freeId(prefix: string, taken: readonly unknown[], from: number): string {
  let n = from;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/**
 * A new component at the end: the first free id `c3`, a name from `nameFor(id)`, a base of 100亿元
 * growing at GDP's rate (so it keeps its share of GDP). `path` is its group's first row.
 */
export function addComponent(draft: Draft, ctx: EditContext, nameFor: (id: string) => string): { draft: Draft; path: string } {
  const components = Array.isArray(draft.components) ? draft.components : [];
  const id = freeId('c', components.map((c) => c.id), components.length + 1);
  const gdpRate = round(impliedRate((draft.gdp?.growth ?? {}) as Json, ctx.bases['gdp.base'] ?? 0, 0, ctx.nominal.gdp));
  const component = { id, name: nameFor(id), base: 100, growth: { kind: 'cagr' as const, rate: gdpRate } };
  return { draft: setAt(draft, 'components', [...components, component]), path: `components[${components.length}].name` };
}

/** The draft without component `index` and its distribution; targets that name it stay, and the schema flags them. */
export function removeComponent(draft: Draft, index: number): Draft {
  const components = draft.components ?? [];
  const gone = components[index];
  let out = setAt(draft, 'components', components.filter((_, i) => i !== index));
  const dists = draft.uncertainty?.drivers as Record<string, unknown> | undefined;
  if (gone && typeof gone.id === 'string' && dists && gone.id in dists && !out.components!.some((c) => c.id === gone.id)) out = withDistribution(out, gone.id, undefined);
  return out;
}

/**
 * A new total target at the end: the first free id `T1`, a label from `labelFor(id)`, the horizon's
 * year, at least, and the projected total that year to two significant digits (see startingThreshold).
 */
export function addTarget(draft: Draft, ctx: EditContext, labelFor: (id: string) => string): { draft: Draft; path: string } {
  const targets = Array.isArray(draft.targets) ? draft.targets : [];
  const id = freeId('T', targets.map((x) => x.id), 1);
  const year = Number(draft.horizon);
  const target = { kind: 'total' as const, id, label: labelFor(id), year, comparator: '>=' as const, value: startingThreshold('total', year, undefined, ctx) };
  return { draft: setAt(draft, 'targets', [...targets, target]), path: `targets[${targets.length}].label` };
}

export function removeTarget(draft: Draft, index: number): Draft {
  return setAt(draft, 'targets', (draft.targets ?? []).filter((_, i) => i !== index));
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
    const path = formatKeys(issue.path);
    // An empty field (a bound whose pair was half cleared in a file) asks to be filled rather than for a number.
    if (issue.code === 'invalid_type' && path !== '(root)' && getAt(draft, path) === undefined) params.received = 'undefined';
    return { path, code: issue.code, message: issue.message, params };
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
  if (issue.code === 'invalid_type' && p.received === 'undefined') return { key: 'scenario.issue.required', params: p };
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
  /** Unique among the rows: the path, or for a component's or target's row its id and field. */
  key: string;
  path: string;
  group: RowGroup;
  field: string;
  unit: string;
  optionPrefix?: string;
  /** One value per scenario, '' where a scenario has no such row. */
  values: string[];
  differs: boolean;
}

/**
 * Which row of another scenario a row is set beside: a component's and a target's rows by its id
 * (the first target of one scenario may be another target than the first of the next: A1 beside C1
 * would compare two targets), every other row by its path.
 */
function diffKey(draft: Draft, path: string): string {
  const item = /^(components|targets)\[(\d+)\](.*)$/.exec(path);
  if (!item) return path;
  const list = (draft as unknown as Json)[item[1]!];
  const id = Array.isArray(list) ? (list[Number(item[2])] as Json | undefined)?.id : undefined;
  return typeof id === 'string' ? `${item[1]}#${id}${item[3]}` : path;
}

/** The assumptions of 2–4 scenarios side by side, with the rows whose values differ flagged. */
export function diffAssumptions(drafts: readonly Draft[]): DiffRow[] {
  const perScenario = drafts.map(
    (d) => new Map(assumptionRows(d).filter((r) => r.path !== 'name' && r.path !== 'nameEn').map((r) => [diffKey(d, r.path), r])),
  );
  const order: Array<[string, AssumptionRow]> = [];
  const seen = new Set<string>();
  for (const rows of perScenario) {
    for (const [key, row] of rows) {
      if (seen.has(key)) continue;
      seen.add(key);
      order.push([key, row]);
    }
  }
  return order.map(([key, row]) => {
    const values = perScenario.map((rows) => rows.get(key)?.value ?? '');
    return { key, path: row.path, group: row.group, field: row.field, unit: row.unit, optionPrefix: row.optionPrefix, values, differs: values.some((v) => v !== values[0]) };
  });
}
