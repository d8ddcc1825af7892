import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_REQUIRED_POINTS, defaultThresholds, monitorThresholdsSchema, targetStatus, type StatusInput } from '../../../shared/monitor/status';

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
    // "超过25%" (2020) fixes no starting point: 27.2% (2021) is judged by the points it still needs a year.
    expect(at({ comparator: '>', value: 50, deadline: 2027, asOfYear: 2026, rate: true, actuals: [{ year: 2020, value: 25, bound: 'lower' }, { year: 2021, value: 27.2 }] })).toMatchObject({
      rule: 'monitor.rule.pointsRiseTooHigh',
      requiredPoints: 3.8,
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
      rate: true,
      actuals: [{ year: 2020, value: 25 }, { year: 2021, value: 27.2 }, { year: 2022, value: 45.4, breakBefore: true }],
    });
    expect(r.pathValue).toBeNull();
    // Nor does the earlier measure's pace count: only 45.4 is comparable, so the points setting decides.
    expect(r).toMatchObject({ rule: 'monitor.rule.pointsRiseFeasible', requiredPoints: 0.92, params: { points: 0.92, threshold: 2 } });
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

  it('has no threshold for share targets in saved settings from before it existed: parsing gives the default', () => {
    expect(monitorThresholdsSchema.parse({ onTrackRatio: 0.9, maxRequiredGrowth: 15 })).toEqual({ onTrackRatio: 0.9, maxRequiredGrowth: 15, maxRequiredPoints: 2 });
    expect(defaultThresholds.maxRequiredPoints).toBe(DEFAULT_MAX_REQUIRED_POINTS);
  });

  it('reads lower-is-better targets the other way', () => {
    expect(at({ comparator: '<=', value: 5, actuals: [{ year: 2022, value: 4 }], asOfYear: 2026 }).status).toBe('met');
    expect(at({ comparator: '<=', value: 5, actuals: [{ year: 2020, value: 9 }, { year: 2021, value: 7 }] }).status).toBe('on-track');
  });
});

describe('share and rate targets (%): percentage points, not growth', () => {
  // C1: above 50% of GDP by 2027, plan C's base year 2022. On the city's earlier measure the last
  // figures are 超过25% (2020) and 27.2% (2021); from 2022 the series is published on the broad measure.
  const earlier = [
    { year: 2020, value: 25, bound: 'lower' as const },
    { year: 2021, value: 27.2 },
  ];
  const c1 = { comparator: '>' as const, value: 50, deadline: 2027, asOfYear: 2026, pathFrom: 2022, rate: true };

  it('does not call 27.2% (2021) to above 50% (2027) on track: it needs 3.8 points a year, not "10.7% growth"', () => {
    const r = at({ ...c1, actuals: earlier });
    expect(r).toMatchObject({ status: 'at-risk', rule: 'monitor.rule.pointsRiseTooHigh', requiredPoints: 3.8, requiredGrowth: null, params: { year: 2021, points: 3.8, threshold: 2 } });
    // As a level the same numbers would pass the relative-growth rule: (50 / 27.2)^(1/6) - 1 = 10.68% ≤ 20%.
    expect(at({ ...c1, rate: false, actuals: earlier })).toMatchObject({ status: 'on-track', rule: 'monitor.rule.growthFeasible', requiredGrowth: 10.68, requiredPoints: null });
  });

  it('does not judge progress on a measure the series left: 该口径2022年起不再发布', () => {
    expect(at({ ...c1, actuals: earlier, measureReplacedFrom: 2022 })).toMatchObject({
      status: 'no-data',
      rule: 'monitor.rule.measureReplaced',
      params: { from: 2022, year: 2021, value: 27.2, sign: '' },
    });
    // A2 (above 40% by 2022) on the earlier measure: not "awaiting the deadline year's figure", which will never come on it.
    expect(at({ comparator: '>', value: 40, deadline: 2022, asOfYear: 2026, rate: true, actuals: earlier, measureReplacedFrom: 2022 })).toMatchObject({ status: 'no-data', rule: 'monitor.rule.measureReplaced' });
    // What the measure did show still stands: a target met before the measure was left stays met.
    expect(at({ comparator: '>', value: 26, deadline: 2022, asOfYear: 2026, rate: true, actuals: earlier, measureReplacedFrom: 2022 })).toMatchObject({ status: 'met', params: { year: 2021 } });
    // A later actual on the measure (recorded by hand after the switch) is judged as usual.
    expect(at({ ...c1, actuals: [...earlier, { year: 2023, value: 30 }], measureReplacedFrom: 2022 }).rule).toBe('monitor.rule.pointsRiseAbovePace');
  });

  it('judges the points needed against the pace the series kept on its measure when it shows one', () => {
    const actuals = [
      { year: 2019, value: 30 },
      { year: 2020, value: 32 },
      { year: 2021, value: 33.5 },
    ];
    const over = { comparator: '>=' as const, deadline: 2026, asOfYear: 2022, pathFrom: 2021, rate: true, actuals };
    // (40 - 33.5) / 5 = 1.3 points a year against 1.75 a year kept from 2019 to 2021.
    expect(at({ ...over, value: 40 })).toMatchObject({ status: 'on-track', rule: 'monitor.rule.pointsRiseWithinPace', params: { points: 1.3, from: 2019, year: 2021, pace: 1.75 } });
    // 1.9 a year is within the 2-point setting, but faster than this series has ever moved: at risk.
    expect(at({ ...over, value: 43 })).toMatchObject({ status: 'at-risk', rule: 'monitor.rule.pointsRiseAbovePace', requiredPoints: 1.9 });
    // Across a break the earlier pace is another measure's: the setting decides.
    const broken = [...actuals.slice(0, 2), { year: 2021, value: 33.5, breakBefore: true }];
    expect(at({ ...over, value: 43, actuals: broken })).toMatchObject({ status: 'on-track', rule: 'monitor.rule.pointsRiseFeasible' });
  });

  it('follows the points setting, and reads a fall for a lower-is-better rate', () => {
    expect(at({ ...c1, actuals: earlier, thresholds: { ...defaultThresholds, maxRequiredPoints: 4 } })).toMatchObject({ status: 'on-track', rule: 'monitor.rule.pointsRiseFeasible' });
    const fall = { comparator: '<=' as const, value: 5, deadline: 2026, asOfYear: 2023, rate: true, actuals: [{ year: 2022, value: 7 }] };
    expect(at(fall)).toMatchObject({ status: 'on-track', rule: 'monitor.rule.pointsFallFeasible', requiredPoints: -0.5, params: { points: 0.5 } });
    expect(at({ ...fall, actuals: [{ year: 2022, value: 15 }] })).toMatchObject({ status: 'at-risk', rule: 'monitor.rule.pointsFallTooHigh', params: { points: 2.5 } });
  });
});
