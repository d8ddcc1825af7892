// Marker labels that share a year (口径变化, 2022年期限, the 45.4% end label, the target's label) must not
// sit on each other at any size. The boxes are read back from the built option the way ECharts places
// these labels (markLine label position, align, distance, padding; end labels beside the last point),
// on the plot rectangle ECharts lays out (plotGeometry, checked against ECharts in
// tests/integration/export/marker-labels.test.ts).
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartDataInput } from '../../../shared/charts/data';
import { createFrame, DEFAULT_FONT_STACK, estimateTextWidth } from '../../../shared/charts/frame';
import { plotGeometry, type Box, type PlotGeometry } from '../../../shared/charts/marker-layout';
import { chartSpecSchema, type ChartSpecInput } from '../../../shared/charts/spec';
import { levelWithBreak, starterShare, starterShareMeasured } from './marker-charts';

const presets = ['slide-16x9', 'slide-4x3', 'a4-half', 'report-column'] as const;

type Item = Record<string, unknown> & { label?: Record<string, unknown> };
type Series = {
  type?: string;
  data?: Array<number | null>;
  yAxisIndex?: number;
  endLabel?: { show?: boolean; formatter?: () => string; fontSize?: number; distance?: number };
  markLine?: { data?: Item[] };
};

interface Placed {
  text: string;
  box: Box;
  /** Written across the line (rotated with a vertical marker). */
  rotated: boolean;
}

const textOf = (label: Record<string, unknown> | undefined): string => ((label?.formatter as () => string) ?? (() => ''))();
const distanceOf = (label: Record<string, unknown>, fallback = 5): number => {
  const d = label.distance;
  return Array.isArray(d) ? (d[1] as number) : typeof d === 'number' ? d : fallback;
};
const paddingOf = (label: Record<string, unknown>): number[] => (Array.isArray(label.padding) ? (label.padding as number[]) : [0, 0, 0, 0]);

/** Horizontal extent of a label at x: ECharts' alignment, shifted by the padding towards the text. */
function alongX(x: number, width: number, label: Record<string, unknown>, fallback: 'left' | 'center' | 'right'): [number, number] {
  const [, padRight, , padLeft] = paddingOf(label);
  const align = (label.align as string | undefined) ?? fallback;
  if (align === 'left') return [x + padLeft!, x + padLeft! + width];
  if (align === 'right') return [x - padRight! - width, x - padRight!];
  return [x - width / 2, x + width / 2];
}

/** The box of every marker label and end label, as ECharts would place it in this plot. */
function placedLabels(option: EChartsOption, plot: PlotGeometry, fontOf: (label: Record<string, unknown>) => number): Placed[] {
  const out: Placed[] = [];
  for (const s of option.series as Series[]) {
    for (const item of s.markLine?.data ?? []) {
      const label = item.label ?? {};
      const text = textOf(label);
      const size = fontOf(label);
      const w = estimateTextWidth(text, size);
      const position = String(label.position ?? 'middle');
      if (typeof item.xAxis === 'string' || typeof item.xAxis === 'number') {
        // A deadline names its year's category; a break sits between two years on the hidden year axis (2021.5).
        const x = plot.xOf(typeof item.xAxis === 'number' ? item.xAxis - Number(plot.categories[0]) : plot.categories.indexOf(item.xAxis));
        if (position === 'end' || position === 'start') {
          // Horizontal text beyond (or, with a negative distance, inside) the line's end.
          const d = distanceOf(label);
          const edge = position === 'end' ? plot.top - d : plot.bottom + d;
          const valign = (label.verticalAlign as string | undefined) ?? (position === 'end' ? 'bottom' : 'top');
          const [x0, x1] = alongX(x, w, label, 'center');
          out.push({ text, rotated: false, box: valign === 'bottom' ? { x0, x1, y0: edge - size, y1: edge } : { x0, x1, y0: edge, y1: edge + size } });
        } else {
          // insideStart*/insideEnd*: the text runs along the vertical line, on either side of it.
          const d = distanceOf(label);
          const atTop = position.startsWith('insideEnd');
          const y0 = atTop ? plot.top + d : plot.bottom - d - w;
          out.push({ text, rotated: true, box: { x0: x - d - size, x1: x + d + size, y0, y1: y0 + w } });
        }
      } else if (typeof item.yAxis === 'number') {
        const y = plot.yOf(item.yAxis, s.yAxisIndex ?? 0);
        const atEnd = position.startsWith('insideEnd');
        const below = position.endsWith('Bottom');
        const x0 = atEnd ? plot.right - 5 - w : plot.left + 5;
        out.push({ text, rotated: false, box: { x0, x1: x0 + w, y0: below ? y + 5 : y - 5 - size, y1: below ? y + 5 + size : y - 5 } });
      }
    }
    if (s.endLabel?.show && s.data) {
      const last = s.data.findLastIndex((v) => v !== null);
      const size = s.endLabel.fontSize ?? 14;
      const text = s.endLabel.formatter!();
      const x = plot.xOf(last) + (s.endLabel.distance ?? 5);
      const y = plot.yOf(s.data[last]!, s.yAxisIndex ?? 0);
      out.push({ text, rotated: false, box: { x0: x, x1: x + estimateTextWidth(text, size), y0: y - size / 2, y1: y + size / 2 } });
    }
  }
  return out;
}

const overlaps = (a: Box, b: Box): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

function layout(chart: { spec: ChartSpecInput; data: ChartDataInput }, preset: (typeof presets)[number]) {
  const spec = chartSpecSchema.parse({ ...chart.spec, size: { preset } });
  const data = chartDataSchema.parse(chart.data);
  const option = buildOption(spec, data);
  const frame = createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK });
  const plot = plotGeometry(frame, option)!;
  const labels = placedLabels(option, plot, (label) => (label.fontSize as number | undefined) ?? frame.metrics.font);
  return { option, plot, labels, frame };
}

function collisions(labels: Placed[]): string[] {
  const found: string[] = [];
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => overlaps(a.box, b.box) && found.push(`${a.text} × ${b.text}`)));
  return found;
}

describe('marker labels that share a year', () => {
  describe.each([
    ['share of GDP (starter briefing)', starterShare, ['口径变化', '2022年期限', '45.4%', '目标：>40.0%（2022年）']],
    ['target trajectory (level)', levelWithBreak, ['口径变化', '2022年期限', '1.32万亿元', '目标：≥1.00万亿元（2022年）']],
  ] as const)('%s', (_name, chart, expected) => {
    it.each(presets)('break, deadline, end and target labels do not overlap at %s', (preset) => {
      const { labels } = layout(chart, preset);
      for (const text of expected) expect(labels.map((l) => l.text)).toContain(text);
      expect(collisions(labels)).toEqual([]);
    });

    it.each(presets)('writes every marker label horizontally, the deadline above the plot and the break low inside it (%s)', (preset) => {
      const { labels, plot } = layout(chart, preset);
      expect(labels.filter((l) => l.rotated).map((l) => l.text)).toEqual([]);
      const deadline = labels.find((l) => l.text === '2022年期限')!.box;
      const mark = labels.find((l) => l.text === '口径变化')!.box;
      expect(deadline.y1).toBeLessThanOrEqual(plot.top);
      expect(mark.y0).toBeGreaterThanOrEqual(plot.top);
      expect(mark.y1).toBeLessThanOrEqual(plot.bottom);
      expect(mark.y0).toBeGreaterThan((plot.top + plot.bottom) / 2);
    });
  });

  it('keeps the break label inside the plot when the break is in the last year', () => {
    const chart = {
      spec: { template: 'target-trajectory', title: '末年口径变化' } as ChartSpecInput,
      data: { series: [{ id: 'a', name: '甲', kind: 'actual', unit: '%', breaksBefore: [2024], points: [10, 12, 14, 16, 18, 20, 30].map((value, i) => ({ year: 2018 + i, value })) }] } as ChartDataInput,
    };
    for (const preset of presets) {
      const { labels, plot } = layout(chart, preset);
      const mark = labels.find((l) => l.text === '口径变化')!.box;
      expect(mark.x1).toBeLessThanOrEqual(plot.right);
      expect(collisions(labels)).toEqual([]);
    }
  });

  it('staggers deadlines of neighbouring years and keeps close targets apart', () => {
    const chart = {
      spec: { ...starterShare.spec, locale: 'en' } as ChartSpecInput,
      data: { series: [...starterShare.data.series!, { id: 'b', name: 'Target B', kind: 'target', unit: '%', points: [{ year: 2023, value: 45 }] }] } as ChartDataInput,
    };
    for (const preset of presets) {
      const { labels } = layout(chart, preset);
      expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Deadline 2022', 'Deadline 2023', 'Definition change']));
      expect(collisions(labels)).toEqual([]);
    }
  });

  it('lifts the break label off bars that fill the bottom of the plot', () => {
    const chart = {
      spec: { template: 'regional-comparison', title: '柱状', options: { mode: 'bars' } } as ChartSpecInput,
      data: {
        series: [
          { id: 'cq', name: '重庆', region: '重庆', kind: 'actual', unit: '%', breaksBefore: [2022], points: [25, 26, 27.2, 45.4, 46].map((value, i) => ({ year: 2019 + i, value })) },
          { id: 'cn', name: '全国', region: '全国', kind: 'actual', unit: '%', points: [36.2, 38.6, 39.8, 41.5, 42.8].map((value, i) => ({ year: 2019 + i, value })) },
        ],
      } as ChartDataInput,
    };
    const { labels, plot } = layout(chart, 'slide-16x9');
    const mark = labels.find((l) => l.text === '口径变化')!.box;
    // The tallest bar at 2022 is 45.4 of an axis to 50: the label sits above it, near the top.
    expect(mark.y1).toBeLessThan(plot.yOf(45.4));
  });

  it('names the two measures at a break where the label fits, else writes 口径变化, never over another text', () => {
    const long = '口径变化：重庆市此前口径→信通院广义口径';
    const written = presets.map((preset) => {
      const { labels, plot } = layout(starterShareMeasured, preset);
      expect(collisions(labels), preset).toEqual([]);
      const mark = labels.find((l) => l.text === long || l.text === '口径变化')!;
      expect(mark.box.x0, preset).toBeGreaterThanOrEqual(plot.left);
      expect(mark.box.x1, preset).toBeLessThanOrEqual(plot.right);
      expect(mark.box.y1, preset).toBeLessThanOrEqual(plot.bottom);
      return mark.text;
    });
    expect(written).toEqual(presets.map(() => long));
    // With the axis running on to 2027 (C1, 50%), a report column (8.5 cm) has no room for the names.
    const longer = {
      spec: starterShareMeasured.spec,
      data: { ...starterShareMeasured.data, series: [...starterShareMeasured.data.series!, { id: 'c1', name: 'C1目标', kind: 'target', unit: '%', points: [{ year: 2027, value: 50 }] }] } as ChartDataInput,
    };
    const texts = presets.map((preset) => {
      const { labels } = layout(longer, preset);
      // End labels close in value are kept apart by ECharts itself (labelLayout), not by this pass.
      expect(collisions(labels).filter((c) => c.includes('口径变化')), preset).toEqual([]);
      return labels.find((l) => l.text.startsWith('口径变化'))!.text;
    });
    expect(texts[0]).toBe(long);
    expect(texts[3]).toBe('口径变化');
  });

  it('places values on the extent the value axis fixes, and places nothing on an axis without one', () => {
    const { option, plot } = layout(starterShare, 'slide-16x9');
    const axis = (option.yAxis as Array<{ min: number; max: number; interval: number }> | { min: number; max: number; interval: number });
    expect(Array.isArray(axis) ? axis[0] : axis).toMatchObject({ min: 0, max: 50, interval: 10 });
    expect(plot.yOf(0)).toBeCloseTo(plot.bottom, 6);
    expect(plot.yOf(50)).toBeCloseTo(plot.top, 6);
    const spec = chartSpecSchema.parse({ ...starterShare.spec, size: { preset: 'slide-16x9' } });
    const data = chartDataSchema.parse(starterShare.data);
    const loose = { ...option, yAxis: { type: 'value' } } as EChartsOption;
    expect(plotGeometry(createFrame(spec, data, { fontFamily: DEFAULT_FONT_STACK }), loose)).toBeNull();
  });
});
