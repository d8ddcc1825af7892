// Export failures the UI and CLI can name: a code to translate and the params to show with it.
import { dirname } from 'node:path';
import { WorkbenchError } from '../../../shared/api/errors';

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

/** System codes of a failed write, by the message that tells the user what to do. */
const writeFailures: Record<string, string> = {
  EACCES: 'export.noPermission',
  EPERM: 'export.noPermission',
  EROFS: 'export.readOnly',
  ENOSPC: 'export.diskFull',
  EDQUOT: 'export.diskFull',
  ENOENT: 'export.noFolder',
  ENOTDIR: 'export.notFolder',
  EISDIR: 'export.outIsFolder',
};

/**
 * A failed write as the user reads it: the place (`path`, else the one the system names) and what to
 * do, never a raw EACCES. A folder that does not exist is named itself. A failure without a system
 * code (a bug, not the disk) is returned as it is.
 */
export function writeError(error: unknown, path?: string): unknown {
  const fault = typeof error === 'object' && error !== null ? (error as { code?: unknown; path?: unknown }) : {};
  const code = typeof fault.code === 'string' ? fault.code : '';
  if (!/^E[A-Z]+$/.test(code)) return error;
  const place = path ?? (typeof fault.path === 'string' ? fault.path : '');
  return new WorkbenchError(writeFailures[code] ?? 'export.cannotWrite', { path: code === 'ENOENT' ? dirname(place) : place, code });
}
