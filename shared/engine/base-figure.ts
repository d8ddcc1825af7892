// The figures a scenario starts from, as the workspace records them: 6000 of "超6000亿元" is a lower
// bound, 13224.58 (45.4% × GDP) a derived value. The engine projects from numbers; the workspace says
// what those numbers are (electron/backend/scenarios/store.ts reads them through the series layer),
// and every screen, chart and CLI line shows a base with that bound and status.
import type { Bound } from '../series/bound';
import type { ResolvedScenario } from './schema';

export interface BaseFigure {
  year: number;
  value: number;
  bound: Bound;
  status: 'actual' | 'estimate' | 'derived' | 'illustrative';
  /** Codes of the figure's measure, indicator and region, named by the caller. */
  measure: string;
  indicator: string;
  region: string;
  source: string;
}

/** The digital economy's base (its components' bases together) and GDP's, each null when no figure of the workspace is it. */
export interface ScenarioBases {
  total: BaseFigure | null;
  gdp: BaseFigure | null;
}

export const noBases: ScenarioBases = { total: null, gdp: null };

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** A scenario's base total: its components' bases together. */
export function baseTotal(s: ResolvedScenario): number {
  return s.components.reduce((sum, c) => sum + c.base, 0);
}

/**
 * The bases that still describe `s`: a figure stays its base while the scenario starts in its year from
 * its value. An edit to a base (a split that no longer adds up to 6000) leaves an exact number of the user's.
 */
export function basesOf(s: ResolvedScenario, bases: ScenarioBases): ScenarioBases {
  const holds = (figure: BaseFigure | null, value: number) => (figure && figure.year === s.baseYear && same(figure.value, value) ? figure : null);
  return { total: holds(bases.total, baseTotal(s)), gdp: holds(bases.gdp, s.gdp.base) };
}
