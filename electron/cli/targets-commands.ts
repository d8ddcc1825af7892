import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import type { Output } from '../../shared/api/contract';
import type { Locale } from '../../shared/format/number';
import { goalValueText } from '../../shared/monitor/goal';
import { scenarioBasisText } from '../../shared/overview/scenario-basis';
import { ruleParamsText } from '../../shared/monitor/rule-text';
import { formatBounded } from '../../shared/series/bound';
import { translate } from '../../shared/i18n';
import { callApi, cliLocale, printJson, withWorkspace } from './context';

type Monitor = Output<'targets.monitor'>;
type Plans = Output<'plans.list'>;

/**
 * `targets list --json`: one entry per target, each its monitor row (status, rule and latest on the
 * judged measure, `byMeasure` under every measure with figures) with what it was judged against: the
 * as-of year, the vintage, the compared scenario (with its measure) and the thresholds.
 */
function listRecords(m: Monitor) {
  const scenario = m.scenario ? { ...m.scenario, measure: m.scenarioMeasure } : null;
  return m.rows.map((row) => ({ asOfYear: m.asOfYear, vintage: m.vintage, scenario, thresholds: m.settings.thresholds, ...row }));
}

function printMonitor(m: Monitor, plans: Plans, locale: Locale): void {
  const zh = locale === 'zh';
  const vintage = m.vintage ? (zh ? `；数据截至${m.vintage}` : `; data as known on ${m.vintage}`) : '';
  console.log(zh ? `截至${m.asOfYear}年${vintage}；对照情景：${m.scenario?.name ?? '无'}` : `As of ${m.asOfYear}${vintage}; compared scenario: ${m.scenario?.name ?? 'none'}`);
  if (m.settingsNotice) console.log(translate(locale, 'targets.settings.notice', { value: m.settingsNotice.value }));
  if (m.scenarioBasis) console.log(scenarioBasisText(m.scenarioBasis, locale));
  const measureName = (ref: { nameZh: string; nameEn: string }) => (zh ? ref.nameZh : ref.nameEn);
  // As the monitor writes a figure's year: 45.4%（2022年）, 45.4% (2022).
  const yearNote = (year: number) => (zh ? `（${year}年）` : ` (${year})`);
  const planName = (code: string) => {
    const p = plans.find((x) => x.code === code);
    return p ? (zh || !p.nameEn ? p.nameZh : p.nameEn) : code;
  };
  let plan = '';
  for (const r of m.rows) {
    const t = r.target;
    // A plan issued after the chosen date is named once, with when it was issued; its targets are not listed.
    if (r.rule === 'monitor.rule.planNotYetIssued') {
      if (t.plan !== plan) console.log(`${planName(t.plan)}${zh ? '：' : ': '}${translate(locale, r.rule, ruleParamsText(r.ruleParams, t.unit, locale))}`);
      plan = t.plan;
      continue;
    }
    plan = t.plan;
    const title = zh || !t.titleEn ? t.titleZh : t.titleEn;
    const goal = goalValueText(t, locale) ?? (zh ? '定性' : 'qualitative');
    const latest = r.latest ? `${formatBounded(r.latest.value, t.unit, r.latest.bound, locale)}${yearNote(r.latest.year)}` : '—';
    const measure = r.measure ? (zh ? `（${measureName(r.measure)}）` : ` (${measureName(r.measure)})`) : '';
    const status = r.rule === 'monitor.rule.fact' ? translate(locale, 'monitor.fact') : translate(locale, `monitor.status.${r.status}`);
    console.log(`${t.code.padEnd(6)} ${status.padEnd(zh ? 6 : 9)} ${title}${measure}`);
    const deadline = t.deadline ? (zh ? `，${t.deadline}年` : `, by ${t.deadline}`) : '';
    console.log(`       ${goal}${deadline}${zh ? '；最新实际 ' : '; latest '}${latest}`);
    console.log(`       ${translate(locale, r.rule, ruleParamsText(r.ruleParams, t.unit, locale))}`);
    for (const other of r.byMeasure.slice(1)) {
      const value = other.latest ? `${formatBounded(other.latest.value, t.unit, other.latest.bound, locale)}${yearNote(other.latest.year)}` : '—';
      const status = translate(locale, `monitor.status.${other.status}`);
      // A measure no longer published says so rather than leave "no data" to be read as a lag.
      const replaced = other.rule === 'monitor.rule.measureReplaced' ? (zh ? '；' : '; ') + translate(locale, 'targets.byMeasure.measureReplaced', { from: other.ruleParams.from ?? '' }) : '';
      console.log(zh ? `       按${measureName(other.measure)}：${status}，最新 ${value}${replaced}` : `       on the ${measureName(other.measure)}: ${status}, latest ${value}${replaced}`);
    }
    if (r.projectionNote) console.log(`       ${translate(locale, `monitor.projection.${r.projectionNote.reason}`, { measure: r.projectionNote.scenarioMeasure ? measureName(r.projectionNote.scenarioMeasure) : '' })}`);
  }
}

export function addTargetsCommands(program: Command): void {
  const targets = program.command('targets').description("the plans' targets: status, register import and export");

  targets
    .command('list')
    .description("each target's status, latest actual and the rule that decided")
    .option('--plan <code>', 'only this plan (A, B, …)')
    .option('--as-of <year>', 'judge as of this year (default: this year, or the vintage\'s year)')
    .option('--vintage <date>', 'the data as known on this date (YYYY-MM-DD): the releases published by then')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { plan?: string; asOf?: string; vintage?: string; workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        const asOfYear = opts.asOf === undefined ? undefined : Number(opts.asOf);
        const m = await callApi<Monitor>(service, 'targets.monitor', { plan: opts.plan, asOfYear, vintage: opts.vintage });
        if (opts.json) {
          // The notice goes to stderr: stdout stays the records.
          if (m.settingsNotice) console.error(translate(cliLocale(program), 'targets.settings.notice', { value: m.settingsNotice.value }));
          printJson(listRecords(m));
        } else printMonitor(m, await callApi<Plans>(service, 'plans.list', {}), cliLocale(program));
      }),
    );

  targets
    .command('export <file>')
    .description('the register (targets, recorded actuals, tasks) as an XLSX workbook')
    .option('--force', 'replace an existing file')
    .option('--workspace <file>', 'workspace file')
    .action((file: string, opts: { force?: boolean; workspace?: string }) =>
      withWorkspace(opts.workspace, async (service) => {
        if (fs.existsSync(file) && !opts.force) throw new WorkbenchError('workspace.exists', { path: file });
        const got = await callApi<{ base64: string }>(service, 'register.export', {});
        fs.writeFileSync(file, Buffer.from(got.base64, 'base64'));
        console.log(path.resolve(file));
      }),
    );

  targets
    .command('import <file>')
    .description('read a register workbook (as exported): all or nothing, problems located by sheet, row and column')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable summary')
    .action((file: string, opts: { workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        if (!fs.existsSync(file)) throw new WorkbenchError('file.not-found', { path: file });
        const base64 = fs.readFileSync(file).toString('base64');
        const summary = await callApi<{ targets: number; actuals: number; tasks: number }>(service, 'register.import', { fileName: path.basename(file), base64 });
        if (opts.json) printJson(summary);
        else {
          const zh = cliLocale(program) === 'zh';
          console.log(zh ? `已导入：目标 ${summary.targets} 项，进展 ${summary.actuals} 条，任务 ${summary.tasks} 项` : `Imported ${summary.targets} targets, ${summary.actuals} actuals, ${summary.tasks} tasks`);
        }
      }),
    );
}
