// The overview's chart links: for each statement, the saved charts that draw its target (a target
// line, a progress bar) or its figure (the target's indicator in its region), best first. What a chart
// draws is read as the chart reads it (`drawnEvidence`, no scenario run), so a link never points at a
// chart that would not show the figure.
import type { OverviewStatement } from '../../../shared/api/overview-contract';
import { chartSpecSchema } from '../../../shared/charts/spec';
import type { Locale } from '../../../shared/i18n';
import { specInLocale } from '../charts/in-locale';
import { drawnEvidence, type DrawnEvidence } from '../charts/resolve-data';
import type { Db } from '../db/workspace';

type ChartLink = OverviewStatement['charts'][number];

interface SavedChart {
  id: number;
  name: string;
  template: ChartLink['template'];
  drawn: DrawnEvidence;
}

/**
 * Every saved chart with what it draws, named as the Charts page names it in `locale` (a starter chart
 * nobody edited in the UI's language); a chart whose spec or bindings no longer resolve draws nothing
 * and is left out.
 */
function savedCharts(db: Db, locale: Locale): SavedChart[] {
  const rows = db.prepare('SELECT id, name, spec FROM charts ORDER BY id').all() as Array<{ id: number; name: string; spec: string }>;
  return rows.flatMap((row) => {
    try {
      const spec = chartSpecSchema.parse(JSON.parse(row.spec));
      // A tornado or waterfall draws scenario results only: no published figure, no target.
      if (spec.template === 'tornado' || spec.template === 'contribution-waterfall') return [];
      const shown = specInLocale(spec, locale);
      const name = shown === spec ? row.name : shown.name || shown.title;
      return [{ id: row.id, name, template: spec.template, drawn: drawnEvidence(db, spec) }];
    } catch {
      return [];
    }
  });
}

type Target = Pick<OverviewStatement['target'], 'code' | 'indicator' | 'region'>;

/**
 * How well one chart shows one target: lower is better; null when it draws neither the target nor its
 * figure. `judged`: the measure the target is judged on; `recorded`: its figure is progress recorded by
 * hand (no indicator measures it), which a progress chart draws as the target's bar.
 */
function match(chart: SavedChart, target: Target, judged: string | null, recorded: boolean): (ChartLink & { rank: number; busy: number }) | null {
  const drawsTarget = chart.drawn.targets.includes(target.code);
  const figures = target.indicator && target.region ? chart.drawn.figures.filter((f) => f.indicator === target.indicator && f.region === target.region) : [];
  const figure = figures.length > 0 || (recorded && drawsTarget && chart.template === 'target-progress');
  if (!drawsTarget && !figure) return null;
  const sameMeasure = figures.length ? judged !== null && figures.some((f) => f.measures.includes(judged)) : figure;
  const rank = sameMeasure ? (drawsTarget ? 0 : 1) : figure ? (drawsTarget ? 2 : 3) : 4;
  return { id: chart.id, name: chart.name, template: chart.template, target: drawsTarget, figure, sameMeasure, rank, busy: chart.drawn.figures.length + chart.drawn.targets.length };
}

/** The chart links of each statement (by target code), best first. */
export function chartLinks(db: Db, statements: ReadonlyArray<Omit<OverviewStatement, 'charts'>>, locale: Locale): Map<string, ChartLink[]> {
  const charts = statements.length ? savedCharts(db, locale) : [];
  return new Map(
    statements.map((s) => {
      const judged = s.answers.find((a) => a.judged)?.measure?.code ?? null;
      const recorded = !s.target.indicator && s.answers.some((a) => a.latest?.from === 'recorded');
      const links = charts
        .flatMap((c) => match(c, s.target, judged, recorded) ?? [])
        .sort((a, b) => a.rank - b.rank || a.busy - b.busy || a.id - b.id)
        .map(({ rank: _rank, busy: _busy, ...link }) => link);
      return [s.target.code, links];
    }),
  );
}
