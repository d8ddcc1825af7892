import { describe, expect, it } from 'vitest';
import { defaultThresholds, targetStatus, type StatusInput } from '../../../shared/monitor/status';

const base: StatusInput = { comparator: '>=', value: 10000, deadline: 2022, actuals: [], asOfYear: 2021, thresholds: defaultThresholds };
const at = (over: Partial<StatusInput>) => targetStatus({ ...base, ...over });

describe('target status rules', () => {
  it('is met when an actual up to the deadline reaches the target, and says which year', () => {
    const r = at({ actuals: [{ year: 2020, value: 6000 }, { year: 2022, value: 10000 }], asOfYear: 2026 });
    expect(r).toMatchObject({ status: 'met', rule: 'monitor.rule.met', params: { year: 2022, value: 10000 } });
    expect(r.progress).toBe(1);
  });

  it('treats > strictly and >= inclusively at the boundary', () => {
    expect(at({ comparator: '>', value: 40, actuals: [{ year: 2022, value: 40 }], asOfYear: 2026 }).status).toBe('missed');
    expect(at({ comparator: '>', value: 40, actuals: [{ year: 2022, value: 40.01 }], asOfYear: 2026 }).status).toBe('met');
    expect(at({ comparator: '>=', value: 40, actuals: [{ year: 2022, value: 40 }], asOfYear: 2026 }).status).toBe('met');
  });

  it('is missed once the deadline year has an actual short of the target, and names a late hit', () => {
    expect(at({ actuals: [{ year: 2022, value: 9999 }], asOfYear: 2026 })).toMatchObject({ status: 'missed', rule: 'monitor.rule.missed' });
    expect(at({ actuals: [{ year: 2022, value: 9000 }, { year: 2023, value: 10500 }], asOfYear: 2026 })).toMatchObject({
      status: 'missed',
      rule: 'monitor.rule.metLate',
      params: { year: 2023 },
    });
  });

  it('judges a published bound as the inequality it states', () => {
    // "超过1万亿元" at a ≥1万亿 target: met, with the sign in the rule's parameters.
    expect(at({ actuals: [{ year: 2022, value: 10000, bound: 'lower' }], asOfYear: 2026 })).toMatchObject({ status: 'met', params: { value: 10000, sign: '≥' } });
    // "超6000亿元" at the deadline decides nothing: neither met nor missed.
    expect(at({ actuals: [{ year: 2022, value: 6000, bound: 'lower' }], asOfYear: 2026 })).toMatchObject({ status: 'no-data', rule: 'monitor.rule.boundOpen', params: { sign: '≥' } });
    // "不足9000亿元" at the deadline is short for sure.
    expect(at({ actuals: [{ year: 2022, value: 9000, bound: 'upper' }], asOfYear: 2026 })).toMatchObject({ status: 'missed', params: { sign: '≤' } });
    // An approximate figure is compared as the number it gives.
    expect(at({ actuals: [{ year: 2022, value: 10000, bound: 'approx' }], asOfYear: 2026 })).toMatchObject({ status: 'met', params: { sign: '≈' } });
  });

  it('starts the straight path no earlier than the plan’s base year, and never at a bound', () => {
    const actuals = [{ year: 2020, value: 2008.2 }, { year: 2022, value: 2705 }];
    const over = { comparator: '>=' as const, value: 7000, deadline: 2027, actuals, asOfYear: 2026 };
    // From 2020 the path to 7000 passes 3434 in 2022: below it. From the plan's base year 2022 there is
    // no path, only the growth still needed.
    expect(at(over)).toMatchObject({ rule: 'monitor.rule.belowPath' });
    expect(at({ ...over, pathFrom: 2022 })).toMatchObject({ rule: 'monitor.rule.growthTooHigh', requiredGrowth: 20.94 });
    // "超过25%" (2020) fixes no starting point: 27.2% (2021) is judged by the growth it still needs.
    expect(at({ comparator: '>', value: 50, deadline: 2027, asOfYear: 2026, actuals: [{ year: 2020, value: 25, bound: 'lower' }, { year: 2021, value: 27.2 }] })).toMatchObject({
      rule: 'monitor.rule.growthFeasible',
    });
  });

  it('waits for data rather than calling a passed deadline missed when its year has no actual yet', () => {
    expect(at({ actuals: [{ year: 2021, value: 9000 }], asOfYear: 2023 })).toMatchObject({ status: 'no-data', rule: 'monitor.rule.awaitingDeadline' });
  });

  it('is on track at the threshold of the straight path and at risk just below it', () => {
    // Path from 6000 (2020) to 10000 (2022): 8000 in 2021; 95% of it is 7600.
    const on = at({ actuals: [{ year: 2020, value: 6000 }, { year: 2021, value: 7600 }] });
    expect(on).toMatchObject({ status: 'on-track', rule: 'monitor.rule.onPath', pathValue: 8000 });
    expect(at({ actuals: [{ year: 2020, value: 6000 }, { year: 2021, value: 7599 }] })).toMatchObject({ status: 'at-risk', rule: 'monitor.rule.belowPath' });
    expect(on.requiredGrowth).toBeCloseTo(31.58, 2);
  });

  it('follows the on-track threshold setting', () => {
    const actuals = [{ year: 2020, value: 6000 }, { year: 2021, value: 7000 }];
    expect(at({ actuals }).status).toBe('at-risk');
    expect(at({ actuals, thresholds: { ...defaultThresholds, onTrackRatio: 0.85 } }).status).toBe('on-track');
  });

  it('never draws the path across a definition break', () => {
    // 25% (2020) then 27.2% (2021, old measure), 45.4% (2022, new): with a 2023 deadline the path starts at 2022.
    const r = at({
      comparator: '>',
      value: 50,
      deadline: 2027,
      asOfYear: 2023,
      actuals: [{ year: 2020, value: 25 }, { year: 2021, value: 27.2 }, { year: 2022, value: 45.4, breakBefore: true }],
    });
    expect(r.pathValue).toBeNull();
    expect(r.rule).toBe('monitor.rule.growthFeasible');
  });

  it('with one actual, judges by the growth still needed against the setting, or by the scenario', () => {
    const one = [{ year: 2020, value: 6000 }];
    // (10000/6000)^(1/2) - 1 = 29.1% > 20%.
    expect(at({ actuals: one })).toMatchObject({ status: 'at-risk', rule: 'monitor.rule.growthTooHigh' });
    expect(at({ actuals: one, thresholds: { ...defaultThresholds, maxRequiredGrowth: 30 } }).status).toBe('on-track');
    expect(at({ actuals: one, projection: { met: true, firstYearMet: 2022, value: 10100 } })).toMatchObject({ status: 'on-track', rule: 'monitor.rule.scenarioMeets' });
  });

  it('has no data without actuals, and takes the analyst assessment for qualitative targets', () => {
    expect(at({})).toMatchObject({ status: 'no-data', rule: 'monitor.rule.noActual', progress: null });
    expect(at({ comparator: 'qualitative', value: null })).toMatchObject({ status: 'no-data', rule: 'monitor.rule.qualitative' });
    expect(at({ comparator: 'qualitative', value: null, assessment: 'on-track' })).toMatchObject({ status: 'on-track', rule: 'monitor.rule.assessed' });
  });

  it('reads lower-is-better targets the other way', () => {
    expect(at({ comparator: '<=', value: 5, actuals: [{ year: 2022, value: 4 }], asOfYear: 2026 }).status).toBe('met');
    expect(at({ comparator: '<=', value: 5, actuals: [{ year: 2020, value: 9 }, { year: 2021, value: 7 }] }).status).toBe('on-track');
  });
});
