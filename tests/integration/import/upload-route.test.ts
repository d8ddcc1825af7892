import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../../electron/backend/service';
import { startHost, type RunningHost } from '../../../electron/host/http';
import { repoRoot } from '../../helpers/cli';
import { tempDir, tempService } from '../../helpers/temp';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that headers can be forged and a body sent in chunks without a length. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | Buffer[] }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The host may answer and close before a refused body is fully sent.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    for (const part of Array.isArray(options.body) ? options.body : options.body ? [options.body] : []) req.write(part);
    req.end();
  });
}

const LIMIT = 64 * 1024;
const sample = fs.readFileSync(path.join(repoRoot, 'data', 'sample', 'gdp-portal-gbk.csv'));
let service: WorkbenchService;
let dataDir: string;
let host: RunningHost;

beforeAll(async () => {
  ({ service, dataDir } = tempService());
  host = await startHost({ service, staticDir: tempDir(), maxUploadBytes: LIMIT });
});

afterAll(async () => {
  await host.close();
  service.close();
});

const stagingDir = () => path.join(dataDir, 'staging');
const staged = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()) : []);

function upload(body: Buffer | Buffer[], headers: Record<string, string> = {}) {
  return request(host.port, {
    path: '/upload/import',
    headers: {
      Host: `127.0.0.1:${host.port}`,
      'Content-Type': 'application/octet-stream',
      'X-Workbench-Token': host.token,
      'X-File-Name': encodeURIComponent('地区生产总值.csv'),
      ...headers,
    },
    body,
  });
}

function api(method: string, body: unknown) {
  return request(host.port, {
    path: `/api/${method}`,
    headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Workbench-Token': host.token },
    body: Buffer.from(JSON.stringify(body)),
  });
}

describe('upload route of the loopback host', () => {
  it('streams a file into the staging folder and answers a staging id that the preview takes', async () => {
    const res = await upload(sample);
    expect(res.status).toBe(200);
    const { result } = JSON.parse(res.body) as { result: { stagingId: string; fileName: string; sizeBytes: number } };
    expect(result).toMatchObject({ fileName: '地区生产总值.csv', sizeBytes: sample.length });
    expect(result.stagingId).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readFileSync(path.join(stagingDir(), `${result.stagingId}.upload`))).toEqual(sample);

    // The preview runs as a job; once done, its result is the preview.
    const started = await api('imports.preview', { stagingId: result.stagingId, options: {} });
    expect(started.status).toBe(200);
    let job = JSON.parse(started.body).result as { id: string; state: string; result?: unknown };
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = JSON.parse((await api('jobs.get', { id: job.id })).body).result as typeof job;
    }
    expect(job.state).toBe('done');
    const p = job.result as { file: { name: string }; encoding: { name: string }; sample: Array<{ regionName: string }> };
    expect(p.file.name).toBe('地区生产总值.csv');
    expect(p.encoding.name).toBe('gb18030');
    expect(p.sample[0]?.regionName).toBe('重庆');

    const discard = await api('imports.discard', { stagingId: result.stagingId });
    expect(JSON.parse(discard.body).result).toEqual({ discarded: true });
    expect(staged()).not.toContain(`${result.stagingId}.upload`);
  });

  it('refuses an upload without the token (401) or with a foreign Host or Origin (403), writing nothing', async () => {
    const before = staged();
    const none = await upload(sample, { 'X-Workbench-Token': '' });
    expect(none.status).toBe(401);
    const wrong = await upload(sample, { 'X-Workbench-Token': 'y'.repeat(32) });
    expect(wrong.status).toBe(401);
    const rebinding = await upload(sample, { Host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    const origin = await upload(sample, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(staged()).toEqual(before);
  });

  it('refuses a body over the cap with 413, whether declared or streamed in chunks, and leaves no partial file', async () => {
    const before = staged();
    const declared = await upload(Buffer.alloc(LIMIT + 1, 0x41));
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('error.tooLarge');
    const chunked = await upload(Array.from({ length: 10 }, () => Buffer.alloc(LIMIT / 4, 0x41)), { 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(staged()).toEqual(before);
    const after = await api('app.info', {});
    expect(after.status).toBe(200);
  });

  it('takes only a file body with a plain file name: no form posts, no folders, no unsupported kinds', async () => {
    const before = staged();
    const form = await upload(sample, { 'Content-Type': 'multipart/form-data; boundary=x' });
    expect(form.status).toBe(400);
    const noName = await upload(sample, { 'X-File-Name': '' });
    expect(noName.status).toBe(400);
    const exe = await upload(sample, { 'X-File-Name': 'run.exe' });
    expect(exe.status).toBe(422);
    expect(JSON.parse(exe.body).error.code).toBe('file.unsupported');
    expect(staged()).toEqual(before);
    const get = await request(host.port, { method: 'GET', path: '/upload/import', headers: { Host: `127.0.0.1:${host.port}`, 'X-Workbench-Token': host.token } });
    expect(get.status).toBe(400);

    const climbing = await upload(sample, { 'X-File-Name': encodeURIComponent('../../etc/地区.csv') });
    expect(climbing.status).toBe(200);
    const { result } = JSON.parse(climbing.body) as { result: { stagingId: string; fileName: string } };
    expect(result.fileName).toBe('地区.csv');
    expect(staged()).toContain(`${result.stagingId}.upload`);
  });

  it('never takes a path from the client: the import calls accept a staging id only', async () => {
    const byPath = await api('imports.preview', { path: path.join(repoRoot, 'data', 'sample', 'gdp-portal-gbk.csv'), options: {} });
    expect(byPath.status).toBe(400);
    const notStaged = await api('imports.preview', { stagingId: 'a'.repeat(32), options: {} });
    expect(notStaged.status).toBe(422);
    expect(JSON.parse(notStaged.body).error.code).toBe('import.staging-not-found');
    const traversal = await api('imports.preview', { stagingId: '../../etc/passwd', options: {} });
    expect(traversal.status).toBe(400);
  });
});
