import { WorkbenchError } from '../../../shared/api/errors';
import { MAX_QUICK_LOOK_SERIES, type SeriesPoint } from '../../../shared/api/data-contract';
import type { DomainHandlers, ServiceContext } from '../context';
import { listRegionEntries } from '../db/access';
import { listMeasures } from '../series/figures';
import { listIndicatorCatalogue } from './indicator-catalogue';
import { editObservation, listEdits, undoEdit } from './observation-edits';
import { listReleaseDates, listReleases } from './observation-releases';
import { compileView } from './observation-view';
import { exportObservations } from './observations-export';
import { distinctValues, gridRequestSchema, queryObservations } from './observations-query';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

export function dataHandlers(ctx: ServiceContext): DomainHandlers<'observations' | 'catalogue'> {
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
    'catalogue.indicators': () => listIndicatorCatalogue(ctx.db),
    'catalogue.regions': () => listRegionEntries(ctx.db),
    'catalogue.measures': () => listMeasures(ctx.db),
    'catalogue.releaseDates': () => listReleaseDates(ctx.db),
  };
}
