// The loopback host under load and abuse: 1,000 concurrent valid calls are all served, slow clients
// that never finish their headers do not stop anyone else, and memory stays bounded.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../../electron/backend/service';
import { startHost, type RunningHost } from '../../../electron/host/http';
import { tempDir, tempService } from '../../helpers/temp';

let service: WorkbenchService;
let host: RunningHost;

beforeAll(async () => {
  service = tempService().service;
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startHost({ service, staticDir });
});

afterAll(async () => {
  await host.close();
  service.close();
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function call(method: string, body: unknown, token = host.token): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${method}`,
        agent,
        headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Workbench-Token': token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('loopback host under load', () => {
  it('serves 1,000 concurrent valid calls, refuses wrong tokens among them, and keeps memory bounded', async () => {
    const before = process.memoryUsage().heapUsed;
    const calls = Array.from({ length: 1000 }, (_, i) => (i % 10 === 9 ? call('targets.list', {}, 'wrong') : call('targets.list', { plan: i % 2 ? 'A' : 'B' })));
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.status === 200)).toHaveLength(900);
    expect(results.filter((r) => r.status === 401)).toHaveLength(100);
    for (const r of results.filter((x) => x.status === 200)) expect(JSON.parse(r.body).ok).toBe(true);
    globalThis.gc?.();
    // 1,000 small JSON answers should not leave more than a few tens of MB behind.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('keeps serving while slow clients hold connections with unfinished headers', async () => {
    const slow = Array.from({ length: 100 }, () => {
      const socket = net.connect(host.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(`POST /api/targets.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `);
      return socket;
    });
    try {
      const r = await call('plans.list', {});
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body).result.map((p: { code: string }) => p.code)).toEqual(['A', 'B', 'C']);
    } finally {
      for (const s of slow) s.destroy();
    }
  });

  it('refuses a streamed body at the size cap without waiting for its end', async () => {
    const socket = net.connect(host.port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', () => resolve(got));
    });
    socket.write(
      `POST /api/targets.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nX-Workbench-Token: ${host.token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 20 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(await answer).toMatch(/^HTTP\/1\.1 413/);
  });
});
