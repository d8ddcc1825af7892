// What every exported file says about itself: which chart, which data as of when, which scenarios
// at which versions, and which build of the workbench drew it. Written into SVG metadata, PNG text
// chunks and XMP, PDF info and XMP, and PPTX document properties.
import type { ChartData } from '../../../shared/charts/data';
import type { ChartSpec, TemplateId } from '../../../shared/charts/spec';
import { XMP_KEYWORD } from './png-chunks';

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
  /** The chart's footnote. */
  notes: string;
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
    notes: spec.footnote,
    organisation: spec.organisation,
    date: spec.date,
    app: `${app.name} ${app.version}`,
  };
}

/** Scenarios as one line: "基准情景 v3, 加速情景 v1". */
export function scenarioLine(p: Pick<Provenance, 'scenarios'>): string {
  return p.scenarios.map((s) => `${s.name} v${s.version}`).join(', ');
}

/**
 * The workbench's own XMP properties (chart, template, data date, scenarios): common tools
 * (exiftool, Acrobat, Bridge) list them under this namespace beside Dublin Core's title and creator.
 */
export const XMP_NAMESPACE = 'urn:digital-economy-workbench:provenance:1/';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
const seq = (items: string[]) => `<rdf:Seq>${items.map((i) => `<rdf:li>${xml(i)}</rdf:li>`).join('')}</rdf:Seq>`;
const bag = (items: string[]) => `<rdf:Bag>${items.map((i) => `<rdf:li>${xml(i)}</rdf:li>`).join('')}</rdf:Bag>`;

/** What a file's XMP says: one chart (PNG) or the charts of a pack (PDF), under the file's title. */
export interface XmpFields {
  title: string;
  /** The language of the texts: zh-CN or en. */
  lang: string;
  charts: Provenance[];
}

/**
 * The rdf:Description elements of a file's XMP: Dublin Core title, creator (the organisation),
 * source and date; the tool that made it; and the workbench's provenance per chart. Every text is
 * escaped (a title may hold & or <).
 */
export function xmpDescriptions(fields: XmpFields): string {
  const { charts, lang } = fields;
  const first = charts[0];
  const organisations = [...new Set(charts.map((c) => c.organisation).filter(Boolean))];
  const sources = [...new Set(charts.map((c) => c.source).filter(Boolean))];
  const notes = [...new Set(charts.map((c) => c.notes).filter(Boolean))];
  const asOf = charts.map((c) => c.asOf).filter((d): d is string => d !== null).sort().at(-1);
  const scenarios = [...new Set(charts.map((c) => scenarioLine(c)).filter(Boolean))];
  const dc = [
    `<dc:title>${alt(fields.title)}</dc:title>`,
    organisations.length ? `<dc:creator>${seq(organisations)}</dc:creator>` : '',
    sources.length ? `<dc:source>${xml(sources.join('; '))}</dc:source>` : '',
    notes.length ? `<dc:description>${alt(notes.join('\n'))}</dc:description>` : '',
    first?.date ? `<dc:date>${seq([first.date])}</dc:date>` : '',
    `<dc:language>${bag([lang])}</dc:language>`,
  ].join('');
  const wb = [
    `<wb:charts>${seq(charts.map((c) => c.chart))}</wb:charts>`,
    `<wb:templates>${seq(charts.map((c) => c.template))}</wb:templates>`,
    asOf ? `<wb:dataAsOf>${xml(asOf)}</wb:dataAsOf>` : '',
    scenarios.length ? `<wb:scenarios>${bag(scenarios)}</wb:scenarios>` : '',
    `<wb:provenance>${xml(JSON.stringify(charts.length === 1 ? first : charts))}</wb:provenance>`,
  ].join('');
  return [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>${xml(first?.app ?? '')}</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:wb="${XMP_NAMESPACE}">${wb}</rdf:Description>`,
  ].join('\n');
}

/** A whole XMP packet, as a PNG's iTXt chunk XML:com.adobe.xmp carries it. */
export function xmpPacket(fields: XmpFields): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    xmpDescriptions(fields),
    '</rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** The language tag of a chart's texts. */
export function languageTag(locale: ChartSpec['locale']): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/**
 * A PNG's text entries: the PNG keywords viewers list (Title, Author, Software, Source, Comment), the
 * full provenance as JSON, and the same as XMP (XML:com.adobe.xmp), which exiftool and Adobe read.
 */
export function pngText(p: Provenance, locale: ChartSpec['locale']): Array<[string, string]> {
  const text: Array<[string, string]> = [
    ['Title', p.title],
    ['Author', p.organisation],
    ['Software', p.app],
    ['Source', p.source],
    ['Comment', [p.asOf ? `as of ${p.asOf}` : '', scenarioLine(p)].filter(Boolean).join('; ')],
    ['Provenance', JSON.stringify(p)],
    [XMP_KEYWORD, xmpPacket({ title: p.title, lang: languageTag(locale), charts: [p] })],
  ];
  return text.filter(([, v]) => v);
}
