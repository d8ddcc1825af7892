// PDF as vectors: each chart's SVG drawn by svg-to-pdfkit on a page of the chart's own size, with
// the CJK font (subset to the pack's characters) embedded once. A briefing pack is one PDF, tagged
// (PDF 1.7: each page's chart a Figure with its title as alternative text) and carrying its
// provenance twice: in the Info dictionary and as XMP, which exiftool, Acrobat and Bridge read.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { ExportError } from './errors';
import { subsetFor } from './font';
import { languageTag, provenanceOf, scenarioLine, xmpDescriptions } from './provenance';
import { renderChartSvg, type RenderedSvg } from './svg';
import type { BriefingItem, PackOptions } from './types';

/** CSS px to PDF points. */
const PT_PER_PX = 72 / 96;
const FONT_NAME = 'chart-font';

export async function pdfFromRendered(items: BriefingItem[], rendered: RenderedSvg[], opts: PackOptions): Promise<Uint8Array> {
  const first = items[0];
  const firstRender = rendered[0];
  if (!first || !firstRender) throw new ExportError('EMPTY_BRIEFING', {}, 'Nothing to export');
  const subset = await subsetFor(firstRender.font, rendered.map((r) => r.text).join(''));
  const provenance = items.map((it) => provenanceOf(it.spec, it.data, opts.app));
  const title = opts.title ?? first.spec.title;
  const lang = languageTag(first.spec.locale);
  const author = [...new Set(provenance.map((p) => p.organisation).filter(Boolean))].join('; ');
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    tagged: true,
    lang,
    displayTitle: true,
    info: {
      Title: title,
      ...(author ? { Author: author } : {}),
      Subject: [...new Set(provenance.map((p) => p.source).filter(Boolean))].join('; '),
      Keywords: provenance.map((p) => [p.chart, p.asOf ? `as of ${p.asOf}` : '', scenarioLine(p)].filter(Boolean).join(' | ')).join('; '),
      Creator: provenance[0]!.app,
    },
  });
  // PDFKit 0.20 writes the Info values into its XMP packet unescaped (a title with & or < would break
  // the XML), and knows no provenance: its writer of the packet's descriptions is replaced by ours.
  const pdfkitXmp = doc as unknown as { _addInfo?: () => void; appendXML(xml: string): void };
  if (typeof pdfkitXmp._addInfo !== 'function') throw new Error('PDFKit no longer writes XMP through _addInfo: update pdf.ts');
  pdfkitXmp._addInfo = () => pdfkitXmp.appendXML(xmpDescriptions({ title, lang, charts: provenance }));
  doc.registerFont(FONT_NAME, subset);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const document = doc.struct('Document');
  doc.addStructure(document);
  items.forEach((item, i) => {
    const r = rendered[i]!;
    const width = r.width * PT_PER_PX;
    const height = r.height * PT_PER_PX;
    doc.addPage({ size: [width, height], margin: 0 });
    doc.outline.addItem(item.spec.title);
    const alt = [item.spec.title, item.spec.subtitle, item.spec.sourceNote].filter(Boolean).join('. ');
    document.add(doc.struct('Figure', { alt }, () => SVGtoPDF(doc, r.svg, 0, 0, { width, height, fontCallback: () => FONT_NAME })));
  });
  document.end();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/** One page per chart, in order. */
export async function renderPdf(items: BriefingItem[], opts: PackOptions): Promise<Uint8Array> {
  const rendered: RenderedSvg[] = [];
  for (const item of items) rendered.push(await renderChartSvg(item.spec, item.data, opts));
  return pdfFromRendered(items, rendered, opts);
}
