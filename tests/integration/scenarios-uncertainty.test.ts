// Issue #14 through the CLI and the service: correlated drivers (a matrix refused with the entry and
// the drivers by name; the pairs printed by name); each target's standard error, probability by year
// and first year met (a number stays a number in --json; the text names the targets); importance
// through the service and `workbench scenario importance`; Latin hypercube sampling saved and stated.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import seeds from '../../data/seed/scenarios.json';
import { dispatch } from '../../electron/backend/dispatch';
import type { ScenarioImportance } from '../../shared/api/scenarios-contract';
import { runCli } from '../helpers/cli';
import { tempDir, tempService } from '../helpers/temp';

const dataDir = tempDir();

/** The seeded baseline with a correlation matrix instead of its common shock, written to a file. */
function baselineWith(matrix: number[][], name = '相关测试'): string {
  const def = structuredClone(seeds[0]) as { name: string; uncertainty: Record<string, unknown> };
  def.name = name;
  delete def.uncertainty.commonShock;
  def.uncertainty.correlations = { drivers: ['gdp', 'digital-industry', 'industry-digitalization'], matrix };
  const file = path.join(dataDir, `${name}-${matrix.flat().join('_')}.json`);
  fs.writeFileSync(file, JSON.stringify(def));
  return file;
}

describe('correlated drivers in the CLI', () => {
  it('refuses a matrix that is not positive semi-definite, naming the drivers, and an asymmetric one at its entry', () => {
    const psd = runCli(['scenario', 'create', '--from', baselineWith([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])], dataDir);
    expect(psd.status).toBe(1);
    expect(psd.stderr).toContain('uncertainty.correlations.matrix：GDP增速、数字产业化、产业数字化之间的相关系数不可能同时成立（相关矩阵不是半正定的）');
    const asymmetric = runCli(['scenario', 'create', '--from', baselineWith([[1, 0.5, 0.3], [0.4, 1, 0.6], [0.3, 0.6, 1]]), '--lang', 'en'], dataDir);
    expect(asymmetric.status).toBe(1);
    expect(asymmetric.stderr).toContain(
      'uncertainty.correlations.matrix[1][0]: the correlation of 数字产业化 with GDP growth is 0.4, but that of GDP growth with 数字产业化 is 0.5; the matrix must be symmetric',
    );
    const json = runCli(['scenario', 'create', '--from', baselineWith([[1, 0.5, 0.3], [0.5, 1, 0.6], [0.3, 0.6, 0.9]]), '--json'], dataDir);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'engine.correlation_diagonal',
      message: 'uncertainty.correlations.matrix[2][2]：产业数字化与自身的相关系数须为 1，而不是 0.9',
      params: { path: 'uncertainty.correlations.matrix[2][2]', driver: 'industry-digitalization', value: 0.9 },
    });
    // Nothing was saved.
    expect(JSON.parse(runCli(['scenario', 'list', '--json'], dataDir).stdout)).toHaveLength(6);
  });

  it('saves a valid matrix and prints the correlated pairs by name with the run', () => {
    const created = runCli(['scenario', 'create', '--from', baselineWith([[1, 0.5, 0.3], [0.5, 1, 0.6], [0.3, 0.6, 1]]), '--json'], dataDir);
    expect(created.status).toBe(0);
    const { id } = JSON.parse(created.stdout) as { id: number };
    const run = runCli(['scenario', 'run', String(id), '--mc', '2000'], dataDir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('驱动因素相关（正态得分的相关系数）：GDP增速—数字产业化 0.5；GDP增速—产业数字化 0.3；数字产业化—产业数字化 0.6');
    expect(runCli(['scenario', 'run', '1', '--mc', '2000', '--lang', 'en'], dataDir).stdout).toContain('Common shock: any two drivers correlate by 0.5');
  });
});

describe('target statistics in scenario run', () => {
  it('--json keeps probability a number and adds the standard error, P(met in / by year) and the first year met', () => {
    const run = runCli(['scenario', 'run', '1', '--mc', '4000', '--seed', '3', '--json'], dataDir);
    expect(run.status).toBe(0);
    const mc = JSON.parse(run.stdout).monteCarlo as { draws: number; years: number[]; targets: Array<Record<string, unknown>> };
    for (const t of mc.targets) {
      expect(typeof t.probability).toBe('number');
      const p = t.probability as number;
      expect(t.standardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / 4000), 15);
      expect(t.metIn).toHaveLength(mc.years.length);
      expect((t.metIn as number[])[mc.years.indexOf(t.year as number)]).toBe(p);
      const first = t.firstYear as { counts: number[]; never: number };
      expect(first.counts.reduce((a, b) => a + b, 0) + first.never).toBe(4000);
      expect((t.metBy as number[]).at(-1)).toBeCloseTo(1 - first.never / 4000, 12);
    }
  });

  it('prints each target by its label with its standard error and a table of the years', () => {
    const run = runCli(['scenario', 'run', '4', '--mc', '20000', '--seed', '1'], dataDir);
    expect(run.status).toBe(0);
    const json = JSON.parse(runCli(['scenario', 'run', '4', '--mc', '20000', '--seed', '1', '--json'], dataDir).stdout);
    // The broad-measure baseline judges Plan C's C1 (above 50% of GDP by 2027) on its own measure.
    const p2027 = json.monteCarlo.targets.find((t: { id: string }) => t.id === 'C1');
    const pct = (p: number) => `${Number((p * 100).toFixed(1))}%`;
    expect(run.stdout).toContain(`2027年占GDP比重超过50%（2027年）：实现概率 ${pct(p2027.probability)}（标准误 ${Number((p2027.standardError * 100).toFixed(2))}个百分点）`);
    // Which draws and seed gave the estimates (the overview states its own, so the two can be told apart).
    expect(run.stdout).toContain('蒙特卡洛：20,000 次抽样，种子 1（');
    expect(run.stdout).toMatch(/ {2}年份 {2}当年达到 {2}截至当年已达到 {2}当年首次达到\n/);
    expect(run.stdout).toContain(`  至2027年仍未达到：${pct(p2027.firstYear.never / 20000)}`);
    expect(run.stdout).not.toContain('C1');
    const en = runCli(['scenario', 'run', '4', '--mc', '20000', '--seed', '1', '--lang', 'en'], dataDir);
    expect(en.stdout).toContain(`above 50% of GDP by 2027 (2027): probability ${pct(p2027.probability)} (standard error`);
    expect(en.stdout).toContain('  year  met that year  met by then  first met that year');
  });
});

describe('importance', () => {
  it('scenarios.importance ranks the baseline’s drivers for the 2027 total, strongest first, and refuses a target with a year', async () => {
    const { service } = tempService();
    try {
      const outcome = await dispatch(service, 'scenarios.importance', { id: 1 });
      expect(outcome.ok).toBe(true);
      const r = (outcome as { result: ScenarioImportance }).result;
      expect(r.output).toEqual({ metric: 'total', componentId: null, targetId: null, year: 2027, unit: '亿元' });
      expect(r.draws).toBe(10_000);
      expect(r.drivers.map((d) => d.driver).sort()).toEqual(['digital-industry', 'gdp', 'industry-digitalization']);
      const strengths = r.drivers.map((d) => Math.abs(d.correlation!));
      expect([...strengths].sort((a, b) => b - a)).toEqual(strengths);
      // 产业数字化 (4,500 at 16% ± 3) outweighs 数字产业化 (1,500 at 16% ± 4) in the total.
      expect(r.drivers[0]!.driver).toBe('industry-digitalization');
      const target = await dispatch(service, 'scenarios.importance', { id: 1, targetId: 'P2027', draws: 2000 });
      expect(target.ok && (target.result as ScenarioImportance).output).toEqual({ metric: 'share', componentId: null, targetId: 'P2027', year: 2027, unit: '%' });
      const both = await dispatch(service, 'scenarios.importance', { id: 1, targetId: 'P2027', year: 2025 });
      expect(both.ok).toBe(false);
      const outside = await dispatch(service, 'scenarios.importance', { id: 1, year: 2030 });
      expect(!outside.ok && outside.error.code).toBe('scenario.yearOutside');
    } finally {
      service.close();
    }
  });

  it('workbench scenario importance prints the drivers by name with ρ, and --json the service’s result', () => {
    const text = runCli(['scenario', 'importance', '1', '--target', 'P2027', '--draws', '4000'], dataDir);
    expect(text.status).toBe(0);
    const json = JSON.parse(runCli(['scenario', 'importance', '1', '--target', 'P2027', '--draws', '4000', '--json'], dataDir).stdout) as ScenarioImportance;
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe('目标“2027年占GDP比重50%以上”（2027年）与各驱动因素的秩相关（Spearman ρ，4000次模拟，种子 1），由强到弱：');
    const names: Record<string, string> = { gdp: 'GDP增速', 'digital-industry': '数字产业化', 'industry-digitalization': '产业数字化' };
    json.drivers.forEach((d, i) => {
      expect(lines[i + 1]).toMatch(new RegExp(`^  ${names[d.driver]} +${d.correlation!.toFixed(2).replace(/0+$/, '').replace(/\.$/, '').replace('-', '−')}  █*$`));
    });
    expect(lines.at(-1)).toBe('ρ 的绝对值在 0.032 以内的，与 0 无法区分。');
    expect(text.stdout).not.toMatch(/industry-digitalization|digital-industry|P2027/);
  });
});

describe('Latin hypercube sampling', () => {
  it('is saved with the scenario, stated with the run, and its standard error is given as a bound', () => {
    const def = structuredClone(seeds[3]) as { name: string; uncertainty: Record<string, unknown> };
    def.name = '拉丁超立方';
    def.uncertainty.sampling = 'lhs';
    const file = path.join(dataDir, 'lhs.json');
    fs.writeFileSync(file, JSON.stringify(def));
    const { id } = JSON.parse(runCli(['scenario', 'create', '--from', file, '--json'], dataDir).stdout) as { id: number };
    const run = runCli(['scenario', 'run', String(id), '--mc', '4096'], dataDir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('抽样方法：拉丁超立方抽样');
    expect(run.stdout).toMatch(/2027年占GDP比重超过50%（2027年）：实现概率 [\d.]+%（标准误不超过 [\d.]+个百分点，按独立抽样计）/);
    expect(runCli(['scenario', 'run', '1', '--mc', '2000'], dataDir).stdout).toContain('抽样方法：独立随机抽样');
    const json = JSON.parse(runCli(['scenario', 'run', String(id), '--mc', '2048', '--json'], dataDir).stdout);
    expect(json.monteCarlo.sampling).toBe('lhs');
  });
});
