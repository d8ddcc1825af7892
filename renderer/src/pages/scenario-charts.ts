import { localName, type ScenarioBacktest, type ScenarioEvidence } from '../../../shared/api/scenarios-contract';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput, type OmittedTarget } from '../../../shared/charts/data';
import { unitDecisions } from '../../../shared/charts/frame';
import { wordsFor } from '../../../shared/charts/labels';
import type { UnitDecision } from '../../../shared/charts/number-format';
import { chartSpecSchema, type TemplateId } from '../../../shared/charts/spec';
import { measured, otherMeasures } from '../../../shared/charts/target-measure';
import type { BacktestResult, MonteCarloResult, ProjectionResult, ScenarioBases, SensitivityResult } from '../../../shared/engine';
import { shareBound } from '../../../shared/engine/backtest';
import { formatPlain, type Locale } from '../../../shared/format/number';
import { waterfallYear } from '../../../shared/format/scenario-units';
import { translate } from '../../../shared/i18n';
import { componentName } from '../../../shared/i18n/scenario-names';
import { scenarioTargetMeasure, type PlanMeasures } from '../../../shared/monitor/scenario-targets';

/**
 * The Scenarios page's charts as briefing-template plans (template, title, data), drawn on screen by
 * the same `buildOption` the exports use, and saved to the Charts page as a spec bound to the scenario.
 */
export interface ChartPlan {
  id: 'trajectory' | 'share' | 'stacked' | 'waterfall' | 'fan' | 'tornado' | 'overlay' | 'backtest-total' | 'backtest-share' | 'backtest-gdp';
  template: TemplateId;
  title: string;
  data: ChartDataInput;
  /** Said under the chart: published figures on other measures than the scenario's are left out. */
  note?: string;
}

/**
 * The measure of the scenario drawn (null when it names none) and the plan targets', for its target
 * lines; `evidence`: the plan targets on its measure in its years and their published figures
 * (scenarios.evidence), drawn as a briefing chart of the same quantity draws them.
 */
export interface TargetContext {
  measure: string | null;
  plan: PlanMeasures;
  evidence?: ScenarioEvidence | null;
}

const nameOf = (p: ProjectionResult, locale: Locale) => (locale === 'en' && p.scenario.nameEn ? p.scenario.nameEn : p.scenario.name);

type Drawn = Parameters<typeof measured>[0][number];

/**
 * The scenario's target lines in `unit` over the series `drawn`, each on the measure it is judged on
 * (a plan target's, else the scenario's). A line judged on another measure than the values it would be
 * read against is not drawn but listed for the footer (the rule: shared/charts/target-measure.ts).
 */
function targetLines(p: ProjectionResult, unit: '亿元' | '%', locale: Locale, ctx: TargetContext, drawn: readonly Drawn[]) {
  const plotted = measured(drawn);
  const own = p.targets
    .filter((t) => t.unit === unit && t.kind !== 'component')
    .map((x) => ({
      id: `target-${x.id}`,
      name: locale === 'en' && x.labelEn ? x.labelEn : x.label,
      title: locale === 'en' && x.labelEn ? x.labelEn : x.label,
      value: x.threshold,
      year: x.year,
      measure: scenarioTargetMeasure(x, ctx.measure, ctx.plan),
      comparator: undefined,
    }));
  // A plan target the scenario does not carry (万亿级 beside a 2027 share target): named 目标 and
  // followed by its goal, as the Charts page draws it; one the scenario states already is drawn once.
  const fromPlan = (ctx.evidence?.targets ?? [])
    .filter((x) => (x.kind === 'share' ? '%' : '亿元') === unit && !own.some((o) => o.year === x.year && o.value === x.value))
    .map((x) => ({
      id: `target-plan-${x.code}`,
      name: wordsFor(locale).target,
      title: locale === 'en' && x.titleEn ? x.titleEn : x.titleZh,
      value: x.value,
      year: x.year,
      measure: x.measure,
      comparator: x.comparator,
    }));
  const lines = [];
  const omitted: OmittedTarget[] = [];
  for (const x of [...own, ...fromPlan]) {
    const others = otherMeasures({ unit, year: x.year, measure: x.measure }, plotted);
    if (x.measure !== null && others.length) omitted.push({ name: x.title, unit, value: x.value, year: x.year, measure: x.measure, drawn: others });
    else
      lines.push({
        id: x.id,
        name: x.name,
        kind: 'target' as const,
        unit,
        points: [{ year: x.year, value: x.value, ...(x.measure === null ? {} : { measure: x.measure }) }],
        ...(x.comparator ? { comparator: x.comparator } : {}),
      });
  }
  return { lines, omitted };
}

/** A line chart's series: `drawn`, then the target lines over them; the meta names every measure and the lines left out. */
function withTargets<S extends Drawn>(drawn: S[], p: ProjectionResult, unit: '亿元' | '%', locale: Locale, ctx: TargetContext, backtest: BacktestResult | ScenarioBacktest | null) {
  const { lines, omitted } = targetLines(p, unit, locale, ctx, drawn);
  return { series: [...drawn, ...lines], meta: { ...measureMeta(backtest, ctx.plan, locale), omittedTargets: omitted } };
}

/**
 * Published figures of one metric from a backtest, as an actual series, each point with its bound
 * and measure, one indicator on one measure: the series the backtest scores, or on `onMeasure` when
 * one is given, the series on it (where the figures went on under that measure, a break of the backtest).
 */
function actualSeries(backtest: BacktestResult | null, metric: 'total' | 'share' | 'gdp', locale: Locale, onMeasure: string | null) {
  const s = backtest?.series.find((x) => x.metric === metric);
  if (!s) return [];
  const other = s.breaks.find((b) => b.to === onMeasure);
  const points =
    onMeasure === null || s.measure === onMeasure
      ? s.points.map((pt) => ({ year: pt.year, value: pt.actual, bound: pt.bound, measure: pt.definition }))
      : (other?.figures ?? []).map((f) => ({ year: f.year, value: f.value, bound: f.bound, measure: other!.to }));
  if (!points.length) return [];
  return [
    {
      id: `actual-${metric}`,
      name: translate(locale, 'scenario.chart.actual'),
      kind: 'actual' as const,
      unit: s.unit,
      points,
      breaksBefore: [],
    },
  ];
}

/**
 * The published figures of a metric that the plan targets drawn rest on (CAICT's "超过1万亿元" for
 * 万亿级), one series per indicator, each point with its bound, measure and source; a figure already
 * drawn from the backtest (same year, measure and value) is not drawn twice.
 */
function evidenceSeries(evidence: ScenarioEvidence | null | undefined, metric: 'total' | 'share', locale: Locale, drawn: readonly Drawn[]) {
  const shown = (f: ScenarioEvidence['figures'][number]) => drawn.some((s) => s.points.some((pt) => pt.year === f.year && pt.measure === f.measure && pt.value === f.value));
  const figures = (evidence?.figures ?? []).filter((f) => f.kind === metric && !shown(f));
  const byIndicator = new Map<string, typeof figures>();
  for (const f of figures) byIndicator.set(f.indicator.code, [...(byIndicator.get(f.indicator.code) ?? []), f]);
  return [...byIndicator.values()].map((list) => ({
    id: `published-${list[0]!.indicator.code}`,
    name: localName(list[0]!.indicator, locale),
    kind: 'actual' as const,
    unit: metric === 'share' ? '%' : '亿元',
    points: list.map((f) => ({ year: f.year, value: f.value, bound: f.bound, measure: f.measure, ...(f.source ? { source: f.source } : {}) })),
    breaksBefore: [],
  }));
}

/** The published figures of a metric: the backtest's, then those the plan targets on the scenario's measure rest on. */
function publishedSeries(backtest: BacktestResult | null, metric: 'total' | 'share', locale: Locale, ctx: TargetContext) {
  const scored = actualSeries(backtest, metric, locale, ctx.measure);
  return [...scored, ...evidenceSeries(ctx.evidence, metric, locale, scored)];
}

/** A scenario's path; its points carry the scenario's measure when it names one, so no line joins it to a figure on another. */
function projectionSeries(
  p: ProjectionResult,
  unit: '亿元' | '%',
  values: number[],
  locale: Locale,
  scenarioId: string | null = null,
  measure: string | null = null,
  baseBound: BaseBound = null,
) {
  return {
    id: `projection-${scenarioId ?? 'draft'}`,
    name: nameOf(p, locale),
    kind: 'projection' as const,
    unit,
    basis: 'derived' as const,
    scenarioId,
    // The base year is the scenario's starting figure, not a projection: the 预测期 shading starts after it.
    // A path from a bounded base is bounded every year: ≥6000亿元 in 2020 gives ≥8073.6亿元 in 2022.
    points: p.years.map((year, t) => ({ year, value: values[t] ?? null, ...(measure ? { measure } : {}), ...(t === 0 ? { base: true } : {}), ...(baseBound ? { bound: baseBound } : {}) })),
  };
}

/** The bound of a scenario's base total when it is a bounded figure (≥6000 of "超6000亿元"), else null. */
type BaseBound = 'lower' | 'upper' | 'approx' | null;

function baseBoundOf(bases: ScenarioBases | undefined): BaseBound {
  const bound = bases?.total?.bound;
  return bound && bound !== 'exact' ? bound : null;
}

/** The bound of a scenario's projected share when its base makes it one (≥24% from ≥6000亿元 over GDP), else null. */
function shareBoundOf(bases: ScenarioBases | undefined): BaseBound {
  const bound = bases ? shareBound(bases) : 'exact';
  return bound === 'exact' ? null : bound;
}

/** The footer line of a scenario starting from a bounded figure, as the Charts page writes it (meta.boundedBases). */
function boundedBases(p: ProjectionResult, locale: Locale, bases: ScenarioBases | undefined) {
  const base = bases?.total;
  const bound = baseBoundOf(bases);
  return base && bound ? [{ scenario: nameOf(p, locale), year: base.year, value: base.value, unit: '亿元', bound }] : [];
}

/** The names of the measures, in the chart's language: the catalogue's, and those of a backtest's points (only the service's answer carries them). */
function measureMeta(backtest: BacktestResult | ScenarioBacktest | null, plan: PlanMeasures, locale: Locale) {
  const named = [...plan.names, ...(backtest && 'names' in backtest ? backtest.names.measures : [])];
  const measures = named.filter((m, i) => named.findIndex((x) => x.code === m.code) === i);
  return { measures: measures.map((m) => ({ code: m.code, name: localName(m, locale) })) };
}

/** The note under a chart whose published figures on other measures than `onMeasure` (else the series') are left out. */
function otherFiguresNote(backtest: BacktestResult | null, metric: 'total' | 'share' | 'gdp', locale: Locale, onMeasure: string | null): { note?: string } {
  const series = backtest?.series.find((x) => x.metric === metric);
  const drawn = onMeasure === null ? (series?.measure ?? null) : onMeasure;
  const left = [
    ...(series && series.measure !== drawn ? series.points.map((pt) => pt.year) : []),
    ...(series?.breaks ?? []).filter((b) => b.to !== drawn).flatMap((b) => b.figures.map((f) => f.year)),
  ];
  const years = [...new Set(left)].sort((a, b) => a - b);
  return years.length ? { note: translate(locale, 'scenario.chart.otherFiguresLeft', { years: years.join(locale === 'zh' ? '、' : ', ') }) } : {};
}

/**
 * The edited scenario's charts; `ctx.measure` is the scenario's (its `measure`), null when it names
 * none. The published figures drawn are those on the scenario's measure.
 */
export function resultCharts(p: ProjectionResult, locale: Locale, backtest: BacktestResult | null, ctx: TargetContext, bases?: ScenarioBases): ChartPlan[] {
  const tr = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const year = waterfallYear(p);
  const t = year - p.baseYear;
  const { measure } = ctx;
  const bound = baseBoundOf(bases);
  const onBase = <D extends { meta: object }>(data: D) => ({ ...data, meta: { ...data.meta, boundedBases: boundedBases(p, locale, bases) } });
  return [
    {
      id: 'trajectory',
      template: 'target-trajectory',
      title: tr('scenario.chart.trajectory'),
      data: onBase(withTargets([...publishedSeries(backtest, 'total', locale, ctx), projectionSeries(p, '亿元', p.total.values, locale, null, measure, bound)], p, '亿元', locale, ctx, backtest)),
      ...otherFiguresNote(backtest, 'total', locale, measure),
    },
    {
      id: 'share',
      template: 'share-of-gdp',
      title: tr('scenario.chart.share'),
      data: withTargets([...publishedSeries(backtest, 'share', locale, ctx), projectionSeries(p, '%', p.share.values, locale, null, measure, shareBoundOf(bases))], p, '%', locale, ctx, backtest),
      ...otherFiguresNote(backtest, 'share', locale, measure),
    },
    {
      id: 'stacked',
      template: 'stacked-components',
      title: tr('scenario.chart.stacked'),
      data: {
        series: p.components.map((c) => ({
          id: `component-${c.id}`,
          name: componentName(c, locale),
          kind: 'projection' as const,
          unit: '亿元',
          basis: 'illustrative' as const,
          // The split of the total into components is illustrative: no part carries the total's bound.
          points: p.years.map((y, i) => ({ year: y, value: c.values[i] ?? null })),
        })),
        meta: { boundedBases: boundedBases(p, locale, bases) },
      },
    },
    {
      id: 'waterfall',
      template: 'contribution-waterfall',
      title: tr('scenario.chart.waterfall', { from: p.baseYear, to: year }),
      data: {
        bars: {
          kind: 'waterfall',
          unit: '亿元',
          // Its steps are the components' shares of the growth: an illustrative split, as on the Charts page.
          basis: 'illustrative',
          steps: [
            { label: tr('scenario.chart.yearLabel', { year: p.baseYear }), value: p.total.values[0]!, role: 'total', projection: false, ...(bound ? { bound } : {}) },
            ...p.components.map((c) => ({ label: componentName(c, locale), value: c.values[t]! - c.values[0]!, role: 'delta' as const, projection: true })),
            { label: tr('scenario.chart.yearLabel', { year }), value: p.total.values[t]!, role: 'total' as const, projection: true, ...(bound ? { bound } : {}) },
          ],
        },
        meta: { boundedBases: boundedBases(p, locale, bases) },
      },
    },
  ];
}

export function tornadoChart(result: SensitivityResult, locale: Locale, unitOf: (driver: string) => string, nameOfDriver: (driver: string) => string): ChartPlan {
  const out = result.output;
  const what = translate(locale, out.metric === 'share' ? 'scenario.chart.shareIn' : 'scenario.chart.totalIn', { year: out.year });
  return {
    id: 'tornado',
    template: 'tornado',
    title: translate(locale, 'scenario.chart.tornado', { what }),
    data: {
      bars: {
        kind: 'tornado',
        unit: out.unit,
        base: out.base,
        baseLabel: what,
        basis: 'derived',
        items: result.bars.map((b) => ({
          // The scenario-wide drivers by their names (GDP增速, 统一上调); a component's is its own.
          label: nameOfDriver(b.driver),
          low: b.low.output,
          high: b.high.output,
          lowInput: `${formatPlain(b.low.input, locale, 2)}${unitOf(b.driver)}`,
          highInput: `${formatPlain(b.high.input, locale, 2)}${unitOf(b.driver)}`,
        })),
      },
    },
  };
}

/** The Monte Carlo fan of the total, with the published totals on the scenario's measure. */
export function fanChart(mc: MonteCarloResult, p: ProjectionResult, locale: Locale, backtest: BacktestResult | null, ctx: TargetContext): ChartPlan {
  const band = (lower: 5 | 25, upper: 95 | 75) => ({
    id: `p${lower}-${upper}`,
    name: translate(locale, lower === 5 ? 'scenario.chart.band90' : 'scenario.chart.band50'),
    unit: '亿元',
    lower,
    upper,
    points: mc.years.map((year, i) => ({ year, low: mc.total[`p${lower}`][i]!, high: mc.total[`p${upper}`][i]! })),
  });
  return {
    id: 'fan',
    template: 'scenario-fan',
    title: translate(locale, 'scenario.chart.fan', { draws: formatPlain(mc.draws, locale, 0, true) }),
    data: {
      ...withTargets(
        [
          ...publishedSeries(backtest, 'total', locale, ctx),
          {
            id: 'median',
            name: translate(locale, 'scenario.chart.median'),
            kind: 'projection' as const,
            unit: '亿元',
            basis: 'derived' as const,
            points: mc.years.map((year, i) => ({ year, value: mc.total.p50[i]!, ...(ctx.measure ? { measure: ctx.measure } : {}) })),
          },
        ],
        p,
        '亿元',
        locale,
        ctx,
        backtest,
      ),
      bands: [band(5, 95), band(25, 75)],
    },
    ...otherFiguresNote(backtest, 'total', locale, ctx.measure),
  };
}

/**
 * The totals of scenarios on one measure on one trajectory chart, titled with the measure's name
 * (`measure` null: scenarios naming none), with the published figures on that measure only, and the
 * plan targets on it with the figures they rest on (`evidence`, for that measure and the scenarios' years).
 */
export function overlayChart(
  runs: Array<{ id: number; projection: ProjectionResult }>,
  locale: Locale,
  backtest: BacktestResult | null,
  measure: { code: string; name: string } | null,
  plan: PlanMeasures,
  bases: ReadonlyMap<number, ScenarioBases> = new Map(),
  evidence: ScenarioEvidence | null = null,
): ChartPlan {
  const first = runs[0]!.projection;
  const ctx = { measure: measure?.code ?? null, plan, evidence };
  const drawn = [
    ...(measure ? publishedSeries(backtest, 'total', locale, ctx) : []),
    ...runs.map((r) => projectionSeries(r.projection, '亿元', r.projection.total.values, locale, String(r.id), measure?.code ?? null, baseBoundOf(bases.get(r.id)))),
  ];
  const { series, meta } = withTargets(drawn, first, '亿元', locale, ctx, null);
  const boundedBaseLines = runs.flatMap((r) => boundedBases(r.projection, locale, bases.get(r.id)));
  return {
    id: 'overlay',
    template: 'target-trajectory',
    title: translate(locale, 'scenario.chart.overlayOn', { measure: measure?.name ?? translate(locale, 'scenario.measureUnstated') }),
    data: { series, meta: { ...meta, measures: measure && !meta.measures.length ? [measure] : meta.measures, boundedBases: boundedBaseLines } },
  };
}

/** Each backtested metric: the published figures on the measure it is scored on against the projection. */
export function backtestCharts(result: BacktestResult | ScenarioBacktest, p: ProjectionResult, locale: Locale, plan: PlanMeasures): ChartPlan[] {
  const values = { total: p.total.values, share: p.share.values, gdp: p.gdp.values };
  return result.series
    .filter((s): s is typeof s & { metric: 'total' | 'share' | 'gdp' } => s.metric !== 'component')
    .map((s) => {
      // The backtest knows the projection's bound from the scenario's bases (≥ from a lower-bound base).
      const projected = s.points[0]?.projectedBound ?? 'exact';
      const drawn = [...actualSeries(result, s.metric, locale, s.measure), projectionSeries(p, s.unit, values[s.metric], locale, null, s.measure, projected === 'exact' ? null : projected)];
      const ctx = { measure: result.measure, plan };
      return {
        id: `backtest-${s.metric}` as const,
        template: s.metric === 'share' ? ('share-of-gdp' as const) : ('target-trajectory' as const),
        title: translate(locale, `scenario.backtest.chart.${s.metric}`),
        data: s.metric === 'gdp' ? { series: drawn, meta: measureMeta(result, plan, locale) } : withTargets(drawn, p, s.unit, locale, ctx, result),
        ...otherFiguresNote(result, s.metric, locale, s.measure),
      };
    });
}

/**
 * The digits a chart writes its values with to agree with the page's decision (page-units.ts): the
 * page's, when the chart's own decision (the charts' rule, unitDecisions) is in the same scale for
 * every unit it draws; else the chart's own.
 */
function pageDecimals(decided: ReadonlyMap<string, UnitDecision>, page: ReadonlyMap<string, UnitDecision>): number | null {
  const pairs = [...decided].map(([unit, own]) => ({ own, page: page.get(unit) }));
  if (!pairs.length || pairs.some((p) => !p.page || p.page.divisor !== p.own.divisor)) return null;
  return Math.max(...pairs.map((p) => p.page!.decimals));
}

/** The ECharts option of a plan, at the report-column size the page shows, its numbers written as the page writes them (`units`). */
export function chartOption(plan: ChartPlan, locale: Locale, units?: ReadonlyMap<string, UnitDecision>) {
  const spec = chartSpecSchema.parse({ template: plan.template, title: plan.title, locale, size: { preset: 'a4-half' } });
  const data = chartDataSchema.parse(plan.data);
  const decimals = units ? pageDecimals(unitDecisions(spec, data), units) : null;
  return buildOption(decimals === null ? spec : { ...spec, decimals }, data);
}

/** The saved-chart spec "发送到图表" writes: the template bound to the scenario, with the chart's title. */
export function chartSpecFor(plan: ChartPlan, scenarioIds: readonly number[], locale: Locale) {
  return chartSpecSchema.parse({ template: plan.template, title: plan.title, locale, bindings: { scenarios: scenarioIds.map(String) } });
}
