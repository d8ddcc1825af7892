import type { CallResult } from '../../../../shared/api/bridge';
import { stagedFileSchema, type ImportFilePicker, type StagedFile } from '../../../../shared/api/data-contract';
import { isWireError } from '../../../../shared/api/errors';
import { ClientError } from '../../client';

function staged(outcome: CallResult): StagedFile | null {
  if (!outcome.ok) throw new ClientError(outcome.error);
  return outcome.result === null ? null : stagedFileSchema.parse(outcome.result);
}

/** The Electron shell's open dialog, when the page runs inside it. */
export function nativePicker(): ImportFilePicker | null {
  const bridge = window.workbench as Partial<ImportFilePicker> | undefined;
  return typeof bridge?.pickImportFile === 'function' ? (bridge as ImportFilePicker) : null;
}

/** Electron: the main process shows its dialog and stages the file picked; null when cancelled. */
export async function pickNative(picker: ImportFilePicker): Promise<StagedFile | null> {
  return staged(await picker.pickImportFile());
}

/** Browser mode: stream the chosen file to the host's upload route; the answer is a staging id. */
export async function uploadFile(file: File): Promise<StagedFile> {
  const response = await fetch('upload/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
    body: file,
    credentials: 'same-origin',
  });
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'ok' in body) {
    const outcome = body as CallResult;
    if (!outcome.ok && !isWireError(outcome.error)) throw new Error(`upload failed: HTTP ${response.status}`);
    const file = staged(outcome);
    if (file) return file;
  }
  throw new Error(`upload failed: HTTP ${response.status}`);
}
