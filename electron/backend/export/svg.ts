// SVG through ECharts server-side rendering, laid out with the export font's real glyph widths and
// carrying that font (subset, base64) so Word, WPS and Illustrator show the chart as exported.
//
// ECharts is loaded as its core with the SVG renderer and the parts the chart templates use (the
// whole library takes twice as long to load, which a one-chart export from the command line pays in
// full): the series types, the components and the features of shared/charts/templates, plus those
// that change what an option means without being named in it (aria, dataset and transform,
// labelLayout, the containLabel grid). A template that starts using another part registers it here;
// the export tests render every template.
import type { EChartsOption } from 'echarts';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  AxisPointerComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  TransformComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel, UniversalTransition } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { buildOption } from '../../../shared/charts/build-option';
import type { ChartData } from '../../../shared/charts/data';
import { ChartBuildError } from '../../../shared/charts/errors';
import { chartTitles, createFrame, DEFAULT_FONT_STACK } from '../../../shared/charts/frame';
import { resolveSize, type ChartSpec } from '../../../shared/charts/spec';
import { ExportError } from './errors';
import { locateFont, subsetFor, type ExportFont } from './font';
import { provenanceOf, type ExportApp } from './provenance';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  AxisPointerComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  TransformComponent,
  LabelLayout,
  LegacyGridContainLabel,
  UniversalTransition,
  SVGRenderer,
]);

export type Background = 'white' | 'transparent';

export interface RenderEnv {
  app: ExportApp;
  /** The export font setting; falls back to $WORKBENCH_CJK_FONT, then system fonts. */
  fontPath?: string | null;
}

export interface SvgOptions extends RenderEnv {
  background?: Background;
  /** Leave out title and footer (slides carry them as text). */
  plotOnly?: boolean;
}

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
  font: ExportFont;
  /** The characters the chart draws. */
  text: string;
  /** The font cut to those characters, as embedded. */
  subset: Buffer;
}

let layoutFont: ExportFont | null = null;

/** ECharts measures text through this hook; without it SSR guesses widths and labels collide. */
function layOutWith(font: ExportFont): void {
  if (layoutFont === font) return;
  echarts.setPlatformAPI({
    measureText: (text: string, css?: string) => ({ width: font.measure(text, Number(/(\d+(?:\.\d+)?)px/.exec(css ?? '')?.[1] ?? 12)) }),
  });
  layoutFont = font;
}

export function fontStack(font: ExportFont): string {
  return DEFAULT_FONT_STACK.includes(`'${font.family}'`) ? `'${font.family}', ${DEFAULT_FONT_STACK.replace(`'${font.family}', `, '')}` : `'${font.family}', ${DEFAULT_FONT_STACK}`;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The characters an SVG draws: its text nodes, entities decoded. */
export function svgText(svg: string): string {
  const body = svg.replace(/<style[\s\S]*?<\/style>/g, '');
  return (body.match(/>[^<]+</g) ?? [])
    .map((m) => m.slice(1, -1))
    .join('')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] !== '#') return entities[e] ?? whole;
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Without a background a chart goes onto whatever the slide has, often a dark one where its dark text
 * would vanish: every text is drawn over a light halo (its stroke painted first), readable on dark and
 * light alike.
 */
const TEXT_HALO = 'text{paint-order:stroke;stroke:#ffffff;stroke-opacity:0.85;stroke-width:2.5px;stroke-linejoin:round}';

/** Renders one chart. Throws ExportError (CHART_BUILD_FAILED) when the data does not fit the template. */
export async function renderChartSvg(spec: ChartSpec, data: ChartData, opts: SvgOptions): Promise<RenderedSvg> {
  const font = locateFont(opts.fontPath);
  layOutWith(font);
  let option: EChartsOption;
  try {
    option = buildOption(spec, data, { fontFamily: fontStack(font), plotOnly: opts.plotOnly });
  } catch (cause) {
    if (!(cause instanceof ChartBuildError)) throw cause;
    throw new ExportError('CHART_BUILD_FAILED', { reason: cause.code, chart: spec.title, ...cause.params }, cause.message, { cause });
  }
  option.backgroundColor = opts.background === 'transparent' ? 'transparent' : '#ffffff';
  const { width, height } = resolveSize(spec.size);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let raw: string;
  try {
    chart.setOption(option);
    raw = chart.renderToSVGString();
  } finally {
    // An undisposed SSR instance keeps timers that hold Node's event loop open.
    chart.dispose();
  }
  // zrender numbers ids per instance and style classes across the process; numbering both afresh in
  // order of appearance makes the bytes repeatable.
  raw = raw.replace(/\bzr\d+-/g, 'wb-');
  const classes = new Map<string, number>();
  raw = raw.replace(/\bwb-cls-(\d+)/g, (_m, n: string) => {
    if (!classes.has(n)) classes.set(n, classes.size);
    return `wb-cls-${classes.get(n)}`;
  });
  const text = svgText(raw);
  const subset = await subsetFor(font, text);
  const p = provenanceOf(spec, data, opts.app);
  const titles = chartTitles(createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK }));
  const head = [
    `<title>${escapeXml(titles.title)}</title>`,
    `<desc>${escapeXml([titles.subtitle, spec.sourceNote].filter(Boolean).join(' — '))}</desc>`,
    `<metadata><wb:provenance xmlns:wb="urn:x-digital-economy-workbench:provenance">${escapeXml(JSON.stringify(p))}</wb:provenance></metadata>`,
    `<style>@font-face{font-family:'${font.family}';src:url(data:font/${font.format === 'opentype' ? 'otf' : 'ttf'};base64,${subset.toString('base64')}) format('${font.format}');}${opts.background === 'transparent' ? TEXT_HALO : ''}</style>`,
  ].join('\n');
  const open = raw.indexOf('>', raw.indexOf('<svg')) + 1;
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${raw.slice(0, open)}\n${head}${raw.slice(open)}`;
  return { svg, width, height, font, text, subset };
}

export async function renderSvg(spec: ChartSpec, data: ChartData, opts: SvgOptions): Promise<string> {
  return (await renderChartSvg(spec, data, opts)).svg;
}
