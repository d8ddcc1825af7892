// The starter pack of a workspace made in English: every chart in English (its language and every text
// a reader sees, its notes in the pack), drawn from the same data as the Chinese pack; and a starter
// chart nobody has edited read in the UI's language, whichever language it was seeded in.
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
await call(en, 'settings.setLanguage', { language: 'en' });
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

/** The UI's language of a service, as the switch sets it. */
async function speak(service: typeof zh, language: 'zh' | 'en'): Promise<void> {
  await call(service, 'settings.setLanguage', { language });
}

describe('starter charts in the UI language', () => {
  afterAll(() => speak(zh, 'zh'));

  it('reads the pack of a Chinese workspace in English while the UI is English, and in Chinese again after', async () => {
    const chinese = await pack(zh);
    await speak(zh, 'en');
    const english = await pack(zh);
    const seededEn = await pack(en);
    expect(english.name).toBe('Sample briefing');
    english.charts.forEach((chart, i) => {
      // What a workspace made in English holds, texts, language and notes alike; bindings are the Chinese workspace's own.
      expect(chart.spec, chart.spec.template).toEqual({ ...chinese.charts[i]!.spec, ...seededTexts(seededEn.charts[i]!.spec) });
      expect(chart.notes).toBe(seededEn.charts[i]!.notes);
    });
    const list = await call<Array<{ id: number; name: string; title: string }>>(zh, 'charts.list', {});
    expect(list.map((c) => [c.name, c.title])).toEqual(english.charts.map((c) => [c.spec.name, c.spec.title]));
    // Read, not rewritten: the workspace still holds the Chinese pack.
    const stored = zh.db.prepare('SELECT spec FROM charts ORDER BY id').pluck().all() as string[];
    expect(stored.map((json) => (JSON.parse(json) as ChartSpec).locale)).toEqual(chinese.charts.map(() => 'zh'));
    await speak(zh, 'zh');
    expect(await pack(zh)).toEqual(chinese);
  });

  it('reads an English workspace\'s pack in Chinese while the UI is Chinese', async () => {
    await speak(en, 'zh');
    try {
      expect(await pack(en)).toEqual(await pack(zh));
    } finally {
      await speak(en, 'en');
    }
  });

  it('keeps a chart the user has edited as typed, in the language they saved it in', async () => {
    const [first] = (await pack(zh)).charts;
    const edited = { ...first!.spec, subtitle: '当年价；本所整理' };
    await call(zh, 'charts.save', { id: first!.chartId, spec: edited });
    await speak(zh, 'en');
    try {
      const got = await call<{ name: string; spec: ChartSpec }>(zh, 'charts.get', { id: first!.chartId });
      expect(got.spec).toEqual(chartSpecSchema.parse(edited));
      expect(got.name).toBe(first!.spec.name);
      const notes = (await pack(zh)).charts[0]!.notes;
      expect(notes).toBe(first!.notes);
    } finally {
      await speak(zh, 'zh');
      await call(zh, 'charts.save', { id: first!.chartId, spec: first!.spec });
    }
  });

  it('keeps a starter chart saved unchanged in the other language a starter: it still follows the UI', async () => {
    await speak(zh, 'en');
    const [first] = (await pack(zh)).charts;
    await call(zh, 'charts.save', { id: first!.chartId, spec: first!.spec });
    await speak(zh, 'zh');
    const got = await call<{ spec: ChartSpec }>(zh, 'charts.get', { id: first!.chartId });
    expect(got.spec.locale).toBe('zh');
    expect(got.spec.title).toBe(chartsSeedData().briefing.charts[0]!.spec.title);
  });

  it('names the scenarios a chart can draw in the UI language', async () => {
    const names = async () => (await call<{ scenarios: Array<{ name: string }> }>(zh, 'charts.sources', {})).scenarios.map((s) => s.name);
    const chinese = await names();
    expect(chinese).toContain('基准');
    await speak(zh, 'en');
    try {
      const english = await names();
      expect(english).toHaveLength(chinese.length);
      for (const name of english) expect(name).not.toMatch(CJK);
    } finally {
      await speak(zh, 'zh');
    }
  });
});

/** A spec's language and the texts a reader sees. */
function seededTexts(spec: ChartSpec) {
  const { name, title, subtitle, sourceNote, footnote, locale } = spec;
  return { name, title, subtitle, sourceNote, footnote, locale };
}
