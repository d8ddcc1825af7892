// Start-up figures for `npm run bench startup` (issue #16): wall time of real `workbench` processes,
// as users run them, against `node -e 0` measured in the same run. Medians of several runs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../helpers/cli';
import { median, type BenchFigure } from './figure';

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

export async function benchStartup(): Promise<BenchFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-bench-startup-'));
  const env = { ...process.env, WORKBENCH_DATA_DIR: dataDir };
  try {
    // The first call creates and seeds the workspace, and rebuilds a stale bundle: not measured.
    wall([cliPath, 'info'], env);
    const times = (args: string[]) => median(Array.from({ length: RUNS }, () => wall(args, env)));
    const node = times(['-e', '0']);
    const version = times([cliPath, '--version']);
    const info = times([cliPath, 'info']);
    const serves: number[] = [];
    for (let i = 0; i < 3; i++) serves.push(await untilUrl(env));
    const out = join(dataDir, 'chart.png');
    const png = median(Array.from({ length: 3 }, () => wall([cliPath, 'export', 'chart', '1', '--format', 'png', '--out', out, '--force'], env)));
    return [
      figure('startup: workbench --version (median of 7)', version, node, 4),
      figure('startup: workbench info, seeded workspace', info, node, 8),
      figure('startup: workbench serve until its URL', median(serves), node, 15),
      figure('startup: export chart 1 --format png, cold', png, node, 15),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
