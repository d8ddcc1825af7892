// Sandboxed preload: exposes one small typed object and never raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { WorkbenchBridge } from '../../shared/api/bridge';

const bridge: WorkbenchBridge = {
  call: (method, input) => ipcRenderer.invoke('workbench:call', String(method), input),
};

contextBridge.exposeInMainWorld('workbench', bridge);
