// Target progress: each plan target's latest figure against its value, on the measure the target is
// judged on (A1's 万亿级 by the broad measure, not the city's earlier one; a share of GDP completed as
// the monitor completes it, naming the indicator holding it), with the baseline of the plan's year on
// the same definition; a target no indicator measures shows the progress recorded by hand on the
// Targets page.
import type { ChartData, ProgressItem } from '../../../shared/charts/data';
import { breakYears } from '../series/figures';
import type { MonitorRow } from '../../../shared/api/targets-contract';
import { actualsFor, computeMonitor } from '../targets/monitor';
import { basisOf, type Resolver } from './resolver';
import { targetRows, type DrawnTarget } from './target-lines';

/** What the monitor states of a target: its status, comparator and straight path, as on the Targets page. */
function judged(t: DrawnTarget, row: MonitorRow | undefined): Pick<ProgressItem, 'comparator' | 'status' | 'pathValue'> {
  const comparator = t.comparator as NonNullable<ProgressItem['comparator']>;
  return row ? { comparator, status: row.status, pathValue: row.pathValue } : { comparator };
}

/** One target's progress item with the figures as known on `asOf`; `record`: note the figures it draws. */
function progressItem(r: Resolver, t: DrawnTarget, asOf: string | null, record: boolean, row?: MonitorRow): ProgressItem | null {
  if (t.value === null || t.deadline === null || t.comparator === 'qualitative') return null;
  const region = t.region ?? r.regions[0]?.code ?? null;
  const candidates = [t.indicator, ...r.indicators.filter((i) => i.unit === t.unit).map((i) => i.code)].filter((c): c is string => c !== null);
  const found =
    region === null
      ? undefined
      : candidates
          .map((code) => {
            const all = r.figures(code, region, t.judged, asOf);
            return { code, all, rows: all.filter((f) => f.value !== null) };
          })
          .find((c) => c.rows.length);
  const label = r.locale === 'en' && t.title_en ? t.title_en : t.title_zh;
  if (!found || region === null) {
    // No indicator measures it: the progress recorded by hand on the Targets page, if any.
    const recorded = actualsFor(r.db, { code: t.code, indicator: null, region: null }, { vintage: asOf });
    const last = recorded.at(-1);
    const first = recorded.length > 1 ? recorded[0] : undefined;
    return {
      label,
      unit: t.unit,
      target: t.value,
      deadline: t.deadline,
      actual: last?.value ?? null,
      actualYear: last?.year ?? null,
      baseline: first ? { year: first.year, value: first.value } : null,
      basis: 'published',
      ...(last ? { bound: last.bound, ...r.releaseOf(last) } : {}),
      ...judged(t, row),
    };
  }
  const latest = found.rows[found.rows.length - 1]!;
  const definitionFrom = Math.max(-Infinity, ...breakYears(r.db, found.code, region, found.all).filter((y) => y <= latest.year));
  const planYear = Number(t.issued.slice(0, 4)) || latest.year;
  const base = found.rows.filter((f) => f.year >= definitionFrom && f.year <= planYear && f.year < latest.year).at(-1);
  if (record) r.recordDraws(found.code, region, base ? [base, latest] : [latest]);
  const via = r.viaOf(found.code, latest);
  return {
    label,
    unit: t.unit,
    target: t.value,
    deadline: t.deadline,
    actual: latest.value,
    actualYear: latest.year,
    baseline: base ? { year: base.year, value: base.value! } : null,
    basis: basisOf[latest.status],
    bound: latest.bound,
    measure: latest.measure,
    ...(via ? { via } : {}),
    ...r.releaseOf(latest),
    ...judged(t, row),
  };
}

/**
 * What a progress bar draws, to tell whether the latest data would draw it differently: a later
 * release of the same value draws the same bar (as for the line charts, resolver.noteNewer).
 */
function drawnOf(item: ProgressItem | null): string {
  if (!item) return 'null';
  const { released: _released, releaseLabel: _label, source: _source, ...drawn } = item;
  return JSON.stringify(drawn);
}

/**
 * Progress of the bound targets (else every quantitative target with a deadline): the latest figure
 * of the target's own indicator in its region, else of the first bound indicator in the target's
 * unit, only figures on the measure the target is judged on; the baseline is the figure of the plan's
 * year (or the latest before), on the same definition.
 */
export function progress(r: Resolver): ChartData {
  const rows = targetRows(r.db);
  const chosen = r.targetCodes.length
    ? r.targetCodes.flatMap((code) => rows.filter((t) => t.code === code))
    : rows.filter((t) => (t.comparator === '>=' || t.comparator === '>') && t.value !== null && t.deadline !== null);
  // The monitor as the data stood on the chart's vintage (the latest without one), judging as the Targets page does.
  const monitor = computeMonitor(r.db, { locale: r.locale, ...(r.vintage ? { vintage: r.vintage } : {}) });
  const latestMonitor = r.vintage ? computeMonitor(r.db, { locale: r.locale }) : monitor;
  const rowOf = (rows: MonitorRow[], code: string) => rows.find((row) => row.target.code === code);
  const items = chosen.flatMap((t): ProgressItem[] => {
    const item = progressItem(r, t, r.vintage, true, rowOf(monitor.rows, t.code));
    if (item && r.vintage && !r.newerData && drawnOf(item) !== drawnOf(progressItem(r, t, null, false, rowOf(latestMonitor.rows, t.code)))) r.newerData = true;
    if (item) r.drawnTargets.push(t.code);
    return item ? [item] : [];
  });
  return { ...r.empty(), progress: items };
}
