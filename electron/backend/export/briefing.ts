// A salon briefing pack: the ordered charts as one PPTX, one PDF, and a folder with each chart's SVG,
// PNG and data (CSV), plus one workbook with every chart's data. SVGs are rendered once on the main
// thread; PNGs are rasterised on worker threads while the PDF and the data files are written.
//
// In a new process much of a pack's time is loading its renderers (ECharts, PDFKit, ExcelJS,
// PptxGenJS: 1.5–2 s on a 2-core machine) and starting the rasterising workers, so the order is
// chosen to overlap them: the workers start first, each chart goes to them as soon as its SVG is
// drawn, and only then are PDFKit and ExcelJS loaded, while the workers rasterise. Each renderer is
// imported when its step comes; a pack exported again in the same process finds them loaded.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ExportError } from './errors';
import { fileSlug } from './file-slug';
import type { BriefingItem } from './types';
import { checkDpi, finishPng, rasterJob } from './png';
import type { PptxOptions, SlideImage } from './pptx';
import { provenanceOf } from './provenance';
import { RasterPool } from './raster-pool';
import type { RenderedSvg } from './svg';

export type BriefingStep = 'svg' | 'png' | 'pdf' | 'pptx' | 'data' | 'write';

export interface BriefingProgress {
  step: BriefingStep;
  /** Units of work finished out of total, over the whole export. */
  done: number;
  total: number;
}

export interface BriefingOptions extends PptxOptions {
  /** File name of the pack without extension; defaults to the title. */
  name?: string;
  /** PNG DPI (96-600); defaults to 300. */
  dpi?: number;
  onProgress?: (progress: BriefingProgress) => void;
  signal?: AbortSignal;
  /** Worker threads for rasterising; defaults to the number of cores (at least 1, at most 4). */
  workers?: number;
}

export interface BriefingResult {
  pptx: string;
  pdf: string;
  xlsx: string;
  /** SVG, PNG and CSV of each chart, in pack order. */
  charts: Array<{ svg: string; png: string; csv: string }>;
}


function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportError('CANCELLED', {}, 'The export was cancelled');
}

/** Writes the pack into outDir (created if missing; files of the same name are replaced). */
export async function exportBriefing(items: BriefingItem[], outDir: string, opts: BriefingOptions): Promise<BriefingResult> {
  const first = items[0];
  if (!first) throw new ExportError('EMPTY_BRIEFING', {}, 'The briefing has no charts');
  const dpi = opts.dpi ?? 300;
  checkDpi(dpi);
  if (opts.imageDpi !== undefined) checkDpi(opts.imageDpi);
  const { signal, onProgress } = opts;
  checkCancelled(signal);
  // The workers load resvg on their own threads while this one loads ECharts and PptxGenJS.
  const pool = new RasterPool(Math.max(1, Math.min(4, opts.workers ?? availableParallelism())));
  const abort = (): void => void pool.close();
  signal?.addEventListener('abort', abort, { once: true });
  const base = fileSlug(opts.name ?? opts.title ?? first.spec.title);
  let staging: string | null = null;
  try {
    await mkdir(outDir, { recursive: true });
    staging = await mkdtemp(join(outDir, '.export-'));
    const { DEFAULT_IMAGE_DPI, nativeChartFor, pptxFromParts, slideImageSpec } = await import('./pptx');
    const imageDpi = opts.imageDpi ?? DEFAULT_IMAGE_DPI;
    const { renderChartSvg } = await import('./svg');
    const natives = items.map(nativeChartFor);
    const slideImages = natives.flatMap((n, i) => (n ? [] : [i]));
    // svg + png per chart, one slide image each where needed, pdf, pptx, data, write.
    const total = 2 * items.length + slideImages.length + 4;
    let done = 0;
    const tick = (step: BriefingStep): void => {
      done++;
      onProgress?.({ step, done, total });
    };
    /** A rasterising job, observed from the start: one failing while others are drawn is not unhandled. */
    const observed = <T>(job: Promise<T>): Promise<T> => {
      job.catch(() => undefined);
      return job;
    };

    const rendered: RenderedSvg[] = [];
    const pngJobs: Array<Promise<Uint8Array>> = [];
    for (const [i, item] of items.entries()) {
      const r = await renderChartSvg(item.spec, item.data, opts);
      rendered.push(r);
      tick('svg');
      checkCancelled(signal);
      pngJobs.push(
        observed(
          pool.run(rasterJob(r, dpi)).then((png) => {
            tick('png');
            return finishPng(png, dpi, items[i]!.spec, items[i]!.data, opts.app);
          }),
        ),
      );
    }
    const imageJobs: Array<Promise<[number, SlideImage]>> = [];
    for (const i of slideImages) {
      const r = await renderChartSvg(slideImageSpec(items[i]!.spec, items.map((it) => it.spec)), items[i]!.data, { ...opts, plotOnly: true });
      imageJobs.push(
        observed(
          pool.run(rasterJob(r, imageDpi)).then((png): [number, SlideImage] => {
            tick('png');
            return [i, { png, width: r.width, height: r.height }];
          }),
        ),
      );
    }
    checkCancelled(signal);

    const { pdfFromRendered } = await import('./pdf');
    const pdf = await pdfFromRendered(items, rendered, opts);
    tick('pdf');
    checkCancelled(signal);

    const { chartRows, toCsv, toXlsx } = await import('./data-table');
    const names = items.map((it, i) => `${String(i + 1).padStart(2, '0')}-${fileSlug(it.spec.name || it.spec.title, 40)}`);
    const provenance = items.map((it) => provenanceOf(it.spec, it.data, opts.app));
    const tables = items.map((it) => chartRows(it.spec, it.data));
    const xlsx = await toXlsx(items.map((it, i) => ({ name: names[i]!, locale: it.spec.locale, rows: tables[i]!, provenance: provenance[i]! })));
    tick('data');

    // The slides need only their images: the charts' PNGs may still be rasterising meanwhile.
    const imageEntries = await Promise.all(imageJobs);
    checkCancelled(signal);
    const pptx = await pptxFromParts(items, natives, new Map(imageEntries), opts);
    tick('pptx');
    const pngFiles = await Promise.all(pngJobs);
    checkCancelled(signal);

    const files = new Map<string, string | Uint8Array>([
      [`${base}.pptx`, pptx],
      [`${base}.pdf`, pdf],
      [`${base}-data.xlsx`, xlsx],
    ]);
    items.forEach((it, i) => {
      files.set(join('charts', `${names[i]}.svg`), rendered[i]!.svg);
      files.set(join('charts', `${names[i]}.png`), pngFiles[i]!);
      files.set(join('charts', `${names[i]}.csv`), toCsv(tables[i]!, it.spec.locale));
    });
    const dir = staging;
    await mkdir(join(dir, 'charts'));
    await Promise.all([...files].map(([name, bytes]) => writeFile(join(dir, name), bytes)));
    // Files appear in outDir only once all are written, so a failed export leaves no half pack.
    await mkdir(join(outDir, 'charts'), { recursive: true });
    for (const name of files.keys()) await rename(join(dir, name), join(outDir, name));
    tick('write');
    return {
      pptx: join(outDir, `${base}.pptx`),
      pdf: join(outDir, `${base}.pdf`),
      xlsx: join(outDir, `${base}-data.xlsx`),
      charts: names.map((n) => ({ svg: join(outDir, 'charts', `${n}.svg`), png: join(outDir, 'charts', `${n}.png`), csv: join(outDir, 'charts', `${n}.csv`) })),
    };
  } finally {
    signal?.removeEventListener('abort', abort);
    await pool.close();
    if (staging !== null) await rm(staging, { recursive: true, force: true });
  }
}
