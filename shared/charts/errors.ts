// Why a template cannot draw the data it was given. The UI translates `code` and shows `params`;
// the message is for logs and the CLI.

export type ChartBuildErrorCode =
  | 'NO_DATA'
  | 'MIXED_UNITS'
  | 'TOO_MANY_UNITS'
  | 'MISSING_BARS'
  | 'WATERFALL_CROSSES_ZERO'
  | 'MISSING_PROGRESS';

export class ChartBuildError extends Error {
  override readonly name = 'ChartBuildError';
  constructor(
    readonly code: ChartBuildErrorCode,
    readonly params: Record<string, string | number | string[]>,
    message: string,
  ) {
    super(message);
  }
}
