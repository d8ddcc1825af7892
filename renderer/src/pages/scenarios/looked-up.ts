// Bases a draft takes from the workspace ({indicator, region}: the latest published figure) as the
// figures they are: 数字经济增加值 2020 of 重庆 is "超6000亿元", a lower bound on the city's earlier
// measure, and a projection from it is a lower bound too, saved or not.
import type { LatestActualFigure } from '../../../../shared/api/scenarios-contract';
import { basesOf, baseTotal, type BaseFigure, type ResolvedScenario, type ScenarioBases } from '../../../../shared/engine';
import type { Bound } from '../../../../shared/series/bound';
import type { Draft } from './assumptions';
import { refKey, type BaseRef, type LatestActuals } from './live-model';

export interface LookedUp {
  /** The sheet row of the base: gdp.base, components[0].base. */
  path: string;
  figure: LatestActualFigure;
}

const isRef = (base: unknown): base is BaseRef =>
  typeof base === 'object' && base !== null && typeof (base as BaseRef).indicator === 'string' && typeof (base as BaseRef).region === 'string';

/** Each base of the draft written {indicator, region} that the workspace has a figure for, with that figure. */
export function lookedUpBases(draft: Draft, latest: LatestActuals): LookedUp[] {
  const bases = [{ path: 'gdp.base', base: draft.gdp?.base }, ...(Array.isArray(draft.components) ? draft.components.map((c, i) => ({ path: `components[${i}].base`, base: c?.base })) : [])];
  return bases.flatMap(({ path, base }) => {
    const figure = isRef(base) ? latest.get(refKey(base)) : null;
    return figure ? [{ path, figure }] : [];
  });
}

function asBase(f: LatestActualFigure, value: number, bound: Bound): BaseFigure {
  return { year: f.year, value, bound, status: 'actual', measure: f.measure, indicator: f.indicator, region: f.region, source: f.source };
}

/**
 * The bound of a sum whose parts are the user's numbers (exact) and looked-up figures: a lower bound
 * plus exact numbers is a lower bound, likewise an upper; an approximate part, or lower and upper
 * parts together, leave it approximate.
 */
function sumBound(bounds: readonly Bound[]): Bound {
  const kinds = new Set(bounds.filter((b) => b !== 'exact'));
  if (kinds.size === 0) return 'exact';
  return kinds.size === 1 && !kinds.has('approx') ? [...kinds][0]! : 'approx';
}

/**
 * What the draft's bases are as figures: the saved scenario's that still hold (basesOf), else those
 * it looks up. The total from looked-up components is a figure only when one of them is bounded (the
 * sign is what the page must show); GDP looked up is its figure.
 */
export function draftBases(resolved: ResolvedScenario, saved: ScenarioBases, looked: readonly LookedUp[]): ScenarioBases {
  const held = basesOf(resolved, saved);
  const gdpRef = looked.find((l) => l.path === 'gdp.base');
  const parts = looked.filter((l) => l.path !== 'gdp.base');
  const bound = sumBound(parts.map((p) => p.figure.bound));
  return {
    gdp: held.gdp ?? (gdpRef ? asBase(gdpRef.figure, gdpRef.figure.value, gdpRef.figure.bound) : null),
    total: held.total ?? (parts.length && bound !== 'exact' ? asBase(parts[0]!.figure, baseTotal(resolved), bound) : null),
  };
}
