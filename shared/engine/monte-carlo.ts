// Monte Carlo over the drivers' distributions: each uncertain driver drawn once per path, afresh each
// year, or as an AR(1) in between (its persistence), optionally correlated through a common shock or a
// correlation matrix, from independent or Latin hypercube normals. Per target it counts the draws
// meeting it in every year and for the first time. All work space is allocated once per run (typed
// arrays); a draw allocates nothing. Results are plain arrays.
import { choleskyFactor } from './correlation';
import { compileSampler, fromScores, normalScores, plainNormal, sampleBlock, type Sampler } from './distributions';
import { EngineError } from './errors';
import { advance, blockViews, compile, driverIndex, isMultiplicative, meets, shareOf, targetMetric, type Block, type MetricSpec, type Model } from './model';
import { columnStats, histogramOf, QuantileScratch, type Histogram } from './quantiles';
import { LatinHypercube, Sfc32, type NormalSource } from './random';
import { defaultPersistence, defaultSampling, persistenceOf, type Correlations, type Sampling, type Persistence, type ResolvedScenario, type Target } from './schema';

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
  /**
   * Adds `targetHistograms`: per target, the distribution of its own quantity (the total, the share
   * or the component) in its year, in `bins` bins. Default false, and the result has no such field.
   */
  targetHistograms?: boolean;
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
  /** √(p(1 − p)/n): the sampling standard error of `probability` (for independent draws). */
  standardError: number;
  /**
   * Per year of the run (aligned with `years`, the base year first): the share of draws in which the
   * target's quantity meets its threshold in that year. At the target's year it is `probability`.
   */
  metIn: number[];
  /** Per year: the share of draws that have met it in that year or an earlier one, P(met by year Y). */
  metBy: number[];
  /**
   * The first year each draw meets it: how many draws first meet it in each year (aligned with
   * `years`) and how many never do within the horizon; they add up to `draws`.
   */
  firstYear: { counts: number[]; never: number };
}

/** The distribution of a target's quantity in the target's year over the draws (`targetHistograms`). */
export interface TargetHistogram extends Histogram {
  id: string;
  year: number;
  /** 亿元 for a total or a component target, % for a share. */
  unit: '亿元' | '%';
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  years: number[];
  /** Drivers drawn from a distribution; all others stay at their nominal value. */
  uncertainDrivers: string[];
  commonShockWeight: number;
  /** The correlation matrix between drivers' scores, as the scenario gives it; null when it gives none. */
  correlations: Correlations | null;
  /** How the normals were drawn: independently ('random') or by Latin hypercube ('lhs'). */
  sampling: Sampling;
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
  /** Only when the run was asked for them (`targetHistograms`): one per target, in the targets' order. */
  targetHistograms?: TargetHistogram[];
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
 * Drivers whose scores are drawn together with a correlation (`uncertainty.correlations`): their
 * positions in the list of drawn drivers, in the matrix's order, and the matrix's Cholesky factor L
 * (row-major), so that the scores L·e of independent normals e have the matrix as their correlation.
 */
export interface CorrelatedDrivers {
  members: number[];
  factor: Float64Array;
}

/**
 * The drivers' values for each year of a block of draws, by persistence (docs/ENGINE.md,
 * "Persistence"). Every draw starts from a standard normal score, mixed with the year's common shock
 * when there is one, or correlated with the other drivers of the correlation matrix. 'year': a fresh
 * score each year (the original behaviour, bit for bit). 'path': the first year's value is kept for
 * the whole path. ρ: the score follows a stationary AR(1), u₁ = v₁, uₜ = ρ·uₜ₋₁ + √(1−ρ²)·vₜ with vₜ
 * the year's fresh (mixed or correlated) score, so every year's score is standard normal and every
 * year's value has the driver's stated distribution.
 */
export class DriverDraws {
  private readonly z: Float64Array | null;
  private readonly fresh: Float64Array;
  /** Per drawn driver with an AR(1) persistence, its scores carried from year to year. */
  private readonly scores: (Float64Array | null)[];
  /** Whether a driver needs a new common shock after the first year (one that is not drawn once per path). */
  private readonly shockEachYear: boolean;
  /** The correlated drivers' fresh scores, one row of `size` per member in the matrix's order. */
  private readonly correlated: Float64Array;
  /** Per drawn driver, its row in `correlated`, or −1 when it is drawn on its own. */
  private readonly row: Int32Array;
  private readonly correlatedEachYear: boolean;

  constructor(
    readonly drawn: readonly DrawnDriver[],
    private readonly weight: number,
    private readonly size: number,
    private readonly group: CorrelatedDrivers | null = null,
  ) {
    this.z = weight > 0 ? new Float64Array(size) : null;
    this.scores = drawn.map((d) => (typeof d.persistence === 'number' ? new Float64Array(size) : null));
    this.fresh = new Float64Array(this.scores.some(Boolean) ? size : 0);
    this.shockEachYear = drawn.some((d) => d.persistence !== 'path');
    this.row = Int32Array.from(drawn, (_, i) => group?.members.indexOf(i) ?? -1);
    this.correlated = new Float64Array(group ? group.members.length * size : 0);
    this.correlatedEachYear = group !== null && group.members.some((i) => drawn[i]!.persistence !== 'path');
  }

  /**
   * The correlated drivers' fresh scores for m draws: independent normals e, one row per member, then
   * in place v = L·e, row by row from the last (which reads only rows above it, still e). Four rows
   * above are added in one pass where there are four: each pass reads and writes the row once, which
   * takes about half the time of one pass per entry of L.
   */
  private correlate(rng: NormalSource, m: number): void {
    const { correlated: v, size } = this;
    const { members, factor: L } = this.group!;
    const n = members.length;
    for (let i = 0; i < n; i++) rng.fillNormals(v, i * size, i * size + m);
    for (let i = n - 1; i >= 0; i--) {
      const ri = i * size;
      const li = i * n;
      const diagonal = L[li + i]!;
      for (let d = 0; d < m; d++) v[ri + d] = diagonal * v[ri + d]!;
      let j = 0;
      for (; j + 4 <= i; j += 4) {
        const l1 = L[li + j]!;
        const l2 = L[li + j + 1]!;
        const l3 = L[li + j + 2]!;
        const l4 = L[li + j + 3]!;
        const r1 = j * size;
        const r2 = r1 + size;
        const r3 = r2 + size;
        const r4 = r3 + size;
        for (let d = 0; d < m; d++) v[ri + d] = v[ri + d]! + l1 * v[r1 + d]! + l2 * v[r2 + d]! + l3 * v[r3 + d]! + l4 * v[r4 + d]!;
      }
      for (; j < i; j++) {
        const l = L[li + j]!;
        const rj = j * size;
        for (let d = 0; d < m; d++) v[ri + d] = v[ri + d]! + l * v[rj + d]!;
      }
    }
  }

  /** Year t (1-based) of a block of m draws: each drawn driver's values into out[k] (views of length m). */
  draw(rng: NormalSource, t: number, m: number, out: readonly Float64Array[]): void {
    const { z, weight, drawn } = this;
    if (z && (t === 1 || this.shockEachYear)) rng.fillNormals(z, 0, m);
    if (this.group && (t === 1 || this.correlatedEachYear)) this.correlate(rng, m);
    for (let i = 0; i < drawn.length; i++) {
      const { k, sampler, persistence } = drawn[i]!;
      const x = out[k]!;
      const row = this.row[i]!;
      if (row >= 0) {
        const v = this.correlated.subarray(row * this.size, row * this.size + m);
        if (persistence === 'year' || (persistence === 'path' && t === 1)) fromScores(sampler, v, x);
        else if (typeof persistence === 'number') {
          const u = this.scores[i]!.subarray(0, m);
          if (t === 1) u.set(v);
          else ar1(u, v, persistence);
          fromScores(sampler, u, x);
        }
      } else if (persistence === 'year') sampleBlock(sampler, rng, x, z, weight);
      else if (persistence === 'path') {
        // Drawn in the first year; the values stay in `out` for the rest of the path.
        if (t === 1) sampleBlock(sampler, rng, x, z, weight);
      } else {
        const u = this.scores[i]!.subarray(0, m);
        if (t === 1) normalScores(rng, u, z, weight);
        else {
          const v = this.fresh.subarray(0, m);
          normalScores(rng, v, z, weight);
          ar1(u, v, persistence);
        }
        fromScores(sampler, u, x);
      }
    }
  }
}

/** u ← ρ·u + √(1−ρ²)·v: one year of the stationary AR(1) in the scores. */
function ar1(u: Float64Array, v: Float64Array, rho: number): void {
  const c = Math.sqrt(1 - rho * rho);
  for (let d = 0; d < u.length; d++) u[d] = rho * u[d]! + c * v[d]!;
}

/**
 * Per-draw values kept for an analysis of the draws (importance): each drawn driver's mean value over
 * years 1…step, [i·draws + d] in the order of the drawn drivers, and the output in year `step`.
 */
interface Recording {
  step: number;
  metric: MetricSpec;
  drivers: Float64Array;
  output: Float64Array;
}

/**
 * The work space of one run, allocated once: [year][draw] results, and per block the levels, the
 * driver values, the common shock, GDP growth, total and share.
 */
class Simulation {
  readonly totals: Float64Array;
  readonly shares: Float64Array;
  /** Per target and year, [k·(steps+1) + t]: draws meeting the target in year t, and draws first meeting it then. */
  readonly metIn: Float64Array;
  readonly firstMet: Float64Array;
  /** Per component target whose histogram was asked for: its value in its year, per draw (totals and shares are kept anyway). */
  readonly captured: (Float64Array | null)[];
  /** Per target, whether each draw of the block has met it yet. */
  private readonly seen: Uint8Array[];
  /** Per target, whether the base year's value meets it (then every draw has, from the start). */
  private readonly metAtBase: boolean[];
  private readonly work: { levels: Float64Array; drivers: Float64Array; gdpGrowth: Float64Array; total: Float64Array };
  private readonly share = new Float64Array(blockSize);
  private readonly targetSeries: Int32Array;
  private readonly upliftVaries: boolean;
  /** Drivers drawn into the block before each year's step. */
  private readonly drawn: DriverDraws;
  private readonly fused: Block['fused'];
  private readonly samplers: DrawnDriver[];
  /** The standard normals every drawn driver starts from: the generator's, or a Latin hypercube over it. */
  private readonly normals: NormalSource;
  private block: Block;

  constructor(
    private readonly model: Model,
    private readonly targets: Target[],
    samplers: DrawnDriver[],
    weight: number,
    /** The correlated drivers by model index, in the matrix's order, and the matrix's Cholesky factor. */
    correlated: { ks: number[]; factor: Float64Array } | null,
    rng: Sfc32,
    private readonly draws: number,
    sampling: Sampling,
    private readonly recording: Recording | null,
    captureComponents = false,
  ) {
    this.samplers = samplers;
    this.captured = targets.map((t) => (captureComponents && t.kind === 'component' ? new Float64Array(draws) : null));
    this.normals = sampling === 'lhs' ? new LatinHypercube(rng, blockSize) : rng;
    const n = model.components + 1;
    this.totals = new Float64Array(model.steps * draws);
    this.shares = new Float64Array(model.steps * draws);
    this.metIn = new Float64Array(targets.length * (model.steps + 1));
    this.firstMet = new Float64Array(targets.length * (model.steps + 1));
    this.seen = targets.map(() => new Uint8Array(blockSize));
    this.work = {
      levels: new Float64Array(n * blockSize),
      drivers: new Float64Array((n + 1) * blockSize),
      gdpGrowth: new Float64Array(blockSize),
      total: new Float64Array(blockSize),
    };
    this.upliftVaries = samplers.some((d) => d.k === n);
    // A plain normal rate drawn afresh each year on a multiplicative component is drawn inside its step
    // (see Sfc32.compoundNormals), when neither a common shock nor a drawn uplift has to be mixed in first,
    // the values need not be kept and the sampling is random.
    this.fused = Array.from({ length: n }, () => null);
    const drawn: DrawnDriver[] = [];
    for (const d of samplers) {
      const normal = plainNormal(d.sampler);
      const alone = !(weight > 0) && !correlated?.ks.includes(d.k) && recording === null && sampling === 'random';
      if (normal && alone && d.persistence === 'year' && d.k > 0 && d.k < n && !this.upliftVaries && isMultiplicative(model, d.k)) {
        this.fused[d.k] = { rng, ...normal };
      } else drawn.push(d);
    }
    const group = correlated ? { members: correlated.ks.map((k) => drawn.findIndex((d) => d.k === k)), factor: correlated.factor } : null;
    this.drawn = new DriverDraws(drawn, weight, blockSize, group);
    this.block = this.views(Math.min(blockSize, draws));
    this.targetSeries = Int32Array.from(targets, (t) => {
      const metric = targetMetric(model, t);
      return metric.kind === 'component' ? metric.index : -1;
    });
    // The base year is the same in every draw: the scenario's base values.
    const baseTotal = model.base.reduce((sum, v, i) => (i > 0 ? sum + v : sum), 0);
    this.metAtBase = targets.map((t, k) => {
      const series = this.targetSeries[k]!;
      return meets(t.kind === 'total' ? baseTotal : t.kind === 'share' ? shareOf(baseTotal, model.base[0]!) : model.base[series]!, t);
    });
  }

  /** Year t of draws start…start+m−1 into the recording: each drawn driver's share of its mean, and the output. */
  private record(t: number, start: number, m: number): void {
    const { step, metric, drivers, output } = this.recording!;
    const { block, draws } = this;
    this.samplers.forEach(({ k }, i) => {
      const x = block.drivers[k]!;
      const at = i * draws + start;
      for (let d = 0; d < m; d++) drivers[at + d] = drivers[at + d]! + x[d]! / step;
    });
    if (t !== step) return;
    const values = metric.kind === 'total' ? block.total : metric.kind === 'share' ? this.share : metric.kind === 'gdp' ? block.levels[0]! : block.levels[metric.index]!;
    output.set(values.subarray(0, m), start);
  }

  private views(m: number): Block {
    return blockViews(this.model, m, this.work, this.upliftVaries, this.fused);
  }

  /** Simulate draws start…start+m−1 (m ≤ blockSize) over every year. */
  runBlock(start: number, m: number): void {
    const { model, share, totals, shares, normals, drawn, draws, targets } = this;
    // Only the last block can be shorter; it gets views of its own length.
    if (this.block.total.length !== m) this.block = this.views(m);
    const block = this.block;
    const total = block.total;
    const gdp = block.levels[0]!;
    model.base.forEach((base, i) => block.levels[i]!.fill(base));
    model.nominal.forEach((nominal, k) => block.drivers[k]!.fill(nominal));
    for (let k = 0; k < targets.length; k++) {
      const atBase = this.metAtBase[k] ? 1 : 0;
      this.seen[k]!.fill(atBase);
      const slot = k * (model.steps + 1);
      this.metIn[slot] = this.metIn[slot]! + atBase * m;
      this.firstMet[slot] = this.firstMet[slot]! + atBase * m;
    }
    for (let t = 1; t <= model.steps; t++) {
      drawn.draw(normals, t, m, block.drivers);
      advance(model, t, block);
      const at = (t - 1) * draws + start;
      for (let d = 0; d < m; d++) {
        const level = gdp[d]!;
        const sh = level > 0 ? (total[d]! / level) * 100 : 0;
        share[d] = sh;
        totals[at + d] = total[d]!;
        shares[at + d] = sh;
      }
      if (this.recording && t <= this.recording.step) this.record(t, start, m);
      // Every target in every year: met in the year, and met for the first time.
      for (let k = 0; k < targets.length; k++) {
        const target = targets[k]!;
        const series = this.targetSeries[k]!;
        const values = target.kind === 'total' ? total : target.kind === 'share' ? share : block.levels[series]!;
        const threshold = target.value;
        const seen = this.seen[k]!;
        let met = 0;
        let first = 0;
        if (target.comparator === '>') {
          for (let d = 0; d < m; d++) {
            if (values[d]! > threshold) {
              met++;
              if (seen[d] === 0) {
                seen[d] = 1;
                first++;
              }
            }
          }
        } else {
          for (let d = 0; d < m; d++) {
            if (values[d]! >= threshold) {
              met++;
              if (seen[d] === 0) {
                seen[d] = 1;
                first++;
              }
            }
          }
        }
        const captured = this.captured[k];
        if (captured && target.year - model.baseYear === t) captured.set(values.subarray(0, m), start);
        const slot = k * (model.steps + 1) + t;
        this.metIn[slot] = this.metIn[slot]! + met;
        this.firstMet[slot] = this.firstMet[slot]! + first;
      }
    }
  }
}

/** A target's probability in its year, its standard error, per year, and the first year met, from the run's counts. */
function targetProbability(t: Target, sim: Simulation, k: number, baseYear: number, steps: number, draws: number): TargetProbability {
  const row = (counts: Float64Array) => Array.from(counts.subarray(k * (steps + 1), (k + 1) * (steps + 1)));
  const metIn = row(sim.metIn).map((c) => c / draws);
  const counts = row(sim.firstMet);
  let by = 0;
  const metBy = counts.map((c) => (by += c) / draws);
  const probability = metIn[t.year - baseYear]!;
  return {
    id: t.id,
    label: t.label,
    labelEn: t.labelEn ?? null,
    year: t.year,
    probability,
    standardError: Math.sqrt((probability * (1 - probability)) / draws),
    metIn,
    metBy,
    firstYear: { counts, never: draws - by },
  };
}

/** The run's simulation: the drawn drivers with their samplers and persistence, the common shock or the correlations. */
function simulation(s: ResolvedScenario, model: Model, draws: number, seed: number, recording: Recording | null, captureComponents = false) {
  const rng = new Sfc32(seed);
  const drivers = Object.entries(s.uncertainty?.drivers ?? {});
  const weight = drivers.length > 0 ? (s.uncertainty?.commonShock?.weight ?? 0) : 0;
  const persistence = Object.fromEntries(drivers.map(([id]) => [id, persistenceOf(s.uncertainty, id)]));
  const correlations = s.uncertainty?.correlations ?? null;
  const sampling = s.uncertainty?.sampling ?? defaultSampling;
  const sim = new Simulation(
    model,
    s.targets,
    drivers.map(([id, dist]) => ({ k: driverIndex(model, id), sampler: compileSampler(dist, `uncertainty.drivers.${id}`), persistence: persistence[id]! })),
    weight,
    correlations ? { ks: correlations.drivers.map((id) => driverIndex(model, id)), factor: choleskyFactor(correlations.matrix).factor } : null,
    rng,
    draws,
    sampling,
    recording,
    captureComponents,
  );
  return { sim, drivers, weight, persistence, correlations, sampling };
}

/**
 * Every draw's drawn drivers (each one's mean value over years 1…step, in the order of
 * `uncertainty.drivers`) and its output in year `step`: the sample an importance analysis ranks. The
 * same model and seed as monteCarlo; no rate is drawn inside its step (the values are kept), so a
 * scenario whose plain normal rates monteCarlo draws there uses the random numbers in another order.
 */
export function recordDraws(s: ResolvedScenario, draws: number, seed: number, step: number, metric: MetricSpec): { drivers: string[]; values: Float64Array[]; output: Float64Array } {
  positiveInt('draws', draws, maxDraws);
  const model = compile(s);
  const ids = Object.keys(s.uncertainty?.drivers ?? {});
  const recording: Recording = { step, metric, drivers: new Float64Array(ids.length * draws), output: new Float64Array(draws) };
  const { sim } = simulation(s, model, draws, seed, recording);
  for (let start = 0; start < draws; start += blockSize) sim.runBlock(start, Math.min(blockSize, draws - start));
  return { drivers: ids, values: ids.map((_, i) => recording.drivers.subarray(i * draws, (i + 1) * draws)), output: recording.output };
}

/**
 * The simulation as a generator that yields after each chunk, so a Web Worker can step it and let
 * messages (a cancel) in between; `monteCarlo` runs it to the end.
 */
export function* monteCarloSteps(s: ResolvedScenario, options: MonteCarloOptions): Generator<MonteCarloProgress, MonteCarloResult, void> {
  const draws = positiveInt('draws', options.draws, maxDraws);
  const blocksPerChunk = Math.ceil(positiveInt('chunkSize', options.chunkSize ?? 2 * blockSize, maxDraws) / blockSize);
  const bins = positiveInt('bins', options.bins ?? 40, 10_000);
  const model = compile(s);
  const steps = model.steps;
  const histogramYear = options.histogramYear ?? s.targets.find((t) => t.kind === 'total')?.year ?? s.horizon;
  if (!Number.isInteger(histogramYear) || histogramYear <= s.baseYear || histogramYear > s.horizon) {
    throw new EngineError('invalid_argument', { name: 'histogramYear', reason: `must be within ${s.baseYear + 1}–${s.horizon}` });
  }
  const { sim, drivers, weight, persistence, correlations, sampling } = simulation(s, model, draws, options.seed, null, options.targetHistograms === true);

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
    correlations,
    sampling,
    persistence: { scenario: s.uncertainty?.persistence ?? defaultPersistence, drivers: persistence },
    targets: s.targets.map((t, k) => targetProbability(t, sim, k, s.baseYear, steps, draws)),
    total: fan(baseTotal, sim.totals, steps, draws, scratch, s.baseYear, 'total'),
    share: fan((baseTotal / model.base[0]!) * 100, sim.shares, steps, draws, scratch, s.baseYear, 'share'),
    histogram: { year: histogramYear, ...histogramOf(sim.totals.subarray((h - 1) * draws, h * draws), bins) },
    ...(options.targetHistograms ? { targetHistograms: s.targets.map((t, k) => targetHistogram(t, sim, k, s.baseYear, draws, bins)) } : {}),
  };
}

/** A target's quantity in its year over the draws: the total's or the share's column of that year, or the component's captured values. */
function targetHistogram(t: Target, sim: Simulation, k: number, baseYear: number, draws: number, bins: number): TargetHistogram {
  const step = t.year - baseYear;
  const column = t.kind === 'component' ? sim.captured[k]! : (t.kind === 'share' ? sim.shares : sim.totals).subarray((step - 1) * draws, step * draws);
  return { id: t.id, year: t.year, unit: t.kind === 'share' ? '%' : '亿元', ...histogramOf(column, bins) };
}

export function monteCarlo(s: ResolvedScenario, options: MonteCarloOptions): MonteCarloResult {
  const run = monteCarloSteps(s, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}
