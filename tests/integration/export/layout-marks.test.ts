// The starter pack's texts against what is drawn, read back from the exported SVG at every size
// preset (layout.test.ts checks text against text). At report-column size the trajectory's plot was
// 40 px tall, a deadline label was crossed by a definition-break line, 预测期 by the fan's target
// line, the fan's % touched 2022年期限, the progress chart's target names were cut to five
// characters, and in the regional chart drawn as lines (the twin-city view) ECharts moved the ≈ over
// 成都's points onto 重庆's line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFont } from '../../../electron/backend/export/font';
import { fontStack, renderChartSvg } from '../../../electron/backend/export/svg';
import type { WorkbenchService } from '../../../electron/backend/service';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { createFrame, displayName } from '../../../shared/charts/frame';
import { plotGeometry, type Box } from '../../../shared/charts/marker-layout';
import { paletteFor } from '../../../shared/charts/palette';
import { chartSpecSchema, sizePresets, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from '../charts/support';
import { app, drawnTexts, type DrawnText } from './support';

let service: WorkbenchService;
let charts: Array<{ name: string; spec: ChartSpec; data: ChartData }>;

beforeAll(async () => {
  service = tempService().service;
  const list = await call<Array<{ id: number }>>(service, 'charts.list', {});
  const specs = await Promise.all(list.map(async ({ id }) => chartSpecSchema.parse((await call<{ spec: unknown }>(service, 'charts.get', { id })).spec)));
  // The regional chart also as the twin-city view draws it: lines, with 成都's ≈ years.
  const regional = specs.find((s) => s.template === 'regional-comparison')!;
  const withLines = [...specs, chartSpecSchema.parse({ ...regional, options: { mode: 'lines' } })];
  charts = await Promise.all(
    withLines.map(async (spec, n) => ({
      name: `${String(n + 1).padStart(2, '0')} ${spec.template}${n === specs.length ? ' (lines)' : ''}`,
      spec,
      data: chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec })),
    })),
  );
});
afterAll(() => service?.close());

type Segment = [number, number, number, number];

/**
 * The stroked lines of an ECharts SVG (fill none) that carry meaning: series, targets, deadlines and
 * definition breaks. Gridlines and the solid axis line are left out: a label may sit on a gridline.
 */
function drawnLines(svg: string, palette: ReturnType<typeof paletteFor>): Segment[] {
  const out: Segment[] = [];
  for (const m of svg.matchAll(/<path ([^>]*)>/g)) {
    const attrs = m[1]!;
    const attr = (name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
    const stroke = attr('stroke');
    if (attr('fill') !== 'none' || !stroke || stroke === 'none' || stroke === palette.grid) continue;
    if (stroke === palette.axis && !attr('stroke-dasharray')) continue;
    if (attr('transform')) continue;
    const d = attr('d') ?? '';
    if (/[^MLZ\d\s.,-]/i.test(d.replace(/e-?\d+/g, ''))) continue;
    const points = [...d.matchAll(/([ML])\s*([-\d.e]+)[ ,]*([-\d.e]+)/g)].map((p) => ({ move: p[1] === 'M', x: Number(p[2]), y: Number(p[3]) }));
    points.forEach((p, i) => {
      const prev = points[i - 1];
      if (prev && !p.move) out.push([prev.x, prev.y, p.x, p.y]);
    });
  }
  return out;
}

/** Whether a segment passes through a text's glyph box (its em box, 15% off top and bottom). */
function crosses([x1, y1, x2, y2]: Segment, { box, text }: DrawnText): boolean {
  const size = box.y1 - box.y0;
  const inner: Box = { x0: box.x0 + 1, x1: box.x1 - 1, y0: box.y0 + size * 0.15, y1: box.y1 - size * 0.15 };
  if (!text.trim() || inner.x1 <= inner.x0) return false;
  // Clip the segment to the box (Liang–Barsky).
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - inner.x0],
    [dx, inner.x1 - x1],
    [-dy, y1 - inner.y0],
    [dy, inner.y1 - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Not yet solved at report-column size, and so written down here: the share chart's two targets, two
 * deadlines, break and two end labels meet within 10 points (16 px) of its plot, and 数字经济规模's
 * ≥ in 2022 sits on the deadline line with the scenario lines just above it. A change that frees one
 * of them makes this test fail until the list is shortened.
 */
const stillCrossedInAColumn: string[] = [];

const gap = (a: Box, b: Box): number => Math.max(a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1);

describe.each(sizePresets)('the starter pack at %s', (preset) => {
  const rendered = async (chart: (typeof charts)[number]) => {
    const spec = { ...chart.spec, size: { preset } };
    const out = await renderChartSvg(spec, chart.data, { app });
    return { spec, data: chart.data, ...out, texts: drawnTexts(out.svg).filter((t) => t.text.trim()) };
  };

  it('crosses no text with a series, target, deadline or break line', async () => {
    const problems: string[] = [];
    for (const chart of charts) {
      const { svg, texts, spec } = await rendered(chart);
      const lines = drawnLines(svg, paletteFor(spec.palette));
      for (const t of texts) if (lines.some((l) => crosses(l, t))) problems.push(`${chart.name}: "${t.text}"`);
    }
    expect(problems).toEqual(preset === 'report-column' ? stillCrossedInAColumn : []);
  });

  it('keeps an axis name a quarter em clear of the labels beside it', async () => {
    const problems: string[] = [];
    for (const chart of charts) {
      const { texts, spec, data } = await rendered(chart);
      const frame = createFrame(spec, data, { fontFamily: fontStack(locateFont()) });
      const option = buildOption(spec, data, { fontFamily: fontStack(locateFont()) });
      const names = [option.yAxis].flat().flatMap((a) => ((a as { name?: string } | undefined)?.name ? [(a as { name: string }).name] : []));
      for (const t of texts.filter((x) => names.includes(x.text))) {
        for (const o of texts) {
          if (o !== t && gap(t.box, o.box) < frame.metrics.font / 4 && gap(t.box, o.box) > -frame.metrics.font) problems.push(`${chart.name}: "${t.text}" ~ "${o.text}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the plot of a chart over years at least a quarter of the height', async () => {
    const problems: string[] = [];
    for (const chart of charts) {
      const { spec, data, height } = await rendered(chart);
      const env = { fontFamily: fontStack(locateFont()) };
      const plot = plotGeometry(createFrame(spec, data, env), buildOption(spec, data, env));
      if (plot && plot.bottom - plot.top < 0.25 * height) problems.push(`${chart.name}: ${Math.round(plot.bottom - plot.top)} px of ${height}`);
    }
    expect(problems).toEqual([]);
  });

  it('names the measure of the share chart\'s targets on the chart, in the footer where the chart is compact', async () => {
    const chart = charts.find((c) => c.spec.template === 'share-of-gdp')!;
    const { texts } = await rendered(chart);
    const drawn = texts.map((t) => t.text);
    const labels = drawn.filter((t) => t.startsWith('目标：'));
    expect(labels).toHaveLength(2);
    // The footer wraps: its lines read as one text.
    const footer = drawn.join('');
    if (preset === 'report-column') {
      expect(labels.every((t) => !t.includes('口径'))).toBe(true);
      expect(footer).toContain('目标按信通院广义口径判定。');
    } else {
      expect(labels.every((t) => t.includes('信通院广义口径'))).toBe(true);
      expect(footer).not.toContain('目标按');
    }
  });

  it('writes every target name whole on the progress chart', async () => {
    const chart = charts.find((c) => c.spec.template === 'target-progress')!;
    const { texts, spec, data } = await rendered(chart);
    const frame = createFrame(spec, data, { fontFamily: fontStack(locateFont()) });
    const drawn = texts.map((t) => t.text);
    expect(drawn.filter((t) => t.includes('…'))).toEqual([]);
    for (const item of data.progress) expect(drawn).toContain(displayName(frame, item.label, item.basis));
  });

  it('writes each ≈ beside its own point', async () => {
    const chart = charts.find((c) => c.name.endsWith('(lines)'))!;
    const { texts, spec, data } = await rendered(chart);
    const env = { fontFamily: fontStack(locateFont()) };
    const plot = plotGeometry(createFrame(spec, data, env), buildOption(spec, data, env))!;
    const approx = data.series.flatMap((s) => s.points.filter((p) => p.bound === 'approx' && p.value !== null).map((p) => ({ region: s.region, ...p })));
    expect(approx.length).toBeGreaterThan(0);
    const signs = texts.filter((t) => t.text === '≈');
    expect(signs).toHaveLength(approx.length);
    for (const p of approx) {
      const x = plot.xOf(plot.categories.indexOf(String(p.year)));
      const y = plot.yOf(p.value!);
      // Above or below it, centred on it, or right of it, level with it (the plot as estimated, to 4 px).
      const centred = (t: DrawnText): boolean => Math.abs((t.box.x0 + t.box.x1) / 2 - x) < 4 && ((t.box.y1 <= y + 2 && t.box.y1 > y - 16) || (t.box.y0 >= y - 2 && t.box.y0 < y + 16));
      const level = (t: DrawnText): boolean => t.box.x0 >= x - 4 && t.box.x0 < x + 12 && Math.abs((t.box.y0 + t.box.y1) / 2 - y) < 4;
      expect(signs.filter((t) => centred(t) || level(t)), `${p.region} ${p.year}`).toHaveLength(1);
    }
  });
});
