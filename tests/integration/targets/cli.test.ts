import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('workbench targets', () => {
  it('lists each target with its status and rule, in text and JSON', () => {
    const dataDir = tempDir();
    const text = runCli(['--lang', 'zh', 'targets', 'list', '--plan', 'A', '--as-of', '2026'], dataDir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('A1     已实现');
    expect(text.stdout).toContain('数字经济总量达到万亿级规模（信通院广义口径）');
    expect(text.stdout).toContain('最新实际 ≥1万亿元（2022年）');
    expect(text.stdout).toContain('2022年实际值 ≥1万亿元 已达到目标');
    // The same target under the measure it is not judged on: its own status and latest figure.
    expect(text.stdout).toContain('按重庆市此前口径：暂无数据，最新 27.2%（2021年）；2022年起不再发布，不作进度判断');
    // "总投资约296亿元": the goal is the approximate figure the plan states, not "= 296".
    const b = runCli(['--lang', 'zh', 'targets', 'list', '--plan', 'B', '--as-of', '2026'], dataDir).stdout;
    expect(b).toContain('≈ 296亿元，2020年；最新实际 ≈296亿元（2020年）');
    expect(b).toContain('= 73项，2020年');
    const json = runCli(['targets', 'list', '--json', '--as-of', '2026'], dataDir);
    type Entry = {
      asOfYear: number;
      vintage: string | null;
      scenario: { id: number; name: string; measure: string | null } | null;
      thresholds: Record<string, number>;
      target: { code: string };
      status: string;
      requiredPoints: number | null;
      byMeasure: Array<{ measure: { code: string }; status: string; rule: string }>;
    };
    // One entry per target, each with its status under each measure and what it was judged against.
    const parsed = JSON.parse(json.stdout) as Entry[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(26);
    const a2 = parsed.find((r) => r.target.code === 'A2')!;
    expect(a2).toMatchObject({ asOfYear: 2026, vintage: null, status: 'met', thresholds: { onTrackRatio: 0.95, maxRequiredGrowth: 20, maxRequiredPoints: 2 } });
    expect(a2.scenario).toMatchObject({ name: '广义口径基准（2022年起）', measure: 'caict-broad' });
    expect(a2.byMeasure.map((b) => [b.measure.code, b.status, b.rule])).toEqual([
      ['caict-broad', 'met', 'monitor.rule.met'],
      ['cq-earlier', 'no-data', 'monitor.rule.measureReplaced'],
    ]);
    expect(parsed.every((e) => e.asOfYear === 2026 && e.scenario?.id === a2.scenario?.id)).toBe(true);
    expect(json.stderr).toBe('');
    // As known on 2019-06-30 plan A (issued 2020-06) did not exist: it is named once, with its issue, and no target listed.
    const then = runCli(['--lang', 'en', 'targets', 'list', '--plan', 'A', '--vintage', '2019-06-30'], dataDir);
    expect(then.stdout).toContain('As of 2019; data as known on 2019-06-30');
    expect(then.stdout).toContain('This plan was issued 2020-06, after the chosen date 2019-06-30');
    expect(then.stdout).not.toMatch(/^A1 /m);
    expect(runCli(['targets', 'list', '--vintage', '2019-13-01'], dataDir).status).toBe(1);
    // As known in mid-2021, the action plan (posted 2023-12-13) is named as issued later; A1 is listed, its 2022 figure not yet out.
    const mid2021 = runCli(['targets', 'list', '--vintage', '2021-06-01'], dataDir).stdout;
    expect(mid2021).toContain('重庆市数字经济创新发展行动计划：该计划2023年12月13日发布，晚于所选日期2021-06-01');
    expect(mid2021).not.toMatch(/^C1 /m);
    expect(mid2021).toMatch(/^A1 +暂无数据/m);
    // B6 (658 projects collected in 2020) is a fact the plan reports: its value, no verdict.
    expect(mid2021).toMatch(/^B6 +背景事实/m);
    const early = JSON.parse(runCli(['targets', 'list', '--plan', 'B', '--vintage', '2019-06-30', '--json'], dataDir).stdout) as Array<{ vintage: string; asOfYear: number; target: { code: string }; status: string; rule: string }>;
    expect(early.find((r) => r.target.code === 'B6')).toMatchObject({ rule: 'monitor.rule.planNotYetIssued', vintage: '2019-06-30', asOfYear: 2019 });
  });

  it('exports the register, refuses to overwrite it, and imports it into another workspace', () => {
    const a = tempDir();
    const file = path.join(a, 'register.xlsx');
    expect(runCli(['targets', 'export', file], a).status).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const again = runCli(['--lang', 'en', 'targets', 'export', file], a);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const imported = runCli(['targets', 'import', file, '--json'], tempDir());
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ targets: 26, actuals: 4, tasks: 0 });
  });

  it('refuses a file that is not a register with exit 1 and nothing written', () => {
    const dataDir = tempDir();
    const bad = path.join(dataDir, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const result = runCli(['--lang', 'zh', 'targets', 'import', bad], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('无法读取登记表 bad.xlsx');
  });
});
