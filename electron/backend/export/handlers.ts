// Exports through the API: one chart to one file (the bytes the CLI writes too), and a briefing pack
// as a background job that writes the pack folder to a temporary directory, zips it, and removes the
// directory whatever happens. Export failures become WorkbenchErrors with translated codes. The
// renderers (ECharts, resvg, PDFKit, PptxGenJS, the font tools: about 2 s to load) are imported on
// the first export, so that the service, and every command that does not export, starts without them.
import JSZip from 'jszip';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { WorkbenchError, type ErrorParams } from '../../../shared/api/errors';
import type { ExportFormat } from '../../../shared/api/charts-contract';
import type { ExportedFile, JobStatus } from '../../../shared/api/jobs-contract';
import type { ChartSize, ChartSpec } from '../../../shared/charts/spec';
import { ExportError, writeError } from './errors';
import { fileSlug } from './file-slug';
import type { BriefingItem, ExportApp } from './index';
import type { DomainHandlers, ServiceContext } from '../context';
import { resolveChartData } from '../charts/resolve-data';
import { briefingInLocale, chartInLocale } from '../charts/in-locale';
import { parseSpec } from '../charts/storage';

const exportCodes: Record<ExportError['code'], string> = {
  FONT_NOT_FOUND: 'export.fontNotFound',
  FONT_UNUSABLE: 'export.fontUnusable',
  DPI_OUT_OF_RANGE: 'export.dpiOutOfRange',
  CHART_BUILD_FAILED: 'export.chartBuildFailed',
  RASTER_FAILED: 'export.rasterFailed',
  EMPTY_BRIEFING: 'export.emptyBriefing',
  CANCELLED: 'export.cancelled',
};

/** ExportError as a WorkbenchError: a chart that cannot be drawn is named by its build code (chart.build.NO_DATA …). */
export function fromExportError(error: unknown): unknown {
  if (!(error instanceof ExportError)) return error;
  const params: ErrorParams = {};
  for (const [key, value] of Object.entries(error.params)) params[key] = Array.isArray(value) ? value.join(', ') : value;
  const code = error.code === 'CHART_BUILD_FAILED' && typeof error.params.reason === 'string' ? `chart.build.${error.params.reason}` : exportCodes[error.code];
  return new WorkbenchError(code, params);
}

/** Runs export work, its failures as WorkbenchErrors: an export's by code, a file system's by place (no raw EACCES). */
async function exporting<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw writeError(fromExportError(error));
  }
}

/** The export stack, loaded once on first use. */
function renderers() {
  return import('./index');
}

export function appOf(ctx: ServiceContext): ExportApp {
  return { name: 'digital-economy-workbench', version: ctx.env.appVersion };
}

const mimes: Record<ExportFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export interface ChartExportInput {
  id?: number;
  spec?: unknown;
  format: ExportFormat;
  dpi?: number;
  background?: 'white' | 'transparent';
  size?: ChartSize;
}

/** One chart, saved or unsaved, as one file; a size given here replaces the spec's for this file only. */
export async function exportChart(ctx: ServiceContext, input: ChartExportInput): Promise<ExportedFile> {
  const saved: ChartSpec = input.id !== undefined ? chartInLocale(ctx.db, input.id, ctx.language).spec : parseSpec(input.spec, ctx.language);
  const spec = input.size ? { ...saved, size: input.size } : saved;
  const data = resolveChartData(ctx.db, spec);
  const app = appOf(ctx);
  const item: BriefingItem = { spec, data };
  // Only the renderer the format needs: a PNG loads ECharts, resvg and the font tools, not PDFKit,
  // PptxGenJS or ExcelJS.
  const bytes = await exporting(async (): Promise<Uint8Array> => {
    switch (input.format) {
      case 'svg':
        return new TextEncoder().encode(await (await import('./svg')).renderSvg(spec, data, { app, background: input.background }));
      case 'png':
        return (await import('./png')).renderPng(spec, data, { app, dpi: input.dpi, background: input.background });
      case 'pdf':
        return (await import('./pdf')).renderPdf([item], { app, title: spec.title });
      case 'pptx':
        return (await import('./pptx')).renderPptx([item], { app, title: spec.title, imageDpi: input.dpi });
    }
  });
  return { fileName: `${fileSlug(spec.name || spec.title)}.${input.format}`, mime: mimes[input.format], base64: Buffer.from(bytes).toString('base64') };
}

/** The briefing's charts with their resolved data and notes, in pack order. */
export function briefingPack(ctx: ServiceContext, id: number): { name: string; items: BriefingItem[] } {
  const briefing = briefingInLocale(ctx.db, id, ctx.language);
  const items = briefing.items.map((item) => {
    const { spec } = chartInLocale(ctx.db, item.chartId, ctx.language);
    return { spec, data: resolveChartData(ctx.db, spec), notes: item.notes };
  });
  if (!items.length) throw new WorkbenchError('export.emptyBriefing', { briefing: briefing.name });
  return { name: briefing.name, items };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export function exportTempRoot(ctx: ServiceContext): string {
  return join(ctx.env.dataDir, 'tmp');
}

/**
 * Starts the pack export as a job. The charts' data are resolved before it starts, so a bad id or a
 * chart bound to something missing fails the call itself; rendering failures fail the job.
 */
export function startBriefingExport(ctx: ServiceContext, input: { id: number; dpi?: number }): JobStatus {
  const pack = briefingPack(ctx, input.id);
  const app = appOf(ctx);
  const root = exportTempRoot(ctx);
  return ctx.jobs.start('export.briefing', ({ signal, progress }) => exporting(async () => {
    await mkdir(root, { recursive: true });
    const staging = await mkdtemp(join(root, 'briefing-'));
    try {
      const outDir = join(staging, 'pack');
      let total = 1;
      const { exportBriefing } = await renderers();
      await exportBriefing(pack.items, outDir, {
        app,
        title: pack.name,
        name: pack.name,
        dpi: input.dpi,
        signal,
        onProgress: (p) => {
          total = p.total + 1;
          progress(`job.step.${p.step}`, p.done, total);
        },
      });
      if (signal.aborted) throw new WorkbenchError('export.cancelled', {});
      progress('job.step.zip', total - 1, total);
      const zip = new JSZip();
      for (const file of await filesUnder(outDir)) zip.file(relative(outDir, file).split('\\').join('/'), await readFile(file));
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      if (signal.aborted) throw new WorkbenchError('export.cancelled', {});
      const fileName = `${fileSlug(pack.name)}.zip`;
      return { file: { fileName, mime: 'application/zip', base64: Buffer.from(bytes).toString('base64') } };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }));
}

export function exportHandlers(ctx: ServiceContext): DomainHandlers<'export'> {
  return {
    'export.chart': (input) => exportChart(ctx, input),
    'export.briefing': (input) => startBriefingExport(ctx, input),
  };
}
