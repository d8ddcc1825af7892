// Start-up figures for `npm run bench startup` (issue #16): wall time of real `workbench` processes,
// as users run them, against `node -e 0` measured in the same run, medians of several runs. Also
// `info` on a 1M-row workspace against the seeded one, a briefing pack exported by a new process
// against the same pack exported warm in one process, and, for information, how long Chromium takes
// from navigation to the first screen served by the built host.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { openWorkspace } from '../../electron/backend/db/workspace';
import { commitImport } from '../../electron/backend/import/commit';
import { WorkbenchService } from '../../electron/backend/service';
import type { ExportedFile, JobStatus } from '../../shared/api/jobs-contract';
import { checkBuiltBundles, launchChromium, startBuiltHost } from '../e2e/browser';
import { cliPath } from '../helpers/cli';
import { median, type BenchFigure } from './figure';
import { writeCsv } from './import';

const RUNS = 7;

function wall(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

/** Milliseconds from spawning `workbench serve --port 0` until it prints its URL line. */
function untilUrl(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--no-open'], { env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        const ms = performance.now() - start;
        child.kill('SIGTERM');
        resolve(ms);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL: ${out}`)));
  });
}

const figure = (name: string, value: number, baseline: number, target: number): BenchFigure => {
  const ratio = value / baseline;
  return { name, value: Math.round(value), unit: 'ms', baseline: Math.round(baseline), ratio, target, ok: ratio <= target };
};

const information = (name: string, value: number): BenchFigure => ({ name, value: Math.round(value), unit: 'ms', baseline: null, ratio: null, target: null, ok: null });

/** A seeded workspace (`workbench init`) with the import bench's 1M-row CSV imported into it. */
async function millionRowWorkspace(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const file = join(dir, 'million.sqlite');
  wall([cliPath, 'init', file], env);
  const csv = join(dir, 'million.csv');
  await writeCsv(csv, 200);
  const ws = openWorkspace(file);
  try {
    const summary = await commitImport(ws.db, csv, { onConflict: 'fail' });
    if (summary.status !== 'committed') throw new Error(`bench import ${summary.status}`);
  } finally {
    ws.db.close();
    rmSync(csv, { force: true });
  }
  return file;
}

/** One pack through the service as the app exports it (job, zip, files written), in milliseconds. */
async function packInProcess(service: WorkbenchService, out: string): Promise<number> {
  const start = performance.now();
  let status: JobStatus = await service.run('export.briefing', { id: 1 });
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await service.run('jobs.get', { id: status.id });
  }
  if (status.state !== 'done') throw new Error(`bench pack ${status.state}: ${JSON.stringify(status.error)}`);
  const file: ExportedFile = await service.run('jobs.file', { id: status.id });
  const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
  for (const entry of Object.values(zip.files).filter((e) => !e.dir)) {
    const target = join(out, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return performance.now() - start;
}

/**
 * Milliseconds from navigation start until `selector` is in the page, in a fresh browser context (no
 * cache) against the built host. A mutation observer notes the moment, so polling adds nothing.
 */
async function firstScreen(dataDir: string, workspace: string, hash: string, selector: string): Promise<number> {
  const host = await startBuiltHost(dataDir, workspace);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
      const page = await context.newPage();
      // A string: tsx would wrap the observer's callback in a naming helper the page does not have.
      await page.addInitScript(`(() => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(${JSON.stringify(selector)})) return;
          window.shownAt = performance.now();
          observer.disconnect();
        });
        // Classes too: a grid row can be inserted first and take its class after.
        observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
      })()`);
      await page.goto(`${host.url}${hash}`);
      await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined, undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => (window as unknown as { shownAt: number }).shownAt));
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
    await host.close();
  }
}

export async function benchStartup(): Promise<BenchFigure[]> {
  // The figures are of the built bundles: refuse stale ones rather than time a rebuild.
  checkBuiltBundles();
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-startup-'));
  // The font cache is the bench's own: its first export fills it, as a user's first export does.
  const env = { ...process.env, WORKBENCH_DATA_DIR: dataDir, WORKBENCH_FONT_CACHE: join(dataDir, 'font-cache') };
  try {
    // The first call creates and seeds the default workspace: not measured.
    wall([cliPath, 'info'], env);
    const seeded = join(dataDir, 'workspaces', 'default.sqlite');
    const times = (args: string[], runs = RUNS) => median(Array.from({ length: runs }, () => wall(args, env)));
    const node = times(['-e', '0']);
    const version = times([cliPath, '--version']);
    const info = times([cliPath, 'info']);
    const serves: number[] = [];
    for (let i = 0; i < 3; i++) serves.push(await untilUrl(env));

    const png = join(dataDir, 'chart.png');
    const pngArgs = [cliPath, 'export', 'chart', '1', '--format', 'png', '--out', png, '--force'];
    const firstPng = wall(pngArgs, env);
    const pngCold = times(pngArgs, 3);

    const packDir = join(dataDir, 'pack');
    const packArgs = [cliPath, 'export', 'briefing', '1', '--out', packDir, '--force'];
    const firstPack = wall(packArgs, env);
    const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'bench' }, seeded, { remember: false });
    const packCold: number[] = [];
    const packWarm: number[] = [];
    try {
      // The first pack in the process loads the export stack: not measured.
      await packInProcess(service, join(dataDir, 'warm-0'));
      // Interleaved, so that the machine's load drifts alike over both.
      for (let run = 1; run <= 3; run++) {
        packCold.push(wall(packArgs, env));
        packWarm.push(await packInProcess(service, join(dataDir, `warm-${run}`)));
      }
    } finally {
      service.close();
    }

    const million = await millionRowWorkspace(dataDir, env);
    // Interleaved, so that the machine's load drifts alike over both.
    const infoSeeded: number[] = [];
    const infoMillion: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      infoSeeded.push(wall([cliPath, 'info', '--workspace', seeded], env));
      infoMillion.push(wall([cliPath, 'info', '--workspace', million], env));
    }

    const overview = await firstScreen(dataDir, seeded, '', '.overview-statement[data-code="A1"]');
    const grid = await firstScreen(dataDir, seeded, '#/data', '[data-testid=observations-grid] .ag-row');
    const gridMillion = await firstScreen(dataDir, million, '#/data', '[data-testid=observations-grid] .ag-row');

    return [
      figure('startup: workbench --version (median of 7)', version, node, 4),
      figure('startup: workbench info, seeded workspace', info, node, 8),
      figure('startup: workbench serve until its URL', median(serves), node, 15),
      figure('startup: export chart 1 --format png, cold', pngCold, node, 15),
      information('startup: export chart png, empty font cache', firstPng),
      figure('startup: export briefing 1, cold process', median(packCold), median(packWarm), 1.5),
      information('startup: briefing 1, charts not yet in font cache', firstPack),
      figure('startup: workbench info, 1M-row workspace', median(infoMillion), median(infoSeeded), 1.2),
      information('startup: Chromium, to overview statements', overview),
      information('startup: Chromium, to data grid rows', grid),
      information('startup: Chromium, to data grid rows, 1M rows', gridMillion),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
