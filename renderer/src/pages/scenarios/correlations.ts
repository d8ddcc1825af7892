// The correlation matrix editor's model (docs/ENGINE.md, "Correlations"): which drivers it shows, the
// value of each pair, an edit written back into `uncertainty.correlations`, the common shock turned
// into the matrix it stands for, and the schema's issues placed on the cell (or the matrix) they are
// about, with drivers by name. Pure functions over the draft.
import type { Locale } from '../../../../shared/format/number';
import { componentName } from '../../../../shared/i18n/scenario-names';
import { clearAt, getAt, parseNumber, setAt, withUncertainty, type Draft, type DraftIssue } from './assumptions';

type Translate = (key: string, params?: Record<string, string | number>) => string;

const matrixPath = 'uncertainty.correlations';

/** A driver by name in `locale`: GDP增速, 统一上调, a component's name; an id no component has, as written. */
export function driverName(draft: Draft, id: string, t: Translate, locale: Locale): string {
  if (id === 'gdp' || id === 'uplift') return t(`scenario.driver.${id}`);
  const component = Array.isArray(draft.components) ? draft.components.find((c) => c?.id === id) : undefined;
  return typeof component?.name === 'string' && component.name ? componentName({ name: component.name, nameEn: typeof component.nameEn === 'string' ? component.nameEn : null }, locale) : id;
}

/**
 * The drivers the editor shows, in the sheet's order: those drawn from a distribution (GDP, each
 * component, the uplift), then any the matrix lists that are not drawn (the schema flags them).
 */
export function matrixDrivers(draft: Draft): string[] {
  const drawn = Object.keys(draft.uncertainty?.drivers ?? {});
  const components = Array.isArray(draft.components) ? draft.components.map((c) => c?.id) : [];
  const order = ['gdp', ...components, 'uplift'].filter((id): id is string => typeof id === 'string' && drawn.includes(id));
  const ordered = [...new Set(order)];
  const listed = draft.uncertainty?.correlations?.drivers;
  const extra = Array.isArray(listed) ? listed.filter((id) => typeof id === 'string' && !ordered.includes(id)) : [];
  return [...ordered, ...new Set(extra)];
}

/** The common shock's weight when it is in use (above 0), else null. */
export function commonShockWeight(draft: Draft): number | null {
  const w = draft.uncertainty?.commonShock?.weight;
  return typeof w === 'number' && w > 0 ? w : null;
}

/** The matrix as written, n×n for the drivers listed: entries missing from a short row read as 1 on the diagonal, 0 off it. */
function written(draft: Draft): { ids: string[]; matrix: unknown[][] } {
  const c = draft.uncertainty?.correlations;
  const ids = Array.isArray(c?.drivers) ? [...c.drivers] : [];
  const rows = Array.isArray(c?.matrix) ? (c.matrix as unknown[]) : [];
  const matrix = ids.map((_, i) => ids.map((__, j) => (Array.isArray(rows[i]) ? (rows[i] as unknown[])[j] : undefined) ?? (i === j ? 1 : 0)));
  return { ids, matrix };
}

/** The value of a pair as written ('' when the matrix does not list both: they are independent). */
export function pairValue(draft: Draft, a: string, b: string): string {
  const rows = getAt(draft, `${matrixPath}.matrix`);
  const ids = draft.uncertainty?.correlations?.drivers;
  if (!Array.isArray(ids) || !Array.isArray(rows)) return '';
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  if (i < 0 || j < 0) return '';
  const value = Array.isArray(rows[i]) ? (rows[i] as unknown[])[j] : undefined;
  return value === undefined || value === null ? '' : String(value);
}

/** A driver whose row says nothing: 1 on the diagonal and 0 with every other driver. */
const independent = (matrix: unknown[][], i: number) => matrix[i]!.every((v, j) => v === (i === j ? 1 : 0));

/**
 * The draft with the correlation of drivers a and b set from `text` (empty is 0), on both sides of
 * the diagonal. A driver not yet in the matrix is added in the sheet's order; a driver left
 * independent of all others is dropped, and the matrix with it once fewer than two are left, so a
 * scenario with no correlation written draws exactly as one that never had a matrix. Text that is
 * not a number is kept as typed, so the schema flags the cell.
 */
export function setCorrelation(draft: Draft, a: string, b: string, text: string): Draft {
  const value = text.trim() === '' ? 0 : parseNumber(text);
  let { ids, matrix } = written(draft);
  if (!ids.includes(a) || !ids.includes(b)) {
    if (value === 0) return draft;
    const next = matrixDrivers(draft).filter((id) => ids.includes(id) || id === a || id === b);
    const from = (id: string) => ids.indexOf(id);
    matrix = next.map((x, i) => next.map((y, j) => (from(x) >= 0 && from(y) >= 0 ? matrix[from(x)]![from(y)] : i === j ? 1 : 0)));
    ids = next;
  }
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  matrix[i]![j] = value;
  matrix[j]![i] = value;
  const keep = ids.map((_, k) => !independent(matrix, k));
  const kept = ids.filter((_, k) => keep[k]);
  if (kept.length < 2) return clearAt(draft, matrixPath);
  return setAt(withUncertainty(draft), matrixPath, { drivers: kept, matrix: matrix.filter((_, k) => keep[k]).map((row) => row.filter((_, k) => keep[k])) });
}

/**
 * The common shock replaced by the matrix it stands for: every pair of drawn drivers correlated by its
 * weight (the same joint distribution), so that pairs can then be set one by one.
 */
export function commonShockToMatrix(draft: Draft): Draft {
  const w = commonShockWeight(draft);
  if (w === null) return draft;
  const drawn = matrixDrivers(draft).filter((id) => id in (draft.uncertainty?.drivers ?? {}));
  const out = clearAt(draft, 'uncertainty.commonShock');
  if (drawn.length < 2) return out;
  return setAt(out, matrixPath, { drivers: drawn, matrix: drawn.map((_, i) => drawn.map((__, j) => (i === j ? 1 : w))) });
}

/** Where a correlation issue belongs: the cell of a pair, or the matrix as a whole (its drivers, its shape, the common shock). */
export type IssuePlace = { kind: 'cell'; a: string; b: string } | { kind: 'matrix' };

/** The place of an issue about the correlations, or null when it is about something else. */
export function correlationPlace(draft: Draft, issue: DraftIssue): IssuePlace | null {
  if (issue.path === 'uncertainty.commonShock' && issue.params.key === 'correlationWithCommonShock') return { kind: 'matrix' };
  if (issue.path !== matrixPath && !issue.path.startsWith(`${matrixPath}.`)) return null;
  const cell = /^uncertainty\.correlations\.matrix\[(\d+)\]\[(\d+)\]$/.exec(issue.path);
  const ids = draft.uncertainty?.correlations?.drivers;
  if (!cell || !Array.isArray(ids)) return { kind: 'matrix' };
  const a = ids[Number(cell[1])];
  const b = ids[Number(cell[2])];
  return typeof a === 'string' && typeof b === 'string' ? { kind: 'cell', a, b } : { kind: 'matrix' };
}

/** An issue's params with drivers by name (the engine's are ids: `driver`, `other`, and `drivers` joined by ", "). */
export function namedParams(draft: Draft, params: Record<string, string | number>, t: Translate, locale: Locale): Record<string, string | number> {
  const out = { ...params };
  const name = (id: string) => driverName(draft, id, t, locale);
  for (const key of ['driver', 'other'] as const) if (typeof out[key] === 'string') out[key] = name(out[key]);
  if (typeof out.drivers === 'string') out.drivers = out.drivers.split(', ').map(name).join(locale === 'zh' ? '、' : ', ');
  return out;
}

/** Where an issue no sheet row shows is, in words: a cell or the whole of the correlation matrix, a backtest source; else its path. */
export function issueLocation(draft: Draft, issue: DraftIssue, t: Translate, locale: Locale): string {
  const place = correlationPlace(draft, issue);
  if (place?.kind === 'cell') return t('scenario.corr.cellAt', { a: driverName(draft, place.a, t, locale), b: driverName(draft, place.b, t, locale) });
  if (place) return t('scenario.corr.matrixAt');
  const source = /^backtest\.sources\[(\d+)\]/.exec(issue.path);
  if (source) return t('scenario.issueAt.backtestSource', { n: Number(source[1]) + 1 });
  return issue.path;
}
