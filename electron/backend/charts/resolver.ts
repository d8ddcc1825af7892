// The core of resolving a spec's bindings (indicators, regions, years, scenarios, targets) into the
// data its template draws: the bindings checked against the workspace, published figures read through
// the series layer as the twin-city view and the monitor read them (with their bound, measure, release
// and source: the latest release, or the release known on the chart's vintage when it is pinned to
// one; a share of GDP completed from the share another share indicator publishes on its measure,
// which the point names), actual series, and provenance. Each template's data is built on it: the line charts
// in resolve-data.ts, scenario-data.ts, progress-data.ts, with target lines in target-lines.ts.
// Rules per template are in docs/CHARTS.md ("Where a chart's data comes from").
import { WorkbenchError } from '../../../shared/api/errors';
import type { Basis, BoundedBase, ChartData, ChartSeries, OmittedTarget, Via } from '../../../shared/charts/data';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { ResolvedScenario } from '../../../shared/engine';
import type { Locale } from '../../../shared/i18n';
import { seedLabel } from '../../../shared/i18n/seed-labels';
import { exists, indicatorRow, regionRow, type IndicatorRow, type RegionRow } from '../db/access';
import type { Db } from '../db/workspace';
import { breakYears, FIGURE_STATUSES, listMeasures, measuresOf, type Figure, type FigureStatus } from '../series/figures';
import { indicatorSeries, sideBySide } from '../series/shares';
import { resolveScenario, scenarioDefinition, scenarioSummary } from '../scenarios/store';

export type Metric = 'total' | 'share' | 'gdp';

export const metricUnit: Record<Metric, string> = { total: '亿元', share: '%', gdp: '亿元' };

export function metricOf(indicator: IndicatorRow): Metric {
  if (indicator.code.toLowerCase() === 'gdp') return 'gdp';
  return indicator.unit === '%' ? 'share' : 'total';
}

/** Published figures a chart draws: one indicator in one region, the years drawn and the measures they are on. */
export interface DrawnFigures {
  indicator: string;
  region: string;
  years: number[];
  measures: string[];
  /**
   * The share indicator holding these figures when it is not `indicator`: drawn in its series where it
   * has none (series/shares.ts); null for the indicator's own.
   */
  via: string | null;
}

export interface BoundScenario {
  id: string;
  name: string;
  version: number;
  resolved: ResolvedScenario;
}

export const basisOf: Record<FigureStatus, Basis> = { actual: 'published', estimate: 'published', derived: 'derived', illustrative: 'illustrative' };
const basisRank: Record<Basis, number> = { published: 0, derived: 1, illustrative: 2 };

/** The weakest basis: a line holding one derived point is labelled derived. */
function weakest(bases: Basis[]): Basis {
  return bases.reduce<Basis>((w, b) => (basisRank[b] > basisRank[w] ? b : w), 'published');
}

/** The day the workspace's figures last changed: the latest import not undone, or the latest edit. */
export function asOfDate(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT max(at) AS at FROM (
         SELECT imported_at AS at FROM imports WHERE undone_at IS NULL
         UNION ALL SELECT edited_at AS at FROM edits WHERE undone_at IS NULL AND entity = 'observation')`,
    )
    .get() as { at: string | null };
  return row.at ? row.at.slice(0, 10) : null;
}

export class Resolver {
  readonly locale: Locale;
  readonly indicators: IndicatorRow[];
  readonly regions: RegionRow[];
  readonly scenarios: BoundScenario[];
  readonly targetCodes: string[];
  readonly years: { from: number; to: number } | null;
  /** The date the chart's figures are read as known on; null: the latest release of each. */
  readonly vintage: string | null;
  /** Pinned, and some figure drawn reads differently in the latest data (set while resolving). */
  newerData = false;
  /** The published figures drawn: indicator, region and the years with a value (set while resolving). */
  readonly draws: DrawnFigures[] = [];
  /** The plan targets drawn, by code (set while resolving, and by `readFigures`). */
  readonly drawnTargets: string[] = [];
  /** Targets bound but left out for their measure (set with the target lines). */
  readonly omittedTargets: OmittedTarget[] = [];
  /** Scenarios drawn whose base is a bounded figure (set as they are drawn). */
  readonly boundedBases: BoundedBase[] = [];

  constructor(
    readonly db: Db,
    readonly spec: ChartSpec,
  ) {
    this.locale = spec.locale;
    const b = spec.bindings;
    this.years = b.years;
    this.vintage = b.vintage;
    this.indicators = b.indicators.map((code, i) => {
      const row = indicatorRow(db, code);
      if (!row) throw new WorkbenchError('chart.unknownIndicator', { path: `bindings.indicators[${i}]`, code });
      return row;
    });
    this.regions = b.regions.map((code, i) => {
      const row = regionRow(db, code);
      if (!row) throw new WorkbenchError('chart.unknownRegion', { path: `bindings.regions[${i}]`, code });
      return row;
    });
    this.scenarios = b.scenarios.map((id, i) => {
      const n = Number(id);
      const path = `bindings.scenarios[${i}]`;
      if (!/^\d+$/.test(id) || !Number.isSafeInteger(n)) throw new WorkbenchError('chart.unknownScenario', { path, id });
      let summary;
      try {
        summary = scenarioSummary(db, n);
      } catch {
        throw new WorkbenchError('chart.unknownScenario', { path, id });
      }
      const resolved = resolveScenario(db, scenarioDefinition(db, n));
      const name = this.locale === 'en' && resolved.nameEn ? resolved.nameEn : summary.name;
      return { id, name, version: summary.version, resolved };
    });
    b.targets.forEach((code, i) => {
      if (!exists(db, 'targets', code)) throw new WorkbenchError('chart.unknownTarget', { path: `bindings.targets[${i}]`, code });
    });
    this.targetCodes = b.targets;
  }

  name(row: { name_zh: string; name_en: string }): string {
    return this.locale === 'en' && row.name_en ? row.name_en : row.name_zh;
  }

  inYears(year: number): boolean {
    return !this.years || (year >= this.years.from && year <= this.years.to);
  }

  /**
   * Annual figures of one indicator in one region from the series layer, as every screen reads them
   * (series/shares.ts): one per year, the best status (illustrative ones too, which the chart marks),
   * in the release known on `asOf` (the chart's vintage; null: the latest), optionally on one measure;
   * for a share of GDP, completed in years it has none by the share another share indicator publishes
   * on the measure (each such figure keeps its own indicator and source).
   */
  figures(indicator: string, region: string, measure: string | null = null, asOf: string | null = this.vintage): Figure[] {
    return indicatorSeries(this.db, indicator, region, { statuses: FIGURE_STATUSES, measure, asOf });
  }

  /**
   * A figure's release and source, as a chart point or progress item carries them for the data files:
   * a seeded release label in the chart's language (第四次经济普查修订 → 4th census revision),
   * the source as recorded.
   */
  releaseOf(figure: Pick<Figure, 'released' | 'releaseLabel' | 'source'>): { released: string; releaseLabel: string; source: string } {
    return { released: figure.released, releaseLabel: seedLabel(figure.releaseLabel, this.locale), source: figure.source };
  }

  /** Where a figure another indicator holds comes from, as a point says it; undefined for the indicator's own. */
  viaOf(indicator: string, figure: Figure): Via | undefined {
    if (figure.indicator === indicator) return undefined;
    const holder = indicatorRow(this.db, figure.indicator);
    return { indicator: holder ? this.name(holder) : figure.indicator, source: figure.source };
  }

  /** Notes the valued figures drawn for `indicator` in `region`: its own, and those other share indicators hold, by holder. */
  recordDraws(indicator: string, region: string, figures: readonly Figure[]): void {
    const holders = new Map<string, Figure[]>();
    for (const f of figures.filter((x) => x.value !== null)) holders.set(f.indicator, [...(holders.get(f.indicator) ?? []), f]);
    for (const [holder, held] of holders) {
      this.draws.push({ indicator, region, years: held.map((f) => f.year), measures: measuresOf(held), via: holder === indicator ? null : holder });
    }
  }

  /**
   * For a pinned chart: whether the figures drawn (those in the year range) read differently in the
   * latest data: another value, bound, measure or status, or a year published since.
   */
  noteNewer(pinned: readonly Figure[], latest: readonly Figure[]): void {
    if (!this.vintage || this.newerData) return;
    const drawn = (figures: readonly Figure[]) =>
      JSON.stringify(figures.filter((f) => this.inYears(f.year)).map((f) => [f.year, f.value, f.bound, f.measure, f.status]));
    if (drawn(pinned) !== drawn(latest)) this.newerData = true;
  }

  /**
   * Regions bound, or every region holding figures of the indicator when none is bound (for a share of
   * GDP, of any share indicator: those complete it).
   */
  regionsFor(indicator: IndicatorRow): RegionRow[] {
    if (this.regions.length) return this.regions;
    return this.db
      .prepare(
        `SELECT DISTINCT r.* FROM observations o JOIN regions r ON r.code = o.region JOIN indicators i ON i.code = o.indicator
         WHERE o.indicator = ? OR (? = 1 AND i.gdp_share = 1) ORDER BY r.code`,
      )
      .all(indicator.code, indicator.gdp_share) as RegionRow[];
  }

  /**
   * One actual series per indicator and region that has figures in the year range, the regions read
   * side by side as the twin-city view reads them. A share another share indicator holds is drawn in
   * the series of an indicator without one that year, unless that indicator is drawn too: its own
   * series shows the figure, and a figure is drawn once.
   */
  actualSeries(indicators: IndicatorRow[] = this.indicators): ChartSeries[] {
    const drawn = new Set(indicators.map((i) => i.code));
    // The regions side by side as the twin-city view shows them (series/shares.ts, sideBySide): a
    // region without a figure of its own in a year whose other regions are all on one measure shows
    // its figure on that measure.
    const read = (indicator: string, regions: readonly string[], asOf: string | null) => {
      const shown = sideBySide(this.db, indicator, regions, { statuses: FIGURE_STATUSES, asOf });
      const years = [...new Set(shown.own.flatMap((s) => s.figures.map((f) => f.year)))].sort((a, b) => a - b);
      return new Map(
        regions.map((region) => [
          region,
          years.flatMap((year) => shown.at(region, year).figures.filter((f) => f.year === year)).filter((f) => f.indicator === indicator || !drawn.has(f.indicator)),
        ]),
      );
    };
    const pairs = indicators.flatMap((indicator) => {
      const regions = this.regionsFor(indicator);
      const codes = regions.map((r) => r.code);
      const pinned = read(indicator.code, codes, this.vintage);
      const latest = this.vintage ? read(indicator.code, codes, null) : pinned;
      return regions.flatMap((region) => {
        const all = pinned.get(region.code)!;
        if (this.vintage) this.noteNewer(all, latest.get(region.code)!);
        const rows = all.filter((r) => this.inYears(r.year));
        if (!rows.some((r) => r.value !== null)) return [];
        this.recordDraws(indicator.code, region.code, rows);
        return [{ indicator, region, rows, breaks: breakYears(this.db, indicator.code, region.code, all) }];
      });
    });
    const unique = (key: (p: (typeof pairs)[number]) => string) => new Set(pairs.map(key)).size === pairs.length;
    const byRegion = pairs.length > 1 && unique((p) => p.region.code);
    const byIndicator = pairs.length === 1 || unique((p) => p.indicator.code);
    return pairs.map(({ indicator, region, rows, breaks }) => {
      const years = rows.map((r) => r.year);
      const first = Math.min(...years);
      const last = Math.max(...years);
      const name = byRegion ? this.name(region) : byIndicator ? this.name(indicator) : `${this.name(region)} ${this.name(indicator)}`;
      return {
        id: `${indicator.code}@${region.code}`,
        name,
        kind: 'actual' as const,
        unit: indicator.unit,
        points: rows.map((r) => {
          const via = this.viaOf(indicator.code, r);
          return { year: r.year, value: r.value, bound: r.bound, measure: r.measure, ...(via ? { via } : {}), ...this.releaseOf(r) };
        }),
        basis: weakest(rows.filter((r) => r.value !== null).map((r) => basisOf[r.status])),
        scenarioId: null,
        region: this.name(region),
        // Where the measure changes (or a break is recorded): the line is never drawn across it.
        breaksBefore: breaks.filter((y) => y > first && y <= last),
      };
    });
  }

  /** The metrics bound scenarios are drawn in: one per distinct unit of the bound indicators. */
  metrics(fallback: Metric): Metric[] {
    const metrics = [...new Set(this.indicators.map(metricOf))];
    return metrics.length ? metrics : [fallback];
  }

  /** Scenario projections get the first bound region, so they continue that region's actual line. */
  projectionRegion(): string | null {
    const first = this.regions[0];
    return first ? this.name(first) : null;
  }

  /** A measure's name in the chart's language; null for none or an unknown code. */
  measureName(code: string | undefined): string | null {
    const found = code === undefined ? undefined : listMeasures(this.db).find((m) => m.code === code);
    if (!found) return null;
    return this.locale === 'en' && found.nameEn ? found.nameEn : found.nameZh;
  }

  metricName(metric: Metric): string {
    const names: Record<Metric, [string, string]> = {
      total: ['数字经济规模', 'digital economy'],
      share: ['占GDP比重', 'share of GDP'],
      gdp: ['GDP', 'GDP'],
    };
    return names[metric][this.locale === 'zh' ? 0 : 1];
  }

  onlyScenario(): BoundScenario {
    const [first, ...rest] = this.scenarios;
    if (!first) throw new WorkbenchError('chart.needsScenario', { path: 'bindings.scenarios', template: this.spec.template });
    if (rest.length) throw new WorkbenchError('chart.oneScenario', { path: 'bindings.scenarios', template: this.spec.template, count: this.scenarios.length });
    return first;
  }

  /**
   * Provenance. A pinned chart's data is as of its vintage when that is earlier than the workspace's
   * last change; measures, `newerData`, omitted targets and bounded bases are filled in once
   * everything is drawn (resolve-data.ts).
   */
  meta(): ChartData['meta'] {
    const changed = asOfDate(this.db);
    const asOf = this.vintage && (changed === null || this.vintage < changed) ? this.vintage : changed;
    return {
      asOf,
      scenarios: this.scenarios.map((s) => ({ id: s.id, name: s.name, version: s.version })),
      measures: [],
      vintage: this.vintage,
      newerData: false,
      omittedTargets: [],
      boundedBases: [],
    };
  }

  empty(): ChartData {
    return { series: [], bands: [], bars: null, progress: [], meta: this.meta() };
  }
}
