// One-at-a-time sensitivity: move each driver alone to a low and a high value, keep the others at
// nominal, and see how far one output moves. Sorted by swing, it is the data of a tornado chart.
import { quantile } from './distributions';
import { EngineError } from './errors';
import { compile, findTarget, metricAt, runPaths, targetMetric, type DriverInfo, type DriverUnit, type MetricSpec, type Model } from './model';
import type { ResolvedScenario } from './schema';

export type OutputSpec =
  | { targetId: string }
  | { metric: 'total' | 'share' | 'gdp'; year: number }
  | { metric: 'component'; componentId: string; year: number };

/** Ranges for drivers without a distribution: ± this much around nominal. */
export interface Spread {
  /** Growth rates, shifts and the uplift, in percentage points. Default 2. */
  percent: number;
  /** Elasticities. Default 0.2. */
  elasticity: number;
  /** Yearly amounts and trend slopes, as a fraction of |nominal| (of the series' base when nominal is 0). Default 0.2. */
  amount: number;
}

export const defaultSpread: Spread = { percent: 2, elasticity: 0.2, amount: 0.2 };

export interface SensitivityOptions {
  output: OutputSpec;
  /** Quantiles of a driver's distribution used as its low and high. Default [0.1, 0.9]. */
  quantiles?: [number, number];
  spread?: Partial<Spread>;
}

export interface TornadoBar {
  driver: string;
  label: string;
  unit: DriverUnit;
  nominal: number;
  /** Where low and high come from: the driver's distribution, or the default spread. */
  source: 'distribution' | 'spread';
  low: { input: number; output: number };
  high: { input: number; output: number };
  /** |high.output − low.output|. */
  swing: number;
}

export interface SensitivityResult {
  output: { metric: MetricSpec['kind']; componentId: string | null; year: number; unit: '亿元' | '%'; base: number };
  /** Largest swing first. */
  bars: TornadoBar[];
}

function resolveOutput(model: Model, s: ResolvedScenario, output: OutputSpec): { metric: MetricSpec; year: number } {
  if ('targetId' in output) {
    const target = findTarget(s, output.targetId);
    return { metric: targetMetric(model, target), year: target.year };
  }
  if (!Number.isInteger(output.year) || output.year < s.baseYear || output.year > s.horizon) {
    throw new EngineError('invalid_argument', { name: 'output.year', reason: `must be within ${s.baseYear}–${s.horizon}` });
  }
  if (output.metric !== 'component') return { metric: { kind: output.metric }, year: output.year };
  const index = model.ids.indexOf(output.componentId);
  if (index < 1) throw new EngineError('unknown_component', { componentId: output.componentId });
  return { metric: { kind: 'component', index }, year: output.year };
}

function range(info: DriverInfo, base: number, spread: Spread): [number, number] {
  const width =
    info.unit === '×'
      ? spread.elasticity
      : info.unit === '亿元/年'
        ? spread.amount * (info.nominal !== 0 ? Math.abs(info.nominal) : base)
        : spread.percent;
  return [info.nominal - width, info.nominal + width];
}

export function sensitivity(s: ResolvedScenario, options: SensitivityOptions): SensitivityResult {
  const model = compile(s);
  const { metric, year } = resolveOutput(model, s, options.output);
  const [qLow, qHigh] = options.quantiles ?? [0.1, 0.9];
  if (!(qLow >= 0 && qLow < qHigh && qHigh <= 1)) {
    throw new EngineError('invalid_argument', { name: 'quantiles', reason: 'need 0 ≤ low < high ≤ 1' });
  }
  const spread = { ...defaultSpread, ...options.spread };
  const t = year - s.baseYear;
  const x = model.nominal.slice();
  const evaluate = () => metricAt(model, runPaths(model, x), metric, t);
  const base = evaluate();
  const n = model.components + 1;

  const bars = model.drivers.map((info, k): TornadoBar => {
    const dist = s.uncertainty?.drivers[info.id];
    const [rawLow, rawHigh] = dist
      ? [quantile(dist, qLow, `uncertainty.drivers.${info.id}`), quantile(dist, qHigh, `uncertainty.drivers.${info.id}`)]
      : range(info, model.base[k < n ? k : 0]!, spread);
    const clamp = (v: number) => Math.min(info.bounds.max, Math.max(info.bounds.min, v));
    const at = (input: number) => {
      x[k] = input;
      const output = evaluate();
      x[k] = model.nominal[k]!;
      return { input, output };
    };
    const low = at(clamp(rawLow));
    const high = at(clamp(rawHigh));
    return {
      driver: info.id,
      label: info.label,
      unit: info.unit,
      nominal: info.nominal,
      source: dist ? 'distribution' : 'spread',
      low,
      high,
      swing: Math.abs(high.output - low.output),
    };
  });
  return {
    output: {
      metric: metric.kind,
      componentId: metric.kind === 'component' ? model.ids[metric.index]! : null,
      year,
      unit: metric.kind === 'share' ? '%' : '亿元',
      base,
    },
    // Array.prototype.sort is stable, so equal swings keep the drivers' order.
    bars: bars.sort((a, b) => b.swing - a.swing),
  };
}
