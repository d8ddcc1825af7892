// Errors cross every boundary as plain data, {code, message, params}; a stack never reaches the user.
// The renderer translates `code` with the shared catalogue; `message` is the backend's own rendering
// in the language that was current when the error was raised.

export type ErrorParams = Record<string, string | number | null>;

export interface WireError {
  code: string;
  message: string;
  params?: ErrorParams;
  details?: unknown;
}

export class WorkbenchError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly details: unknown;

  constructor(code: string, params: ErrorParams = {}, details?: unknown) {
    super(code);
    this.name = 'WorkbenchError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && typeof (value as WireError).code === 'string' && typeof (value as WireError).message === 'string';
}
