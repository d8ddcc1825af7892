// PPTX through pptxgenjs: one slide per chart (16:9, or 4:3 where every chart is made for a 4:3
// slide) with the chart's title in the slide's title placeholder (the outline and screen readers name
// the slide by it) and the subtitle as slide text, a native editable chart where the template has one
// (else the chart as a high-DPI PNG without its own title and footer, laid out for the chart's box on
// the slide), the source lines at the foot and the analyst's notes as speaker notes. A native chart's
// plot area is placed by hand (plotBox), so the marks the chart cannot draw (deadlines, 口径变化, the
// shaded 预测期, target labels) go on as shapes at their places (pptx-plot.ts).
import PptxGenJS from 'pptxgenjs';
import { ChartBuildError } from '../../../shared/charts/errors';
import { chartTitles, createFrame, DEFAULT_FONT_STACK, footerLines } from '../../../shared/charts/frame';
import type { ChartSpec } from '../../../shared/charts/spec';
import { paletteFor } from '../../../shared/charts/palette';
import { ExportError } from './errors';
import type { BriefingItem, PackOptions } from './types';
import { rasterise, rasterJob } from './png';
import { finishPptx, type CustomProperty } from './pptx-post';
import { nativeChart, type NativeChart } from './pptx-native';
import { CSS_PER_INCH, deckLayout, drawMarks, fittingBlockPt, fittingPt, layoutOf, MARGIN, plotBox, shadeProjection, type Box } from './pptx-plot';
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

const MASTER = 'WORKBENCH_CHART';

/** The signature (organisation and date) at the slide's bottom right, in inches. */
const SIGNATURE_W = 2.933;

/**
 * A chart that goes to its slide as a picture is laid out for the chart box of its deck's slides
 * (12.3 × 5.15 in on 16:9 slides, 9 × 5.15 in on 4:3 ones; `deck`: the specs of all its charts), not
 * its own size: a 16:9 picture shrunk into that box would have its text at two thirds of its size.
 * One CSS pixel per 1/96 inch keeps the chart's type sizes the sizes on the slide.
 */
export function slideImageSpec(spec: ChartSpec, deck: ChartSpec[] = [spec]): ChartSpec {
  const layout = deckLayout(deck);
  const px = (inches: number) => Math.round(inches * CSS_PER_INCH);
  return { ...spec, size: { preset: 'custom', width: px(layout.chart.w), height: px(layout.chart.h), unit: 'px', dpi: CSS_PER_INCH } };
}

export function nativeChartFor(item: BriefingItem): NativeChart | null {
  try {
    return nativeChart(item.spec, item.data);
  } catch (cause) {
    if (!(cause instanceof ChartBuildError)) throw cause;
    throw new ExportError('CHART_BUILD_FAILED', { reason: cause.code, chart: item.spec.title, ...cause.params }, cause.message, { cause });
  }
}

function fit(image: SlideImage, box: Box): Box {
  const aspect = image.width / image.height;
  const w = Math.min(box.w, box.h * aspect);
  const h = w / aspect;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
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
  const layout = deckLayout(items.map((it) => it.spec));
  const { chart: chartBox, title: titleBox } = layout;
  pptx.layout = layout.name;
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
          options: { name: 'title', type: 'title', ...titleBox, fontFace: font, fontSize: 24, color: palette0.text.replace('#', ''), align: 'left', valign: 'top', margin: 0 },
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
    // On one line each where a smaller size allows (a 4:3 slide is narrow for a long title): a second
    // line would run into the text below.
    // The size on the run: the placeholder's options override the text box's.
    // English runs wider in the viewers' Latin fonts than the estimate: it keeps more to spare, down to
    // 16 pt, so that a long title stays on its line instead of running into the subtitle.
    const titlePt = spec.locale === 'en' ? fittingPt(titles.title, 24, 16, titleBox.w * 0.85) : fittingPt(titles.title, 24, 18, titleBox.w);
    slide.addText([{ text: titles.title, options: { fontSize: titlePt } }], { ...text, placeholder: 'title', ...titleBox, align: 'left', valign: 'top' });
    if (titles.subtitle) {
      slide.addText(titles.subtitle, { ...text, x: MARGIN, y: 0.95, w: chartBox.w, h: 0.4, fontSize: fittingPt(titles.subtitle, 14, 11, chartBox.w), color: muted, valign: 'top' });
    }
    const footer = footerLines(frame);
    const signatureX = layout.w - MARGIN - SIGNATURE_W;
    const footerBox = { x: MARGIN, y: 6.6, w: signatureX - 0.1 - MARGIN, h: 0.75 };
    // Smaller where its lines would not fit above the slide's edge (a 4:3 slide's narrower foot).
    if (footer.length) slide.addText(footer.join('\n'), { ...text, ...footerBox, fontSize: fittingBlockPt(footer, 10, 8, footerBox.w, footerBox.h), color: muted, valign: 'top' });
    const signature = [spec.organisation, spec.date ?? ''].filter(Boolean).join('  ');
    if (signature) slide.addText(signature, { ...text, x: signatureX, y: 7.05, w: SIGNATURE_W, h: 0.3, fontSize: 10, color: muted, align: 'right', valign: 'bottom' });
    if (item.notes) slide.addNotes(item.notes);

    const native = natives[i];
    if (native) {
      const plot = plotBox(native, layout);
      if (native.yearPlot) shadeProjection(pptx, slide, native.yearPlot, plot, palette);
      const axisText = { catAxisLabelFontFace: font, valAxisLabelFontFace: font, valAxisTitleFontFace: font, catAxisTitleFontFace: font };
      const options: PptxGenJS.IChartOpts = {
        ...chartBox,
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
        layout: layoutOf(plot, chartBox),
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
      drawMarks(pptx, slide, native, plot, palette, text);
      return;
    }
    const image = images.get(i);
    if (image) {
      slide.addImage({ data: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, ...fit(image, chartBox), altText: spec.title });
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
    format: layout.format,
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
    const rendered = await renderChartSvg(
      slideImageSpec(
        item.spec,
        items.map((it) => it.spec),
      ),
      item.data,
      { ...opts, plotOnly: true },
    );
    images.set(i, { png: rasterise(rasterJob(rendered, opts.imageDpi ?? DEFAULT_IMAGE_DPI)), width: rendered.width, height: rendered.height });
  }
  return pptxFromParts(items, natives, images, opts);
}
