// Exact percentiles of large samples without sorting them: bucket the values, then sort only the few
// buckets that hold the ranks asked for. A full sort of 100,000 doubles per year and per series would
// cost more than the simulation itself.

const BUCKETS = 4096;

/** Reusable work space for columnStats, sized for samples of up to `size` values. */
export class QuantileScratch {
  readonly counts = new Int32Array(BUCKETS);
  /** Where a needed bucket's values start in `gathered`, −1 for buckets not needed. */
  readonly offsets = new Int32Array(BUCKETS);
  readonly cursor = new Int32Array(BUCKETS);
  readonly bucket: Uint16Array;
  readonly gathered: Float64Array;

  constructor(size: number) {
    this.bucket = new Uint16Array(size);
    this.gathered = new Float64Array(size);
  }
}

/**
 * The mean and type-7 quantiles (linear interpolation between order statistics; R's and numpy's
 * default): h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), x₍ᵢ₎ the i-th smallest (0-based).
 */
export function columnStats(values: Float64Array, probs: readonly number[], scratch: QuantileScratch): { mean: number; quantiles: number[] } {
  const n = values.length;
  // The buckets span the range of every 16th value; values outside it fall into the two end buckets,
  // which are sorted like any other if a rank lands there, so the result stays exact.
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i += 16) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(hi > lo)) return { mean: lo, quantiles: probs.map(() => lo) };
  const { counts, offsets, cursor, bucket, gathered } = scratch;
  const inner = BUCKETS - 2;
  const scale = inner / (hi - lo);
  let sum = 0;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    const f = (v - lo) * scale;
    const b = f < 0 ? 0 : f >= inner ? BUCKETS - 1 : (f | 0) + 1;
    bucket[i] = b;
    counts[b] = counts[b]! + 1;
  }
  const mean = sum / n;
  // The two order statistics each probability needs, and the bucket holding each.
  const ranks = probs.flatMap((p) => {
    const r = Math.floor((n - 1) * p);
    return [r, Math.min(r + 1, n - 1)];
  });
  const rankBucket = new Int32Array(ranks.length);
  const rankInBucket = new Int32Array(ranks.length);
  offsets.fill(-1);
  ranks.forEach((rank, k) => {
    let below = 0;
    let b = 0;
    while (b < BUCKETS - 1 && rank >= below + counts[b]!) below += counts[b++]!;
    rankBucket[k] = b;
    rankInBucket[k] = rank - below;
    offsets[b] = 0;
  });
  let size = 0;
  for (let b = 0; b < BUCKETS; b++) {
    if (offsets[b]! < 0) continue;
    offsets[b] = size;
    cursor[b] = size;
    size += counts[b]!;
  }
  for (let i = 0; i < n; i++) {
    const b = bucket[i]!;
    if (offsets[b]! >= 0) gathered[cursor[b]!++] = values[i]!;
  }
  for (let b = 0; b < BUCKETS; b++) {
    if (offsets[b]! >= 0) gathered.subarray(offsets[b]!, offsets[b]! + counts[b]!).sort();
  }
  const order = (k: number) => gathered[offsets[rankBucket[k]!]! + rankInBucket[k]!]!;
  const quantiles = probs.map((p, i) => {
    const h = (n - 1) * p;
    const lo = order(2 * i);
    return lo + (h - Math.floor(h)) * (order(2 * i + 1) - lo);
  });
  return { mean, quantiles };
}

export interface Histogram {
  /** bins + 1 edges; bin i is [edges[i], edges[i+1]), the last one closed. */
  edges: number[];
  counts: number[];
}

export function histogramOf(values: Float64Array, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return { edges: [min, max], counts: [values.length] };
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i]! - min) / width))]!++;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width)), counts };
}
