// Shared by the export tests: the app identity written into provenance, fixture items, temp folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { locateFont } from '../../../electron/backend/export/font';
import type { BriefingItem } from '../../../electron/backend/export/types';
import type { Box } from '../../../shared/charts/marker-layout';
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

export interface DrawnText {
  text: string;
  box: Box;
}

const decode = (s: string): string => s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Every <text> of an ECharts SVG with its drawn box (dominant-baseline central, anchored, transformed),
 * measured with the export font.
 */
export function drawnTexts(svg: string): DrawnText[] {
  const font = locateFont();
  const out: DrawnText[] = [];
  for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const text = decode(m[2]!);
    const attr = (name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
    const size = Number(/font-size:([\d.]+)px/.exec(attrs)?.[1] ?? 12);
    const w = font.measure(text, size);
    const x = Number(attr('x') ?? 0);
    const y = Number(attr('y') ?? 0);
    const anchor = attr('text-anchor') ?? 'start';
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const baseline = attr('dominant-baseline');
    const y0 = baseline === 'central' ? y - size / 2 : baseline === 'hanging' ? y : y - size * 0.88;
    const t = attr('transform') ?? '';
    let matrix = [1, 0, 0, 1, 0, 0];
    const translate = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(t);
    const mat = /matrix\(([^)]*)\)/.exec(t);
    if (mat) matrix = mat[1]!.split(/[ ,]+/).map(Number);
    else if (translate) matrix = [1, 0, 0, 1, Number(translate[1]), Number(translate[2])];
    const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number];
    const corners = [
      [x0, y0],
      [x0 + w, y0],
      [x0, y0 + size],
      [x0 + w, y0 + size],
    ].map(([px, py]) => [a * px! + c * py! + e, b * px! + d * py! + f] as const);
    out.push({
      text,
      box: { x0: Math.min(...corners.map((p) => p[0])), x1: Math.max(...corners.map((p) => p[0])), y0: Math.min(...corners.map((p) => p[1])), y1: Math.max(...corners.map((p) => p[1])) },
    });
  }
  return out;
}

export const overlaps = (a: Box, b: Box): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
