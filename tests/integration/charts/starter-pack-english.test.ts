// The starter pack of a workspace made in English: every chart in English (its language and every text
// a reader sees, its notes in the pack), drawn from the same data as the Chinese pack.
import { afterAll, describe, expect, it } from 'vitest';
import { chartsSeedData, seedCharts } from '../../../electron/backend/charts/starter-pack';
import { buildOption } from '../../../shared/charts/build-option';
import type { ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { starterChartTextsEn } from '../../../shared/i18n/starter-charts';
import { tempService } from '../../helpers/temp';
import { call } from './support';

/** A Chinese character or Chinese punctuation (、，（）). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const HANZI = /[\u4e00-\u9fff]/;

const zh = tempService().service;
// The same workspace content, its pack seeded as a workspace made in English seeds it.
const en = tempService().service;
en.db.exec("DELETE FROM briefing_items; DELETE FROM briefings; DELETE FROM charts; DELETE FROM settings WHERE key = 'seed.starterBriefing'");
seedCharts(en.db, 'en');
afterAll(() => {
  zh.close();
  en.close();
});

/** A spec without its language and the texts a reader sees. */
function withoutTexts(spec: ChartSpec) {
  const rest: Partial<ChartSpec> = { ...spec };
  for (const key of ['name', 'title', 'subtitle', 'sourceNote', 'footnote', 'locale'] as const) delete rest[key];
  return rest;
}

async function pack(service: typeof zh) {
  const [briefing] = await call<Array<{ id: number; name: string }>>(service, 'briefings.list', {});
  const { items } = await call<{ items: Array<{ chartId: number; notes: string }> }>(service, 'briefings.get', { id: briefing!.id });
  const charts = await Promise.all(items.map(async (i) => ({ ...i, spec: (await call<{ spec: ChartSpec }>(service, 'charts.get', { id: i.chartId })).spec })));
  return { name: briefing!.name, charts };
}

describe('starter pack in English', () => {
  it('has English texts for every chart the seed holds', () => {
    const missing = chartsSeedData().briefing.charts.map((c) => String(c.spec.name)).filter((name) => !starterChartTextsEn(name));
    expect(missing).toEqual([]);
  });

  it('writes every chart in English, texts and notes, with the Chinese pack\'s bindings', async () => {
    const [chinese, english] = [await pack(zh), await pack(en)];
    expect(chinese.name).toBe('示例简报');
    expect(english.name).toBe('Sample briefing');
    expect(english.charts).toHaveLength(chinese.charts.length);
    english.charts.forEach((chart, i) => {
      const { spec } = chart;
      const seeded = chinese.charts[i]!.spec;
      expect(spec.locale).toBe('en');
      expect(seeded.locale).toBe('zh');
      // Everything but the language and the texts is the Chinese chart's: template, bindings, options, size.
      expect(withoutTexts(spec)).toEqual(withoutTexts(seeded));
      for (const text of [spec.name, spec.title, spec.subtitle, spec.sourceNote, spec.footnote, chart.notes]) expect(text, spec.template).not.toMatch(CJK);
      expect(spec).toMatchObject({ name: starterChartTextsEn(seeded.name)!.name, title: starterChartTextsEn(seeded.name)!.title });
    });
  });

  it('draws each English chart with no Chinese word but the scenario components\' names', async () => {
    // Components are named in the scenarios themselves (数字产业化, 产业数字化): scenario data, not chart text.
    const components = new Set(['数字产业化', '产业数字化']);
    for (const { spec } of (await pack(en)).charts) {
      const data = await call<ChartData>(en, 'charts.data', { spec });
      const chinese: string[] = [];
      JSON.stringify(buildOption(chartSpecSchema.parse(spec), data), (_, v: unknown) => {
        if (typeof v === 'string' && HANZI.test(v) && ![...components].some((c) => v.includes(c))) chinese.push(v);
        return v;
      });
      expect(chinese, spec.template).toEqual([]);
    }
  });
});
