import { z } from 'zod';

// The grid's request has AG Grid's shapes; the backend checks each filter against its column
// whitelist (electron/backend/data/observation-view.ts) before any of it reaches SQL.
export const gridQuerySchema = z
  .object({
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(0),
    sortModel: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(8).nullish(),
    filterModel: z.record(z.string().max(64), z.unknown()).nullish(),
  })
  .strict();

export const observationRowSchema = z.object({
  id: z.number().int(),
  indicator: z.string(),
  indicatorName: z.string(),
  indicatorNameEn: z.string(),
  region: z.string(),
  regionName: z.string(),
  regionNameEn: z.string(),
  period: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  unit: z.string(),
  original: z.string(),
  status: z.string(),
  importId: z.number().int().nullable(),
  source: z.string(),
  note: z.string(),
});

export type ObservationRow = z.infer<typeof observationRowSchema>;

export const dataMethods = {
  'observations.query': {
    input: gridQuerySchema,
    output: z.object({ rows: z.array(observationRowSchema), lastRow: z.number().int() }),
  },
} as const;
