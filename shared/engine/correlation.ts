// Correlated drivers (docs/ENGINE.md, "Correlations"): a correlation matrix between the normal scores
// of named drivers, checked entry by entry, and its Cholesky factor, which turns independent standard
// normals into scores with that correlation (a Gaussian copula).

import type { EngineErrorCode } from './errors';

/** A problem with `uncertainty.correlations`, located at its entry: the engine error code and its params. */
export interface CorrelationIssue {
  /** The zod path below the scenario, e.g. ['uncertainty', 'correlations', 'matrix', 1, 0]. */
  path: (string | number)[];
  code: Extract<EngineErrorCode, `correlation_${string}`>;
  params: Record<string, string | number>;
  /** The same in English, for logs and the zod issue's message. */
  message: string;
}

export interface CorrelationsInput {
  drivers: readonly string[];
  matrix: readonly (readonly number[])[];
}

/** How far from exact a diagonal or a mirrored pair may be (typing 0.3 twice gives the same double anyway). */
const entryTolerance = 1e-12;
/** A pivot of the factorisation this close to 0 is 0: the matrix is singular there, still semi-definite. */
const pivotTolerance = 1e-10;

/**
 * The lower-triangular factor L (row-major, n×n) with L·Lᵀ = R, for a positive semi-definite R: where a
 * pivot is 0 (a driver that is a combination of the ones before it, e.g. ρ = 1) its column is 0 and
 * the entries below must be 0 too. `failedAt` is the first row at which R is found not to be
 * semi-definite (its leading (failedAt+1)×(failedAt+1) block is not), −1 when it is.
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): { factor: Float64Array; failedAt: number } {
  const n = matrix.length;
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = matrix[j]![j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! ** 2;
    if (d < -pivotTolerance) return { factor: L, failedAt: j };
    const pivot = d > pivotTolerance ? Math.sqrt(d) : 0;
    L[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = matrix[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (pivot > 0) L[i * n + j] = s / pivot;
      // A zero pivot leaves nothing to correlate with: any remainder means R is not semi-definite.
      else if (Math.abs(s) > Math.sqrt(pivotTolerance)) return { factor: L, failedAt: i };
    }
  }
  return { factor: L, failedAt: -1 };
}

/**
 * The drivers whose correlations contradict each other, for the message: three drivers whose 3×3
 * block is not semi-definite when there are such (two correlations of 0.9 with a third and −0.9
 * between themselves), else the first drivers up to the row where the factorisation fails.
 */
function inconsistentDrivers(c: CorrelationsInput, failedAt: number): string[] {
  const r = c.matrix;
  const n = c.drivers.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const a = r[i]![j]!;
        const b = r[i]![k]!;
        const g = r[j]![k]!;
        if (1 + 2 * a * b * g - a * a - b * b - g * g < -pivotTolerance) return [c.drivers[i]!, c.drivers[j]!, c.drivers[k]!];
      }
    }
  }
  return c.drivers.slice(0, failedAt + 1);
}

/**
 * Every problem with the correlations of a scenario's uncertainty, in the order a reader fixes them:
 * the drivers (each drawn from a distribution, none twice), the matrix's shape (n×n in the drivers'
 * order), each entry (in [−1, 1], 1 on the diagonal, equal to its mirror), then — only when all
 * entries are right — positive semi-definiteness; and the common shock, which it replaces.
 */
export function correlationIssues(
  c: CorrelationsInput,
  drawn: ReadonlySet<string>,
  commonShockWeight: number,
): CorrelationIssue[] {
  const at = (...rest: (string | number)[]) => ['uncertainty', 'correlations', ...rest];
  const issues: CorrelationIssue[] = [];
  if (commonShockWeight > 0) {
    issues.push({
      path: ['uncertainty', 'commonShock'],
      code: 'correlation_with_common_shock',
      params: {},
      message: 'give either a common shock or correlations: the common shock is the shorthand for equal correlations between all drivers',
    });
  }
  const seen = new Set<string>();
  c.drivers.forEach((driver, i) => {
    if (seen.has(driver)) {
      issues.push({ path: at('drivers', i), code: 'correlation_duplicate_driver', params: { driver }, message: `'${driver}' is listed twice` });
    } else if (!drawn.has(driver)) {
      issues.push({
        path: at('drivers', i),
        code: 'correlation_unknown_driver',
        params: { driver },
        message: `'${driver}' has no distribution in uncertainty.drivers, so it is not drawn and cannot be correlated`,
      });
    }
    seen.add(driver);
  });
  const n = c.drivers.length;
  const rows = c.matrix;
  const badRow = rows.findIndex((row) => row.length !== n);
  if (rows.length !== n || badRow >= 0) {
    issues.push({
      path: rows.length !== n ? at('matrix') : at('matrix', badRow),
      code: 'correlation_shape',
      params: { size: n },
      message: `the matrix needs ${n} rows of ${n} numbers, one per driver in the order of drivers`,
    });
    return issues;
  }
  const before = issues.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = rows[i]![j]!;
      const driver = c.drivers[i]!;
      const other = c.drivers[j]!;
      if (i === j) {
        if (Math.abs(value - 1) > entryTolerance) {
          issues.push({ path: at('matrix', i, j), code: 'correlation_diagonal', params: { driver, value }, message: `a driver's correlation with itself is 1, not ${value}` });
        }
      } else if (!(value >= -1 && value <= 1)) {
        issues.push({ path: at('matrix', i, j), code: 'correlation_out_of_range', params: { driver, other, value }, message: `a correlation is within −1…1, not ${value}` });
      } else if (j < i && Math.abs(value - rows[j]![i]!) > entryTolerance) {
        const mirror = rows[j]![i]!;
        issues.push({
          path: at('matrix', i, j),
          code: 'correlation_not_symmetric',
          params: { driver, other, value, mirror },
          message: `the correlation of '${driver}' with '${other}' is ${value} here and ${mirror} at [${j}][${i}]: the matrix must be symmetric`,
        });
      }
    }
  }
  if (issues.length > before) return issues;
  const { failedAt } = choleskyFactor(rows);
  if (failedAt >= 0) {
    const drivers = inconsistentDrivers(c, failedAt);
    issues.push({
      path: at('matrix'),
      code: 'correlation_not_psd',
      params: { drivers: drivers.join(', ') },
      message: `the correlations between ${drivers.join(', ')} cannot hold together (the matrix is not positive semi-definite)`,
    });
  }
  return issues;
}
