// The starter pack exported as the CLI and the UI export it (export.chart), read back from the SVG's
// own text: the classes issue #17 found must not come back. A chart says one unit for its money (no
// 亿元 subtitle over a 万亿元 axis, not even when the analyst typed 亿元 there), writes one number of
// digits per unit, a minus sign and one pair of brackets per name; its 预测期 covers no year with a
// known value; its data file and slide subtitle say the unit its axis says.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartRows } from '../../../electron/backend/export/data-table';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { ExportedFile } from '../../../shared/api/jobs-contract';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { progressStyle, unitDecisions } from '../../../shared/charts/frame';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from './support';

let service: WorkbenchService;
let starter: Array<{ id: number; spec: ChartSpec; data: ChartData }>;

beforeAll(async () => {
  service = tempService().service;
  const list = await call<Array<{ id: number }>>(service, 'charts.list', {});
  starter = await Promise.all(
    list.map(async ({ id }) => {
      const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id });
      const parsed = chartSpecSchema.parse(spec);
      return { id, spec: parsed, data: chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec: parsed })) };
    }),
  );
});
afterAll(() => service.close());

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(#\d+|[a-z]+);/g, (whole, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? whole)));

/** Each <text> the SVG draws, in order. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!));
}

async function exported(input: Record<string, unknown>, format: 'svg' | 'pptx'): Promise<Buffer> {
  return Buffer.from((await call<ExportedFile>(service, 'export.chart', { ...input, format })).base64, 'base64');
}

/** The unit the chart writes 亿元 figures in: its decision, or for target progress that of its rows (each row has its own). */
function moneyUnit(spec: ChartSpec, data: ChartData): string | undefined {
  if (spec.template !== 'target-progress') return unitDecisions(spec, data).get('亿元')?.unit;
  const style = { locale: spec.locale, numberFormat: spec.numberFormat, decimals: spec.decimals };
  const rows = data.progress.filter((p) => p.unit === '亿元').map((p) => progressStyle(style, p).units!.get('亿元')!.unit);
  return rows.length ? rows[0] : undefined;
}
const standalone = (text: string, word: string): boolean => new RegExp(`(^|[\\s,，;；、:：（）()])${word}(?=$|[\\s,，;；、:：（）()])`).test(text);

/** Texts the analyst typed (source note, footnote) may quote figures as published; the rest is the chart's. */
function chartWritten(spec: ChartSpec, texts: string[]): string[] {
  const own = [spec.sourceNote, spec.footnote].filter(Boolean);
  return texts.filter((t) => !own.some((o) => o.includes(t) || t.includes(o)) && t !== spec.title);
}

describe('the exported starter pack', () => {
  it('writes money in the unit its axis reads, every figure of a unit with one number of digits', async () => {
    let money = 0;
    for (const { id, spec, data } of starter) {
      const unit = moneyUnit(spec, data);
      const texts = chartWritten(spec, svgTexts((await exported({ id }, 'svg')).toString('utf8')));
      const found = texts.flatMap((t) => [...t.matchAll(/\d(?:\.(\d+))?(万亿元|亿元)/g)].map((m) => ({ unit: m[2], digits: m[1]?.length ?? 0, text: t })));
      if (!found.length) continue;
      money++;
      expect(new Set(found.map((f) => f.unit)), spec.title).toEqual(new Set([unit]));
      expect(new Set(found.map((f) => f.digits)).size, found.map((f) => f.text).join(' | ')).toBe(1);
    }
    // 01, 04, 05, 06 and 09 write money of their own.
    expect(money).toBeGreaterThanOrEqual(4);
  });

  it('never puts a 亿元 subtitle over a 万亿元 axis, even a subtitle typed that way, in the SVG and on the slide', async () => {
    let rescaled = 0;
    for (const { spec, data } of starter) {
      const unit = moneyUnit(spec, data);
      if (!unit) continue;
      // The subtitles the starter charts had when the issue was filed began with 亿元.
      const typed = chartSpecSchema.parse({ ...spec, subtitle: `亿元；${spec.subtitle}` });
      const texts = svgTexts((await exported({ spec: typed }, 'svg')).toString('utf8'));
      const subtitle = texts.find((t) => t.endsWith(spec.subtitle) && t !== spec.subtitle)!;
      expect(subtitle, spec.title).toBe(`${unit}；${spec.subtitle}`);
      if (unit !== '万亿元') continue;
      rescaled++;
      expect(standalone(subtitle, '亿元')).toBe(false);
      // The axis name (a progress chart's axis is the share of each target).
      if (spec.template !== 'target-progress') expect(texts).toContain('万亿元');
      const zip = await JSZip.loadAsync(await exported({ spec: typed }, 'pptx'));
      const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
      expect(slide).toContain(`万亿元；${spec.subtitle}`);
    }
    // 01 (重庆 broad measure), 07 (regional GDP), 08 (national scale) and 09's scale row rescale to 万亿元.
    expect(rescaled).toBeGreaterThanOrEqual(4);
  });

  it('writes the data file in the unit of the axis', () => {
    for (const { spec, data } of starter) {
      const unit = moneyUnit(spec, data);
      if (!unit || spec.template === 'target-progress') continue;
      const units = new Set(chartRows(spec, data).map((r) => r.unit));
      expect(units.has(unit), spec.title).toBe(true);
      expect(units.has(unit === '万亿元' ? '亿元' : '万亿元'), spec.title).toBe(false);
    }
  });

  it('writes negatives with the minus sign and each name with one pair of brackets', async () => {
    for (const { id, spec } of starter) {
      const texts = chartWritten(spec, svgTexts((await exported({ id }, 'svg')).toString('utf8')));
      expect(texts.filter((t) => /(^|[^\d\w])-\d/.test(t)), spec.title).toEqual([]);
      expect(texts.filter((t) => t.includes('）（')), spec.title).toEqual([]);
    }
  });

  it('shades no year with a known value as 预测期', () => {
    let shaded = 0;
    for (const { spec, data } of starter) {
      const option = buildOption(spec, data);
      const series = option.series as Array<{ markArea?: { data?: Array<Array<{ xAxis?: unknown }>> } }>;
      const start = series.flatMap((s) => s.markArea?.data ?? []).map(([from]) => from!.xAxis as number)[0];
      if (start === undefined) continue;
      shaded++;
      const known = data.series.flatMap((s) => s.points.filter((p) => p.value !== null && (s.kind === 'actual' || p.base)).map((p) => p.year));
      expect(known.filter((y) => y > start), spec.title).toEqual([]);
    }
    // 01 and 03 shade their projections.
    expect(shaded).toBeGreaterThanOrEqual(2);
  });
});
