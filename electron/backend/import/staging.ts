// Files waiting to be previewed and imported from the UI. The renderer never names a path: in browser
// mode the loopback host streams an upload into `<dataDir>/staging/` under a random name, and in
// Electron the main process registers the file the user picked in its own open dialog. Either way
// the UI holds only an opaque staging id. Uploaded copies are deleted when discarded, after a
// committed import, and when older than a day.

import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { WorkbenchError } from '../../../shared/api/errors';

/** Uploads above this are refused (413); separate from the 1 MiB cap on JSON calls. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.csv', '.tsv', '.tab', '.txt', '.xlsx', '.xlsm', '.xls'] as const;
const KEEP_MS = 24 * 60 * 60 * 1000;
const MAX_NAME = 200;

export interface StagedFile {
  stagingId: string;
  /** The name the user knows the file by (kept in provenance); never used as a path. */
  fileName: string;
  sizeBytes: number;
  path: string;
  /** True for an upload's copy under the staging folder, which is ours to delete. */
  owned: boolean;
  stagedAt: number;
}

/** A client-given file name reduced to a plain base name: no folders, no control characters. */
export function safeFileName(raw: string): string {
  const printable = [...raw.replace(/\\/g, '/')].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('');
  const name = basename(printable).trim().slice(0, MAX_NAME);
  return name === '' || name === '.' || name === '..' ? 'upload.csv' : name;
}

function checkExtension(fileName: string): void {
  const ext = extname(fileName).toLowerCase();
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) throw new WorkbenchError('file.unsupported', { fileName });
}

export class StagingArea {
  private readonly files = new Map<string, StagedFile>();

  constructor(readonly dir: string) {}

  /** Stream an upload to a new file under the staging folder; refuses more than `limit` bytes and leaves no partial file. */
  async receive(body: Readable, rawName: string, limit = MAX_UPLOAD_BYTES): Promise<StagedFile> {
    this.sweep();
    const fileName = safeFileName(rawName);
    checkExtension(fileName);
    mkdirSync(this.dir, { recursive: true });
    const stagingId = randomBytes(16).toString('hex');
    const path = join(this.dir, `${stagingId}.upload`);
    let size = 0;
    try {
      await new Promise<void>((done, fail) => {
        const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
        let failed = false;
        const stop = (error: unknown) => {
          if (failed) return;
          failed = true;
          body.unpipe(out);
          out.destroy();
          fail(error);
        };
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) stop(new WorkbenchError('error.tooLarge', { limit }));
        });
        body.on('error', stop);
        body.on('close', () => {
          if (!body.readableEnded) stop(new WorkbenchError('error.badRequest', { detail: 'upload interrupted' }));
        });
        out.on('error', stop);
        out.on('finish', () => {
          if (!failed) done();
        });
        body.pipe(out);
      });
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    if (size === 0) {
      rmSync(path, { force: true });
      throw new WorkbenchError('file.empty');
    }
    return this.add({ stagingId, fileName, sizeBytes: size, path, owned: true, stagedAt: Date.now() });
  }

  /** Register a file picked in the Electron open dialog: an absolute path to a regular file of a supported kind. */
  register(filePath: string, limit = MAX_UPLOAD_BYTES): StagedFile {
    this.sweep();
    if (!isAbsolute(filePath)) throw new WorkbenchError('file.not-found', { path: filePath });
    let size: number;
    try {
      const s = statSync(filePath);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch {
      throw new WorkbenchError('file.not-found', { path: filePath });
    }
    const fileName = safeFileName(filePath);
    checkExtension(fileName);
    if (size > limit) throw new WorkbenchError('error.tooLarge', { limit });
    if (size === 0) throw new WorkbenchError('file.empty');
    return this.add({ stagingId: randomBytes(16).toString('hex'), fileName, sizeBytes: size, path: resolve(filePath), owned: false, stagedAt: Date.now() });
  }

  get(stagingId: string): StagedFile {
    const file = this.files.get(stagingId);
    if (!file) throw new WorkbenchError('import.staging-not-found');
    return file;
  }

  discard(stagingId: string): boolean {
    const file = this.files.get(stagingId);
    if (!file) return false;
    this.files.delete(stagingId);
    if (file.owned) rmSync(file.path, { force: true });
    return true;
  }

  private add(file: StagedFile): StagedFile {
    this.files.set(file.stagingId, file);
    return file;
  }

  /** Drop entries and uploads older than a day, including uploads left by an earlier run. */
  private sweep(): void {
    const now = Date.now();
    for (const [id, f] of this.files) if (now - f.stagedAt > KEEP_MS) this.discard(id);
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.upload') || this.files.has(name.slice(0, -'.upload'.length))) continue;
      const p = join(this.dir, name);
      try {
        if (now - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { force: true });
      } catch {
        // Gone already: nothing to sweep.
      }
    }
  }
}

const areas = new Map<string, StagingArea>();

/** The staging area of a data directory, shared by the host's upload route, the IPC dialog and the API. */
export function stagingArea(dataDir: string): StagingArea {
  const dir = resolve(dataDir, 'staging');
  let area = areas.get(dir);
  if (!area) {
    area = new StagingArea(dir);
    areas.set(dir, area);
  }
  return area;
}
