// PPTX through pptxgenjs: one 16:9 slide per chart with the chart's title in the slide's title
// placeholder (the outline and screen readers name the slide by it) and the subtitle as slide text, a
// native editable chart where the template has one (else the chart as a high-DPI PNG without its own
// title and footer, laid out for the chart's box on the slide), the source lines at the foot and the
// analyst's notes as speaker notes. A native chart's plot area is placed by hand (plotBox), so the
// marks the chart cannot draw (deadlines, 口径变化, the shaded 预测期) go on as shapes at their years.
import PptxGenJS from 'pptxgenjs';
import { ChartBuildError } from '../../../shared/charts/errors';
import { chartTitles, createFrame, DEFAULT_FONT_STACK, estimateTextWidth, footerLines } from '../../../shared/charts/frame';
import type { ChartSpec } from '../../../shared/charts/spec';
import { paletteFor, type Palette } from '../../../shared/charts/palette';
import { ExportError } from './errors';
import type { BriefingItem, PackOptions } from './types';
import { rasterise, rasterJob } from './png';
import { finishPptx, type CustomProperty } from './pptx-post';
import { nativeChart, type NativeChart, type YearPlot } from './pptx-native';
import { languageTag, provenanceOf, scenarioLine } from './provenance';
import { renderChartSvg } from './svg';

/**
 * The typeface named on every text run and chart text. Slides are opened in Office and WPS on the
 * audience's Windows machines, where Microsoft YaHei is always present; elsewhere the viewer
 * substitutes by the class written beside it (see eastAsian in pptx-post.ts).
 */
export const OFFICE_FONT = 'Microsoft YaHei';

export interface PptxOptions extends PackOptions {
  officeFont?: string;
  /** DPI of chart images on slides without a native chart. */
  imageDpi?: number;
}

export interface SlideImage {
  png: Uint8Array;
  width: number;
  height: number;
}

// LAYOUT_WIDE: 13.333 x 7.5 in.
const SLIDE = { w: 13.333, h: 7.5 };
const MARGIN = 0.5;
const CHART_BOX = { x: MARGIN, y: 1.4, w: SLIDE.w - 2 * MARGIN, h: 5.15 };
const TITLE_BOX = { x: MARGIN, y: 0.35, w: CHART_BOX.w, h: 0.6 };
const MASTER = 'WORKBENCH_CHART';
const CSS_PER_INCH = 96;

/**
 * A chart that goes to its slide as a picture is laid out for the chart box (12.3 × 5.15 in), not
 * its own size: a 16:9 picture shrunk into that box would have its text at two thirds of its size.
 * One CSS pixel per 1/96 inch keeps the chart's type sizes the sizes on the slide.
 */
export function slideImageSpec(spec: ChartSpec): ChartSpec {
  const px = (inches: number) => Math.round(inches * CSS_PER_INCH);
  return { ...spec, size: { preset: 'custom', width: px(CHART_BOX.w), height: px(CHART_BOX.h), unit: 'px', dpi: CSS_PER_INCH } };
}

export function nativeChartFor(item: BriefingItem): NativeChart | null {
  try {
    return nativeChart(item.spec, item.data);
  } catch (cause) {
    if (!(cause instanceof ChartBuildError)) throw cause;
    throw new ExportError('CHART_BUILD_FAILED', { reason: cause.code, chart: item.spec.title, ...cause.params }, cause.message, { cause });
  }
}

/** A box on the slide, in inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const LEGEND_FONT_PT = 12;
const END_LABEL_PT = 11;
/** The deadline, 口径变化 and 预测期 labels: the image's small font on a slide. */
const MARK_FONT_PT = 10;
const MARK_ROW = 0.26;

/** The width of a text in inches at a point size, estimated as the image's layout estimates it. */
const inchesOf = (text: string, pt: number): number => estimateTextWidth(text, (pt * CSS_PER_INCH) / 72) / CSS_PER_INCH;

/**
 * Rows the top legend takes. LibreOffice sets legend entries in a grid of equal columns, as wide as
 * the widest entry, within about four fifths of the chart's width; PowerPoint packs them tighter, so
 * this is the larger count.
 */
function legendRows(native: NativeChart): number {
  const hidden = new Set(native.hiddenLegend ?? []);
  const names = native.types.flatMap((t) => t.data.map((d) => d.name ?? '')).filter((_, i) => !hidden.has(i));
  const column = Math.max(...names.map((name) => 0.45 + inchesOf(name, LEGEND_FONT_PT)));
  const columns = Math.max(1, Math.floor((0.8 * CHART_BOX.w) / column));
  return Math.max(1, Math.ceil(names.length / columns));
}

/**
 * The inner plot area of a native chart on the slide: below the legend and the row of deadline
 * labels, right of the value axis' labels and title, above the year labels, left of the second
 * axis or of the end labels. Written into the chart as its manual layout, so PowerPoint and
 * LibreOffice put the plot exactly here.
 */
export function plotBox(native: NativeChart): Box {
  const top = 0.12 + legendRows(native) * 0.3 + (native.yearPlot?.marks.deadlines.length ? MARK_ROW + 0.08 : 0.1);
  const left = 0.95;
  const bottom = 0.55;
  const endLabels = native.styles.flatMap((s) => (s.labels ?? []).filter((l) => l.position === 'r').map((l) => inchesOf(l.text, END_LABEL_PT) + 0.25));
  const right = Math.max(0.3, native.options.valAxes?.length === 2 ? 1.0 : 0, ...endLabels);
  return { x: CHART_BOX.x + left, y: CHART_BOX.y + top, w: CHART_BOX.w - left - right, h: CHART_BOX.h - top - bottom };
}

/** The plot box as the fractions of the chart's frame that a manual layout takes. */
function layoutOf(plot: Box): Box {
  return { x: (plot.x - CHART_BOX.x) / CHART_BOX.w, y: (plot.y - CHART_BOX.y) / CHART_BOX.h, w: plot.w / CHART_BOX.w, h: plot.h / CHART_BOX.h };
}

/** Where a year (or a point between two, 2021.5) falls across the plot: on the edges or in the middle of its band. */
export function yearX(axis: YearPlot, plot: Box, year: number): number {
  const n = axis.years.length;
  const k = year - axis.years[0]!;
  if (!axis.onEdges) return plot.x + ((k + 0.5) * plot.w) / n;
  return n > 1 ? plot.x + (k * plot.w) / (n - 1) : plot.x + plot.w / 2;
}

/** A CSS colour as a solid fill on the white slide (an rgba shade blended over white). */
function onWhite(css: string): string {
  const m = /rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)/.exec(css);
  if (!m) return css.replace('#', '').toUpperCase();
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  return [m[1], m[2], m[3]].map((c) => Math.round(255 - (255 - Number(c)) * alpha).toString(16).padStart(2, '0')).join('').toUpperCase();
}

type TextStyle = PptxGenJS.TextPropsOptions;

/** The 预测期: a shaded band from half a year before the first projected year to the plot's end, behind the chart. */
function shadeProjection(pptx: PptxGenJS, slide: PptxGenJS.Slide, axis: YearPlot, plot: Box, palette: Palette): void {
  const period = axis.marks.projection;
  if (!period) return;
  const x = Math.max(plot.x, yearX(axis, plot, period.from - 0.5));
  slide.addShape(pptx.ShapeType.rect, { x, y: plot.y, w: plot.x + plot.w - x, h: plot.h, fill: { color: onWhite(palette.projectionShade) }, line: { type: 'none' }, objectName: period.text });
}

/**
 * Over the chart: each deadline as a dotted line on its year with its label above the plot, each
 * definition break as a dashed line half a year before it with its label low beside it (the short
 * 口径变化 where the measures' names do not fit before the plot's edge, left of the line where even
 * that does not), and the 预测期's label at the top of its band.
 */
function drawMarks(pptx: PptxGenJS, slide: PptxGenJS.Slide, axis: YearPlot, plot: Box, palette: Palette, text: TextStyle): void {
  const label = { ...text, fontSize: MARK_FONT_PT, h: MARK_ROW, valign: 'middle' as const };
  const right = plot.x + plot.w;
  const period = axis.marks.projection;
  if (period) {
    const x = Math.max(plot.x, yearX(axis, plot, period.from - 0.5));
    const w = Math.max(right - x, inchesOf(period.text, MARK_FONT_PT) + 0.1);
    slide.addText(period.text, { ...label, x: right - w, y: plot.y + 0.04, w, align: 'center', color: palette.mutedText.replace('#', '') });
  }
  for (const mark of axis.marks.breaks) {
    const x = yearX(axis, plot, mark.year - 0.5);
    slide.addShape(pptx.ShapeType.line, { x, y: plot.y, w: 0, h: plot.h, line: { color: palette.axis.replace('#', ''), width: 1, dashType: 'sysDash' }, objectName: mark.short });
    const room = right - x - 0.08;
    const words = inchesOf(mark.text, MARK_FONT_PT) <= room ? mark.text : mark.short;
    const w = inchesOf(words, MARK_FONT_PT) + 0.1;
    const beside = w <= room + 0.1 ? { x: x + 0.05, align: 'left' as const } : { x: x - 0.05 - w, align: 'right' as const };
    slide.addText(words, { ...label, ...beside, y: plot.y + plot.h - MARK_ROW - 0.04, w, color: palette.mutedText.replace('#', '') });
  }
  for (const deadline of axis.marks.deadlines) {
    const x = yearX(axis, plot, deadline.year);
    slide.addShape(pptx.ShapeType.line, { x, y: plot.y, w: 0, h: plot.h, line: { color: palette.target.replace('#', ''), width: 1, dashType: 'sysDot' }, objectName: deadline.text });
    const w = inchesOf(deadline.text, MARK_FONT_PT) + 0.1;
    slide.addText(deadline.text, { ...label, x: Math.min(right - w, x - w / 2), y: plot.y - MARK_ROW - 0.04, w, align: 'center', color: palette.target.replace('#', '') });
  }
}

function fit(image: SlideImage): { x: number; y: number; w: number; h: number } {
  const aspect = image.width / image.height;
  const w = Math.min(CHART_BOX.w, CHART_BOX.h * aspect);
  const h = w / aspect;
  return { x: CHART_BOX.x + (CHART_BOX.w - w) / 2, y: CHART_BOX.y + (CHART_BOX.h - h) / 2, w, h };
}

/** Builds the deck from native charts (null where the item has none) and the images for the rest. */
export async function pptxFromParts(
  items: BriefingItem[],
  natives: Array<NativeChart | null>,
  images: ReadonlyMap<number, SlideImage>,
  opts: PptxOptions,
): Promise<Uint8Array> {
  const first = items[0];
  if (!first) throw new ExportError('EMPTY_BRIEFING', {}, 'Nothing to export');
  const font = opts.officeFont ?? OFFICE_FONT;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  const provenance = items.map((it) => provenanceOf(it.spec, it.data, opts.app));
  const title = opts.title ?? first.spec.title;
  pptx.title = title;
  const palette0 = paletteFor(first.spec.palette);
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...TITLE_BOX, fontFace: font, fontSize: 24, color: palette0.text.replace('#', ''), align: 'left', valign: 'top', margin: 0 },
          text: '',
        },
      },
    ],
  });
  const slideTitles: string[] = [];

  items.forEach((item, i) => {
    const { spec, data } = item;
    const palette = paletteFor(spec.palette);
    const muted = palette.mutedText.replace('#', '');
    const text = { fontFace: font, lang: spec.locale === 'zh' ? 'zh-CN' : 'en-US', color: palette.text.replace('#', ''), margin: 0 };
    const slide = pptx.addSlide({ masterName: MASTER });
    // The texts the image draws: a unit word in title or subtitle says the chart's unit.
    const frame = createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK });
    const titles = chartTitles(frame);
    slideTitles.push(titles.title);
    slide.addText(titles.title, { ...text, placeholder: 'title', ...TITLE_BOX, fontSize: 24, align: 'left', valign: 'top' });
    if (titles.subtitle) slide.addText(titles.subtitle, { ...text, x: MARGIN, y: 0.95, w: CHART_BOX.w, h: 0.4, fontSize: 14, color: muted, valign: 'top' });
    const footer = footerLines(frame);
    if (footer.length) slide.addText(footer.join('\n'), { ...text, x: MARGIN, y: 6.6, w: 9.3, h: 0.75, fontSize: 10, color: muted, valign: 'top' });
    const signature = [spec.organisation, spec.date ?? ''].filter(Boolean).join('  ');
    if (signature) slide.addText(signature, { ...text, x: 9.9, y: 7.05, w: SLIDE.w - MARGIN - 9.9, h: 0.3, fontSize: 10, color: muted, align: 'right', valign: 'bottom' });
    if (item.notes) slide.addNotes(item.notes);

    const native = natives[i];
    if (native) {
      const plot = plotBox(native);
      if (native.yearPlot) shadeProjection(pptx, slide, native.yearPlot, plot, palette);
      const axisText = { catAxisLabelFontFace: font, valAxisLabelFontFace: font, valAxisTitleFontFace: font, catAxisTitleFontFace: font };
      const options: PptxGenJS.IChartOpts = {
        ...CHART_BOX,
        ...axisText,
        showLegend: true,
        legendPos: 't',
        legendFontFace: font,
        legendFontSize: 12,
        titleFontFace: font,
        dataLabelFontFace: font,
        catAxisLabelFontSize: 12,
        valAxisLabelFontSize: 12,
        catAxisLabelColor: muted,
        valAxisLabelColor: muted,
        showValAxisTitle: true,
        valAxisTitleFontSize: 12,
        valAxisTitleColor: muted,
        valGridLine: { color: palette.grid.replace('#', ''), size: 0.75 },
        catGridLine: { style: 'none' },
        lineSize: 2,
        lineDataSymbolSize: 6,
        displayBlanksAs: 'gap',
        layout: layoutOf(plot),
        altText: spec.title,
        ...native.options,
        valAxes: native.options.valAxes?.map((a) => ({ ...axisText, valAxisLabelFontSize: 12, valAxisTitleFontSize: 12, valAxisLabelColor: muted, valAxisTitleColor: muted, ...a })),
      };
      if (native.types.length === 1) {
        const [only] = native.types;
        slide.addChart(only!.type, only!.data, { ...options, ...only!.options });
      } else {
        // A combo takes its options in the data position; pptxgenjs' typings do not say so.
        slide.addChart(native.types, options as unknown as unknown[]);
      }
      if (native.yearPlot) drawMarks(pptx, slide, native.yearPlot, plot, palette, text);
      return;
    }
    const image = images.get(i);
    if (image) {
      slide.addImage({ data: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, ...fit(image), altText: spec.title });
    }
  });

  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const props: CustomProperty[] = [
    { name: 'Charts', value: provenance.map((p) => p.chart).join('; ') },
    { name: 'DataAsOf', value: [...new Set(provenance.map((p) => p.asOf).filter((d): d is string => !!d))].join('; ') },
    { name: 'Scenarios', value: [...new Set(provenance.map(scenarioLine).filter(Boolean))].join('; ') },
    { name: 'AppVersion', value: provenance[0]!.app },
    { name: 'Provenance', value: JSON.stringify(provenance) },
  ];
  const unique = (values: string[]) => [...new Set(values.filter(Boolean))];
  return finishPptx(raw, natives.filter((n): n is NativeChart => !!n), {
    title,
    slideTitles,
    application: provenance[0]!.app,
    organisations: unique(provenance.map((p) => p.organisation)),
    subject: unique(provenance.map((p) => p.source)).join('; '),
    // As the PDF's keywords: each chart with its data date and scenarios.
    keywords: provenance.map((p) => [p.chart, p.asOf ? `as of ${p.asOf}` : '', scenarioLine(p)].filter(Boolean).join(' | ')).join('; '),
    description: unique(provenance.map((p) => p.notes)).join('\n'),
    language: languageTag(first.spec.locale),
    font,
    custom: props.filter((p) => p.value),
  });
}

export const DEFAULT_IMAGE_DPI = 300;

/** One slide per chart; charts without a native type are rendered and rasterised here. */
export async function renderPptx(items: BriefingItem[], opts: PptxOptions): Promise<Uint8Array> {
  const natives = items.map(nativeChartFor);
  const images = new Map<number, SlideImage>();
  for (const [i, item] of items.entries()) {
    if (natives[i]) continue;
    const rendered = await renderChartSvg(slideImageSpec(item.spec), item.data, { ...opts, plotOnly: true });
    images.set(i, { png: rasterise(rasterJob(rendered, opts.imageDpi ?? DEFAULT_IMAGE_DPI)), width: rendered.width, height: rendered.height });
  }
  return pptxFromParts(items, natives, images, opts);
}
