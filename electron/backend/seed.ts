import { z } from 'zod';
import plansSeed from '../../data/seed/plans.json';
import { comparatorSchema } from '../../shared/api/targets-contract';
import type { Db } from './db/workspace';
import { seedSampleData } from './import/seed-sample';

const seedSchema = z.object({
  indicators: z.array(
    z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), category: z.string(), description: z.string(), source: z.string() }),
  ),
  regions: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string() })),
  plans: z.array(
    z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), issuer: z.string(), issued: z.string(), horizon: z.number().int().nullable(), source: z.string() }),
  ),
  targets: z.array(
    z.object({
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
    }),
  ),
});

export type PlansSeed = z.infer<typeof seedSchema>;

export function plansSeedData(): PlansSeed {
  return seedSchema.parse(plansSeed);
}

const seedKey = 'seed.plans';

/**
 * Loads the two 2020 plans and their targets into a workspace once, in one transaction. A settings
 * key records it, so a user who later retires or edits a seeded target never sees it come back.
 */
export function seedPlans(db: Db): boolean {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(seedKey)) return false;
  const seed = plansSeedData();
  db.transaction(() => {
    const indicator = db.prepare(
      'INSERT OR IGNORE INTO indicators (code, name_zh, name_en, unit, category, description, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const i of seed.indicators) indicator.run(i.code, i.nameZh, i.nameEn, i.unit, i.category, i.description, i.source);
    const region = db.prepare('INSERT OR IGNORE INTO regions (code, name_zh, name_en, kind) VALUES (?, ?, ?, ?)');
    for (const r of seed.regions) region.run(r.code, r.nameZh, r.nameEn, r.kind);
    const plan = db.prepare('INSERT OR IGNORE INTO plans (code, name_zh, name_en, issuer, issued, horizon, source) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of seed.plans) plan.run(p.code, p.nameZh, p.nameEn, p.issuer, p.issued, p.horizon, p.source);
    const target = db.prepare(
      `INSERT OR IGNORE INTO targets (code, plan, title_zh, title_en, area, comparator, value, unit, deadline, indicator, region, quote, note, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    seed.targets.forEach((t, index) =>
      target.run(t.code, t.plan, t.titleZh, t.titleEn, t.area, t.comparator, t.value, t.unit, t.deadline, t.indicator, t.region, t.quote, t.note, index),
    );
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(seedKey, new Date().toISOString());
  })();
  return true;
}

const sampleKey = 'seed.sample';

/** The published figures of data/sample, once: undoing that import in a workspace keeps it undone. */
export function seedSample(db: Db): void {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(sampleKey)) return;
  seedSampleData(db);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(sampleKey, new Date().toISOString());
}
