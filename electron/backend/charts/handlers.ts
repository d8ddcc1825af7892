import { WorkbenchError } from '../../../shared/api/errors';
import type { DomainHandlers, ServiceContext } from '../service';

// Being written: saved charts, briefings and their exports (issue #5).
export function chartHandlers(ctx: ServiceContext): DomainHandlers<'charts' | 'briefings' | 'export'> {
  const pending = (method: string) => () => {
    throw new WorkbenchError('error.unknownMethod', { method: `${method} (${ctx.env.mode})` });
  };
  return {
    'charts.list': pending('charts.list'),
    'charts.get': pending('charts.get'),
    'charts.save': pending('charts.save'),
    'charts.delete': pending('charts.delete'),
    'charts.data': pending('charts.data'),
    'charts.sources': pending('charts.sources'),
    'briefings.list': pending('briefings.list'),
    'briefings.get': pending('briefings.get'),
    'briefings.save': pending('briefings.save'),
    'briefings.delete': pending('briefings.delete'),
    'export.chart': pending('export.chart'),
    'export.briefing': pending('export.briefing'),
  };
}
