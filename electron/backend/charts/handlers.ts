import type { DomainHandlers, ServiceContext } from '../context';
import { briefingInLocale, briefingsInLocale, chartInLocale, chartsInLocale } from './in-locale';
import { chartNotices, dismissNotice, noticeCounts } from './notices';
import { chartSources, resolveChartData } from './resolve-data';
import { deleteBriefing, deleteChart, parseSpec, saveBriefing, saveChart } from './storage';

// Saved charts and briefing packs (issue #5); their exports are export/handlers.ts. See docs/CHARTS.md.
// Charts and packs are read in the session's language: a starter chart nobody edited follows it (in-locale.ts).
export function chartHandlers(ctx: ServiceContext): DomainHandlers<'charts' | 'briefings'> {
  return {
    'charts.list': () => {
      const list = chartsInLocale(ctx.db, ctx.language);
      const counts = noticeCounts(ctx.db, list.map((c) => c.id));
      return list.map((c) => ({ ...c, notices: counts.get(c.id) ?? 0 }));
    },
    'charts.get': ({ id }) => chartInLocale(ctx.db, id, ctx.language),
    'charts.save': (input) => saveChart(ctx.db, input, ctx.language),
    'charts.delete': ({ id }) => {
      deleteChart(ctx.db, id, ctx.language);
      return { id };
    },
    'charts.notices': ({ id }) => chartNotices(ctx.db, id),
    'charts.dismissNotice': ({ id, noticeId }) => dismissNotice(ctx.db, id, noticeId),
    'charts.data': ({ spec }) => resolveChartData(ctx.db, parseSpec(spec, ctx.language)),
    'charts.sources': () => chartSources(ctx.db, ctx.language),
    'briefings.list': () => briefingsInLocale(ctx.db, ctx.language),
    'briefings.get': ({ id }) => briefingInLocale(ctx.db, id, ctx.language),
    'briefings.save': (input) => saveBriefing(ctx.db, input),
    'briefings.delete': ({ id }) => {
      deleteBriefing(ctx.db, id);
      return { id };
    },
  };
}
