import scenariosSeed from '../../../data/seed/scenarios.json';
import { WorkbenchError } from '../../../shared/api/errors';
import { nameOf, type LatestActualFigure, type NamedCode, type ScenarioBacktest, type ScenarioImportance, type ScenarioSummary, type VersionOrigin } from '../../../shared/api/scenarios-contract';
import {
  backtest,
  baseTotal,
  EngineError,
  evaluateForecasts,
  goalSeek,
  goalSeekJoint,
  importance,
  judgeTargets,
  monteCarlo,
  parseScenario,
  project,
  resolveBases,
  sensitivity,
  summarize,
  type ActualPoint,
  type ProjectionResult,
  type ResolvedScenario,
  type Scenario,
  type BaseFigure,
  type ScenarioBases,
} from '../../../shared/engine';
import { pageStyle, pageWriter, scenarioValues } from '../../../shared/format/scenario-units';
import type { Locale } from '../../../shared/i18n';
import { allIndicators, allRegions } from '../db/access';
import type { Db } from '../db/workspace';
import { annualSeries, EVIDENCE, FIGURE_STATUSES, latestFigure, listMeasures, type Figure } from '../series/figures';
import { listTargets } from '../targets/store';
import { judgedElsewhere, planMeasures, type PlanMeasures } from '../../../shared/monitor/scenario-targets';

interface ScenarioRow {
  id: number;
  name: string;
  name_en: string | null;
  measure: string | null;
  measure_zh: string | null;
  measure_en: string | null;
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

// The English name and the measure are read from the latest version's definition, the measure's names from the catalogue.
const summarySql = `SELECT s.id, s.name, s.description, s.basis, s.created_at, s.updated_at, v.version,
  json_extract(v.definition, '$.nameEn') AS name_en, json_extract(v.definition, '$.measure') AS measure,
  m.name_zh AS measure_zh, m.name_en AS measure_en
  FROM scenarios s
  JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = (SELECT max(version) FROM scenario_versions x WHERE x.scenario_id = s.id)
  LEFT JOIN measures m ON m.code = json_extract(v.definition, '$.measure')
  WHERE s.deleted_at IS NULL`;

function toSummary(row: ScenarioRow): ScenarioSummary {
  // A measure the catalogue does not hold is named by its code: it has no other name.
  const measure = row.measure === null ? null : { code: row.measure, nameZh: row.measure_zh ?? row.measure, nameEn: row.measure_en ?? '' };
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    measure,
    description: row.description,
    basis: row.basis,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
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

// The notes the workbench writes on the versions it saves itself (the same since the first workspace).
const seedNote = 'seed';
const copyNote = (from: number) => `copy of #${from}`;
const restoreNote = (version: number) => `restored version ${version}`;

/** What a note the workbench wrote says, or null for a user's note. */
function originOf(db: Db, note: string): VersionOrigin | null {
  if (note === seedNote) return { kind: 'seed' };
  const copy = /^copy of #(\d+)$/.exec(note);
  if (copy) {
    const from = Number(copy[1]);
    // Named as it is now, even when deleted since.
    const row = db
      .prepare(
        `SELECT s.name, json_extract(v.definition, '$.nameEn') AS nameEn FROM scenarios s
         JOIN scenario_versions v ON v.scenario_id = s.id WHERE s.id = ? ORDER BY v.version DESC LIMIT 1`,
      )
      .get(from) as { name: string; nameEn: string | null } | undefined;
    return { kind: 'copy', scenario: from, name: row?.name ?? null, nameEn: row?.nameEn ?? null };
  }
  const restored = /^restored version (\d+)$/.exec(note);
  return restored ? { kind: 'restore', version: Number(restored[1]) } : null;
}

export function scenarioVersions(db: Db, id: number): Array<{ version: number; savedAt: string; note: string; origin: VersionOrigin | null }> {
  const rows = db.prepare('SELECT version, saved_at AS savedAt, note FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC').all(id) as Array<{
    version: number;
    savedAt: string;
    note: string;
  }>;
  return rows.map((row) => {
    const origin = originOf(db, row.note);
    return { ...row, note: origin ? '' : row.note, origin };
  });
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

/**
 * A copy named "<name>（副本）" with English name "<nameEn> (copy)"; a name given replaces both, since
 * the original's English name would no longer name it.
 */
export function duplicateScenario(db: Db, id: number, name: string | undefined, locale: Locale): ScenarioSummary {
  const { nameEn, ...definition } = scenarioDefinition(db, id);
  const names =
    name !== undefined
      ? { name }
      : { name: `${definition.name}${locale === 'zh' ? '（副本）' : ' (copy)'}`, ...(nameEn === undefined ? {} : { nameEn: `${nameEn} (copy)` }) };
  return saveScenario(db, { definition: { ...definition, ...names }, note: copyNote(id) });
}

export function restoreScenario(db: Db, id: number, version: number): ScenarioSummary {
  const definition = scenarioDefinition(db, id, version);
  return saveScenario(db, { id, definition, note: restoreNote(version) });
}

export function deleteScenario(db: Db, id: number): void {
  scenarioSummary(db, id);
  db.prepare('UPDATE scenarios SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), id);
}

/** The latest annual published figure (status actual) of an indicator in a region, through the series layer, with its bound, measure and source. */
function latestActual(db: Db, indicator: string, region: string) {
  const figure = latestFigure(annualSeries(db, indicator, region, { statuses: ['actual'] }));
  return figure ? { year: figure.year, value: figure.value!, bound: figure.bound, measure: figure.measure, source: figure.source } : undefined;
}

/**
 * The latest annual actual of each indicator and region, as `resolveBases` reads it (null when there
 * is none), with its bound and measure: a base looked up this way is shown as the figure it is (≥6000亿元, 重庆市此前口径).
 */
export function latestActuals(db: Db, refs: Array<{ indicator: string; region: string }>): Array<LatestActualFigure | null> {
  const indicators = new Map(allIndicators(db).map((i) => [i.code, { code: i.code, nameZh: i.name_zh, nameEn: i.name_en }]));
  const regions = new Map(allRegions(db).map((r) => [r.code, { code: r.code, nameZh: r.name_zh, nameEn: r.name_en }]));
  return refs.map((ref) => {
    const latest = latestActual(db, ref.indicator, ref.region);
    // A figure exists only for a catalogued indicator and region, so both names are found.
    return latest ? { ...ref, ...latest, named: { indicator: indicators.get(ref.indicator)!, region: regions.get(ref.region)! } } : null;
  });
}

/** Bases written as {indicator, region} take the latest actual in the workspace. */
export function resolveScenario(db: Db, scenario: Scenario): ResolvedScenario {
  const result = resolveBases(scenario, (indicator, region) => latestActual(db, indicator, region));
  if (!result.ok) throw fromEngineError(result.error);
  return result.scenario;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** The figure as a scenario's base, with its bound and status as the series layer gives them. */
function asBase(f: Figure): BaseFigure {
  return { year: f.year, value: f.value!, bound: f.bound, status: f.status, measure: f.measure, indicator: f.indicator, region: f.region, source: f.source };
}

/**
 * What a scenario's bases are as figures of the workspace, through the series layer: the figure of
 * the base year, on the scenario's measure, whose value the base is. A base is a number in the
 * scenario, so the figure is found by its value among those the scenario names or could be read
 * against: for GDP the indicator its base was taken from (baseSource), else gdp; for the
 * digital economy's total (the components' bases together) every level indicator in 亿元 of the
 * regions the scenario names (its bases and backtest sources). 基准's 6000 is 数字经济增加值 2020 of
 * 重庆, "超6000亿元", a lower bound; 广义口径基准's 13224.58 its derived 2022 figure (45.4% × GDP).
 * A published figure goes before a derived one of the same value. Null where no figure is the base.
 */
export function scenarioBases(db: Db, resolved: ResolvedScenario, asOf: string | null = null): ScenarioBases {
  const year = resolved.baseYear;
  const refs = [resolved.gdp.baseSource, ...resolved.components.map((c) => c.baseSource)].filter((r) => r !== undefined);
  const regions = [...new Set([...refs, ...(resolved.backtest?.sources ?? [])].map((r) => r.region))];
  const rank = (f: Figure) => FIGURE_STATUSES.indexOf(f.status);
  const find = (indicators: readonly string[], value: number, measure: string | null) =>
    indicators
      .flatMap((indicator) => regions.flatMap((region) => annualSeries(db, indicator, region, { statuses: EVIDENCE, measure, asOf })))
      .filter((f) => f.year === year && f.value !== null && same(f.value, value))
      .sort((a, b) => rank(a) - rank(b))[0];
  const gdpIndicator = resolved.gdp.baseSource?.indicator ?? 'gdp';
  const gdp = find([gdpIndicator], resolved.gdp.base, null);
  const levels = allIndicators(db).filter((i) => i.unit === '亿元' && i.code !== gdpIndicator).map((i) => i.code);
  const total = find(levels, baseTotal(resolved), resolved.measure ?? null);
  return { total: total ? asBase(total) : null, gdp: gdp ? asBase(gdp) : null };
}

/** The plan targets' measures as the scenario screens read them (targets.list with the indicators' measures). */
function workspacePlanMeasures(db: Db): PlanMeasures {
  return planMeasures(listTargets(db), allIndicators(db), listMeasures(db));
}

/**
 * A scenario's targets judged on another measure than its own (a plan target such as A1, judged on
 * CAICT's broad measure, carried by a scenario on the city's earlier one): the scenario gives them no
 * verdict, as its screen and the monitor do not.
 */
function targetsJudgedElsewhere(db: Db, definition: Scenario): Array<{ id: string; measure: string }> {
  const plan = workspacePlanMeasures(db);
  const scenarioMeasure = definition.measure ?? null;
  return (definition.targets ?? []).flatMap((t) => {
    const measure = judgedElsewhere(t, scenarioMeasure, plan);
    return measure === null ? [] : [{ id: t.id, measure }];
  });
}

export function runScenario(db: Db, id: number, locale: Locale, mc?: { draws: number; seed: number }) {
  const definition = scenarioDefinition(db, id);
  const resolved = resolveScenario(db, definition);
  const elsewhere = targetsJudgedElsewhere(db, definition);
  const judged = (projection: ProjectionResult) => ({ ...projection, targets: projection.targets.filter((t) => !elsewhere.some((e) => e.id === t.id)) });
  return engine(() => {
    const projection = { ...project(resolved), bases: scenarioBases(db, resolved) };
    const monte = mc ? monteCarlo(resolved, mc) : undefined;
    // The summary gives verdicts only on the targets the scenario may judge, each number in the
    // Scenarios page's one decision per unit (shared/format/scenario-units.ts).
    const write = pageWriter(pageStyle(locale, scenarioValues(projection)));
    const summary = summarize(judged(projection), locale, { write, ...(monte ? { monteCarlo: monte } : {}) });
    // Each target with its bound-aware verdict beside the engine's point-value `met`.
    return { projection: { ...projection, targets: judgeTargets(projection) }, summary, judgedElsewhere: elsewhere, ...(monte ? { monteCarlo: monte } : {}) };
  });
}

export function goalSeekScenario(db: Db, id: number, targets: string[], driver: string, locale: Locale) {
  const definition = scenarioDefinition(db, id);
  const elsewhere = targetsJudgedElsewhere(db, definition).filter((e) => targets.includes(e.id));
  if (elsewhere.length > 0) {
    const measures = listMeasures(db);
    const en = locale === 'en';
    const measure = (code: string) => nameOf(measures, code, locale);
    const label = (id: string) => {
      const t = definition.targets?.find((x) => x.id === id);
      return (en ? t?.labelEn : undefined) || t?.label || id;
    };
    throw new WorkbenchError('scenario.goalJudgedElsewhere', {
      targets: elsewhere.map((e) => (en ? `"${label(e.id)}"` : `“${label(e.id)}”`)).join(en ? ', ' : '、'),
      measure: measure(elsewhere[0]!.measure),
      scenarioMeasure: measure(definition.measure ?? ''),
    });
  }
  const resolved = resolveScenario(db, definition);
  return engine(() => (targets.length === 1 ? goalSeek(resolved, { targetId: targets[0]!, driver }) : goalSeekJoint(resolved, { targetIds: targets, driver })));
}

export function sensitivityScenario(db: Db, id: number, output: 'total' | 'share', year?: number) {
  const resolved = resolveScenario(db, scenarioDefinition(db, id));
  return engine(() => sensitivity(resolved, { output: { metric: output, year: year ?? resolved.horizon } }));
}

export function importanceScenario(
  db: Db,
  id: number,
  input: { output?: 'total' | 'share'; year?: number; targetId?: string; draws: number; seed: number },
): ScenarioImportance {
  const resolved = resolveScenario(db, scenarioDefinition(db, id));
  if (input.year !== undefined && (input.year <= resolved.baseYear || input.year > resolved.horizon)) {
    throw new WorkbenchError('scenario.yearOutside', { year: input.year, from: resolved.baseYear + 1, to: resolved.horizon });
  }
  const output = input.targetId !== undefined ? { targetId: input.targetId } : { metric: input.output ?? 'total', year: input.year ?? resolved.horizon };
  return engine(() => importance(resolved, { draws: input.draws, seed: input.seed, output }));
}

/**
 * The published figures a scenario's `backtest.sources` name, through the series layer: annual
 * actuals only (a derived or illustrative figure is not a publication), as known on `asOf` (the
 * latest releases when absent), each with its bound, its measure's code and the indicator it was
 * read from. The engine sets against the projection only the figures of one indicator on one measure
 * per series, names where they go on under another (the 2020 scenarios' sources chain 数字经济增加值 to
 * 2021 with 数字经济规模 from 2022, on CAICT's broad measure) and treats a bound as one.
 */
export function backtestActuals(db: Db, scenario: Scenario, asOf?: string | null): ActualPoint[] {
  const sources = scenario.backtest?.sources;
  if (!sources) throw new WorkbenchError('scenario.noBacktestSources', { name: scenario.name });
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
          definition: f.measure,
          indicator: src.indicator,
          region: src.region,
          ...(f.source ? { source: f.source } : {}),
        }),
      ),
  );
}

/** The catalogue entries among `rows` whose code is in `codes`, as code and names. */
function named(rows: ReadonlyArray<{ code: string; nameZh: string; nameEn: string }>, codes: ReadonlySet<string>): NamedCode[] {
  return rows.filter((r) => codes.has(r.code)).map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn }));
}

export function backtestScenario(db: Db, id: number, asOf?: string | null): ScenarioBacktest {
  const definition = scenarioDefinition(db, id);
  const resolved = resolveScenario(db, definition);
  const actuals = backtestActuals(db, definition, asOf);
  // A projection from a bounded base is a bound (≥), and the backtest judges it as one.
  const result = engine(() => backtest(resolved, actuals, scenarioBases(db, resolved, asOf ?? null)));
  const points = result.series.flatMap((s) => s.points);
  const breaks = result.series.flatMap((s) => s.breaks);
  const measures = new Set([...points.map((p) => p.definition), ...breaks.flatMap((b) => [b.from, b.to]), ...result.series.map((s) => s.measure), ...(result.measure ? [result.measure] : [])]);
  const indicators = new Set([...points, ...breaks].flatMap((p) => (p.indicator ? [p.indicator] : [])));
  const regions = new Set(points.flatMap((p) => (p.region ? [p.region] : [])));
  return {
    ...result,
    evaluation: evaluateForecasts(result),
    names: {
      measures: named(listMeasures(db), measures),
      indicators: named(allIndicators(db).map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en })), indicators),
      regions: named(allRegions(db).map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en })), regions),
    },
  };
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
    for (const definition of scenariosSeed as unknown[]) if (fresh || isBroad(definition)) saveScenario(db, { definition, note: seedNote });
    const now = new Date().toISOString();
    if (fresh) mark.run(seedKey, now);
    mark.run(broadSeedKey, now);
  })();
}
