// The starter briefing pack (示例简报) and the definition breaks of the sample data, once per
// workspace: a new user sees finished charts drawn from the sample figures and the starting
// scenarios. Settings keys record each seeding, so a pack the user deletes stays deleted.
import { z } from 'zod';
import chartsSeed from '../../../data/seed/charts.json';
import type { Locale } from '../../../shared/format/number';
import { starterBriefingNameEn, starterChartTextsEn } from '../../../shared/i18n/starter-charts';
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
 * A seeded chart's spec and notes in the workspace's language: in English, the chart language and
 * every text a reader sees (title to footnote, its list name, its notes in the pack).
 */
function inLanguage(spec: Record<string, unknown>, notes: string, locale: Locale): { spec: Record<string, unknown>; notes: string } {
  const english = locale === 'en' ? starterChartTextsEn(String(spec.name ?? '')) : undefined;
  if (!english) return { spec, notes };
  const { notes: notesEn, ...texts } = english;
  return { spec: { ...spec, ...texts, locale: 'en' }, notes: notesEn };
}

/**
 * Seeds the definition breaks (for indicators and regions present) and the starter pack, in the
 * language the workspace is made in (charts are documents: they keep it when the app's language
 * changes later). The pack's specs name scenarios by their seeded names; each is bound to the live
 * scenario of that name, and a chart whose scenario is gone is left out rather than drawn without
 * it. First, the charts saved before a drawing rule get its notice where it changed them (the pack
 * seeded after is drawn under the rules from the start).
 */
export function seedCharts(db: Db, locale: Locale = 'zh'): void {
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
    const items = seed.briefing.charts.flatMap((item) => {
      const { spec, notes } = inLanguage(item.spec, item.notes, locale);
      const bindings = (spec.bindings ?? {}) as { scenarios?: string[] };
      const names = bindings.scenarios ?? [];
      const ids = names.flatMap((name) => {
        const row = scenarioId.get(name) as { id: number } | undefined;
        return row ? [String(row.id)] : [];
      });
      if (ids.length < names.length) return [];
      const chart = saveChart(db, { spec: parseSpec({ ...spec, bindings: { ...bindings, scenarios: ids } }, locale) }, locale);
      return [{ chartId: chart.id, notes }];
    });
    if (items.length) saveBriefing(db, { name: locale === 'en' ? starterBriefingNameEn : seed.briefing.name, items });
    markSeeded(db, packKey);
  })();
}
