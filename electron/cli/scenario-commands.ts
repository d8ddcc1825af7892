import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError, type ErrorParams } from '../../shared/api/errors';
import { localName, nameOf, scenarioName, type ScenarioBacktest, type ScenarioImportance, type ScenarioSummary } from '../../shared/api/scenarios-contract';
import {
  readableGoalParams,
  type GoalSeekResult,
  type JointGoalSeekResult,
  type MonteCarloResult,
  type Persistence,
  noBases,
  probabilityBound,
  requiredBound,
  type JudgedOutcome,
  type ProjectionResult,
  type Scenario,
  type ScenarioBases,
  type ShareFlag,
} from '../../shared/engine';
import { projectionBound } from '../../shared/engine/backtest';
import { formatPercent, formatPlain, formatYi, type Locale } from '../../shared/format/number';
import { baseWriter, pageStyle, scenarioValues, writeValue } from '../../shared/format/scenario-units';
import { translate } from '../../shared/i18n';
import { goalSeekErrorSentence, goalSeekSentence, type GoalNames } from '../../shared/i18n/goal-seek-text';
import { backtestBreakText, baseAmount, baseNote, baseShare, statusMark, verdictText } from '../../shared/i18n/scenario-base-text';
import { scenarioText } from '../../shared/i18n/scenario-text';
import { boundSign } from '../../shared/series/bound';
import { callApi, cliLocale, describeCliError, printJson, withWorkspace } from './context';
import { addCalibrateCommand, printEvaluation } from './scenario-calibrate-commands';

function scenarioId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new Error(`ID: ${value}`);
  return id;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${value} is not a positive whole number`);
  return n;
}

/** A share as printed: a flagged one says what is wrong with it (see ProjectionResult.share.flags), never a number like 246,104%. */
function shareText(value: number, flag: ShareFlag | null | undefined, locale: Locale): string {
  if (flag === 'gdp-not-positive') return locale === 'zh' ? '无定义' : 'undefined';
  if (flag === 'above-100') return '>100%';
  return formatPercent(value, locale);
}

/** Targets by label and drivers by name (GDP growth, the uplift, a component's name), in the CLI's language. */
function goalNames(definition: Scenario, locale: Locale): GoalNames {
  return {
    target: (id) => {
      const x = definition.targets.find((t) => t.id === id);
      return x ? (locale === 'en' && x.labelEn ? x.labelEn : x.label) : id;
    },
    driver: (id) =>
      id === 'gdp' || id === 'uplift' ? translate(locale, `scenario.driver.${id}`) : (definition.components.find((c) => c.id === id)?.name ?? id),
  };
}

/**
 * A driver's name in a definition that may not be valid yet (the file `scenario create` read): GDP
 * growth and the uplift by their names, a component by its own, anything else by what was written.
 */
function driverNameIn(definition: unknown, locale: Locale): (id: string) => string {
  const components = (definition as { components?: unknown } | null)?.components;
  const list = Array.isArray(components) ? (components as Array<{ id?: unknown; name?: unknown }>) : [];
  return (id) => {
    if (id === 'gdp' || id === 'uplift') return translate(locale, `scenario.driver.${id}`);
    const name = list.find((c) => c.id === id)?.name;
    return typeof name === 'string' && name ? name : id;
  };
}

/** A correlation error's params with drivers by name and numbers as written, for its sentence. */
function readableCorrelationParams(params: ErrorParams, name: (id: string) => string, locale: Locale): ErrorParams {
  const out: ErrorParams = { ...params };
  for (const key of ['driver', 'other'] as const) if (typeof params[key] === 'string') out[key] = name(params[key]);
  if (typeof params.drivers === 'string') out.drivers = params.drivers.split(', ').map(name).join(locale === 'zh' ? '、' : ', ');
  return out;
}

/** Columns as a terminal shows them: CJK characters take two cells. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return n;
}

/**
 * A table whose first column is left-aligned and the others right-aligned, each as wide as its widest
 * cell, the last left-aligned when it is words (a reason); a row of one cell is a line of its own.
 */
function printTable(rows: string[][], indent = '', wordsLast = false): void {
  const table = rows.filter((r) => r.length > 1);
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => cells(r[c]!))));
  const last = widths.length - 1;
  const pad = (cell: string, c: number) =>
    c === 0 || (wordsLast && c === last) ? cell + (c === last ? '' : ' '.repeat(widths[c]! - cells(cell))) : ' '.repeat(widths[c]! - cells(cell)) + cell;
  for (const r of rows) console.log(r.length === 1 ? r[0]! : indent + r.map(pad).join('  '));
}

/** A projection as scenarios.run returns it: each target with its bound-aware verdict. */
type RunProjection = ProjectionResult & { targets: JudgedOutcome[] };

/** A target the scenario gives no verdict on, with the measure it is judged on (by name). */
type Elsewhere = ReadonlyMap<string, string>;

/**
 * The projection: its measure, the summary, what its base is when that is a bound or a derived value
 * (said once), then per year the total, GDP and share, the base year's as the figures they are
 * (≥6000亿元, 1.32万亿元（推算值）).
 */
function printProjection(p: RunProjection, summary: string, measureLine: string, elsewhere: Elsewhere, locale: Locale): void {
  const bases = p.bases ?? noBases;
  // Every number in the Scenarios page's one decision per unit (shared/format/scenario-units.ts), as the summary.
  const style = pageStyle(locale, scenarioValues(p));
  console.log(measureLine);
  console.log(summary);
  const note = baseNote(scenarioName({ name: p.scenario.name, nameEn: p.scenario.nameEn }, locale), bases, locale, baseWriter(style));
  if (note) console.log(note);
  console.log('');
  const head = locale === 'zh' ? ['年份', '数字经济', 'GDP', '占比'] : ['year', 'digital economy', 'GDP', 'share'];
  // The base year's figures as the figures they are (≥6000亿元, 1.32万亿元（推算值）), the later years as projections from them.
  const money = (v: number, metric: 'total' | 'gdp', t: number) =>
    `${writeValue(style, v, '亿元', projectionBound(metric, bases))}${t === 0 ? statusMark(bases[metric], locale) : ''}`;
  const share = (t: number) => (p.share.flags?.[t] ? shareText(p.share.values[t]!, p.share.flags[t], locale) : writeValue(style, p.share.values[t]!, '%', projectionBound('share', bases)));
  const row = (year: number, t: number) => [String(year), money(p.total.values[t]!, 'total', t), money(p.gdp.values[t]!, 'gdp', t), share(t)];
  printTable([head, ...p.years.map(row)]);
  console.log('');
  for (const target of p.targets) {
    const label = locale === 'en' && target.labelEn ? target.labelEn : target.label;
    const judgedOn = elsewhere.get(target.id);
    if (judgedOn !== undefined) {
      console.log(`- ${label} (${target.year}): ${translate(locale, 'scenario.otherMeasureVerdict', { measure: judgedOn })}`);
      continue;
    }
    // The verdict reads the projection's bound: from a lower-bound base, a projection below a "≥" target leaves it open.
    const verdict = verdictText(target.verdict, target.kind, bases, locale);
    const first = target.firstYearMet === null ? '' : locale === 'zh' ? `，${target.firstYearMet}年首次达到` : `, first met ${target.firstYearMet}`;
    const growth = `${boundSign(requiredBound(projectionBound(target.kind, bases)))}${formatPlain(target.requiredGrowth, locale)}%`;
    const need = locale === 'zh' ? `需年均增长${growth}` : `needs ${growth} a year`;
    console.log(`- ${label} (${target.year}): ${verdict}${first}; ${need}`);
  }
}

/**
 * The backtest as a table per series, everything by name in the CLI's language; where the figures go
 * on under another measure or from another indicator, a line names them instead of comparing.
 */
function printBacktest(result: ScenarioBacktest, definition: Scenario, bases: ScenarioBases, locale: Locale): void {
  const measure = (code: string) => nameOf(result.names.measures, code, locale);
  const metricName = (s: ScenarioBacktest['series'][number]) =>
    s.metric === 'component' ? (definition.components.find((c) => c.id === s.componentId)?.name ?? '') : translate(locale, `scenario.metric.${s.metric}`);
  const value = (v: number | null, unit: string) => (unit === '%' ? formatPercent(v, locale, 2) : formatYi(v, locale));
  console.log(translate(locale, 'scenario.backtest.head', { name: scenarioName({ name: result.scenario, nameEn: result.scenarioEn }, locale), baseYear: result.baseYear, horizon: result.horizon }));
  for (const s of result.series) {
    console.log('');
    const mape = s.mape === null ? translate(locale, 'scenario.backtest.noMape') : translate(locale, 'scenario.backtest.mapeText', { mape: formatPercent(s.mape, locale, 2), scored: s.scored });
    console.log(translate(locale, 'scenario.backtest.seriesHead', { metric: metricName(s), measure: measure(s.measure), mape }));
    // The base year's projection is the scenario's base: a bound or a derived value as such.
    const projected = (p: ScenarioBacktest['series'][number]['points'][number]) =>
      p.status !== 'base-year' || p.projected === null || s.metric === 'component'
        ? (p.projected === null ? '' : boundSign(p.projectedBound)) + value(p.projected, s.unit)
        : s.metric === 'share'
          ? baseShare(p.projected, bases, locale, 2)
          : baseAmount(p.projected, s.metric === 'total' ? bases.total : bases.gdp, locale);
    const rows = s.points.map((p) => [
      String(p.year),
      boundSign(p.bound) + value(p.actual, s.unit),
      projected(p),
      p.percentError === null ? '—' : `${formatPlain(p.percentError, locale, 2)}%`,
      translate(locale, `scenario.backtest.status.${p.status}`),
    ]);
    if (rows.length) printTable(rows, '  ', true);
    for (const b of s.breaks) console.log(`  ${backtestBreakText(b, s.unit, result, locale)}`);
  }
}

/**
 * Each target's Monte Carlo statistics by its label: the probability with its standard error, then per
 * year the share of draws meeting it that year, having met it by then, and meeting it first then, and
 * the share never meeting it within the horizon. The base year is listed only when the target is
 * met there already (it is the same in every draw). From a bounded base every draw is a bound, and so
 * is each share (≥62%), said once.
 */
function printTargetStatistics(mc: MonteCarloResult, projection: ProjectionResult, elsewhere: Elsewhere, locale: Locale): void {
  const bases = projection.bases ?? noBases;
  const horizon = mc.years[mc.years.length - 1]!;
  const bounds = mc.targets.map((t) => (elsewhere.has(t.id) ? 'exact' : probabilityBound(projection.targets.find((x) => x.id === t.id)?.kind ?? 'total', bases)));
  const bounded = bounds.find((b) => b !== 'exact');
  if (bounded) console.log(translate(locale, `scenario.mc.boundNote.${bounded}`));
  for (const [i, t] of mc.targets.entries()) {
    // Meeting it (in a year, by a year) is bounded as the probability; never meeting it the other way;
    // the year it is first met is earlier for a larger true base, so no bound holds on one year's share.
    const plain = (p: number) => formatPercent(p * 100, locale);
    const pct = (p: number) => `${boundSign(bounds[i]!)}${plain(p)}`;
    const never = (p: number) => `${boundSign(requiredBound(bounds[i]!))}${plain(p)}`;
    console.log('');
    const judgedOn = elsewhere.get(t.id);
    if (judgedOn !== undefined) {
      // No probability for a target judged on another measure: it would be a verdict the monitor contradicts.
      const label = locale === 'en' && t.labelEn ? t.labelEn : t.label;
      console.log(`${label}${locale === 'zh' ? `（${t.year}年）：` : ` (${t.year}): `}${translate(locale, 'scenario.otherMeasureVerdict', { measure: judgedOn })}`);
      continue;
    }
    console.log(
      translate(locale, mc.sampling === 'lhs' ? 'scenario.mc.targetLineLhs' : 'scenario.mc.targetLine', {
        label: locale === 'en' && t.labelEn ? t.labelEn : t.label,
        year: t.year,
        probability: pct(t.probability),
        se: formatPlain(t.standardError * 100, locale, 2),
      }),
    );
    const rows = mc.years.flatMap((year, y) =>
      y === 0 && t.firstYear.counts[0] === 0 ? [] : [[String(year), pct(t.metIn[y]!), pct(t.metBy[y]!), plain(t.firstYear.counts[y]! / mc.draws)]],
    );
    printTable([['year', 'metIn', 'metBy', 'first'].map((c) => translate(locale, `scenario.mc.col.${c}`)), ...rows], '  ');
    console.log(`  ${translate(locale, 'scenario.mc.never', { horizon, share: never(t.firstYear.never / mc.draws) })}`);
  }
}

/**
 * Importance as a table of drivers by name, strongest first: ρ and a bar of |ρ|, then how large a ρ
 * must be to differ from 0 with this many draws.
 */
function printImportance(result: ScenarioImportance, definition: Scenario, locale: Locale): void {
  const names = goalNames(definition, locale);
  const { output } = result;
  const what = output.targetId
    ? translate(locale, 'scenario.importance.target', { label: names.target(output.targetId), year: output.year })
    : translate(locale, output.metric === 'share' ? 'scenario.chart.shareIn' : 'scenario.chart.totalIn', { year: output.year });
  console.log(translate(locale, 'scenario.importance.head', { what, draws: formatPlain(result.draws, locale, 0), seed: result.seed }));
  if (result.drivers.length === 0) {
    console.log(translate(locale, 'scenario.importance.none'));
    return;
  }
  printTable(
    result.drivers.map((d) =>
      d.correlation === null
        ? [names.driver(d.driver), '—', translate(locale, 'scenario.importance.constant')]
        : [names.driver(d.driver), formatPlain(d.correlation, 'en', 2), '█'.repeat(Math.round(Math.abs(d.correlation) * 20))],
    ),
    '  ',
    true,
  );
  console.log(translate(locale, 'scenario.importance.noise', { noise: formatPlain(2 * result.standardError, 'en', 3) }));
}

/**
 * Goal seek's answers that are errors to the engine but not failures of the search: the target is met
 * for every value searched, or does not depend on the driver and is met anyway. Some value meets it,
 * so `scenario goal-seek` exits 0.
 */
function goalMet(code: string, params: ErrorParams): boolean {
  return code === 'engine.goal_always_met' || (code === 'engine.goal_independent' && params.met === 1);
}

/**
 * With --json, a failure is printed as JSON too ({"error": {code, message, params}}) on standard
 * output, exit code 1, so a script reading the output can tell what went wrong.
 */
async function jsonErrors(program: Command, opts: { json?: boolean }, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!opts.json) throw error;
    const locale = cliLocale(program);
    const code = error instanceof WorkbenchError ? error.code : 'cli.failed';
    const params = error instanceof WorkbenchError ? error.params : {};
    const message = code.startsWith('engine.goal_') ? translate(locale, code, readableGoalParams(params, locale)) : describeCliError(error, locale);
    printJson({ error: { code, message, params } });
    process.exitCode = goalMet(code, params) ? 0 : 1;
  }
}

export function addScenarioCommands(program: Command): void {
  const scenario = program.command('scenario').description('scenarios: list, show, run, goal-seek, sensitivity, importance, backtest, evaluate, calibrate, create, export');

  scenario
    .command('list')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const list = await callApi<ScenarioSummary[]>(service, 'scenarios.list', {});
          if (opts.json) printJson(list);
          else {
            const locale = cliLocale(program);
            for (const s of list) {
              const line = translate(locale, 'scenario.list.line', {
                name: scenarioName(s, locale),
                measure: s.measure ? localName(s.measure, locale) : translate(locale, 'scenario.measureUnstated'),
                version: s.version,
                date: s.updatedAt.slice(0, 10),
              });
              console.log(`${String(s.id).padStart(4)}  ${line}`);
            }
          }
        }),
      ),
    );

  scenario
    .command('show <id>')
    .description("a scenario's assumptions, versions and basis")
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((id: string, opts: { workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const s = await callApi<ScenarioSummary & { definition: { descriptionEn?: string; basisEn?: string }; versions: unknown[] }>(service, 'scenarios.get', { id: scenarioId(id) });
          if (opts.json) printJson(s);
          else {
            const locale = cliLocale(program);
            // What its base is, when a bound or a derived value (the JSON below writes it as a plain number).
            const { projection } = await callApi<{ projection: ProjectionResult }>(service, 'scenarios.run', { id: s.id });
            const note = baseNote(scenarioName(s, locale), projection.bases ?? noBases, locale);
            const description = scenarioText(s.description, s.definition.descriptionEn, locale);
            const basis = scenarioText(s.basis, s.definition.basisEn, locale);
            console.log(`${scenarioName(s, locale)} (v${s.version})\n${description}\n${note ? `${note}\n` : ''}\n${basis}\n`);
            console.log(JSON.stringify(s.definition, null, 2));
          }
        }),
      ),
    );

  scenario
    .command('run <id>')
    .description('project the scenario; --mc adds a Monte Carlo run')
    .option('--mc <draws>', 'Monte Carlo draws', positiveInt)
    .option('--seed <seed>', 'Monte Carlo seed', (v) => Number.parseInt(v, 10), 1)
    .option('--workspace <file>', 'workspace file')
    .option('--json', "the engine's result as-is")
    .action((id: string, opts: { mc?: number; seed: number; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const locale = cliLocale(program);
          const result = await callApi<{ projection: RunProjection; summary: string; judgedElsewhere: Array<{ id: string; measure: string }>; monteCarlo?: MonteCarloResult }>(
            service,
            'scenarios.run',
            { id: scenarioId(id), locale, ...(opts.mc ? { monteCarlo: { draws: opts.mc, seed: opts.seed } } : {}) },
          );
          if (opts.json) printJson(result);
          else {
            // The measure (口径) the scenario's figures are on comes first: its verdicts hold on that measure only.
            const { definition } = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: scenarioId(id) });
            const measures = await callApi<Array<{ code: string; nameZh: string; nameEn: string }>>(service, 'catalogue.measures', {});
            const measure = measures.find((m) => m.code === definition.measure);
            const measureLine = measure
              ? translate(locale, 'scenario.measure', { measure: locale === 'en' && measure.nameEn ? measure.nameEn : measure.nameZh })
              : translate(locale, 'scenario.measureNone');
            const measureName = (code: string) => nameOf(measures, code, locale);
            const elsewhere: Elsewhere = new Map(result.judgedElsewhere.map((e) => [e.id, measureName(e.measure)]));
            printProjection(result.projection, result.summary, measureLine, elsewhere, locale);
            const mc = result.monteCarlo;
            if (mc) {
              // Which persistence the draws had (docs/ENGINE.md, "Persistence"), then each target's probability.
              const label = (p: Persistence) =>
                typeof p === 'number' ? translate(locale, 'scenario.persistence.rho', { rho: formatPlain(p, locale, 2) }) : translate(locale, `scenario.persistence.${p}`);
              const own = Object.entries(mc.persistence.drivers).filter(([, p]) => p !== mc.persistence.scenario);
              const driverName = goalNames(definition, locale).driver;
              const drivers = own.map(([driver, p]) => `${driverName(driver)}${locale === 'zh' ? '：' : ': '}${label(p)}`).join(locale === 'zh' ? '；' : '; ');
              console.log(translate(locale, 'scenario.mc.runWith', { draws: formatPlain(mc.draws, locale, 0, true), seed: opts.seed }));
              console.log(translate(locale, 'scenario.mc.persistence', { persistence: label(mc.persistence.scenario) }) + (own.length ? translate(locale, 'scenario.mc.persistenceDrivers', { drivers }) : ''));
              console.log(translate(locale, `scenario.mc.sampling.${mc.sampling}`));
              // How the drivers are linked: the correlation matrix's pairs by name, or the common shock.
              if (mc.correlations) {
                const { drivers: ids, matrix } = mc.correlations;
                const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b, d) => `${driverName(a)}—${driverName(b)} ${formatPlain(matrix[i]![i + 1 + d]!, locale, 2)}`));
                console.log(translate(locale, 'scenario.mc.correlations', { pairs: pairs.join(locale === 'zh' ? '；' : '; ') }));
              } else if (mc.commonShockWeight > 0) {
                console.log(translate(locale, 'scenario.mc.commonShock', { weight: formatPlain(mc.commonShockWeight, locale, 2) }));
              }
            }
            if (mc) printTargetStatistics(mc, result.projection, elsewhere, locale);
          }
        }),
      ),
    );

  scenario
    .command('goal-seek <id>')
    .description('the value of one driver that just meets the target(s); several targets are solved jointly')
    .requiredOption('--target <ids>', 'target id, or several separated by commas')
    .requiredOption('--driver <driver>', "a component id, 'gdp', or 'uplift' (all component growth rates together)")
    .option('--workspace <file>', 'workspace file')
    .option('--json', "the engine's result as-is")
    .action((id: string, opts: { target: string; driver: string; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const locale = cliLocale(program);
          const input = { id: scenarioId(id), targets: opts.target.split(',').map((t) => t.trim()).filter(Boolean), driver: opts.driver };
          let result: GoalSeekResult | JointGoalSeekResult;
          try {
            result = await callApi<GoalSeekResult | JointGoalSeekResult>(service, 'scenarios.goalSeek', input);
          } catch (error) {
            // The engine's reasons (not met anywhere, met everywhere, does not depend on the driver) with names, not ids.
            if (opts.json || !(error instanceof WorkbenchError) || !error.code.startsWith('engine.')) throw error;
            const { definition } = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: input.id });
            const sentence = goalSeekErrorSentence(error.code, error.params, locale, goalNames(definition, locale));
            if (!goalMet(error.code, error.params)) throw new Error(sentence, { cause: error });
            console.log(sentence);
            return;
          }
          if (opts.json) printJson(result);
          else {
            const { definition } = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: input.id });
            const names = goalNames(definition, locale);
            const { projection } = await callApi<{ projection: ProjectionResult }>(service, 'scenarios.run', { id: input.id });
            console.log(goalSeekSentence(result, locale, names, projection.bases, baseWriter(pageStyle(locale, scenarioValues(projection)))));
            console.log(`${names.driver(opts.driver)} = ${formatPlain(result.value, 'en', 4)} ${result.unit}`);
          }
        }),
      ),
    );

  scenario
    .command('sensitivity <id>')
    .description('one-at-a-time low/high of every driver, largest swing first')
    .option('--output <metric>', 'total or share', 'total')
    .option('--year <year>', 'year of the output (default: the horizon)', positiveInt)
    .option('--workspace <file>', 'workspace file')
    .option('--json', "the engine's result as-is")
    .action((id: string, opts: { output: string; year?: number; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const result = await callApi<{ bars: Array<{ driver: string; low: { output: number }; high: { output: number }; swing: number }> }>(service, 'scenarios.sensitivity', {
            id: scenarioId(id),
            output: opts.output,
            ...(opts.year ? { year: opts.year } : {}),
          });
          if (opts.json) printJson(result);
          else {
            // Drivers by name (GDP增速, 统一上调, a component's name), not by id.
            const locale = cliLocale(program);
            const { definition } = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: scenarioId(id) });
            const name = goalNames(definition, locale).driver;
            printTable(
              result.bars.map((bar) => [
                name(bar.driver),
                `${formatPlain(bar.low.output, 'en')} .. ${formatPlain(bar.high.output, 'en')}`,
                translate(locale, 'scenario.sensitivity.swing', { swing: formatPlain(bar.swing, 'en') }),
              ]),
            );
          }
        }),
      ),
    );

  scenario
    .command('importance <id>')
    .description("each uncertain driver's rank correlation (Spearman) with an output over a Monte Carlo run, strongest first")
    .option('--year <year>', 'year of the output (default: the horizon)', positiveInt)
    .option('--output <metric>', 'total (default) or share')
    .option('--target <id>', "a target's quantity in its year, instead of --output and --year")
    .option('--draws <draws>', 'Monte Carlo draws', positiveInt, 10_000)
    .option('--seed <seed>', 'Monte Carlo seed', (v) => Number.parseInt(v, 10), 1)
    .option('--workspace <file>', 'workspace file')
    .option('--json', "the service's result as-is")
    .action((id: string, opts: { year?: number; output?: string; target?: string; draws: number; seed: number; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          if (opts.target && (opts.year || opts.output)) throw new WorkbenchError('scenario.importance.targetOrOutput');
          const input = opts.target
            ? { id: scenarioId(id), targetId: opts.target, draws: opts.draws, seed: opts.seed }
            : { id: scenarioId(id), ...(opts.output ? { output: opts.output } : {}), ...(opts.year ? { year: opts.year } : {}), draws: opts.draws, seed: opts.seed };
          const result = await callApi<ScenarioImportance>(service, 'scenarios.importance', input);
          if (opts.json) printJson(result);
          else {
            const { definition } = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: scenarioId(id) });
            printImportance(result, definition, cliLocale(program));
          }
        }),
      ),
    );

  scenario
    .command('backtest <id>')
    .description("the projection against the published figures named in the scenario's backtest.sources: error per year, MAPE, definition breaks")
    .option('--vintage <date>', 'the published figures as known on this date (YYYY-MM-DD); default: the latest releases')
    .option('--evaluate', 'the forecast-evaluation table instead: by horizon, bounds judged, MAE and MAPE over exact figures (in --json: `evaluation`)')
    .option('--workspace <file>', 'workspace file')
    .option('--json', "the engine's result as-is")
    .action((id: string, opts: { workspace?: string; json?: boolean; vintage?: string; evaluate?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const result = await callApi<ScenarioBacktest>(service, 'scenarios.backtest', { id: scenarioId(id), asOf: opts.vintage ?? null });
          if (opts.json) printJson(result);
          else {
            const { definition } = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: scenarioId(id) });
            if (opts.evaluate) return printEvaluation(result, definition, opts.vintage ?? null, cliLocale(program), printTable);
            const { projection } = await callApi<{ projection: ProjectionResult }>(service, 'scenarios.run', { id: scenarioId(id) });
            printBacktest(result, definition, projection.bases ?? noBases, cliLocale(program));
          }
        }),
      ),
    );

  addCalibrateCommand(scenario, program, jsonErrors, printTable);

  scenario
    .command('create')
    .description("save a new scenario from its JSON form (see README); a bad field is named and nothing is saved")
    .requiredOption('--from <file>', 'scenario JSON file')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { from: string; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          let definition: unknown;
          try {
            definition = JSON.parse(fs.readFileSync(path.resolve(opts.from), 'utf8'));
          } catch (error) {
            throw new WorkbenchError('scenario.fileUnreadable', { file: opts.from, detail: error instanceof Error ? error.message : String(error) });
          }
          let saved: { id: number; name: string; version: number };
          try {
            saved = await callApi<{ id: number; name: string; version: number }>(service, 'scenarios.save', { definition });
          } catch (error) {
            // A correlation matrix's problem names the drivers, not their ids; --json keeps the ids in params.
            if (!(error instanceof WorkbenchError) || !error.code.startsWith('engine.correlation_')) throw error;
            const locale = cliLocale(program);
            const sentence = translate(locale, error.code, readableCorrelationParams(error.params, driverNameIn(definition, locale), locale));
            if (!opts.json) throw new Error(sentence, { cause: error });
            printJson({ error: { code: error.code, message: sentence, params: error.params } });
            process.exitCode = 1;
            return;
          }
          if (opts.json) printJson(saved);
          else console.log(`${saved.id}  ${saved.name}`);
        }),
      ),
    );

  scenario
    .command('export <id>')
    .description("the scenario's JSON form, to standard output or --out")
    .option('--out <file>', 'write to this file')
    .option('--workspace <file>', 'workspace file')
    .action((id: string, opts: { out?: string; workspace?: string }) =>
      withWorkspace(opts.workspace, async (service) => {
        const s = await callApi<{ definition: unknown }>(service, 'scenarios.get', { id: scenarioId(id) });
        const text = `${JSON.stringify(s.definition, null, 2)}\n`;
        if (opts.out) fs.writeFileSync(path.resolve(opts.out), text);
        else process.stdout.write(text);
      }),
    );
}
