// A salon briefing pack: the ordered charts as one PPTX, one PDF, and a folder with each chart's SVG,
// PNG and data (CSV), plus one workbook with every chart's data. SVGs are rendered once on the main
// thread; PNGs are rasterised on worker threads while the PDF and the data files are written.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chartRows, toCsv, toXlsx } from './data-table';
import { ExportError } from './errors';
import { fileSlug } from './file-slug';
import { pdfFromRendered } from './pdf';
import type { BriefingItem } from './types';
import { checkDpi, finishPng, rasterJob } from './png';
import { DEFAULT_IMAGE_DPI, nativeChartFor, pptxFromParts, slideImageSpec, type PptxOptions, type SlideImage } from './pptx';
import { provenanceOf } from './provenance';
import { RasterPool } from './raster-pool';
import { renderChartSvg, type RenderedSvg } from './svg';

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
  const imageDpi = opts.imageDpi ?? DEFAULT_IMAGE_DPI;
  checkDpi(dpi);
  checkDpi(imageDpi);
  const { signal, onProgress } = opts;
  const natives = items.map(nativeChartFor);
  const slideImages = natives.flatMap((n, i) => (n ? [] : [i]));
  // svg + png per chart, one slide image each where needed, pdf, pptx, data, write.
  const total = 2 * items.length + slideImages.length + 4;
  let done = 0;
  const tick = (step: BriefingStep): void => {
    done++;
    onProgress?.({ step, done, total });
  };

  checkCancelled(signal);
  const rendered: RenderedSvg[] = [];
  for (const item of items) {
    rendered.push(await renderChartSvg(item.spec, item.data, opts));
    tick('svg');
    checkCancelled(signal);
  }
  const plotOnly = new Map<number, RenderedSvg>();
  for (const i of slideImages) plotOnly.set(i, await renderChartSvg(slideImageSpec(items[i]!.spec), items[i]!.data, { ...opts, plotOnly: true }));

  const pool = new RasterPool(Math.max(1, Math.min(4, opts.workers ?? availableParallelism())));
  const abort = (): void => void pool.close();
  signal?.addEventListener('abort', abort, { once: true });
  const base = fileSlug(opts.name ?? opts.title ?? first.spec.title);
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, '.export-'));
  try {
    const pngs = Promise.all(
      rendered.map(async (r, i) => {
        const png = await pool.run(rasterJob(r, dpi));
        tick('png');
        return finishPng(png, dpi, items[i]!.spec, items[i]!.data, opts.app);
      }),
    );
    const images = Promise.all(
      slideImages.map(async (i): Promise<[number, SlideImage]> => {
        const r = plotOnly.get(i)!;
        const png = await pool.run(rasterJob(r, imageDpi));
        tick('png');
        return [i, { png, width: r.width, height: r.height }];
      }),
    );
    // Keep both promises observed from the start, so a failure while the PDF is written is not unhandled.
    const rasters = Promise.all([pngs, images]);
    rasters.catch(() => undefined);

    const pdf = await pdfFromRendered(items, rendered, opts);
    tick('pdf');
    checkCancelled(signal);

    const names = items.map((it, i) => `${String(i + 1).padStart(2, '0')}-${fileSlug(it.spec.name || it.spec.title, 40)}`);
    const provenance = items.map((it) => provenanceOf(it.spec, it.data, opts.app));
    const tables = items.map((it) => chartRows(it.spec, it.data));
    const xlsx = await toXlsx(items.map((it, i) => ({ name: names[i]!, locale: it.spec.locale, rows: tables[i]!, provenance: provenance[i]! })));
    tick('data');

    const [pngFiles, imageEntries] = await rasters;
    checkCancelled(signal);
    const pptx = await pptxFromParts(items, natives, new Map(imageEntries), opts);
    tick('pptx');
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
    await mkdir(join(staging, 'charts'));
    await Promise.all([...files].map(([name, bytes]) => writeFile(join(staging, name), bytes)));
    // Files appear in outDir only once all are written, so a failed export leaves no half pack.
    await mkdir(join(outDir, 'charts'), { recursive: true });
    for (const name of files.keys()) await rename(join(staging, name), join(outDir, name));
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
    await rm(staging, { recursive: true, force: true });
  }
}
