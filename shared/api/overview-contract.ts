// The overview (总览): the headline answer for every plan's quantitative targets, under every measure
// that has figures, with the compared scenario's projection on the target's own measure. It is built
// from the monitor's rows, so the two pages cannot disagree.
import { z } from 'zod';
import { templateIds } from '../charts/spec';
import { scenarioBasisSchema } from '../overview/scenario-basis';
import { BOUNDS } from '../series/bound';
import { vintageSchema } from '../series/vintage';
import { comparatorSchema, targetStatusSchema } from './targets-contract';

const measureRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

/** The figure behind a statement, and where to see it: its observation (grid row) or the value recorded on the target. */
const evidenceSchema = z.object({
  year: z.number().int(),
  value: z.number(),
  bound: z.enum(BOUNDS),
  source: z.string(),
  released: z.string(),
  releaseLabel: z.string(),
  from: z.enum(['observation', 'recorded']),
  observationId: z.number().int().nullable(),
});

export const overviewStatementSchema = z.object({
  plan: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  target: z.object({
    code: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    comparator: comparatorSchema,
    value: z.number(),
    unit: z.string(),
    deadline: z.number().int().nullable(),
    indicator: z.string().nullable(),
    region: z.string().nullable(),
  }),
  /** One answer per measure with figures, the one the target is judged on first; empty without any figure. */
  answers: z.array(
    z.object({
      measure: measureRef.nullable(),
      judged: z.boolean(),
      status: targetStatusSchema,
      rule: z.string(),
      ruleParams: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      latest: evidenceSchema.nullable(),
    }),
  ),
  /** The compared scenario's projection, on the target's own measure only. */
  projection: z
    .object({
      scenario: z.object({ id: z.number().int(), name: z.string(), measure: measureRef.nullable() }),
      year: z.number().int(),
      value: z.number(),
      met: z.boolean(),
      firstYearMet: z.number().int().nullable(),
      /** Share of Monte Carlo draws meeting the target, when the scenario has uncertainty: the model's, under the distributions it assumes. */
      probability: z.number().nullable(),
      /** What the projection rests on (bases, assumed growth, distributions, later published figures); null when the scenario no longer resolves. */
      basis: scenarioBasisSchema.nullable(),
    })
    .nullable(),
  projectionNote: z.object({ reason: z.enum(['other-measure', 'no-measure', 'after-vintage']), scenarioMeasure: measureRef.nullable() }).nullable(),
  /**
   * The saved charts that draw this target (its line or progress bar) or its figure (its indicator in
   * its region), best first: a chart drawing the figure on the measure the target is judged on, with
   * the target, before one on the figure alone, then one on another measure, then one drawing only
   * the target; among equals the chart drawing least first. Empty: no saved chart draws it.
   */
  charts: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      template: z.enum(templateIds),
      /** Draws the target: its line, or its bar on a progress chart. */
      target: z.boolean(),
      /** Draws the target's figure: its indicator in its region (for a target no indicator measures, the progress recorded for it, as its bar on a progress chart). */
      figure: z.boolean(),
      /** Those figures include the measure the target is judged on (recorded progress: always). */
      sameMeasure: z.boolean(),
    }),
  ),
});
export type OverviewStatement = z.infer<typeof overviewStatementSchema>;

export const overviewSchema = z.object({
  asOfYear: z.number().int(),
  vintage: z.string().nullable(),
  scenario: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Monte Carlo behind the probabilities: draws and seed, so the numbers can be reproduced. */
  monteCarlo: z.object({ draws: z.number().int(), seed: z.number().int() }).nullable(),
  statements: z.array(overviewStatementSchema),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewMethods = {
  /** The headline answers for every plan's quantitative targets (总览). */
  'overview.get': {
    input: z.object({ vintage: vintageSchema.optional(), plan: z.string().max(64).optional() }).strict(),
    output: overviewSchema,
  },
};
