// The starter briefing pack of a fresh workspace: every template once, bound to the sample data and
// the starting scenarios, every chart drawable; seeded once, so a deleted pack stays deleted.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartsSeedData } from '../../../electron/backend/charts/starter-pack';
import { WorkbenchService } from '../../../electron/backend/service';
import { buildOption } from '../../../shared/charts/build-option';
import type { ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, templateIds } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from './support';

const opened: WorkbenchService[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function fresh() {
  const t = tempService();
  opened.push(t.service);
  return t;
}

describe('starter briefing pack', () => {
  it('holds 示例简报 with one chart per template, with notes, each drawable from the workspace', async () => {
    const { service } = fresh();
    const briefings = await call<Array<{ id: number; name: string; charts: number }>>(service, 'briefings.list', {});
    expect(briefings).toHaveLength(1);
    expect(briefings[0]).toMatchObject({ name: '示例简报', charts: chartsSeedData().briefing.charts.length });
    const pack = await call<{ items: Array<{ chartId: number; template: string; notes: string }> }>(service, 'briefings.get', { id: briefings[0]!.id });
    expect(new Set(pack.items.map((i) => i.template))).toEqual(new Set(templateIds));
    for (const item of pack.items) {
      expect(item.notes.length).toBeGreaterThan(10);
      const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id: item.chartId });
      const data = await call<ChartData>(service, 'charts.data', { spec });
      expect(() => buildOption(chartSpecSchema.parse(spec), data), item.template).not.toThrow();
    }
  });

  it('binds the starting scenarios by their ids in this workspace', async () => {
    const { service } = fresh();
    const charts = await call<Array<{ id: number; template: string }>>(service, 'charts.list', {});
    const trajectory = charts.find((c) => c.template === 'target-trajectory')!;
    const { spec } = await call<{ spec: { bindings: { scenarios: string[] } } }>(service, 'charts.get', { id: trajectory.id });
    // The trajectory against 万亿级 draws the broad-measure scenarios, the measure the target is judged on.
    const ids = (
      service.db.prepare("SELECT id FROM scenarios WHERE name IN ('广义口径基准（2022年起）', '广义口径加速（2022年起）', '广义口径保守（2022年起）') ORDER BY id").all() as Array<{ id: number }>
    ).map((r) => String(r.id));
    expect(spec.bindings.scenarios).toEqual(ids);
  });

  it('records the definition break of the sample data', () => {
    const { service } = fresh();
    const rows = service.db.prepare('SELECT indicator, region, year FROM definition_breaks ORDER BY indicator').all();
    expect(rows).toEqual([
      { indicator: 'de_va', region: 'CQ', year: 2022 },
      { indicator: 'de_va_share_gdp', region: 'CQ', year: 2022 },
    ]);
  });

  it('is seeded once: reopening adds nothing, and a deleted pack stays deleted', async () => {
    const { service, dataDir } = fresh();
    const file = path.join(dataDir, 'ws.sqlite');
    const env = { dataDir, mode: 'cli' as const, appVersion: 'test' };
    const counts = (s: WorkbenchService) => s.db.prepare('SELECT (SELECT count(*) FROM charts) AS charts, (SELECT count(*) FROM briefings) AS briefings').get();
    const first = counts(service);
    service.close();
    opened.pop();

    const again = WorkbenchService.open(env, file);
    opened.push(again);
    expect(counts(again)).toEqual(first);
    const [briefing] = await call<Array<{ id: number }>>(again, 'briefings.list', {});
    await call(again, 'briefings.delete', { id: briefing!.id });
    for (const c of await call<Array<{ id: number }>>(again, 'charts.list', {})) await call(again, 'charts.delete', { id: c.id });
    again.close();
    opened.pop();

    const third = WorkbenchService.open(env, file);
    opened.push(third);
    expect(counts(third)).toEqual({ charts: 0, briefings: 0 });
  });
});
