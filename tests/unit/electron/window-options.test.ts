import { beforeEach, describe, expect, it, vi } from 'vitest';

// Only the Electron runtime is mocked (it cannot run here); everything of ours is real.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
}));

const { mainWindowOptions, appOrigin } = await import('../../../electron/main/window-options');
const { registerIpc, trustedSender } = await import('../../../electron/main/ipc');
const { tempService } = await import('../../helpers/temp');

function event(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent } } as never;
}

describe('Electron window options', () => {
  it('turns on every secure setting', () => {
    const options = mainWindowOptions('/app/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('IPC', () => {
  beforeEach(() => handlers.clear());

  it('accepts calls only from our own top frame', () => {
    expect(trustedSender(event(`${appOrigin}/index.html`))).toBe(true);
    expect(trustedSender(event('https://evil.example/'))).toBe(false);
    expect(trustedSender(event(`${appOrigin}/index.html`, {}))).toBe(false);
  });

  it('routes a call through the validating dispatcher to the real service', async () => {
    const { service } = tempService();
    registerIpc(service);
    const handle = handlers.get('workbench:call')!;
    const ok = (await handle(event(`${appOrigin}/index.html`), 'targets.list', { plan: 'A' })) as { ok: boolean; result: Array<{ code: string }> };
    expect(ok.ok).toBe(true);
    expect(ok.result.map((t) => t.code)).toContain('A1');
    const refused = (await handle(event('https://evil.example/'), 'targets.list', {})) as { ok: boolean; error: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'error.unauthorized' } });
    const bad = (await handle(event(`${appOrigin}/`), 'targets.list', { plan: 5 })) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'error.badRequest' } });
    service.close();
  });
});
