import type { BrowserWindowConstructorOptions } from 'electron';

/** The one set of BrowserWindow options the app uses; a unit test asserts each secure setting. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '数字经济情景工作台',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The custom scheme the renderer is served from: a standard, secure origin of our own. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://workbench`;
