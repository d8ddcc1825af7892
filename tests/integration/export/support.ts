// Shared by the export tests: the app identity written into provenance, fixture items, temp folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { BriefingItem } from '../../../electron/backend/export/types';
import { fixtureCharts, type FixtureChart } from '../../fixtures/charts/briefing';

export const app = { name: 'digital-economy-workbench', version: '0.1.0-test' };

export function itemOf(chart: FixtureChart): BriefingItem {
  return { spec: chart.spec, data: chart.data, notes: chart.notes };
}

export const packItems: BriefingItem[] = fixtureCharts.map(itemOf);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wb-export-'));
}

export function decodePng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

/** Pixels in a region that are clearly not background (white or transparent). */
export function inkIn(png: PNG, region = { x: 0, y: 0, w: png.width, h: png.height }): number {
  let ink = 0;
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      const i = (png.width * y + x) * 4;
      const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
      if (a > 128 && r + g + b < 600) ink++;
    }
  }
  return ink;
}
