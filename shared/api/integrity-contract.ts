import { z } from 'zod';

// The workspace file's integrity, checked in the background once the app's first screen is up (the
// open itself reads no more than the schema): the shell asks until the answer is settled.
export const integrityStatusSchema = z.object({
  /** `checking` until SQLite's quick_check has read the file; `unavailable` when it could not run. */
  state: z.enum(['checking', 'ok', 'damaged', 'unavailable']),
  /** What quick_check found when damaged (SQLite's own lines), or why it could not run. */
  problems: z.array(z.string()),
});
export type IntegrityStatus = z.infer<typeof integrityStatusSchema>;

export const integrityMethods = {
  // The first call starts the check of the open workspace; later calls read its state.
  'workspace.integrity': {
    input: z.object({}).strict(),
    output: integrityStatusSchema,
  },
} as const;
