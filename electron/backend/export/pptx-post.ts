// What pptxgenjs cannot say through its options, written into the package afterwards: a dash style
// per series (projections dashed, targets flat), the East Asian font on chart and theme text (it
// writes only <a:latin>, so Chinese falls back to the viewer's default), hidden legend entries for
// invisible stacking bases, missing points left out rather than empty, and custom document
// properties with the provenance.
import JSZip from 'jszip';
import type { NativeChart } from './pptx-native';
import { escapeXml } from './svg';

export interface CustomProperty {
  name: string;
  value: string;
}

/** One chart part rewritten with its series styles, CJK font and legend. */
export function styleChartXml(xml: string, chart: NativeChart, font: string): string {
  const [head, ...series] = xml.split('<c:ser>');
  const styled = series.map((part, i) => {
    const style = chart.styles[i];
    if (!style) return part;
    let out = part.replace(/<a:prstDash val="[^"]*"\/>/, `<a:prstDash val="${style.dash}"/>`);
    if (!style.markers) out = out.replace(/<c:symbol val="[^"]*"\/>/, '<c:symbol val="none"/>');
    return out;
  });
  let out = [head, ...styled].join('<c:ser>');
  // Excel leaves a missing point out; an empty <c:v> reads as zero or as an error.
  out = out.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
  out = out.replace(/<a:latin typeface="([^"]*)"\/>(?!\s*<a:ea)/g, (_m, face: string) => `<a:latin typeface="${face}"/><a:ea typeface="${escapeXml(font)}"/>`);
  const hidden = (chart.hiddenLegend ?? []).map((i) => `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>`).join('');
  if (hidden) out = out.replace(/(<c:legendPos val="[^"]*"\/>)/, `$1${hidden}`);
  return out;
}

const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

function customPropertiesXml(props: CustomProperty[]): string {
  const items = props
    .map((p, i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(p.name)}"><vt:lpwstr>${escapeXml(p.value)}</vt:lpwstr></property>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `${items}</Properties>`
  );
}

/** The pptxgenjs output with the native charts (in slide order) restyled and provenance added. */
export async function finishPptx(pptx: Uint8Array, charts: NativeChart[], font: string, props: CustomProperty[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  // pptxgenjs numbers chart parts with a process-wide counter, so the parts of this file are the
  // ones present, in creation (= slide) order.
  const parts = Object.keys(zip.files)
    .map((name) => ({ name, n: Number(/^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1] ?? Number.NaN) }))
    .filter((p) => Number.isFinite(p.n))
    .sort((a, b) => a.n - b.n);
  await Promise.all(
    parts.map(async (part, i) => {
      const chart = charts[i];
      if (chart) zip.file(part.name, styleChartXml(await zip.file(part.name)!.async('string'), chart, font));
    }),
  );
  const theme = zip.file('ppt/theme/theme1.xml');
  if (theme) zip.file('ppt/theme/theme1.xml', (await theme.async('string')).replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${escapeXml(font)}"/>`));

  zip.file('docProps/custom.xml', customPropertiesXml(props));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`));
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rIdWorkbenchCustom" Type="${CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
