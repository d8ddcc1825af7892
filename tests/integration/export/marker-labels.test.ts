// The exported SVG itself: where a definition break, a deadline and an end label fall on the same
// year (重庆's 45.4% in 2022 on the new definition, the A2 deadline 2022), their drawn texts do not
// overlap at any size preset. Text boxes are read from the SVG's <text> elements (position, transform,
// anchor) and measured with the export font. Also checks that the layout pass's estimate of the plot
// rectangle matches the one ECharts lays out.
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { locateFont } from '../../../electron/backend/export/font';
import { fontStack, renderSvg } from '../../../electron/backend/export/svg';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput } from '../../../shared/charts/data';
import { createFrame } from '../../../shared/charts/frame';
import { plotGeometry } from '../../../shared/charts/marker-layout';
import { chartSpecSchema, type ChartSpecInput } from '../../../shared/charts/spec';
import { levelWithBreak, starterShare } from '../../unit/charts/marker-charts';
import { app, drawnTexts, overlaps } from './support';

const presets = ['slide-16x9', 'slide-4x3', 'a4-half', 'report-column'] as const;
const font = locateFont();

function parse(chart: { spec: ChartSpecInput; data: ChartDataInput }, preset: string) {
  return { spec: chartSpecSchema.parse({ ...chart.spec, size: { preset } }), data: chartDataSchema.parse(chart.data) };
}

describe('marker labels in the exported SVG', () => {
  describe.each([
    ['share of GDP (starter briefing)', starterShare, ['口径变化', '2022年期限', '45.4%', '目标：>40.0%（2022年）', '42.8%']],
    ['target trajectory (level)', levelWithBreak, ['口径变化', '2022年期限', '1.32万亿元', '目标：≥1.00万亿元（2022年）']],
  ] as const)('%s', (_name, chart, labels) => {
    it.each(presets)('draws break, deadline, target and end labels apart at %s', async (preset) => {
      const { spec, data } = parse(chart, preset);
      const texts = drawnTexts(await renderSvg(spec, data, { app }));
      const marked = labels.map((label) => {
        const found = texts.filter((t) => t.text === label);
        expect(found, label).toHaveLength(1);
        return found[0]!;
      });
      const clashes: string[] = [];
      marked.forEach((a, i) => marked.slice(i + 1).forEach((b) => overlaps(a.box, b.box) && clashes.push(`${a.text} × ${b.text}`)));
      expect(clashes).toEqual([]);
      // And none of them sits on any other text of the chart (axis labels, names, legend, footer).
      const others = texts.filter((t) => !labels.includes(t.text as never));
      const onOthers = marked.flatMap((m) => others.filter((o) => overlaps(m.box, o.box)).map((o) => `${m.text} × ${o.text}`));
      expect(onOthers).toEqual([]);
    });
  });

  it.each(presets)('estimates the plot rectangle ECharts lays out (%s)', async (preset) => {
    const { spec, data } = parse(starterShare, preset);
    await renderSvg(spec, data, { app }); // sets ECharts' text measuring to the export font
    const env = { fontFamily: fontStack(font) };
    const option = buildOption(spec, data, env);
    const frame = createFrame(spec, data, env);
    const estimate = plotGeometry(frame, option)!;
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: frame.metrics.width, height: frame.metrics.height });
    try {
      chart.setOption(option);
      const grid = (chart as unknown as { getModel(): { getComponent(t: string): { coordinateSystem: { getRect(): { x: number; y: number; width: number; height: number } } } } })
        .getModel()
        .getComponent('grid');
      const rect = grid.coordinateSystem.getRect();
      expect(Math.abs(estimate.left - rect.x)).toBeLessThan(4);
      expect(Math.abs(estimate.right - (rect.x + rect.width))).toBeLessThan(4);
      expect(Math.abs(estimate.top - rect.y)).toBeLessThan(2);
      expect(Math.abs(estimate.bottom - (rect.y + rect.height))).toBeLessThan(2);
    } finally {
      chart.dispose();
    }
  });
});
