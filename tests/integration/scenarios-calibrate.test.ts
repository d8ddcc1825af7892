import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { ScenarioBacktest, ScenarioCalibration } from '../../shared/api/scenarios-contract';
import { runCli } from '../helpers/cli';
import { tempDir, tempService } from '../helpers/temp';

async function ok<T>(call: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await call;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

const meanSd = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) };
};

describe('scenarios.calibrate', () => {
  it("suggests GDP growth from 重庆's published GDP within one vintage: 2021 left out, its year before being a release known to be revised", async () => {
    const { service } = tempService();
    const result = await ok<ScenarioCalibration>(dispatch(service, 'scenarios.calibrate', { id: 1 }));
    const gdp = result.drivers.find((d) => d.driver === 'gdp')!;
    // 23605.77 / 21588.80 (2018 after the census revision), 25002.79 / 23605.77, then 2022-2024 on 2021's base.
    const growth = [
      [2019, 23605.77 / 21588.8],
      [2020, 25002.79 / 23605.77],
      [2022, 29129.03 / 27894.02],
      [2023, 30145.79 / 29129.03],
      [2024, 32193.15 / 30145.79],
    ].map(([, r]) => Math.round(10000 * (r! - 1)) / 100);
    expect(gdp.used.map((u) => u.year)).toEqual([2019, 2020, 2022, 2023, 2024]);
    expect(gdp.used.map((u) => u.value)).toEqual(growth);
    expect(gdp.excluded).toEqual([{ year: 2021, reason: 'revision' }]);
    const { mean, sd } = meanSd(growth);
    expect(gdp).toMatchObject({ status: 'suggested', measure: { code: 'standard' }, link: { indicator: { code: 'gdp' }, region: { code: 'CQ' }, via: 'backtest' } });
    expect(gdp.suggestion).toEqual({ kind: 'normal', mean: Math.round(mean * 100) / 100, sd: Math.round(sd * 100) / 100 });
    // The components of the 2020 scenarios name no source: nothing to calibrate from.
    expect(result.drivers.filter((d) => d.driver !== 'gdp').map((d) => d.status)).toEqual(['no-link', 'no-link']);
  });

  it('uses only the run after a change of measure, leaves the growth touching a bound out, and says when too few remain', async () => {
    const { service } = tempService();
    const insert = service.db.prepare("INSERT INTO observations (indicator, region, period, year, value, unit, status, measure, bound, source) VALUES ('de_scale', 'SC', ?, ?, ?, '亿元', 'actual', ?, ?, 'test')");
    const rows: Array<[number, number, string, string]> = [
      [2016, 100, 'cq-earlier', 'exact'],
      [2017, 150, 'cq-earlier', 'exact'],
      [2018, 200, 'caict-broad', 'exact'],
      [2019, 220, 'caict-broad', 'exact'],
      [2020, 240, 'caict-broad', 'lower'],
      [2021, 270, 'caict-broad', 'exact'],
      [2022, 297, 'caict-broad', 'exact'],
      [2023, 320.76, 'caict-broad', 'exact'],
    ];
    for (const [year, value, measure, bound] of rows) insert.run(String(year), year, value, measure, bound);
    const { definition } = await ok<{ definition: { components: Array<Record<string, unknown>> } }>(dispatch(service, 'scenarios.get', { id: 4 }));
    definition.components[0]!.baseSource = { indicator: 'de_scale', region: 'SC', year: 2022 };
    const saved = await ok<{ id: number }>(dispatch(service, 'scenarios.save', { definition }));
    const result = await ok<ScenarioCalibration>(dispatch(service, 'scenarios.calibrate', { id: saved.id, driver: 'digital-economy' }));
    expect(result.drivers).toHaveLength(1);
    const de = result.drivers[0]!;
    // 2017's +50% is on the earlier measure: not used. 2020 (≥240) is a bound: 2020 and 2021 are left out.
    expect(de).toMatchObject({ breakYear: 2018, measureBefore: { code: 'cq-earlier' }, measure: { code: 'caict-broad' }, link: { via: 'base' } });
    expect(de.used).toEqual([
      { year: 2019, value: 10, approx: false },
      { year: 2022, value: 10, approx: false },
      { year: 2023, value: 8, approx: false },
    ]);
    expect(de.excluded).toEqual([
      { year: 2020, reason: 'bound' },
      { year: 2021, reason: 'bound' },
    ]);
    expect(de.suggestion).toEqual({ kind: 'normal', mean: 9.33, sd: 1.15 });

    // As known before 2023's figure: two values, no suggestion.
    service.db.prepare("UPDATE observations SET released = '2024-03-01' WHERE indicator = 'de_scale' AND region = 'SC' AND year = 2023").run();
    const earlier = await ok<ScenarioCalibration>(dispatch(service, 'scenarios.calibrate', { id: saved.id, driver: 'digital-economy', asOf: '2023-12-31' }));
    expect(earlier).toMatchObject({ asOf: '2023-12-31', drivers: [{ status: 'too-few', suggestion: null, used: [{ year: 2019 }, { year: 2022 }] }] });
  });

  it('prints the suggestion with its years, count and measure by name on the CLI, and refuses an unknown driver', () => {
    const dataDir = tempDir();
    const out = runCli(['--lang', 'zh', 'scenario', 'calibrate', '1', '--driver', 'gdp'], dataDir);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/GDP增速：均值 5\.99%，标准差 2\.27%（2019—2024年，5个年增长，.+口径）/);
    expect(out.stdout).toContain('不计：2021年（上年数据已知被修订，不跨数据版本计算）');
    expect(out.stdout).not.toMatch(/\bCQ\b|standard/);
    const bad = runCli(['scenario', 'calibrate', '1', '--driver', 'nope', '--json'], dataDir);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('engine.unknown_driver');
  });
});

describe('forecast evaluation of the starting scenarios', () => {
  it('scores the baseline by horizon against the latest releases: GDP exact, the 2020 share a lower bound, broad-measure years a break', async () => {
    const { service } = tempService();
    const { evaluation } = await ok<ScenarioBacktest>(dispatch(service, 'scenarios.backtest', { id: 1 }));
    const gdp = evaluation.series.find((s) => s.metric === 'gdp')!;
    expect(gdp.rows.map((r) => [r.horizon, r.year, r.verdict])).toEqual([
      [1, 2021, 'scored'],
      [2, 2022, 'scored'],
      [3, 2023, 'scored'],
      [4, 2024, 'scored'],
    ]);
    const h1 = 25002.79 * 1.065 - 27894.02;
    expect(gdp.horizons[0]).toMatchObject({ horizon: 1, count: 1, mae: expect.closeTo(Math.abs(h1), 6), mape: expect.closeTo((100 * Math.abs(h1)) / 27894.02, 6) });
    const share = evaluation.series.find((s) => s.metric === 'share')!;
    expect(share.rows.find((r) => r.year === 2022)).toMatchObject({ horizon: 2, verdict: 'break', measure: 'caict-broad', projected: null });
    expect(share.horizons.find((h) => h.horizon === 2)).toEqual({ horizon: 2, count: 0, mae: null, mape: null });
  });

  it('evaluates every starting scenario with `scenario evaluate --json`, each by horizon', () => {
    const out = runCli(['scenario', 'evaluate', '--json'], tempDir());
    expect(out.status).toBe(0);
    const all = JSON.parse(out.stdout) as Array<{ id: number; name: string; evaluation: ScenarioBacktest['evaluation'] }>;
    expect(all.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
    // The broad-measure scenarios from 2022: GDP scored one and two years ahead (2023, 2024).
    expect(all[3]!.evaluation.series.find((s) => s.metric === 'gdp')!.horizons.map((h) => [h.horizon, h.count])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('prints the table on the CLI with `scenario backtest --evaluate`', () => {
    const out = runCli(['--lang', 'zh', 'scenario', 'backtest', '1', '--evaluate'], tempDir());
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('预测评估');
    expect(out.stdout).toContain('口径断点，不计分');
    expect(out.stdout).toContain('按步长汇总（只计确数）');
  });
});
