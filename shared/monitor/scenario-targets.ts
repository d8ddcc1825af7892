// The measure (口径) a scenario's target is judged on, as the targets monitor judges it. A scenario
// target whose id is a plan target's code is that target: judged on the plan target's measure (基准,
// on the city's earlier measure, carries A1 万亿级规模, judged on CAICT's broad one). Any other is the
// scenario's own. A scenario gives no verdict on a target judged on another measure than its own: its
// projection is on its measure, and the verdict would contradict the monitor's.
import { nameOf, type NamedCode } from '../api/scenarios-contract';
import type { Locale } from '../format/number';

/** The plan targets' measures and the measures' names, fetched once for the page. */
export interface PlanMeasures {
  /** Per plan target code, the measure it is judged on; null when neither it nor its indicator names one. */
  judged: ReadonlyMap<string, string | null>;
  /** The measures catalogue, to name them. */
  names: readonly NamedCode[];
}

/** The plan targets (targets.list) with the measure each is judged on: its own, else its indicator's. */
export function planMeasures(
  targets: ReadonlyArray<{ code: string; measure: string | null; indicator: string | null }>,
  indicators: ReadonlyArray<{ code: string; measure: string }>,
  names: readonly NamedCode[],
): PlanMeasures {
  const indicatorMeasure = new Map(indicators.map((i) => [i.code, i.measure]));
  return { judged: new Map(targets.map((x) => [x.code, x.measure ?? (x.indicator === null ? null : (indicatorMeasure.get(x.indicator) ?? null))])), names };
}

/** A scenario target's measure: its plan target's when its id is a plan target's code judged on one, else the scenario's. */
export function scenarioTargetMeasure(id: string, scenarioMeasure: string | null, plan: PlanMeasures): string | null {
  return plan.judged.get(id) ?? scenarioMeasure;
}

/** The measure a scenario target is judged on when it is not the scenario's (the scenario gives it no verdict), else null. */
export function judgedElsewhere(id: string, scenarioMeasure: string | null, plan: PlanMeasures): string | null {
  const measure = scenarioTargetMeasure(id, scenarioMeasure, plan);
  return measure === scenarioMeasure ? null : measure;
}

/** The projection with only the targets it may judge (those on the scenario's measure), for sentences that give verdicts. */
export function judgedHere<P extends { targets: ReadonlyArray<{ id: string }> }>(projection: P, scenarioMeasure: string | null, plan: PlanMeasures): P {
  return { ...projection, targets: projection.targets.filter((x) => judgedElsewhere(x.id, scenarioMeasure, plan) === null) };
}

/**
 * The targets goal seek may solve for: those judged on the scenario's measure. The others (a plan
 * target the monitor judges on another measure) are listed with that measure, to say why they are not
 * offered: a driver value that meets them on the scenario's measure says nothing of the monitor's verdict.
 */
export function offeredTargets<T extends { id: string }>(targets: readonly T[], scenarioMeasure: string | null, plan: PlanMeasures): { offered: T[]; absent: Array<{ target: T; judged: string }> } {
  const offered: T[] = [];
  const absent: Array<{ target: T; judged: string }> = [];
  for (const target of targets) {
    const judged = judgedElsewhere(target.id, scenarioMeasure, plan);
    if (judged === null) offered.push(target);
    else absent.push({ target, judged });
  }
  return { offered, absent };
}

/** A measure by its name in `locale`; its code only when the catalogue lacks it. */
export function measureLabel(plan: PlanMeasures, code: string, locale: Locale): string {
  return nameOf(plan.names, code, locale);
}
