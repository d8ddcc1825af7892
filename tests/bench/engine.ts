// Engine figures for `npm run bench`: the deterministic projection against a hand-written compound
// loop; a 100,000-draw Monte Carlo against filling as many uniforms with Math.random; and issue #14's
// case (persistence ρ = 0.6 and a 12×12 correlation) against the same simulation written idiomatically
// in numpy, run in the same bench when python3 has numpy.
import { spawnSync } from 'node:child_process';
import { monteCarlo, project, resolvedScenarioSchema, type MonteCarloResult, type ResolvedScenario } from '../../shared/engine';
import { median, type BenchFigure } from './figure';

const COMPONENTS = 12;
const YEARS = 10;
const DRAWS = 100_000;

/** 12 components over 10 years, each with a normal yearly growth rate (synthetic numbers). */
function benchScenario(): ResolvedScenario {
  const components = Array.from({ length: COMPONENTS }, (_, i) => ({
    id: `c${i + 1}`,
    name: `集群${i + 1}`,
    base: 200 + 50 * i,
    growth: { kind: 'cagr', rate: 8 + i },
  }));
  return resolvedScenarioSchema.parse({
    name: 'bench',
    basis: 'synthetic numbers for the benchmark',
    baseYear: 2020,
    horizon: 2020 + YEARS,
    gdp: { base: 25002.79, growth: { kind: 'cagr', rate: 6 } },
    components,
    targets: [
      { kind: 'total', id: 'level', label: 'level', year: 2025, value: 10000 },
      { kind: 'share', id: 'share', label: 'share', year: 2030, comparator: '>', value: 40 },
    ],
    uncertainty: { drivers: Object.fromEntries(components.map((c) => [c.id, { kind: 'normal', mean: c.growth.rate, sd: 3 }])) },
  });
}

/** Median ms per call of fn, timed in batches of `batch` calls so a microsecond call is measurable. */
function timePerCall(fn: () => number, batch: number, samples: number): { ms: number; sink: number } {
  let sink = 0;
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) sink += fn();
    times.push((performance.now() - start) / batch);
  }
  return { ms: median(times), sink };
}

function benchProjection(s: ResolvedScenario): BenchFigure {
  const bases = s.components.map((c) => c.base);
  const rates = s.components.map((c) => (c.growth.kind === 'cagr' ? c.growth.rate : 0));
  const naive = () => {
    let total = 0;
    for (let i = 0; i < COMPONENTS; i++) {
      let v = bases[i]!;
      for (let t = 0; t < YEARS; t++) v *= 1 + rates[i]! / 100;
      total += v;
    }
    return total;
  };
  const engine = () => project(s).total.values[YEARS]!;
  timePerCall(engine, 200, 3);
  timePerCall(naive, 20_000, 3);
  const value = timePerCall(engine, 500, 15);
  const baseline = timePerCall(naive, 50_000, 15);
  // The two must agree, or the comparison is of different work.
  if (Math.abs(value.sink / 7500 - baseline.sink / 750_000) > 1e-6 * (baseline.sink / 750_000)) throw new Error('projection and loop disagree');
  return { name: 'projection 12x10', value: value.ms, unit: 'ms', baseline: baseline.ms, ratio: value.ms / baseline.ms, target: null, ok: null };
}

function benchMonteCarlo(s: ResolvedScenario): BenchFigure {
  const runs = 5;
  const uniforms = new Float64Array(DRAWS * COMPONENTS * YEARS);
  const fill = () => {
    const start = performance.now();
    for (let i = 0; i < uniforms.length; i++) uniforms[i] = Math.random();
    return performance.now() - start;
  };
  const simulate = () => {
    const start = performance.now();
    monteCarlo(s, { draws: DRAWS, seed: 20200622 });
    return performance.now() - start;
  };
  // Two runs of each first, so neither is timed while V8's tiers are still compiling it.
  for (let i = 0; i < 2; i++) {
    fill();
    simulate();
  }
  const value = median(Array.from({ length: runs }, simulate));
  const baseline = median(Array.from({ length: runs }, fill));
  return { name: 'monte carlo 100k', value, unit: 'ms', baseline, ratio: value / baseline, target: 100, ok: value < 100 };
}

/** The persistence and the correlation of issue #14's benchmark: an AR(1) of 0.6, and 0.7^|i−j| between components i and j. */
const RHO = 0.6;
const correlation = Array.from({ length: COMPONENTS }, (_, i) => Array.from({ length: COMPONENTS }, (_, j) => 0.7 ** Math.abs(i - j)));

function correlatedScenario(s: ResolvedScenario): ResolvedScenario {
  return resolvedScenarioSchema.parse({
    ...s,
    uncertainty: { ...s.uncertainty, persistence: RHO, correlations: { drivers: s.components.map((c) => c.id), matrix: correlation } },
  });
}

/**
 * The same simulation in numpy, as an analyst would write it: a (draws × 12) array of levels, the
 * scores advanced by the AR(1) with correlated innovations (standard normals times the Cholesky
 * factor), the same outputs as monteCarlo (per year the mean and seven percentiles of the total and
 * the share, per target P(met in / by each year) and the first year, a 40-bin histogram). Median of 5
 * runs after 2 warm-up runs, timed inside Python, on one thread; prints its time and figures to check
 * against.
 */
const numpyScript = String.raw`
import json, sys, time
import numpy as np

p = json.loads(sys.argv[1])
N, T = p["draws"], p["years"]
base = np.array(p["base"], dtype=float); mean = np.array(p["mean"], dtype=float); sd = np.array(p["sd"], dtype=float)
L = np.linalg.cholesky(np.array(p["matrix"])); rho = p["rho"]; c = np.sqrt(1 - rho * rho)
gdp0 = p["gdp"]; g = p["gdpRate"] / 100
q = [5, 10, 25, 50, 75, 90, 95]

def simulate(seed):
    rng = np.random.default_rng(seed)
    lev = np.tile(base, (N, 1))
    gdp = gdp0
    totals = np.empty((T, N)); shares = np.empty((T, N))
    u = rng.standard_normal((N, base.size)) @ L.T
    for t in range(T):
        if t > 0:
            u = rho * u + c * (rng.standard_normal((N, base.size)) @ L.T)
        lev *= 1 + (mean + sd * u) / 100
        np.maximum(lev, 0, out=lev)
        gdp *= 1 + g
        totals[t] = lev.sum(axis=1)
        shares[t] = totals[t] / gdp * 100
    fans = {name: (x.mean(axis=1), np.percentile(x, q, axis=1)) for name, x in (("total", totals), ("share", shares))}
    targets = []
    for tg in p["targets"]:
        x = totals if tg["kind"] == "total" else shares
        met = x > tg["value"] if tg["strict"] else x >= tg["value"]
        by = np.logical_or.accumulate(met, axis=0)
        targets.append((met[tg["step"] - 1].mean(), met.mean(axis=1), by.mean(axis=1), np.diff(by.sum(axis=1), prepend=0)))
    hist = np.histogram(totals[p["histogramStep"] - 1], bins=40)
    return fans, targets, hist

for _ in range(2):
    simulate(1)
times = []
for i in range(5):
    start = time.perf_counter()
    fans, targets, hist = simulate(i + 2)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({"ms": float(np.median(times)), "p50": float(fans["total"][1][3][-1]), "probabilities": [float(t[0]) for t in targets]}))
`;

interface NumpyRun {
  ms: number;
  p50: number;
  probabilities: number[];
}

/** The numpy run, or null when python3 or numpy is missing (the bench then gives the Node figure alone). */
function runNumpy(s: ResolvedScenario): NumpyRun | null {
  const params = {
    draws: DRAWS,
    years: YEARS,
    base: s.components.map((c) => c.base),
    mean: s.components.map((c) => (c.growth.kind === 'cagr' ? c.growth.rate : 0)),
    sd: s.components.map((c) => {
      const d = s.uncertainty!.drivers[c.id]!;
      return d.kind === 'normal' ? d.sd : 0;
    }),
    matrix: correlation,
    rho: RHO,
    gdp: s.gdp.base,
    gdpRate: s.gdp.growth.kind === 'cagr' ? s.gdp.growth.rate : 0,
    targets: s.targets.map((t) => ({ kind: t.kind, value: t.value, strict: t.comparator === '>', step: t.year - s.baseYear })),
    histogramStep: s.targets.find((t) => t.kind === 'total')!.year - s.baseYear,
  };
  // One thread, as the engine runs: BLAS threads only help the small (draws × 12)·(12 × 12) product,
  // and on a busy 2-core machine their spin-waiting made numpy's time swing from 0.5 to 1.8 s.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const run = spawnSync('python3', ['-c', numpyScript, JSON.stringify(params)], { encoding: 'utf8', timeout: 600_000, env });
  if (run.error || run.status !== 0) {
    if (/No module named .?numpy/.test(run.stderr ?? '') || (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return null;
    throw new Error(`the numpy benchmark failed: ${run.stderr || run.error?.message}`);
  }
  return JSON.parse(run.stdout) as NumpyRun;
}

function benchCorrelated(base: ResolvedScenario): BenchFigure {
  const s = correlatedScenario(base);
  let last: MonteCarloResult | null = null;
  const simulate = (seed: number) => {
    const start = performance.now();
    last = monteCarlo(s, { draws: DRAWS, seed });
    return performance.now() - start;
  };
  for (let i = 0; i < 2; i++) simulate(1);
  const value = median(Array.from({ length: 5 }, (_, i) => simulate(i + 2)));
  const name = 'monte carlo 100k, AR(1) 0.6, 12x12 correlation';
  const numpy = runNumpy(s);
  if (!numpy) {
    console.error('python3 with numpy not found: the correlated Monte Carlo is timed without its numpy baseline');
    return { name, value, unit: 'ms', baseline: null, ratio: null, target: null, ok: null };
  }
  // The two must simulate the same model: the same median total in the last year and the same target
  // probabilities, within sampling error (other generators, other seeds).
  const r = last!;
  const p50 = r.total.p50[YEARS]!;
  if (Math.abs(p50 / numpy.p50 - 1) > 0.01) throw new Error(`Node and numpy disagree: median total ${p50} against ${numpy.p50}`);
  r.targets.forEach((t, i) => {
    const p = numpy.probabilities[i]!;
    if (Math.abs(t.probability - p) > 6 * Math.sqrt(Math.max(p * (1 - p), 1e-4) / DRAWS)) throw new Error(`Node and numpy disagree on ${t.id}: ${t.probability} against ${p}`);
  });
  const ratio = value / numpy.ms;
  return { name, value, unit: 'ms', baseline: numpy.ms, ratio, target: 0.6, ok: ratio <= 0.6 };
}

export async function benchEngine(): Promise<BenchFigure[]> {
  const s = benchScenario();
  return [benchProjection(s), benchMonteCarlo(s), benchCorrelated(s)];
}
