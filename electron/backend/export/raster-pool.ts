// PNG rasterising on worker threads, so a briefing pack uses every core: resvg is the slow step
// (~280 ms a 300-DPI chart on a 2-core machine) and runs without the main thread's help.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ExportError } from './errors';
import type { RasterJob } from './png';

// The worker is plain CommonJS evaluated from a string: it needs no build step and runs the same
// under vitest, tsx and the bundled Electron main process. It does exactly what `rasterise` does.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    const png = new Uint8Array(new Resvg(svg, options).render().asPng());
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Pending {
  job: RasterJob;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; png: Uint8Array; error?: undefined } | { id: number; error: string };

export class RasterPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Array<Pending & { id: number }> = [];
  private readonly running = new Map<number, Pending>();
  /** The job each busy worker is on. */
  private readonly busy = new Map<Worker, number>();
  private workers: Worker[] = [];
  private nextId = 0;
  private closing: Promise<void> | null = null;

  constructor(size: number) {
    const resvg = createRequire(import.meta.url).resolve('@resvg/resvg-js');
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvg } });
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(job: RasterJob): Promise<Uint8Array> {
    if (this.closing) return Promise.reject(new ExportError('CANCELLED', {}, 'The raster pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; jobs not finished are rejected as cancelled. Safe to call more than once. */
  close(): Promise<void> {
    if (!this.closing) {
      const cancelled = new ExportError('CANCELLED', {}, 'Rasterising was cancelled');
      for (const p of [...this.queue, ...this.running.values()]) p.reject(cancelled);
      this.queue.length = 0;
      this.running.clear();
      this.closing = Promise.all(this.workers.map((w) => w.terminate())).then(() => undefined);
    }
    return this.closing;
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const next = this.queue.shift()!;
      this.running.set(next.id, next);
      this.busy.set(worker, next.id);
      worker.postMessage({ id: next.id, svg: next.job.svg, options: next.job.options });
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.running.get(reply.id);
    this.running.delete(reply.id);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (pending) {
      if (reply.error === undefined) pending.resolve(reply.png);
      else pending.reject(new ExportError('RASTER_FAILED', { reason: reply.error }, 'resvg could not rasterise the chart'));
    }
    this.pump();
  }

  /** A worker that crashed fails its own job and leaves the pool; with none left, the queue fails too. */
  private fail(worker: Worker, error: Error): void {
    const failure = new ExportError('RASTER_FAILED', { reason: error.message }, 'A rasterising worker failed', { cause: error });
    const id = this.busy.get(worker);
    this.busy.delete(worker);
    this.workers = this.workers.filter((w) => w !== worker);
    if (id !== undefined) {
      this.running.get(id)?.reject(failure);
      this.running.delete(id);
    }
    if (!this.workers.length) {
      for (const p of this.queue) p.reject(failure);
      this.queue.length = 0;
    }
  }
}
