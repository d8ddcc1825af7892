// Problem codes and their severities. Texts live in shared/i18n/import-messages.ts, keyed by code;
// a test checks that every code here has a zh and an en text.

import { WorkbenchError } from '../../../shared/api/errors';
import type { Problem, Severity } from './types';

export const PROBLEM_SEVERITY = {
  'file.not-found': 'error',
  'file.empty': 'error',
  'file.unsupported': 'error',
  'file.xlsx-unreadable': 'error',
  'file.xls-unreadable': 'error',
  'file.html-unreadable': 'error',
  'file.html-no-table': 'error',
  'file.duplicate': 'warning',
  'encoding.replacement-char': 'error',
  'encoding.uncertain': 'warning',
  'encoding.suspect-mojibake': 'warning',
  'csv.unclosed-quote': 'error',
  'sheet.not-found': 'error',
  'sheet.empty': 'error',
  'layout.no-header': 'error',
  'layout.no-values': 'error',
  'layout.missing-indicator': 'error',
  'layout.missing-region': 'error',
  'layout.missing-period': 'error',
  'layout.uncertain': 'warning',
  'layout.duplicate-series': 'error',
  'layout.bad-mapping': 'error',
  'label.filled-down': 'warning',
  'row.missing-indicator': 'error',
  'row.missing-region': 'error',
  'row.duplicate-key': 'error',
  'period.invalid': 'error',
  'value.invalid': 'error',
  'value.percent-unit-mismatch': 'error',
  'value.qualified': 'warning',
  'unit.unknown': 'warning',
  'unit.conflict': 'warning',
  'unit.indicator-mismatch': 'warning',
  'status.invalid': 'error',
  'measure.unrecognised': 'error',
  'measure.note-overridden': 'warning',
  'conflict.exists': 'error',
  'total.skipped': 'warning',
  'total.mismatch': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

/** Codes of errors that stop a whole operation (thrown as DataError, never a row problem). */
export const FAILURE_CODES = [
  'import.busy',
  'import.not-found',
  'import.already-undone',
  'import.cancelled',
  'import.staging-not-found',
  'import.unknown-measure',
  'import.bad-release-date',
  'import.revise-needs-release',
  'edit.not-found',
  'edit.field',
  'edit.value',
  'edit.status',
  'edit.period',
  'edit.conflict',
  'edit.stale',
  'edit.already-undone',
  'query.column',
  'query.filter',
  'export.too-many-rows',
  'xlsx.too-many-entries',
  'xlsx.too-large',
  'xlsx.compression-ratio',
  'xlsx.size-mismatch',
  'table.too-many-columns',
  'table.too-many-rows',
  'csv.record-too-long',
  'workbook.too-large',
  'workbook.too-many-cells',
  'workbook.too-many-merges',
  'import.out-of-memory',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number] | ProblemCode;

/**
 * An operation that cannot go on, as the API's WorkbenchError (so it crosses to the UI as
 * {code, message, params}); `problems` holds the findings that led to it, when there are any.
 */
export class DataError extends WorkbenchError {
  declare readonly code: FailureCode;
  declare readonly params: Record<string, string | number>;
  readonly problems: Problem[];
  constructor(code: FailureCode, params: Record<string, string | number> = {}, problems: Problem[] = []) {
    super(code, params, problems.length ? { problems } : undefined);
    this.name = 'DataError';
    this.problems = problems;
  }
}

export const MAX_PROBLEMS = 200;
/** Longest text kept in a problem's params: a 10 MB cell quoted 200 times would make a 2 GB preview. */
export const MAX_PARAM_CHARS = 200;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function clipText(text: string, max = MAX_PARAM_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function clipParams(params: Record<string, string | number>): Record<string, string | number> {
  for (const v of Object.values(params)) {
    if (typeof v === 'string' && v.length > MAX_PARAM_CHARS) {
      return Object.fromEntries(Object.entries(params).map(([k, x]) => [k, typeof x === 'string' ? clipText(x) : x]));
    }
  }
  return params;
}

export interface ProblemPlace {
  file: string;
  sheet: string | null;
}

/** Keeps the first 200 problems and counts them all. Repeated warnings are reported once per key. */
export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;
  errors = 0;
  private readonly once = new Set<string>();

  constructor(private readonly place: ProblemPlace) {}

  add(code: ProblemCode, params: Record<string, string | number> = {}, row: number | null = null, column: number | null = null): void {
    const severity = PROBLEM_SEVERITY[code];
    this.total++;
    if (severity === 'error') this.errors++;
    if (this.items.length < MAX_PROBLEMS) {
      this.items.push({ code, severity, params: clipParams(params), file: this.place.file, sheet: this.place.sheet, row, column });
    }
  }

  /** A warning about a kind of thing (a unit, a label) rather than a row: reported at its first row only. */
  addOnce(key: string, code: ProblemCode, params: Record<string, string | number>, row: number | null, column: number | null): void {
    if (this.once.has(key)) return;
    this.once.add(key);
    this.add(code, params, row, column);
  }

  /** Take problems found elsewhere (the parse worker) in order. */
  merge(problems: readonly Problem[], total: number, errors: number): void {
    for (const p of problems) if (this.items.length < MAX_PROBLEMS) this.items.push(p);
    this.total += total;
    this.errors += errors;
  }
}
