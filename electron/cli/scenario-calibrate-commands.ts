// `scenario calibrate`: distributions suggested from the history of each driver's linked series;
// `scenario evaluate`: the forecast-evaluation tables of the starting scenarios, the table
// `scenario backtest --evaluate` prints for one. Registered from scenario-commands.ts.
import type { Command } from 'commander';
import { localName, scenarioName, type ScenarioBacktest, type ScenarioCalibration } from '../../shared/api/scenarios-contract';
import type { Scenario } from '../../shared/engine';
import { formatPercent, formatPlain, formatYi, type Locale } from '../../shared/format/number';
import { translate } from '../../shared/i18n';
import { calibrationDriverName, calibrationLines, evaluationVerdictText, evaluationVintageText } from '../../shared/i18n/calibration-text';
import { boundSign } from '../../shared/series/bound';
import { callApi, cliLocale, printJson, withWorkspace } from './context';

type JsonErrors = (program: Command, opts: { json?: boolean }, work: () => Promise<void>) => Promise<void>;
type PrintTable = (rows: string[][], indent?: string, wordsLast?: boolean) => void;

/** The driver a --driver names: its id, a component's name in either language, or GDP growth by name. */
function driverId(definition: Scenario, name: string, locale: Locale): string {
  if (name === translate(locale, 'scenario.driver.gdp') || name.toLowerCase() === 'gdp') return 'gdp';
  return definition.components.find((c) => c.id === name || c.name === name || c.nameEn === name)?.id ?? name;
}

export function printCalibration(result: ScenarioCalibration, name: string, locale: Locale): void {
  console.log(translate(locale, 'calibrate.cliHead', { name }));
  for (const c of result.drivers) {
    console.log('');
    const [head, ...rest] = calibrationLines(c, result.asOf, locale);
    console.log(`${calibrationDriverName(c, locale)}${locale === 'zh' ? '：' : ': '}${head}`);
    for (const line of rest) console.log(`  ${line}`);
  }
}

/**
 * The forecast-evaluation table per series: by horizon, the projection, the published figure with its
 * bound and measure, the error and the verdict; then MAE and MAPE per horizon over exact figures.
 */
export function printEvaluation(result: ScenarioBacktest, definition: Scenario, asOf: string | null, locale: Locale, printTable: PrintTable): void {
  const evaluation = result.evaluation;
  const measure = (code: string) => localName(result.names.measures.find((m) => m.code === code) ?? { code, nameZh: code, nameEn: '' }, locale);
  const name = scenarioName({ name: result.scenario, nameEn: result.scenarioEn }, locale);
  console.log(translate(locale, 'evaluation.cliHead', { name, baseYear: evaluation.baseYear, vintage: evaluationVintageText(asOf, locale) }));
  for (const s of evaluation.series) {
    const metric = s.metric === 'component' ? (definition.components.find((c) => c.id === s.componentId)?.name ?? '') : translate(locale, `scenario.metric.${s.metric}`);
    const value = (v: number | null) => (s.unit === '%' ? formatPercent(v, locale, 2) : formatYi(v, locale));
    const error = (v: number | null) => (v === null ? '—' : s.unit === '%' ? translate(locale, 'scenario.points', { value: formatPlain(v, locale, 2) }) : formatYi(v, locale));
    console.log('');
    console.log(translate(locale, 'evaluation.seriesHead', { metric, measure: measure(s.measure) }));
    if (s.rows.length === 0) {
      console.log(`  ${translate(locale, 'evaluation.empty')}`);
      continue;
    }
    const head = ['horizon', 'year', 'projected', 'actual', 'measure', 'error', 'percentError', 'verdict'].map((k) => translate(locale, `evaluation.${k}`));
    const rows = s.rows.map((r) => [
      translate(locale, 'evaluation.horizonValue', { h: r.horizon }),
      String(r.year),
      r.projected === null ? '—' : boundSign(r.projectedBound) + value(r.projected),
      boundSign(r.bound) + value(r.actual),
      measure(r.measure),
      error(r.error),
      r.percentError === null ? '—' : `${formatPlain(r.percentError, locale, 2)}%`,
      evaluationVerdictText(r, locale),
    ]);
    printTable([head, ...rows], '  ', true);
    console.log(`  ${translate(locale, 'evaluation.summary')}`);
    const summary = s.horizons.map((h) => [
      translate(locale, 'evaluation.horizonValue', { h: h.horizon }),
      String(h.count),
      h.mae === null ? '—' : s.unit === '%' ? translate(locale, 'scenario.points', { value: formatPlain(h.mae, locale, 2) }) : formatYi(h.mae, locale),
      h.mape === null ? '—' : formatPercent(h.mape, locale, 2),
    ]);
    printTable([['horizon', 'count', 'mae', 'mape'].map((k) => translate(locale, `evaluation.${k}`)), ...summary], '  ');
  }
}

interface Got {
  definition: Scenario;
  versions: Array<{ origin: { kind: string } | null }>;
}

/**
 * `scenario evaluate`: the forecast-evaluation tables of the starting scenarios (those the workbench
 * seeded: their first version's origin), or of the scenarios named, one after another.
 */
function addEvaluateCommand(scenario: Command, program: Command, jsonErrors: JsonErrors, printTable: PrintTable): void {
  scenario
    .command('evaluate [ids...]')
    .description('the forecast-evaluation tables (by horizon; bounds judged; MAE and MAPE over exact figures) of the starting scenarios, or of the scenarios named')
    .option('--vintage <date>', 'the published figures as known on this date (YYYY-MM-DD); default: the latest releases')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'per scenario its id, name and `evaluation` as the service answers it')
    .action((ids: string[], opts: { vintage?: string; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const locale = cliLocale(program);
          const listed = await callApi<Array<{ id: number }>>(service, 'scenarios.list', {});
          const chosen = ids.length > 0 ? ids.map(Number) : listed.map((s) => s.id);
          const scenarios = await Promise.all(chosen.map(async (id) => ({ id, got: await callApi<Got>(service, 'scenarios.get', { id }) })));
          const starting = ids.length > 0 ? scenarios : scenarios.filter((s) => s.got.versions.at(-1)?.origin?.kind === 'seed');
          const results = [];
          for (const s of starting) results.push({ ...s, result: await callApi<ScenarioBacktest>(service, 'scenarios.backtest', { id: s.id, asOf: opts.vintage ?? null }) });
          if (opts.json) {
            printJson(results.map((r) => ({ id: r.id, name: r.result.scenario, nameEn: r.result.scenarioEn, evaluation: r.result.evaluation })));
            return;
          }
          results.forEach((r, i) => {
            if (i > 0) console.log('');
            printEvaluation(r.result, r.got.definition, opts.vintage ?? null, locale, printTable);
          });
        }),
      ),
    );
}

export function addCalibrateCommand(scenario: Command, program: Command, jsonErrors: JsonErrors, printTable: PrintTable): void {
  addEvaluateCommand(scenario, program, jsonErrors, printTable);
  scenario
    .command('calibrate <id>')
    .description("a normal distribution per growth-rate driver from the past yearly growth of its linked series (one measure, one vintage), the years used named")
    .option('--driver <name>', "only this driver: its id, a component's name, or gdp")
    .option('--vintage <date>', 'the figures as known on this date (YYYY-MM-DD); default: the latest releases')
    .option('--workspace <file>', 'workspace file')
    .option('--json', "the service's result as-is")
    .action((id: string, opts: { driver?: string; vintage?: string; workspace?: string; json?: boolean }) =>
      jsonErrors(program, opts, () =>
        withWorkspace(opts.workspace, async (service) => {
          const locale = cliLocale(program);
          const scenarioId = Number(id);
          const got = await callApi<{ definition: Scenario }>(service, 'scenarios.get', { id: scenarioId });
          const driver = opts.driver === undefined ? {} : { driver: driverId(got.definition, opts.driver, locale) };
          const result = await callApi<ScenarioCalibration>(service, 'scenarios.calibrate', { id: scenarioId, ...driver, asOf: opts.vintage ?? null });
          if (opts.json) printJson(result);
          else printCalibration(result, scenarioName(got.definition, locale), locale);
        }),
      ),
    );
}
