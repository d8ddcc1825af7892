// Visual regression: the starter pack rendered to PNG at every size preset (96 DPI, so a reference is
// one pixel per CSS pixel and small) and compared with the references under
// tests/fixtures/charts/visual/<preset>/ by pixelmatch. A layout change (a label moved, a legend
// wrapped, an axis rescaled) changes far more pixels than the tolerance allows; anti-aliasing does
// not count. A failing chart names the count of differing pixels and writes its diff image (red where
// they differ) to a temp folder. `UPDATE_REFERENCES=1` rewrites the references instead: look at each
// one before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPng } from '../../../electron/backend/export/png';
import type { WorkbenchService } from '../../../electron/backend/service';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, sizePresets, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from '../charts/support';
import { app, decodePng, tempDir } from './support';

const REFERENCES = fileURLToPath(new URL('../../fixtures/charts/visual/', import.meta.url));
const UPDATE = process.env.UPDATE_REFERENCES === '1';
/** pixelmatch's per-pixel colour threshold (0–1): a little above its default, for font hinting. */
const THRESHOLD = 0.15;
/** Differing pixels allowed per chart: 0.1% of its area. One moved label is several hundred. */
const TOLERANCE = 0.001;

let service: WorkbenchService;
let starter: Array<{ name: string; spec: ChartSpec; data: ChartData }>;
let diffDir: string | undefined;

beforeAll(async () => {
  service = tempService().service;
  const list = await call<Array<{ id: number }>>(service, 'charts.list', {});
  starter = await Promise.all(
    list.map(async ({ id }, n) => {
      const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id });
      const parsed = chartSpecSchema.parse(spec);
      const data = chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec: parsed }));
      return { name: `${String(n + 1).padStart(2, '0')}-${parsed.template}`, spec: parsed, data };
    }),
  );
});
afterAll(() => service?.close());

/** The pixels only: RGB on white, without the PNG's provenance chunks (app version, export date). */
function pixelsOnly(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 2 });
}

describe.each(sizePresets)('the starter pack at %s', (preset) => {
  it(UPDATE ? 'rewrites the reference PNGs' : 'looks as its reference PNGs', async () => {
    expect(starter.length).toBe(9);
    const dir = join(REFERENCES, preset);
    const problems: string[] = [];
    for (const chart of starter) {
      const actual = decodePng(await renderPng({ ...chart.spec, size: { preset } }, chart.data, { app, dpi: 96 }));
      const file = join(dir, `${chart.name}.png`);
      if (UPDATE) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, pixelsOnly(actual));
        continue;
      }
      if (!existsSync(file)) {
        problems.push(`${chart.name}: no reference (UPDATE_REFERENCES=1 writes it)`);
        continue;
      }
      const expected = PNG.sync.read(readFileSync(file));
      if (expected.width !== actual.width || expected.height !== actual.height) {
        problems.push(`${chart.name}: ${actual.width}×${actual.height} px, the reference ${expected.width}×${expected.height}`);
        continue;
      }
      const diff = new PNG({ width: actual.width, height: actual.height });
      // The reference is RGB: compare on white, as it was written.
      const opaque = PNG.sync.read(pixelsOnly(actual));
      const count = pixelmatch(expected.data, opaque.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
      if (count > TOLERANCE * actual.width * actual.height) {
        diffDir ??= tempDir();
        const out = join(diffDir, `${preset}-${chart.name}.diff.png`);
        writeFileSync(out, PNG.sync.write(diff));
        problems.push(`${chart.name}: ${count} pixels differ (allowed ${Math.floor(TOLERANCE * actual.width * actual.height)}); diff in ${out}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
