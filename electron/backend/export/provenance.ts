// What every exported file says about itself: which chart, which data as of when, which scenarios
// at which versions, and which build of the workbench drew it. Written into SVG metadata, PNG text
// chunks, PDF info and PPTX document properties.
import type { ChartData } from '../../../shared/charts/data';
import type { ChartSpec, TemplateId } from '../../../shared/charts/spec';

export interface ExportApp {
  name: string;
  version: string;
}

export interface Provenance {
  chart: string;
  template: TemplateId;
  title: string;
  asOf: string | null;
  scenarios: Array<{ id: string; name: string; version: number | string }>;
  source: string;
  organisation: string;
  date: string | null;
  app: string;
}

export function provenanceOf(spec: ChartSpec, data: ChartData, app: ExportApp): Provenance {
  return {
    chart: spec.name || spec.title,
    template: spec.template,
    title: spec.title,
    asOf: data.meta.asOf,
    scenarios: data.meta.scenarios,
    source: spec.sourceNote,
    organisation: spec.organisation,
    date: spec.date,
    app: `${app.name} ${app.version}`,
  };
}

/** Scenarios as one line: "基准情景 v3, 加速情景 v1". */
export function scenarioLine(p: Pick<Provenance, 'scenarios'>): string {
  return p.scenarios.map((s) => `${s.name} v${s.version}`).join(', ');
}
