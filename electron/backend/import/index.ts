// The import API the service and the CLI call: preview, commit, history and undo, the sample seed.
export { commitImport } from './commit';
export { findDuplicate, getImport, hashFile, listImports, undoImport } from './history';
export { previewImport } from './preview';
export { DataError, FAILURE_CODES, MAX_PROBLEMS, PROBLEM_SEVERITY, type FailureCode, type ProblemCode } from './problems';
export { SEED_FILE_NAME, seedSampleData, type SeedSummary } from './seed-sample';
export type * from './types';
export { STATUSES } from './types';
