import { z } from 'zod';

export const comparatorSchema = z.enum(['>=', '>', '=', '<=', '<', 'qualitative']);

export const planSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  issuer: z.string(),
  issued: z.string(),
  horizon: z.number().int().nullable(),
  source: z.string(),
});

export const targetSchema = z.object({
  code: z.string(),
  plan: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  area: z.string(),
  comparator: comparatorSchema,
  value: z.number().nullable(),
  unit: z.string(),
  deadline: z.number().int().nullable(),
  indicator: z.string().nullable(),
  region: z.string().nullable(),
  quote: z.string(),
  note: z.string(),
});

export type Plan = z.infer<typeof planSchema>;
export type Target = z.infer<typeof targetSchema>;

export const targetMethods = {
  'plans.list': {
    input: z.object({}).strict(),
    output: z.array(planSchema),
  },
  'targets.list': {
    input: z.object({ plan: z.string().max(64).optional() }).strict(),
    output: z.array(targetSchema),
  },
} as const;
