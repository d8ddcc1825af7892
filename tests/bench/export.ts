// Export figures for `npm run bench`: a 12-chart briefing pack (PPTX + PDF + 300-DPI PNGs + SVGs +
// data) written headless, against rendering the same 12 SVGs alone in the same run; per-chart SVG and
// per-PNG rasterise times for information.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBriefing } from '../../electron/backend/export/briefing';
import { rasterise, rasterJob } from '../../electron/backend/export/png';
import { renderChartSvg, type RenderedSvg } from '../../electron/backend/export/svg';
import { fixtureCharts } from '../fixtures/charts/briefing';
import { median, type BenchFigure } from './figure';

const app = { name: 'digital-economy-workbench', version: 'bench' };
const items = fixtureCharts.map((c) => ({ spec: c.spec, data: c.data, notes: c.notes }));
const RUNS = 3;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

async function renderAll(): Promise<RenderedSvg[]> {
  const out: RenderedSvg[] = [];
  for (const item of items) out.push(await renderChartSvg(item.spec, item.data, { app }));
  return out;
}

export async function benchExport(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wb-bench-export-'));
  try {
    // The first pack pays for loading the font, the subsetter and the modules: reported, not judged.
    const cold = await time(() => exportBriefing(items, join(dir, 'cold'), { app, dpi: 300 }));
    const packs: number[] = [];
    const svgSets: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      packs.push((await time(() => exportBriefing(items, join(dir, `run-${run}`), { app, dpi: 300 }))).ms);
      svgSets.push((await time(renderAll)).ms);
    }

    const perSvg: number[] = [];
    const rendered: RenderedSvg[] = [];
    for (const item of items) {
      const { ms, result } = await time(() => renderChartSvg(item.spec, item.data, { app }));
      perSvg.push(ms);
      rendered.push(result);
    }
    const perPng = rendered.map((r) => {
      const start = performance.now();
      rasterise(rasterJob(r, 300));
      return performance.now() - start;
    });

    const pack = median(packs);
    const svgs = median(svgSets);
    return [
      { name: `briefing pack ${items.length} charts`, value: pack, unit: 'ms', baseline: svgs, ratio: pack / svgs, target: 3000, ok: pack < 3000 },
      { name: `briefing pack ${items.length} charts, first in process`, value: cold.ms, unit: 'ms', baseline: null, ratio: null, target: null, ok: null },
      { name: 'chart svg render (median)', value: median(perSvg), unit: 'ms', baseline: null, ratio: null, target: null, ok: null },
      { name: 'chart png rasterise 300 dpi (median, one thread)', value: median(perPng), unit: 'ms', baseline: null, ratio: null, target: null, ok: null },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
