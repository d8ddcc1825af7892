// A target's status, computed from its actuals, its deadline and (when one projects it) a scenario.
// Pure: the backend, the CLI and the tests call the same function, and the rule that decided is
// returned with the status so the UI can show why.
import { z } from 'zod';
import { boundSign, meets, type Bound, type Verdict } from '../series/bound';

/** The default of `maxRequiredPoints` (percentage points a year), the setting added after the others. */
export const DEFAULT_MAX_REQUIRED_POINTS = 2;

export const targetStatuses = ['met', 'on-track', 'at-risk', 'missed', 'no-data'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export const monitorThresholdsSchema = z
  .object({
    /** On track when the latest actual is at least this share of the straight path's value for its year. */
    onTrackRatio: z.number().min(0.5).max(1.5).default(0.95),
    /** A level with a single comparable actual has no path: on track when the growth still needed a year is at most this (%). */
    maxRequiredGrowth: z.number().min(0).max(200).default(20),
    /**
     * A share or rate (%) with a single comparable actual, whose series shows no pace of its own on the
     * measure: on track when the percentage points still needed a year are at most this. The default, 2
     * points, is about the fastest the national broad-measure share has risen: 1.8 points a year on
     * average 2016-2023 (30.3% to 42.8%, CAICT), 2.6 in its fastest year.
     */
    maxRequiredPoints: z.number().min(0).max(100).default(DEFAULT_MAX_REQUIRED_POINTS),
  })
  .strict();
export type MonitorThresholds = z.output<typeof monitorThresholdsSchema>;
export const defaultThresholds: MonitorThresholds = monitorThresholdsSchema.parse({});

export type Comparator = '>=' | '>' | '=' | '<=' | '<' | 'qualitative';

/**
 * The rules under which the monitor lists a row without judging it, and leaves it out of the counts:
 * a plan not yet issued on the date the data is viewed as known on, and a fact the plan reports.
 */
export const unjudgedRules = ['monitor.rule.planNotYetIssued', 'monitor.rule.fact'] as const;

export function isJudged(row: { rule: string }): boolean {
  return !(unjudgedRules as readonly string[]).includes(row.rule);
}

/**
 * A count the plan states as exact ('=') with no deadline, or due no later than the year it was issued,
 * describes the plan itself or what was done before it (the AI plan's "4+1" tasks and 23 jobs, the 658
 * projects collected, the first 73 and their ≈296亿元): a fact it reports, not a goal to judge.
 */
export function isReportedFact(target: { comparator: Comparator; deadline: number | null }, issuedYear: number | null): boolean {
  return target.comparator === '=' && (target.deadline === null || (issuedYear !== null && target.deadline <= issuedYear));
}

/** The first day a plan was public, from its issue date as precise as it is recorded ("2023-12-13", "2020-06" → 2020-06-01); null without one. */
export function issuedOn(issued: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(issued.trim());
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
}

export interface ActualPoint {
  year: number;
  value: number;
  /** A published bound ("超过1万亿元": lower) is judged as the inequality it states. */
  bound?: Bound;
  /** This value is measured on a new definition: nothing before it is compared with it. */
  breakBefore?: boolean;
}

export interface StatusInput {
  comparator: Comparator;
  value: number | null;
  deadline: number | null;
  /** Annual actuals, any order. */
  actuals: ActualPoint[];
  /** The year the monitor looks from (normally this year). */
  asOfYear: number;
  thresholds: MonitorThresholds;
  /** An analyst's assessment, used for targets that have no number to check. */
  assessment?: TargetStatus | null;
  /** The plan's base year (the year before it was issued): its straight path starts no earlier. */
  pathFrom?: number | null;
  /** The active scenario's projection of the target's measure, when it has one. */
  projection?: { met: boolean; firstYearMet: number | null; value: number } | null;
  /** The target is a share or rate (%): what it still needs is counted in percentage points a year, not growth. */
  rate?: boolean;
  /**
   * The year from which the series is published on another measure, after the last actual on this one
   * (the city's earlier measure, replaced by the broad one from 2022): no further figure will come on
   * this measure, so its progress is not judged.
   */
  measureReplacedFrom?: number | null;
}

export interface StatusResult {
  status: TargetStatus;
  /** Message key of the rule that decided, with its parameters. */
  rule: string;
  params: Record<string, string | number | null>;
  latest: ActualPoint | null;
  /** Latest actual as a share of the target (0..1 and beyond), for progress bars; null when not meaningful. */
  progress: number | null;
  /** The straight path's value in the latest actual's year. */
  pathValue: number | null;
  /** Constant growth a year (%) still needed from the latest actual to reach a level target on time; null for a share or rate. */
  requiredGrowth: number | null;
  /** Percentage points a year still needed from the latest actual to reach a share or rate target on time (negative: a fall). */
  requiredPoints: number | null;
}

/**
 * Whether an actual meets the target: a count the plan sets ("30 项", "658 项") is reached once the
 * count gets there ('=' reads as '>='); a bound may leave it open ('unknown').
 */
function verdict(comparator: Exclude<Comparator, 'qualitative'>, actual: ActualPoint, target: number): Verdict {
  return meets(comparator, actual.value, actual.bound ?? 'exact', target);
}

/** The rule parameters naming an actual: its year, its value and the sign of its bound (≥, ≤, ≈ or ''). */
const named = (a: ActualPoint) => ({ year: a.year, value: a.value, sign: boundSign(a.bound ?? 'exact') });

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function targetStatus(input: StatusInput): StatusResult {
  const { comparator, value: target, deadline, thresholds } = input;
  const actuals = [...input.actuals].filter((a) => Number.isFinite(a.value)).sort((a, b) => a.year - b.year);
  const latest = actuals.at(-1) ?? null;
  const base = { latest, progress: null, pathValue: null, requiredGrowth: null, requiredPoints: null };

  if (comparator === 'qualitative' || target === null) {
    if (input.assessment) return { ...base, status: input.assessment, rule: 'monitor.rule.assessed', params: {} };
    return { ...base, status: 'no-data', rule: 'monitor.rule.qualitative', params: {} };
  }
  const lowerIsBetter = comparator === '<=' || comparator === '<';
  const progress = latest && target !== 0 ? (lowerIsBetter ? (latest.value === 0 ? null : target / latest.value) : latest.value / target) : null;

  const inTime = actuals.filter((a) => deadline === null || a.year <= deadline);
  const hit = inTime.find((a) => verdict(comparator, a, target) === 'yes');
  if (hit) return { ...base, progress, status: 'met', rule: 'monitor.rule.met', params: named(hit) };
  if (!latest) {
    if (input.assessment) return { ...base, status: input.assessment, rule: 'monitor.rule.assessed', params: {} };
    return { ...base, status: 'no-data', rule: 'monitor.rule.noActual', params: {} };
  }
  if (deadline !== null && latest.year >= deadline) {
    // A bound that leaves the deadline year open (≥6000 against ≥10000) decides nothing either way.
    const atDeadline = inTime.at(-1);
    if (atDeadline && verdict(comparator, atDeadline, target) === 'unknown') {
      return { ...base, progress, status: 'no-data', rule: 'monitor.rule.boundOpen', params: { deadline, ...named(atDeadline) } };
    }
    const late = actuals.find((a) => a.year > deadline && verdict(comparator, a, target) === 'yes');
    if (late) return { ...base, progress, status: 'missed', rule: 'monitor.rule.metLate', params: { deadline, ...named(late) } };
    return { ...base, progress, status: 'missed', rule: 'monitor.rule.missed', params: { deadline, ...named(latest) } };
  }
  if (input.measureReplacedFrom != null && input.measureReplacedFrom > latest.year) {
    return { ...base, progress, status: 'no-data', rule: 'monitor.rule.measureReplaced', params: { from: input.measureReplacedFrom, ...named(latest) } };
  }
  if (deadline !== null && input.asOfYear > deadline) {
    return { ...base, progress, status: 'no-data', rule: 'monitor.rule.awaitingDeadline', params: { deadline, year: latest.year } };
  }
  if (deadline === null) return { ...base, progress, status: 'at-risk', rule: 'monitor.rule.notYet', params: { year: latest.year } };

  const years = deadline - latest.year;
  const requiredGrowth = !input.rate && latest.value > 0 && target > 0 ? round(100 * ((target / latest.value) ** (1 / years) - 1), 2) : null;
  const requiredPoints = input.rate ? round((target - latest.value) / years, 2) : null;
  // The straight path runs to the target from the earliest actual on the latest one's definition, no
  // earlier than the plan's base year, that is a number: a bound ("超过25%") fixes no starting point.
  const lastBreak = actuals.findLastIndex((a) => a.breakBefore);
  const comparable = actuals.slice(Math.max(0, lastBreak));
  const start = comparable.find((a) => a.year >= (input.pathFrom ?? -Infinity) && a.bound !== 'lower' && a.bound !== 'upper') ?? latest;
  const withPath = { ...base, progress, requiredGrowth, requiredPoints };
  if (start.year < latest.year) {
    const pathValue = start.value + ((target - start.value) * (latest.year - start.year)) / (deadline - start.year);
    const ratio = lowerIsBetter ? pathValue / latest.value : latest.value / pathValue;
    const params = { ...named(latest), path: round(pathValue, 2), ratio: round(100 * ratio), threshold: round(100 * thresholds.onTrackRatio) };
    const status: TargetStatus = ratio >= thresholds.onTrackRatio ? 'on-track' : 'at-risk';
    return { ...withPath, pathValue, status, rule: status === 'on-track' ? 'monitor.rule.onPath' : 'monitor.rule.belowPath', params };
  }
  // One comparable actual: judge by the scenario when there is one, else by what is still needed.
  if (input.projection) {
    const status: TargetStatus = input.projection.met ? 'on-track' : 'at-risk';
    return { ...withPath, status, rule: input.projection.met ? 'monitor.rule.scenarioMeets' : 'monitor.rule.scenarioMisses', params: { year: latest.year, first: input.projection.firstYearMet } };
  }
  if (requiredPoints !== null) return { ...withPath, ...pointsJudgement(comparable, latest, requiredPoints, lowerIsBetter, thresholds) };
  if (requiredGrowth === null) return { ...withPath, status: 'no-data', rule: 'monitor.rule.noActual', params: {} };
  const needOk = lowerIsBetter ? true : requiredGrowth <= thresholds.maxRequiredGrowth;
  return {
    ...withPath,
    status: needOk ? 'on-track' : 'at-risk',
    rule: needOk ? 'monitor.rule.growthFeasible' : 'monitor.rule.growthTooHigh',
    params: { year: latest.year, growth: requiredGrowth, threshold: thresholds.maxRequiredGrowth },
  };
}

/**
 * A share or rate with one comparable actual since the plan's base year: the percentage points still
 * needed a year, against the pace the series itself kept on this measure (from its earliest figure that
 * is a number, before the base year, to the latest), else against the `maxRequiredPoints` setting. A
 * relative growth rate says nothing here: 27.2% to 50% in six years is "10.7% a year", yet 3.8 points
 * a year, twice the national broad-measure share's average pace (1.8) and well above its fastest (2.6).
 */
function pointsJudgement(
  comparable: readonly ActualPoint[],
  latest: ActualPoint,
  requiredPoints: number,
  lowerIsBetter: boolean,
  thresholds: MonitorThresholds,
): Pick<StatusResult, 'status' | 'rule' | 'params'> {
  // Points in the target's direction: a rise for "above", a fall for "below".
  const needed = lowerIsBetter ? -requiredPoints : requiredPoints;
  const direction = lowerIsBetter ? 'Fall' : 'Rise';
  const first = comparable.find((a) => a.year < latest.year && a.bound !== 'lower' && a.bound !== 'upper');
  const points = round(Math.abs(requiredPoints), 2);
  if (first && latest.bound !== 'lower' && latest.bound !== 'upper') {
    const pace = (latest.value - first.value) / (latest.year - first.year);
    const kept = lowerIsBetter ? -pace : pace;
    const ok = needed <= kept;
    return {
      status: ok ? 'on-track' : 'at-risk',
      rule: `monitor.rule.points${direction}${ok ? 'WithinPace' : 'AbovePace'}`,
      params: { year: latest.year, points, from: first.year, pace: round(pace, 2) },
    };
  }
  const ok = needed <= thresholds.maxRequiredPoints;
  return {
    status: ok ? 'on-track' : 'at-risk',
    rule: `monitor.rule.points${direction}${ok ? 'Feasible' : 'TooHigh'}`,
    params: { year: latest.year, points, threshold: thresholds.maxRequiredPoints },
  };
}
