import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { runCli } from '../helpers/cli';
import { ownTargetsCopy, ownTargetsCopyCli } from '../helpers/own-targets';
import { tempDir, tempService } from '../helpers/temp';

async function ok<T>(call: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await call;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

describe('scenarios in the workspace', () => {
  it('seeds the starting scenarios (three from 2020, three from 2022 on the broad measure), each stating its basis', async () => {
    const { service } = tempService();
    const list = await ok<Array<{ id: number; name: string; basis: string }>>(dispatch(service, 'scenarios.list', {}));
    expect(list.map((s) => s.name)).toEqual(['基准', '加速', '保守', '广义口径基准（2022年起）', '广义口径加速（2022年起）', '广义口径保守（2022年起）']);
    for (const s of list) {
      expect(s.basis).toContain(s.name.startsWith('广义口径') ? '29129.03' : '25002.79');
      expect(s.basis).toMatch(/示意/);
    }
    service.close();
  });

  it('lists each scenario with its English name and its measure by name', async () => {
    const { service } = tempService();
    const list = await ok<Array<{ id: number; nameEn: string | null; measure: { code: string; nameZh: string; nameEn: string } | null }>>(dispatch(service, 'scenarios.list', {}));
    expect(list.map((s) => [s.nameEn, s.measure?.nameZh])).toEqual([
      ['baseline', '重庆市此前口径'],
      ['accelerated', '重庆市此前口径'],
      ['conservative', '重庆市此前口径'],
      ['broad measure, baseline (from 2022)', '信通院广义口径'],
      ['broad measure, faster (from 2022)', '信通院广义口径'],
      ['broad measure, slower (from 2022)', '信通院广义口径'],
    ]);
    expect(list[3]!.measure).toEqual({ code: 'caict-broad', nameZh: '信通院广义口径', nameEn: 'CAICT broad measure' });
    // A scenario naming no measure says so (null), and is listed all the same.
    const got = await ok<{ definition: Record<string, unknown> }>(dispatch(service, 'scenarios.get', { id: 1 }));
    const { measure: _dropped, nameEn: _noEnglish, ...definition } = got.definition;
    const saved = await ok<{ id: number; nameEn: string | null; measure: unknown }>(dispatch(service, 'scenarios.save', { definition: { ...definition, name: '无口径' } }));
    expect(saved).toMatchObject({ nameEn: null, measure: null });
    service.close();
  });

  it('says where a version came from by what happened, not by the note the workbench wrote', async () => {
    const { service } = tempService();
    type Versions = { versions: Array<{ version: number; note: string; origin: unknown }> };
    expect((await ok<Versions>(dispatch(service, 'scenarios.get', { id: 2 }))).versions).toEqual([{ version: 1, savedAt: expect.any(String), note: '', origin: { kind: 'seed' } }]);
    const got = await ok<{ definition: Record<string, unknown> }>(dispatch(service, 'scenarios.get', { id: 2 }));
    await ok(dispatch(service, 'scenarios.save', { id: 2, definition: { ...got.definition, description: '改' }, note: '按2023年数据调整' }));
    await ok(dispatch(service, 'scenarios.restore', { id: 2, version: 1 }));
    const copy = await ok<{ id: number; name: string; nameEn: string | null }>(dispatch(service, 'scenarios.duplicate', { id: 2 }));
    // The copy's English name says it is a copy too.
    expect(copy).toMatchObject({ name: '加速（副本）', nameEn: 'accelerated (copy)' });
    expect((await ok<Versions>(dispatch(service, 'scenarios.get', { id: 2 }))).versions.map((v) => [v.version, v.note, v.origin])).toEqual([
      [3, '', { kind: 'restore', version: 1 }],
      [2, '按2023年数据调整', null],
      [1, '', { kind: 'seed' }],
    ]);
    expect((await ok<Versions>(dispatch(service, 'scenarios.get', { id: copy.id }))).versions[0]!.origin).toEqual({ kind: 'copy', scenario: 2, name: '加速', nameEn: 'accelerated' });
    // A copy given a name of its own drops the English name, which named the original.
    const named = await ok<{ name: string; nameEn: string | null }>(dispatch(service, 'scenarios.duplicate', { id: 2, name: '我的情景' }));
    expect(named).toMatchObject({ name: '我的情景', nameEn: null });
    service.close();
  });

  it('runs a projection with targets and a summary in the user language', async () => {
    const { service } = tempService();
    const run = await ok<{
      projection: { years: number[]; targets: Array<{ id: string; met: boolean; firstYearMet: number | null }> };
      summary: string;
      judgedElsewhere: Array<{ id: string; measure: string }>;
    }>(dispatch(service, 'scenarios.run', { id: 1 }));
    expect(run.projection.years[0]).toBe(2020);
    expect(run.projection.targets.map((t) => t.id)).toEqual(['A1', 'A2', 'P2027']);
    // 基准 is on the city's earlier measure; A1 and A2 are judged on the broad one (as the monitor does):
    // projected, but the summary gives them no verdict.
    // So is its own 2027 target, Plan C's goal (above 50% by 2027), which exists only on the broad measure.
    expect(run.judgedElsewhere).toEqual([
      { id: 'A1', measure: 'caict-broad' },
      { id: 'A2', measure: 'caict-broad' },
      { id: 'P2027', measure: 'caict-broad' },
    ]);
    // The base is 超6000亿元, a lower bound: so is every projection from it.
    expect(run.summary).toBe('按基准情景，2027年数字经济规模为≥1.70万亿元，占GDP比重为≥43.6%。');
    const en = await ok<{ summary: string }>(dispatch(service, 'scenarios.run', { id: 1, locale: 'en' }));
    expect(en.summary).toMatch(/baseline/i);
    service.close();
  });

  it('keeps versions, restores one, duplicates and deletes', async () => {
    const { service } = tempService();
    const got = await ok<{ definition: Record<string, unknown>; version: number }>(dispatch(service, 'scenarios.get', { id: 2 }));
    const edited = { ...got.definition, description: '改过的说明' };
    const v2 = await ok<{ version: number; description: string }>(dispatch(service, 'scenarios.save', { id: 2, definition: edited, note: 'edit' }));
    expect(v2).toMatchObject({ version: 2, description: '改过的说明' });
    const v3 = await ok<{ version: number; description: string }>(dispatch(service, 'scenarios.restore', { id: 2, version: 1 }));
    expect(v3.version).toBe(3);
    expect(v3.description).not.toBe('改过的说明');
    const copy = await ok<{ id: number; name: string }>(dispatch(service, 'scenarios.duplicate', { id: 2 }));
    expect(copy.name).toBe('加速（副本）');
    await ok(dispatch(service, 'scenarios.delete', { id: copy.id }));
    const list = await ok<Array<{ id: number }>>(dispatch(service, 'scenarios.list', {}));
    expect(list.map((s) => s.id)).not.toContain(copy.id);
    service.close();
  });

  it('refuses a definition with a bad field, naming the field, and saves nothing', async () => {
    const { service } = tempService();
    const got = await ok<{ definition: { components: Array<Record<string, unknown>> } }>(dispatch(service, 'scenarios.get', { id: 1 }));
    const bad = structuredClone(got.definition);
    bad.components[0]!.growth = { kind: 'cagr', rate: 'fast' };
    const outcome = await dispatch(service, 'scenarios.save', { definition: bad });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('engine.invalid_scenario');
    expect(outcome.error.message).toContain('components[0].growth');
    const list = await ok<unknown[]>(dispatch(service, 'scenarios.list', {}));
    expect(list).toHaveLength(6);
    service.close();
  });

  it('goal-seeks the 2022 level and share targets jointly and names the binding one', async () => {
    const { service } = tempService();
    // On 基准 the 2022 targets are the plan's A1 and A2, judged on another measure: refused, by name.
    const refused = await dispatch(service, 'scenarios.goalSeek', { id: 1, targets: ['A1', 'A2'], driver: 'uplift' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('scenario.goalJudgedElsewhere');
      expect(refused.error.message).toContain('“万亿级规模”、“占GDP比重40%以上”按信通院广义口径判定');
    }
    // Goals of the scenario's own that no plan states (a year later) are solved on its measure.
    const id = await ownTargetsCopy(service, 1);
    const got = await ok<{ definition: { targets: Array<{ id: string; year: number }> } }>(dispatch(service, 'scenarios.get', { id }));
    const ids = got.definition.targets.filter((t) => t.year === 2023).map((t) => t.id);
    expect(ids).toHaveLength(2);
    const joint = await ok<{ binding: string; value: number }>(dispatch(service, 'scenarios.goalSeek', { id, targets: ids, driver: 'uplift' }));
    expect(ids).toContain(joint.binding);
    expect(joint.value).toBeGreaterThan(0);
    const tornado = await ok<{ bars: Array<{ swing: number }> }>(dispatch(service, 'scenarios.sensitivity', { id: 1, output: 'share', year: 2022 }));
    const swings = tornado.bars.map((b) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    service.close();
  });
});

describe('scenario CLI', () => {
  it('exports a scenario, creates it again from the file, and runs it as JSON', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 's.json');
    expect(runCli(['scenario', 'export', '1', '--out', file], dataDir).status).toBe(0);
    const definition = JSON.parse(fs.readFileSync(file, 'utf8'));
    definition.name = '我的情景';
    fs.writeFileSync(file, JSON.stringify(definition));
    const created = runCli(['scenario', 'create', '--from', file, '--json'], dataDir);
    expect(created.status).toBe(0);
    const { id } = JSON.parse(created.stdout);
    const run = runCli(['scenario', 'run', String(id), '--mc', '500', '--seed', '7', '--json'], dataDir);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.projection.scenario.name).toBe('我的情景');
    expect(result.monteCarlo.draws).toBe(500);
    const again = JSON.parse(runCli(['scenario', 'run', String(id), '--mc', '500', '--seed', '7', '--json'], dataDir).stdout);
    expect(again.monteCarlo).toEqual(result.monteCarlo);
  });

  it('says first which measure a run is on, and prints its table in aligned columns', () => {
    const dataDir = tempDir();
    const zh = runCli(['scenario', 'run', '1'], dataDir);
    expect(zh.status, zh.stderr).toBe(0);
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toBe('口径：重庆市此前口径');
    const en = runCli(['scenario', 'run', '4', '--lang', 'en'], dataDir);
    expect(en.stdout.split('\n')[0]).toBe('Measure: CAICT broad measure');
    // Every row of the year table ends at the same terminal column (CJK characters take two).
    const width = (line: string) => [...line].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
    const table = lines.filter((l) => /^(年份|20\d\d)\s/.test(l));
    expect(table.length).toBeGreaterThan(5);
    expect(new Set(table.map(width)).size).toBe(1);
  });

  it('lists scenarios by name with their measure, in the CLI’s language', () => {
    const dataDir = tempDir();
    const zh = runCli(['scenario', 'list'], dataDir).stdout.split('\n');
    expect(zh[0]).toMatch(/^\s+1 {2}基准（重庆市此前口径；第 1 版，\d{4}-\d\d-\d\d）$/);
    expect(zh[3]).toMatch(/^\s+4 {2}广义口径基准（2022年起）（信通院广义口径；第 1 版，/);
    const en = runCli(['scenario', 'list', '--lang', 'en'], dataDir).stdout.split('\n');
    expect(en[0]).toMatch(/^\s+1 {2}baseline \(Chongqing earlier measure; version 1, \d{4}-\d\d-\d\d\)$/);
    expect(en[3]).toMatch(/^\s+4 {2}broad measure, baseline \(from 2022\) \(CAICT broad measure; version 1, /);
  });

  it('names drivers, not their ids, in sensitivity and goal seek', () => {
    const dataDir = tempDir();
    const sensitivity = runCli(['scenario', 'sensitivity', '1'], dataDir).stdout;
    expect(sensitivity.split('\n').filter(Boolean).map((l) => l.split(/\s{2,}/)[0])).toEqual(['产业数字化', '统一上调', '数字产业化', 'GDP增速']);
    expect(sensitivity).not.toMatch(/uplift|digital-industry/);
    const goal = runCli(['scenario', 'goal-seek', ownTargetsCopyCli(dataDir, 1), '--target', 'S2023', '--driver', 'digital-industry'], dataDir).stdout;
    expect(goal).toMatch(/^数字产业化 = [\d.]+ %$/m);
    expect(goal).not.toContain('digital-industry');
  });

  it('gives no verdict and no probability on a plan target judged on another measure, as the screens do', () => {
    const dataDir = tempDir();
    const out = runCli(['scenario', 'run', '1', '--mc', '500'], dataDir).stdout;
    expect(out).toContain('- 万亿级规模 (2022): 口径不同，不作判定（目标按信通院广义口径判定）');
    expect(out).toContain('万亿级规模（2022年）：口径不同，不作判定（目标按信通院广义口径判定）');
    expect(out).not.toMatch(/万亿级规模（2022年）：实现概率/);
    // Its own 2027 target states Plan C's goal, judged on the broad measure too.
    expect(out).toContain('- 2027年占GDP比重50%以上 (2027): 口径不同，不作判定（目标按信通院广义口径判定）');
    expect(out).not.toContain('实现概率');
    // A broad-measure scenario judges Plan C's target and gives its probability.
    expect(runCli(['scenario', 'run', '4', '--mc', '500'], dataDir).stdout).toMatch(/2027年占GDP比重超过50%（2027年）：实现概率 [\d.]+%/);
  });

  it('names the bad field of a scenario file, exits 1 and saves nothing', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'x', baseYear: 'twenty' }));
    const result = runCli(['scenario', 'create', '--from', file, '--lang', 'en'], dataDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid scenario: field \w+/);
    expect(JSON.parse(runCli(['scenario', 'list', '--json'], dataDir).stdout)).toHaveLength(6);
  });
});
