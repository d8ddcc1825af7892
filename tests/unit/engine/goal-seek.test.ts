import { describe, expect, it } from 'vitest';
import seeds from '../../../data/seed/scenarios.json';
import { EngineError, goalSeek, goalSeekJoint, parseResolvedScenario, project, type ResolvedScenario } from '../../../shared/engine';
import { scenario, twoComponents } from './helpers';

function engineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

function withRate(s: ResolvedScenario, rate: number): ResolvedScenario {
  return { ...s, components: s.components.map((c) => ({ ...c, growth: { kind: 'cagr' as const, rate } })) };
}

describe('goalSeek', () => {
  it('finds the growth that just meets 万亿: 25.99% from 5,000 over 3 years, within tolerance and on the met side', () => {
    const s = scenario({ components: [{ id: 'de', name: '数字经济', base: 5000, growth: { kind: 'cagr', rate: 20 } }] });
    const r = goalSeek(s, { targetId: 'trillion', driver: 'de' });
    expect(r.direction).toBe('at-least');
    expect(Math.abs(r.value - 25.992104989487)).toBeLessThan(r.tolerance * 2);
    expect(r.metricAtValue).toBeGreaterThanOrEqual(10000);
    expect(r.metricAtNominal).toBeCloseTo(8640, 9);
    expect(project(withRate(s, r.value)).targets[0]!.met).toBe(true);
    expect(project(withRate(s, r.value - 2 * r.tolerance)).targets[0]!.met).toBe(false);
    expect(r.unit).toBe('%');
  });

  it('honours a looser tolerance', () => {
    const r = goalSeek(scenario(), { targetId: 'trillion', driver: 'de', tolerance: 1e-3 });
    expect(Math.abs(r.value - 25.992104989487)).toBeLessThan(1e-3);
    expect(r.iterations).toBeLessThan(20);
  });

  it('solves GDP growth for a share target, where meeting it needs at most a value', () => {
    // Components do not depend on GDP; share > 60% in 2025 needs GDP < 9,075.47 / 0.6.
    const r = goalSeek(twoComponents(), { targetId: 'share', driver: 'gdp' });
    expect(r.direction).toBe('at-most');
    expect(r.value).toBeCloseTo(((9075.47 / 0.6 / 10000) ** (1 / 5) - 1) * 100, 7);
    expect(r.metricAtValue).toBeGreaterThan(60);
  });

  it('solves the uplift', () => {
    const r = goalSeek(scenario({ components: [{ id: 'de', name: 'd', base: 5000, growth: { kind: 'cagr', rate: 20 } }] }), {
      targetId: 'trillion',
      driver: 'uplift',
    });
    expect(r.value).toBeCloseTo(5.992104989, 7);
    expect(r.unit).toBe('pp');
  });

  it('raises a typed error with code and params when no value within bounds meets the target', () => {
    const s = scenario({ components: [{ id: 'de', name: 'd', base: 5000, growth: { kind: 'cagr', rate: 10 }, bounds: { min: 0, max: 20 } }] });
    const error = engineError(() => goalSeek(s, { targetId: 'trillion', driver: 'de' }));
    expect(error.code).toBe('goal_unreachable');
    expect(error.params).toMatchObject({ targetId: 'trillion', driver: 'de', lower: 0, upper: 20, threshold: 10000, atLower: 5000 });
    expect(error.params.atUpper).toBeCloseTo(8640, 9);
    expect(Object.keys(error.toJSON())).toEqual(['code', 'message', 'params']);
  });

  it('says so when every value within bounds meets it', () => {
    const s = scenario({ components: [{ id: 'de', name: 'd', base: 5000, growth: { kind: 'cagr', rate: 30 }, bounds: { min: 27, max: 40 } }] });
    expect(engineError(() => goalSeek(s, { targetId: 'trillion', driver: 'de' })).code).toBe('goal_always_met');
  });

  it('names an unknown target or driver', () => {
    expect(engineError(() => goalSeek(scenario(), { targetId: 'nope', driver: 'de' })).params).toEqual({ targetId: 'nope' });
    expect(engineError(() => goalSeek(scenario(), { targetId: 'trillion', driver: 'nope' })).code).toBe('unknown_driver');
  });
});

describe('goalSeekJoint', () => {
  const baseline = parseResolvedScenario(seeds[0]);

  it('solves 万亿 and 40% together on the seed baseline and names the share as binding', () => {
    const r = goalSeekJoint(baseline, { targetIds: ['A1', 'A2'], driver: 'uplift' });
    const level = goalSeek(baseline, { targetId: 'A1', driver: 'uplift' });
    const share = goalSeek(baseline, { targetId: 'A2', driver: 'uplift' });
    expect(share.value).toBeGreaterThan(level.value);
    expect(r.binding).toBe('A2');
    expect(r.value).toBe(share.value);
    expect(r.feasible).toEqual({ min: share.value, max: 60 });
    const solved = project({ ...baseline, uplift: { value: r.value } }).targets;
    expect(solved.find((t) => t.id === 'A1')!.met).toBe(true);
    expect(solved.find((t) => t.id === 'A2')!.met).toBe(true);
    expect(r.targets.map((t) => t.targetId)).toEqual(['A1', 'A2']);
  });

  it('lets the level bind when the share is the easier one', () => {
    const s = twoComponents({
      targets: [
        { kind: 'total', id: 'level', label: 'l', year: 2025, value: 12000 },
        { kind: 'share', id: 'share', label: 's', year: 2025, value: 50 },
      ],
    });
    expect(goalSeekJoint(s, { targetIds: ['share', 'level'], driver: 'digitalization' }).binding).toBe('level');
  });

  it('moves the share’s denominator with GDP: a level that needs faster GDP and a share that needs slower GDP', () => {
    // An elastic component makes the level rise with GDP growth; a fixed one makes the share fall with it.
    const make = (level: number) =>
      twoComponents({
        components: [
          { id: 'fixed', name: 'f', base: 2000, growth: { kind: 'cagr', rate: 10 } },
          { id: 'elastic', name: 'e', base: 2000, growth: { kind: 'elasticity', elasticity: 0.5 } },
        ],
        targets: [
          { kind: 'total', id: 'level', label: 'l', year: 2025, value: level },
          { kind: 'share', id: 'share', label: 's', year: 2025, value: 40 },
        ],
      });
    const r = goalSeekJoint(make(5500), { targetIds: ['level', 'share'], driver: 'gdp' });
    expect(r.binding).toBe('level');
    expect(r.targets.find((t) => t.targetId === 'share')!.direction).toBe('at-most');
    expect(r.feasible.max).toBeGreaterThan(r.feasible.min);
    expect(r.feasible.max).toBe(r.targets.find((t) => t.targetId === 'share')!.value);
    const error = engineError(() => goalSeekJoint(make(6000), { targetIds: ['level', 'share'], driver: 'gdp' }));
    expect(error.code).toBe('goal_conflict');
    expect(error.params).toMatchObject({ targetIds: 'level, share', driver: 'gdp' });
  });
});
