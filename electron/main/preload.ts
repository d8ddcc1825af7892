// Sandboxed preload: exposes one small typed object and never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { WorkbenchBridge } from '../../shared/api/bridge';
import type { ImportFilePicker } from '../../shared/api/data-contract';

const bridge: WorkbenchBridge & ImportFilePicker = {
  call: (method, input) => ipcRenderer.invoke('workbench:call', String(method), input),
  // The main process opens the dialog and stages the file; no path ever passes through the page.
  pickImportFile: () => ipcRenderer.invoke('workbench:pickImportFile'),
};

contextBridge.exposeInMainWorld('workbench', bridge);
