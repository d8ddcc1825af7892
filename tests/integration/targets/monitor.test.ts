import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import type { WorkbenchService } from '../../../electron/backend/service';
import type { MonitorRow } from '../../../shared/api/targets-contract';
import { tempService } from '../../helpers/temp';

async function ok<T>(service: WorkbenchService, method: string, input: unknown): Promise<T> {
  const outcome = await dispatch(service, method, input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

async function fails(service: WorkbenchService, method: string, input: unknown) {
  const outcome = await dispatch(service, method, input);
  if (outcome.ok) throw new Error(`${method} should have failed`);
  return outcome.error;
}

type Monitor = { asOfYear: number; rows: MonitorRow[]; counts: Array<{ plan: string; status: string; n: number }>; scenario: { id: number } | null };
const row = (m: Monitor, code: string) => m.rows.find((r) => r.target.code === code)!;

describe('targets monitor on a fresh workspace', () => {
  it('judges the 2022 targets against the published figures, with the rule that decided', async () => {
    const { service } = tempService();
    const m = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 });
    // "超过1万亿元" is a lower bound at the target: met, and shown as the bound it is.
    expect(row(m, 'A1')).toMatchObject({ status: 'met', rule: 'monitor.rule.met', latest: { year: 2022, value: 10000, bound: 'lower' }, ruleParams: { sign: '≥' } });
    const a2 = row(m, 'A2');
    // A2 is judged on the broad measure: only 2022's 45.4% is on it, and it starts the series' new measure.
    expect(a2).toMatchObject({ status: 'met', ruleParams: { year: 2022, value: 45.4 }, measure: { code: 'caict-broad' } });
    expect(a2.actuals.map((a) => [a.year, a.measure, a.breakBefore])).toEqual([[2022, 'caict-broad', true]]);
    // Under the city's earlier measure the deadline year has no figure: said so, beside the judged status.
    expect(a2.byMeasure.map((b) => [b.measure.code, b.status, b.latest?.year, b.latest?.value])).toEqual([
      ['caict-broad', 'met', 2022, 45.4],
      ['cq-earlier', 'no-data', 2021, 27.2],
    ]);
    // Not "awaiting the deadline year's figure": the series is published on the broad measure from 2022.
    expect(a2.byMeasure[1]).toMatchObject({ rule: 'monitor.rule.measureReplaced', ruleParams: { from: 2022, year: 2021, value: 27.2 } });
    // No reported outcome for the enterprise counts (DOMAIN: "no data" until a user enters one).
    for (const code of ['A3', 'A4', 'A5', 'A6', 'B2', 'B3']) expect(row(m, code).status).toBe('no-data');
    // The article reports the 2020 project counts, and the plans' own structure, as facts: shown with
    // their value, never given a verdict nor counted.
    expect(row(m, 'B7')).toMatchObject({ rule: 'monitor.rule.fact', latest: { year: 2020, value: 73 } });
    for (const code of ['A8', 'B4', 'B5', 'B6', 'B7', 'B8']) expect(row(m, code).rule).toBe('monitor.rule.fact');
    expect(m.counts.filter((c) => c.plan === 'B' && c.status === 'met')).toEqual([{ plan: 'B', status: 'met', n: 0 }]);
    expect(m.counts.filter((c) => c.plan === 'B').reduce((s, c) => s + c.n, 0)).toBe(4);
    expect(row(m, 'B1')).toMatchObject({ status: 'no-data', rule: 'monitor.rule.qualitative' });
    // By default the monitor compares with the scenario starting latest: the broad-measure baseline
    // from 2022, which carries C1 (above 50% by 2027) on C1's own measure.
    expect(m.scenario).toMatchObject({ name: '广义口径基准（2022年起）' });
    expect(row(m, 'C1')).toMatchObject({ measure: { code: 'caict-broad' }, projection: { met: true }, projectionNote: null });
    // The 2020 baseline carries A1 and A2 too, but on the city's earlier measure: never compared, and said so.
    await ok(service, 'monitor.setSettings', { thresholds: {}, scenarioId: 1 });
    const earlier = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 });
    expect(row(earlier, 'A1')).toMatchObject({ projection: null, projectionNote: { reason: 'other-measure', scenarioMeasure: { code: 'cq-earlier' } } });
    expect(row(earlier, 'A2')).toMatchObject({ status: 'met', projection: null, projectionNote: { reason: 'other-measure' } });
    // Looking back to mid-2021, 2022's figures were not yet out, and the action plan carrying C1 not yet issued.
    await ok(service, 'monitor.setSettings', { thresholds: {}, scenarioId: m.scenario!.id });
    const then = await ok<Monitor>(service, 'targets.monitor', { vintage: '2021-06-30' });
    expect(row(then, 'C1')).toMatchObject({ rule: 'monitor.rule.planNotYetIssued', projection: null, projectionNote: null });
    expect(row(then, 'A1')).toMatchObject({ status: 'no-data', rule: 'monitor.rule.notYetPublished', ruleParams: { vintage: '2021-06-30' } });
    const end2023 = await ok<Monitor>(service, 'targets.monitor', { vintage: '2023-12-31' });
    expect(row(end2023, 'C1')).toMatchObject({ projection: { met: true }, projectionNote: null });
    expect(m.counts.filter((c) => c.plan === 'A').reduce((s, c) => s + c.n, 0)).toBe(7);
    service.close();
  });

  it('lists no target of a plan, as known on a date before the plan was issued, and says when it was', async () => {
    const { service } = tempService();
    // The action plan was posted on 2023-12-13: the day before, its targets were nobody's goal yet.
    for (const vintage of ['2020-06-01', '2021-06-01', '2023-12-12']) {
      const m = await ok<Monitor>(service, 'targets.monitor', { vintage });
      for (const code of ['C1', 'C4', 'C6']) {
        expect(row(m, code)).toMatchObject({ status: 'no-data', rule: 'monitor.rule.planNotYetIssued', ruleParams: { issued: '2023-12-13', vintage }, actuals: [], latest: null, projection: null });
      }
      expect(m.counts.filter((c) => c.plan === 'C').reduce((s, c) => s + c.n, 0)).toBe(0);
    }
    const posted = await ok<Monitor>(service, 'targets.monitor', { vintage: '2023-12-13' });
    expect(row(posted, 'C1')).toMatchObject({ rule: expect.not.stringMatching(/planNotYetIssued/), latest: { year: 2022, value: 45.4 } });
    // Plans A and B are recorded by month (2020-06): from its first day.
    const before = await ok<Monitor>(service, 'targets.monitor', { vintage: '2020-05-31' });
    expect(before.rows.every((r) => r.rule === 'monitor.rule.planNotYetIssued')).toBe(true);
    expect(row(before, 'A1').ruleParams).toEqual({ issued: '2020-06', vintage: '2020-05-31' });
    expect(before.counts.every((c) => c.n === 0)).toBe(true);
    const issued = await ok<Monitor>(service, 'targets.monitor', { vintage: '2020-06-01' });
    expect(row(issued, 'A1').rule).toBe('monitor.rule.notYetPublished');
    expect(issued.counts.filter((c) => c.plan === 'A').reduce((s, c) => s + c.n, 0)).toBe(7);
    service.close();
  });

  it('judges C6 on software business revenue, labelled as the industry authority data it is', async () => {
    const { service } = tempService();
    const c6 = row(await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 }), 'C6');
    expect(c6.measure).toMatchObject({ code: 'industry', nameZh: '行业主管部门数据' });
    expect(c6.target.note).toContain('软件业务收入');
    expect(c6.latest).toEqual({ year: 2022, value: 2705, bound: 'exact' });
    service.close();
  });

  it('edits a target with an audit trail, and the status follows the new value', async () => {
    const { service } = tempService();
    const [a1] = await ok<Array<Record<string, unknown>>>(service, 'targets.list', { plan: 'A' });
    await ok(service, 'targets.save', { target: { ...a1, value: 20000 } });
    const m = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 });
    // ≥10000 against ≥20000 is open: a bound decides nothing, and the monitor says so rather than "missed".
    expect(row(m, 'A1')).toMatchObject({ status: 'no-data', rule: 'monitor.rule.boundOpen', ruleParams: { deadline: 2022, year: 2022, value: 10000, sign: '≥' } });
    const history = await ok<Array<{ field: string; oldValue: string; newValue: string }>>(service, 'targets.history', { code: 'A1' });
    expect(history).toEqual([expect.objectContaining({ field: 'value', oldValue: '10000', newValue: '20000' })]);
    service.close();
  });

  it('records progress by hand, adds and retires targets, and refuses bad input by field', async () => {
    const { service } = tempService();
    await ok(service, 'targets.recordActual', { code: 'A3', year: 2021, value: 60, source: '测试' });
    let m = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2021 });
    // One actual, no scenario target for A3: (100/60)^(1/1) - 1 = 66.7% a year > 20%.
    expect(row(m, 'A3')).toMatchObject({ status: 'at-risk', rule: 'monitor.rule.growthTooHigh', requiredGrowth: 66.67 });

    const later = {
      code: 'P2027',
      plan: 'A',
      titleZh: '2027年数字经济占GDP比重50%以上',
      comparator: '>',
      value: 50,
      unit: '%',
      deadline: 2027,
      indicator: 'de_va_share_gdp',
      region: 'CQ',
      measure: 'caict-broad',
    };
    await ok(service, 'targets.save', { target: later, create: true });
    // Only 45.4 (2022) is on the broad measure, so there is no path. The 2020 baseline carries a P2027
    // target but on the city's earlier measure: not compared, so the growth needed decides.
    await ok(service, 'monitor.setSettings', { thresholds: {}, scenarioId: 1 });
    m = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 });
    // A share: (50 - 45.4) / 5 = 0.92 percentage points a year, within the 2-point setting.
    expect(row(m, 'P2027')).toMatchObject({
      status: 'on-track',
      rule: 'monitor.rule.pointsRiseFeasible',
      requiredPoints: 0.92,
      requiredGrowth: null,
      projection: null,
      projectionNote: { reason: 'other-measure' },
    });
    expect((await fails(service, 'targets.save', { target: { ...later, code: 'X2', measure: 'nope' }, create: true })).code).toBe('measure.unknown');
    expect((await fails(service, 'targets.save', { target: later, create: true })).code).toBe('monitor.targetExists');
    expect((await fails(service, 'targets.save', { target: { ...later, code: 'X1', indicator: 'nope' }, create: true })).code).toBe('monitor.unknownIndicator');
    const bad = await fails(service, 'targets.save', { target: { ...later, deadline: 'soon' }, create: true });
    expect(bad.message).toContain('deadline');

    // The monitor's briefing chart draws progress recorded by hand too.
    const data = await ok<{ progress: Array<{ actual: number | null; actualYear: number | null }> }>(service, 'charts.data', {
      spec: { template: 'target-progress', title: '监测', bindings: { targets: ['A3', 'A1'] } },
    });
    expect(data.progress.map((p) => [p.actual, p.actualYear])).toEqual([
      [60, 2021],
      [10000, 2022],
    ]);

    await ok(service, 'targets.retire', { code: 'P2027' });
    m = await ok<Monitor>(service, 'targets.monitor', {});
    expect(m.rows.some((r) => r.target.code === 'P2027')).toBe(false);
    service.close();
  });

  it('judges C1 (above 50% by 2027) on the broad measure, and not at all on the measure the city left in 2022', async () => {
    const { service } = tempService();
    await ok(service, 'monitor.setSettings', { thresholds: {}, scenarioId: null });
    const c1 = row(await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 }), 'C1');
    // Without a scenario: 45.4% (2022) needs 0.92 points a year to pass 50% by 2027.
    expect(c1).toMatchObject({ status: 'on-track', rule: 'monitor.rule.pointsRiseFeasible', requiredPoints: 0.92 });
    // 27.2% (2021) on the earlier measure was "on track" by its 10.7% relative growth: it is no judgement at all.
    expect(c1.byMeasure.map((b) => [b.measure.code, b.status, b.rule])).toEqual([
      ['caict-broad', 'on-track', 'monitor.rule.pointsRiseFeasible'],
      ['cq-earlier', 'no-data', 'monitor.rule.measureReplaced'],
    ]);
    // Before the plan setting C1 was posted (2023-12-13, with the 2022 figure), C1 is judged on no measure at all.
    const then = row(await ok<Monitor>(service, 'targets.monitor', { vintage: '2023-06-30' }), 'C1');
    expect(then).toMatchObject({ rule: 'monitor.rule.planNotYetIssued', byMeasure: [], actuals: [] });
    service.close();
  });

  it("reads a target on the national broad-measure share for 重庆 from the city's reported share on that measure", async () => {
    const { service } = tempService();
    await ok(service, 'targets.save', {
      target: { code: 'S1', plan: 'C', titleZh: '广义口径占比超过50%', comparator: '>', value: 50, unit: '%', deadline: 2027, indicator: 'de_share_gdp', region: 'CQ' },
      create: true,
    });
    const s1 = row(await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2026 }), 'S1');
    expect(s1.measure?.code).toBe('caict-broad');
    expect(s1.actuals.map((a) => [a.year, a.value, a.measure, a.source.includes('市统计局')])).toEqual([[2022, 45.4, 'caict-broad', true]]);
    service.close();
  });

  it('migrates monitor settings saved before the share threshold existed, and says so until they are saved again', async () => {
    const { service } = tempService();
    const old = { thresholds: { onTrackRatio: 0.9, maxRequiredGrowth: 15 }, scenarioId: null };
    service.db.prepare("INSERT INTO settings (key, value) VALUES ('monitor.settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(old));
    const m = await ok<Monitor & { settings: { thresholds: Record<string, number> }; settingsNotice: unknown }>(service, 'targets.monitor', { asOfYear: 2026 });
    // The saved thresholds keep their values; the new one comes in at its default, written into the saved settings.
    expect(m.settings.thresholds).toEqual({ onTrackRatio: 0.9, maxRequiredGrowth: 15, maxRequiredPoints: 2 });
    expect(m.settingsNotice).toEqual({ added: 'maxRequiredPoints', value: 2 });
    const stored = JSON.parse(service.db.prepare("SELECT value FROM settings WHERE key = 'monitor.settings'").pluck().get() as string) as typeof old;
    expect(stored.thresholds).toEqual({ onTrackRatio: 0.9, maxRequiredGrowth: 15, maxRequiredPoints: 2 });
    expect((await ok<{ settingsNotice: unknown }>(service, 'targets.monitor', {})).settingsNotice).toEqual({ added: 'maxRequiredPoints', value: 2 });
    await ok(service, 'monitor.setSettings', { thresholds: { onTrackRatio: 0.9, maxRequiredGrowth: 15, maxRequiredPoints: 1 }, scenarioId: null });
    const saved = await ok<{ settingsNotice: unknown; rows: MonitorRow[] }>(service, 'targets.monitor', { asOfYear: 2026 });
    expect(saved.settingsNotice).toBeNull();
    // 0.92 points a year against a 1-point limit.
    expect(saved.rows.find((r) => r.target.code === 'C1')).toMatchObject({ status: 'on-track', ruleParams: { threshold: 1 } });
    // A fresh workspace has nothing to migrate.
    const fresh = tempService().service;
    expect((await ok<{ settingsNotice: unknown }>(fresh, 'targets.monitor', {})).settingsNotice).toBeNull();
    fresh.close();
    service.close();
  });

  it('keeps thresholds and the compared scenario as settings', async () => {
    const { service } = tempService();
    await ok(service, 'targets.recordActual', { code: 'A3', year: 2021, value: 60 });
    await ok(service, 'monitor.setSettings', { thresholds: { onTrackRatio: 0.95, maxRequiredGrowth: 70 }, scenarioId: null });
    const m = await ok<Monitor>(service, 'targets.monitor', { asOfYear: 2021 });
    expect(row(m, 'A3').status).toBe('on-track');
    expect(m.scenario).toBeNull();
    expect((await fails(service, 'monitor.setSettings', { thresholds: {}, scenarioId: 999 })).code).toBe('scenario.notFound');
    service.close();
  });
});

describe('task registers and the register workbook', () => {
  it('lists the seven areas and the 4+1 actions as headings, and keeps tasks under them', async () => {
    const { service } = tempService();
    const { areas } = await ok<{ areas: Array<{ plan: string; nameZh: string }> }>(service, 'tasks.list', {});
    expect(areas.filter((a) => a.plan === 'A')).toHaveLength(7);
    expect(areas.filter((a) => a.plan === 'B').map((a) => a.nameZh)).toEqual([
      '人工智能技术创新行动',
      '人工智能基础支撑行动',
      '人工智能赋能提升行动',
      '人工智能融合应用行动',
      '人工智能政策优化工程',
    ]);
    const task = await ok<{ id: number }>(service, 'tasks.save', { task: { plan: 'A', area: 'A.2', title: '培育集成电路产业集群', owner: '市经济信息委', due: '2022-12-31' } });
    expect((await fails(service, 'tasks.save', { task: { plan: 'A', area: 'B.1', title: 'x' } })).code).toBe('monitor.unknownArea');
    const { tasks } = await ok<{ tasks: Array<{ id: number; status: string }> }>(service, 'tasks.list', { plan: 'A' });
    expect(tasks).toEqual([expect.objectContaining({ id: task.id, status: 'not-started' })]);
    service.close();
  });

  it('round-trips the register through XLSX into another workspace', async () => {
    const a = tempService().service;
    await ok(a, 'tasks.save', { task: { plan: 'B', area: 'B.1', title: '突破自然语言处理关键技术', status: 'in-progress' } });
    await ok(a, 'targets.recordActual', { code: 'A6', year: 2021, value: 4, source: '测试来源' });
    const file = await ok<{ fileName: string; base64: string }>(a, 'register.export', {});
    expect(file.fileName).toMatch(/\.xlsx$/);
    const b = tempService().service;
    const summary = await ok<{ targets: number; actuals: number; tasks: number }>(b, 'register.import', { fileName: file.fileName, base64: file.base64 });
    expect(summary).toEqual({ targets: 26, actuals: 5, tasks: 1 });
    // The sheet names plans, indicators, regions and measures; no internal code shows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('目标')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const a1 = sheet.getRow(2).values as unknown[];
    const cell = (name: string) => a1[header.indexOf(name)];
    expect([cell('编号'), cell('方案'), cell('指标'), cell('地区'), cell('口径')]).toEqual(['A1', '重庆建设国家数字经济创新发展试验区工作方案', '数字经济规模', '重庆', '信通院广义口径']);
    const cells = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
    for (const code of ['de_scale', 'de_va_share_gdp', 'CQ', 'caict-broad', 'software_revenue']) expect(cells).not.toContain(code);
    expect((wb.getWorksheet('任务')!.getRow(2).values as unknown[]).map(String)).toContain('重庆市建设国家新一代人工智能创新发展试验区实施方案');
    expect((await ok<Array<{ code: string; indicator: string | null; region: string | null; plan: string }>>(b, 'targets.list', { plan: 'A' }))[0]).toMatchObject({ plan: 'A', indicator: 'de_scale', region: 'CQ' });
    const { tasks } = await ok<{ tasks: Array<{ title: string; status: string }> }>(b, 'tasks.list', { plan: 'B' });
    expect(tasks).toEqual([expect.objectContaining({ title: '突破自然语言处理关键技术', status: 'in-progress' })]);
    const m = await ok<Monitor>(b, 'targets.monitor', { asOfYear: 2021 });
    expect(row(m, 'A6').latest).toEqual({ year: 2021, value: 4, bound: 'exact' });
    a.close();
    b.close();
  });

  it('refuses a register with a bad row, names sheet, row and column, and writes nothing', async () => {
    const { service } = tempService();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务');
    ws.addRow(['方案', '领域编号', '任务', '状态', '完成时限']);
    ws.addRow(['A', 'A.1', '第一项', '进行中', '2022-06-30']);
    ws.addRow(['A', 'A.1', '第二项', '进行中', '明年']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const error = await fails(service, 'register.import', { fileName: 'tasks.xlsx', base64 });
    expect(error.code).toBe('register.invalid');
    expect(error.message).toContain('第3行');
    expect(error.message).toContain('完成时限');
    const { tasks } = await ok<{ tasks: unknown[] }>(service, 'tasks.list', {});
    expect(tasks).toHaveLength(0);
    service.close();
  });
});

describe('twin-city comparison', () => {
  it('puts Chongqing, Sichuan, Chengdu and China side by side with growth', async () => {
    const { service } = tempService();
    const got = await ok<{ rows: Array<{ year: number; values: Record<string, { value: number | null; growth: number | null }> }> }>(service, 'regions.compare', {
      indicator: 'gdp',
      regions: ['CQ', 'SC', 'CD', 'CN'],
    });
    const y2022 = got.rows.find((r) => r.year === 2022)!;
    expect(y2022.values.CQ!.value).toBeCloseTo(29129.03, 2);
    // 29129.03 / 27894.02 - 1 = 4.43%.
    expect(y2022.values.CQ!.growth).toMatchObject({ value: 4.43, measure: 'standard' });
    expect((await fails(service, 'regions.compare', { indicator: 'nope', regions: ['CQ'] })).code).toBe('monitor.unknownIndicator');
    service.close();
  });
});
