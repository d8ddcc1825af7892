import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { WorkbenchError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/bridge';
import { dispatch, toWireError } from '../backend/dispatch';
import { IMPORT_EXTENSIONS, stagingArea } from '../backend/import/staging';
import type { WorkbenchService } from '../backend/service';
import { appOrigin } from './window-options';

/** Only our own top frame, loaded from our own scheme, may call the backend. */
export function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  // A custom scheme has no WHATWG origin ("null"), so compare scheme and host.
  const url = URL.parse(frame.url);
  return url !== null && `${url.protocol}//${url.host}` === appOrigin;
}

function importDialogOptions(language: string): OpenDialogOptions {
  const zh = language === 'zh';
  return {
    title: zh ? '选择要导入的数据文件' : 'Choose a data file to import',
    properties: ['openFile'],
    filters: [
      { name: zh ? '表格（CSV、TSV、XLSX）' : 'Tables (CSV, TSV, XLSX)', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) },
      { name: zh ? '所有文件' : 'All files', extensions: ['*'] },
    ],
  };
}

/**
 * The open dialog for imports: the main process picks the path and stages it (an absolute path to a
 * regular file of a supported kind, within the upload size cap); the page gets only a staging id.
 */
async function pickImportFile(event: IpcMainInvokeEvent, service: WorkbenchService): Promise<CallResult> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = importDialogOptions(service.language);
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = picked.filePaths[0];
  if (picked.canceled || !path) return { ok: true, result: null };
  try {
    const staged = stagingArea(service.env.dataDir).register(path);
    return { ok: true, result: { stagingId: staged.stagingId, fileName: staged.fileName, sizeBytes: staged.sizeBytes } };
  } catch (error) {
    return { ok: false, error: toWireError(error, service.language) };
  }
}

export function registerIpc(service: WorkbenchService): void {
  ipcMain.handle('workbench:call', async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event)) return { ok: false, error: toWireError(new WorkbenchError('error.unauthorized'), service.language) };
    return dispatch(service, typeof method === 'string' ? method : '', input);
  });
  ipcMain.handle('workbench:pickImportFile', async (event) => {
    if (!trustedSender(event)) return { ok: false, error: toWireError(new WorkbenchError('error.unauthorized'), service.language) };
    return pickImportFile(event, service);
  });
}
