// The deterministic projection of the draft being edited, run in the renderer on every change:
// validate with the engine's schema, resolve workspace bases from the looked-up latest actuals,
// project and summarise. Pure and synchronous (well under a millisecond for the seed scenarios).
import {
  EngineError,
  listDrivers,
  parseScenario,
  project,
  resolveBases,
  type DriverInfo,
  type ProjectionResult,
  type ResolvedScenario,
} from '../../../../shared/engine';
import type { LatestActualFigure } from '../../../../shared/api/scenarios-contract';
import { validateDraft, type Draft, type DraftIssue } from './assumptions';

export interface BaseRef {
  indicator: string;
  region: string;
}

/** Latest actuals by `indicator@region`, with bound, measure and names; null when the workspace has none. */
export type LatestActuals = ReadonlyMap<string, LatestActualFigure | null>;

export const refKey = (ref: BaseRef) => `${ref.indicator}@${ref.region}`;

/** The workspace bases ({indicator, region}) a draft refers to. */
export function baseRefs(draft: Draft): BaseRef[] {
  const bases = [draft.gdp?.base, ...(Array.isArray(draft.components) ? draft.components.map((c) => c?.base) : [])];
  const refs = bases.filter((b): b is BaseRef => typeof b === 'object' && b !== null && typeof b.indicator === 'string' && typeof b.region === 'string');
  return [...new Map(refs.map((r) => [refKey(r), { indicator: r.indicator, region: r.region }])).values()];
}

export interface LiveResult {
  issues: DraftIssue[];
  /** A failure after validation (a base not found, a logistic ceiling below a looked-up base), translated by code. */
  failure: { code: string; params: Record<string, string | number | null> } | null;
  resolved: ResolvedScenario | null;
  projection: ProjectionResult | null;
  drivers: DriverInfo[];
  /** Resolved base values by path, and each driver's value by id, for converting growth kinds and distributions. */
  bases: Record<string, number>;
  nominal: Record<string, number>;
  ms: number;
}

/** `latest`: the looked-up actuals (LatestActuals), of which a projection needs only year and value. */
export function liveModel(draft: Draft, latest: ReadonlyMap<string, { year: number; value: number } | null>, now: () => number = () => performance.now()): LiveResult {
  const started = now();
  const empty = { resolved: null, projection: null, drivers: [], bases: {}, nominal: {} };
  const issues = validateDraft(draft);
  if (issues.length) return { issues, failure: null, ...empty, ms: now() - started };
  const scenario = parseScenario(draft);
  const resolved = resolveBases(scenario, (indicator, region) => latest.get(refKey({ indicator, region })) ?? undefined);
  if (!resolved.ok) return { issues, failure: { code: `engine.${resolved.error.code}`, params: resolved.error.params }, ...empty, ms: now() - started };
  const s = resolved.scenario;
  try {
    const projection = project(s);
    const bases: Record<string, number> = { 'gdp.base': s.gdp.base };
    s.components.forEach((c, i) => (bases[`components[${i}].base`] = c.base));
    const drivers = listDrivers(s);
    const nominal = Object.fromEntries(drivers.map((d) => [d.id, d.nominal]));
    return { issues, failure: null, resolved: s, projection, drivers, bases, nominal, ms: now() - started };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { issues, failure: { code: `engine.${error.code}`, params: error.params }, ...empty, ms: now() - started };
  }
}
