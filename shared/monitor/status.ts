// A target's status, computed from its actuals, its deadline and (when one projects it) a scenario.
// Pure: the backend, the CLI and the tests call the same function, and the rule that decided is
// returned with the status so the UI can show why.
import { z } from 'zod';
import { boundSign, meets, type Bound, type Verdict } from '../series/bound';

export const targetStatuses = ['met', 'on-track', 'at-risk', 'missed', 'no-data'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export const monitorThresholdsSchema = z
  .object({
    /** On track when the latest actual is at least this share of the straight path's value for its year. */
    onTrackRatio: z.number().min(0.5).max(1.5).default(0.95),
    /** With a single actual there is no path: on track when the growth still needed a year is at most this (%). */
    maxRequiredGrowth: z.number().min(0).max(200).default(20),
  })
  .strict();
export type MonitorThresholds = z.output<typeof monitorThresholdsSchema>;
export const defaultThresholds: MonitorThresholds = monitorThresholdsSchema.parse({});

export type Comparator = '>=' | '>' | '=' | '<=' | '<' | 'qualitative';

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
  /** Constant growth a year (%) still needed from the latest actual to reach the target on time. */
  requiredGrowth: number | null;
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
  const base = { latest, progress: null, pathValue: null, requiredGrowth: null };

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
  if (deadline !== null && input.asOfYear > deadline) {
    return { ...base, progress, status: 'no-data', rule: 'monitor.rule.awaitingDeadline', params: { deadline, year: latest.year } };
  }
  if (deadline === null) return { ...base, progress, status: 'at-risk', rule: 'monitor.rule.notYet', params: { year: latest.year } };

  const years = deadline - latest.year;
  const requiredGrowth = latest.value > 0 && target > 0 ? round(100 * ((target / latest.value) ** (1 / years) - 1), 2) : null;
  // The straight path runs to the target from the earliest actual on the latest one's definition, no
  // earlier than the plan's base year, that is a number: a bound ("超过25%") fixes no starting point.
  const lastBreak = actuals.findLastIndex((a) => a.breakBefore);
  const comparable = actuals.slice(Math.max(0, lastBreak));
  const start = comparable.find((a) => a.year >= (input.pathFrom ?? -Infinity) && a.bound !== 'lower' && a.bound !== 'upper') ?? latest;
  const withPath = { ...base, progress, requiredGrowth };
  if (start.year < latest.year) {
    const pathValue = start.value + ((target - start.value) * (latest.year - start.year)) / (deadline - start.year);
    const ratio = lowerIsBetter ? pathValue / latest.value : latest.value / pathValue;
    const params = { ...named(latest), path: round(pathValue, 2), ratio: round(100 * ratio), threshold: round(100 * thresholds.onTrackRatio) };
    const status: TargetStatus = ratio >= thresholds.onTrackRatio ? 'on-track' : 'at-risk';
    return { ...withPath, pathValue, status, rule: status === 'on-track' ? 'monitor.rule.onPath' : 'monitor.rule.belowPath', params };
  }
  // One comparable actual: judge by the growth still needed, or by the scenario when there is one.
  if (input.projection) {
    const status: TargetStatus = input.projection.met ? 'on-track' : 'at-risk';
    return { ...withPath, status, rule: input.projection.met ? 'monitor.rule.scenarioMeets' : 'monitor.rule.scenarioMisses', params: { year: latest.year, first: input.projection.firstYearMet } };
  }
  if (requiredGrowth === null) return { ...withPath, status: 'no-data', rule: 'monitor.rule.noActual', params: {} };
  const needOk = lowerIsBetter ? true : requiredGrowth <= thresholds.maxRequiredGrowth;
  return {
    ...withPath,
    status: needOk ? 'on-track' : 'at-risk',
    rule: needOk ? 'monitor.rule.growthFeasible' : 'monitor.rule.growthTooHigh',
    params: { year: latest.year, growth: requiredGrowth, threshold: thresholds.maxRequiredGrowth },
  };
}
