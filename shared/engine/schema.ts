// The scenario's JSON form: what users write in files, what the CLI validates and what the workspace
// stores per version. Errors carry zod paths so a message can point at the field (components[1].growth.rate).
import { z } from 'zod';
import { correlationIssues } from './correlation';
import { EngineError, type EngineErrorCode, type EngineErrorParams } from './errors';

/** Driver ids that name the scenario-wide drivers; a component may not use them. */
export const reservedDriverIds = ['gdp', 'uplift'] as const;

const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an id starts with a letter and holds letters, digits, - and _ (at most 64)');
const yearSchema = z.number().int().min(1900).max(2200);

export const boundsSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((b) => b.min < b.max, { message: 'min must be below max', path: ['max'], params: { key: 'minBelowMax' } });

/** Take the base from the workspace: the latest actual of this indicator for this region. */
export const baseRefSchema = z.strictObject({ indicator: z.string().min(1), region: z.string().min(1) });

/** Where a resolved base came from, kept so every number can be traced. */
export const baseSourceSchema = z.strictObject({ indicator: z.string(), region: z.string(), year: yearSchema });

const rateSchema = z.number().gt(-100, 'a growth rate is in % and must be above -100');

const cagrSpec = z.strictObject({ kind: z.literal('cagr'), rate: rateSchema });
const ratesSpec = z.strictObject({ kind: z.literal('rates'), rates: z.array(rateSchema).min(1) });
const incrementSpec = z.strictObject({ kind: z.literal('increment'), amount: z.number() });
const linearSpec = z
  .strictObject({
    kind: z.literal('linear'),
    history: z.array(z.strictObject({ year: yearSchema, value: z.number() })).min(2),
  })
  .refine((s) => new Set(s.history.map((p) => p.year)).size >= 2, {
    message: 'a linear trend needs history in at least two different years',
    path: ['history'],
    params: { key: 'linearTwoYears' },
  });
const logisticSpec = z
  .strictObject({
    kind: z.literal('logistic'),
    ceiling: z.number().positive(),
    rate: z.number().positive().optional(),
    midpointYear: yearSchema.optional(),
  })
  .refine((s) => (s.rate === undefined) !== (s.midpointYear === undefined), {
    message: 'give either rate or midpointYear (the other is fitted so the curve passes through the base)',
    path: ['rate'],
    params: { key: 'logisticRateOrMidpoint' },
  });
const elasticitySpec = z.strictObject({ kind: z.literal('elasticity'), elasticity: z.number() });

export const growthSpecSchema = z.discriminatedUnion('kind', [cagrSpec, ratesSpec, incrementSpec, linearSpec, logisticSpec, elasticitySpec]);
/** GDP cannot be elastic to itself. */
export const gdpGrowthSpecSchema = z.discriminatedUnion('kind', [cagrSpec, ratesSpec, incrementSpec, linearSpec, logisticSpec]);

const truncateSchema = z
  .strictObject({ min: z.number().optional(), max: z.number().optional() })
  .refine((t) => t.min === undefined || t.max === undefined || t.min < t.max, { message: 'min must be below max', path: ['max'], params: { key: 'minBelowMax' } });

/**
 * How a driver's Monte Carlo draws persist over the years of one simulated path (see docs/ENGINE.md,
 * "Persistence"): 'path' drawn once per path (an uncertain trend), 'year' drawn anew each year, or
 * a number ρ in (0, 1): the driver's normal score follows a stationary AR(1) with lag-one correlation ρ.
 */
export type Persistence = 'path' | 'year' | number;

export const persistenceSchema = z.custom<Persistence>(
  (v) => v === 'path' || v === 'year' || (typeof v === 'number' && v > 0 && v < 1),
  { message: 'persistence is "path", "year" or a number ρ with 0 < ρ < 1', params: { key: 'persistence' } },
);

/**
 * What a definition without `persistence` means: 'year', the only behaviour before persistence
 * existed, so a scenario written then (a file, a saved version) keeps its meaning. New scenarios (the
 * editor's, the seeds) write 'path' explicitly.
 */
export const defaultPersistence: Persistence = 'year';

/** What a definition without `sampling` means: independent draws, as every scenario saved before the option drew. */
export const defaultSampling = 'random' as const;
export type Sampling = 'random' | 'lhs';

/** A driver's own persistence, overriding the scenario's (`uncertainty.persistence`). */
const driverPersistence = { persistence: persistenceSchema.optional() };

export const distributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('normal'), mean: z.number(), sd: z.number().positive(), truncate: truncateSchema.optional(), ...driverPersistence }),
  // Parameterised by the variable's own mean and sd (not those of its log), as analysts quote them.
  z.strictObject({ kind: z.literal('lognormal'), mean: z.number().positive(), sd: z.number().positive(), truncate: truncateSchema.optional(), ...driverPersistence }),
  z
    .strictObject({ kind: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number(), truncate: truncateSchema.optional(), ...driverPersistence })
    .refine((d) => d.min < d.max && d.min <= d.mode && d.mode <= d.max, { message: 'need min <= mode <= max and min < max', path: ['mode'], params: { key: 'triangularOrder' } }),
  z
    .strictObject({ kind: z.literal('uniform'), min: z.number(), max: z.number(), truncate: truncateSchema.optional(), ...driverPersistence })
    .refine((d) => d.min < d.max, { message: 'min must be below max', path: ['max'], params: { key: 'minBelowMax' } }),
]);

/**
 * The correlation matrix of the named drivers' normal scores (a Gaussian copula; docs/ENGINE.md,
 * "Correlations"): `matrix[i][j]` between `drivers[i]` and `drivers[j]`. Checked across fields in
 * checkScenario (each driver drawn, n×n, entries in [−1, 1], unit diagonal, symmetric, positive
 * semi-definite), each problem at its entry.
 */
export const correlationsSchema = z.strictObject({
  drivers: z.array(z.string()).min(2).max(202),
  matrix: z.array(z.array(z.number())),
});

export const uncertaintySchema = z.strictObject({
  /** Keyed by driver id: 'gdp', 'uplift' or a component id. */
  drivers: z.record(z.string(), distributionSchema),
  /**
   * Weight w in [0, 1]: every driver's underlying normal is sqrt(w)·Z + sqrt(1-w)·e, so any two
   * correlate by w; the shorthand for correlations of w between all drivers, so not given with them.
   */
  commonShock: z.strictObject({ weight: z.number().min(0).max(1) }).optional(),
  correlations: correlationsSchema.optional(),
  /** How Monte Carlo draws its normals: 'random' (independent, the default) or 'lhs' (Latin hypercube). */
  sampling: z.enum(['random', 'lhs']).optional(),
  /** Every driver's persistence unless its distribution names its own; absent means `defaultPersistence` ('year'). */
  persistence: persistenceSchema.optional(),
});

/**
 * Where the workspace holds published figures to set a projection against (see backtest): one
 * indicator of one region for one metric, on one named definition (measure) over the years given.
 * A series whose measure changes lists one source per definition, so the break is explicit.
 */
export const backtestSourceSchema = z
  .strictObject({
    metric: z.enum(['total', 'share', 'gdp', 'component']),
    componentId: idSchema.optional(),
    indicator: z.string().min(1),
    region: z.string().min(1),
    /**
     * How the scenario's author named the series' definition. The backtest names each figure by the
     * measure the workspace records for it, so this is a note for readers of the JSON only.
     */
    definition: z.string().min(1).optional(),
    from: yearSchema.optional(),
    to: yearSchema.optional(),
  })
  .refine((x) => x.from === undefined || x.to === undefined || x.from <= x.to, { message: 'from must not be after to', path: ['to'], params: { key: 'minBelowMax' } })
  .refine((x) => (x.metric === 'component') === (x.componentId !== undefined), {
    message: 'componentId is given for a component metric, and only then',
    path: ['componentId'],
    params: { key: 'componentIdForComponent' },
  });

const comparatorSchema = z.enum(['>=', '>']);
const targetCommon = {
  id: idSchema,
  label: z.string().min(1),
  labelEn: z.string().min(1).optional(),
  year: yearSchema,
  comparator: comparatorSchema.default('>='),
};

export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('total'), ...targetCommon, value: z.number().positive() }),
  z.strictObject({ kind: z.literal('share'), ...targetCommon, value: z.number().gt(0).lt(100) }),
  z.strictObject({ kind: z.literal('component'), ...targetCommon, componentId: idSchema, value: z.number().positive() }),
]);

function scenarioShape<B extends z.ZodType<number | z.infer<typeof baseRefSchema>>>(base: B) {
  const source = baseSourceSchema.optional();
  return z.strictObject({
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    description: z.string().default(''),
    /** The description in English, shown on an English screen; absent: the description as written. */
    descriptionEn: z.string().min(1).optional(),
    basis: z.string().min(1, 'say which values are published (with source) and which are illustrative'),
    /** The basis in English, shown on an English screen; absent: the basis as written. */
    basisEn: z.string().min(1).optional(),
    /**
     * The measure (口径, a code of the workspace's measures) the scenario's digital economy is on. A
     * target is compared only with a scenario on its own measure.
     */
    measure: z.string().min(1).max(64).optional(),
    baseYear: yearSchema,
    horizon: yearSchema,
    gdp: z.strictObject({ base, baseSource: source, growth: gdpGrowthSpecSchema, bounds: boundsSchema.optional() }),
    components: z
      .array(
        z.strictObject({
          id: idSchema,
          name: z.string().min(1),
          nameEn: z.string().min(1).optional(),
          base,
          baseSource: source,
          growth: growthSpecSchema,
          bounds: boundsSchema.optional(),
        }),
      )
      .min(1)
      .max(200),
    /** A uniform additive uplift, in percentage points, to every component's growth rate each year. */
    uplift: z.strictObject({ value: z.number().default(0), bounds: boundsSchema.optional() }).optional(),
    targets: z.array(targetSchema).default([]),
    uncertainty: uncertaintySchema.optional(),
    backtest: z.strictObject({ sources: z.array(backtestSourceSchema).min(1).max(50) }).optional(),
  });
}

const inputShape = scenarioShape(z.union([z.number().positive(), baseRefSchema]));

/** Checks across fields, shared by the written and the resolved form. */
function checkScenario(s: z.output<typeof inputShape>, ctx: z.RefinementCtx): void {
  const years = s.horizon - s.baseYear;
  if (years < 1 || years > 100) {
    ctx.addIssue({ code: 'custom', path: ['horizon'], message: 'horizon must be 1 to 100 years after baseYear', params: { key: 'horizonRange' } });
    return;
  }
  const checkGrowth = (growth: z.output<typeof growthSpecSchema>, baseValue: unknown, path: (string | number)[]) => {
    if (growth.kind === 'rates' && growth.rates.length !== years) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'rates'],
        message: `needs ${years} rates, one for each year ${s.baseYear + 1}–${s.horizon}`,
        params: { key: 'ratesCount', count: years, from: s.baseYear + 1, to: s.horizon },
      });
    }
    if (growth.kind === 'logistic') {
      if (growth.midpointYear === s.baseYear) {
        ctx.addIssue({ code: 'custom', path: [...path, 'midpointYear'], message: 'the midpoint year cannot be the base year', params: { key: 'midpointBaseYear' } });
      }
      if (typeof baseValue === 'number' && growth.ceiling <= baseValue) {
        ctx.addIssue({ code: 'custom', path: [...path, 'ceiling'], message: 'the ceiling must be above the base value', params: { key: 'ceilingAboveBase' } });
      }
    }
  };
  checkGrowth(s.gdp.growth, s.gdp.base, ['gdp', 'growth']);
  const ids = new Set<string>();
  s.components.forEach((c, i) => {
    if ((reservedDriverIds as readonly string[]).includes(c.id)) {
      ctx.addIssue({ code: 'custom', path: ['components', i, 'id'], message: `'${c.id}' is reserved for the scenario-wide driver`, params: { key: 'reservedId', id: c.id } });
    }
    if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['components', i, 'id'], message: `duplicate component id '${c.id}'`, params: { key: 'duplicateId', id: c.id } });
    ids.add(c.id);
    checkGrowth(c.growth, c.base, ['components', i, 'growth']);
  });
  const targetIds = new Set<string>();
  s.targets.forEach((t, i) => {
    if (targetIds.has(t.id)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'id'], message: `duplicate target id '${t.id}'`, params: { key: 'duplicateId', id: t.id } });
    targetIds.add(t.id);
    if (t.year <= s.baseYear || t.year > s.horizon) {
      ctx.addIssue({
        code: 'custom',
        path: ['targets', i, 'year'],
        message: `the target year must be within ${s.baseYear + 1}–${s.horizon}`,
        params: { key: 'targetYear', from: s.baseYear + 1, to: s.horizon },
      });
    }
    if (t.kind === 'component' && !ids.has(t.componentId)) {
      ctx.addIssue({ code: 'custom', path: ['targets', i, 'componentId'], message: `no component with id '${t.componentId}'`, params: { key: 'noComponent', id: t.componentId } });
    }
  });
  s.backtest?.sources.forEach((source, i) => {
    if (source.componentId !== undefined && !ids.has(source.componentId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['backtest', 'sources', i, 'componentId'],
        message: `no component with id '${source.componentId}'`,
        params: { key: 'noComponent', id: source.componentId },
      });
    }
  });
  for (const key of Object.keys(s.uncertainty?.drivers ?? {})) {
    if (!ids.has(key) && !(reservedDriverIds as readonly string[]).includes(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['uncertainty', 'drivers', key],
        message: `no driver '${key}': use 'gdp', 'uplift' or a component id`,
        params: { key: 'noDriver', id: key },
      });
    }
  }
  const correlations = s.uncertainty?.correlations;
  if (correlations) {
    const drawn = new Set(Object.keys(s.uncertainty!.drivers));
    for (const issue of correlationIssues(correlations, drawn, s.uncertainty!.commonShock?.weight ?? 0)) {
      // The key names the issue's sentence for the editor; engineCode the engine error parseScenario throws.
      const key = issue.code.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { key, engineCode: issue.code, ...issue.params } });
    }
  }
}

export const scenarioSchema = inputShape.superRefine(checkScenario);
/** A scenario whose bases are numbers (see resolveBases); what every engine function takes. */
export const resolvedScenarioSchema = scenarioShape(z.number().positive()).superRefine(checkScenario);

/** The scenario as written (defaults may be omitted). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ResolvedScenario = z.output<typeof resolvedScenarioSchema>;
export type GrowthSpec = z.output<typeof growthSpecSchema>;
export type GdpGrowthSpec = z.output<typeof gdpGrowthSpecSchema>;
export type Distribution = z.output<typeof distributionSchema>;
export type Uncertainty = z.output<typeof uncertaintySchema>;
export type Correlations = z.output<typeof correlationsSchema>;
export type Target = z.output<typeof targetSchema>;
export type Bounds = z.output<typeof boundsSchema>;
export type BaseRef = z.output<typeof baseRefSchema>;
export type BaseSource = z.output<typeof baseSourceSchema>;
export type BacktestSource = z.output<typeof backtestSourceSchema>;

export interface SchemaIssue {
  path: string;
  message: string;
}

/** `components[1].growth.rate` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/**
 * Throws invalid_scenario listing every issue; when the first is one the engine has a sentence of its
 * own for (a custom issue naming its `engineCode`, e.g. correlation_not_symmetric), that code with the
 * issue's params instead, so the message can say in the reader's language which entry is wrong and why.
 */
function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: SchemaIssue[] = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const first = issues[0] ?? { path: '(root)', message: 'invalid' };
  const raw = parsed.error.issues[0];
  if (raw?.code === 'custom' && typeof raw.params?.engineCode === 'string') {
    const { key: _key, engineCode, ...params } = raw.params as { key: string; engineCode: EngineErrorCode } & EngineErrorParams;
    throw new EngineError(engineCode, { path: first.path, ...params, count: issues.length }, issues);
  }
  throw new EngineError('invalid_scenario', { path: first.path, issue: first.message, count: issues.length }, issues);
}

/** Validate a scenario as written; throws EngineError('invalid_scenario') listing every issue with its path. */
export function parseScenario(input: unknown): Scenario {
  return parseWith(scenarioSchema, input);
}

/** The persistence a driver's draws follow: its own, else the scenario's, else `defaultPersistence`. */
export function persistenceOf(uncertainty: Uncertainty | undefined, driver: string): Persistence {
  return uncertainty?.drivers[driver]?.persistence ?? uncertainty?.persistence ?? defaultPersistence;
}

export function parseResolvedScenario(input: unknown): ResolvedScenario {
  return parseWith(resolvedScenarioSchema, input);
}
