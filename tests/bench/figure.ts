/** One figure of `npm run bench`, in the format of bench-results.json (see docs/ARCHITECTURE.md). */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The same-run baseline the value is compared with, or null when the figure is for information. */
  baseline: number | null;
  ratio: number | null;
  target: number | null;
  ok: boolean | null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
