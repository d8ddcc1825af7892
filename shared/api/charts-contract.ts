import { z } from 'zod';
import type { ChartData } from '../charts/data';
import { chartSizeSchema, type ChartSpec } from '../charts/spec';
import { exportedFileSchema, jobStatusSchema } from './jobs-contract';

// Saved briefing charts, briefing packs and their exports. Chart specs are validated by
// `chartSpecSchema` inside the service, so a bad field gets a located message (which field, why).
const id = z.number().int().positive();
const spec = z.unknown();

export const chartSummarySchema = z.object({
  id,
  name: z.string(),
  template: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChartSummary = z.infer<typeof chartSummarySchema>;

export const briefingSummarySchema = z.object({
  id,
  name: z.string(),
  charts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BriefingSummary = z.infer<typeof briefingSummarySchema>;

export const briefingItemSchema = z.object({
  chartId: id,
  notes: z.string().max(5000).default(''),
});

export const exportFormatSchema = z.enum(['png', 'svg', 'pdf', 'pptx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/**
 * What a workspace upgrade corrected in a figure a saved chart draws (重庆 2018 GDP now the census
 * revision), shown on the chart until its user dismisses it.
 */
export const chartNoticeSchema = z.object({
  id,
  createdAt: z.string(),
  indicator: z.string(),
  region: z.string(),
  year: z.number().int(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export type ChartNotice = z.infer<typeof chartNoticeSchema>;

const sourceEntry = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string() });

export const chartMethods = {
  /** `notices`: how many data notices the chart shows (charts.notices). */
  'charts.list': { input: z.object({}).strict(), output: z.array(chartSummarySchema.extend({ notices: z.number().int().optional() })) },
  'charts.get': { input: z.object({ id }).strict(), output: chartSummarySchema.extend({ spec: z.custom<ChartSpec>() }) },
  /** Without an id a new chart is created; with one, the chart is replaced. */
  'charts.save': { input: z.object({ id: id.optional(), spec }).strict(), output: chartSummarySchema },
  'charts.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  /** Data notices of a saved chart: changes a workspace upgrade made to figures it draws, not yet dismissed. */
  'charts.notices': { input: z.object({ id }).strict(), output: z.array(chartNoticeSchema) },
  /** Dismisses one notice for one chart; gives the chart's notices left. */
  'charts.dismissNotice': { input: z.object({ id, noticeId: id }).strict(), output: z.array(chartNoticeSchema) },
  /** The data a spec's bindings resolve to, for the live preview of an unsaved spec. */
  'charts.data': { input: z.object({ spec }).strict(), output: z.custom<ChartData>() },
  /** What a chart can be bound to: indicators and regions with data, scenarios, the years covered. */
  'charts.sources': {
    input: z.object({}).strict(),
    output: z.object({
      indicators: z.array(sourceEntry),
      regions: z.array(sourceEntry.omit({ unit: true })),
      scenarios: z.array(z.object({ id, name: z.string() })),
      /** Plan targets a chart can draw or track (bindings.targets holds their codes). */
      targets: z
        .array(z.object({ code: z.string(), titleZh: z.string(), titleEn: z.string(), unit: z.string(), value: z.number(), deadline: z.number().int().nullable() }))
        .optional(),
      years: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
    }),
  },
  'briefings.list': { input: z.object({}).strict(), output: z.array(briefingSummarySchema) },
  'briefings.get': {
    input: z.object({ id }).strict(),
    output: briefingSummarySchema.extend({
      items: z.array(z.object({ chartId: id, notes: z.string(), name: z.string(), template: z.string(), title: z.string() })),
    }),
  },
  /** Saves name and the ordered items at once: reordering is a save with the new order. */
  'briefings.save': {
    input: z.object({ id: id.optional(), name: z.string().min(1).max(200), items: z.array(briefingItemSchema).max(200) }).strict(),
    output: briefingSummarySchema,
  },
  'briefings.delete': { input: z.object({ id }).strict(), output: z.object({ id }) },
  /** One chart, saved (id) or as being designed (spec), rendered to one file. */
  'export.chart': {
    input: z
      .object({
        id: id.optional(),
        spec: spec.optional(),
        format: exportFormatSchema,
        dpi: z.number().int().min(96).max(600).optional(),
        background: z.enum(['white', 'transparent']).optional(),
        /** This file's size instead of the spec's (a preset or a custom size). */
        size: chartSizeSchema.optional(),
      })
      .strict()
      .refine((x) => (x.id === undefined) !== (x.spec === undefined), { message: 'give either id or spec' }),
    output: exportedFileSchema,
  },
  /** Starts a briefing pack export as a background job (PPTX + PDF + PNG/SVG/CSV per chart, zipped). */
  'export.briefing': {
    input: z.object({ id, dpi: z.number().int().min(96).max(600).optional() }).strict(),
    output: jobStatusSchema,
  },
} as const;
