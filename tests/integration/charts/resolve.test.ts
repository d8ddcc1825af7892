// The resolver against the sample data of a fresh workspace: every template gets the figures the
// workspace holds (read back with SQL here), the definition break, the basis of derived figures, the
// scenario engine's numbers for projections, and a located error for a binding that names nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAN_DRAWS, FAN_SEED } from '../../../electron/backend/charts/resolve-data';
import { runScenario, scenarioDefinition, sensitivityScenario } from '../../../electron/backend/scenarios/store';
import type { WorkbenchService } from '../../../electron/backend/service';
import { buildOption } from '../../../shared/charts/build-option';
import { chartDataSchema, type ChartData } from '../../../shared/charts/data';
import { chartSpecSchema } from '../../../shared/charts/spec';
import { tempService } from '../../helpers/temp';
import { call, callError } from './support';

let service: WorkbenchService;
let baseline: string;
beforeAll(() => {
  service = tempService().service;
  baseline = String((service.db.prepare("SELECT id FROM scenarios WHERE name = '基准'").get() as { id: number }).id);
});
afterAll(() => service.close());

interface StoredFigure {
  year: number;
  value: number;
  bound: string;
  measure: string;
  released: string;
  releaseLabel: string;
  source: string;
}

/** The stored figures with their bound, measure (the observation's own, else its indicator's), latest release and source. */
function figures(indicator: string, region: string): StoredFigure[] {
  return service.db
    .prepare(
      `SELECT o.year, o.value, o.bound, COALESCE(o.measure, i.measure) AS measure, o.released, o.release_label AS releaseLabel, o.source
       FROM observations o JOIN indicators i ON i.code = o.indicator
       WHERE o.indicator = ? AND o.region = ? AND o.period = CAST(o.year AS TEXT) ORDER BY o.year`,
    )
    .all(indicator, region) as StoredFigure[];
}

async function resolve(spec: Record<string, unknown>): Promise<ChartData> {
  const data = await call<ChartData>(service, 'charts.data', { spec: { title: 'T', ...spec } });
  // The data must parse as ChartData and draw with its template, as the preview and exports do.
  const parsed = chartDataSchema.parse(data);
  expect(() => buildOption(chartSpecSchema.parse({ title: 'T', ...spec }), parsed)).not.toThrow();
  return parsed;
}

describe('charts.data per template', () => {
  it('target-trajectory: actuals as stored with the break, scenario paths from the engine, the bound target', async () => {
    const data = await resolve({ template: 'target-trajectory', bindings: { indicators: ['de_va'], regions: ['CQ'], scenarios: [baseline], targets: ['A1'] } });
    const actual = data.series.find((s) => s.kind === 'actual')!;
    expect(actual.points).toEqual(figures('de_va', 'CQ'));
    expect(actual).toMatchObject({ unit: '亿元', region: '重庆', basis: 'derived', breaksBefore: [2022] });
    const projection = data.series.find((s) => s.kind === 'projection')!;
    const { projection: run } = runScenario(service.db, Number(baseline), 'zh');
    // The base year is the actual 2020 figure, so the dashed path starts the year after.
    expect(projection.points.map(({ year, value }) => ({ year, value }))).toEqual(run.years.slice(1).map((year, t) => ({ year, value: run.total.values[t + 1] })));
    // The path is on the scenario's measure, when the scenario states one.
    expect(new Set(projection.points.map((p) => p.measure))).toEqual(new Set([scenarioDefinition(service.db, Number(baseline)).measure]));
    expect(projection).toMatchObject({ basis: 'derived', scenarioId: baseline, region: '重庆' });
    // Projections are no release: they carry none, and no point of this path is the scenario's base.
    expect(projection.points.some((p) => p.released !== undefined || p.source !== undefined || p.base)).toBe(false);
    // A1 is judged on the broad measure; in 2022 the path it would be read against is on the city's
    // earlier one, so its line is left out and named for the footer.
    expect(data.series.filter((s) => s.kind === 'target')).toEqual([]);
    expect(data.meta.omittedTargets).toEqual([{ name: '数字经济总量达到万亿级规模', unit: '亿元', value: 10000, year: 2022, measure: 'caict-broad', drawn: ['cq-earlier'] }]);
    // The scenario starts from 6000 of "超6000亿元": a lower bound.
    expect(data.meta.boundedBases).toEqual([{ scenario: '基准', year: 2020, value: 6000, unit: '亿元', bound: 'lower' }]);
    expect(data.meta.scenarios).toEqual([{ id: baseline, name: '基准', version: 1 }]);
    expect(data.meta.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('share-of-gdp: 重庆 27.2% and 45.4% kept apart by the definition break; 全国 as published', async () => {
    const data = await resolve({ template: 'share-of-gdp', bindings: { indicators: ['de_va_share_gdp', 'de_share_gdp'], regions: ['CQ', 'CN'], targets: ['A2'] } });
    const cq = data.series.find((s) => s.region === '重庆')!;
    expect(cq.name).toBe('重庆');
    expect(cq.points.filter((p) => p.year >= 2021)).toEqual(figures('de_va_share_gdp', 'CQ').filter((f) => f.year >= 2021));
    expect(cq.points.filter((p) => p.year >= 2021).map((p) => [p.value, p.measure])).toEqual([
      [27.2, 'cq-earlier'],
      [45.4, 'caict-broad'],
    ]);
    expect(cq.breaksBefore).toEqual([2022]);
    expect(cq.basis).toBe('published');
    const cn = data.series.find((s) => s.region === '全国')!;
    expect(cn.points).toEqual(figures('de_share_gdp', 'CN'));
    expect(cn.breaksBefore).toEqual([]);
    expect(data.series.filter((s) => s.kind === 'target').map((s) => s.points[0])).toContainEqual({ year: 2022, value: 40, measure: 'caict-broad' });
  });

  it('years clip the figures, and a break outside the range is not reported', async () => {
    const data = await resolve({ template: 'share-of-gdp', bindings: { indicators: ['de_va_share_gdp'], regions: ['CQ'], years: { from: 2020, to: 2021 } } });
    expect(data.series[0]!.points.map((p) => p.year)).toEqual([2020, 2021]);
    expect(data.series[0]!.breaksBefore).toEqual([]);
  });

  it('scenario-fan: seeded Monte Carlo bands and the median', async () => {
    const data = await resolve({ template: 'scenario-fan', bindings: { indicators: ['de_va'], regions: ['CQ'], scenarios: [baseline] } });
    const { monteCarlo } = runScenario(service.db, Number(baseline), 'zh', { draws: FAN_DRAWS, seed: FAN_SEED });
    const wide = data.bands.find((b) => b.lower === 5 && b.upper === 95)!;
    expect(wide.points.map((p) => [p.low, p.high])).toEqual(monteCarlo!.total.p5.map((low, t) => [low, monteCarlo!.total.p95[t]]));
    expect(data.bands.find((b) => b.lower === 25)!.points.at(-1)!.high).toBe(monteCarlo!.total.p75.at(-1));
    expect(data.series.find((s) => s.kind === 'projection')!.points.at(-1)!.value).toBe(monteCarlo!.total.p50.at(-1));
    // The scenario's own target A1 (10000 亿元 by 2022) is the plan's A1, judged on the broad measure:
    // not drawn over a fan on the city's earlier one.
    expect(data.series.filter((s) => s.kind === 'target')).toEqual([]);
    expect(data.meta.omittedTargets.map((t) => [t.name, t.measure, t.drawn])).toEqual([['数字经济总量达到万亿级规模', 'caict-broad', ['cq-earlier']]]);
  });

  it('tornado: the engine sensitivity at the range end year, drivers named, no-effect drivers left out', async () => {
    const data = await resolve({ template: 'tornado', bindings: { indicators: ['de_va'], scenarios: [baseline], years: { from: 2020, to: 2022 } } });
    const result = sensitivityScenario(service.db, Number(baseline), 'total', 2022);
    expect(data.bars).toMatchObject({ kind: 'tornado', unit: '亿元', base: result.output.base, basis: 'derived', baseLabel: '2022年数字经济规模（基准，重庆市此前口径）', measure: 'cq-earlier' });
    const bars = data.bars!.kind === 'tornado' ? data.bars!.items : [];
    expect(bars.map((b) => b.label)).toEqual(result.bars.filter((b) => b.swing > 0).map((b) => (b.driver === 'uplift' ? '各部分增速统一上调' : b.label)));
    expect(bars.map((b) => b.label)).not.toContain('GDP增速');
    expect(bars[0]!.lowInput).toMatch(/%$/);
  });

  it('stacked-components: the scenario components, their sum the engine total', async () => {
    const data = await resolve({ template: 'stacked-components', bindings: { scenarios: [baseline] } });
    const { projection } = runScenario(service.db, Number(baseline), 'zh');
    const parts = data.series.filter((s) => s.kind === 'projection');
    expect(parts.map((s) => s.name)).toEqual(['数字产业化', '产业数字化']);
    projection.years.forEach((year, t) => {
      const sum = parts.reduce((a, s) => a + s.points.find((p) => p.year === year)!.value!, 0);
      expect(sum).toBeCloseTo(projection.total.values[t]!, 6);
    });
    expect(parts.every((s) => s.basis === 'illustrative')).toBe(true);
    // No actual part has 2020: the parts' 2020 points are the base the scenario starts from, marked so.
    expect(parts.map((s) => s.points.filter((p) => p.base).map((p) => p.year))).toEqual([[2020], [2020]]);
  });

  it('contribution-waterfall: start total plus component changes is the end total', async () => {
    const data = await resolve({ template: 'contribution-waterfall', bindings: { scenarios: [baseline], years: { from: 2020, to: 2025 } } });
    const steps = data.bars!.kind === 'waterfall' ? data.bars!.steps : [];
    expect(steps.map((s) => [s.label, s.role])).toEqual([
      ['2020年', 'total'],
      ['数字产业化', 'delta'],
      ['产业数字化', 'delta'],
      ['2025年', 'total'],
    ]);
    expect(steps[0]!.value).toBe(6000);
    expect(steps[0]!.projection).toBe(false);
    // The base is 6000 of "超6000亿元", so the first total is a lower bound, and so is the last, projected from it.
    expect(steps.map((s) => s.bound)).toEqual(['lower', undefined, undefined, 'lower']);
    expect(data.bars).toMatchObject({ measure: 'cq-earlier' });
    expect(steps[0]!.value + steps[1]!.value + steps[2]!.value).toBeCloseTo(steps[3]!.value, 6);
    expect(steps[3]!.value).toBe(runScenario(service.db, Number(baseline), 'zh').projection.total.values[5]);
  });

  it('regional-comparison: one series per region named by region, figures as stored', async () => {
    const data = await resolve({ template: 'regional-comparison', bindings: { indicators: ['gdp'], regions: ['CQ', 'SC', 'CD', 'CN'] } });
    expect(data.series.map((s) => s.name)).toEqual(['重庆', '四川省', '成都市', '全国']);
    for (const [i, code] of ['CQ', 'SC', 'CD', 'CN'].entries()) expect(data.series[i]!.points).toEqual(figures('gdp', code));
    expect(data.series.find((s) => s.name === '成都市')!.points.some((p) => p.year === 2022)).toBe(false);
  });

  it('indicator-series: two units, named by indicator, in English when the spec is', async () => {
    const data = await resolve({ template: 'indicator-series', locale: 'en', bindings: { indicators: ['de_scale', 'de_share_gdp'], regions: ['CN'] } });
    expect(data.series.map((s) => [s.name, s.unit])).toEqual([
      ['Digital economy, scale (CAICT broad measure)', '亿元'],
      ['Digital economy, share of GDP (CAICT broad measure)', '%'],
    ]);
    expect(data.series[0]!.points).toEqual(figures('de_scale', 'CN'));
  });

  it('target-progress: latest figure of the measuring indicator, no baseline across a break, no data as null', async () => {
    const data = await resolve({ template: 'target-progress', bindings: { indicators: ['de_scale', 'de_va_share_gdp'], regions: ['CQ'], targets: ['A1', 'A2', 'A3'] } });
    const release = (f: StoredFigure | undefined) => ({ released: f!.released, releaseLabel: f!.releaseLabel, source: f!.source });
    expect(data.progress).toEqual([
      // 超过1万亿元: a lower bound, on the broad measure A1 is judged on.
      {
        label: '数字经济总量达到万亿级规模',
        unit: '亿元',
        target: 10000,
        deadline: 2022,
        actual: 10000,
        actualYear: 2022,
        baseline: null,
        basis: 'published',
        bound: 'lower',
        measure: 'caict-broad',
        ...release(figures('de_scale', 'CQ').find((f) => f.year === 2022)),
        // The comparator, status and path as the monitor states them.
        comparator: '>=',
        status: 'met',
        pathValue: null,
      },
      {
        label: '数字经济占GDP比重达到40%以上',
        unit: '%',
        target: 40,
        deadline: 2022,
        actual: 45.4,
        actualYear: 2022,
        baseline: null,
        basis: 'published',
        bound: 'exact',
        measure: 'caict-broad',
        ...release(figures('de_va_share_gdp', 'CQ').find((f) => f.year === 2022)),
        comparator: '>',
        status: 'met',
        pathValue: null,
      },
      { label: '培育数字经济龙头企业', unit: '家', target: 100, deadline: 2022, actual: null, actualYear: null, baseline: null, basis: 'published', comparator: '>=', status: 'no-data', pathValue: null },
    ]);
    expect(data.progress[1]).toMatchObject({ released: '2023-12-13', releaseLabel: '《行动计划》指标表' });
  });

  it('carries the illustrative basis of illustrative figures', async () => {
    service.db
      .prepare("INSERT INTO observations (indicator, region, period, year, value, unit, status, source) VALUES ('de_digital_industrialisation', 'CQ', ?, ?, ?, '亿元', 'illustrative', '测试示意')")
      .run('2021', 2021, 1700);
    const data = await resolve({ template: 'indicator-series', bindings: { indicators: ['de_digital_industrialisation'], regions: ['CQ'] } });
    expect(data.series[0]).toMatchObject({ basis: 'illustrative', points: [{ year: 2021, value: 1700, bound: 'exact', measure: 'caict-broad', source: '测试示意' }] });
  });
});

describe('charts.data errors and sources', () => {
  it('names a binding that the workspace does not hold', async () => {
    const indicator = await callError(service, 'charts.data', { spec: { template: 'indicator-series', title: 'T', bindings: { indicators: ['gdp', 'nope'] } } });
    expect(indicator).toMatchObject({ code: 'chart.unknownIndicator', message: 'bindings.indicators[1]：工作区中没有指标 nope' });
    const scenario = await callError(service, 'charts.data', { spec: { template: 'scenario-fan', title: 'T', bindings: { scenarios: ['999'] } } });
    expect(scenario).toMatchObject({ code: 'chart.unknownScenario', params: { path: 'bindings.scenarios[0]', id: '999' } });
    const two = await callError(service, 'charts.data', { spec: { template: 'tornado', title: 'T', bindings: { scenarios: [baseline, baseline] } } });
    expect(two.code).toBe('chart.oneScenario');
    const none = await callError(service, 'charts.data', { spec: { template: 'contribution-waterfall', title: 'T' } });
    expect(none.code).toBe('chart.needsScenario');
    expect((await callError(service, 'charts.data', { spec: { template: 'target-progress', title: 'T', bindings: { targets: ['Z9'] } } })).code).toBe('chart.unknownTarget');
  });

  it('lists what can be bound', async () => {
    const sources = await call<{ indicators: Array<{ code: string; unit: string }>; regions: Array<{ code: string }>; scenarios: Array<{ name: string }>; targets: Array<{ code: string }>; years: { from: number; to: number } }>(
      service,
      'charts.sources',
      {},
    );
    expect(sources.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['gdp', 'de_va', 'de_share_gdp']));
    expect(sources.indicators.map((i) => i.code)).not.toContain('DE_TOTAL');
    expect(sources.regions.map((r) => r.code).sort()).toEqual(['CD', 'CN', 'CQ', 'SC']);
    expect(sources.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['基准', '加速', '保守']));
    expect(sources.targets.map((t) => t.code)).toContain('A1');
    expect(sources.targets.map((t) => t.code)).not.toContain('B1');
    const span = service.db.prepare('SELECT min(year) AS f, max(year) AS t FROM observations').get() as { f: number; t: number };
    expect(sources.years).toEqual({ from: span.f, to: span.t });
  });
});
