// Bases written as {indicator, region} take the latest actual from the workspace. The lookup is passed
// in, so this stays pure; the backend supplies one over SQLite, tests a map.
import { EngineError } from './errors';
import { compile } from './model';
import type { BaseRef, ResolvedScenario, Scenario } from './schema';

export type LatestActual = (indicator: string, region: string) => { year: number; value: number } | undefined;

export type ResolveResult = { ok: true; scenario: ResolvedScenario } | { ok: false; error: EngineError };

/**
 * Replace every workspace base with its value (recording where it came from in `baseSource`), then
 * check what depends on the values (a logistic ceiling above its base). The latest actual must be for
 * the scenario's base year: a later one would silently start the projection from the wrong year.
 */
export function resolveBases(scenario: Scenario, latestActual: LatestActual): ResolveResult {
  try {
    const resolveOne = (base: number | BaseRef, path: string) => {
      if (typeof base === 'number') return { base };
      const found = latestActual(base.indicator, base.region);
      if (!found) throw new EngineError('base_not_found', { path, indicator: base.indicator, region: base.region });
      if (found.year !== scenario.baseYear) {
        throw new EngineError('base_year_mismatch', {
          path,
          indicator: base.indicator,
          region: base.region,
          year: found.year,
          baseYear: scenario.baseYear,
        });
      }
      if (!(found.value > 0) || !Number.isFinite(found.value)) throw new EngineError('base_not_positive', { path, value: found.value });
      return { base: found.value, baseSource: { indicator: base.indicator, region: base.region, year: found.year } };
    };
    const resolved: ResolvedScenario = {
      ...scenario,
      gdp: { ...scenario.gdp, ...resolveOne(scenario.gdp.base, 'gdp.base') },
      components: scenario.components.map((c, i) => ({ ...c, ...resolveOne(c.base, `components[${i}].base`) })),
    };
    compile(resolved);
    return { ok: true, scenario: resolved };
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, error };
    throw error;
  }
}
