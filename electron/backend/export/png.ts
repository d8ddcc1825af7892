// PNG rasterised from the exported SVG by resvg at the requested DPI (scale = dpi / 96 of the CSS
// size), with the chart's own font subset as the only font resvg may use. resvg and ECharts are
// loaded when a PNG is made here, not with this module: a briefing pack rasterises on worker threads
// and only needs the jobs and the metadata from it.
import { createRequire } from 'node:module';
import type * as resvgModule from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { ChartData } from '../../../shared/charts/data';
import { resolveSize, type ChartSpec } from '../../../shared/charts/spec';
import { ExportError } from './errors';
import { fontFile } from './font';
import { withMetadata } from './png-chunks';
import { DPI_RANGE } from './types';
import { pngText, provenanceOf, type ExportApp } from './provenance';
import type { Background, RenderedSvg, RenderEnv } from './svg';

export const MIN_DPI = DPI_RANGE.min;
export const MAX_DPI = DPI_RANGE.max;

export interface PngOptions extends RenderEnv {
  /** Defaults to the DPI of the spec's size preset. */
  dpi?: number;
  background?: Background;
}

/** Everything resvg needs, plain data so a worker thread can take it. */
export interface RasterJob {
  svg: string;
  options: ResvgRenderOptions;
}

export function checkDpi(dpi: number): void {
  if (!Number.isFinite(dpi) || dpi < MIN_DPI || dpi > MAX_DPI) {
    throw new ExportError('DPI_OUT_OF_RANGE', { dpi, min: MIN_DPI, max: MAX_DPI }, `DPI must be between ${MIN_DPI} and ${MAX_DPI}, got ${dpi}`);
  }
}

export function rasterJob(rendered: RenderedSvg, dpi: number): RasterJob {
  checkDpi(dpi);
  return {
    svg: rendered.svg,
    options: {
      fitTo: { mode: 'zoom', value: dpi / 96 },
      font: { loadSystemFonts: false, fontFiles: [fontFile(rendered.subset)], defaultFontFamily: rendered.font.family },
      logLevel: 'off',
    },
  };
}

let resvg: typeof resvgModule | null = null;

export function rasterise(job: RasterJob): Uint8Array {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof resvgModule;
  try {
    return new resvg.Resvg(job.svg, job.options).render().asPng();
  } catch (cause) {
    throw new ExportError('RASTER_FAILED', { reason: String(cause) }, 'resvg could not rasterise the chart', { cause });
  }
}

/** pHYs for the DPI and the provenance as text chunks. */
export function finishPng(png: Uint8Array, dpi: number, spec: ChartSpec, data: ChartData, app: ExportApp): Uint8Array {
  return withMetadata(png, dpi, pngText(provenanceOf(spec, data, app), spec.locale));
}

export async function renderPng(spec: ChartSpec, data: ChartData, opts: PngOptions): Promise<Uint8Array> {
  const dpi = opts.dpi ?? resolveSize(spec.size).dpi;
  checkDpi(dpi);
  const { renderChartSvg } = await import('./svg');
  const rendered = await renderChartSvg(spec, data, opts);
  return finishPng(rasterise(rasterJob(rendered, dpi)), dpi, spec, data, opts.app);
}
