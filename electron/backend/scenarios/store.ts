import scenariosSeed from '../../../data/seed/scenarios.json';
import { WorkbenchError } from '../../../shared/api/errors';
import type { ScenarioSummary } from '../../../shared/api/scenarios-contract';
import {
  backtest,
  EngineError,
  goalSeek,
  goalSeekJoint,
  monteCarlo,
  parseScenario,
  project,
  resolveBases,
  sensitivity,
  summarize,
  type ActualPoint,
  type BacktestResult,
  type ResolvedScenario,
  type Scenario,
} from '../../../shared/engine';
import type { Locale } from '../../../shared/i18n';
import type { Db } from '../db/workspace';
import { annualSeries, latestFigure, listMeasures } from '../series/figures';

interface ScenarioRow {
  id: number;
  name: string;
  description: string;
  basis: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Engine errors cross as `engine.<code>` with the engine's own params (path, indicator, …). */
export function fromEngineError(error: unknown): unknown {
  if (error instanceof EngineError) return new WorkbenchError(`engine.${error.code}`, error.params, error.details);
  return error;
}

function engine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw fromEngineError(error);
  }
}

const summarySql = `SELECT s.id, s.name, s.description, s.basis, s.created_at, s.updated_at,
  (SELECT max(version) FROM scenario_versions v WHERE v.scenario_id = s.id) AS version
  FROM scenarios s WHERE s.deleted_at IS NULL`;

function toSummary(row: ScenarioRow): ScenarioSummary {
  return { id: row.id, name: row.name, description: row.description, basis: row.basis, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listScenarios(db: Db): ScenarioSummary[] {
  return (db.prepare(`${summarySql} ORDER BY s.id`).all() as ScenarioRow[]).map(toSummary);
}

export function scenarioSummary(db: Db, id: number): ScenarioSummary {
  const row = db.prepare(`${summarySql} AND s.id = ?`).get(id) as ScenarioRow | undefined;
  if (!row) throw new WorkbenchError('scenario.notFound', { id });
  return toSummary(row);
}

export function scenarioDefinition(db: Db, id: number, version?: number): Scenario {
  scenarioSummary(db, id);
  const row = (version === undefined
    ? db.prepare('SELECT definition FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1').get(id)
    : db.prepare('SELECT definition FROM scenario_versions WHERE scenario_id = ? AND version = ?').get(id, version)) as { definition: string } | undefined;
  if (!row) throw new WorkbenchError('scenario.versionNotFound', { id, version: version ?? null });
  return parseScenario(JSON.parse(row.definition));
}

export function scenarioVersions(db: Db, id: number): Array<{ version: number; savedAt: string; note: string }> {
  return db.prepare('SELECT version, saved_at AS savedAt, note FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC').all(id) as Array<{
    version: number;
    savedAt: string;
    note: string;
  }>;
}

/** Validates with the engine's schema (a located error, nothing saved) and appends a version. */
export function saveScenario(db: Db, input: { id?: number; definition: unknown; note?: string }): ScenarioSummary {
  const scenario = engine(() => parseScenario(input.definition));
  const now = new Date().toISOString();
  const json = JSON.stringify(scenario);
  return db.transaction(() => {
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db.prepare('INSERT INTO scenarios (name, description, basis, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(scenario.name, scenario.description, scenario.basis, now, now)
          .lastInsertRowid,
      );
    } else {
      scenarioSummary(db, id);
      db.prepare('UPDATE scenarios SET name = ?, description = ?, basis = ?, updated_at = ? WHERE id = ?').run(scenario.name, scenario.description, scenario.basis, now, id);
    }
    const next = ((db.prepare('SELECT max(version) AS v FROM scenario_versions WHERE scenario_id = ?').get(id) as { v: number | null }).v ?? 0) + 1;
    db.prepare('INSERT INTO scenario_versions (scenario_id, version, definition, saved_at, note) VALUES (?, ?, ?, ?, ?)').run(id, next, json, now, input.note ?? '');
    return scenarioSummary(db, id);
  })();
}

export function duplicateScenario(db: Db, id: number, name: string | undefined, locale: Locale): ScenarioSummary {
  const definition = scenarioDefinition(db, id);
  const copyName = name ?? `${definition.name}${locale === 'zh' ? '（副本）' : ' (copy)'}`;
  return saveScenario(db, { definition: { ...definition, name: copyName }, note: `copy of #${id}` });
}

export function restoreScenario(db: Db, id: number, version: number): ScenarioSummary {
  const definition = scenarioDefinition(db, id, version);
  return saveScenario(db, { id, definition, note: `restored version ${version}` });
}

export function deleteScenario(db: Db, id: number): void {
  scenarioSummary(db, id);
  db.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), id);
}

/** The latest annual published figure (status actual) of an indicator in a region, through the series layer. */
function latestActual(db: Db, indicator: string, region: string) {
  const figure = latestFigure(annualSeries(db, indicator, region, { statuses: ['actual'] }));
  return figure ? { year: figure.year, value: figure.value!, bound: figure.bound, measure: figure.measure } : undefined;
}

/** The latest annual actual of each indicator and region, as `resolveBases` reads it (null when there is none). */
export function latestActuals(db: Db, refs: Array<{ indicator: string; region: string }>) {
  return refs.map((ref) => {
    const latest = latestActual(db, ref.indicator, ref.region);
    return latest ? { ...ref, ...latest } : null;
  });
}

/** Bases written as {indicator, region} take the latest actual in the workspace. */
export function resolveScenario(db: Db, scenario: Scenario): ResolvedScenario {
  const result = resolveBases(scenario, (indicator, region) => latestActual(db, indicator, region));
  if (!result.ok) throw fromEngineError(result.error);
  return result.scenario;
}

export function runScenario(db: Db, id: number, locale: Locale, mc?: { draws: number; seed: number }) {
  const resolved = resolveScenario(db, scenarioDefinition(db, id));
  return engine(() => {
    const projection = project(resolved);
    const monte = mc ? monteCarlo(resolved, mc) : undefined;
    return { projection, summary: summarize(projection, locale, monte ? { monteCarlo: monte } : {}), ...(monte ? { monteCarlo: monte } : {}) };
  });
}

export function goalSeekScenario(db: Db, id: number, targets: string[], driver: string) {
  const resolved = resolveScenario(db, scenarioDefinition(db, id));
  return engine(() => (targets.length === 1 ? goalSeek(resolved, { targetId: targets[0]!, driver }) : goalSeekJoint(resolved, { targetIds: targets, driver })));
}

export function sensitivityScenario(db: Db, id: number, output: 'total' | 'share', year?: number) {
  const resolved = resolveScenario(db, scenarioDefinition(db, id));
  return engine(() => sensitivity(resolved, { output: { metric: output, year: year ?? resolved.horizon } }));
}

/**
 * The published figures a scenario's `backtest.sources` name, through the series layer: annual
 * actuals only (a derived or illustrative figure is not a publication), as known on `asOf` (the
 * latest releases when absent), each with its bound and named by its measure, so the engine lists
 * the break where the measure changes, scores only like with like and treats a bound as one.
 */
export function backtestActuals(db: Db, scenario: Scenario, asOf?: string | null): ActualPoint[] {
  const sources = scenario.backtest?.sources;
  if (!sources) throw new WorkbenchError('scenario.noBacktestSources', { name: scenario.name });
  const measureName = new Map(listMeasures(db).map((m) => [m.code, m.nameZh]));
  return sources.flatMap((src) =>
    annualSeries(db, src.indicator, src.region, { statuses: ['actual'], asOf })
      .filter((f) => f.value !== null && f.year >= (src.from ?? 0) && f.year <= (src.to ?? 9999))
      .map(
        (f): ActualPoint => ({
          metric: src.metric,
          ...(src.componentId === undefined ? {} : { componentId: src.componentId }),
          year: f.year,
          value: f.value!,
          bound: f.bound,
          definition: measureName.get(f.measure) ?? f.measure,
          source: `${src.indicator}/${src.region}${f.source ? `: ${f.source}` : ''}`,
        }),
      ),
  );
}

export function backtestScenario(db: Db, id: number, asOf?: string | null): BacktestResult {
  const definition = scenarioDefinition(db, id);
  const resolved = resolveScenario(db, definition);
  const actuals = backtestActuals(db, definition, asOf);
  return engine(() => backtest(resolved, actuals));
}

const seedKey = 'seed.scenarios';
/** The broad-measure scenarios from 2022 came later: a workspace seeded before gets them once. */
const broadSeedKey = 'seed.scenarios.broad';
const isBroad = (definition: unknown) => (definition as { measure?: string }).measure === 'caict-broad';

/** The starting scenarios (基准, 加速, 保守 from 2020; the broad-measure ones from 2022), once per workspace. */
export function seedScenarios(db: Db): void {
  const has = (key: string) => db.prepare('SELECT 1 FROM settings WHERE key = ?').get(key) !== undefined;
  const mark = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  if (has(seedKey) && has(broadSeedKey)) return;
  const fresh = !has(seedKey);
  db.transaction(() => {
    for (const definition of scenariosSeed as unknown[]) if (fresh || isBroad(definition)) saveScenario(db, { definition, note: 'seed' });
    const now = new Date().toISOString();
    if (fresh) mark.run(seedKey, now);
    mark.run(broadSeedKey, now);
  })();
}
