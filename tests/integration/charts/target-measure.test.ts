// Targets and measures on the workspace's charts: a target line is never drawn over values of another
// measure (万亿级 is judged on CAICT's broad measure, the 基准/加速/保守 scenarios are on the city's
// earlier one); the starter briefing tells one measure's story per chart and names it; a scenario base
// taken from "超6000亿元" shows as ≥6000; a chart saved before this rule says why its line is gone.
import path from 'node:path';
import type { EChartsOption } from 'echarts';
import { afterEach, describe, expect, it } from 'vitest';
import { drawnEvidence } from '../../../electron/backend/charts/resolve-data';
import { WorkbenchService } from '../../../electron/backend/service';
import type { ChartNotice } from '../../../shared/api/charts-contract';
import type { ExportedFile } from '../../../shared/api/jobs-contract';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema, type ChartSpec } from '../../../shared/charts/spec';
import { measured, otherMeasures } from '../../../shared/charts/target-measure';
import { tempService } from '../../helpers/temp';
import { call, starterChart } from './support';

const opened: WorkbenchService[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function fresh(): { service: WorkbenchService; dataDir: string } {
  const t = tempService();
  opened.push(t.service);
  return t;
}

const scenarioIds = (service: WorkbenchService, names: string[]): string[] =>
  names.map((name) => String(service.db.prepare('SELECT id FROM scenarios WHERE name = ?').pluck().get(name)));

async function resolve(service: WorkbenchService, input: unknown): Promise<{ spec: ChartSpec; data: ChartData; option: EChartsOption }> {
  const spec = chartSpecSchema.parse(input);
  const data = chartDataSchema.parse(await call<ChartData>(service, 'charts.data', { spec }));
  return { spec, data, option: buildOption(spec, data) };
}

const footer = (option: EChartsOption): string => ((option.graphic as Array<{ style: { text: string } }>)[0] ?? { style: { text: '' } }).style.text;

/** The measures of the values a chart draws (not of the targets): points, bars and progress bars. */
function drawnMeasures(data: ChartData): string[] {
  const codes = new Set(
    [...data.series.filter((s) => s.kind !== 'target').flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.measure)), data.bars?.measure, ...data.progress.map((p) => p.measure)].filter(
      (m): m is string => m !== undefined,
    ),
  );
  return data.meta.measures.filter((m) => codes.has(m.code)).map((m) => m.name);
}

/** The old starter trajectory: the city's earlier-measure scenarios against 万亿级 (A1). */
const earlierTrajectory = (service: WorkbenchService) => ({
  template: 'target-trajectory',
  title: '重庆数字经济规模：三种情景与2022年万亿级目标',
  bindings: { indicators: ['de_va'], regions: ['CQ'], scenarios: scenarioIds(service, ['基准', '加速', '保守']), targets: ['A1'] },
});

describe('a target line and the measure it is judged on', () => {
  it('is left out over scenarios on another measure, and the footer says which and why', async () => {
    const { service } = fresh();
    const { data, option } = await resolve(service, earlierTrajectory(service));
    expect(data.series.filter((s) => s.kind === 'target')).toEqual([]);
    expect(JSON.stringify(option.series)).not.toContain('A1目标');
    // In the chart's unit and digits: the 加速 path passes 1万亿元, so the chart reads 万亿元, with the
    // digits that keep each value it draws within 5% (decideUnit).
    expect(footer(option)).toContain('目标“数字经济总量达到万亿级规模”（1.00万亿元，2022年）按信通院广义口径判定，与图中数值的口径（重庆市此前口径）不同，未画出。');

    const en = await resolve(service, { ...earlierTrajectory(service), locale: 'en' });
    expect(footer(en.option)).toContain(
      'Target "Digital economy total reaches the trillion-yuan scale" (1.00 trillion yuan, 2022) is judged on the CAICT broad measure, not the measure of the values drawn (Chongqing earlier measure); its line is not drawn.',
    );
  });

  it('is drawn over the broad-measure scenarios, the measure 万亿级 is judged on', async () => {
    const { service } = fresh();
    const broad = scenarioIds(service, ['广义口径基准（2022年起）', '广义口径加速（2022年起）']);
    const { data } = await resolve(service, { template: 'target-trajectory', title: 'T', bindings: { indicators: ['de_va'], regions: ['CQ'], years: { from: 2022, to: 2027 }, scenarios: broad, targets: ['A1'] } });
    expect(data.series.filter((s) => s.kind === 'target').map((s) => [s.name, s.points])).toEqual([['目标', [{ year: 2022, value: 10000, measure: 'caict-broad' }]]]);
    expect(data.meta.omittedTargets).toEqual([]);
  });

  it("judges a scenario's own target carrying a plan code on that plan target's measure", async () => {
    const { service } = fresh();
    // 基准 carries A1 among its own targets; nothing binds A1 here.
    const { data } = await resolve(service, { template: 'stacked-components', title: 'T', bindings: { scenarios: scenarioIds(service, ['基准']) } });
    expect(data.series.filter((s) => s.kind === 'target')).toEqual([]);
    expect(data.meta.omittedTargets.map((t) => [t.name, t.measure, t.drawn])).toEqual([['数字经济总量达到万亿级规模', 'caict-broad', ['cq-earlier']]]);
  });

  it('is read the same way without running the scenarios (notices, the overview links)', async () => {
    const { service } = fresh();
    const charts = await call<Array<{ id: number }>>(service, 'charts.list', {});
    const planCodes = new Set(service.db.prepare('SELECT code FROM targets').pluck().all() as string[]);
    const specs = [earlierTrajectory(service), ...(await Promise.all(charts.map((c) => call<{ spec: unknown }>(service, 'charts.get', { id: c.id })))).map((c) => c.spec)];
    for (const input of specs) {
      const spec = chartSpecSchema.parse(input);
      const { data } = await resolve(service, spec);
      const evidence = drawnEvidence(service.db, spec);
      expect(evidence.omittedTargets, spec.title).toEqual(data.meta.omittedTargets);
      if (spec.template === 'target-progress') {
        expect(evidence.targets, spec.title).toHaveLength(data.progress.length);
        continue;
      }
      // A line is a plan target's when its id ends in a plan code (a scenario's own target may carry one).
      const codes = data.series.filter((s) => s.kind === 'target').map((s) => s.id.replace(/^target-(\d+-)?/, ''));
      expect([...evidence.targets].sort(), spec.title).toEqual(codes.filter((code) => planCodes.has(code)).sort());
    }
  });
});

describe('a target line says what its target says', () => {
  it('carries the comparator: ≥ for 万亿级, > for 40%以上, ≈ for 总投资约296亿元; the label writes it, in either language', async () => {
    const { service } = fresh();
    const level = await resolve(service, { template: 'target-trajectory', title: 't', bindings: { indicators: ['de_scale'], regions: ['CQ'], targets: ['A1', 'B8'] } });
    const lines = level.data.series.filter((s) => s.kind === 'target');
    expect(lines.map((s) => [s.id, s.comparator])).toEqual([
      ['target-A1', '>='],
      ['target-B8', '≈'],
    ]);
    const share = await resolve(service, { template: 'share-of-gdp', title: 't', locale: 'en', bindings: { indicators: ['de_va_share_gdp'], regions: ['CQ'], targets: ['A2'] } });
    expect(share.data.series.find((s) => s.kind === 'target')).toMatchObject({ id: 'target-A2', comparator: '>' });
    const marks = (share.option.series as Array<{ markLine?: { data: Array<{ yAxis?: number; label: { formatter: () => string } }> } }>)[0]!.markLine!.data;
    expect(marks.find((m) => m.yAxis === 40)!.label.formatter()).toBe('Target: >40.0% (2022, CAICT broad measure)');
  });
});

describe('the starter briefing', () => {
  it('draws no target line over values of another measure, and A1 over the broad measure', async () => {
    const { service } = fresh();
    const charts = await call<Array<{ id: number; name: string }>>(service, 'charts.list', {});
    expect(charts).toHaveLength(9);
    for (const chart of charts) {
      const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id: chart.id });
      const { data } = await resolve(service, spec);
      const values = measured(data.series.filter((s) => s.kind !== 'target'));
      for (const target of data.series.filter((s) => s.kind === 'target')) {
        const p = target.points[0]!;
        expect(otherMeasures({ unit: target.unit, year: p.year, measure: p.measure ?? null }, values), `${chart.name}: ${target.name}`).toEqual([]);
      }
    }
    const { spec } = await starterChart(service, 'target-trajectory');
    const { data } = await resolve(service, spec);
    // Named by what it says (目标：≥1.0万亿元（2022年）, its comparator carried), never by its code.
    expect(data.series.find((s) => s.kind === 'target')).toMatchObject({ id: 'target-A1', name: '目标', comparator: '>=' });
    expect(new Set(data.series.filter((s) => s.kind !== 'target').flatMap((s) => s.points.map((p) => p.measure)))).toEqual(new Set(['caict-broad']));
  });

  it('names the measure of the values each chart draws in its title, subtitle or footnote', async () => {
    const { service } = fresh();
    for (const chart of await call<Array<{ id: number; name: string }>>(service, 'charts.list', {})) {
      const { spec: input } = await call<{ spec: unknown }>(service, 'charts.get', { id: chart.id });
      const { spec, data } = await resolve(service, input);
      const text = [spec.title, spec.subtitle, spec.footnote].join('\n');
      const names = drawnMeasures(data);
      expect(names.length, chart.name).toBeGreaterThan(0);
      for (const name of names) expect(text, `${chart.name} names ${name}`).toContain(name);
    }
    // The tornado's result says its measure on the chart itself too.
    const { spec } = await starterChart(service, 'tornado');
    const { data } = await resolve(service, spec);
    expect(data.bars).toMatchObject({ kind: 'tornado', baseLabel: '2022年数字经济规模（基准，重庆市此前口径）' });
  });

  it('shows 2020 of the waterfall as ≥6000.0亿元 (the digit every label of the chart has), the lower bound its scenario starts from, in the chart and its SVG', async () => {
    const { service } = fresh();
    const { spec } = await starterChart(service, 'contribution-waterfall');
    const { data, option } = await resolve(service, spec);
    const first = data.bars?.kind === 'waterfall' ? data.bars.steps[0] : undefined;
    expect(first).toMatchObject({ label: '2020年', value: 6000, bound: 'lower' });
    const totals = (option.series as Array<{ name?: string; label?: { formatter?: (p: { dataIndex: number }) => string } }>).find((s) => s.name === '合计')!;
    expect(totals.label!.formatter!({ dataIndex: 0 })).toBe('≥6000.0亿元');
    expect(((option.tooltip as { formatter: (p: unknown) => string }).formatter)([{ dataIndex: 0 }])).toContain('≥6000.0亿元');
    expect(footer(option)).toContain('基准情景的基数为2020年的下限值≥6000.0亿元。');
    const svg = Buffer.from((await call<ExportedFile>(service, 'export.chart', { spec, format: 'svg' })).base64, 'base64').toString('utf8');
    expect(svg).toContain('≥6000.0亿元');
  });

  it('says which releases its regional GDP chart draws: 四川 2022 is the final verification', async () => {
    const { service } = fresh();
    const { spec } = await starterChart(service, 'regional-comparison');
    const { spec: parsed, data } = await resolve(service, spec);
    const sichuan = data.series.find((s) => s.region === '四川省')!;
    expect(sichuan.points.find((p) => p.year === 2022)?.value).toBe(56610.2);
    expect(parsed.subtitle).not.toContain('初步核算');
    expect(parsed.footnote).toContain('四川2022年为最终核实数');
  });
});

describe('a chart saved before the target-line rule', () => {
  /** A workspace holding the old trajectory (and a share chart that draws its targets), saved before the rule. */
  function upgraded(): { service: WorkbenchService; old: number; share: number } {
    const { service, dataDir } = fresh();
    const save = (spec: unknown) => Number((service.db.prepare("INSERT INTO charts (name, spec, created_at, updated_at) VALUES ('旧图', ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')").run(JSON.stringify(chartSpecSchema.parse(spec))).lastInsertRowid));
    const old = save(earlierTrajectory(service));
    const share = save({ template: 'share-of-gdp', title: '占比', bindings: { indicators: ['de_va_share_gdp'], regions: ['CQ'], targets: ['A2'] } });
    // As a workspace made before this rule: it has not yet looked at its saved charts.
    service.db.prepare("DELETE FROM settings WHERE key = 'notice.targetMeasureRule'").run();
    service.close();
    opened.pop();
    const again = WorkbenchService.open({ dataDir, mode: 'cli', appVersion: 'test' }, path.join(dataDir, 'ws.sqlite'));
    opened.push(again);
    return { service: again, old, share };
  }

  it('says why its target line is no longer drawn, until dismissed; charts it did not change say nothing', async () => {
    const { service, old, share } = upgraded();
    const notices = await call<ChartNotice[]>(service, 'charts.notices', { id: old });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.messageZh).toContain('不再画出');
    expect(notices[0]!.messageEn).toContain('no longer drawn');
    expect(await call(service, 'charts.notices', { id: share })).toEqual([]);
    const list = await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {});
    expect(list.find((c) => c.id === old)?.notices).toBe(1);

    expect(await call(service, 'charts.dismissNotice', { id: old, noticeId: notices[0]!.id })).toEqual([]);
    expect(await call(service, 'charts.notices', { id: old })).toEqual([]);
  });

  it('is not told once saved again, nor is a chart saved after the rule', async () => {
    const { service, old } = upgraded();
    const { spec } = await call<{ spec: unknown }>(service, 'charts.get', { id: old });
    await call(service, 'charts.save', { id: old, spec });
    expect(await call(service, 'charts.notices', { id: old })).toEqual([]);
    const later = await call<{ id: number }>(service, 'charts.save', { spec: earlierTrajectory(service) });
    expect(await call(service, 'charts.notices', { id: later.id })).toEqual([]);
  });

  it('a new workspace records no such notice: its charts were drawn under the rule from the start', async () => {
    const { service } = fresh();
    expect(service.db.prepare("SELECT value FROM settings WHERE key = 'notice.targetMeasureRule'").pluck().get()).toBe('');
    expect(service.db.prepare('SELECT count(*) FROM data_notices').pluck().get()).toBe(0);
    for (const chart of await call<Array<{ id: number; notices?: number }>>(service, 'charts.list', {})) expect(chart.notices ?? 0).toBe(0);
  });
});
