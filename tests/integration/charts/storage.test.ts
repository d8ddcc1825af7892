// Saved charts and briefings on a real workspace file, through the dispatcher: round trips, located
// errors in both languages, ordered items replaced in one save, and the rule for deleting a chart
// that a briefing holds (refused, naming the briefing).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkbenchService } from '../../../electron/backend/service';
import { tempService } from '../../helpers/temp';
import { call, callError } from './support';

const spec = {
  template: 'regional-comparison',
  title: '地区生产总值对比',
  sourceNote: '各地统计局',
  bindings: { indicators: ['gdp'], regions: ['CQ', 'SC'], years: { from: 2019, to: 2023 } },
};

let service: WorkbenchService;
beforeEach(() => {
  service = tempService().service;
});
afterEach(() => service.close());

interface Summary {
  id: number;
  name: string;
  template: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

describe('charts storage', () => {
  it('saves, reads back with defaults filled, replaces and lists a chart', async () => {
    const saved = await call<Summary>(service, 'charts.save', { spec });
    expect(saved).toMatchObject({ name: '地区生产总值对比', template: 'regional-comparison', title: '地区生产总值对比' });
    const got = await call<Summary & { spec: Record<string, unknown> }>(service, 'charts.get', { id: saved.id });
    expect(got.spec).toMatchObject({ ...spec, version: 1, palette: 'default', locale: 'zh', size: { preset: 'slide-16x9' }, options: { mode: 'bars' } });
    expect(got.spec.bindings).toEqual({ ...spec.bindings, scenarios: [], targets: [], vintage: null });

    const replaced = await call<Summary>(service, 'charts.save', { id: saved.id, spec: { ...spec, name: '川渝GDP', palette: 'grayscale' } });
    expect(replaced.id).toBe(saved.id);
    expect(replaced.name).toBe('川渝GDP');
    expect((await call<Summary & { spec: { palette: string } }>(service, 'charts.get', { id: saved.id })).spec.palette).toBe('grayscale');
    const list = await call<Summary[]>(service, 'charts.list', {});
    expect(list.filter((c) => c.id === saved.id)).toEqual([{ ...replaced, notices: 0 }]);
  });

  it('names the bad field and why, in Chinese and in English, and saves nothing', async () => {
    const before = (await call<Summary[]>(service, 'charts.list', {})).length;
    const zh = await callError(service, 'charts.save', { spec: { ...spec, palette: 'pink' } });
    expect(zh.code).toBe('chart.invalidSpec');
    expect(zh.params).toMatchObject({ path: 'palette', count: 1 });
    expect(zh.message).toContain('字段 palette');
    expect(zh.message).toContain('无效选项');

    service.config.setLanguage('en');
    const en = await callError(service, 'charts.save', { spec: { ...spec, bindings: { years: { from: 2025, to: 2020 } } } });
    expect(en.params).toMatchObject({ path: 'bindings.years' });
    expect(en.message).toMatch(/^Invalid chart settings: field bindings\.years: years\.from must not be after years\.to/);
    const size = await callError(service, 'charts.save', { spec: { ...spec, size: { preset: 'custom', width: 10, height: 5, unit: 'cm', dpi: 1000 } } });
    expect(size.params?.path).toBe('size.dpi');
    const template = await callError(service, 'charts.save', { spec: { ...spec, template: 'pie' } });
    expect(template.message).toContain('field template: no such template; choose one of target-trajectory');
    expect((await call<Summary[]>(service, 'charts.list', {})).length).toBe(before);
  });

  it('reports a missing chart by id', async () => {
    const error = await callError(service, 'charts.get', { id: 999 });
    expect(error).toMatchObject({ code: 'chart.notFound', message: '找不到图表 999' });
    expect((await callError(service, 'charts.save', { id: 999, spec })).code).toBe('chart.notFound');
  });
});

describe('briefings storage', () => {
  it('saves name and ordered items at once, and a reorder is a save', async () => {
    const a = await call<Summary>(service, 'charts.save', { spec: { ...spec, title: 'A' } });
    const b = await call<Summary>(service, 'charts.save', { spec: { ...spec, title: 'B' } });
    const created = await call<{ id: number; charts: number }>(service, 'briefings.save', {
      name: '沙龙',
      items: [{ chartId: a.id, notes: '先看A' }, { chartId: b.id }],
    });
    expect(created.charts).toBe(2);
    const first = await call<{ name: string; items: Array<{ chartId: number; notes: string; title: string }> }>(service, 'briefings.get', { id: created.id });
    expect(first.items.map((i) => [i.title, i.notes])).toEqual([
      ['A', '先看A'],
      ['B', ''],
    ]);

    await call(service, 'briefings.save', { id: created.id, name: '沙龙（改）', items: [{ chartId: b.id, notes: 'B在前' }, { chartId: a.id, notes: '' }, { chartId: b.id, notes: '再看B' }] });
    const second = await call<{ name: string; charts: number; items: Array<{ chartId: number; notes: string }> }>(service, 'briefings.get', { id: created.id });
    expect(second.name).toBe('沙龙（改）');
    expect(second.items.map((i) => [i.chartId, i.notes])).toEqual([
      [b.id, 'B在前'],
      [a.id, ''],
      [b.id, '再看B'],
    ]);
    const listed = (await call<Array<{ id: number; charts: number }>>(service, 'briefings.list', {})).find((x) => x.id === created.id);
    expect(listed?.charts).toBe(3);
  });

  it('refuses an unknown chart without changing the briefing', async () => {
    const a = await call<Summary>(service, 'charts.save', { spec });
    const created = await call<{ id: number }>(service, 'briefings.save', { name: '简报', items: [{ chartId: a.id }] });
    const error = await callError(service, 'briefings.save', { id: created.id, name: '改名', items: [{ chartId: a.id }, { chartId: 777 }] });
    expect(error).toMatchObject({ code: 'briefing.unknownChart', message: '简报第 2 项：找不到图表 777' });
    const kept = await call<{ name: string; items: unknown[] }>(service, 'briefings.get', { id: created.id });
    expect(kept.name).toBe('简报');
    expect(kept.items).toHaveLength(1);
    expect((await callError(service, 'briefings.save', { name: '   ', items: [] })).code).toBe('briefing.emptyName');
    expect((await callError(service, 'briefings.get', { id: 555 })).code).toBe('briefing.notFound');
  });

  it('refuses to delete a chart a briefing holds, naming the briefing; deletes it once free', async () => {
    const a = await call<Summary>(service, 'charts.save', { spec });
    const held = await call<{ id: number }>(service, 'briefings.save', { name: '季度简报', items: [{ chartId: a.id }] });
    const error = await callError(service, 'charts.delete', { id: a.id });
    expect(error.code).toBe('chart.inBriefing');
    expect(error.message).toContain('“季度简报”');
    expect(await call(service, 'charts.get', { id: a.id })).toMatchObject({ id: a.id });

    await call(service, 'briefings.delete', { id: held.id });
    expect(await call(service, 'charts.delete', { id: a.id })).toEqual({ id: a.id });
    expect((await callError(service, 'charts.get', { id: a.id })).code).toBe('chart.notFound');
  });
});
