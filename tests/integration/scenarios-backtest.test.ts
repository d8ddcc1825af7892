import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { ScenarioBacktest } from '../../shared/api/scenarios-contract';
import { runCli } from '../helpers/cli';
import { tempDir, tempService } from '../helpers/temp';

async function ok<T>(call: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await call;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

// Hand-computed from the seeded baseline (2020 base: GDP 25002.79 at 6.5% a year; 1500 + 4500 at 16%)
// and the seeded published figures (重庆 GDP 2021-2024; share 27.2% in 2021, 45.4% in 2022).
const gdp2021 = 25002.79 * 1.065;
const gdpErrors = [
  [2021, 27894.02],
  [2022, 29129.03],
  [2023, 30145.79],
  [2024, 32193.15],
].map(([year, actual]) => (100 * (25002.79 * 1.065 ** (year! - 2020) - actual!)) / actual!);
const share2021 = (100 * 6000 * 1.16) / gdp2021;

describe('scenarios.backtest', () => {
  it('scores GDP and the 2021 share against the published figures and does not score across the 2022 definition break', async () => {
    const { service } = tempService();
    const result = await ok<ScenarioBacktest>(dispatch(service, 'scenarios.backtest', { id: 1 }));
    expect(result).toMatchObject({ scenario: '基准', baseYear: 2020, horizon: 2027 });

    const gdp = result.series.find((s) => s.metric === 'gdp')!;
    const y2021 = gdp.points.find((p) => p.year === 2021)!;
    expect(y2021.projected).toBeCloseTo(gdp2021, 6);
    expect(y2021.error).toBeCloseTo(gdp2021 - 27894.02, 6);
    expect(y2021.percentError).toBeCloseTo(-4.5388, 3);
    expect(gdp.points.find((p) => p.year === 2018)!.status).toBe('outside-horizon');
    expect(gdp.points.find((p) => p.year === 2020)!.status).toBe('base-year');
    expect(gdp.scored).toBe(4);
    expect(gdp.mape).toBeCloseTo(gdpErrors.reduce((a, e) => a + Math.abs(e), 0) / 4, 9);
    expect(gdp.breaks).toEqual([]);

    const share = result.series.find((s) => s.metric === 'share')!;
    // Scored on the scenario's own measure, the city's earlier one; 2022's 45.4% is on the broad measure.
    expect(result.measure).toBe('cq-earlier');
    expect(share.measure).toBe('cq-earlier');
    // One indicator on one measure: 2022's 45.4% (broad measure) is named as the break, never set against the projection.
    expect(share.indicator).toBe('de_va_share_gdp');
    expect(share.breaks).toEqual([{ year: 2022, from: 'cq-earlier', to: 'caict-broad', indicator: 'de_va_share_gdp', figures: [{ year: 2022, value: 45.4, bound: 'exact' }] }]);
    // The projection grows from "超6000亿元", a lower bound, so it is one too: ≥26.14% in 2021. The exact
    // 27.2% is at or above it, the bound holds, and nothing is scored (the 45.4% of 2022 is another measure).
    expect(share.points.map((p) => [p.year, p.actual, p.bound, p.projectedBound, p.status])).toEqual([
      [2020, 25, 'lower', 'lower', 'base-year'],
      [2021, 27.2, 'exact', 'lower', 'within-bound'],
    ]);
    expect(share.points[1]!.projected).toBeCloseTo(share2021, 9);
    expect(share.points[1]).toMatchObject({ error: null, percentError: null });
    expect(share.scored).toBe(0);
    expect(share.mape).toBeNull();
    expect(result.evaluation.series.find((s) => s.metric === 'share')!.rows[0]).toMatchObject({ year: 2021, projectedBound: 'lower', verdict: 'bound-met' });
    // GDP grows from an exact published figure: its projections are exact.
    expect(y2021.projectedBound).toBe('exact');

    // The total: the sources chain 数字经济增加值 (the city's measure, to 2021) with 数字经济规模 (CAICT's, from
    // 2022). The backtest compares within 数字经济增加值 only and names where the figures go on as 数字经济规模.
    const total = result.series.find((s) => s.metric === 'total')!;
    expect(total).toMatchObject({ measure: 'cq-earlier', indicator: 'de_va', scored: 0, mape: null });
    // "超6000亿元" is a lower bound, and carried as such; only published figures take part (the derived de_va of 2021 and 2022 are left out).
    expect(total.points.map((p) => [p.year, p.actual, p.bound, p.status, p.indicator, p.region])).toEqual([[2020, 6000, 'lower', 'base-year', 'de_va', 'CQ']]);
    expect(total.breaks).toEqual([{ year: 2022, from: 'cq-earlier', to: 'caict-broad', indicator: 'de_scale', figures: [{ year: 2022, value: 10000, bound: 'lower' }] }]);
    // Every code the points use comes with its names, for the screens and the CLI to show.
    expect(result.names.measures.map((m) => m.code).sort()).toEqual(['caict-broad', 'cq-earlier', 'standard']);
    expect(result.names.measures.find((m) => m.code === 'caict-broad')).toEqual({ code: 'caict-broad', nameZh: '信通院广义口径', nameEn: 'CAICT broad measure' });
    expect(result.names.indicators.find((i) => i.code === 'gdp')).toMatchObject({ nameZh: '地区生产总值' });
    expect(result.names.indicators.find((i) => i.code === 'de_scale')).toMatchObject({ nameZh: '数字经济规模' });
    expect(result.names.regions).toEqual([expect.objectContaining({ code: 'CQ', nameZh: '重庆' })]);
    expect(result.scenarioEn).toBe('baseline');
    service.close();
  });

  it('scores a broad-measure scenario on the broad measure only', async () => {
    const { service } = tempService();
    const result = await ok<ScenarioBacktest>(dispatch(service, 'scenarios.backtest', { id: 4 }));
    expect(result.measure).toBe('caict-broad');
    const share = result.series.find((s) => s.metric === 'share')!;
    expect(share.measure).toBe('caict-broad');
    expect(share.points.every((p) => p.definition === 'caict-broad')).toBe(true);
    service.close();
  });

  it('says when a scenario names no figures to compare with', async () => {
    const { service } = tempService();
    const got = await ok<{ definition: Record<string, unknown> }>(dispatch(service, 'scenarios.get', { id: 1 }));
    const { backtest: _dropped, ...definition } = got.definition;
    const saved = await ok<{ id: number }>(dispatch(service, 'scenarios.save', { definition: { ...definition, name: '无回测来源' } }));
    const outcome = await dispatch(service, 'scenarios.backtest', { id: saved.id });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('scenario.noBacktestSources');
      expect(outcome.error.message).toContain('无回测来源');
    }
    service.close();
  });

  it('refuses a backtest source with a bad field, naming it', async () => {
    const { service } = tempService();
    const got = await ok<{ definition: { backtest: { sources: Array<Record<string, unknown>> } } }>(dispatch(service, 'scenarios.get', { id: 1 }));
    const bad = structuredClone(got.definition);
    bad.backtest.sources[1]!.componentId = 'nowhere';
    const outcome = await dispatch(service, 'scenarios.save', { id: 1, definition: bad });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.params).toMatchObject({ path: 'backtest.sources[1].componentId' });
    expect((await ok<{ version: number }>(dispatch(service, 'scenarios.get', { id: 1 }))).version).toBe(1);
    service.close();
  });
});

describe('scenarios.latestActuals', () => {
  it('gives the latest annual actual of each indicator and region, null where there is none', async () => {
    const { service } = tempService();
    const found = await ok<unknown[]>(
      dispatch(service, 'scenarios.latestActuals', {
        refs: [
          { indicator: 'gdp', region: 'CQ' },
          { indicator: 'de_va', region: 'CQ' },
          { indicator: 'nothing', region: 'CQ' },
        ],
      }),
    );
    // de_va's latest actual is 2020's 6000, a lower bound (超6000亿元) on the city's earlier measure; the 2021
    // and 2022 figures are derived, not published.
    expect(found).toMatchObject([
      { indicator: 'gdp', region: 'CQ', year: 2024, value: 32193.15, bound: 'exact' },
      { indicator: 'de_va', region: 'CQ', year: 2020, value: 6000, bound: 'lower', measure: 'cq-earlier' },
      null,
    ]);
    service.close();
  });
});

describe('workbench scenario backtest', () => {
  it('prints the engine result as JSON, and a table with the break in text', () => {
    const dataDir = tempDir();
    const json = runCli(['scenario', 'backtest', '1', '--json'], dataDir);
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout) as ScenarioBacktest;
    expect(result.series.find((s) => s.metric === 'share')!.breaks[0]!.year).toBe(2022);
    const text = runCli(['scenario', 'backtest', '1'], dataDir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('数字经济占GDP比重（按重庆市此前口径计分）— 无可计分年份');
    // 2021: the exact 27.2% against the projected ≥26.14%, a lower bound that holds.
    expect(text.stdout).toMatch(/2021\s+27\.2%\s+≥26\.14%\s+—\s+符合界限，无误差/);
    // The broad-measure figures of 2022: named with the break, no projection beside them and no error.
    expect(text.stdout).toContain('口径变化：自2022年起，数字经济增加值占GDP比重（重庆）按“信通院广义口径”公布（2022年：45.4%），与本序列的“重庆市此前口径”不可比，不作比较');
    expect(text.stdout).toContain('口径变化：自2022年起，数字经济规模按“信通院广义口径”公布（2022年：≥1万亿元）');
    expect(text.stdout).not.toContain('28.47%');
    // The base year's projection is the lower bound the scenario starts from.
    expect(text.stdout).toMatch(/2020\s+≥6000亿元\s+≥6000亿元/);
    expect(text.stdout).not.toMatch(/caict-broad|cq-earlier|de_va|\bCQ\b|gdp\//);
    const en = runCli(['scenario', 'backtest', '1', '--lang', 'en'], dataDir);
    expect(en.stdout).toContain('baseline: backtest from 2020');
    expect(en.stdout).toContain('Change of measure: from 2022, Digital economy, scale (CAICT broad measure) is published on the “CAICT broad measure” (2022: ≥1 trillion yuan)');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
