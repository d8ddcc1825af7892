// Where parsing runs: in a worker thread for large files (so it overlaps with writing) and for every
// legacy .xls or HTML table (SheetJS reads those whole and at once: off the calling thread, which
// serves the UI, and within the worker's heap cap), in the calling thread otherwise. Both give the
// same PipelineEvent stream. A worker that runs out of its heap ends the import as
// `import.out-of-memory`, never the app.
//
// The worker entry is `import-parse-worker.{js,cjs,mjs}` next to the bundle when the build emits one
// (Electron, and the CLI's dist-cli/), or else `parse-worker.ts` next to this file (tests from sources),
// bundled on first use (worker-bundle.ts) or, failing that, loaded through tsx. Without either, or
// when the worker cannot start, parsing falls back to the calling thread: slower, never different.

import { existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { IMPORT_LIMITS } from './limits';
import { parseFile, type PipelineEvent, type PipelineInput } from './parse-pipeline';
import { DataError, type FailureCode } from './problems';
import { isOle, looksLikeMarkup } from './table-reader';
import { bundledWorker } from './worker-bundle';

const WORKER_MIN_BYTES = 2 << 20;

type WorkerMessage = PipelineEvent | { type: 'error'; code: FailureCode | null; params: Record<string, string | number>; message: string };

/** URL of tsx's ESM register API (its `import` export: the CommonJS one cannot register ESM hooks). */
function tsxEsmApi(): string | null {
  try {
    const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
    const entry = pkg.exports?.['./esm/api']?.import?.default;
    return entry ? pathToFileURL(join(dirname(pkgPath), entry)).href : null;
  } catch {
    return null;
  }
}

const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb };

function workerFactory(): ((input: PipelineInput) => Worker) | null {
  for (const name of ['import-parse-worker.js', 'import-parse-worker.cjs', 'import-parse-worker.mjs']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return (input) => new Worker(url, { workerData: input, resourceLimits });
  }
  const source = new URL('./parse-worker.ts', import.meta.url);
  if (source.protocol !== 'file:' || !existsSync(fileURLToPath(source))) return null;
  const bundle = bundledWorker(fileURLToPath(source), 'import-parse-worker');
  // Plain CommonJS: no `--import tsx` inherited from the process, which would load tsx in the thread.
  if (bundle) return (input) => new Worker(bundle, { workerData: input, execArgv: [], resourceLimits });
  const tsx = tsxEsmApi();
  if (!tsx) return null;
  // Running from TypeScript sources: register tsx in the worker before loading the entry.
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
  return (input) => new Worker(boot, { eval: true, workerData: input, resourceLimits });
}

function outOfMemory(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

async function* workerEvents(create: (input: PipelineInput) => Worker, input: PipelineInput, signal?: AbortSignal): AsyncGenerator<PipelineEvent> {
  const worker = create(input);
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    poke();
  });
  worker.on('error', (e) => {
    failure = e;
    poke();
  });
  worker.on('exit', () => {
    exited = true;
    poke();
  });
  const onAbort = () => poke();
  signal?.addEventListener('abort', onAbort);
  let received = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw new DataError('import.cancelled');
      const m = queue.shift();
      if (!m) {
        // Out of its heap: parsing here instead would exhaust the app's.
        if (outOfMemory(failure)) throw new DataError('import.out-of-memory', { file: input.fileName, max: IMPORT_LIMITS.workerHeapMb });
        if ((failure || exited) && received === 0) {
          // The worker could not start (a packaging that cannot load it): parse here instead.
          yield* parseFile(input, signal);
          return;
        }
        if (failure) throw failure;
        if (exited) throw new Error('parse worker exited early');
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      received++;
      if (m.type === 'error') throw m.code ? new DataError(m.code, m.params) : new Error(m.message);
      yield m;
      if (m.type === 'batch') worker.postMessage({ type: 'credit' });
      if (m.type === 'end') return;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}

/** Whether a file is one SheetJS reads whole (a legacy .xls, an HTML table): judged by its first bytes. */
async function readWhole(filePath: string): Promise<boolean> {
  try {
    const fh = await open(filePath, 'r');
    try {
      const head = Buffer.alloc(1024);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      return isOle(head.subarray(0, bytesRead)) || looksLikeMarkup(head.subarray(0, bytesRead));
    } finally {
      await fh.close();
    }
  } catch {
    // Unreadable: the parser says why.
    return false;
  }
}

/** Parse events for a file, from a worker when it is worth one (or when asked). */
export async function* parseEvents(input: PipelineInput, sizeBytes: number, useWorker: boolean | undefined, signal?: AbortSignal): AsyncGenerator<PipelineEvent> {
  const want = useWorker ?? (sizeBytes >= WORKER_MIN_BYTES || (await readWhole(input.filePath)));
  const create = want ? workerFactory() : null;
  yield* create ? workerEvents(create, input, signal) : parseFile(input, signal);
}
