// The data a chart draws, already resolved from the spec's bindings by the backend. Templates read
// only this, so the preview, the CLI and every export draw the same numbers.
import { z } from 'zod';
import { targetStatuses } from '../monitor/status';
import { BOUNDS } from '../series/bound';

/**
 * Where a number comes from. DOMAIN rules: figures not published are `illustrative`, figures computed
 * from others (share x GDP) are `derived`; charts say so next to the series.
 */
export const basisSchema = z.enum(['published', 'derived', 'illustrative']);
export type Basis = z.infer<typeof basisSchema>;

/** How a published value stands to the true one: "超过1万亿元" is a lower bound (≥), "约" approximate. */
export const boundSchema = z.enum(BOUNDS);
// The bound rules, for the templates (whose lint keeps imports within shared/charts).
export { comparatorSign, meets, type Bound } from '../series/bound';

/**
 * A share of GDP held by another share indicator, drawn where the indicator has none in that year: the
 * same quantity on the same measure (重庆 2022 in the national share's series is the city's reported
 * 45.4%, series/shares.ts). The chart names where it comes from.
 */
export const viaSchema = z.object({
  /** The indicator holding the figure, by name in the chart's language. */
  indicator: z.string().min(1),
  /** The figure's source as recorded. */
  source: z.string().default(''),
});
export type Via = z.infer<typeof viaSchema>;

export const chartPointSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  /** Absent: exact. Labels and tooltips write a bound's sign (≥1万亿元), never the bare number. */
  bound: boundSchema.optional(),
  /** The measure (口径) the value is on, a code named in `meta.measures`. */
  measure: z.string().optional(),
  /** Absent: the series' own indicator's figure. */
  via: viaSchema.optional(),
  /**
   * A published figure's release: its date (ISO, '' when unknown) and label (初步核算数, 第四次经济普查修订;
   * a seeded label in the chart's language), and its source as recorded. Absent on scenario values and
   * target lines, which are no release.
   */
  released: z.string().optional(),
  releaseLabel: z.string().optional(),
  source: z.string().optional(),
  /**
   * A projection's point in its scenario's base year: the figure the scenario starts from (published or
   * derived), not a projection, so no label marks its year as projected (2020, not 2020E).
   */
  base: z.boolean().optional(),
});
export type ChartPoint = z.infer<typeof chartPointSchema>;

export const chartSeriesSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** actual: observed; projection: a scenario's path (dashed); target: a plan's goal, one point per deadline. */
  kind: z.enum(['actual', 'projection', 'target']),
  unit: z.string(),
  points: z.array(chartPointSchema),
  basis: basisSchema.default('published'),
  scenarioId: z.string().nullable().default(null),
  region: z.string().nullable().default(null),
  /** Years whose value is measured on a new definition: the line is broken and the break labelled. */
  breaksBefore: z.array(z.number().int()).default([]),
  /**
   * A target line's goal as its target states it (≥ for 以上, > for 超过; ≈ for an "=" the plan words
   * as approximate): its label says 目标：≥1万亿元. Absent: no sign is written.
   */
  comparator: z.enum(['>=', '>', '=', '≈', '<=', '<']).optional(),
});
export type ChartSeries = z.infer<typeof chartSeriesSchema>;

/** One percentile band of a scenario fan, e.g. lower 5 / upper 95. */
export const chartBandSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  unit: z.string(),
  lower: z.number().min(0).max(100),
  upper: z.number().min(0).max(100),
  scenarioId: z.string().nullable().default(null),
  points: z.array(z.object({ year: z.number().int(), low: z.number(), high: z.number() })),
});
export type ChartBand = z.infer<typeof chartBandSchema>;

export const tornadoBarsSchema = z.object({
  kind: z.literal('tornado'),
  unit: z.string(),
  /** The result with every driver at its central value. */
  base: z.number(),
  /** What the result is, e.g. "2022年数字经济规模（基准，重庆市此前口径）". */
  baseLabel: z.string().default(''),
  /** The measure (口径) the result is on, a code named in `meta.measures`. */
  measure: z.string().optional(),
  /** Absent: exact. A result projected from a bounded base (超6000亿元) is bounded as it is, the base and every setting. */
  bound: boundSchema.optional(),
  /** The result is a projection unless the caller says otherwise. */
  projection: z.boolean().default(true),
  basis: basisSchema.default('published'),
  items: z.array(
    z.object({
      label: z.string().min(1),
      low: z.number(),
      high: z.number(),
      /** The driver's low and high settings, shown at the bar ends (e.g. "增速 8%"). */
      lowInput: z.string().default(''),
      highInput: z.string().default(''),
    }),
  ),
});
export type TornadoBars = z.infer<typeof tornadoBarsSchema>;

export const waterfallBarsSchema = z.object({
  kind: z.literal('waterfall'),
  unit: z.string(),
  basis: basisSchema.default('published'),
  /** The measure (口径) the totals are on, a code named in `meta.measures`. */
  measure: z.string().optional(),
  steps: z.array(
    z.object({
      label: z.string().min(1),
      value: z.number(),
      /** total: drawn from zero; delta: drawn from the running total. */
      role: z.enum(['total', 'delta']),
      projection: z.boolean().default(false),
      /** Absent: exact. A total taken from a bounded figure (a scenario base of "超6000亿元") is ≥ it. */
      bound: boundSchema.optional(),
    }),
  ),
});
export type WaterfallBars = z.infer<typeof waterfallBarsSchema>;

export const chartBarsSchema = z.discriminatedUnion('kind', [tornadoBarsSchema, waterfallBarsSchema]);
export type ChartBars = z.infer<typeof chartBarsSchema>;

export const progressItemSchema = z.object({
  label: z.string().min(1),
  unit: z.string(),
  target: z.number(),
  deadline: z.number().int(),
  /** Latest value, or null when none is reported (shown as "no data", never as zero). */
  actual: z.number().nullable(),
  actualYear: z.number().int().nullable(),
  /** Where the plan started: gives the on-schedule marker (a straight path to the target). */
  baseline: z.object({ year: z.number().int(), value: z.number() }).nullable().default(null),
  basis: basisSchema.default('published'),
  /** The latest value's bound, measure, (held by another share indicator) origin, release and source, as on a chart point. */
  bound: boundSchema.optional(),
  measure: z.string().optional(),
  via: viaSchema.optional(),
  released: z.string().optional(),
  releaseLabel: z.string().optional(),
  source: z.string().optional(),
  /** The target's comparator: 超过 (>) and 达到 (≥) are different targets. */
  comparator: z.enum(['>=', '>', '=', '<=', '<']).optional(),
  /**
   * The monitor's status of the target and its straight path's value in the latest year: a chart of
   * the workspace's targets states what the Targets page states, never a judgement of its own.
   */
  status: z.enum(targetStatuses).optional(),
  pathValue: z.number().nullable().optional(),
});
export type ProgressItem = z.infer<typeof progressItemSchema>;

/**
 * A plan target the chart's bindings name that is not drawn: it is judged on another measure than the
 * values its line would be read against (万亿级 on CAICT's broad measure over scenarios on the city's
 * earlier one). The footer names it and why.
 */
export const omittedTargetSchema = z.object({
  /** The target as the plan words it, in the chart's language. */
  name: z.string().min(1),
  unit: z.string(),
  value: z.number(),
  year: z.number().int(),
  /** The measure the target is judged on, and those of the values drawn (codes named in `meta.measures`). */
  measure: z.string(),
  drawn: z.array(z.string()),
});
export type OmittedTarget = z.infer<typeof omittedTargetSchema>;

/** A scenario whose base is a bounded published figure (6000 of "超6000亿元"): its results rest on a bound. */
export const boundedBaseSchema = z.object({
  scenario: z.string().min(1),
  year: z.number().int(),
  value: z.number(),
  unit: z.string(),
  bound: boundSchema,
});
export type BoundedBase = z.infer<typeof boundedBaseSchema>;

export const chartMetaSchema = z.object({
  /** The data's as-of date (YYYY-MM-DD), recorded in every export's provenance. */
  asOf: z.string().nullable().default(null),
  scenarios: z
    .array(z.object({ id: z.string(), name: z.string(), version: z.union([z.number(), z.string()]) }))
    .default([]),
  /** Names of the measures the points are on, in the chart's language. */
  measures: z.array(z.object({ code: z.string(), name: z.string() })).default([]),
  /** The vintage the chart is pinned to (bindings.vintage), null when it draws the latest data. */
  vintage: z.string().nullable().default(null),
  /** Pinned, and some figure it draws has a later release: reading the latest data would draw it differently. */
  newerData: z.boolean().default(false),
  /** Targets bound but not drawn, being on another measure than the values drawn. */
  omittedTargets: z.array(omittedTargetSchema).default([]),
  /** Scenarios drawn whose base is a bounded figure. */
  boundedBases: z.array(boundedBaseSchema).default([]),
});
export type ChartMeta = z.infer<typeof chartMetaSchema>;

export const chartDataSchema = z.object({
  series: z.array(chartSeriesSchema).default([]),
  bands: z.array(chartBandSchema).default([]),
  bars: chartBarsSchema.nullable().default(null),
  progress: z.array(progressItemSchema).default([]),
  meta: chartMetaSchema.prefault({}),
});
export type ChartData = z.output<typeof chartDataSchema>;
export type ChartDataInput = z.input<typeof chartDataSchema>;
