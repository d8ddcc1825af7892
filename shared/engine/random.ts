// Seeded randomness that gives the same numbers in Node and in the renderer: integer arithmetic only
// (Math.imul, | 0, >>> 0) for the generator; the normal sampler's tables and tails use Math.exp/log,
// which V8 (Node, Electron, Chrome) computes identically.
import { normalQuantileApprox } from './distributions';
import { EngineError } from './errors';

/** splitmix32: spreads a 32-bit seed over the generator's state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

// Ziggurat tables (Marsaglia & Tsang 2000, 256 layers: r and v from their paper). Each draw takes one
// 32-bit word and splits it into disjoint bits — 8 for the layer, 1 for the sign, 23 for the position —
// so the layer and the value are not correlated, the flaw Doornik (2005) found in the original's shared
// bits. The tables are doubled over the sign bit (entries 256–511 carry a negative width) so the fast
// path has no branch on the sign, which a CPU would mispredict half the time.
const LAYERS = 256;
const SCALE = 8388608; // 2^23
const R = 3.6541528853610088;
const V = 4.92867323399e-3;
const kn = new Int32Array(2 * LAYERS);
const wn = new Float64Array(2 * LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * SCALE);
  kn[1] = 0;
  wn[0] = q / SCALE;
  wn[LAYERS - 1] = dn / SCALE;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * SCALE);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / SCALE;
  }
  for (let i = 0; i < LAYERS; i++) {
    kn[i + LAYERS] = kn[i]!;
    wn[i + LAYERS] = -wn[i]!;
  }
}

/**
 * sfc32, Chris Doty-Humphrey's Small Fast Chaotic generator (PractRand), 128 bits of state with a
 * counter, so no seed falls into a short cycle.
 */
export class Sfc32 {
  // Initialised with numbers, not declared bare: a field that starts undefined is stored boxed by V8,
  // which halves the speed of bulk draws.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** The word a fast path stopped at, for normalFrom. */
  private rejected = 0;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new EngineError('invalid_argument', { name: 'seed', reason: 'must be an integer in 0…4294967295' });
    }
    const st = { s: seed | 0 };
    this.a = splitmix32(st) | 0;
    this.b = splitmix32(st) | 0;
    this.c = splitmix32(st) | 0;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform double in (0, 1), never 0 or 1 (safe for log). */
  nextFloat(): number {
    return (this.nextU32() + 0.5) / 4294967296;
  }

  /** A standard normal draw (ziggurat). */
  normal(): number {
    return this.normalFrom(this.nextU32());
  }

  /**
   * Fill out[start…end) with mean + sd·(standard normal), the normals being the same numbers as that
   * many normal() calls. The fast path runs with the generator's state in locals and no call inside
   * the loop, which makes bulk draws several times faster; the ~1.5% of words it rejects go through
   * normalFrom.
   */
  fillNormals(out: Float64Array, start: number, end: number, mean = 0, sd = 1): void {
    let k = start;
    while (k < end) {
      k = this.fillFast(out, k, end, mean, sd);
      if (k < end) out[k++] = mean + sd * this.normalFrom(this.rejected);
    }
  }

  /** Fills from k until a word needs the slow path; returns its index (its word in `rejected`) or end. */
  private fillFast(out: Float64Array, from: number, end: number, mean: number, sd: number): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let k = from;
    for (; k < end; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const i = t & 511;
      const j = t >>> 9;
      if (j >= kn[i]!) {
        this.rejected = t >>> 0;
        break;
      }
      out[k] = mean + sd * (j * wn[i]!);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return k;
  }

  /**
   * One year of compound growth at normally distributed rates, fused with the draws so none is stored:
   * for each d, r = mean + sd·z (z the same normals fillNormals gives), lev[d] ← max(0, lev[d]·(1 +
   * (base + r)/100)) and sum[d] += lev[d]. Bit for bit what fillNormals followed by that step gives;
   * the Monte Carlo's hot path, where storing and re-reading each draw costs about a quarter of the time.
   */
  compoundNormals(lev: Float64Array, sum: Float64Array, base: number, mean: number, sd: number): void {
    const m = lev.length;
    let k = 0;
    while (k < m) {
      k = this.compoundFast(lev, sum, k, base, mean, sd);
      if (k < m) {
        const v = lev[k]! * (1 + (base + (mean + sd * this.normalFrom(this.rejected))) * 0.01);
        const next = v > 0 ? v : 0;
        lev[k] = next;
        sum[k] = sum[k]! + next;
        k++;
      }
    }
  }

  /** compoundNormals until a word needs the slow path; returns its index (its word in `rejected`) or the end. */
  private compoundFast(lev: Float64Array, sum: Float64Array, from: number, base: number, mean: number, sd: number): number {
    const m = lev.length;
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let k = from;
    for (; k < m; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const i = t & 511;
      const j = t >>> 9;
      if (j >= kn[i]!) {
        this.rejected = t >>> 0;
        break;
      }
      const v = lev[k]! * (1 + (base + (mean + sd * (j * wn[i]!))) * 0.01);
      const next = v > 0 ? v : 0;
      lev[k] = next;
      sum[k] = sum[k]! + next;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return k;
  }

  /** The ziggurat, given its first 32-bit word; further words come from the generator. */
  private normalFrom(first: number): number {
    let u = first;
    for (;;) {
      const i = u & 255;
      const j = u >>> 9;
      const negative = (u & 256) !== 0;
      let x = j * wn[i]!;
      if (j < kn[i]!) return negative ? -x : x;
      if (i === 0) {
        // The tail beyond R, by Marsaglia's exponential rejection.
        let a: number;
        let b: number;
        do {
          a = -Math.log(this.nextFloat()) / R;
          b = -Math.log(this.nextFloat());
        } while (b + b < a * a);
        x = R + a;
        return negative ? -x : x;
      }
      if (fn[i]! + this.nextFloat() * (fn[i - 1]! - fn[i]!) < Math.exp(-0.5 * x * x)) return negative ? -x : x;
      u = this.nextU32();
    }
  }
}

/** Where Monte Carlo takes its standard normals from, a block at a time: the generator itself, or a Latin hypercube over it. */
export interface NormalSource {
  /** Fill out[start…end) with mean + sd·(a standard normal). */
  fillNormals(out: Float64Array, start: number, end: number, mean?: number, sd?: number): void;
}

/**
 * Latin hypercube sampling of standard normals, a block at a time: each call's m values fall one in
 * each of m equally likely strata, (π(d) + U_d)/m on the probability scale for a random permutation
 * π and uniforms U_d, then Φ⁻¹. Each value is still a standard normal; a block's values cover the
 * distribution evenly, so an estimate from them varies less than from independent draws.
 */
export class LatinHypercube implements NormalSource {
  private readonly order: Int32Array;

  constructor(
    private readonly rng: Sfc32,
    size: number,
  ) {
    this.order = new Int32Array(size);
  }

  fillNormals(out: Float64Array, start: number, end: number, mean = 0, sd = 1): void {
    const m = end - start;
    const order = this.order;
    // Fisher–Yates over the strata 0…m−1.
    for (let i = 0; i < m; i++) order[i] = i;
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(this.rng.nextFloat() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let d = 0; d < m; d++) out[start + d] = mean + sd * normalQuantileApprox((order[d]! + this.rng.nextFloat()) / m);
  }
}
