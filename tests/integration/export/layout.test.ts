// The starter pack laid out at every size preset, read back from the exported SVG: no two texts of a
// chart overlap and none leaves the canvas. Each <text> is measured with the export font, as drawn.
// At report-column size (8.5 cm × 6.5 cm) bar labels used to cover driver names, every second target
// name was dropped and names were cut at the left edge; this keeps every size honest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../electron/backend/export/svg';
import type { WorkbenchService } from '../../../electron/backend/service';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, sizePresets, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from '../charts/support';
import { app, drawnTexts, type DrawnText } from './support';

let service: WorkbenchService;
let starter: Array<{ spec: ChartSpec; data: ChartData }>;

beforeAll(async () => {
  service = tempService().service;
  const list = await call<Array<{ id: number }>>(service, 'charts.list', {});
  starter = await Promise.all(
    list.map(async ({ id }) => {
      const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id });
      const parsed = chartSpecSchema.parse(spec);
      return { spec: parsed, data: chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec: parsed })) };
    }),
  );
});
afterAll(() => service.close());

/** Boxes share more than half a pixel each way: touching glyph boxes are not an overlap. */
const clash = (a: DrawnText, b: DrawnText): boolean =>
  Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0) > 0.5 && Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0) > 0.5;

describe.each(sizePresets)('the starter pack at %s', (preset) => {
  it('draws every text inside the canvas and apart from every other', async () => {
    expect(starter.length).toBe(9);
    const problems: string[] = [];
    for (const [n, chart] of starter.entries()) {
      const spec = { ...chart.spec, size: { preset } };
      const { svg, width, height } = await renderChartSvg(spec, chart.data, { app });
      const texts = drawnTexts(svg).filter((t) => t.text.trim());
      const name = `${String(n + 1).padStart(2, '0')} ${spec.template}`;
      for (const t of texts) {
        const { x0, x1, y0, y1 } = t.box;
        if (x0 < -0.5 || y0 < -0.5 || x1 > width + 0.5 || y1 > height + 0.5) problems.push(`${name}: "${t.text}" leaves the canvas`);
      }
      texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => clash(a, b) && problems.push(`${name}: "${a.text}" × "${b.text}"`)));
    }
    expect(problems).toEqual([]);
  });
});
