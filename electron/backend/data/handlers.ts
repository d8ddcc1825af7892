import { WorkbenchError } from '../../../shared/api/errors';
import { importPreviewSchema, MAX_QUICK_LOOK_SERIES, type IndicatorEntry, type RegionEntry, type SeriesPoint } from '../../../shared/api/data-contract';
import type { DomainHandlers, ServiceContext } from '../context';
import { assertIdle } from '../import/busy';
import { commitImport } from '../import/commit';
import { listImports, undoImport } from '../import/history';
import { previewImport } from '../import/preview';
import { stagingArea } from '../import/staging';
import type { ImportOptions, ImportProgress } from '../import/types';
import { listMeasures } from '../series/figures';
import { editObservation, listEdits, undoEdit } from './observation-edits';
import { listReleases } from './observation-releases';
import { compileView } from './observation-view';
import { exportObservations } from './observations-export';
import { distinctValues, gridRequestSchema, queryObservations } from './observations-query';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** An import's progress as a job's (done, total): rows so far of the rows the bytes read so far predict. */
export function importJobProgress(p: ImportProgress): { done: number; total: number } {
  if (p.percent >= 100 || p.rows === 0) return { done: p.rows, total: Math.max(p.rows, 1) };
  const predicted = Math.round((p.rows * 100) / Math.max(p.percent, 0.01));
  return { done: p.rows, total: Math.max(predicted, p.rows + 1) };
}

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

export function dataHandlers(ctx: ServiceContext): DomainHandlers<'observations' | 'imports' | 'catalogue'> {
  const staging = () => stagingArea(ctx.env.dataDir);
  const importOptions = (fileName: string, options: ImportOptions): ImportOptions => ({ ...options, fileName });

  return {
    'observations.query': (request) => {
      const parsed = gridRequestSchema.safeParse(request);
      if (!parsed.success) throw new WorkbenchError('error.badRequest', { detail: parsed.error.issues[0]?.message ?? 'filter' });
      return queryObservations(ctx.db, parsed.data);
    },
    'observations.values': ({ column, filterModel }) => distinctValues(ctx.db, column, filterModel as never),
    'observations.edit': (input) => editObservation(ctx.db, input),
    'observations.undoEdit': ({ editId }) => undoEdit(ctx.db, editId),
    'observations.edits': (options) => listEdits(ctx.db, options),
    'observations.releases': ({ id }) => listReleases(ctx.db, id),
    'observations.export': ({ format, sortModel, filterModel, vintage }) => {
      // Checked before the job starts, so a bad view is an error of this call, not a failed job.
      const view = { sortModel, filterModel, vintage } as Parameters<typeof compileView>[0];
      compileView(view);
      const db = ctx.db;
      const locale = ctx.language;
      return ctx.jobs.start('export.observations', async ({ signal, progress }) => {
        const bytes = await exportObservations(db, { ...view, format, locale }, { signal, onProgress: (p) => progress('data.step.export', p.rows, p.total) });
        const base = locale === 'zh' ? '观测值' : 'observations';
        return { file: { fileName: `${base}-${stamp()}.${format}`, mime: MIME[format], base64: Buffer.from(bytes).toString('base64') } };
      });
    },
    'observations.series': ({ indicators, regions, status }) => {
      if (indicators.length * regions.length > MAX_QUICK_LOOK_SERIES) throw new WorkbenchError('data.tooManySeries', { max: MAX_QUICK_LOOK_SERIES });
      const marks = (n: number) => new Array(n).fill('?').join(', ');
      const params: unknown[] = [...indicators, ...regions];
      // Every period (halves, quarters too), each point with its bound and measure, so the quick look
      // draws a measure's figures as a line of their own and never joins two measures.
      let sql = `SELECT o.indicator, o.region, o.period, o.year, o.value, o.unit, o.status, o.bound, COALESCE(o.measure, i.measure) AS measure,
          COALESCE(m.name_zh, o.measure, i.measure) AS measureName, COALESCE(m.name_en, o.measure, i.measure) AS measureNameEn
        FROM observations o JOIN indicators i ON i.code = o.indicator LEFT JOIN measures m ON m.code = COALESCE(o.measure, i.measure)
        WHERE o.indicator IN (${marks(indicators.length)}) AND o.region IN (${marks(regions.length)})`;
      if (status) {
        sql += ' AND o.status = ?';
        params.push(status);
      }
      return ctx.db.prepare(`${sql} ORDER BY o.indicator, o.region, o.status, o.period`).all(...params) as SeriesPoint[];
    },
    'catalogue.indicators': () =>
      ctx.db
        .prepare(
          `SELECT code, name_zh AS nameZh, name_en AS nameEn, unit, category, description, source, measure,
             COALESCE((SELECT m.name_zh FROM measures m WHERE m.code = i.measure), '') AS measureName,
             COALESCE((SELECT m.name_en FROM measures m WHERE m.code = i.measure), '') AS measureNameEn,
             COALESCE((SELECT group_concat(name_zh, '、') FROM (SELECT DISTINCT m.name_zh FROM observations o JOIN measures m ON m.code = o.measure WHERE o.indicator = i.code AND o.measure <> i.measure)), '') AS otherMeasureNames,
             COALESCE((SELECT group_concat(name_en, ', ') FROM (SELECT DISTINCT m.name_en FROM observations o JOIN measures m ON m.code = o.measure WHERE o.indicator = i.code AND o.measure <> i.measure)), '') AS otherMeasureNamesEn,
             (SELECT count(*) FROM observations o WHERE o.indicator = i.code) AS observations
           FROM indicators i ORDER BY category, code`,
        )
        .all() as IndicatorEntry[],
    'catalogue.regions': () =>
      ctx.db
        .prepare(
          `SELECT code, name_zh AS nameZh, name_en AS nameEn, kind,
             (SELECT count(*) FROM observations o WHERE o.region = r.code) AS observations
           FROM regions r ORDER BY kind, code`,
        )
        .all() as RegionEntry[],
    'catalogue.measures': () => listMeasures(ctx.db),
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
