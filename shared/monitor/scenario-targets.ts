// The measure (口径) a scenario's target is judged on, as the targets monitor judges it. A scenario
// target whose id is a plan target's code is that target: judged on the plan target's measure (基准,
// on the city's earlier measure, carries A1 万亿级规模, judged on CAICT's broad one). Any other is the
// scenario's own. A scenario gives no verdict on a target judged on another measure than its own: its
// projection is on its measure, and the verdict would contradict the monitor's.
import { nameOf, type NamedCode } from '../api/scenarios-contract';
import type { Locale } from '../format/number';

/** A plan target's goal as a scenario could state it: a share (%) or a level (亿元) to reach by a year. */
interface PlanGoal {
  kind: 'share' | 'total';
  value: number;
  year: number;
  measure: string;
}

/** The plan targets' measures and the measures' names, fetched once for the page. */
export interface PlanMeasures {
  /** Per plan target code, the measure it is judged on; null when neither it nor its indicator names one. */
  judged: ReadonlyMap<string, string | null>;
  /** The quantitative goals of the plan targets judged on a measure. */
  goals: readonly PlanGoal[];
  /** The measures catalogue, to name them. */
  names: readonly NamedCode[];
}

/** A plan target's unit as a scenario target's kind and a factor to 亿元 or %; null for a count or other unit. */
const GOAL_UNITS: Readonly<Record<string, { kind: PlanGoal['kind']; factor: number }>> = { '%': { kind: 'share', factor: 1 }, 亿元: { kind: 'total', factor: 1 }, 万亿元: { kind: 'total', factor: 10_000 } };

/** The plan targets (targets.list) with the measure each is judged on: its own, else its indicator's. */
export function planMeasures(
  targets: ReadonlyArray<{ code: string; measure: string | null; indicator: string | null; value?: number | null; unit?: string; deadline?: number | null }>,
  indicators: ReadonlyArray<{ code: string; measure: string }>,
  names: readonly NamedCode[],
): PlanMeasures {
  const indicatorMeasure = new Map(indicators.map((i) => [i.code, i.measure]));
  const judged = new Map(targets.map((x) => [x.code, x.measure ?? (x.indicator === null ? null : (indicatorMeasure.get(x.indicator) ?? null))]));
  const goals = targets.flatMap((x): PlanGoal[] => {
    const measure = judged.get(x.code);
    const unit = GOAL_UNITS[x.unit ?? ''];
    return measure && unit && typeof x.value === 'number' && typeof x.deadline === 'number' ? [{ kind: unit.kind, value: x.value * unit.factor, year: x.deadline, measure }] : [];
  });
  return { judged, goals, names };
}

/** A scenario target as the rule reads it: a definition's (value) or a projection's (threshold). */
export interface ScenarioTargetRef {
  id: string;
  kind?: string;
  year?: number;
  value?: number;
  threshold?: number;
}

/**
 * A scenario target's measure. Its id is a plan target's code (A1 on 基准): that target's measure.
 * It states a plan target's goal, the same share or level by the same year (基准's own "2027年占GDP
 *比重50%以上" is Plan C's C1, stated on CAICT's broad measure): that target's measure, since the goal
 * exists only on it. Otherwise the scenario's.
 */
export function scenarioTargetMeasure(target: ScenarioTargetRef, scenarioMeasure: string | null, plan: PlanMeasures): string | null {
  const byCode = plan.judged.get(target.id);
  if (byCode) return byCode;
  const value = target.threshold ?? target.value;
  const goal = plan.goals.find((g) => g.kind === target.kind && g.year === target.year && value !== undefined && Math.abs(g.value - value) < 1e-9);
  return goal?.measure ?? scenarioMeasure;
}

/** The measure a scenario target is judged on when it is not the scenario's (the scenario gives it no verdict), else null. */
export function judgedElsewhere(target: ScenarioTargetRef, scenarioMeasure: string | null, plan: PlanMeasures): string | null {
  const measure = scenarioTargetMeasure(target, scenarioMeasure, plan);
  return measure === scenarioMeasure ? null : measure;
}

/** The projection with only the targets it may judge (those on the scenario's measure), for sentences that give verdicts. */
export function judgedHere<P extends { targets: ReadonlyArray<ScenarioTargetRef> }>(projection: P, scenarioMeasure: string | null, plan: PlanMeasures): P {
  return { ...projection, targets: projection.targets.filter((x) => judgedElsewhere(x, scenarioMeasure, plan) === null) };
}

/**
 * The targets goal seek may solve for: those judged on the scenario's measure. The others (a plan
 * target the monitor judges on another measure) are listed with that measure, to say why they are not
 * offered: a driver value that meets them on the scenario's measure says nothing of the monitor's verdict.
 */
export function offeredTargets<T extends ScenarioTargetRef>(targets: readonly T[], scenarioMeasure: string | null, plan: PlanMeasures): { offered: T[]; absent: Array<{ target: T; judged: string }> } {
  const offered: T[] = [];
  const absent: Array<{ target: T; judged: string }> = [];
  for (const target of targets) {
    const judged = judgedElsewhere(target, scenarioMeasure, plan);
    if (judged === null) offered.push(target);
    else absent.push({ target, judged });
  }
  return { offered, absent };
}

/** A measure by its name in `locale`; its code only when the catalogue lacks it. */
export function measureLabel(plan: PlanMeasures, code: string, locale: Locale): string {
  return nameOf(plan.names, code, locale);
}
