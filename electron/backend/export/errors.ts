// Export failures the UI and CLI can name: a code to translate and the params to show with it.

export type ExportErrorCode =
  | 'FONT_NOT_FOUND'
  | 'FONT_UNUSABLE'
  | 'DPI_OUT_OF_RANGE'
  | 'CHART_BUILD_FAILED'
  | 'RASTER_FAILED'
  | 'EMPTY_BRIEFING'
  | 'CANCELLED';

export type ExportErrorParams = Record<string, string | number | string[]>;

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportErrorCode,
    readonly params: ExportErrorParams,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
