import type { DomainHandlers, ServiceContext } from '../service';
import { exportChart, startBriefingExport } from './exports';
import { chartSources, resolveChartData } from './resolve-data';
import { deleteBriefing, deleteChart, getBriefing, getChart, listBriefings, listCharts, parseSpec, saveBriefing, saveChart } from './storage';

// Saved charts, briefing packs and their exports (issue #5). See docs/CHARTS.md.
export function chartHandlers(ctx: ServiceContext): DomainHandlers<'charts' | 'briefings' | 'export'> {
  return {
    'charts.list': () => listCharts(ctx.db),
    'charts.get': ({ id }) => getChart(ctx.db, id),
    'charts.save': (input) => saveChart(ctx.db, input, ctx.language),
    'charts.delete': ({ id }) => {
      deleteChart(ctx.db, id, ctx.language);
      return { id };
    },
    'charts.data': ({ spec }) => resolveChartData(ctx.db, parseSpec(spec, ctx.language)),
    'charts.sources': () => chartSources(ctx.db),
    'briefings.list': () => listBriefings(ctx.db),
    'briefings.get': ({ id }) => getBriefing(ctx.db, id),
    'briefings.save': (input) => saveBriefing(ctx.db, input),
    'briefings.delete': ({ id }) => {
      deleteBriefing(ctx.db, id);
      return { id };
    },
    'export.chart': (input) => exportChart(ctx, input),
    'export.briefing': (input) => startBriefingExport(ctx, input),
  };
}
