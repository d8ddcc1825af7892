// The starter briefing pack (示例简报) and the definition breaks of the sample data, once per
// workspace: a new user sees finished charts drawn from the sample figures and the starting
// scenarios. Settings keys record each seeding, so a pack the user deletes stays deleted.
import { z } from 'zod';
import chartsSeed from '../../../data/seed/charts.json';
import type { Db } from '../db/workspace';
import { recordRuleNotices } from './notices';
import { parseSpec, saveBriefing, saveChart } from './storage';

const seedSchema = z.object({
  definitionBreaks: z.array(z.object({ indicator: z.string(), region: z.string(), year: z.number().int(), note: z.string() })),
  briefing: z.object({
    name: z.string().min(1),
    charts: z.array(z.object({ notes: z.string(), spec: z.record(z.string(), z.unknown()) })).min(1),
  }),
});

export type ChartsSeed = z.infer<typeof seedSchema>;

export function chartsSeedData(): ChartsSeed {
  return seedSchema.parse(chartsSeed);
}

const breaksKey = 'seed.definitionBreaks';
const packKey = 'seed.starterBriefing';

function seeded(db: Db, key: string): boolean {
  return db.prepare('SELECT 1 FROM settings WHERE key = ?').get(key) !== undefined;
}

function markSeeded(db: Db, key: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, new Date().toISOString());
}

/**
 * Seeds the definition breaks (for indicators and regions present) and the starter pack. The pack's
 * specs name scenarios by their seeded names; each is bound to the live scenario of that name, and a
 * chart whose scenario is gone is left out rather than drawn without it. First, the charts saved
 * before a drawing rule get its notice where it changed them (the pack seeded after is drawn under
 * the rules from the start).
 */
export function seedCharts(db: Db): void {
  const seed = chartsSeedData();
  if (!seeded(db, breaksKey)) {
    db.transaction(() => {
      const insert = db.prepare(
        `INSERT OR IGNORE INTO definition_breaks (indicator, region, year, note)
         SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM indicators WHERE code = ?) AND EXISTS (SELECT 1 FROM regions WHERE code = ?)`,
      );
      for (const b of seed.definitionBreaks) insert.run(b.indicator, b.region, b.year, b.note, b.indicator, b.region);
      markSeeded(db, breaksKey);
    })();
  }
  recordRuleNotices(db);
  if (seeded(db, packKey)) return;
  db.transaction(() => {
    const scenarioId = db.prepare('SELECT id FROM scenarios WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1');
    const items = seed.briefing.charts.flatMap(({ spec, notes }) => {
      const bindings = (spec.bindings ?? {}) as { scenarios?: string[] };
      const names = bindings.scenarios ?? [];
      const ids = names.flatMap((name) => {
        const row = scenarioId.get(name) as { id: number } | undefined;
        return row ? [String(row.id)] : [];
      });
      if (ids.length < names.length) return [];
      const chart = saveChart(db, { spec: parseSpec({ ...spec, bindings: { ...bindings, scenarios: ids } }, 'zh') }, 'zh');
      return [{ chartId: chart.id, notes }];
    });
    if (items.length) saveBriefing(db, { name: seed.briefing.name, items });
    markSeeded(db, packKey);
  })();
}
