// Background jobs: long work (briefing exports, imports) runs here while the UI polls `jobs.get` for
// progress and may `jobs.cancel`. A job's work gets an AbortSignal and a progress callback; a file it
// produces is kept in memory until fetched once with `jobs.file`.
import { randomUUID } from 'node:crypto';
import { WorkbenchError, type ErrorParams } from '../../shared/api/errors';
import type { ExportedFile, JobStatus } from '../../shared/api/jobs-contract';

export interface JobContext {
  signal: AbortSignal;
  progress(step: string, done: number, total: number): void;
}

export interface JobOutcome {
  file?: ExportedFile;
  result?: unknown;
}

interface Job {
  status: JobStatus;
  controller: AbortController;
  file: ExportedFile | null;
  finishedAt: number | null;
}

/** Finished jobs nobody collected are dropped after this long, so their files do not pile up. */
const KEEP_FINISHED_MS = 10 * 60 * 1000;

/** A failure as the wire carries it: WorkbenchErrors as they are, anything else as an internal error. */
function errorOf(error: unknown): { code: string; params: ErrorParams } {
  if (error instanceof WorkbenchError) return { code: error.code, params: error.params };
  return { code: 'error.internal', params: { detail: error instanceof Error ? error.message : String(error) } };
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  /** Starts `work` on the next turn of the event loop and returns its first status at once. */
  start(kind: string, work: (ctx: JobContext) => Promise<JobOutcome>): JobStatus {
    this.sweep();
    const controller = new AbortController();
    const job: Job = {
      status: { id: randomUUID(), kind, state: 'running', step: 'job.step.start', done: 0, total: 1, error: null, fileName: null },
      controller,
      file: null,
      finishedAt: null,
    };
    this.jobs.set(job.status.id, job);
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (step, done, total) => {
        if (job.status.state === 'running') job.status = { ...job.status, step, done, total };
      },
    };
    setImmediate(() => {
      work(ctx).then(
        (outcome) => {
          if (job.status.state !== 'running') return;
          job.file = outcome.file ?? null;
          job.status = { ...job.status, state: 'done', done: job.status.total, result: outcome.result, fileName: outcome.file?.fileName ?? null };
          job.finishedAt = Date.now();
        },
        (error: unknown) => {
          job.finishedAt = Date.now();
          if (controller.signal.aborted) job.status = { ...job.status, state: 'cancelled' };
          else job.status = { ...job.status, state: 'failed', error: errorOf(error) };
        },
      );
    });
    return job.status;
  }

  get(id: string): JobStatus {
    return this.job(id).status;
  }

  cancel(id: string): JobStatus {
    const job = this.job(id);
    if (job.status.state === 'running') {
      job.controller.abort();
      job.status = { ...job.status, state: 'cancelled' };
      job.finishedAt = Date.now();
    }
    return job.status;
  }

  /** The finished job's file; the job is forgotten once it is handed out. */
  file(id: string): ExportedFile {
    const job = this.job(id);
    if (job.status.state !== 'done' || !job.file) throw new WorkbenchError('job.noFile', { id });
    this.jobs.delete(id);
    return job.file;
  }

  /** Aborts everything still running (the workspace is closing or switching). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === 'running') this.cancel(job.status.id);
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new WorkbenchError('job.notFound', { id });
    return job;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
