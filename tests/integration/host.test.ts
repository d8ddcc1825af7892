import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/api/bridge';
import { dispatch } from '../../electron/backend/dispatch';
import type { WorkbenchService } from '../../electron/backend/service';
import { startHost, type RunningHost } from '../../electron/host/http';
import { tempDir, tempService } from '../helpers/temp';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that Host and other headers can be forged as an attacker would. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

let service: WorkbenchService;
let host: RunningHost;
let staticDir: string;

beforeAll(async () => {
  service = tempService().service;
  staticDir = tempDir();
  const fs = await import('node:fs');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startHost({ service, staticDir });
});

afterAll(async () => {
  await host.close();
  service.close();
});

function api(method: string, body: unknown, headers: Record<string, string> = {}) {
  return request(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Workbench-Token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints a tokenised URL', () => {
    const address = host.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const base = { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' };
    const none = await request(host.port, { method: 'POST', path: '/api/app.info', headers: base, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'error.unauthorized' } });
    const wrong = await request(host.port, { method: 'POST', path: '/api/app.info', headers: { ...base, 'X-Workbench-Token': 'x'.repeat(32) }, body: '{}' });
    expect(wrong.status).toBe(401);
    const page = await request(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const rebinding = await api('app.info', {}, { Host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    const origin = await api('app.info', {}, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(origin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('trades the URL token for a same-site HttpOnly cookie that then authorises the page', async () => {
    const first = await request(host.port, { path: `/?token=${host.token}`, headers: { Host: `localhost:${host.port}` } });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(host.port, { path: '/', headers: { Host: `localhost:${host.port}`, Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<title>t</title>');
    const escape = await request(host.port, { path: '/../../etc/passwd', headers: { Host: `localhost:${host.port}`, Cookie: cookie.split(';')[0]! } });
    expect(escape.status).toBe(404);
  });

  it('answers malformed calls with a typed error and keeps serving', async () => {
    const unknown = await api('no.such', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('error.unknownMethod');
    const wrongType = await api('targets.list', { plan: 42 });
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.body).error).toMatchObject({ code: 'error.badRequest' });
    expect(JSON.parse(wrongType.body).error.message).toContain('plan');
    const extraField = await api('app.info', { evil: true });
    expect(extraField.status).toBe(400);
    const notJson = await request(host.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Workbench-Token': host.token },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    const big = await api('targets.list', { plan: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('error.tooLarge');
    const after = await api('app.info', {});
    expect(after.status).toBe(200);
  });

  it('never lets a stack trace reach the client', async () => {
    const res = await api('workspace.open', { path: '/definitely/not/here.sqlite' });
    expect(res.status).toBe(422);
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('workspace.notFound');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

// The same contract suite against both transports: the in-process dispatcher (what IPC uses) and HTTP.
const transports: Array<[string, () => (method: string, input: unknown) => Promise<CallResult>]> = [
  ['in-process', () => (method, input) => dispatch(service, method, input)],
  ['http', () => async (method, input) => JSON.parse((await api(method, input)).body) as CallResult],
];

describe.each(transports)('contract over %s', (_name, make) => {
  it('lists the seeded targets and filters by plan', async () => {
    const call = make();
    const all = await call('targets.list', {});
    expect(all.ok).toBe(true);
    const targets = (all as { result: Array<{ code: string; plan: string }> }).result;
    expect(targets.length).toBe(26);
    const b = (await call('targets.list', { plan: 'B' })) as { result: Array<{ plan: string }> };
    expect(b.result.every((t) => t.plan === 'B')).toBe(true);
    const plans = (await call('plans.list', {})) as { result: Array<{ code: string }> };
    expect(plans.result.map((p) => p.code)).toEqual(['A', 'B', 'C']);
  });

  it('checks the workspace file in the background when first asked, and finds it sound', async () => {
    const call = make();
    let status = (await call('workspace.integrity', {})) as { ok: true; result: { state: string; problems: string[] } };
    for (let waited = 0; status.result.state === 'checking' && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await call('workspace.integrity', {})) as typeof status;
    }
    expect(status).toEqual({ ok: true, result: { state: 'ok', problems: [] } });
  });

  it('remembers the language and translates errors into it', async () => {
    const call = make();
    await call('settings.setLanguage', { language: 'en' });
    const en = (await call('workspace.open', { path: '/nope/x.sqlite' })) as { ok: false; error: { message: string } };
    expect(en.error.message).toBe('Workspace file not found: /nope/x.sqlite');
    await call('settings.setLanguage', { language: 'zh' });
    const zh = (await call('workspace.open', { path: '/nope/x.sqlite' })) as { ok: false; error: { message: string } };
    expect(zh.error.message).toBe('工作区文件不存在：/nope/x.sqlite');
    const info = (await call('app.info', {})) as { result: { language: string } };
    expect(info.result.language).toBe('zh');
  });

  it('creates and switches workspaces and keeps a recent list', async () => {
    const call = make();
    const before = (await call('app.info', {})) as { result: { workspace: { path: string } } };
    const name = `ws-${Math.random().toString(36).slice(2)}`;
    const created = (await call('workspace.create', { nameOrPath: name })) as { ok: true; result: { path: string; createdNow: boolean } };
    expect(created.ok).toBe(true);
    expect(created.result.path).toMatch(new RegExp(`${name}\\.sqlite$`));
    const again = (await call('workspace.create', { nameOrPath: name })) as { ok: false; error: { code: string } };
    expect(again.error.code).toBe('workspace.exists');
    const recent = (await call('workspace.recent', {})) as { result: Array<{ path: string; current: boolean }> };
    expect(recent.result[0]).toMatchObject({ path: created.result.path, current: true });
    expect(recent.result.map((r) => r.path)).toContain(before.result.workspace.path);
    const back = (await call('workspace.open', { path: before.result.workspace.path })) as { ok: true };
    expect(back.ok).toBe(true);
    const stats = (await call('workspace.stats', {})) as { result: { tables: Array<{ table: string; rows: number; approximate?: true }> } };
    expect(stats.result.tables.find((t) => t.table === 'targets')).toEqual({ table: 'targets', rows: 26 });
  });
});
