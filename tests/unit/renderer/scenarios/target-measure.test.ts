// A scenario target's measure (口径): its plan target's when its id is a plan target's code or it states
// a plan target's goal (the same share or level by the same year), else the scenario's. The seeds' 基准
// (the city's earlier measure) carries A1 and A2, judged on CAICT's broad measure, and P2027, its own
// statement of Plan C's C1 (above 50% of GDP by 2027), which exists only on the broad measure.
import { describe, expect, it } from 'vitest';
import { judgedElsewhere, judgedHere, measureLabel, offeredTargets, planMeasures, scenarioTargetMeasure } from '../../../../shared/monitor/scenario-targets';

const names = [
  { code: 'cq-earlier', nameZh: '重庆市此前口径', nameEn: 'Chongqing earlier measure' },
  { code: 'caict-broad', nameZh: '信通院广义口径', nameEn: 'CAICT broad measure' },
];
const plan = planMeasures(
  [
    { code: 'A1', measure: 'caict-broad', indicator: 'de_scale' },
    // No measure of its own: its indicator's.
    { code: 'A2', measure: null, indicator: 'de_va_share_gdp' },
    // Neither names one: judged on none.
    { code: 'A3', measure: null, indicator: null },
    { code: 'C1', measure: 'caict-broad', indicator: 'de_va_share_gdp', value: 50, unit: '%', deadline: 2027 },
  ],
  [{ code: 'de_va_share_gdp', measure: 'caict-broad' }],
  names,
);

const A1 = { id: 'A1', kind: 'total', year: 2022, value: 10000 };
const A2 = { id: 'A2', kind: 'share', year: 2022, value: 40 };
const P2027 = { id: 'P2027', kind: 'share', year: 2027, value: 50 };
/** A target of the scenario's own that states no plan goal. */
const S2030 = { id: 'S2030', kind: 'share', year: 2030, value: 60 };

describe('a scenario target’s measure', () => {
  it('is the plan target’s when its id is a plan target’s code, its own or its indicator’s', () => {
    expect(scenarioTargetMeasure(A1, 'cq-earlier', plan)).toBe('caict-broad');
    expect(scenarioTargetMeasure(A2, 'cq-earlier', plan)).toBe('caict-broad');
  });

  it('is the plan target’s when it states that target’s goal: the same kind, value and year', () => {
    expect(scenarioTargetMeasure(P2027, 'cq-earlier', plan)).toBe('caict-broad');
    // A projection's outcome gives the goal as its threshold.
    expect(scenarioTargetMeasure({ id: 'P2027', kind: 'share', year: 2027, threshold: 50 }, 'cq-earlier', plan)).toBe('caict-broad');
    // Another year, value or kind is another goal.
    expect(scenarioTargetMeasure({ ...P2027, year: 2026 }, 'cq-earlier', plan)).toBe('cq-earlier');
    expect(scenarioTargetMeasure({ ...P2027, value: 55 }, 'cq-earlier', plan)).toBe('cq-earlier');
    expect(scenarioTargetMeasure({ ...P2027, kind: 'total' }, 'cq-earlier', plan)).toBe('cq-earlier');
  });

  it('is the scenario’s for any other target, and for a plan target judged on none', () => {
    expect(scenarioTargetMeasure(S2030, 'cq-earlier', plan)).toBe('cq-earlier');
    expect(scenarioTargetMeasure({ id: 'A3' }, 'cq-earlier', plan)).toBe('cq-earlier');
    expect(scenarioTargetMeasure(S2030, null, plan)).toBeNull();
  });

  it('gives no verdict where the target is judged on another measure than the scenario’s', () => {
    expect(judgedElsewhere(A1, 'cq-earlier', plan)).toBe('caict-broad');
    expect(judgedElsewhere(A1, 'caict-broad', plan)).toBeNull();
    expect(judgedElsewhere(P2027, 'cq-earlier', plan)).toBe('caict-broad');
    expect(judgedElsewhere(P2027, 'caict-broad', plan)).toBeNull();
    expect(judgedElsewhere(S2030, 'cq-earlier', plan)).toBeNull();
    // A scenario naming no measure is not on the target's.
    expect(judgedElsewhere(A1, null, plan)).toBe('caict-broad');
  });

  it('keeps for sentences with verdicts only the targets judged on the scenario’s measure', () => {
    const projection = { targets: [A1, A2, P2027, S2030] };
    expect(judgedHere(projection, 'cq-earlier', plan).targets.map((x) => x.id)).toEqual(['S2030']);
    expect(judgedHere(projection, 'caict-broad', plan).targets.map((x) => x.id)).toEqual(['A1', 'A2', 'P2027', 'S2030']);
  });

  it('offers goal seek only the targets judged on the scenario’s measure, and says on which the others are', () => {
    const targets = [A1, A2, P2027, S2030];
    // 基准 (the earlier measure): A1, A2 and Plan C's 50% are the monitor's, on the broad measure.
    expect(offeredTargets(targets, 'cq-earlier', plan)).toEqual({
      offered: [S2030],
      absent: [
        { target: A1, judged: 'caict-broad' },
        { target: A2, judged: 'caict-broad' },
        { target: P2027, judged: 'caict-broad' },
      ],
    });
    // On the broad measure every one is offered; naming no measure, only the scenario's own.
    expect(offeredTargets(targets, 'caict-broad', plan)).toEqual({ offered: targets, absent: [] });
    expect(offeredTargets(targets, null, plan).offered).toEqual([S2030]);
  });

  it('names a measure in either language', () => {
    expect(measureLabel(plan, 'caict-broad', 'zh')).toBe('信通院广义口径');
    expect(measureLabel(plan, 'caict-broad', 'en')).toBe('CAICT broad measure');
  });
});
