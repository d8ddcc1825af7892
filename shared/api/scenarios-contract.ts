import { z } from 'zod';
import { vintageSchema } from '../series/vintage';
import type { BacktestResult, MonteCarloResult, ProjectionResult, SensitivityResult, GoalSeekResult, JointGoalSeekResult } from '../engine';

const id = z.number().int().positive();

export const scenarioSummarySchema = z.object({
  id,
  name: z.string(),
  description: z.string(),
  basis: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const scenarioVersionSchema = z.object({ version: z.number().int(), savedAt: z.string(), note: z.string() });

export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

// Scenario definitions are validated by the engine's own schema inside the service, so that a bad
// field gets the engine's located message (which field, why) rather than a generic one.
const definition = z.unknown();

export const scenarioMethods = {
  'scenarios.list': { input: z.object({}).strict(), output: z.array(scenarioSummarySchema) },
  'scenarios.get': {
    input: z.object({ id }).strict(),
    output: scenarioSummarySchema.extend({ definition: z.unknown(), versions: z.array(scenarioVersionSchema) }),
  },
  'scenarios.save': {
    // Without an id a new scenario is created; with one, a new version is appended.
    input: z.object({ id: id.optional(), definition, note: z.string().max(2000).optional() }).strict(),
    output: scenarioSummarySchema,
  },
  'scenarios.duplicate': { input: z.object({ id, name: z.string().min(1).max(200).optional() }).strict(), output: scenarioSummarySchema },
  'scenarios.restore': { input: z.object({ id, version: z.number().int().positive() }).strict(), output: scenarioSummarySchema },
  'scenarios.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  'scenarios.run': {
    input: z
      .object({
        id,
        locale: z.enum(['zh', 'en']).optional(),
        monteCarlo: z.object({ draws: z.number().int().min(100).max(1_000_000), seed: z.number().int() }).strict().optional(),
      })
      .strict(),
    output: z.object({
      projection: z.custom<ProjectionResult>(),
      summary: z.string(),
      monteCarlo: z.custom<MonteCarloResult>().optional(),
    }),
  },
  'scenarios.goalSeek': {
    input: z.object({ id, targets: z.array(z.string().max(100)).min(1).max(10), driver: z.string().max(100) }).strict(),
    output: z.custom<GoalSeekResult | JointGoalSeekResult>(),
  },
  'scenarios.sensitivity': {
    input: z.object({ id, output: z.enum(['total', 'share']).optional(), year: z.number().int().optional() }).strict(),
    output: z.custom<SensitivityResult>(),
  },
  /** The scenario against the published figures its `backtest.sources` name: error per year, MAPE, definition breaks. */
  'scenarios.backtest': { input: z.object({ id, asOf: vintageSchema.nullable().default(null) }).strict(), output: z.custom<BacktestResult>() },
  /**
   * The latest annual actual of each indicator and region: what a base written as {indicator, region}
   * resolves to, so the editor can project an unsaved scenario in the renderer.
   */
  'scenarios.latestActuals': {
    input: z.object({ refs: z.array(z.object({ indicator: z.string().min(1).max(100), region: z.string().min(1).max(100) }).strict()).max(400) }).strict(),
    output: z.array(z.object({ indicator: z.string(), region: z.string(), year: z.number().int(), value: z.number() }).nullable()),
  },
} as const;
