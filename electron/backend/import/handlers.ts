import { importPreviewSchema } from '../../../shared/api/data-contract';
import type { DomainHandlers, ServiceContext } from '../context';
import { assertIdle } from './busy';
import { commitImport } from './commit';
import { listImports, undoImport } from './history';
import { previewImport } from './preview';
import { stagingArea } from './staging';
import type { ImportOptions, ImportProgress } from './types';

/** An import's progress as a job's (done, total): rows so far of the rows the bytes read so far predict. */
export function importJobProgress(p: ImportProgress): { done: number; total: number } {
  if (p.percent >= 100 || p.rows === 0) return { done: p.rows, total: Math.max(p.rows, 1) };
  const predicted = Math.round((p.rows * 100) / Math.max(p.percent, 0.01));
  return { done: p.rows, total: Math.max(predicted, p.rows + 1) };
}

// Staged files, their preview, commit, history and undo (issues #3, #15). See docs/DATA.md.
export function importHandlers(ctx: ServiceContext): DomainHandlers<'imports'> {
  const staging = () => stagingArea(ctx.env.dataDir);
  const importOptions = (fileName: string, options: ImportOptions): ImportOptions => ({ ...options, fileName });

  return {
    'imports.preview': ({ stagingId, options }) => {
      // An unknown staging id is an error of this call, not a failed job.
      const file = staging().get(stagingId);
      const db = ctx.db;
      return ctx.jobs.start('import.preview', async ({ signal, progress }) => {
        const preview = await previewImport(db, file.path, importOptions(file.fileName, options), {
          signal,
          onProgress: (p) => {
            const { done, total } = importJobProgress(p);
            progress('data.step.preview', done, total);
          },
        });
        // Checked as dispatch checks a direct answer, since a job's `result` is opaque to the contract.
        const checked = importPreviewSchema.safeParse(preview);
        if (!checked.success) throw new Error(`result of imports.preview broke the contract: ${checked.error.issues[0]?.message ?? ''}`);
        return { result: checked.data };
      });
    },
    'imports.commit': ({ stagingId, options, onConflict, skipBadRows, allowDuplicate }) => {
      const file = staging().get(stagingId);
      const db = ctx.db;
      // A second import or an edit while one writes would join its transaction: refuse it now.
      assertIdle(db);
      return ctx.jobs.start('import', async ({ signal, progress }) => {
        const summary = await commitImport(db, file.path, { ...importOptions(file.fileName, options), onConflict, skipBadRows, allowDuplicate }, {
          signal,
          onProgress: (p) => {
            const { done, total } = importJobProgress(p);
            progress(p.phase === 'reading' ? 'data.step.read' : 'data.step.import', done, total);
          },
        });
        if (summary.status === 'committed') staging().discard(stagingId);
        return { result: summary };
      });
    },
    'imports.discard': ({ stagingId }) => ({ discarded: staging().discard(stagingId) }),
    'imports.list': () => listImports(ctx.db),
    'imports.undo': ({ id }) => undoImport(ctx.db, id),
  };
}
