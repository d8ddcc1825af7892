// Charts saved before the drawing rules of issue #17 (one unit and fixed decimals per chart, 1-2-5
// ticks; 预测期 shaded only after the last known year) say once what changed in them, until dismissed,
// and the dismissal holds after the workspace is opened again. Charts drawn under the rules say nothing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchService } from '../../../electron/backend/service';
import type { ChartNotice } from '../../../shared/api/charts-contract';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from './support';

const opened: WorkbenchService[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const ruleKeys = ['notice.unitsRule', 'notice.projectionShadeRule'];

function open(dataDir: string): WorkbenchService {
  const service = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, path.join(dataDir, 'ws.sqlite'));
  opened.push(service);
  return service;
}

function reopen(service: WorkbenchService, dataDir: string): WorkbenchService {
  service.close();
  opened.splice(opened.indexOf(service), 1);
  return open(dataDir);
}

/**
 * A workspace as the build before the rules left it: two charts saved then (a trajectory drawing
 * scenario paths, a tornado drawing none), and the rules not yet looked at.
 */
function upgraded(): { service: WorkbenchService; dataDir: string; trajectory: number; tornado: number } {
  const t = tempService();
  opened.push(t.service);
  const db = t.service.db;
  const baseline = String(db.prepare("SELECT id FROM scenarios WHERE name = '基准'").pluck().get());
  const save = (spec: unknown) =>
    Number(
      db
        .prepare("INSERT INTO charts (name, spec, created_at, updated_at) VALUES ('旧图', ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')")
        .run(JSON.stringify(chartSpecSchema.parse(spec))).lastInsertRowid,
    );
  const trajectory = save({ template: 'target-trajectory', title: '规模', bindings: { indicators: ['de_va'], regions: ['CQ'], scenarios: [baseline] } });
  const tornado = save({ template: 'tornado', title: '敏感性', bindings: { scenarios: [baseline] } });
  db.prepare(`DELETE FROM settings WHERE key IN (${ruleKeys.map(() => '?').join(', ')})`).run(...ruleKeys);
  return { service: reopen(t.service, t.dataDir), dataDir: t.dataDir, trajectory, tornado };
}

const notices = (service: WorkbenchService, id: number) => call<ChartNotice[]>(service, 'charts.notices', { id });

describe('a chart saved before the drawing rules', () => {
  it('says what changed in it: numbers in every chart, the shading where it draws projections', async () => {
    const { service, trajectory, tornado } = upgraded();
    const onTrajectory = await notices(service, trajectory);
    expect(onTrajectory.map((n) => n.messageZh)).toEqual([expect.stringContaining('万亿元'), expect.stringContaining('预测期')]);
    expect(onTrajectory.map((n) => n.messageEn)).toEqual([expect.stringContaining('one number of decimals'), expect.stringContaining('projection period')]);
    expect((await notices(service, tornado)).map((n) => n.messageZh)).toEqual([onTrajectory[0]!.messageZh]);
    const list = await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {});
    expect(list.filter((c) => c.id === trajectory || c.id === tornado).map((c) => [c.id, c.notices])).toEqual([
      [trajectory, 2],
      [tornado, 1],
    ]);
  });

  it('shows a notice until dismissed for that chart, and not again after the workspace is reopened', async () => {
    const { service, dataDir, trajectory, tornado } = upgraded();
    const [units] = await notices(service, trajectory);
    const left = await call<ChartNotice[]>(service, 'charts.dismissNotice', { id: trajectory, noticeId: units!.id });
    expect(left.map((n) => n.id)).not.toContain(units!.id);
    expect(left).toHaveLength(1);
    // Dismissed for one chart only.
    expect((await notices(service, tornado)).map((n) => n.id)).toEqual([units!.id]);
    const again = reopen(service, dataDir);
    expect((await notices(again, trajectory)).map((n) => n.id)).toEqual(left.map((n) => n.id));
    // Recorded once: opening the workspace again adds no second notice.
    expect(again.db.prepare('SELECT count(*) FROM data_notices').pluck().get()).toBe(2);
  });

  it('is not told once saved again, nor is a chart saved after the rules', async () => {
    const { service, trajectory } = upgraded();
    const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id: trajectory });
    await call(service, 'charts.save', { id: trajectory, spec });
    expect(await notices(service, trajectory)).toEqual([]);
    const later = await call<{ id: number }>(service, 'charts.save', { spec });
    expect(await notices(service, later.id)).toEqual([]);
  });

  it('a new workspace records no such notice: its charts are drawn under the rules from the start', async () => {
    const { service } = tempService();
    opened.push(service);
    for (const key of ruleKeys) expect(service.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key)).toBe('');
    for (const chart of await call<Array<{ notices?: number }>>(service, 'charts.list', {})) expect(chart.notices ?? 0).toBe(0);
  });
});

describe('a chart pinned to a date before the rule for undated releases (1 March, before 1 January)', () => {
  it('says so when pinned to a January or February date, and not when pinned later in the year', async () => {
    const t = tempService();
    opened.push(t.service);
    const save = (vintage: string) =>
      Number(
        t.service.db
          .prepare("INSERT INTO charts (name, spec, created_at, updated_at) VALUES ('旧图', ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')")
          .run(JSON.stringify(chartSpecSchema.parse({ template: 'indicator-series', title: 'GDP', bindings: { indicators: ['gdp'], regions: ['CQ'], vintage } }))).lastInsertRowid,
      );
    const february = save('2021-02-15');
    const june = save('2021-06-30');
    t.service.db.prepare("DELETE FROM settings WHERE key = 'notice.undatedReleaseRule'").run();
    const service = reopen(t.service, t.dataDir);
    expect((await notices(service, february)).map((n) => n.messageZh)).toEqual([expect.stringContaining('按次年3月1日起视为已发布')]);
    expect(await notices(service, june)).toEqual([]);
    // What the rule changed: 重庆's 2020 GDP, released without a date, is not yet known on 15 February 2021.
    const years = async (id: number) => {
      const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id });
      const data = await call<{ series: Array<{ points: Array<{ year: number }> }> }>(service, 'charts.data', { spec });
      return data.series.flatMap((s) => s.points.map((p) => p.year));
    };
    expect(await years(february)).not.toContain(2020);
    expect(await years(june)).toContain(2020);
  });
});
