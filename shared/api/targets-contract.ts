import { z } from 'zod';
import { vintageSchema } from '../series/vintage';
import { monitorThresholdsSchema, targetStatuses } from '../monitor/status';
import { BOUNDS } from '../series/bound';
import { CHANGE_UNITS } from '../series/change';
import { exportedFileSchema } from './jobs-contract';
import { scenarioBasisSchema } from '../overview/scenario-basis';

export const comparatorSchema = z.enum(['>=', '>', '=', '<=', '<', 'qualitative']);

export const planSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  issuer: z.string(),
  issued: z.string(),
  horizon: z.number().int().nullable(),
  source: z.string(),
});

export const targetSchema = z.object({
  code: z.string(),
  plan: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  area: z.string(),
  comparator: comparatorSchema,
  value: z.number().nullable(),
  unit: z.string(),
  deadline: z.number().int().nullable(),
  indicator: z.string().nullable(),
  region: z.string().nullable(),
  quote: z.string(),
  note: z.string(),
  assessment: z.enum(['met', 'on-track', 'at-risk', 'missed']).nullable(),
  assessmentNote: z.string(),
  /** The measure (口径) the target is judged by; null: its indicator's. */
  measure: z.string().nullable(),
});

export type Plan = z.infer<typeof planSchema>;
export type Target = z.infer<typeof targetSchema>;

const code = z.string().trim().min(1).max(32).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, _ . - only');
const text = (max: number) => z.string().max(max);

/** What a user edits on a target; the code names it and cannot change. */
export const targetInputSchema = z
  .object({
    code,
    plan: code,
    titleZh: z.string().trim().min(1).max(300),
    titleEn: text(300).default(''),
    area: text(60).default(''),
    comparator: comparatorSchema,
    value: z.number().finite().nullable(),
    unit: text(20).default(''),
    deadline: z.number().int().min(1949).max(2100).nullable().default(null),
    indicator: z.string().max(64).nullable().default(null),
    region: z.string().max(64).nullable().default(null),
    quote: text(2000).default(''),
    note: text(2000).default(''),
    assessment: z.enum(['met', 'on-track', 'at-risk', 'missed']).nullable().default(null),
    assessmentNote: text(2000).default(''),
    measure: z.string().max(64).nullable().default(null),
  })
  .strict()
  .refine((t) => (t.comparator === 'qualitative') === (t.value === null), { message: 'a qualitative target has no value; any other needs one', path: ['value'] });
export type TargetInput = z.input<typeof targetInputSchema>;

export const planInputSchema = z
  .object({
    code,
    nameZh: z.string().trim().min(1).max(300),
    nameEn: text(300).default(''),
    issuer: text(300).default(''),
    issued: text(20).default(''),
    horizon: z.number().int().min(1949).max(2100).nullable().default(null),
    source: text(1000).default(''),
  })
  .strict();

export const targetStatusSchema = z.enum(targetStatuses);

const boundSchema = z.enum(BOUNDS);
const measureRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

/** An actual as the monitor judged it: its bound, measure and release say what the number is. */
const monitorActualSchema = z.object({
  /** The observation the figure is (its grid row); null for a value recorded on the target. */
  observationId: z.number().int().nullable(),
  year: z.number().int(),
  value: z.number(),
  bound: boundSchema,
  measure: z.string(),
  from: z.enum(['observation', 'recorded']),
  status: z.string(),
  released: z.string(),
  releaseLabel: z.string(),
  source: z.string(),
  note: z.string(),
  breakBefore: z.boolean(),
});

export const monitorRowSchema = z.object({
  target: targetSchema,
  /** The measure the status is judged on (the target's, else its indicator's); null without an indicator. */
  measure: measureRef.nullable(),
  status: targetStatusSchema,
  rule: z.string(),
  ruleParams: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  latest: z.object({ year: z.number().int(), value: z.number(), bound: boundSchema }).nullable(),
  progress: z.number().nullable(),
  pathValue: z.number().nullable(),
  /** Growth a year (%) still needed to reach a level target on time; null for a share or rate. */
  requiredGrowth: z.number().nullable(),
  /** Percentage points a year still needed to reach a share or rate (%) target on time; null for a level. */
  requiredPoints: z.number().nullable(),
  /** The compared scenario's projection of this target: only when the scenario carries the target and is on the target's measure. */
  projection: z.object({ value: z.number(), met: z.boolean(), firstYearMet: z.number().int().nullable() }).nullable(),
  /** Why the compared scenario's projection is not shown: it is on another measure, or names none. */
  projectionNote: z.object({ reason: z.enum(['other-measure', 'no-measure', 'after-vintage']), scenarioMeasure: measureRef.nullable() }).nullable(),
  actuals: z.array(monitorActualSchema),
  /** The status under every measure the indicator has figures on, the judged one first. */
  byMeasure: z.array(
    z.object({
      measure: measureRef,
      status: targetStatusSchema,
      rule: z.string(),
      ruleParams: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      latest: monitorActualSchema.nullable(),
    }),
  ),
});
export type MonitorRow = z.infer<typeof monitorRowSchema>;

export const monitorSettingsSchema = z.object({
  thresholds: monitorThresholdsSchema,
  /** The scenario whose projection the monitor compares with; null for none. */
  scenarioId: z.number().int().positive().nullable(),
});

export const taskStatuses = ['not-started', 'in-progress', 'done', 'delayed', 'cancelled'] as const;

export const taskSchema = z.object({
  id: z.number().int().positive(),
  plan: z.string(),
  area: z.string(),
  title: z.string(),
  owner: z.string(),
  status: z.enum(taskStatuses),
  due: z.string().nullable(),
  notes: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    plan: code,
    area: code,
    title: z.string().trim().min(1).max(500),
    owner: text(200).default(''),
    status: z.enum(taskStatuses).default('not-started'),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').nullable().default(null),
    notes: text(5000).default(''),
  })
  .strict();

export const taskAreaSchema = z.object({ plan: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

/**
 * A growth or share: a value with its unit, bound, measure and basis, or no value and why (a break, a
 * bound, no GDP…). A growth is in % of the year before for a level, in percentage points ('pp') for a
 * share or rate.
 */
const twinDerived = z.union([
  z.object({ value: z.number(), unit: z.enum(CHANGE_UNITS), bound: z.enum(BOUNDS), measure: z.string(), basis: z.enum(['published', 'computed']), source: z.string() }),
  z.object({ value: z.null(), reason: z.enum(['no-figure', 'no-previous', 'break', 'bound', 'no-gdp', 'revision']), measure: z.string().optional() }),
]);
const indicatorRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
/** One region in one year: the figure (bound, measure, release, status, source) or why there is none. */
const twinCell = z.union([
  z.object({
    value: z.number(),
    bound: z.enum(BOUNDS),
    measure: z.string(),
    released: z.string(),
    releaseLabel: z.string(),
    status: z.enum(['actual', 'estimate', 'derived', 'illustrative']),
    source: z.string(),
    /** Other releases of this figure exist (earlier ones, or later ones past the vintage). */
    revised: z.boolean(),
    /**
     * The share-of-GDP indicator the figure was taken from when the compared one has none that year on
     * the measure (the same quantity on the same measure); null: the compared indicator's own figure.
     */
    via: indicatorRef.nullable(),
    growth: twinDerived,
    /** Null: the indicator is not a level with a share of GDP. */
    share: twinDerived.nullable(),
  }),
  z.object({
    value: z.null(),
    /** other-measure: the year has figures of the quantity, but on other measures (`others` lists them). */
    reason: z.enum(['no-figure', 'other-measure']),
    others: z.array(z.object({ measure: z.string(), year: z.number().int(), value: z.number(), bound: z.enum(BOUNDS), indicator: z.string() })),
  }),
]);
export type TwinCell = z.infer<typeof twinCell>;
const twinRow = z.object({ year: z.number().int(), values: z.record(z.string(), twinCell) });

export const targetMethods = {
  'plans.list': {
    input: z.object({}).strict(),
    output: z.array(planSchema),
  },
  'plans.save': { input: z.object({ plan: planInputSchema, create: z.boolean().default(false) }).strict(), output: planSchema },
  'plans.retire': { input: z.object({ code }).strict(), output: z.object({ code: z.string() }) },
  'targets.list': {
    input: z.object({ plan: z.string().max(64).optional() }).strict(),
    output: z.array(targetSchema),
  },
  /** Every live target with its computed status, the rule that decided it, and per-plan counts. */
  'targets.monitor': {
    input: z
      .object({
        plan: z.string().max(64).optional(),
        asOfYear: z.number().int().min(1949).max(2100).optional(),
        /** The data as known on this date (its releases); absent: the latest releases. */
        vintage: vintageSchema.optional(),
      })
      .strict(),
    output: z.object({
      asOfYear: z.number().int(),
      vintage: z.string().nullable(),
      settings: monitorSettingsSchema,
      /** Saved settings were given a threshold added since (at its default): said until they are saved again. */
      settingsNotice: z.object({ added: z.literal('maxRequiredPoints'), value: z.number() }).nullable(),
      scenario: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      /** The measure the compared scenario projects (its `measure`), null when it names none. */
      scenarioMeasure: z.string().nullable(),
      /** What the compared scenario's projections rest on (base, assumed growth, published figures since), when it projects any row. */
      scenarioBasis: scenarioBasisSchema.nullable(),
      rows: z.array(monitorRowSchema),
      counts: z.array(z.object({ plan: z.string(), status: targetStatusSchema, n: z.number().int() })),
    }),
  },
  /** Creates (create: true) or edits a target; every changed field is audited. */
  'targets.save': { input: z.object({ target: targetInputSchema, create: z.boolean().default(false) }).strict(), output: targetSchema },
  'targets.retire': { input: z.object({ code }).strict(), output: z.object({ code: z.string() }) },
  'targets.history': {
    input: z.object({ code }).strict(),
    output: z.array(z.object({ id: z.number().int(), field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), editedAt: z.string() })),
  },
  'targets.recordActual': {
    input: z
      .object({
        code,
        year: z.number().int().min(1949).max(2100),
        value: z.number().finite(),
        /** "约296亿元" is approximate, "超过…" a lower bound; absent: exact. */
        bound: boundSchema.default('exact'),
        /** When the value was published (YYYY-MM-DD); '' when not known, then taken as known from the end of its year. */
        released: z.union([vintageSchema, z.literal('')]).default(''),
        source: text(1000).default(''),
        note: text(2000).default(''),
      })
      .strict(),
    output: z.object({ code: z.string(), year: z.number().int() }),
  },
  'targets.deleteActual': { input: z.object({ code, year: z.number().int() }).strict(), output: z.object({ code: z.string(), year: z.number().int() }) },
  'monitor.settings': { input: z.object({}).strict(), output: monitorSettingsSchema },
  'monitor.setSettings': { input: monitorSettingsSchema.strict(), output: monitorSettingsSchema },
  'tasks.list': {
    input: z.object({ plan: z.string().max(64).optional() }).strict(),
    output: z.object({ areas: z.array(taskAreaSchema), tasks: z.array(taskSchema) }),
  },
  'tasks.save': { input: z.object({ task: taskInputSchema }).strict(), output: taskSchema },
  'tasks.delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ id: z.number().int() }) },
  /** The register (targets, recorded actuals, tasks) as one XLSX workbook. */
  'register.export': { input: z.object({}).strict(), output: exportedFileSchema },
  /** Reads a register workbook (as exported); all or nothing, with located problems. */
  'register.import': {
    input: z.object({ fileName: z.string().max(260), base64: z.string().max(900_000) }).strict(),
    output: z.object({ targets: z.number().int(), actuals: z.number().int(), tasks: z.number().int() }),
  },
  /**
   * 成渝双城: one indicator for several regions through the series layer, per year each figure with
   * its growth (within one measure and vintage) and share of GDP (the published share first).
   */
  'regions.compare': {
    input: z
      .object({
        indicator: z.string().max(64),
        regions: z.array(z.string().max(64)).min(1).max(8),
        /** Only this year (growth still reads the year before); absent: every year. */
        year: z.number().int().min(1949).max(2100).optional(),
        /** The data as known on this date; absent: the latest release of each figure. */
        asOf: vintageSchema.optional(),
        /** Only figures on this measure; absent: every figure on its own measure. */
        measure: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({
      indicator: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), measure: z.string() }),
      asOf: z.string().nullable(),
      measure: z.string().nullable(),
      regions: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      /** The measures catalogue, to name each figure's measure. */
      measures: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      /** Whether the indicator is a level that has a share of GDP. */
      hasShare: z.boolean(),
      /** Per region, the years from which its series is measured differently. */
      breaks: z.record(z.string(), z.array(z.number().int())),
      rows: z.array(twinRow),
    }),
  },
} as const;
