// A spec's bindings (indicators, regions, years, scenarios, targets) resolved into the ChartData its
// template draws, from the workspace: the series layer's figures (with their bound and measure, the
// latest release, or the release known on the chart's vintage when it is pinned to one) for actuals,
// the scenario engine for projections,
// fans, tornado bars and waterfalls, and the targets table for target lines and progress. Rules per
// template are in docs/CHARTS.md ("Where a chart's data comes from").
import { WorkbenchError } from '../../../shared/api/errors';
import type { Basis, ChartBand, ChartData, ChartSeries, ProgressItem } from '../../../shared/charts/data';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { ResolvedScenario, Target as ScenarioTarget } from '../../../shared/engine';
import { formatPlain } from '../../../shared/format/number';
import type { Locale } from '../../../shared/i18n';
import { exists, indicatorRow, regionRow, type IndicatorRow, type RegionRow, type TargetRow } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, breakYears, FIGURE_STATUSES, listMeasures, measuresOf, type Figure, type FigureStatus } from '../series/figures';
import { resolveScenario, runScenario, scenarioDefinition, scenarioSummary, sensitivityScenario } from '../scenarios/store';
import { actualsFor } from '../targets/monitor';

/** Monte Carlo of a fan chart: a fixed seed, so the same scenario always draws the same fan. */
export const FAN_DRAWS = 2000;
export const FAN_SEED = 20200622;

type Metric = 'total' | 'share' | 'gdp';

/** A target as a chart draws it: with its plan's issue date and the measure it is judged on (its own, else its indicator's; null when neither says). */
type DrawnTarget = TargetRow & { issued: string; judged: string | null };

/** Published figures a chart draws: one indicator in one region, the years drawn and the measures they are on. */
export interface DrawnFigures {
  indicator: string;
  region: string;
  years: number[];
  measures: string[];
}

/** What a saved chart draws without running its scenarios: published figures, and plan targets by code. */
export interface DrawnEvidence {
  figures: DrawnFigures[];
  /** Plan targets drawn as a target line or a progress bar. */
  targets: string[];
}

interface BoundScenario {
  id: string;
  name: string;
  version: number;
  resolved: ResolvedScenario;
}

const basisOf: Record<FigureStatus, Basis> = { actual: 'published', estimate: 'published', derived: 'derived', illustrative: 'illustrative' };
const basisRank: Record<Basis, number> = { published: 0, derived: 1, illustrative: 2 };

/** The weakest basis: a line holding one derived point is labelled derived. */
function weakest(bases: Basis[]): Basis {
  return bases.reduce<Basis>((w, b) => (basisRank[b] > basisRank[w] ? b : w), 'published');
}

function metricOf(indicator: IndicatorRow): Metric {
  if (indicator.code.toLowerCase() === 'gdp') return 'gdp';
  return indicator.unit === '%' ? 'share' : 'total';
}

const metricUnit: Record<Metric, string> = { total: '亿元', share: '%', gdp: '亿元' };

class Resolver {
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
  /** The plan targets drawn, by code (set by `readFigures`). */
  readonly drawnTargets: string[] = [];

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
   * Annual figures of one indicator in one region from the series layer: one per year, the best status
   * (illustrative ones too, which the chart marks), in the release known on `asOf` (the chart's
   * vintage; null: the latest), optionally on one measure.
   */
  figures(indicator: string, region: string, measure: string | null = null, asOf: string | null = this.vintage): Figure[] {
    return annualSeries(this.db, indicator, region, { statuses: FIGURE_STATUSES, measure, asOf });
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

  targetRows(): DrawnTarget[] {
    return this.db
      .prepare(
        `SELECT t.*, p.issued, COALESCE(t.measure, i.measure) AS judged FROM targets t JOIN plans p ON p.code = t.plan LEFT JOIN indicators i ON i.code = t.indicator
         WHERE t.retired_at IS NULL ORDER BY t.plan, t.sort, t.code`,
      )
      .all() as DrawnTarget[];
  }

  /** Regions bound, or every region holding figures of the indicator when none is bound. */
  regionsFor(indicator: IndicatorRow): RegionRow[] {
    if (this.regions.length) return this.regions;
    return this.db
      .prepare(`SELECT DISTINCT r.* FROM observations o JOIN regions r ON r.code = o.region WHERE o.indicator = ? ORDER BY r.code`)
      .all(indicator.code) as RegionRow[];
  }

  /** One actual series per bound indicator and region that has figures in the year range. */
  actualSeries(indicators: IndicatorRow[] = this.indicators): ChartSeries[] {
    const pairs = indicators.flatMap((indicator) =>
      this.regionsFor(indicator).flatMap((region) => {
        const all = this.figures(indicator.code, region.code);
        if (this.vintage) this.noteNewer(all, this.figures(indicator.code, region.code, null, null));
        const rows = all.filter((r) => this.inYears(r.year));
        const valued = rows.filter((r) => r.value !== null).map((r) => r.year);
        if (!valued.length) return [];
        this.draws.push({ indicator: indicator.code, region: region.code, years: valued, measures: measuresOf(rows) });
        return [{ indicator, region, rows, breaks: breakYears(this.db, indicator.code, region.code, all) }];
      }),
    );
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
        points: rows.map((r) => ({ year: r.year, value: r.value, bound: r.bound, measure: r.measure })),
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

  metricName(metric: Metric): string {
    const names: Record<Metric, [string, string]> = {
      total: ['数字经济规模', 'digital economy'],
      share: ['占GDP比重', 'share of GDP'],
      gdp: ['GDP', 'GDP'],
    };
    return names[metric][this.locale === 'zh' ? 0 : 1];
  }

  /**
   * Each scenario's path in each metric. Scenario outputs rest on assumptions, not published figures,
   * so they carry the illustrative basis, and the scenario's measure (GDP aside). The base year is left
   * out when an actual line already has it on that measure (the template joins the dashed path to that
   * point).
   */
  projectionSeries(metrics: Metric[], actuals: ChartSeries[]): ChartSeries[] {
    const region = this.projectionRegion();
    return this.scenarios.flatMap((s) => {
      const { projection } = runScenario(this.db, Number(s.id), this.locale);
      return metrics.map((metric) => {
        const values = metric === 'total' ? projection.total.values : metric === 'share' ? projection.share.values : projection.gdp.values;
        const unit = metricUnit[metric];
        const measure = metric === 'gdp' ? undefined : s.resolved.measure;
        const hasBase = actuals.some(
          (a) =>
            a.unit === unit &&
            (region === null || a.region === region) &&
            a.points.some((p) => p.year === projection.baseYear && p.value !== null && (measure === undefined || p.measure === measure)),
        );
        const points = projection.years
          .map((year, t) => ({ year, value: values[t] ?? null, ...(measure === undefined ? {} : { measure }) }))
          .filter((p) => this.inYears(p.year) && !(hasBase && p.year === projection.baseYear));
        return {
          id: `scenario-${s.id}-${metric}`,
          name: metrics.length > 1 ? `${s.name} ${this.metricName(metric)}` : s.name,
          kind: 'projection' as const,
          unit,
          points,
          basis: 'illustrative' as const,
          scenarioId: s.id,
          region,
          breaksBefore: [],
        };
      });
    });
  }

  /** Targets of the table a line chart draws: bound by code, or linked to a bound indicator (in a bound region) in a unit drawn. */
  tableTargets(units: Set<string>): DrawnTarget[] {
    const bound = new Set(this.indicators.map((i) => i.code));
    const regions = new Set(this.regions.map((r) => r.code));
    const linked = (t: DrawnTarget) =>
      t.indicator !== null && bound.has(t.indicator) && (regions.size === 0 || (t.region !== null && regions.has(t.region))) && units.has(t.unit);
    return this.targetRows().filter((t) => this.targetCodes.includes(t.code) || linked(t));
  }

  /**
   * Target lines: targets bound by code, targets linked to a bound indicator (in a bound region), and
   * the bound scenarios' own targets in the metrics drawn. One line per unit, value and year.
   */
  targetSeries(metrics: Metric[], units: Set<string>): ChartSeries[] {
    const fromTable = this.tableTargets(units).flatMap((t) =>
      t.value === null || t.deadline === null || t.comparator === 'qualitative'
        ? []
        : [{ id: `target-${t.code}`, name: this.locale === 'zh' ? `${t.code}目标` : `Target ${t.code}`, unit: t.unit, year: t.deadline, value: t.value, measure: t.judged }],
    );
    const fromScenarios = this.scenarios.flatMap((s) =>
      s.resolved.targets
        .filter((t): t is Exclude<ScenarioTarget, { kind: 'component' }> => t.kind !== 'component' && metrics.includes(t.kind))
        .map((t) => ({
          id: `target-${s.id}-${t.id}`,
          name: this.locale === 'en' && t.labelEn ? t.labelEn : t.label,
          unit: metricUnit[t.kind],
          year: t.year,
          value: t.value,
          measure: s.resolved.measure ?? null,
        })),
    );
    const seen = new Set<string>();
    return [...fromTable, ...fromScenarios].flatMap((t) => {
      const key = `${t.unit}|${t.value}|${t.year}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const point = t.measure === null ? { year: t.year, value: t.value } : { year: t.year, value: t.value, measure: t.measure };
      return [{ id: t.id, name: t.name, kind: 'target' as const, unit: t.unit, points: [point], basis: 'published' as const, scenarioId: null, region: null, breaksBefore: [] }];
    });
  }

  onlyScenario(): BoundScenario {
    const [first, ...rest] = this.scenarios;
    if (!first) throw new WorkbenchError('chart.needsScenario', { path: 'bindings.scenarios', template: this.spec.template });
    if (rest.length) throw new WorkbenchError('chart.oneScenario', { path: 'bindings.scenarios', template: this.spec.template, count: this.scenarios.length });
    return first;
  }

  /**
   * Provenance. A pinned chart's data is as of its vintage when that is earlier than the workspace's
   * last change; `newerData` is filled in once everything is drawn.
   */
  meta(): ChartData['meta'] {
    const changed = asOfDate(this.db);
    const asOf = this.vintage && (changed === null || this.vintage < changed) ? this.vintage : changed;
    return { asOf, scenarios: this.scenarios.map((s) => ({ id: s.id, name: s.name, version: s.version })), measures: [], vintage: this.vintage, newerData: false };
  }

  empty(): ChartData {
    return { series: [], bands: [], bars: null, progress: [], meta: this.meta() };
  }

  /** Trajectory, share of GDP, regional comparison and indicator series: actuals, scenario paths, targets. */
  lines(fallback: Metric): ChartData {
    const actuals = this.actualSeries();
    const metrics = this.metrics(fallback);
    const projections = this.projectionSeries(metrics, actuals);
    const units = new Set([...actuals, ...projections].map((s) => s.unit));
    return { ...this.empty(), series: [...actuals, ...projections, ...this.targetSeries(metrics, units)] };
  }

  /** A fan draws the actuals of the bound indicators in its metric. */
  fanIndicators(): IndicatorRow[] {
    const metric = this.metrics('total')[0]!;
    return this.indicators.filter((i) => metricOf(i) === metric);
  }

  fan(): ChartData {
    const s = this.onlyScenario();
    const metric = this.metrics('total')[0]!;
    const unit = metricUnit[metric];
    const actuals = this.actualSeries(this.fanIndicators());
    const { monteCarlo } = runScenario(this.db, Number(s.id), this.locale, { draws: FAN_DRAWS, seed: FAN_SEED });
    const fan = metric === 'share' ? monteCarlo!.share : metric === 'total' ? monteCarlo!.total : null;
    if (!fan) throw new WorkbenchError('chart.fanMetric', { path: 'bindings.indicators', metric });
    const years = monteCarlo!.years;
    const measure = s.resolved.measure === undefined ? {} : { measure: s.resolved.measure };
    const at = (values: number[]) => years.map((year, t) => ({ year, value: values[t]!, ...measure })).filter((p) => this.inYears(p.year));
    const band = (lower: 5 | 25, upper: 75 | 95, low: number[], high: number[]): ChartBand => ({
      id: `p${lower}-p${upper}`,
      name: this.locale === 'zh' ? `${upper - lower}%区间` : `${upper - lower}% range`,
      unit,
      lower,
      upper,
      scenarioId: s.id,
      points: years.map((year, t) => ({ year, low: low[t]!, high: high[t]! })).filter((p) => this.inYears(p.year)),
    });
    const baseYear = s.resolved.baseYear;
    const hasBase = actuals.some((a) => a.points.some((p) => p.year === baseYear && p.value !== null && (s.resolved.measure === undefined || p.measure === s.resolved.measure)));
    const median: ChartSeries = {
      id: `scenario-${s.id}-median`,
      name: this.locale === 'zh' ? `${s.name} 中位数` : `${s.name} median`,
      kind: 'projection',
      unit,
      points: at(fan.p50).filter((p) => !(hasBase && p.year === baseYear)),
      basis: 'illustrative',
      scenarioId: s.id,
      region: this.projectionRegion(),
      breaksBefore: [],
    };
    const units = new Set([unit]);
    return {
      ...this.empty(),
      series: [...actuals, median, ...this.targetSeries([metric], units)],
      bands: [band(5, 95, fan.p5, fan.p95), band(25, 75, fan.p25, fan.p75)],
    };
  }

  /** Drivers that do not move the output (GDP growth for the total) are left out. */
  tornado(): ChartData {
    const s = this.onlyScenario();
    const metric = this.metrics('total')[0] === 'share' ? 'share' : 'total';
    const year = this.years?.to ?? s.resolved.horizon;
    const result = sensitivityScenario(this.db, Number(s.id), metric, year);
    const input = (value: number, unit: string) => `${formatPlain(value, this.locale, 1)}${unit === '×' ? '×' : unit === 'pp' ? (this.locale === 'zh' ? '个百分点' : ' pp') : unit === '%' ? '%' : ` ${unit}`}`;
    const what = this.metricName(metric);
    return {
      ...this.empty(),
      bars: {
        kind: 'tornado',
        unit: result.output.unit,
        base: result.output.base,
        baseLabel: this.locale === 'zh' ? `${year}年${what}（${s.name}）` : `${what}, ${year} (${s.name})`,
        projection: true,
        basis: 'illustrative',
        items: result.bars.filter((bar) => bar.swing > 0).map((bar) => ({
          label: this.driverLabel(bar.driver, bar.label),
          low: bar.low.output,
          high: bar.high.output,
          lowInput: input(bar.low.input, bar.unit),
          highInput: input(bar.high.input, bar.unit),
        })),
      },
    };
  }

  /** The engine names its two built-in drivers by id; components keep their own names. */
  driverLabel(driver: string, label: string): string {
    const builtIn: Record<string, [string, string]> = { gdp: ['GDP增速', 'GDP growth'], uplift: ['各部分增速统一上调', 'Uplift to every growth rate'] };
    const names = builtIn[driver];
    return names ? names[this.locale === 'zh' ? 0 : 1] : label;
  }

  /** Stacked components: bound indicators as actual parts, the scenario's components as projected parts. */
  stacked(): ChartData {
    const s = this.onlyScenario();
    const actuals = this.actualSeries();
    const { projection } = runScenario(this.db, Number(s.id), this.locale);
    const region = this.projectionRegion();
    const parts: ChartSeries[] = projection.components.map((c) => ({
      id: `scenario-${s.id}-${c.id}`,
      name: c.name,
      kind: 'projection',
      unit: '亿元',
      points: projection.years
        .map((year, t) => ({ year, value: c.values[t] ?? null, ...(s.resolved.measure === undefined ? {} : { measure: s.resolved.measure }) }))
        .filter((p) => this.inYears(p.year)),
      basis: 'illustrative',
      scenarioId: s.id,
      region,
      breaksBefore: [],
    }));
    return { ...this.empty(), series: [...actuals, ...parts, ...this.targetSeries(['total'], new Set(['亿元']))] };
  }

  /** From the total in the first year, each component's change, to the total in the last year. */
  waterfall(): ChartData {
    const s = this.onlyScenario();
    const { projection } = runScenario(this.db, Number(s.id), this.locale);
    const from = Math.max(projection.baseYear, this.years?.from ?? projection.baseYear);
    const to = Math.min(projection.horizon, this.years?.to ?? projection.horizon);
    if (from >= to) throw new WorkbenchError('chart.waterfallYears', { path: 'bindings.years', from, to, baseYear: projection.baseYear, horizon: projection.horizon });
    const i = from - projection.baseYear;
    const j = to - projection.baseYear;
    const yearLabel = (y: number) => (this.locale === 'zh' ? `${y}年` : String(y));
    return {
      ...this.empty(),
      bars: {
        kind: 'waterfall',
        unit: '亿元',
        basis: 'illustrative',
        steps: [
          { label: yearLabel(from), value: projection.total.values[i]!, role: 'total', projection: from > projection.baseYear },
          ...projection.components.map((c) => ({ label: c.name, value: c.values[j]! - c.values[i]!, role: 'delta' as const, projection: true })),
          { label: yearLabel(to), value: projection.total.values[j]!, role: 'total', projection: true },
        ],
      },
    };
  }

  /**
   * Progress of the bound targets (else every quantitative target with a deadline): the latest figure
   * of the target's own indicator in its region, else of the first bound indicator in the target's
   * unit, only figures on the measure the target is judged on (A1's 万亿级 by the broad measure, not the
   * city's earlier one); the baseline is the figure of the plan's year (or the latest before), on the
   * same definition.
   */
  progress(): ChartData {
    const rows = this.targetRows();
    const chosen = this.targetCodes.length
      ? this.targetCodes.flatMap((code) => rows.filter((t) => t.code === code))
      : rows.filter((t) => (t.comparator === '>=' || t.comparator === '>') && t.value !== null && t.deadline !== null);
    const progress = chosen.flatMap((t): ProgressItem[] => {
      const item = this.progressItem(t, this.vintage, true);
      if (item && this.vintage && !this.newerData && JSON.stringify(item) !== JSON.stringify(this.progressItem(t, null, false))) this.newerData = true;
      if (item) this.drawnTargets.push(t.code);
      return item ? [item] : [];
    });
    return { ...this.empty(), progress };
  }

  /** One target's progress item with the figures as known on `asOf`; `record`: note the figures it draws. */
  progressItem(t: DrawnTarget, asOf: string | null, record: boolean): ProgressItem | null {
    if (t.value === null || t.deadline === null || t.comparator === 'qualitative') return null;
    const region = t.region ?? this.regions[0]?.code ?? null;
    const candidates = [t.indicator, ...this.indicators.filter((i) => i.unit === t.unit).map((i) => i.code)].filter((c): c is string => c !== null);
    const found =
      region === null
        ? undefined
        : candidates
            .map((code) => {
              const all = this.figures(code, region, t.judged, asOf);
              return { code, all, rows: all.filter((r) => r.value !== null) };
            })
            .find((c) => c.rows.length);
    const label = this.locale === 'en' && t.title_en ? t.title_en : t.title_zh;
    if (!found || region === null) {
      // No indicator measures it: the progress recorded by hand on the Targets page, if any.
      const recorded = actualsFor(this.db, { code: t.code, indicator: null, region: null }, { vintage: asOf });
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
      };
    }
    const latest = found.rows[found.rows.length - 1]!;
    const definitionFrom = Math.max(-Infinity, ...breakYears(this.db, found.code, region, found.all).filter((y) => y <= latest.year));
    const planYear = Number(t.issued.slice(0, 4)) || latest.year;
    const base = found.rows.filter((r) => r.year >= definitionFrom && r.year <= planYear && r.year < latest.year).at(-1);
    if (record) this.draws.push({ indicator: found.code, region, years: base ? [base.year, latest.year] : [latest.year], measures: [...new Set([base?.measure ?? latest.measure, latest.measure])] });
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
    };
  }

  /** Reads only the figures the template draws, running no scenario: what `draws` and `drawnTargets` need. */
  readFigures(): void {
    const targets = (units: Iterable<string>) =>
      this.drawnTargets.push(
        ...this.tableTargets(new Set(units))
          .filter((t) => t.value !== null && t.deadline !== null && t.comparator !== 'qualitative')
          .map((t) => t.code),
      );
    switch (this.spec.template) {
      case 'target-trajectory':
      case 'regional-comparison':
      case 'indicator-series':
      case 'share-of-gdp': {
        // The units `lines` draws: the actuals', and the metrics' of the scenarios' paths.
        const fallback = this.spec.template === 'share-of-gdp' ? 'share' : 'total';
        const projected = this.scenarios.length ? this.metrics(fallback).map((m) => metricUnit[m]) : [];
        targets([...this.actualSeries().map((a) => a.unit), ...projected]);
        return;
      }
      case 'stacked-components':
        this.actualSeries();
        targets(['亿元']);
        return;
      case 'scenario-fan':
        this.actualSeries(this.fanIndicators());
        targets([metricUnit[this.metrics('total')[0]!]]);
        return;
      case 'target-progress':
        this.progress();
        return;
      case 'tornado':
      case 'contribution-waterfall':
        // Scenario results only: no published figure is drawn.
        return;
    }
  }
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

function drawn(r: Resolver, template: ChartSpec['template']): ChartData {
  switch (template) {
    case 'target-trajectory':
    case 'regional-comparison':
    case 'indicator-series':
      return r.lines('total');
    case 'share-of-gdp':
      return r.lines('share');
    case 'scenario-fan':
      return r.fan();
    case 'tornado':
      return r.tornado();
    case 'stacked-components':
      return r.stacked();
    case 'contribution-waterfall':
      return r.waterfall();
    case 'target-progress':
      return r.progress();
  }
}

/** The data a spec draws. Throws a located WorkbenchError for bindings that name nothing in the workspace. */
export function resolveChartData(db: Db, spec: ChartSpec): ChartData {
  const resolver = new Resolver(db, spec);
  const data = drawn(resolver, spec.template);
  // The measures the points are on, named in the chart's language, for labels, tooltips and data files.
  const used = new Set([...data.series.flatMap((s) => s.points.map((p) => p.measure)), ...data.progress.map((p) => p.measure)]);
  const measures = listMeasures(db)
    .filter((m) => used.has(m.code))
    .map((m) => ({ code: m.code, name: spec.locale === 'en' && m.nameEn ? m.nameEn : m.nameZh }));
  return { ...data, meta: { ...data.meta, measures, newerData: resolver.newerData } };
}

/**
 * The published figures a spec draws (indicator, region, years), read as the chart reads them but
 * without running its scenarios. Throws like resolveChartData for bindings that name nothing.
 */
export function drawnFigures(db: Db, spec: ChartSpec): DrawnFigures[] {
  return drawnEvidence(db, spec).figures;
}

/**
 * What a spec draws without running its scenarios: the published figures (indicator, region, years,
 * measures) and the plan targets (a target line or a progress bar), for the overview's chart links.
 * Throws like resolveChartData for bindings that name nothing.
 */
export function drawnEvidence(db: Db, spec: ChartSpec): DrawnEvidence {
  const resolver = new Resolver(db, spec);
  resolver.readFigures();
  return { figures: resolver.draws, targets: [...new Set(resolver.drawnTargets)] };
}

/** What a chart can be bound to: indicators and regions holding annual figures, scenarios, targets, years. */
export function chartSources(db: Db) {
  const indicators = db
    .prepare(
      `SELECT i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.unit FROM indicators i
       WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator = i.code AND o.period = CAST(o.year AS TEXT)) ORDER BY i.code`,
    )
    .all() as Array<{ code: string; nameZh: string; nameEn: string; unit: string }>;
  const regions = db
    .prepare(
      `SELECT r.code, r.name_zh AS nameZh, r.name_en AS nameEn FROM regions r
       WHERE EXISTS (SELECT 1 FROM observations o WHERE o.region = r.code AND o.period = CAST(o.year AS TEXT)) ORDER BY r.code`,
    )
    .all() as Array<{ code: string; nameZh: string; nameEn: string }>;
  const scenarios = db.prepare('SELECT id, name FROM scenarios WHERE deleted_at IS NULL ORDER BY id').all() as Array<{ id: number; name: string }>;
  const targets = db
    .prepare(
      `SELECT code, title_zh AS titleZh, title_en AS titleEn, unit, value, deadline FROM targets
       WHERE retired_at IS NULL AND comparator <> 'qualitative' AND value IS NOT NULL ORDER BY plan, sort, code`,
    )
    .all() as Array<{ code: string; titleZh: string; titleEn: string; unit: string; value: number; deadline: number | null }>;
  const span = db.prepare('SELECT min(year) AS "from", max(year) AS "to" FROM observations WHERE period = CAST(year AS TEXT)').get() as { from: number | null; to: number | null };
  return { indicators, regions, scenarios, targets, years: span.from === null || span.to === null ? null : { from: span.from, to: span.to } };
}
