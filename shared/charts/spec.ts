// A chart is a saved spec: which template, which data, and how it is dressed for a briefing.
// Everything that decides the pixels lives here, so a spec renders the same in the live preview,
// the CLI and every export format.
import { z } from 'zod';
import { vintageSchema } from '../series/vintage';

export const templateIds = [
  'target-trajectory',
  'share-of-gdp',
  'scenario-fan',
  'tornado',
  'stacked-components',
  'contribution-waterfall',
  'regional-comparison',
  'indicator-series',
  'target-progress',
] as const;
export type TemplateId = (typeof templateIds)[number];

export const paletteIds = ['default', 'grayscale', 'colorblind'] as const;
export type PaletteId = (typeof paletteIds)[number];

/**
 * auto: 万/亿/万亿 in Chinese, thousands separators in English; cn-scaled: always 万/亿/万亿;
 * thousands: grouped digits in the data's own unit; plain: no grouping, no scaling.
 */
export const numberFormats = ['auto', 'cn-scaled', 'thousands', 'plain'] as const;
export type NumberFormat = (typeof numberFormats)[number];

export const sizePresets = ['slide-16x9', 'slide-4x3', 'a4-half', 'report-column'] as const;
export type SizePreset = (typeof sizePresets)[number];

/**
 * The smallest canvas a chart is laid out on, in CSS px (6.35 cm × 4.23 cm): below it title, legend,
 * plot and source cannot all be legible, so a smaller custom size is refused rather than drawn.
 */
export const MIN_CHART_SIZE = { width: 240, height: 160 } as const;

const CM_PER_INCH = 2.54;
const CSS_DPI = 96;

/** CSS px per unit of a custom size: centimetres on paper, or pixels of the PNG at its DPI. */
function cssPerUnit(unit: 'px' | 'cm', dpi: number): number {
  return unit === 'cm' ? CSS_DPI / CM_PER_INCH : CSS_DPI / dpi;
}

/** The smallest width and height a custom size may give, in its own unit (240 px at 96 DPI, 6.35 cm). */
export function minimumSizeIn(unit: 'px' | 'cm', dpi: number): { width: number; height: number } {
  const per = cssPerUnit(unit, dpi);
  const up = (v: number): number => Math.ceil((v / per) * 100) / 100;
  return { width: up(MIN_CHART_SIZE.width), height: up(MIN_CHART_SIZE.height) };
}

const presetSizeSchema = z.object({ preset: z.enum(sizePresets) });
const customSizeSchema = z
  .object({
    preset: z.literal('custom'),
    width: z.number().positive(),
    height: z.number().positive(),
    unit: z.enum(['px', 'cm']),
    dpi: z.number().int().min(96).max(600),
  })
  .superRefine((size, ctx) => {
    // Said on the field, in its unit, as a number's minimum: the form shows "不能小于 240".
    const min = minimumSizeIn(size.unit, size.dpi);
    for (const side of ['width', 'height'] as const) {
      if (size[side] * cssPerUnit(size.unit, size.dpi) < MIN_CHART_SIZE[side] - 1e-9) {
        ctx.addIssue({ code: 'too_small', origin: 'number', minimum: min[side], inclusive: true, path: [side], input: size[side], message: `at least ${min[side]}` });
      }
    }
  });
export const chartSizeSchema = z.union([presetSizeSchema, customSizeSchema]);
export type ChartSize = z.infer<typeof chartSizeSchema>;

export const chartBindingsSchema = z.object({
  indicators: z.array(z.string().min(1)).default([]),
  regions: z.array(z.string().min(1)).default([]),
  years: z
    .object({ from: z.number().int(), to: z.number().int() })
    .refine((r) => r.from <= r.to, { message: 'years.from must not be after years.to' })
    .nullable()
    .default(null),
  scenarios: z.array(z.string().min(1)).default([]),
  /** Codes of the workspace's plan targets to draw (trajectories) or to track (target progress). */
  targets: z.array(z.string().min(1)).default([]),
  /**
   * The data as known on this date (YYYY-MM-DD): each figure in the release published by then, so a
   * chart keeps showing what it showed (the footer says 数据截至 DATE). Null: the latest data. Added
   * within version 1: a spec saved before reads as null.
   */
  vintage: vintageSchema.nullable().default(null),
});
export type ChartBindings = z.infer<typeof chartBindingsSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const commonFields = {
  version: z.literal(1).default(1),
  /** The chart's name in lists and provenance; the title is used when empty. */
  name: z.string().max(200).default(''),
  bindings: chartBindingsSchema.prefault({}),
  title: z.string().min(1).max(200),
  subtitle: z.string().max(300).default(''),
  /**
   * What the axis says of its unit ("当年价"); the scale still follows the values, and a unit word the
   * label starts with is written in it ("亿元，当年价" reads "万亿元，当年价" on a 万亿元 axis).
   */
  unitLabel: z.string().max(60).default(''),
  /** "数据来源：…"; the prefix is added when missing. */
  sourceNote: z.string().max(500).default(''),
  footnote: z.string().max(500).default(''),
  organisation: z.string().max(120).default(''),
  date: isoDate.nullable().default(null),
  palette: z.enum(paletteIds).default('default'),
  locale: z.enum(['zh', 'en']).default('zh'),
  numberFormat: z.enum(numberFormats).default('auto'),
  decimals: z.number().int().min(0).max(4).default(1),
  size: chartSizeSchema.default({ preset: 'slide-16x9' }),
};

export const chartSpecSchema = z.discriminatedUnion('template', [
  z.object({
    ...commonFields,
    template: z.literal('target-trajectory'),
    options: z.object({ deadlineMarker: z.boolean().default(true) }).prefault({}),
  }),
  z.object({ ...commonFields, template: z.literal('share-of-gdp'), options: z.object({}).prefault({}) }),
  z.object({ ...commonFields, template: z.literal('scenario-fan'), options: z.object({}).prefault({}) }),
  z.object({
    ...commonFields,
    template: z.literal('tornado'),
    options: z.object({ sort: z.enum(['range', 'given']).default('range') }).prefault({}),
  }),
  z.object({
    ...commonFields,
    template: z.literal('stacked-components'),
    options: z.object({ mode: z.enum(['area', 'bars']).default('area'), showTotal: z.boolean().default(true) }).prefault({}),
  }),
  z.object({ ...commonFields, template: z.literal('contribution-waterfall'), options: z.object({}).prefault({}) }),
  z.object({
    ...commonFields,
    template: z.literal('regional-comparison'),
    options: z.object({ mode: z.enum(['bars', 'lines']).default('bars') }).prefault({}),
  }),
  z.object({ ...commonFields, template: z.literal('indicator-series'), options: z.object({}).prefault({}) }),
  z.object({ ...commonFields, template: z.literal('target-progress'), options: z.object({}).prefault({}) }),
]);

export type ChartSpec = z.output<typeof chartSpecSchema>;
export type ChartSpecInput = z.input<typeof chartSpecSchema>;
export type SpecFor<T extends TemplateId> = Extract<ChartSpec, { template: T }>;

/** Physical size of a preset: CSS pixels (1/96 in) and the DPI a print export defaults to. */
const presetPixels: Record<SizePreset, { width: number; height: number; dpi: number }> = {
  // 10 in x 5.625 in: a 16:9 slide's body, so text keeps its size when placed full width.
  'slide-16x9': { width: 960, height: 540, dpi: 192 },
  'slide-4x3': { width: 960, height: 720, dpi: 192 },
  // 17 cm x 12 cm: full text width of an A4 page with 2 cm margins, half its height.
  'a4-half': { width: 643, height: 454, dpi: 300 },
  // 8.5 cm x 6.5 cm: one column of a two-column report.
  'report-column': { width: 321, height: 246, dpi: 300 },
};

/** Whether a size is below MIN_CHART_SIZE (a preset never is). */
export function sizeTooSmall(size: ChartSize): boolean {
  const { width, height } = resolveSize(size);
  return width < MIN_CHART_SIZE.width - 0.01 || height < MIN_CHART_SIZE.height - 0.01;
}

export interface ResolvedSize {
  /** CSS pixels: the ECharts canvas and the SVG's width/height. */
  width: number;
  height: number;
  /** The DPI a PNG export uses when the caller does not choose one. */
  dpi: number;
}

/**
 * A custom size is the finished size: centimetres on paper, or pixels of the PNG at the spec's DPI
 * (1920 px at 192 DPI lays out on a 960 CSS px canvas, so text keeps its physical size).
 */
export function resolveSize(size: ChartSize): ResolvedSize {
  if (size.preset !== 'custom') return presetPixels[size.preset];
  const perUnit = cssPerUnit(size.unit, size.dpi);
  const toCss = (v: number): number => Math.round(v * perUnit * 100) / 100;
  return { width: toCss(size.width), height: toCss(size.height), dpi: size.dpi };
}
