// Monte Carlo over the drivers' distributions: each uncertain driver drawn once per path, afresh each
// year, or as an AR(1) in between (its persistence), optionally correlated through a common shock. All
// work space is allocated once per run (typed arrays); a draw allocates nothing. Results are plain arrays.
import { compileSampler, fromScores, normalScores, plainNormal, sampleBlock, type Sampler } from './distributions';
import { EngineError } from './errors';
import { advance, blockViews, compile, driverIndex, isMultiplicative, targetMetric, type Block, type Model } from './model';
import { columnStats, histogramOf, QuantileScratch, type Histogram } from './quantiles';
import { Sfc32 } from './random';
import { defaultPersistence, persistenceOf, type Persistence, type ResolvedScenario, type Target } from './schema';

export const percentileLevels = [5, 10, 25, 50, 75, 90, 95] as const;
const maxDraws = 10_000_000;
/**
 * Draws are simulated in blocks of this many, series by series, so each inner loop is one tight pass
 * over typed arrays. The block, not the chunk size, fixes the order in which normals are used, so a
 * result does not depend on how often progress is reported.
 */
export const blockSize = 1024;

export interface MonteCarloProgress {
  done: number;
  total: number;
}

export interface MonteCarloOptions {
  draws: number;
  /** An integer in 0…2³²−1; the same seed gives the same result in Node and in the browser. */
  seed: number;
  /**
   * Draws between progress reports and cancellation checks, rounded up to whole blocks of 1,024.
   * Default 2,048.
   */
  chunkSize?: number;
  /** Histogram bins, default 40. */
  bins?: number;
  /** Year of the histogram: default the first total target's year, else the horizon. */
  histogramYear?: number;
  onProgress?: (progress: MonteCarloProgress) => void;
  /** An AbortSignal or anything with `aborted`; checked between chunks. */
  signal?: { readonly aborted: boolean };
}

/** Per year (aligned with `years`): the mean and the percentiles P5…P95. */
export interface FanSeries {
  mean: number[];
  p5: number[];
  p10: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p90: number[];
  p95: number[];
}

export interface TargetProbability {
  id: string;
  label: string;
  labelEn: string | null;
  year: number;
  /** Share of draws in which the target is met in its year. */
  probability: number;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  years: number[];
  /** Drivers drawn from a distribution; all others stay at their nominal value. */
  uncertainDrivers: string[];
  commonShockWeight: number;
  /**
   * How the draws persisted over the years: the scenario's setting (its default, 'year', when it
   * names none) and each uncertain driver's, which may override it.
   */
  persistence: { scenario: Persistence; drivers: Record<string, Persistence> };
  targets: TargetProbability[];
  total: FanSeries;
  /** Share of GDP, %. */
  share: FanSeries;
  histogram: Histogram & { year: number };
}

function positiveInt(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new EngineError('invalid_argument', { name, reason: `must be an integer in 1…${max}` });
  }
  return value;
}

function fan(base: number, columns: Float64Array, steps: number, draws: number, scratch: QuantileScratch, baseYear: number, what: string): FanSeries {
  const out: FanSeries = { mean: [base], p5: [base], p10: [base], p25: [base], p50: [base], p75: [base], p90: [base], p95: [base] };
  const probs = percentileLevels.map((p) => p / 100);
  for (let t = 0; t < steps; t++) {
    const { mean, quantiles } = columnStats(columns.subarray(t * draws, (t + 1) * draws), probs, scratch);
    if (!Number.isFinite(mean)) throw new EngineError('non_finite', { year: baseYear + t + 1, what });
    out.mean.push(mean);
    percentileLevels.forEach((p, i) => out[`p${p}`].push(quantiles[i]!));
  }
  return out;
}

/** A driver drawn from its distribution: its index in the model, its sampler, how its draws persist. */
export interface DrawnDriver {
  k: number;
  sampler: Sampler;
  persistence: Persistence;
}

/**
 * The drivers' values for each year of a block of draws, by persistence (docs/ENGINE.md,
 * "Persistence"). Every draw starts from a standard normal score, mixed with the year's common shock
 * when there is one. 'year': a fresh score each year (the original behaviour, bit for bit). 'path':
 * the first year's value is kept for the whole path. ρ: the score follows a stationary AR(1),
 * u₁ = v₁, uₜ = ρ·uₜ₋₁ + √(1−ρ²)·vₜ with vₜ the year's fresh (mixed) score, so every year's score is
 * standard normal and every year's value has the driver's stated distribution.
 */
export class DriverDraws {
  private readonly z: Float64Array | null;
  private readonly fresh: Float64Array;
  /** Per drawn driver with an AR(1) persistence, its scores carried from year to year. */
  private readonly scores: (Float64Array | null)[];
  /** Whether a driver needs a new common shock after the first year (one that is not drawn once per path). */
  private readonly shockEachYear: boolean;

  constructor(
    readonly drawn: readonly DrawnDriver[],
    private readonly weight: number,
    size: number,
  ) {
    this.z = weight > 0 ? new Float64Array(size) : null;
    this.scores = drawn.map((d) => (typeof d.persistence === 'number' ? new Float64Array(size) : null));
    this.fresh = new Float64Array(this.scores.some(Boolean) ? size : 0);
    this.shockEachYear = drawn.some((d) => d.persistence !== 'path');
  }

  /** Year t (1-based) of a block of m draws: each drawn driver's values into out[k] (views of length m). */
  draw(rng: Sfc32, t: number, m: number, out: readonly Float64Array[]): void {
    const { z, weight, drawn } = this;
    if (z && (t === 1 || this.shockEachYear)) rng.fillNormals(z, 0, m);
    for (let i = 0; i < drawn.length; i++) {
      const { k, sampler, persistence } = drawn[i]!;
      const x = out[k]!;
      if (persistence === 'year') sampleBlock(sampler, rng, x, z, weight);
      else if (persistence === 'path') {
        // Drawn in the first year; the values stay in `out` for the rest of the path.
        if (t === 1) sampleBlock(sampler, rng, x, z, weight);
      } else {
        const u = this.scores[i]!.subarray(0, m);
        if (t === 1) normalScores(rng, u, z, weight);
        else {
          const v = this.fresh.subarray(0, m);
          normalScores(rng, v, z, weight);
          const rho = persistence;
          const c = Math.sqrt(1 - rho * rho);
          for (let d = 0; d < m; d++) u[d] = rho * u[d]! + c * v[d]!;
        }
        fromScores(sampler, u, x);
      }
    }
  }
}

/**
 * The work space of one run, allocated once: [year][draw] results, and per block the levels, the
 * driver values, the common shock, GDP growth, total and share.
 */
class Simulation {
  readonly totals: Float64Array;
  readonly shares: Float64Array;
  readonly metCount: Float64Array;
  private readonly work: { levels: Float64Array; drivers: Float64Array; gdpGrowth: Float64Array; total: Float64Array };
  private readonly share = new Float64Array(blockSize);
  private readonly targetStep: Int32Array;
  private readonly targetSeries: Int32Array;
  private readonly upliftVaries: boolean;
  /** Drivers drawn into the block before each year's step. */
  private readonly drawn: DriverDraws;
  private readonly fused: Block['fused'];
  private block: Block;

  constructor(
    private readonly model: Model,
    private readonly targets: Target[],
    samplers: DrawnDriver[],
    weight: number,
    private readonly rng: Sfc32,
    private readonly draws: number,
  ) {
    const n = model.components + 1;
    this.totals = new Float64Array(model.steps * draws);
    this.shares = new Float64Array(model.steps * draws);
    this.metCount = new Float64Array(targets.length);
    this.work = {
      levels: new Float64Array(n * blockSize),
      drivers: new Float64Array((n + 1) * blockSize),
      gdpGrowth: new Float64Array(blockSize),
      total: new Float64Array(blockSize),
    };
    this.upliftVaries = samplers.some((d) => d.k === n);
    // A plain normal rate drawn afresh each year on a multiplicative component is drawn inside its step
    // (see Sfc32.compoundNormals), when neither a common shock nor a drawn uplift has to be mixed in first.
    this.fused = Array.from({ length: n }, () => null);
    const drawn: DrawnDriver[] = [];
    for (const d of samplers) {
      const normal = plainNormal(d.sampler);
      if (normal && d.persistence === 'year' && d.k > 0 && d.k < n && !(weight > 0) && !this.upliftVaries && isMultiplicative(model, d.k)) {
        this.fused[d.k] = { rng, ...normal };
      } else drawn.push(d);
    }
    this.drawn = new DriverDraws(drawn, weight, blockSize);
    this.block = this.views(Math.min(blockSize, draws));
    this.targetStep = Int32Array.from(targets, (t) => t.year - model.baseYear);
    this.targetSeries = Int32Array.from(targets, (t) => {
      const metric = targetMetric(model, t);
      return metric.kind === 'component' ? metric.index : -1;
    });
  }

  private views(m: number): Block {
    return blockViews(this.model, m, this.work, this.upliftVaries, this.fused);
  }

  /** Simulate draws start…start+m−1 (m ≤ blockSize) over every year. */
  runBlock(start: number, m: number): void {
    const { model, share, totals, shares, rng, drawn, draws, targets } = this;
    // Only the last block can be shorter; it gets views of its own length.
    if (this.block.total.length !== m) this.block = this.views(m);
    const block = this.block;
    const total = block.total;
    const gdp = block.levels[0]!;
    model.base.forEach((base, i) => block.levels[i]!.fill(base));
    model.nominal.forEach((nominal, k) => block.drivers[k]!.fill(nominal));
    for (let t = 1; t <= model.steps; t++) {
      drawn.draw(rng, t, m, block.drivers);
      advance(model, t, block);
      const at = (t - 1) * draws + start;
      for (let d = 0; d < m; d++) {
        const level = gdp[d]!;
        const sh = level > 0 ? (total[d]! / level) * 100 : 0;
        share[d] = sh;
        totals[at + d] = total[d]!;
        shares[at + d] = sh;
      }
      for (let k = 0; k < targets.length; k++) {
        if (this.targetStep[k] !== t) continue;
        const target = targets[k]!;
        const series = this.targetSeries[k]!;
        const values = target.kind === 'total' ? total : target.kind === 'share' ? share : block.levels[series]!;
        const threshold = target.value;
        let met = 0;
        if (target.comparator === '>') for (let d = 0; d < m; d++) met += values[d]! > threshold ? 1 : 0;
        else for (let d = 0; d < m; d++) met += values[d]! >= threshold ? 1 : 0;
        this.metCount[k] = this.metCount[k]! + met;
      }
    }
  }
}

/**
 * The simulation as a generator that yields after each chunk, so a Web Worker can step it and let
 * messages (a cancel) in between; `monteCarlo` runs it to the end.
 */
export function* monteCarloSteps(s: ResolvedScenario, options: MonteCarloOptions): Generator<MonteCarloProgress, MonteCarloResult, void> {
  const draws = positiveInt('draws', options.draws, maxDraws);
  const blocksPerChunk = Math.ceil(positiveInt('chunkSize', options.chunkSize ?? 2 * blockSize, maxDraws) / blockSize);
  const bins = positiveInt('bins', options.bins ?? 40, 10_000);
  const rng = new Sfc32(options.seed);
  const model = compile(s);
  const steps = model.steps;
  const histogramYear = options.histogramYear ?? s.targets.find((t) => t.kind === 'total')?.year ?? s.horizon;
  if (!Number.isInteger(histogramYear) || histogramYear <= s.baseYear || histogramYear > s.horizon) {
    throw new EngineError('invalid_argument', { name: 'histogramYear', reason: `must be within ${s.baseYear + 1}–${s.horizon}` });
  }
  const drivers = Object.entries(s.uncertainty?.drivers ?? {});
  const weight = drivers.length > 0 ? (s.uncertainty?.commonShock?.weight ?? 0) : 0;
  const persistence = Object.fromEntries(drivers.map(([id]) => [id, persistenceOf(s.uncertainty, id)]));
  const sim = new Simulation(
    model,
    s.targets,
    drivers.map(([id, dist]) => ({ k: driverIndex(model, id), sampler: compileSampler(dist, `uncertainty.drivers.${id}`), persistence: persistence[id]! })),
    weight,
    rng,
    draws,
  );

  if (options.signal?.aborted) throw new EngineError('cancelled', { done: 0, total: draws });
  let blocks = 0;
  for (let start = 0; start < draws; start += blockSize) {
    const m = Math.min(blockSize, draws - start);
    sim.runBlock(start, m);
    blocks++;
    const done = start + m;
    if (blocks % blocksPerChunk === 0 || done === draws) {
      const progress = { done, total: draws };
      options.onProgress?.(progress);
      if (done < draws) {
        yield progress;
        if (options.signal?.aborted) throw new EngineError('cancelled', progress);
      }
    }
  }

  const baseTotal = model.base.reduce((sum, v, i) => (i > 0 ? sum + v : sum), 0);
  const scratch = new QuantileScratch(draws);
  const h = histogramYear - s.baseYear;
  return {
    draws,
    seed: options.seed,
    years: Array.from({ length: steps + 1 }, (_, t) => s.baseYear + t),
    uncertainDrivers: drivers.map(([id]) => id),
    commonShockWeight: weight,
    persistence: { scenario: s.uncertainty?.persistence ?? defaultPersistence, drivers: persistence },
    targets: s.targets.map((t, k) => ({ id: t.id, label: t.label, labelEn: t.labelEn ?? null, year: t.year, probability: sim.metCount[k]! / draws })),
    total: fan(baseTotal, sim.totals, steps, draws, scratch, s.baseYear, 'total'),
    share: fan((baseTotal / model.base[0]!) * 100, sim.shares, steps, draws, scratch, s.baseYear, 'share'),
    histogram: { year: histogramYear, ...histogramOf(sim.totals.subarray((h - 1) * draws, h * draws), bins) },
  };
}

export function monteCarlo(s: ResolvedScenario, options: MonteCarloOptions): MonteCarloResult {
  const run = monteCarloSteps(s, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}
