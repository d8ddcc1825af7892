import type { ExportedFile } from '../../shared/api/jobs-contract';

/**
 * Saves a file the backend rendered through the browser's download (in Electron, the shell turns a
 * download into a native save dialog). The bytes are handed over untouched.
 */
export function saveFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
