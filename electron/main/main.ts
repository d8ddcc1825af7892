// The Electron main process: windows, the app:// scheme, IPC. All logic lives in electron/backend.
import { app, BrowserWindow, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import { WorkbenchService } from '../backend/service';
import { contentSecurityPolicy } from '../host/security';
import { registerIpc } from './ipc';
import { appOrigin, appScheme, mainWindowOptions } from './window-options';

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function workspaceArg(argv: string[]): string | undefined {
  const at = argv.indexOf('--workspace');
  return at >= 0 ? argv[at + 1] : undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = app.getAppPath();
  // A better-sqlite3 build for Electron's ABI sits apart from the Node build the tests use.
  const electronNative = path.join(root, '.native-electron', 'better_sqlite3.node');
  const service = WorkbenchService.open(
    {
      dataDir: app.getPath('userData'),
      mode: 'electron',
      appVersion: app.getVersion(),
      nativeBinding: fs.existsSync(electronNative) ? electronNative : undefined,
      migrationsDir: path.join(root, 'electron', 'backend', 'db', 'migrations'),
    },
    workspaceArg(process.argv),
  );
  registerIpc(service);

  const rendererDir = path.join(root, 'dist', 'renderer');
  protocol.handle(appScheme, (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(rendererDir, `.${path.posix.normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname))}`);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser; no new app windows.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${appOrigin}/index.html`);

  app.on('window-all-closed', () => {
    service.close();
    app.quit();
  });
}

void start();
