import { z } from 'zod';
import plansSeed from '../../data/seed/plans.json';
import { comparatorSchema } from '../../shared/api/targets-contract';
import { BOUNDS } from '../../shared/series/bound';
import { vintageSchema } from '../../shared/series/vintage';
import type { Db } from './db/workspace';
import { seedSampleData } from './import/seed-sample';

const seedSchema = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      category: z.string(),
      description: z.string(),
      descriptionEn: z.string(),
      source: z.string(),
      measure: z.string(),
      gdpShare: z.boolean(),
    }),
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
      measure: z.string().nullable().default(null),
    }),
  ),
  taskAreas: z.array(z.object({ plan: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  targetActuals: z.array(
    z.object({
      target: z.string(),
      year: z.number().int(),
      value: z.number(),
      bound: z.enum(BOUNDS).default('exact'),
      released: z.union([vintageSchema, z.literal('')]).default(''),
      source: z.string(),
      note: z.string(),
    }),
  ),
});

export type PlansSeed = z.infer<typeof seedSchema>;

export function plansSeedData(): PlansSeed {
  return seedSchema.parse(plansSeed);
}

const seedKey = 'seed.plans';
/** Plans added to the seed after workspaces were first made: each is added once to those too. */
const LATER_PLANS = ['C'];
const laterKey = (plan: string) => `seed.plan.${plan}`;

function settingExists(db: Db, key: string): boolean {
  return db.prepare('SELECT 1 FROM settings WHERE key = ?').get(key) !== undefined;
}

/** The seed's indicators and regions, and the plans in `plans` with their targets, where missing. */
function insertPlans(db: Db, seed: PlansSeed, plans: ReadonlySet<string>): void {
  const indicator = db.prepare(
    'INSERT OR IGNORE INTO indicators (code, name_zh, name_en, unit, category, description, description_en, source, measure, gdp_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const i of seed.indicators) indicator.run(i.code, i.nameZh, i.nameEn, i.unit, i.category, i.description, i.descriptionEn, i.source, i.measure, i.gdpShare ? 1 : 0);
  const region = db.prepare('INSERT OR IGNORE INTO regions (code, name_zh, name_en, kind) VALUES (?, ?, ?, ?)');
  for (const r of seed.regions) region.run(r.code, r.nameZh, r.nameEn, r.kind);
  const plan = db.prepare('INSERT OR IGNORE INTO plans (code, name_zh, name_en, issuer, issued, horizon, source) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const p of seed.plans) if (plans.has(p.code)) plan.run(p.code, p.nameZh, p.nameEn, p.issuer, p.issued, p.horizon, p.source);
  const target = db.prepare(
    `INSERT OR IGNORE INTO targets (code, plan, title_zh, title_en, area, comparator, value, unit, deadline, indicator, region, quote, note, sort, measure)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  seed.targets.forEach((t, index) => {
    if (plans.has(t.plan)) target.run(t.code, t.plan, t.titleZh, t.titleEn, t.area, t.comparator, t.value, t.unit, t.deadline, t.indicator, t.region, t.quote, t.note, index, t.measure);
  });
}

/**
 * Loads the plans and their targets into a workspace once, in one transaction. A settings key
 * records it, so a user who later retires or edits a seeded target never sees it come back. A
 * workspace seeded before a later plan (行动计划, C) existed gets that plan once, with its recorded
 * actuals, under a key of its own.
 */
export function seedPlans(db: Db): boolean {
  const seed = plansSeedData();
  const now = new Date().toISOString();
  const mark = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)');
  if (settingExists(db, seedKey)) {
    for (const code of LATER_PLANS) {
      if (settingExists(db, laterKey(code))) continue;
      db.transaction(() => {
        insertPlans(db, seed, new Set([code]));
        const codes = new Set(seed.targets.filter((t) => t.plan === code).map((t) => t.code));
        insertActuals(db, seed.targetActuals.filter((a) => codes.has(a.target)), now);
        mark.run(laterKey(code), now);
      })();
    }
    return false;
  }
  db.transaction(() => {
    insertPlans(db, seed, new Set(seed.plans.map((p) => p.code)));
    mark.run(seedKey, now);
    for (const code of LATER_PLANS) mark.run(laterKey(code), now);
  })();
  return true;
}

function insertActuals(db: Db, actuals: PlansSeed['targetActuals'], now: string): void {
  const actual = db.prepare(
    'INSERT OR IGNORE INTO target_actuals (target, year, value, bound, released, source, note, recorded_at) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM targets WHERE code = ?)',
  );
  for (const a of actuals) actual.run(a.target, a.year, a.value, a.bound, a.released, a.source, a.note, now, a.target);
}

const monitorKey = 'seed.monitor';

/**
 * The task-register headings and the counts the source article reports as done (2020), once. Kept
 * apart from the plans' seed so that workspaces made before the monitor existed get them too.
 */
export function seedMonitor(db: Db): void {
  if (settingExists(db, monitorKey)) return;
  const seed = plansSeedData();
  db.transaction(() => {
    const area = db.prepare('INSERT OR IGNORE INTO task_areas (plan, code, name_zh, name_en, sort) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM plans WHERE code = ?)');
    seed.taskAreas.forEach((a, index) => area.run(a.plan, a.code, a.nameZh, a.nameEn, index, a.plan));
    const now = new Date().toISOString();
    insertActuals(db, seed.targetActuals, now);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(monitorKey, now);
  })();
}

const sampleKey = 'seed.sample';

/** The published figures of data/sample, once: undoing that import in a workspace keeps it undone. */
export function seedSample(db: Db): void {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(sampleKey)) return;
  seedSampleData(db);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(sampleKey, new Date().toISOString());
}
