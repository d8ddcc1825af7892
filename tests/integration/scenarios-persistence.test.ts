// Persistence of Monte Carlo draws (issue #14): a workspace saved before it existed keeps its Monte
// Carlo results bit for bit after migration 009 writes "persistence": "year" into its scenario
// versions; new workspaces' seeds draw once per path; and a scenario that uses no correlations keeps
// its results bit for bit since they exist. And `workbench scenario goal-seek` says why when
// it has no value to give (names, not ids), and exits 0 whenever some value meets the target.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import seeds from '../../data/seed/scenarios.json';
import { loadMigrations, openWorkspace } from '../../electron/backend/db/workspace';
import { dispatch } from '../../electron/backend/dispatch';
import { WorkbenchService } from '../../electron/backend/service';
import { monteCarlo, parseResolvedScenario, parseScenario, type MonteCarloResult } from '../../shared/engine';
import { runCli } from '../helpers/cli';
import { ownTargetsCopyCli } from '../helpers/own-targets';
import { tempDir, tempService } from '../helpers/temp';

async function ok<T>(call: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await call;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

/**
 * sha256 of each seed's Monte Carlo result (20,000 draws, seed 1: targets, fans, histogram) as the
 * engine computed it before persistence existed, when every driver was drawn anew each year. Pinned
 * from that engine, so these are the results an older workspace showed.
 */
const before = [
  '55c5ab498c54d04b853eda4cea3fa38b9b451902c1f3a033bbd917ef68818c71',
  '221e9f010f9f82cb6f7d83ff96aeb12d3f835dfa5dda6008e9079e25862eb6b5',
  '3849222ab5b446fd56226ccdc26fc16f77c35157a9a908ab87c2f87fa0ef86d3',
  'b4b5b6d77181c4ec2b9e3741f14b084b0d47676fb26ada76370f83234dbc4a54',
  '3da7a93a0e5a9562c53061abd9f28e298cf6064e7e84bdfa17816f169d60b78f',
  '018cb7f62895f3de6db65716fdca3733a0865371afc5777d911db266f9957c9b',
];

/**
 * The result as it was before later fields were added beside it (a target's standard error, its
 * probability by year): each target's id, labels, year and probability, the fans and the histogram.
 */
const fingerprint = (r: MonteCarloResult) => {
  const targets = r.targets.map(({ id, label, labelEn, year, probability }) => ({ id, label, labelEn, year, probability }));
  return createHash('sha256').update(JSON.stringify({ targets, total: r.total, share: r.share, histogram: r.histogram })).digest('hex');
};

/**
 * sha256 of the same fingerprint for the six seeds as they are now (drawn once per path, the
 * baseline's common shock 0.5) and for variants of the baseline, pinned from the engine before
 * correlations (and later sampling options) existed: a scenario that uses neither keeps its results.
 */
const beforeCorrelations = {
  seeds: [
    '73e55ab08167330f41e6c49e259ba512e9ea53c4d0f4614557df530a4f92a709',
    '9c95ab8569bd941a417569afcdc4343c9b0b1ec4f6a3f073bcccdfa922da4779',
    'f26b9a1f073303f42ce38a24d8b4b8e5d204c7d7dcf9fd9a28de840e3fb1c392',
    'f5842920b7200d591c12f65598240367a962f91e16ca83db6aa6df64d3c6b71d',
    '9e7da9c245f264577cd6895828fab5fd936850a201fb0ad7ebb89baa7eaf7a2c',
    '80c04b77836a6d9dd70e4e2d3d5bf320ee3aa23a1cad8c1c65d1af660e367385',
  ],
  variants: {
    'AR(1) 0.6 with the common shock': '5b42d84dc3b0866ba7489a8464afd58e501678fd811ee34c483cd47d41e9516f',
    'each year, no shock (rates drawn inside the step)': 'afc67a3bbd69dde640542e4def4f33693b05e6aa1b84bafaa7c7cdd42b0755cb',
    'once per path, no shock': '7c646fd5f70229e55b1a688c9fb764d2a7fcf527d4b0cebaf8f3dd862256ff87',
    'AR(1) 0.3, GDP once per path, a triangular uplift each year': '011bbabc8ddfde9539840a2c2d474882d215494a91dbc2819d66cc82597cbe14',
  } as Record<string, string>,
};

type Def = { uncertainty: { persistence?: unknown; commonShock?: unknown; drivers: Record<string, Record<string, unknown>> } };
const variants: Record<string, (d: Def) => void> = {
  'AR(1) 0.6 with the common shock': (d) => (d.uncertainty.persistence = 0.6),
  'each year, no shock (rates drawn inside the step)': (d) => {
    d.uncertainty.persistence = 'year';
    delete d.uncertainty.commonShock;
  },
  'once per path, no shock': (d) => delete d.uncertainty.commonShock,
  'AR(1) 0.3, GDP once per path, a triangular uplift each year': (d) => {
    d.uncertainty.persistence = 0.3;
    d.uncertainty.drivers.gdp!.persistence = 'path';
    d.uncertainty.drivers.uplift = { kind: 'triangular', min: -1, mode: 0, max: 2, persistence: 'year' };
  },
};

/** The seeds as an app before persistence saved them: no `persistence` anywhere. */
function oldDefinitions(): unknown[] {
  return seeds.map((seed) => {
    const def = structuredClone(seed) as { uncertainty?: { persistence?: unknown } };
    delete def.uncertainty!.persistence;
    return parseScenario(def);
  });
}

/**
 * A workspace as version 8 of the app left it (migrations 001–008), with the six starting scenarios
 * saved then, a scenario without uncertainty, and the seed marks set so nothing is seeded again.
 */
function version8Workspace(): { file: string; dataDir: string; texts: string[] } {
  const dir = tempDir();
  const v8 = path.join(dir, 'migrations-v8');
  fs.mkdirSync(v8);
  const migrations = loadMigrations();
  expect(migrations[8]?.name).toBe('009-scenario-persistence.sql');
  for (const m of migrations.slice(0, 8)) fs.writeFileSync(path.join(v8, m.name), m.sql);
  const file = path.join(dir, 'v8.sqlite');
  const ws = openWorkspace(file, { create: true, migrationsDir: v8 });
  expect(ws.schemaVersion).toBe(8);
  const now = '2025-01-01T00:00:00.000Z';
  const plain: Record<string, unknown> = { ...(oldDefinitions()[0] as Record<string, unknown>), name: '无不确定性' };
  delete plain.uncertainty;
  const texts = [...oldDefinitions(), plain].map((d) => JSON.stringify(d));
  texts.forEach((text, i) => {
    const def = JSON.parse(text) as { name: string };
    ws.db.prepare('INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(i + 1, def.name, now, now);
    ws.db.prepare("INSERT INTO scenario_versions (scenario_id, version, definition, saved_at, note) VALUES (?, 1, ?, ?, 'seed')").run(i + 1, text, now);
  });
  ws.db.prepare("INSERT INTO settings (key, value) VALUES ('seed.scenarios', ?), ('seed.scenarios.broad', ?)").run(now, now);
  ws.db.close();
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  return { file, dataDir, texts };
}

describe('migration 009: saved scenarios keep their Monte Carlo results', () => {
  it('writes "year" into every saved definition with uncertainty, changes nothing else, and every result stays bit for bit', async () => {
    const { file, dataDir, texts } = version8Workspace();
    const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, file);
    try {
      expect(service.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      const stored = service.db.prepare('SELECT definition FROM scenario_versions ORDER BY scenario_id').pluck().all() as string[];
      expect(stored).toHaveLength(7);
      stored.forEach((text, i) => {
        const after = JSON.parse(text) as { uncertainty?: Record<string, unknown> };
        const was = JSON.parse(texts[i]!) as { uncertainty?: Record<string, unknown> };
        if (was.uncertainty) {
          expect(after.uncertainty!.persistence).toBe('year');
          delete after.uncertainty!.persistence;
        } else expect(text).toBe(texts[i]);
        expect(after).toEqual(was);
      });
      for (let id = 1; id <= 6; id++) {
        const run = await ok<{ monteCarlo: MonteCarloResult }>(dispatch(service, 'scenarios.run', { id, monteCarlo: { draws: 20_000, seed: 1 } }));
        expect(run.monteCarlo.persistence.scenario).toBe('year');
        expect(fingerprint(run.monteCarlo), `scenario ${id}`).toBe(before[id - 1]);
      }
      // The seeds are not added again: the workspace still has its seven scenarios.
      expect(await ok<unknown[]>(dispatch(service, 'scenarios.list', {}))).toHaveLength(7);
    } finally {
      service.close();
    }
  });

  it('leaves a definition that names its persistence as it is', () => {
    const { file, texts } = version8Workspace();
    const ws = openWorkspace(file, { migrationsDir: path.join(path.dirname(file), 'migrations-v8') });
    const named = JSON.parse(texts[3]!) as { uncertainty: Record<string, unknown> };
    named.uncertainty.persistence = 0.6;
    ws.db.prepare('UPDATE scenario_versions SET definition = ? WHERE scenario_id = 4').run(JSON.stringify(named));
    ws.db.close();
    const upgraded = openWorkspace(file);
    const text = upgraded.db.prepare('SELECT definition FROM scenario_versions WHERE scenario_id = 4').pluck().get() as string;
    expect(JSON.parse(text).uncertainty.persistence).toBe(0.6);
    upgraded.db.close();
  });

  it('seeds a new workspace with scenarios drawn once per path: the baseline’s 2027 band is wide', async () => {
    const { service } = tempService();
    try {
      const got = await ok<{ definition: { uncertainty: { persistence: unknown } } }>(dispatch(service, 'scenarios.get', { id: 1 }));
      expect(got.definition.uncertainty.persistence).toBe('path');
      const run = await ok<{ monteCarlo: MonteCarloResult }>(dispatch(service, 'scenarios.run', { id: 1, monteCarlo: { draws: 100_000, seed: 1 } }));
      expect(run.monteCarlo.persistence).toEqual({ scenario: 'path', drivers: { gdp: 'path', 'digital-industry': 'path', 'industry-digitalization': 'path' } });
      // About 17.6% (see tests/unit/engine/persistence.test.ts for the oracle), against 0.6% drawn anew each year.
      expect(run.monteCarlo.targets.find((t) => t.id === 'P2027')!.probability).toBeGreaterThan(0.165);
      expect(run.monteCarlo.targets.find((t) => t.id === 'P2027')!.probability).toBeLessThan(0.187);
    } finally {
      service.close();
    }
  });
});

describe('scenarios without correlations keep their results', () => {
  it('the seeds and variants of the baseline give the same draws, bit for bit, as before correlations existed', () => {
    seeds.forEach((seed, i) => {
      expect(fingerprint(monteCarlo(parseResolvedScenario(seed), { draws: 20_000, seed: 1 })), `seed ${i + 1}`).toBe(beforeCorrelations.seeds[i]);
    });
    for (const [name, mutate] of Object.entries(variants)) {
      const def = structuredClone(seeds[0]) as unknown as Def;
      mutate(def);
      expect(fingerprint(monteCarlo(parseResolvedScenario(def), { draws: 20_000, seed: 1 })), name).toBe(beforeCorrelations.variants[name]);
    }
  });
});

describe('workbench scenario goal-seek', () => {
  const dataDir = tempDir();
  // Goals of 基准's own (L2023, S2023, S2022): the plan's A1 and A2 are judged on another measure.
  const own = ownTargetsCopyCli(dataDir, 1);

  it('refuses a plan target judged on another measure than the scenario, naming both, with exit 1', () => {
    const result = runCli(['scenario', 'goal-seek', '1', '--target', 'A2', '--driver', 'gdp'], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('“占GDP比重40%以上”按信通院广义口径判定（与目标监测一致），本情景为重庆市此前口径');
    const json = runCli(['scenario', 'goal-seek', '1', '--target', 'A1,A2', '--driver', 'gdp', '--json'], dataDir);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'scenario.goalJudgedElsewhere' });
  });

  it('answers with the direction and the current value, by name', () => {
    const result = runCli(['scenario', 'goal-seek', own, '--target', 'S2023', '--driver', 'gdp'], dataDir);
    expect(result.status).toBe(0);
    // A copy of 基准, so from its lower bound: the answer says what it starts from, written as `scenario run` writes it.
    expect(result.stdout).toMatch(/^GDP增速需至多为 −2\.165%（当前 6\.5%）（从2020年的下限值≥0\.600万亿元起算，实际基数可能更大）\n/);
    expect(runCli(['scenario', 'run', own], dataDir).stdout).toContain('≥0.600万亿元');
    const met = runCli(['scenario', 'goal-seek', '4', '--target', 'C1', '--driver', 'gdp', '--lang', 'en'], dataDir);
    expect(met.status).toBe(0);
    expect(met.stdout).toMatch(/^Already met at the current value, 5 %; still met with GDP growth at most 5\.935 %/);
  });

  it('says a target does not depend on the driver, and exits 1 when no value meets it', () => {
    const result = runCli(['scenario', 'goal-seek', own, '--target', 'L2023', '--driver', 'gdp'], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('目标“2023年1万亿元”与GDP增速无关：无论GDP增速取何值，它都是 9365.38亿元（目标为 1万亿元）');
    const json = runCli(['scenario', 'goal-seek', own, '--target', 'L2023', '--driver', 'gdp', '--json'], dataDir);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'engine.goal_independent', params: { targetId: 'L2023', driver: 'gdp', met: 0 } });
  });

  it('names the quantity at each end of the range when no value meets the target', () => {
    const result = runCli(['scenario', 'goal-seek', own, '--target', 'S2022', '--driver', 'digital-industry', '--lang', 'en'], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Target “41% of GDP by 2022” is not met for any value of 数字产业化 in [−20, 80]: it is 24.74% at −20 and 38.49% at 80, against 41%');
  });
});
