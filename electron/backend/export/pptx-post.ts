// What pptxgenjs cannot say through its options, written into the package afterwards: a dash style
// and marker per series (projections dashed, targets flat; its issue #1424), labels on single points
// (on one line: a data label wraps by default), the East Asian font on chart and theme text (it
// writes only <a:latin> on charts, #1420, so Chinese falls back to the viewer's default), hidden
// legend entries for invisible stacking bases, missing points left out rather than empty, and
// document properties that name the workbench (pptxgenjs claims "Microsoft Office PowerPoint", and
// "PptxGenJS" on "Microsoft Macintosh Excel" in each chart's embedded workbook) with the provenance.
import JSZip from 'jszip';
import type { NativeChart, PointLabel, SeriesStyle } from './pptx-native';
import { escapeXml } from './svg';

export interface CustomProperty {
  name: string;
  value: string;
}

/**
 * The East Asian typeface written beside every Latin one, with the PANOSE class, pitch family and
 * GB2312 charset (-122) of Microsoft YaHei. A run names one ea typeface, so the fallback is the
 * viewer's: PowerPoint for Mac and WPS replace a missing font by these classes (PingFang SC, WPS's
 * own 微软雅黑 substitute), LibreOffice through fontconfig by language (Noto Sans CJK SC / Source Han
 * Sans SC); the theme names it for the Hans script as well, which Office uses for Chinese text.
 */
export function eastAsian(font: string): string {
  return `<a:ea typeface="${escapeXml(font)}" panose="020B0503020204020204" pitchFamily="34" charset="-122"/>`;
}

const srgb = (color: string): string => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;

function markerXml(style: SeriesStyle, color: string): string {
  if (!style.marker) return '<c:marker><c:symbol val="none"/></c:marker>';
  // The image draws hollow symbols white inside, in the series colour outside.
  const fill = style.marker.hollow ? 'FFFFFF' : color;
  return `<c:marker><c:symbol val="${style.marker.symbol}"/><c:size val="7"/><c:spPr>${srgb(fill)}<a:ln w="19050">${srgb(color)}</a:ln></c:spPr></c:marker>`;
}

const NO_LABEL_PARTS = '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>';

function labelsXml(labels: PointLabel[], color: string, font: string): string {
  const run = (text: string) =>
    `<a:r><a:rPr lang="zh-CN" sz="1100">${srgb(color)}<a:latin typeface="${escapeXml(font)}"/>${eastAsian(font)}</a:rPr><a:t>${escapeXml(text)}</a:t></a:r>`;
  const items = labels
    .map(
      (l) =>
        `<c:dLbl><c:idx val="${l.idx}"/><c:tx><c:rich><a:bodyPr wrap="none"/><a:lstStyle/><a:p>${run(l.text)}</a:p></c:rich></c:tx><c:dLblPos val="${l.position}"/>` +
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>',
    )
    .join('');
  return `<c:dLbls>${items}${NO_LABEL_PARTS}</c:dLbls>`;
}

/** One series (the XML up to its </c:ser>) with its dash, marker, labels and stroke. */
function styleSeries(ser: string, style: SeriesStyle, font: string): string {
  const color = /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(ser)?.[1] ?? '000000';
  let out = ser.replace(/<a:prstDash val="[^"]*"\/>/, `<a:prstDash val="${style.dash}"/>`);
  if (style.invisible) out = out.replace(/<a:ln\b[^>]*>[\s\S]*?<\/a:ln>/, '<a:ln><a:noFill/></a:ln>');
  out = out.replace(/<c:marker>[\s\S]*?<\/c:marker>/, markerXml(style, color));
  if (style.labels?.length) out = out.replace(/<c:dLbls>[\s\S]*?<\/c:dLbls>/, labelsXml(style.labels, color, font));
  return out;
}

/** One chart part rewritten with its series styles, CJK font and legend. */
export function styleChartXml(xml: string, chart: NativeChart, font: string): string {
  const [head, ...series] = xml.split('<c:ser>');
  const styled = series.map((part, i) => {
    const style = chart.styles[i];
    if (!style) return part;
    const end = part.indexOf('</c:ser>');
    return styleSeries(part.slice(0, end), style, font) + part.slice(end);
  });
  let out = [head, ...styled].join('<c:ser>');
  // Excel leaves a missing point out; an empty <c:v> reads as zero or as an error.
  out = out.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
  out = out.replace(/<a:latin typeface="([^"]*)"\/>(?!\s*<a:ea)/g, (_m, face: string) => `<a:latin typeface="${face}"/>${eastAsian(font)}`);
  // The marks drawn over the plot (pptx.ts) take the years' places from this, not from pptxgenjs' choice.
  out = out.replace(/<c:crossBetween val="[^"]*"\/>/g, `<c:crossBetween val="${chart.yearPlot?.onEdges ? 'midCat' : 'between'}"/>`);
  const hidden = (chart.hiddenLegend ?? []).map((i) => `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>`).join('');
  if (hidden) out = out.replace(/(<c:legendPos val="[^"]*"\/>)/, `$1${hidden}`);
  return out;
}

/** What the document properties say: the pack's title, who made it with what, and its provenance. */
export interface DocumentInfo {
  title: string;
  /** The slide titles, as the outline and the file's property list show them. */
  slideTitles: string[];
  /** The workbench and its version ("digital-economy-workbench 0.1.0"). */
  application: string;
  /** The organisations of the charts (author and company); may be empty. */
  organisations: string[];
  subject: string;
  keywords: string;
  description: string;
  /** zh-CN or en. */
  language: string;
  font: string;
  /** The slide size as PowerPoint names it: "On-screen Show (16:9)". */
  format: string;
  custom: CustomProperty[];
}

const DC_NS =
  'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function coreXml(info: DocumentInfo, created: string): string {
  const author = info.organisations.join('; ');
  const el = (tag: string, text: string) => (text ? `<${tag}>${escapeXml(text)}</${tag}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<cp:coreProperties ${DC_NS}>` +
    el('dc:title', info.title) +
    el('dc:subject', info.subject) +
    el('dc:creator', author) +
    el('cp:keywords', info.keywords) +
    el('dc:description', info.description) +
    el('cp:lastModifiedBy', author) +
    el('dc:language', info.language) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** app.xml naming the workbench (not PowerPoint), the fonts the slides use and the slide titles. */
function appXml(info: DocumentInfo): string {
  const parts = [info.font, ...info.slideTitles];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<TotalTime>0</TotalTime><Words>0</Words><Application>${escapeXml(info.application)}</Application>` +
    `<PresentationFormat>${escapeXml(info.format)}</PresentationFormat><Paragraphs>0</Paragraphs><Slides>${info.slideTitles.length}</Slides><Notes>${info.slideTitles.length}</Notes>` +
    '<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>' +
    '<HeadingPairs><vt:vector size="4" baseType="variant">' +
    '<vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>' +
    `<vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>${info.slideTitles.length}</vt:i4></vt:variant>` +
    '</vt:vector></HeadingPairs>' +
    `<TitlesOfParts><vt:vector size="${parts.length}" baseType="lpstr">${parts.map((p) => `<vt:lpstr>${escapeXml(p)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    `<Company>${escapeXml(info.organisations.join('; '))}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>` +
    '</Properties>'
  );
}

/** The theme's fonts: the chart font for Latin, East Asian and the Hans script (Office's font for Chinese). */
function themeXml(theme: string, font: string): string {
  return theme
    .replace(/<a:ea typeface="[^"]*"\/>/g, eastAsian(font))
    .replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, `<a:font script="Hans" typeface="${escapeXml(font)}"/>`);
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

/**
 * A chart's embedded workbook (what "Edit Data" opens) naming the workbench as its creator and
 * application, as the deck does, with its own dates kept.
 */
async function workbookWithCreator(xlsx: Uint8Array, application: string): Promise<Uint8Array> {
  const book = await JSZip.loadAsync(xlsx);
  const name = escapeXml(application);
  const core = book.file('docProps/core.xml');
  if (core) {
    const xml = await core.async('string');
    book.file('docProps/core.xml', xml.replace(/<dc:creator>[^<]*<\/dc:creator>/, `<dc:creator>${name}</dc:creator>`).replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${name}</cp:lastModifiedBy>`));
  }
  const app = book.file('docProps/app.xml');
  if (app) {
    // AppVersion is Excel's build number; the workbench has none in that form.
    const xml = await app.async('string');
    book.file('docProps/app.xml', xml.replace(/<Application>[^<]*<\/Application>/, `<Application>${name}</Application>`).replace(/<AppVersion>[^<]*<\/AppVersion>/, ''));
  }
  return book.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The pptxgenjs output with the native charts (in slide order) restyled and the document properties written. */
export async function finishPptx(pptx: Uint8Array, charts: NativeChart[], info: DocumentInfo): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  const read = (name: string): Promise<string> => zip.file(name)!.async('string');
  // pptxgenjs numbers chart parts with a process-wide counter, so the parts of this file are the
  // ones present, in creation (= slide) order.
  const parts = Object.keys(zip.files)
    .map((name) => ({ name, n: Number(/^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1] ?? Number.NaN) }))
    .filter((p) => Number.isFinite(p.n))
    .sort((a, b) => a.n - b.n);
  await Promise.all(
    parts.map(async (part, i) => {
      const chart = charts[i];
      if (chart) zip.file(part.name, styleChartXml(await read(part.name), chart, info.font));
    }),
  );
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/embeddings\/[^/]+\.xlsx$/.test(n))) {
    zip.file(name, await workbookWithCreator(await zip.file(name)!.async('uint8array'), info.application));
  }
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/(theme\/theme|slideMasters\/slideMaster|slideLayouts\/slideLayout|slides\/slide|notesSlides\/notesSlide)\d+\.xml$/.test(n))) {
    const xml = await read(name);
    const fonts = name.startsWith('ppt/theme/') ? themeXml(xml, info.font) : xml;
    // pptxgenjs numbers its title placeholder like a body one (idx="100", a custom prompt); a title
    // is matched by its type alone, as PowerPoint writes it.
    const titled = fonts.replace(/<p:ph\s+idx="\d+"\s+type="title"[^>]*\/>/g, '<p:ph type="title"/>');
    zip.file(name, titled.replace(/<a:ea typeface="([^"]*)" pitchFamily="34" charset="-122"\/>/g, (whole, face: string) => (face === info.font ? eastAsian(face) : whole)));
  }

  const created = /<dcterms:created[^>]*>([^<]+)</.exec(await read('docProps/core.xml'))?.[1] ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  zip.file('docProps/core.xml', coreXml(info, created));
  zip.file('docProps/app.xml', appXml(info));
  zip.file('docProps/custom.xml', customPropertiesXml(info.custom));
  const types = await read('[Content_Types].xml');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`));
  const rels = await read('_rels/.rels');
  zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rIdWorkbenchCustom" Type="${CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
