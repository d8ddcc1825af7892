// The scenario engine: pure functions over a scenario written as data. See docs/ENGINE.md.
export { EngineError, type EngineErrorCode, type EngineErrorData, type EngineErrorParams } from './errors';
export {
  scenarioSchema,
  resolvedScenarioSchema,
  growthSpecSchema,
  gdpGrowthSpecSchema,
  distributionSchema,
  backtestSourceSchema,
  targetSchema,
  parseScenario,
  parseResolvedScenario,
  persistenceSchema,
  persistenceOf,
  correlationsSchema,
  defaultPersistence,
  defaultSampling,
  formatPath,
  reservedDriverIds,
  type Scenario,
  type ScenarioInput,
  type ResolvedScenario,
  type GrowthSpec,
  type GdpGrowthSpec,
  type Distribution,
  type Uncertainty,
  type Correlations,
  type Persistence,
  type Sampling,
  type Target,
  type Bounds,
  type BaseRef,
  type BaseSource,
  type BacktestSource,
  type SchemaIssue,
} from './schema';
export { basesOf, baseTotal, noBases, type BaseFigure, type ScenarioBases } from './base-figure';
export { resolveBases, type LatestActual, type ResolveResult } from './resolve';
export { requiredGrowth, leastSquares, logisticRateFromMidpoint } from './growth';
export { listDrivers, shareFlag, type DriverInfo, type DriverParam, type DriverUnit, type ShareFlag } from './model';
export { project, type ProjectionResult, type SeriesResult, type ComponentResult, type TargetOutcome } from './project';
export {
  goalSeek,
  goalSeekJoint,
  defaultTolerance,
  scanSteps,
  readableGoalParams,
  type GoalSeekOptions,
  type GoalSeekResult,
  type JointGoalSeekOptions,
  type JointGoalSeekResult,
  type JointTargetSolution,
  type Direction,
} from './goal-seek';
export { sensitivity, defaultSpread, type OutputSpec, type SensitivityOptions, type SensitivityResult, type Spread, type TornadoBar } from './sensitivity';
export {
  monteCarlo,
  monteCarloSteps,
  percentileLevels,
  blockSize,
  DriverDraws,
  type CorrelatedDrivers,
  type DrawnDriver,
  type MonteCarloOptions,
  type MonteCarloProgress,
  type MonteCarloResult,
  type FanSeries,
  type TargetProbability,
  type TargetHistogram,
} from './monte-carlo';
export { importance, ranks, type DriverImportance, type ImportanceOptions, type ImportanceResult } from './importance';
export { backtest, actualPointSchema, type ActualPoint, type BacktestPoint, type BacktestResult, type BacktestSeries, type DefinitionBreak, type PointStatus } from './backtest';
export { judgeTargets, probabilityBound, targetVerdict, type JudgedOutcome, type Verdict } from './verdict';
export { gapBound, plainWriter, requiredBound, summarize, type SummaryOptions, type SummaryUnit, type ValueWriter } from './summarize';
export { calibrateFromGrowth, minGrowthValues, type Calibration, type GrowthEntry, type GrowthGap } from './calibrate';
export {
  evaluateForecasts,
  type EvaluationRow,
  type EvaluationVerdict,
  type ForecastEvaluation,
  type HorizonSummary,
  type SeriesEvaluation,
} from './forecast-evaluation';
export { LatinHypercube, Sfc32, type NormalSource } from './random';
export { normalCdf, normalQuantile, quantile } from './distributions';
export { choleskyFactor } from './correlation';
