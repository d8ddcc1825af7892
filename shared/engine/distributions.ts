// The four driver distributions, with optional truncation, as a CDF and a quantile function; and the
// compiled form Monte Carlo samples from. Every draw starts as a standard normal u (so a common shock
// can correlate drivers); a plain normal or lognormal maps u directly, the others through p = Φ(u)
// and their (truncated) quantile function: a Gaussian copula.
import { EngineError } from './errors';
import type { NormalSource } from './random';
import type { Distribution } from './schema';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Standard normal CDF Φ(x), double precision: Hart's algorithm 5666 as given by G. West, "Better
 * approximations to cumulative normal functions" (2005); absolute error below 1e-14.
 */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) c = 0;
  else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / SQRT_2PI;
    }
  }
  return x > 0 ? 1 - c : c;
}

const qa = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const qb = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const qc = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const qd = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function tail(q: number): number {
  return (((((qc[0]! * q + qc[1]!) * q + qc[2]!) * q + qc[3]!) * q + qc[4]!) * q + qc[5]!) / ((((qd[0]! * q + qd[1]!) * q + qd[2]!) * q + qd[3]!) * q + 1);
}

/**
 * Φ⁻¹(p) by P. J. Acklam's rational approximation alone, relative error below 1.15e-9, for p in
 * (0, 1): a few multiplications in the central 95%, a log and a root in the tails. Latin hypercube
 * sampling takes one per value, where this error is nothing against a stratum's width.
 */
export function normalQuantileApprox(p: number): number {
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((qa[0]! * r + qa[1]!) * r + qa[2]!) * r + qa[3]!) * r + qa[4]!) * r + qa[5]!) * q) /
    (((((qb[0]! * r + qb[1]!) * r + qb[2]!) * r + qb[3]!) * r + qb[4]!) * r + 1)
  );
}

/**
 * Standard normal quantile Φ⁻¹(p): P. J. Acklam's rational approximation (relative error 1.15e-9)
 * and one Halley step on normalCdf, which brings it to about machine precision.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const x = normalQuantileApprox(p);
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** μ and σ of ln X for a lognormal X with the given mean and sd. */
export function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** CDF of the distribution before truncation. */
function baseCdf(d: Distribution, x: number): number {
  switch (d.kind) {
    case 'normal':
      return normalCdf((x - d.mean) / d.sd);
    case 'lognormal': {
      if (x <= 0) return 0;
      const { mu, sigma } = lognormalParams(d.mean, d.sd);
      return normalCdf((Math.log(x) - mu) / sigma);
    }
    case 'triangular':
      if (x <= d.min) return 0;
      if (x >= d.max) return 1;
      return x <= d.mode ? (x - d.min) ** 2 / ((d.max - d.min) * (d.mode - d.min)) : 1 - (d.max - x) ** 2 / ((d.max - d.min) * (d.max - d.mode));
    case 'uniform':
      return x <= d.min ? 0 : x >= d.max ? 1 : (x - d.min) / (d.max - d.min);
  }
}

/** Quantile of the distribution before truncation. */
function baseQuantile(d: Distribution, p: number): number {
  switch (d.kind) {
    case 'normal':
      return d.mean + d.sd * normalQuantile(p);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.mean, d.sd);
      return Math.exp(mu + sigma * normalQuantile(p));
    }
    case 'triangular': {
      const width = d.max - d.min;
      const split = (d.mode - d.min) / width;
      return p < split ? d.min + Math.sqrt(p * width * (d.mode - d.min)) : d.max - Math.sqrt((1 - p) * width * (d.max - d.mode));
    }
    case 'uniform':
      return d.min + p * (d.max - d.min);
  }
}

/** The probability mass the truncation keeps: [F(min), F(max)]. */
function truncatedMass(d: Distribution, path: string): { lo: number; hi: number } {
  const lo = d.truncate?.min === undefined ? 0 : baseCdf(d, d.truncate.min);
  const hi = d.truncate?.max === undefined ? 1 : baseCdf(d, d.truncate.max);
  if (!(hi - lo > 1e-12)) throw new EngineError('invalid_argument', { name: path, reason: 'the truncation leaves (almost) no probability' });
  return { lo, hi };
}

/** Quantile of the (truncated) distribution: F⁻¹(F(a) + p·(F(b) − F(a))), clamped into [a, b]. */
export function quantile(d: Distribution, p: number, path = 'distribution'): number {
  const { lo, hi } = truncatedMass(d, path);
  const x = baseQuantile(d, lo + p * (hi - lo));
  const a = d.truncate?.min ?? -Infinity;
  const b = d.truncate?.max ?? Infinity;
  return Math.min(b, Math.max(a, x));
}

// Sampler kinds for the hot loop.
const SAMPLE_NORMAL = 0;
const SAMPLE_LOGNORMAL = 1;
const SAMPLE_COPULA = 2;

export interface Sampler {
  kind: number;
  /** Location and scale of the normal the value (normal) or its log (lognormal) follows. */
  a: number;
  b: number;
  /** Truncation as CDF values [lo, hi] and as values [min, max]. */
  lo: number;
  hi: number;
  min: number;
  max: number;
  dist: Distribution;
}

export function compileSampler(d: Distribution, path: string): Sampler {
  const { lo, hi } = truncatedMass(d, path);
  const log = d.kind === 'lognormal' ? lognormalParams(d.mean, d.sd) : null;
  const plain = d.truncate === undefined && (d.kind === 'normal' || d.kind === 'lognormal');
  return {
    kind: plain ? (log ? SAMPLE_LOGNORMAL : SAMPLE_NORMAL) : SAMPLE_COPULA,
    a: log ? log.mu : d.kind === 'normal' ? d.mean : 0,
    b: log ? log.sigma : d.kind === 'normal' ? d.sd : 0,
    lo,
    hi,
    min: d.truncate?.min ?? -Infinity,
    max: d.truncate?.max ?? Infinity,
    dist: d,
  };
}

/** mean and sd when the sampler is a plain normal (no truncation), which Monte Carlo can fuse; else null. */
export function plainNormal(s: Sampler): { mean: number; sd: number } | null {
  return s.kind === SAMPLE_NORMAL ? { mean: s.a, sd: s.b } : null;
}

/** The copula path: u → p = Φ(u), rescaled into the truncated mass → the quantile. */
function sample(s: Sampler, u: number): number {
  const p = s.lo + normalCdf(u) * (s.hi - s.lo);
  const d = s.dist;
  let x: number;
  if (d.kind === 'normal') x = s.a + s.b * normalQuantile(p);
  else if (d.kind === 'lognormal') x = Math.exp(s.a + s.b * normalQuantile(p));
  else x = baseQuantile(d, p);
  return Math.min(s.max, Math.max(s.min, x));
}

/**
 * Fill x with draws of the sampler's distribution. Each starts as a standard normal u; with a common
 * shock z (at least x's length) it is first mixed, u = √w·z + √(1−w)·u, which correlates any two
 * drivers by w. A plain normal without a shock is drawn scaled in one pass.
 */
export function sampleBlock(s: Sampler, rng: NormalSource, x: Float64Array, z: Float64Array | null, weight: number): void {
  const m = x.length;
  if (s.kind === SAMPLE_NORMAL && !z) {
    rng.fillNormals(x, 0, m, s.a, s.b);
    return;
  }
  rng.fillNormals(x, 0, m);
  if (z) {
    const shock = Math.sqrt(weight);
    const own = Math.sqrt(1 - weight);
    for (let d = 0; d < m; d++) x[d] = shock * z[d]! + own * x[d]!;
  }
  const { a, b } = s;
  if (s.kind === SAMPLE_NORMAL) for (let d = 0; d < m; d++) x[d] = a + b * x[d]!;
  else if (s.kind === SAMPLE_LOGNORMAL) for (let d = 0; d < m; d++) x[d] = Math.exp(a + b * x[d]!);
  else for (let d = 0; d < m; d++) x[d] = sample(s, x[d]!);
}

/**
 * Fill u with standard normal scores, each mixed with the common shock z when there is one
 * (u = √w·z + √(1−w)·e): the same numbers sampleBlock starts from.
 */
export function normalScores(rng: NormalSource, u: Float64Array, z: Float64Array | null, weight: number): void {
  const m = u.length;
  rng.fillNormals(u, 0, m);
  if (z) {
    const shock = Math.sqrt(weight);
    const own = Math.sqrt(1 - weight);
    for (let d = 0; d < m; d++) u[d] = shock * z[d]! + own * u[d]!;
  }
}

/** x ← the sampler's distribution at the normal scores u (its quantile at Φ(u)); x and u may not alias. */
export function fromScores(s: Sampler, u: Float64Array, x: Float64Array): void {
  const m = x.length;
  const { a, b } = s;
  if (s.kind === SAMPLE_NORMAL) for (let d = 0; d < m; d++) x[d] = a + b * u[d]!;
  else if (s.kind === SAMPLE_LOGNORMAL) for (let d = 0; d < m; d++) x[d] = Math.exp(a + b * u[d]!);
  else for (let d = 0; d < m; d++) x[d] = sample(s, u[d]!);
}
