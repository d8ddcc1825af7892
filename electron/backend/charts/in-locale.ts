// Saved charts and briefings as a reader in the UI's language sees them: a starter chart nobody has
// edited (its texts and language as seeded, in either language) reads in that language, its list name,
// its notes in the pack and the pack's name with it; everything the user wrote reads as written. The
// stored rows are not touched: the chart switches back when the UI does. Exports read through here too,
// so a file says what the screen says.
import type { BriefingSummary, ChartSummary } from '../../../shared/api/charts-contract';
import type { ChartSpec } from '../../../shared/charts/spec';
import type { Locale } from '../../../shared/i18n';
import { seededStarter, starterBriefingNameEn, starterInLocale, starterTexts, type StarterTexts } from '../../../shared/i18n/starter-charts';
import type { Db } from '../db/workspace';
import { chartsSeedData } from './starter-pack';
import { getBriefing, getChart, listBriefings, listCharts } from './storage';

let cached: { starters: StarterTexts[]; briefingZh: string } | null = null;

function seed(): { starters: StarterTexts[]; briefingZh: string } {
  if (!cached) {
    const { briefing } = chartsSeedData();
    cached = { starters: starterTexts(briefing.charts), briefingZh: briefing.name };
  }
  return cached;
}

/** A spec in `locale` when it is a starter as seeded; as stored otherwise. */
export function specInLocale(spec: ChartSpec, locale: Locale): ChartSpec {
  return starterInLocale(spec, seed().starters, locale);
}

/** The list name a chart shows: its name, else its title. */
function named<T extends ChartSummary>(summary: T, spec: ChartSpec): T {
  return { ...summary, name: spec.name || spec.title, title: spec.title };
}

export function chartInLocale(db: Db, id: number, locale: Locale): ChartSummary & { spec: ChartSpec } {
  const chart = getChart(db, id);
  const spec = specInLocale(chart.spec, locale);
  return spec === chart.spec ? chart : { ...named(chart, spec), spec };
}

export function chartsInLocale(db: Db, locale: Locale): ChartSummary[] {
  return listCharts(db).map((summary) => {
    const spec = getChart(db, summary.id).spec;
    const shown = specInLocale(spec, locale);
    return shown === spec ? summary : named(summary, shown);
  });
}

/** The starter pack's name in `locale` while it has the name it was seeded with. */
function briefingName(name: string, locale: Locale): string {
  const { briefingZh } = seed();
  if (name !== briefingZh && name !== starterBriefingNameEn) return name;
  return locale === 'en' ? starterBriefingNameEn : briefingZh;
}

/** A chart's notes in a pack in `locale`: the starter's own notes, in whichever language it was seeded, follow it. */
function notesInLocale(spec: ChartSpec, notes: string, locale: Locale): string {
  const starter = seededStarter(spec, seed().starters);
  if (!starter || (notes !== starter.zh.notes && notes !== starter.en.notes)) return notes;
  return starter[locale].notes;
}

export function briefingsInLocale(db: Db, locale: Locale): BriefingSummary[] {
  return listBriefings(db).map((b) => ({ ...b, name: briefingName(b.name, locale) }));
}

export function briefingInLocale(db: Db, id: number, locale: Locale): ReturnType<typeof getBriefing> {
  const briefing = getBriefing(db, id);
  return {
    ...briefing,
    name: briefingName(briefing.name, locale),
    items: briefing.items.map((item) => {
      const { spec } = getChart(db, item.chartId);
      const shown = specInLocale(spec, locale);
      return { ...item, name: shown.name || shown.title, title: shown.title, notes: notesInLocale(spec, item.notes, locale) };
    }),
  };
}
