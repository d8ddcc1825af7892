import { Command, Option } from 'commander';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { translate, type Locale } from '../../shared/i18n';
import type { WorkbenchService } from '../backend/service';
import { chooseLanguage, cliLocale, describeCliError, hostEnv as env } from './context';
import { findElectronRuntime, tryFetchElectronRuntime } from './electron-runtime';
import { openInBrowser } from './open-browser';

// Each command loads only what it uses: the service, the host and each group of commands are imported
// when a command needs them, so `--version` reads no workspace code and `info` no export code.
const service = () => import('../backend/service').then((m) => m.WorkbenchService);
const workspaceTools = () => import('../backend/db/workspace');

type AddCommands = (program: Command) => void;
const groups: Record<string, () => Promise<AddCommands>> = {
  imports: () => import('./import-commands').then((m) => m.addImportCommands),
  scenario: () => import('./scenario-commands').then((m) => m.addScenarioCommands),
  charts: () => import('./chart-commands').then((m) => m.addChartCommands),
  overview: () => import('./overview-commands').then((m) => m.addOverviewCommands),
  targets: () => import('./targets-commands').then((m) => m.addTargetsCommands),
  regions: () => import('./regions-commands').then((m) => m.addRegionsCommands),
};
/** The group declaring each top-level command; the workbench's own commands are declared below. */
const groupOf: Record<string, keyof typeof groups> = {
  import: 'imports',
  imports: 'imports',
  observations: 'imports',
  catalogue: 'imports',
  scenario: 'scenario',
  charts: 'charts',
  briefings: 'charts',
  export: 'charts',
  overview: 'overview',
  targets: 'targets',
  regions: 'regions',
};
const ownCommands = new Set(['start', 'serve', 'init', 'info', 'check', 'backup']);

/** The command word of an argument list (after the global `--lang`), or null. */
export function commandWord(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    if (a === '--lang') i += 1;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

/** The command groups a call needs: its own, none for the workbench's own commands, all for help or an unknown word. */
async function commandGroups(args: readonly string[]): Promise<AddCommands[]> {
  const word = commandWord(args);
  if (word !== null && ownCommands.has(word)) return [];
  const group = word === null ? undefined : groupOf[word];
  return Promise.all(group ? [groups[group]!()] : Object.values(groups).map((load) => load()));
}

/** The app's folder: the nearest above this module holding package.json (from the sources or from dist-cli/). */
function appRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('package.json not found above the workbench command');
  }
}

const repoRoot = appRoot();
const staticDir = path.join(repoRoot, 'dist', 'renderer');

const messages = {
  zh: {
    noRenderer: '界面尚未构建（缺少 {dir}）：请先运行 npm run build。',
    fallback: '未找到 Electron 运行时，改用浏览器模式启动；联网时运行 npx install-electron 即可安装运行时。',
    checkOk: '工作区完好：{path}',
    checkBad: '工作区有问题：{path}',
    backupDone: '已备份到 {path}',
    error: '错误：',
  },
  en: {
    noRenderer: 'The UI is not built ({dir} is missing): run npm run build first.',
    fallback: 'No Electron runtime found: starting in browser mode. Where there is network, npx install-electron installs the runtime.',
    checkOk: 'Workspace is sound: {path}',
    checkBad: 'Workspace has problems: {path}',
    backupDone: 'Backed up to {path}',
    error: 'Error: ',
  },
} as const;

function say(locale: Locale, key: keyof (typeof messages)['zh'], params: Record<string, string> = {}): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** Serves browser mode until SIGINT/SIGTERM; prints exactly one line with the URL. */
async function serve(service: WorkbenchService, port: number, open: boolean, locale: Locale): Promise<void> {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error(say(locale, 'noRenderer', { dir: staticDir }));
  const { startHost } = await import('../host/http');
  const host = await startHost({ service, staticDir, port });
  console.log(`Workbench running at ${host.url}`);
  if (open) openInBrowser(host.url, path.join(service.env.dataDir, 'browser-profile'));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  service.close();
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${value}`);
  return port;
}

export async function buildProgram(args: readonly string[] = process.argv.slice(2)): Promise<Command> {
  const program = new Command('workbench')
    .description('数字经济情景工作台 Digital Economy Scenario Workbench')
    .version(pkg.version)
    .addOption(new Option('--lang <lang>', 'message language').choices(['zh', 'en']))
    .showHelpAfterError()
    .hook('preAction', (root) => chooseLanguage(root));

  program
    .command('start')
    .description('open the workbench: Electron when its runtime is installed, else browser mode')
    .option('--workspace <file>', 'workspace file (created when missing)')
    .option('--browser', 'use browser mode even when Electron is installed')
    .option('--no-open', 'do not open a browser window (browser mode)')
    .option('--port <n>', 'port for browser mode (0 = any free port)', parsePort, 0)
    .action(async (opts: { workspace?: string; browser?: boolean; open: boolean; port: number }) => {
      const locale = cliLocale(program);
      let electron = opts.browser ? undefined : findElectronRuntime();
      if (!opts.browser && !electron && !process.env.WORKBENCH_NO_ELECTRON_FETCH) electron = tryFetchElectronRuntime(15_000);
      if (electron) {
        const args = [repoRoot, ...(opts.workspace ? ['--workspace', path.resolve(opts.workspace)] : [])];
        const child = spawn(electron, args, { stdio: 'inherit' });
        await new Promise<void>((resolve) => child.on('close', (code) => {
          process.exitCode = code ?? 1;
          resolve();
        }));
        return;
      }
      console.log(say(locale, 'fallback'));
      await serve((await service()).open(env('browser'), opts.workspace), opts.port, opts.open, locale);
    });

  program
    .command('serve')
    .description('run browser mode: the UI and API on 127.0.0.1 with a per-launch token')
    .option('--workspace <file>', 'workspace file (created when missing)')
    .option('--port <n>', 'port (0 = any free port)', parsePort, 0)
    .option('--no-open', 'do not open a browser window')
    .action(async (opts: { workspace?: string; port: number; open: boolean }) => {
      await serve((await service()).open(env('browser'), opts.workspace), opts.port, opts.open, cliLocale(program));
    });

  program
    .command('init <file>')
    .description('create a new workspace file with the starting content (published figures, plans, scenarios, charts); exit 1 and touch nothing when the file exists')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const locale = cliLocale(program);
      // The workspace is made in the CLI's language: its starter charts are written in it.
      const created = (await service()).open(env('cli'), file, { create: true, mustNotExist: true, remember: false, language: locale });
      try {
        const { path: written, schemaVersion } = created.workspace;
        if (opts.json) console.log(JSON.stringify({ workspace: written, schemaVersion }, null, 2));
        else console.log(translate(locale, 'cli.initDone', { path: written, version: schemaVersion }));
      } finally {
        created.close();
      }
    });

  program
    .command('info')
    .description('workspace path, schema version, SQLite version and row counts per table')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      const { tableCounts } = await workspaceTools();
      const opened = (await service()).open(env('cli'), opts.workspace, { remember: false, create: false });
      try {
        const { path: file, schemaVersion, sqliteVersion } = opened.workspace;
        const tables = tableCounts(opened.db);
        if (opts.json) {
          console.log(JSON.stringify({ workspace: file, schemaVersion, sqliteVersion, appVersion: pkg.version, tables }, null, 2));
        } else {
          console.log(`workspace       ${file}`);
          console.log(`schema version  ${schemaVersion}`);
          console.log(`SQLite version  ${sqliteVersion}`);
          for (const t of tables) console.log(`  ${t.table.padEnd(20)} ${`${t.approximate ? '≈' : ''}${t.rows}`.padStart(11)}`);
        }
      } finally {
        opened.close();
      }
    });

  program
    .command('check')
    .description('PRAGMA integrity_check and foreign key check; exit 0 when sound')
    .option('--workspace <file>', 'workspace file')
    .option('--json', 'machine-readable output')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      const locale = cliLocale(program);
      const { checkWorkspace } = await workspaceTools();
      const opened = (await service()).open(env('cli'), opts.workspace, { remember: false, create: false });
      try {
        const result = checkWorkspace(opened.db);
        if (opts.json) console.log(JSON.stringify({ workspace: opened.workspace.path, ...result }, null, 2));
        else {
          console.log(say(locale, result.ok ? 'checkOk' : 'checkBad', { path: opened.workspace.path }));
          if (!result.ok) {
            for (const line of result.integrity) console.log(`  integrity: ${line}`);
            for (const v of result.foreignKeyViolations) console.log(`  foreign key: ${v.table} rowid ${v.rowid} -> ${v.parent}`);
          }
        }
        if (!result.ok) process.exitCode = 1;
      } finally {
        opened.close();
      }
    });

  program
    .command('backup')
    .description("write a consistent copy of the workspace with SQLite's backup API")
    .requiredOption('--out <file>', 'the copy to write (must not exist)')
    .option('--workspace <file>', 'workspace file')
    .action(async (opts: { out: string; workspace?: string }) => {
      const locale = cliLocale(program);
      const { backupWorkspace } = await workspaceTools();
      const opened = (await service()).open(env('cli'), opts.workspace, { remember: false, create: false });
      try {
        const written = await backupWorkspace(opened.db, opts.out, (percent) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${percent}%`);
        });
        if (process.stderr.isTTY) process.stderr.write('\r');
        console.log(say(locale, 'backupDone', { path: written }));
      } finally {
        opened.close();
      }
    });

  for (const add of await commandGroups(args)) add(program);
  return program;
}

async function main(): Promise<void> {
  // `workbench observations | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = await buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    const locale = cliLocale(program);
    console.error(`${say(locale, 'error')}${describeCliError(error, locale)}`);
    process.exitCode = 1;
  }
}

await main();
