import type { Command } from 'commander';
import type { Overview } from '../../shared/api/overview-contract';
import type { Locale } from '../../shared/format/number';
import { overviewSentence } from '../../shared/overview/sentence';
import { callApi, cliLocale, printJson, withWorkspace } from './context';

function printOverview(o: Overview, locale: Locale): void {
  const zh = locale === 'zh';
  const vintage = o.vintage ? (zh ? `，数据截至${o.vintage}` : `, data as known on ${o.vintage}`) : '';
  console.log(zh ? `总览（截至${o.asOfYear}年${vintage}；对照情景：${o.scenario?.name ?? '无'}）` : `Overview (as of ${o.asOfYear}${vintage}; compared scenario: ${o.scenario?.name ?? 'none'})`);
  let plan = '';
  for (const s of o.statements) {
    if (s.plan.code !== plan) {
      plan = s.plan.code;
      console.log('');
      console.log(`${s.plan.code} ${zh || !s.plan.nameEn ? s.plan.nameZh : s.plan.nameEn}`);
    }
    console.log(`  ${s.target.code.padEnd(4)} ${overviewSentence(s, locale)}`);
  }
  if (o.monteCarlo)
    console.log(
      zh
        ? `\n模型实现概率（按情景假设的分布）：蒙特卡洛 ${o.monteCarlo.draws} 次抽样，种子 ${o.monteCarlo.seed}。`
        : `\nModel probabilities (under the scenario's assumed distributions): Monte Carlo, ${o.monteCarlo.draws} draws, seed ${o.monteCarlo.seed}.`,
    );
}

export function addOverviewCommands(program: Command): void {
  program
    .command('overview')
    .description("the headline answer for every plan's quantitative targets, under every measure with figures, with the compared scenario's projection")
    .option('--plan <code>', 'only this plan (A, B, C, …)')
    .option('--vintage <date>', 'the data as known on this date (YYYY-MM-DD)')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action((opts: { plan?: string; vintage?: string; workspace?: string; json?: boolean }) =>
      withWorkspace(opts.workspace, async (service) => {
        const o = await callApi<Overview>(service, 'overview.get', { plan: opts.plan, vintage: opts.vintage });
        if (opts.json) printJson(o);
        else printOverview(o, cliLocale(program));
      }),
    );
}
