import { z } from 'zod';

// Long work (briefing exports, imports) runs as a job the UI polls for progress and can cancel.
export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** What the job is doing now, as a message key the UI translates (e.g. 'job.step.png'). */
  step: z.string(),
  done: z.number(),
  total: z.number(),
  /** Set when failed: the error's code and params, translated by the UI like any other error. */
  error: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) }).nullable(),
  /** Set when done, for jobs whose outcome is data rather than a file (e.g. an import's summary). */
  result: z.unknown().optional(),
  /** Set when done, for jobs that produce a file: fetch it with `jobs.file`. */
  fileName: z.string().nullable(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const exportedFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

const jobId = z.object({ id: z.string().max(64) }).strict();

export const jobMethods = {
  'jobs.get': { input: jobId, output: jobStatusSchema },
  'jobs.cancel': { input: jobId, output: jobStatusSchema },
  /** The finished job's file, as base64; the job is forgotten once its file is fetched. */
  'jobs.file': { input: jobId, output: exportedFileSchema },
} as const;
