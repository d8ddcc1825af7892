import { z } from 'zod';
import type { Locale } from '../format/number';
import { BOUNDS } from '../series/bound';
import { vintageSchema } from '../series/vintage';
import type { BacktestResult, ForecastEvaluation, JudgedOutcome, MonteCarloResult, ProjectionResult, SensitivityResult, GoalSeekResult, JointGoalSeekResult } from '../engine';

const id = z.number().int().positive();

/** A code with its names; nameEn is '' where none was written. */
export const namedCodeSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type NamedCode = z.infer<typeof namedCodeSchema>;

/** A name in `locale`: the English one in English where it exists, else the Chinese. */
export function localName(named: NamedCode, locale: Locale): string {
  return locale === 'en' && named.nameEn ? named.nameEn : named.nameZh;
}

/** The name of `code` among `named` in `locale`, or the code itself when none is known. */
export function nameOf(named: readonly NamedCode[], code: string, locale: Locale): string {
  const found = named.find((n) => n.code === code);
  return found ? localName(found, locale) : code;
}

/** A scenario's name in `locale`: its English name in English where it has one. */
export function scenarioName(s: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' && s.nameEn ? s.nameEn : s.name;
}

export const scenarioSummarySchema = z.object({
  id,
  name: z.string(),
  nameEn: z.string().nullable(),
  /** The measure (口径) the scenario's digital economy is on, with its names; null when it names none. */
  measure: namedCodeSchema.nullable(),
  description: z.string(),
  basis: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/**
 * A version saved by the workbench itself rather than by a user's save: the starting scenarios, a
 * copy of another scenario, a restored version. Shown by name, in the reader's language.
 */
export const versionOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seed') }),
  z.object({ kind: z.literal('copy'), scenario: id, name: z.string().nullable(), nameEn: z.string().nullable() }),
  z.object({ kind: z.literal('restore'), version: z.number().int() }),
]);
export type VersionOrigin = z.infer<typeof versionOriginSchema>;

/** A version: its user's note ('' for none) or, when the workbench saved it, its origin. */
export const scenarioVersionSchema = z.object({ version: z.number().int(), savedAt: z.string(), note: z.string(), origin: versionOriginSchema.nullable() });

export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

/**
 * A backtest as the service answers it: the engine's result, whose points name measures, indicators
 * and regions by code, with the names of every code it uses, so no screen or CLI line shows a code.
 */
export interface ScenarioBacktest extends BacktestResult {
  names: { measures: NamedCode[]; indicators: NamedCode[]; regions: NamedCode[] };
  /** The forecast-evaluation table: by horizon, bounds judged, breaks named, MAE and MAPE over exact figures. */
  evaluation: ForecastEvaluation;
}

/**
 * Why a driver gets no suggestion from history: it is linked to no indicator, it is not a growth rate
 * (an amount, a shift, an elasticity), its series is a share (changes in points, not growth), too few
 * growth values (under 3), or no spread among them.
 */
export const calibrationStatuses = ['suggested', 'no-link', 'not-growth-rate', 'not-level', 'too-few', 'no-spread'] as const;
export type CalibrationStatus = (typeof calibrationStatuses)[number];

const growthGapSchema = z.enum(['bound', 'revision', 'no-previous', 'no-figure', 'no-gdp']);

/** One driver's calibration from the history of the series it is linked to (see shared/engine/calibrate.ts). */
export const driverCalibrationSchema = z.object({
  driver: z.string(),
  /** The component's name, or '' for GDP growth (named by the screen in its language). */
  label: z.string(),
  labelEn: z.string().nullable(),
  status: z.enum(calibrationStatuses),
  /** The series the driver is linked to: from its base, or else from the scenario's backtest sources. */
  link: z.object({ indicator: namedCodeSchema, region: namedCodeSchema, via: z.enum(['base', 'backtest']) }).nullable(),
  /** The measure of the growth values used (that of the series' latest figure); null without a link or figures. */
  measure: namedCodeSchema.nullable(),
  /** The growth values used, in %, oldest first; `approx` when one of the two figures is approximate. */
  used: z.array(z.object({ year: z.number().int(), value: z.number(), approx: z.boolean() })),
  /** Years within the run whose growth is left out, and why (a bound is not a point value, a revised release is another vintage). */
  excluded: z.array(z.object({ year: z.number().int(), reason: growthGapSchema })),
  /** The run starts at this year after a break (earlier years not used), with the measure before it when that differs. */
  breakYear: z.number().int().nullable(),
  measureBefore: namedCodeSchema.nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  suggestion: z.object({ kind: z.literal('normal'), mean: z.number(), sd: z.number().positive() }).nullable(),
});
export type DriverCalibration = z.infer<typeof driverCalibrationSchema>;

export const scenarioCalibrationSchema = z.object({
  /** The figures as known on this date; null: the latest releases. */
  asOf: z.string().nullable(),
  drivers: z.array(driverCalibrationSchema),
});
export type ScenarioCalibration = z.infer<typeof scenarioCalibrationSchema>;

/**
 * Importance: Spearman's ρ between each drawn driver and one output over a Monte Carlo sample, the
 * largest |ρ| first; `standardError` is 1/√(n − 1), the sd of ρ between unrelated samples of that size.
 */
export const importanceResultSchema = z.object({
  output: z.object({
    metric: z.enum(['total', 'share', 'gdp', 'component']),
    componentId: z.string().nullable(),
    targetId: z.string().nullable(),
    year: z.number().int(),
    unit: z.enum(['亿元', '%']),
  }),
  draws: z.number().int().positive(),
  seed: z.number().int(),
  standardError: z.number().positive(),
  drivers: z.array(z.object({ driver: z.string(), label: z.string(), correlation: z.number().min(-1).max(1).nullable() })),
});
export type ScenarioImportance = z.infer<typeof importanceResultSchema>;

const boundSchema = z.enum(BOUNDS);

/** A figure a scenario starts from, as the workspace records it (shared/engine/base-figure.ts): 6000 of "超6000亿元" is a lower bound. */
export const baseFigureSchema = z.object({
  year: z.number().int(),
  value: z.number(),
  bound: boundSchema,
  status: z.enum(['actual', 'estimate', 'derived', 'illustrative']),
  measure: z.string(),
  indicator: z.string(),
  region: z.string(),
  source: z.string(),
});

/** The digital economy's base and GDP's, each null when no figure of the workspace is it. */
export const scenarioBasesSchema = z.object({ total: baseFigureSchema.nullable(), gdp: baseFigureSchema.nullable() });

/**
 * A projection as the service answers it: the engine's numbers, and what its bases are as figures,
 * validated here, since every screen writes a projection's bound (≥) from them.
 */
/** A run's projection: its targets each with the verdict its bound allows (yes, no, or open), its bases declared. */
const projectionSchema = z
  .custom<Omit<ProjectionResult, 'bases' | 'targets'> & { targets: JudgedOutcome[] }>((v) => typeof v === 'object' && v !== null)
  .and(z.object({ bases: scenarioBasesSchema.optional() }));

/**
 * A plan target judged on a scenario's measure, with a deadline in its years, in a quantity it
 * projects: the digital economy in 亿元 (kind total) or its share of GDP (kind share).
 */
export const evidenceTargetSchema = z.object({
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  kind: z.enum(['total', 'share']),
  value: z.number(),
  year: z.number().int(),
  comparator: z.enum(['>=', '>', '=', '<=', '<']),
  measure: z.string(),
});

/** A published figure (status actual) of such a target's indicator and region, on the same measure, in the scenario's years. */
export const evidenceFigureSchema = z.object({
  target: z.string(),
  kind: z.enum(['total', 'share']),
  indicator: namedCodeSchema,
  region: namedCodeSchema,
  year: z.number().int(),
  value: z.number(),
  bound: boundSchema,
  measure: z.string(),
  source: z.string(),
});

export const scenarioEvidenceSchema = z.object({ targets: z.array(evidenceTargetSchema), figures: z.array(evidenceFigureSchema) });
export type ScenarioEvidence = z.infer<typeof scenarioEvidenceSchema>;

/**
 * The latest annual actual of an indicator in a region, as a base written {indicator, region} takes
 * it: with its bound (≥ of "超6000亿元"), measure and source, and the names of its indicator and region.
 */
export const latestActualSchema = z.object({
  indicator: z.string(),
  region: z.string(),
  year: z.number().int(),
  value: z.number(),
  bound: boundSchema,
  measure: z.string(),
  source: z.string(),
  named: z.object({ indicator: namedCodeSchema, region: namedCodeSchema }),
});
export type LatestActualFigure = z.infer<typeof latestActualSchema>;

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
      projection: projectionSchema,
      /** Verdicts only on the targets the scenario may judge (those on its own measure). */
      summary: z.string(),
      /** The scenario's targets judged on another measure (a plan target such as A1): listed, not judged. */
      judgedElsewhere: z.array(z.object({ id: z.string(), measure: z.string() })),
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
  /**
   * Importance of each uncertain driver for an output: the total (default) or the share in `year`
   * (default: the horizon), or a target's quantity in its year; from `draws` simulated paths.
   */
  'scenarios.importance': {
    input: z
      .object({
        id,
        output: z.enum(['total', 'share']).optional(),
        year: z.number().int().optional(),
        targetId: z.string().min(1).max(100).optional(),
        draws: z.number().int().min(100).max(200_000).default(10_000),
        seed: z.number().int().min(0).max(0xffffffff).default(1),
      })
      .strict()
      .refine((x) => x.targetId === undefined || (x.output === undefined && x.year === undefined), {
        message: 'give a target, or an output and a year, not both',
        path: ['targetId'],
      }),
    output: importanceResultSchema,
  },
  /**
   * The scenario against the published figures its `backtest.sources` name: error per year, MAPE,
   * measure breaks; only figures on the scenario's own measure are scored.
   */
  'scenarios.backtest': { input: z.object({ id, asOf: vintageSchema.nullable().default(null) }).strict(), output: z.custom<ScenarioBacktest>() },
  /**
   * A normal distribution per growth-rate driver from the past yearly growth of the series it is
   * linked to: mean and sample sd, the years used and left out, within one measure and one vintage.
   * Every driver but the uplift, or only `driver` (an id).
   */
  'scenarios.calibrate': {
    input: z.object({ id, driver: z.string().min(1).max(100).optional(), asOf: vintageSchema.nullable().default(null) }).strict(),
    output: scenarioCalibrationSchema,
  },
  /**
   * The latest annual actual of each indicator and region: what a base written as {indicator, region}
   * resolves to, so the editor can project an unsaved scenario in the renderer.
   */
  'scenarios.latestActuals': {
    input: z.object({ refs: z.array(z.object({ indicator: z.string().min(1).max(100), region: z.string().min(1).max(100) }).strict()).max(400) }).strict(),
    output: z.array(latestActualSchema.nullable()),
  },
  /**
   * What a scenario's charts draw beside its own targets and backtest, as a briefing chart of the same
   * quantity does: the plan targets judged on its measure (`measure`) whose deadline falls in
   * `from`–`to`, in its regions, and the published figures of their indicators on that measure in
   * those years (万亿级 and CAICT's "超过1万亿元" for a broad-measure scenario from 2022).
   */
  'scenarios.evidence': {
    input: z
      .object({
        measure: z.string().min(1).max(100),
        from: z.number().int(),
        to: z.number().int(),
        regions: z.array(z.string().min(1).max(100)).max(50),
        asOf: vintageSchema.nullable().default(null),
      })
      .strict(),
    output: scenarioEvidenceSchema,
  },
} as const;
