import type { DomainHandlers, ServiceContext } from '../context';
import { computeOverview } from './overview';

export function overviewHandlers(ctx: ServiceContext): DomainHandlers<'overview'> {
  return {
    'overview.get': ({ plan, vintage }) => computeOverview(ctx.db, { plan, vintage, locale: ctx.language }),
  };
}
