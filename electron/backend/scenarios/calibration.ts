// Calibration from history: per driver of a saved scenario, a normal distribution from the past yearly
// growth of the series it is linked to, read through the series layer (annualSeries, breakYears,
// growthOf: each growth within one read of the data, one vintage, and on one measure). The engine's
// calibrateFromGrowth keeps the run after the last break and leaves bounds and revised releases out.
import { WorkbenchError } from '../../../shared/api/errors';
import type { DriverCalibration, NamedCode, ScenarioCalibration } from '../../../shared/api/scenarios-contract';
import { calibrateFromGrowth, listDrivers, type GrowthEntry, type Scenario } from '../../../shared/engine';
import { changeUnitOf } from '../../../shared/series/change';
import { allIndicators, allRegions } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, breakYears, growthOf, listMeasures } from '../series/figures';
import { resolveScenario, scenarioDefinition } from './store';

interface Link {
  indicator: string;
  region: string;
  via: 'base' | 'backtest';
}

const isRef = (base: unknown): base is { indicator: string; region: string } => typeof base === 'object' && base !== null;

/**
 * The series a driver is linked to: its base's indicator and region (written as a reference, or the
 * source a resolved base records), else the scenario's backtest source for the same series.
 */
function linkOf(scenario: Scenario, driver: string): Link | null {
  const own = driver === 'gdp' ? scenario.gdp : scenario.components.find((c) => c.id === driver);
  if (!own) return null;
  const ref = isRef(own.base) ? own.base : own.baseSource;
  if (ref) return { indicator: ref.indicator, region: ref.region, via: 'base' };
  const source = scenario.backtest?.sources.find((s) => (driver === 'gdp' ? s.metric === 'gdp' : s.metric === 'component' && s.componentId === driver));
  return source ? { indicator: source.indicator, region: source.region, via: 'backtest' } : null;
}

export function calibrateScenario(db: Db, id: number, input: { driver?: string; asOf: string | null }): ScenarioCalibration {
  const scenario = scenarioDefinition(db, id);
  const drivers = listDrivers(resolveScenario(db, scenario)).filter((d) => d.param !== 'uplift');
  if (input.driver !== undefined && !drivers.some((d) => d.id === input.driver)) {
    throw new WorkbenchError('engine.unknown_driver', { driver: input.driver });
  }
  const measures = listMeasures(db);
  const indicators = allIndicators(db);
  const regions = allRegions(db);
  const measureNamed = (code: string): NamedCode => {
    const m = measures.find((x) => x.code === code);
    return { code, nameZh: m?.nameZh ?? code, nameEn: m?.nameEn ?? '' };
  };
  const named = (rows: ReadonlyArray<{ code: string; name_zh: string; name_en: string }>, code: string): NamedCode => {
    const row = rows.find((r) => r.code === code);
    return { code, nameZh: row?.name_zh ?? code, nameEn: row?.name_en ?? '' };
  };
  const calibrate = (driver: (typeof drivers)[number]): DriverCalibration => {
    const component = scenario.components.find((c) => c.id === driver.id);
    const link = linkOf(scenario, driver.id);
    const empty = {
      driver: driver.id,
      label: component?.name ?? '',
      labelEn: component?.nameEn ?? null,
      link: link && { indicator: named(indicators, link.indicator), region: named(regions, link.region), via: link.via },
      measure: null,
      used: [],
      excluded: [],
      breakYear: null,
      measureBefore: null,
      mean: null,
      sd: null,
      suggestion: null,
    };
    if (driver.param !== 'rate') return { ...empty, status: 'not-growth-rate' };
    if (!link) return { ...empty, status: 'no-link' };
    const figures = annualSeries(db, link.indicator, link.region, { statuses: ['actual'], asOf: input.asOf }).filter((f) => f.value !== null);
    const latest = figures.at(-1);
    if (!latest) return { ...empty, status: 'too-few' };
    if (changeUnitOf(latest.unit) === 'pp') return { ...empty, measure: measureNamed(latest.measure), status: 'not-level' };
    const breaks = breakYears(db, link.indicator, link.region, figures);
    const entries = figures.map((f): GrowthEntry => {
      const growth = growthOf(figures, f.year, breaks);
      return growth.value === null ? { year: f.year, value: null, reason: growth.reason } : { year: f.year, value: growth.value, approx: growth.bound === 'approx' };
    });
    const result = calibrateFromGrowth(entries);
    const before = result.breakYear === null ? undefined : figures.findLast((f) => f.year < result.breakYear!);
    return {
      ...empty,
      status: result.reason ?? 'suggested',
      measure: measureNamed(latest.measure),
      used: result.used,
      excluded: result.excluded,
      breakYear: result.breakYear,
      measureBefore: before && before.measure !== latest.measure ? measureNamed(before.measure) : null,
      mean: result.mean,
      sd: result.sd,
      suggestion: result.suggestion,
    };
  };
  return { asOf: input.asOf, drivers: drivers.filter((d) => input.driver === undefined || d.id === input.driver).map(calibrate) };
}
