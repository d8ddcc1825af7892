// A share of GDP on a chart reads as the twin-city view reads it (series/shares.ts): in a year the
// indicator has no figure, the share another share indicator publishes on the same measure — 重庆 2022
// under the national share (de_share_gdp) is the city's reported 45.4% on the broad measure — named
// with the indicator holding it and its source; drawn once when both indicators are on the chart; and
// a chart saved before this rule that now draws such a value says so until dismissed.
import path from 'node:path';
import type { EChartsOption } from 'echarts';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRuleNotices } from '../../../electron/backend/charts/notices';
import { drawnEvidence } from '../../../electron/backend/charts/resolve-data';
import { chartRows, toCsv } from '../../../electron/backend/export/data-table';
import { WorkbenchService } from '../../../electron/backend/service';
import type { ChartNotice } from '../../../shared/api/charts-contract';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartData, type ChartSeries } from '../../../shared/charts/data';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call } from './support';

const opened: WorkbenchService[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function fresh(): { service: WorkbenchService; dataDir: string } {
  const t = tempService();
  opened.push(t.service);
  return t;
}

async function resolve(service: WorkbenchService, input: unknown): Promise<{ spec: ChartSpec; data: ChartData; option: EChartsOption }> {
  const spec = chartSpecSchema.parse(input);
  const data = chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec }));
  return { spec, data, option: buildOption(spec, data) };
}

const footer = (option: EChartsOption): string => ((option.graphic as Array<{ style: { text: string } }>)[0] ?? { style: { text: '' } }).style.text;
const source = '《重庆市数字经济创新发展行动计划》指标表（2023-12-13，来源：市统计局）（可信度 M）';
const nationalShare = (template: string, extra: Record<string, unknown> = {}) => ({ template, title: '数字经济占GDP比重', bindings: { indicators: ['de_share_gdp'], regions: ['CQ', 'CN'], ...extra } });
const chongqing = (data: ChartData): ChartSeries | undefined => data.series.find((s) => s.kind === 'actual' && s.region === '重庆');

describe('a share of GDP another share indicator holds', () => {
  for (const template of ['regional-comparison', 'share-of-gdp']) {
    it(`is drawn for 重庆 2022 on a ${template} chart of the national share, named with its source`, async () => {
      const { service } = fresh();
      const { spec, data, option } = await resolve(service, nationalShare(template));
      expect(chongqing(data)!.points).toEqual([
        { year: 2022, value: 45.4, bound: 'exact', measure: 'caict-broad', via: { indicator: '数字经济增加值占GDP比重（重庆）', source }, released: '2023-12-13', releaseLabel: '《行动计划》指标表', source },
      ]);
      // 全国 draws its own figures only.
      expect(data.series.find((s) => s.region === '全国')!.points.every((p) => p.via === undefined)).toBe(true);
      expect(footer(option)).toContain(`重庆2022年的数值取自数字经济增加值占GDP比重（重庆），来源：${source}。`);
      const csv = toCsv(chartRows(spec, data), 'zh');
      // The release and source in their columns; the note says which indicator holds the figure.
      expect(csv).toContain(`,2022,45.4,确数,信通院广义口径,,《行动计划》指标表 · 2023-12-13,${source},,,,,取自数字经济增加值占GDP比重（重庆）\r\n`);
      expect(spec.locale).toBe('zh');
    });
  }

  it('says where it comes from in the tooltip, and in English', async () => {
    const { service } = fresh();
    const zh = await resolve(service, { ...nationalShare('regional-comparison'), options: { mode: 'bars' } });
    const index = ((zh.option.xAxis as Array<{ data: string[] }>)[0]!).data.indexOf('2022');
    const tooltip = (zh.option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: index }]);
    expect(tooltip).toContain('45.4%（信通院广义口径，取自数字经济增加值占GDP比重（重庆））');
    const en = await resolve(service, { ...nationalShare('regional-comparison'), locale: 'en' });
    expect(en.data.series.find((s) => s.region === 'Chongqing')?.points[0]?.via?.indicator).toBe("Digital economy value added, share of GDP (Chongqing, as reported)");
    expect(footer(en.option)).toContain("2022: the value is taken from Digital economy value added, share of GDP (Chongqing, as reported) (source: ");
  });

  it('is drawn once when the indicator holding it is on the chart too: in that indicator’s series', async () => {
    const { service } = fresh();
    const { data, option } = await resolve(service, { template: 'share-of-gdp', title: '占比', bindings: { indicators: ['de_va_share_gdp', 'de_share_gdp'], regions: ['CQ', 'CN'] } });
    const at2022 = data.series.flatMap((s) => s.points.filter((p) => p.year === 2022 && p.value === 45.4).map(() => s.id));
    expect(at2022).toEqual(['de_va_share_gdp@CQ']);
    expect(data.series.every((s) => s.points.every((p) => p.via === undefined))).toBe(true);
    expect(footer(option)).not.toContain('取自');
  });

  it('brings 重庆 into a chart of the national share that binds no region', async () => {
    const { service } = fresh();
    const { data } = await resolve(service, { template: 'regional-comparison', title: '占比', bindings: { indicators: ['de_share_gdp'] } });
    expect(data.series.map((s) => s.region)).toEqual(['全国', '重庆']);
    expect(chongqing(data)!.points.map((p) => [p.year, p.value])).toEqual([[2022, 45.4]]);
  });

  it('is not drawn on a chart pinned to a date before it was published (2023-12-13)', async () => {
    const { service } = fresh();
    const before = await resolve(service, nationalShare('regional-comparison', { vintage: '2023-06-30' }));
    expect(chongqing(before.data)).toBeUndefined();
    const after = await resolve(service, nationalShare('regional-comparison', { vintage: '2024-01-31' }));
    expect(chongqing(after.data)!.points.map((p) => p.value)).toEqual([45.4]);
  });

  it('is what a progress bar of a target on the national share in 重庆 reads, as the monitor does', async () => {
    const { service } = fresh();
    await call(service, 'targets.save', {
      create: true,
      target: { code: 'X1', plan: 'A', titleZh: '重庆数字经济占GDP比重', comparator: '>=', value: 40, unit: '%', deadline: 2022, indicator: 'de_share_gdp', region: 'CQ' },
    });
    const { data, option } = await resolve(service, { template: 'target-progress', title: '进展', bindings: { targets: ['X1'] } });
    expect(data.progress[0]).toMatchObject({ actual: 45.4, actualYear: 2022, measure: 'caict-broad', via: { indicator: '数字经济增加值占GDP比重（重庆）', source } });
    expect(footer(option)).toContain('重庆数字经济占GDP比重2022年的数值取自数字经济增加值占GDP比重（重庆）');
    const monitor = await call<{ rows: Array<{ target: { code: string }; latest: { year: number; value: number } | null }> }>(service, 'targets.monitor', {});
    expect(monitor.rows.find((r) => r.target.code === 'X1')?.latest).toMatchObject({ year: 2022, value: 45.4 });
  });

  it('is recorded as drawn from the indicator holding it (for notices about that figure)', () => {
    const { service } = fresh();
    const spec = chartSpecSchema.parse(nationalShare('regional-comparison'));
    expect(drawnEvidence(service.db, spec).figures).toContainEqual({ indicator: 'de_share_gdp', region: 'CQ', years: [2022], measures: ['caict-broad'], via: 'de_va_share_gdp' });
  });
});

describe('a chart saved before shares were completed', () => {
  /** A workspace holding a chart of the national share in 重庆 and 全国 and a GDP chart, saved before the rule. */
  function upgraded(): { service: WorkbenchService; share: number; gdp: number } {
    const { service, dataDir } = fresh();
    const save = (spec: unknown) =>
      Number(
        service.db
          .prepare("INSERT INTO charts (name, spec, created_at, updated_at) VALUES ('旧图', ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')")
          .run(JSON.stringify(chartSpecSchema.parse(spec))).lastInsertRowid,
      );
    const share = save(nationalShare('regional-comparison'));
    const gdp = save({ template: 'regional-comparison', title: 'GDP', bindings: { indicators: ['gdp'], regions: ['CQ', 'CN'] } });
    // As a workspace made before this rule: it has not yet looked at its saved charts.
    service.db.prepare("DELETE FROM settings WHERE key = 'notice.shareViaRule'").run();
    service.close();
    opened.pop();
    const again = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, path.join(dataDir, 'ws.sqlite'));
    opened.push(again);
    return { service: again, share, gdp };
  }

  it('says it now draws a share another indicator holds, until dismissed; a chart it did not change says nothing', async () => {
    const { service, share, gdp } = upgraded();
    const notices = await call<ChartNotice[]>(service, 'charts.notices', { id: share });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.messageZh).toContain('现画出另一占比指标按同一口径公布的数值');
    expect(notices[0]!.messageEn).toContain('is now drawn');
    expect(await call(service, 'charts.notices', { id: gdp })).toEqual([]);
    const list = await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {});
    expect(list.find((c) => c.id === share)?.notices).toBe(1);
    expect(await call(service, 'charts.dismissNotice', { id: share, noticeId: notices[0]!.id })).toEqual([]);
  });

  it('is not told once saved again, nor is a chart saved after the rule', async () => {
    const { service, share } = upgraded();
    const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id: share });
    await call(service, 'charts.save', { id: share, spec });
    expect(await call(service, 'charts.notices', { id: share })).toEqual([]);
    const later = await call<{ id: number }>(service, 'charts.save', { spec: nationalShare('share-of-gdp') });
    expect(await call(service, 'charts.notices', { id: later.id })).toEqual([]);
  });

  it('records the rule once: looking again adds no second notice', () => {
    const { service } = upgraded();
    const count = () => service.db.prepare('SELECT count(*) FROM data_notices').pluck().get();
    expect(count()).toBe(1);
    recordRuleNotices(service.db);
    expect(count()).toBe(1);
  });

  it('a new workspace records no such notice: its starter charts draw each share once, under their own indicator', async () => {
    const { service } = fresh();
    expect(service.db.prepare("SELECT value FROM settings WHERE key = 'notice.shareViaRule'").pluck().get()).toBe('');
    for (const chart of await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {})) expect(chart.notices ?? 0).toBe(0);
  });
});
