import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { maxRequestBytes } from '../../shared/api/contract';
import { WorkbenchError, type WireError } from '../../shared/api/errors';
import { dispatch, toWireError } from '../backend/dispatch';
import { MAX_UPLOAD_BYTES, stagingArea } from '../backend/import/staging';
import type { WorkbenchService } from '../backend/service';
import { allowedHost, allowedOrigin, contentSecurityPolicy, cookieName, newToken, readCookie, tokensEqual } from './security';

export interface HostOptions {
  service: WorkbenchService;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Cap on one upload to `/upload/import`; default MAX_UPLOAD_BYTES. */
  maxUploadBytes?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const baseHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function statusFor(error: WireError): number {
  switch (error.code) {
    case 'error.unknownMethod':
      return 404;
    case 'error.badRequest':
      return 400;
    case 'error.tooLarge':
      return 413;
    case 'error.unauthorized':
      return 401;
    case 'error.forbiddenHost':
      return 403;
    case 'error.internal':
      return 500;
    default:
      return 422;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

function sendError(res: http.ServerResponse, service: WorkbenchService, error: WorkbenchError, extra: Record<string, string> = {}): void {
  const wire = toWireError(error, service.language);
  sendJson(res, statusFor(wire), { ok: false, error: wire }, extra);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new WorkbenchError('error.tooLarge', { limit }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new WorkbenchError('error.tooLarge', { limit }));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The `X-File-Name` header: the file's base name, URI-encoded by the client so that Chinese names survive. */
function uploadName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) throw new WorkbenchError('error.badRequest', { detail: 'X-File-Name header missing' });
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new WorkbenchError('error.badRequest', { detail: 'X-File-Name is not URI-encoded' });
  }
}

/**
 * `POST /upload/import`: the body is the file itself (`application/octet-stream`, which no HTML form
 * can send, so a cross-site form cannot post one), streamed to a new file under the data
 * directory's staging folder. The answer is a staging id for `imports.preview` and `imports.commit`;
 * no call of the API ever takes a client-given path in browser mode.
 */
async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, service: WorkbenchService, limit: number): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, service, new WorkbenchError('error.badRequest', { detail: 'POST only' }), { Allow: 'POST' });
    return;
  }
  if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    sendError(res, service, new WorkbenchError('error.badRequest', { detail: 'Content-Type must be application/octet-stream' }));
    return;
  }
  try {
    const name = uploadName(req.headers['x-file-name']);
    if (Number(req.headers['content-length'] ?? 0) > limit) throw new WorkbenchError('error.tooLarge', { limit });
    const staged = await stagingArea(service.env.dataDir).receive(req, name, limit);
    sendJson(res, 200, { ok: true, result: { stagingId: staged.stagingId, fileName: staged.fileName, sizeBytes: staged.sizeBytes } });
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    // The rest of a refused body is read and dropped; the connection is not reused.
    req.resume();
    sendError(res, service, error, { Connection: 'close' });
  }
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse, headOnly: boolean): void {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = path.resolve(staticDir, `.${path.posix.normalize(relative)}`);
  if (!file.startsWith(path.resolve(staticDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { ...baseHeaders, 'Content-Type': type, 'Cache-Control': 'no-cache' });
  if (headOnly) res.end();
  else fs.createReadStream(file).pipe(res);
}

/**
 * Browser mode: serves the built renderer and `POST /api/<method>` on 127.0.0.1 only. Every request
 * needs the per-launch token (the `?token=` of the printed URL once, then a same-site cookie or the
 * `X-Workbench-Token` header); a foreign Host or Origin is refused, and no CORS headers are sent.
 */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const { service, staticDir } = options;
  const token = options.token ?? newToken();
  let port = 0;

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host;
      if (!allowedHost(host, port) || !allowedOrigin(req.headers.origin, port)) {
        sendError(res, service, new WorkbenchError('error.forbiddenHost', { host: String(host ?? req.headers.origin ?? '').slice(0, 100) }));
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      const cookie = cookieName(port);
      const queryToken = url.searchParams.get('token') ?? undefined;
      const given = (req.headers['x-workbench-token'] as string | undefined) ?? readCookie(req.headers.cookie, cookie);

      if (req.method === 'GET' && tokensEqual(queryToken, token)) {
        // Trade the URL's token for a cookie and drop it from the address bar and history.
        url.searchParams.delete('token');
        res.writeHead(302, {
          ...baseHeaders,
          'Set-Cookie': `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: `${url.pathname}${url.search}`,
        });
        res.end();
        return;
      }
      if (!tokensEqual(given, token)) {
        sendError(res, service, new WorkbenchError('error.unauthorized'));
        return;
      }

      if (url.pathname === '/upload/import') {
        await receiveUpload(req, res, service, options.maxUploadBytes ?? MAX_UPLOAD_BYTES);
        return;
      }

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') {
          sendError(res, service, new WorkbenchError('error.badRequest', { detail: 'POST only' }), { Allow: 'POST' });
          return;
        }
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          sendError(res, service, new WorkbenchError('error.badRequest', { detail: 'Content-Type must be application/json' }));
          return;
        }
        let body: unknown;
        try {
          const raw = await readBody(req, maxRequestBytes);
          body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
        } catch (error) {
          if (error instanceof WorkbenchError) {
            sendError(res, service, error, { Connection: 'close' });
          } else {
            sendError(res, service, new WorkbenchError('error.badRequest', { detail: 'body is not valid JSON' }));
          }
          return;
        }
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const result = await dispatch(service, method, body);
        sendJson(res, result.ok ? 200 : statusFor(result.error), result);
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, service, new WorkbenchError('error.badRequest', { detail: 'method not allowed' }), { Allow: 'GET, HEAD' });
        return;
      }
      serveStatic(staticDir, url.pathname, res, req.method === 'HEAD');
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toWireError(error, service.language) });
      else res.destroy();
    }
  });
  // Slow or stalled clients must not hold sockets forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
