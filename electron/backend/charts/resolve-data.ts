// A spec's bindings resolved into the ChartData its template draws (resolveChartData), or only into
// what it draws from published figures and plan targets, without running its scenarios
// (drawnEvidence, for notices and the overview's chart links). The pieces: resolver.ts (bindings,
// figures, actual series, provenance), target-lines.ts, scenario-data.ts, progress-data.ts. Rules per
// template are in docs/CHARTS.md ("Where a chart's data comes from").
import type { ChartData, ChartSeries, OmittedTarget } from '../../../shared/charts/data';
import type { ChartSpec } from '../../../shared/charts/spec';
import { measured } from '../../../shared/charts/target-measure';
import type { Db } from '../db/workspace';
import { listMeasures } from '../series/figures';
import { progress } from './progress-data';
import { metricUnit, Resolver, type DrawnFigures, type Metric } from './resolver';
import { fan, fanIndicators, projectedMeasures, projectionSeries, stacked, tornado, waterfall } from './scenario-data';
import { targetLines } from './target-lines';

export { chartSources } from './chart-sources';
export { asOfDate, type DrawnFigures } from './resolver';
export { FAN_DRAWS, FAN_SEED } from './scenario-data';

/** What a saved chart draws without running its scenarios: published figures, and plan targets by code. */
export interface DrawnEvidence {
  figures: DrawnFigures[];
  /** Plan targets drawn as a target line or a progress bar. */
  targets: string[];
  /** Targets bound but not drawn, being judged on another measure than the values drawn. */
  omittedTargets: OmittedTarget[];
  /** Whether scenario paths are drawn over years, after a shaded 预测期. */
  projections: boolean;
  /** The date the chart's data is pinned to (null: the latest data). */
  vintage: string | null;
}

/** The templates that draw scenario paths over years with the 预测期 shaded. */
const shadedTemplates: ReadonlySet<ChartSpec['template']> = new Set([
  'target-trajectory',
  'share-of-gdp',
  'regional-comparison',
  'indicator-series',
  'scenario-fan',
  'stacked-components',
]);

/** Trajectory, share of GDP, regional comparison and indicator series: actuals, scenario paths, targets. */
function lines(r: Resolver, fallback: Metric): ChartData {
  const actuals = r.actualSeries();
  const metrics = r.metrics(fallback);
  const drawn: ChartSeries[] = [...actuals, ...projectionSeries(r, metrics, actuals)];
  const units = new Set(drawn.map((s) => s.unit));
  return { ...r.empty(), series: [...drawn, ...targetLines(r, metrics, units, measured(drawn))] };
}

function drawn(r: Resolver, template: ChartSpec['template']): ChartData {
  switch (template) {
    case 'target-trajectory':
    case 'regional-comparison':
    case 'indicator-series':
      return lines(r, 'total');
    case 'share-of-gdp':
      return lines(r, 'share');
    case 'scenario-fan':
      return fan(r);
    case 'tornado':
      return tornado(r);
    case 'stacked-components':
      return stacked(r);
    case 'contribution-waterfall':
      return waterfall(r);
    case 'target-progress':
      return progress(r);
  }
}

/** The data a spec draws. Throws a located WorkbenchError for bindings that name nothing in the workspace. */
export function resolveChartData(db: Db, spec: ChartSpec): ChartData {
  const r = new Resolver(db, spec);
  const data = drawn(r, spec.template);
  // The measures the values (and the targets left out) are on, named in the chart's language, for
  // labels, tooltips, footers and data files.
  const used = new Set([
    ...data.series.flatMap((s) => s.points.map((p) => p.measure)),
    ...data.progress.map((p) => p.measure),
    data.bars?.measure,
    ...r.omittedTargets.flatMap((t) => [t.measure, ...t.drawn]),
  ]);
  const measures = listMeasures(db)
    .filter((m) => used.has(m.code))
    .map((m) => ({ code: m.code, name: spec.locale === 'en' && m.nameEn ? m.nameEn : m.nameZh }));
  return { ...data, meta: { ...data.meta, measures, newerData: r.newerData, omittedTargets: r.omittedTargets, boundedBases: r.boundedBases } };
}

/**
 * Reads only the figures the template draws, running no scenario: the published figures, and the
 * target lines as drawn over them and over the measures the scenarios' paths will be on.
 */
function readFigures(r: Resolver): void {
  switch (r.spec.template) {
    case 'target-trajectory':
    case 'regional-comparison':
    case 'indicator-series':
    case 'share-of-gdp': {
      const metrics = r.metrics(r.spec.template === 'share-of-gdp' ? 'share' : 'total');
      const plotted = [...measured(r.actualSeries()), ...r.scenarios.flatMap((s) => metrics.map((m) => projectedMeasures(r, s, m)))];
      targetLines(r, metrics, new Set(plotted.map((p) => p.unit)), plotted);
      return;
    }
    case 'stacked-components': {
      const plotted = [...measured(r.actualSeries()), ...r.scenarios.map((s) => projectedMeasures(r, s, 'total'))];
      targetLines(r, ['total'], new Set(['亿元']), plotted);
      return;
    }
    case 'scenario-fan': {
      const metric = r.metrics('total')[0]!;
      const plotted = [...measured(r.actualSeries(fanIndicators(r))), ...r.scenarios.map((s) => projectedMeasures(r, s, metric))];
      targetLines(r, [metric], new Set([metricUnit[metric]]), plotted);
      return;
    }
    case 'target-progress':
      progress(r);
      return;
    case 'tornado':
    case 'contribution-waterfall':
      // Scenario results only: no published figure is drawn.
      return;
  }
}

/**
 * What a spec draws without running its scenarios: the published figures (indicator, region, years,
 * measures), the plan targets (a target line or a progress bar), the targets left out for their
 * measure, and whether it draws scenario paths after a shaded 预测期. Throws like resolveChartData for bindings that name nothing.
 */
export function drawnEvidence(db: Db, spec: ChartSpec): DrawnEvidence {
  const r = new Resolver(db, spec);
  readFigures(r);
  return {
    figures: r.draws,
    targets: [...new Set(r.drawnTargets)],
    omittedTargets: r.omittedTargets,
    projections: shadedTemplates.has(spec.template) && r.scenarios.length > 0,
    vintage: spec.bindings.vintage ?? null,
  };
}
