// Importance analysis (Analytica's): how strongly each uncertain driver's draws go with an output, as
// the rank (Spearman) correlation over a Monte Carlo sample. Unlike the tornado, which moves one
// driver at a time, it weighs each driver by its own distribution with all the others drawn too.
import { EngineError } from './errors';
import { recordDraws } from './monte-carlo';
import { compile, findTarget, targetMetric, type MetricSpec } from './model';
import type { ResolvedScenario } from './schema';
import type { OutputSpec } from './sensitivity';

export interface ImportanceOptions {
  draws: number;
  seed: number;
  /** Default: the total in the horizon. */
  output?: OutputSpec;
}

export interface DriverImportance {
  driver: string;
  label: string;
  /** Spearman's ρ between the driver's draws and the output, in [−1, 1]; null when either does not vary. */
  correlation: number | null;
}

export interface ImportanceResult {
  output: { metric: MetricSpec['kind']; componentId: string | null; targetId: string | null; year: number; unit: '亿元' | '%' };
  draws: number;
  seed: number;
  /**
   * The sd of ρ between two unrelated samples of this size, 1/√(n − 1): a |ρ| within about twice it
   * cannot be told from 0.
   */
  standardError: number;
  /** Every drawn driver, the largest |ρ| first (a driver whose ρ is null last), ties in driver order. */
  drivers: DriverImportance[];
}

/**
 * Ranks 1…n with ties given their average rank, so Spearman's ρ is Pearson's correlation of the ranks
 * whatever ties the sample holds (an output floored at 0, a share undefined at GDP 0).
 */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) out[order[k]!] = rank;
    i = j;
  }
  return out;
}

/** Pearson's correlation, or null when either sample is constant. */
function pearson(a: Float64Array, b: Float64Array): number | null {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (!(saa > 0) || !(sbb > 0)) return null;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/** |ρ|, and −1 for a driver without one, which sorts it last. */
const strength = (d: DriverImportance) => (d.correlation === null ? -1 : Math.abs(d.correlation));

function resolveOutput(s: ResolvedScenario, output: OutputSpec): ImportanceResult['output'] & { spec: MetricSpec } {
  const model = compile(s);
  const unitOf = (kind: MetricSpec['kind']) => (kind === 'share' ? '%' : '亿元');
  if ('targetId' in output) {
    const target = findTarget(s, output.targetId);
    const spec = targetMetric(model, target);
    const componentId = target.kind === 'component' ? target.componentId : null;
    return { spec, metric: spec.kind, componentId, targetId: target.id, year: target.year, unit: unitOf(spec.kind) };
  }
  if (!Number.isInteger(output.year) || output.year <= s.baseYear || output.year > s.horizon) {
    throw new EngineError('invalid_argument', { name: 'output.year', reason: `must be within ${s.baseYear + 1}–${s.horizon}` });
  }
  if (output.metric !== 'component') return { spec: { kind: output.metric }, metric: output.metric, componentId: null, targetId: null, year: output.year, unit: unitOf(output.metric) };
  const index = model.ids.indexOf(output.componentId);
  if (index < 1) throw new EngineError('unknown_component', { componentId: output.componentId });
  return { spec: { kind: 'component', index }, metric: 'component', componentId: output.componentId, targetId: null, year: output.year, unit: '亿元' };
}

/**
 * Spearman's ρ between each drawn driver and the output over `draws` simulated paths (seeded as
 * monteCarlo). A driver drawn more than once along a path (each year, or an AR(1)) is represented by
 * its mean over the years up to the output's year, which is what a growth rate contributes to a level.
 */
export function importance(s: ResolvedScenario, options: ImportanceOptions): ImportanceResult {
  if (!Number.isInteger(options.draws) || options.draws < 3) throw new EngineError('invalid_argument', { name: 'draws', reason: 'must be an integer of at least 3' });
  const { spec, ...output } = resolveOutput(s, options.output ?? { metric: 'total', year: s.horizon });
  const labels = new Map(compile(s).drivers.map((d) => [d.id, d.label]));
  const recorded = recordDraws(s, options.draws, options.seed, output.year - s.baseYear, spec);
  const outputRanks = ranks(recorded.output);
  const drivers = recorded.drivers
    .map((driver, i) => ({ driver, label: labels.get(driver) ?? driver, correlation: pearson(ranks(recorded.values[i]!), outputRanks) }))
    .sort((a, b) => strength(b) - strength(a));
  return { output, draws: options.draws, seed: options.seed, standardError: 1 / Math.sqrt(options.draws - 1), drivers };
}
