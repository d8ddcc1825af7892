import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { WorkbenchError } from '../../shared/api/errors';
import { dispatch, toWireError } from '../backend/dispatch';
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

export function registerIpc(service: WorkbenchService): void {
  ipcMain.handle('workbench:call', async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event)) return { ok: false, error: toWireError(new WorkbenchError('error.unauthorized'), service.language) };
    return dispatch(service, typeof method === 'string' ? method : '', input);
  });
}
