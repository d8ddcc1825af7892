// PNG export: the pixel size the DPI implies, pHYs and provenance chunks, Chinese text actually drawn.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { readChunks, withMetadata } from '../../../electron/backend/export/png-chunks';
import { renderPng } from '../../../electron/backend/export/png';
import { renderSvg } from '../../../electron/backend/export/svg';
import { regionalLines, trajectory } from '../../fixtures/charts/briefing';
import { app, decodePng, inkIn, tempDir } from './support';

function textChunks(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of readChunks(png)) {
    if (c.type === 'tEXt') {
      const nul = c.data.indexOf(0);
      out[c.data.toString('latin1', 0, nul)] = c.data.toString('latin1', nul + 1);
    }
    if (c.type === 'iTXt') {
      const nul = c.data.indexOf(0);
      // keyword NUL, flag, method, language NUL, translated keyword NUL, text
      const lang = c.data.indexOf(0, nul + 3);
      const translated = c.data.indexOf(0, lang + 1);
      out[c.data.toString('latin1', 0, nul)] = c.data.toString('utf8', translated + 1);
    }
  }
  return out;
}

describe('PNG export', () => {
  it.each([96, 300])('has the pixel size and pHYs its DPI implies (%i DPI)', async (dpi) => {
    const png = await renderPng(trajectory.spec, trajectory.data, { app, dpi });
    const dir = tempDir();
    writeFileSync(join(dir, 'chart.png'), png);
    const image = decodePng(png);
    // resvg rounds a fractional size: 540 px at 300 DPI is 1687.5, so 1688 rows.
    expect([image.width, image.height]).toEqual([Math.round((960 * dpi) / 96), Math.round((540 * dpi) / 96)]);
    const phys = readChunks(png).find((c) => c.type === 'pHYs')!;
    expect(phys.data.readUInt32BE(0)).toBe(Math.round(dpi / 0.0254));
    expect(phys.data.readUInt32BE(4)).toBe(Math.round(dpi / 0.0254));
    expect(phys.data.readUInt8(8)).toBe(1);
  });

  it('sizes a report-column chart for print', async () => {
    const image = decodePng(await renderPng(regionalLines.spec, regionalLines.data, { app }));
    expect([image.width, image.height]).toEqual([Math.round((321 * 300) / 96), Math.round((246 * 300) / 96)]);
  });

  it('records provenance in text chunks', async () => {
    const text = textChunks(await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96 }));
    expect(text.Title).toBe(trajectory.spec.title);
    expect(text.Software).toBe('digital-economy-workbench 0.1.0-test');
    expect(text.Comment).toBe('as of 2024-06-30; 基准情景 v3, 加速情景 v1');
    expect(JSON.parse(text.Provenance!)).toMatchObject({ template: 'target-trajectory', asOf: '2024-06-30' });
  });

  it('draws the Chinese text that resvg would drop without the font', async () => {
    const dpi = 96;
    const png = decodePng(await renderPng(trajectory.spec, trajectory.data, { app, dpi }));
    const svg = await renderSvg(trajectory.spec, trajectory.data, { app });
    const bare = decodePng(new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
    const title = { x: 0, y: 0, w: 960, h: 45 };
    expect(inkIn(bare, title)).toBe(0);
    expect(inkIn(png, title)).toBeGreaterThan(1500);
    expect(inkIn(png)).toBeGreaterThan(10_000);
  });

  it('is white or transparent behind the chart as asked', async () => {
    const white = decodePng(await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96 }));
    const clear = decodePng(await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96, background: 'transparent' }));
    expect([...white.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(clear.data[3]).toBe(0);
  });

  it('draws text over a light halo without a background, so it stays readable on a dark slide', async () => {
    const clear = decodePng(await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96, background: 'transparent' }));
    const white = decodePng(await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96 }));
    // The title's band holds nothing but the title: light, opaque pixels there are its halo.
    const halo = (png: typeof clear): number => {
      let n = 0;
      for (let y = 15; y < 50; y++) {
        for (let x = 20; x < 400; x++) {
          const i = (png.width * y + x) * 4;
          if (png.data[i + 3]! > 128 && png.data[i]! + png.data[i + 1]! + png.data[i + 2]! > 600) n++;
        }
      }
      return n;
    };
    expect(inkIn(clear, { x: 20, y: 15, w: 380, h: 35 })).toBeGreaterThan(200);
    expect(halo(clear)).toBeGreaterThan(500);
    // With a white background the chart is drawn as before: no stroke around its text.
    const svg = await renderSvg(trajectory.spec, trajectory.data, { app });
    expect(svg).not.toContain('paint-order');
    expect(inkIn(white, { x: 20, y: 15, w: 380, h: 35 })).toBeGreaterThan(200);
  });

  it('refuses a DPI outside 96-600', async () => {
    await expect(renderPng(trajectory.spec, trajectory.data, { app, dpi: 72 })).rejects.toMatchObject({ code: 'DPI_OUT_OF_RANGE', params: { dpi: 72 } });
    await expect(renderPng(trajectory.spec, trajectory.data, { app, dpi: 601 })).rejects.toMatchObject({ code: 'DPI_OUT_OF_RANGE' });
  });

  it('replaces an existing pHYs instead of adding a second', async () => {
    const once = await renderPng(trajectory.spec, trajectory.data, { app, dpi: 96 });
    const twice = withMetadata(once, 300, []);
    expect(readChunks(twice).filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(decodePng(twice).width).toBe(960);
  });
});
