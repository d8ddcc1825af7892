// Engine figures for `npm run bench`: the deterministic projection against a hand-written compound
// loop, and a 100,000-draw Monte Carlo against filling as many uniforms with Math.random.
import { monteCarlo, project, resolvedScenarioSchema, type ResolvedScenario } from '../../shared/engine';
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

export async function benchEngine(): Promise<BenchFigure[]> {
  const s = benchScenario();
  return [benchProjection(s), benchMonteCarlo(s)];
}
