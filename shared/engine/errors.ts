// The engine's one error type. Params are flat (string | number | null) so the backend can pass them
// on as a WireError's params unchanged; anything structured (a list of schema issues) goes in details.

export type EngineErrorCode =
  | 'invalid_scenario'
  | 'invalid_argument'
  | 'base_not_found'
  | 'base_year_mismatch'
  | 'base_not_positive'
  | 'logistic_ceiling_not_above_base'
  | 'logistic_midpoint_invalid'
  | 'unknown_target'
  | 'unknown_driver'
  | 'unknown_component'
  | 'goal_unreachable'
  | 'goal_always_met'
  | 'goal_conflict'
  | 'goal_independent'
  | 'goal_gdp_not_positive'
  | 'correlation_unknown_driver'
  | 'correlation_duplicate_driver'
  | 'correlation_shape'
  | 'correlation_out_of_range'
  | 'correlation_diagonal'
  | 'correlation_not_symmetric'
  | 'correlation_not_psd'
  | 'correlation_with_common_shock'
  | 'non_finite'
  | 'cancelled';

export type EngineErrorParams = Record<string, string | number | null>;

export interface EngineErrorData {
  code: EngineErrorCode;
  message: string;
  params: EngineErrorParams;
  details?: unknown;
}

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly params: EngineErrorParams;
  readonly details: unknown;

  constructor(code: EngineErrorCode, params: EngineErrorParams = {}, details?: unknown) {
    super(renderMessage(code, params));
    this.name = 'EngineError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  /** The plain form that crosses a boundary: no stack. */
  toJSON(): EngineErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message, params: this.params }
      : { code: this.code, message: this.message, params: this.params, details: this.details };
  }
}

// English fallbacks for logs and the CLI; the UI translates `code` with its own catalogue.
const templates: Record<EngineErrorCode, string> = {
  invalid_scenario: 'invalid scenario: {path}: {issue} ({count} issue(s))',
  invalid_argument: 'invalid argument {name}: {reason}',
  base_not_found: '{path}: no actual value of {indicator} for {region} in the workspace',
  base_year_mismatch: '{path}: the latest actual of {indicator} for {region} is for {year}, not the base year {baseYear}',
  base_not_positive: '{path}: the base value must be positive, got {value}',
  logistic_ceiling_not_above_base: '{path}: the logistic ceiling {ceiling} must be above the base value {base}',
  logistic_midpoint_invalid: '{path}: no logistic curve through the base {base} with ceiling {ceiling} has its midpoint in {midpointYear}',
  unknown_target: 'no target with id {targetId}',
  unknown_driver: 'no driver with id {driver}',
  unknown_component: 'no component with id {componentId}',
  goal_unreachable: 'target {targetId} is not met for any value of {driver} in [{lower}, {upper}]: it is {atLower} at {lower} and {atUpper} at {upper}, against {threshold}',
  goal_always_met: 'target {targetId} is met for every value of {driver} in [{lower}, {upper}]',
  goal_conflict: 'no value of {driver} in [{lower}, {upper}] meets all of {targetIds}',
  goal_independent: 'target {targetId} does not depend on {driver}: it is {value} (against {threshold}) whatever the value of {driver}',
  goal_gdp_not_positive: 'GDP falls to 0 by {year} for every value of {driver} in [{lower}, {upper}], so target {targetId} cannot be judged',
  correlation_unknown_driver: '{path}: {driver} has no distribution in uncertainty.drivers, so it is not drawn and cannot be correlated',
  correlation_duplicate_driver: '{path}: {driver} is listed twice among the correlated drivers',
  correlation_shape: '{path}: the correlation matrix needs {size} rows of {size} numbers, one per driver in the order of drivers',
  correlation_out_of_range: '{path}: the correlation of {driver} with {other} is {value}; a correlation is within -1 to 1',
  correlation_diagonal: "{path}: {driver}'s correlation with itself must be 1, not {value}",
  correlation_not_symmetric: '{path}: the correlation of {driver} with {other} is {value}, but that of {other} with {driver} is {mirror}; the matrix must be symmetric',
  correlation_not_psd: '{path}: the correlations between {drivers} cannot hold together (the matrix is not positive semi-definite)',
  correlation_with_common_shock: '{path}: give either a common shock or correlations, not both; the common shock is the shorthand for one correlation between all drivers',
  non_finite: 'the projection of {what} in {year} is not a finite number',
  cancelled: 'cancelled after {done} of {total} draws',
};

function renderMessage(code: EngineErrorCode, params: EngineErrorParams): string {
  return templates[code].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
