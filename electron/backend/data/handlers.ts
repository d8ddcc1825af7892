import { WorkbenchError } from '../../../shared/api/errors';
import type { DomainHandlers, ServiceContext } from '../service';
import { gridRequestSchema, queryObservations } from './observations-query';

export function dataHandlers(ctx: ServiceContext): DomainHandlers<'observations'> {
  return {
    'observations.query': (request) => {
      const parsed = gridRequestSchema.safeParse(request);
      if (!parsed.success) throw new WorkbenchError('error.badRequest', { detail: parsed.error.issues[0]?.message ?? 'filter' });
      return queryObservations(ctx.db, parsed.data);
    },
  };
}
