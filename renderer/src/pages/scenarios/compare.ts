// What the compare view sets side by side, as pure functions: scenarios grouped by their measure
// (口径), and one outcome row per target and measure whose cells compare the target only with the
// scenarios on its measure. Scenarios on different measures are never one comparison; a target whose
// id is a plan target's code is on that target's measure (./target-measure.ts).
import type { NamedCode } from '../../../../shared/api/scenarios-contract';
import type { ProjectionResult } from '../../../../shared/engine';
import { scenarioTargetMeasure, type PlanMeasures } from '../../../../shared/monitor/scenario-targets';

export type Outcome = ProjectionResult['targets'][number];

export interface CompareRun {
  id: number;
  measure: NamedCode | null;
  projection: ProjectionResult | null;
}

/** Scenarios on one measure (key '' for those naming none), in the order they were picked. */
export interface MeasureGroup<R extends CompareRun> {
  key: string;
  measure: NamedCode | null;
  runs: R[];
}

export function groupByMeasure<R extends CompareRun>(runs: readonly R[]): Array<MeasureGroup<R>> {
  const groups = new Map<string, MeasureGroup<R>>();
  for (const run of runs) {
    const key = run.measure?.code ?? '';
    const group = groups.get(key) ?? { key, measure: run.measure, runs: [] };
    group.runs.push(run);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** other-measure: the scenario is on another measure than the target, so it gets no verdict; missing: same measure, no such target. */
export type OutcomeCell = { kind: 'outcome'; outcome: Outcome } | { kind: 'other-measure' } | { kind: 'missing' };

export interface OutcomeRow {
  /** Unique: the measure and the target's id (the same id on two measures is two rows). */
  key: string;
  /** The measure the target is judged on (a code; null: neither it nor its scenarios name one). */
  measure: string | null;
  target: Outcome;
  /** One per run, in the order of `runs`. */
  cells: OutcomeCell[];
}

/** A row per target and the measure it is judged on, its cells the outcomes of the scenarios on that measure. */
export function outcomeRows<R extends CompareRun>(groups: ReadonlyArray<MeasureGroup<R>>, runs: readonly R[], plan: PlanMeasures): OutcomeRow[] {
  const rows = new Map<string, OutcomeRow>();
  for (const target of groups.flatMap((g) => g.runs.flatMap((r) => (r.projection?.targets ?? []).map((x) => ({ x, scenarioMeasure: g.measure?.code ?? null }))))) {
    const measure = scenarioTargetMeasure(target.x, target.scenarioMeasure, plan);
    const key = `${measure ?? ''}:${target.x.id}`;
    if (rows.has(key)) continue;
    const cells = runs.map((r): OutcomeCell => {
      if ((r.measure?.code ?? null) !== measure) return { kind: 'other-measure' };
      const outcome = r.projection?.targets.find((x) => x.id === target.x.id);
      return outcome ? { kind: 'outcome', outcome } : { kind: 'missing' };
    });
    rows.set(key, { key, measure, target: target.x, cells });
  }
  return [...rows.values()];
}
