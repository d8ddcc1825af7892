import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { Overview } from '../../shared/api/overview-contract';
import type { ChartData } from '../../shared/charts/data';
import type { ChartSpec } from '../../shared/charts/spec';
import { overviewSentence } from '../../shared/overview/sentence';
import { runCli } from '../helpers/cli';
import { tempDir, tempService } from '../helpers/temp';

async function overview(input: Record<string, unknown> = {}): Promise<Overview> {
  const { service } = tempService();
  const outcome = await dispatch(service, 'overview.get', input);
  service.close();
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as Overview;
}

const statement = (o: Overview, code: string) => o.statements.find((s) => s.target.code === code)!;

describe('overview (总览)', () => {
  it('answers 万亿级 and 40% for 2022 under every measure with figures, with source and bound', async () => {
    const o = await overview();
    const a1 = statement(o, 'A1');
    expect(a1.answers).toEqual([
      expect.objectContaining({ measure: expect.objectContaining({ code: 'caict-broad' }), judged: true, status: 'met', latest: expect.objectContaining({ year: 2022, value: 10000, bound: 'lower', from: 'observation' }) }),
    ]);
    expect(a1.answers[0]!.latest!.source).toContain('CAICT');
    // The CAICT reports of 2023 and 2024 share a name: the year stays with it, and the release is said (here: not recorded).
    expect(overviewSentence(a1, 'zh')).toBe('数字经济总量达到万亿级规模（2022年）：按信通院广义口径已实现（2022年≥1万亿元，CAICT 中国数字经济发展研究报告(2023)，发布日期不详）。');
    expect(overviewSentence(a1, 'en')).toContain('(≥1 trillion yuan in 2022, CAICT 中国数字经济发展研究报告(2023), release date not recorded)');

    const a2 = statement(o, 'A2');
    expect(a2.answers.map((a) => [a.measure?.code, a.status, a.latest?.year, a.latest?.value])).toEqual([
      ['caict-broad', 'met', 2022, 45.4],
      ['cq-earlier', 'no-data', 2021, 27.2],
    ]);
    const zh = overviewSentence(a2, 'zh');
    expect(zh).toContain('按信通院广义口径已实现（2022年45.4%，《重庆市数字经济创新发展行动计划》指标表，2023-12-13）');
    // The city's earlier measure was left for the broad one in 2022: its last figure, and no judgement.
    expect(zh).toContain('；重庆市此前口径2022年起不再发布，不作进度判断（最新2021年27.2%，经济日报');
    expect(overviewSentence(a2, 'en')).toContain('by the CAICT broad measure: met (45.4% in 2022');
    expect(overviewSentence(a2, 'en')).toContain('the Chongqing earlier measure is not published from 2022 on, no progress judged (latest 27.2% in 2021, ');
    // Every figure can be followed to its row in the data grid.
    expect(a2.answers.every((a) => typeof a.latest?.observationId === 'number')).toBe(true);
  });

  it('gives the later targets with the compared scenario on their own measure and its probability', async () => {
    const o = await overview();
    expect(o.scenario?.name).toBe('广义口径基准（2022年起）');
    expect(o.monteCarlo).toEqual({ draws: 2000, seed: 20200622 });
    const c1 = statement(o, 'C1');
    expect(c1.projection).toMatchObject({ scenario: { name: '广义口径基准（2022年起）', measure: { code: 'caict-broad' } }, year: 2027, met: true });
    // 13224.58 (45.4% of 2022 GDP, derived) at 8% over 29129.03 at 5%: the baseline's own arithmetic.
    expect(c1.projection!.value).toBeCloseTo((100 * 13224.58 * 1.08 ** 5) / (29129.03 * 1.05 ** 5), 9);
    expect(c1.projection!.probability).toBeGreaterThan(0.5);
    expect(c1.projection!.probability).toBeLessThan(1);
    // The verdict is the scenario's, on its assumptions: said as a condition, the probability as the model's.
    const zhC1 = overviewSentence(c1, 'zh');
    expect(zhC1).toMatch(/；若按对照情景“广义口径基准（2022年起）”的假设增速，2027年为52\.3%，可实现（2026年首次达到）；按该情景假设的增速分布，模型实现概率为\d+%（情景计算，不是统计结论）。情景“广义口径基准（2022年起）”的依据：/);
    expect(zhC1).not.toMatch(/推算2027年为52\.3%，可实现（2026年首次达到），实现概率/);
    // What it rests on: the derived base with its formula and GDP published, the assumed (illustrative) growth with its values,
    // the distributions the probability draws from, and the GDP since published for 2023 and 2024 beside the projection.
    expect(zhC1).toContain('基数为2022年数字经济（广义口径）1.32万亿元（信通院广义口径，推算值：45.4% × 29129.03），地区生产总值2.91万亿元（已公布：重庆市统计局 2022年统计公报');
    expect(zhC1).toContain('增速为情景假设（示意，非公布值）：地区生产总值每年5%，数字经济（广义口径）每年8%');
    expect(zhC1).toContain('概率按假设分布抽样：地区生产总值正态分布（均值5%，标准差1个百分点），数字经济（广义口径）正态分布（均值8%，标准差2个百分点）');
    expect(zhC1).toContain('基年后已公布的实际值：地区生产总值2023年推算3.06万亿元、实际3.01万亿元，2024年推算3.21万亿元、实际3.22万亿元；');
    expect(zhC1).toMatch(/占GDP比重[^；。]*2022年以后尚无已公布值。$/);
    expect(c1.projection!.basis!.checks![0]!.points.map((p) => [p.year, Math.round(p.projected * 100) / 100, p.actual])).toEqual([
      [2023, Math.round(29129.03 * 1.05 * 100) / 100, 30145.79],
      [2024, Math.round(29129.03 * 1.05 ** 2 * 100) / 100, 32193.15],
    ]);
    const enC1 = overviewSentence(c1, 'en');
    expect(enC1).toContain('on track only if the compared scenario\'s assumed growth holds');
    expect(enC1).toMatch(/if the assumed growth of the compared scenario "广义口径基准（2022年起）" holds, 52\.3% in 2027: would be met \(first in 2026\); under the growth distributions the scenario assumes, its model probability is \d+% \(a scenario calculation, not a finding\)/);
    expect(enC1).toContain('2023 projected 3.06 trillion yuan, actual 3.01 trillion yuan');
    // 27.2% (2021) on the earlier measure is no evidence of being on track for above 50%: that measure stopped in 2021.
    expect(c1.answers.map((a) => [a.measure?.code, a.status, a.rule])).toEqual([
      ['caict-broad', 'on-track', 'monitor.rule.scenarioMeets'],
      ['cq-earlier', 'no-data', 'monitor.rule.measureReplaced'],
    ]);
    // "进度正常" here is the scenario's verdict on one figure: said so, never a bare 进度正常.
    expect(zhC1).toContain('按信通院广义口径只有一个可比实际值（2022年45.4%，《重庆市数字经济创新发展行动计划》指标表，2023-12-13），若对照情景的假设增速成立则进度正常；重庆市此前口径2022年起不再发布，不作进度判断（最新2021年27.2%');
    expect(zhC1).not.toContain('按信通院广义口径进度正常');
    expect(overviewSentence(c1, 'zh')).not.toContain('此前口径进度正常');
    // Qualitative targets have no number to answer with: they stay on the monitor.
    expect(o.statements.some((s) => s.target.code === 'A7' || s.target.code === 'B1')).toBe(false);
    expect(o.statements.filter((s) => s.plan.code === 'C')).toHaveLength(9);
  });

  it('checks the projection only against what was published by the date chosen', async () => {
    const basis = statement(await overview({ vintage: '2024-06-30', plan: 'C' }), 'C1').projection!.basis!;
    // 2023's GDP was out by mid-2024, 2024's not yet.
    expect(basis.checks![0]!.points.map((p) => p.year)).toEqual([2023]);
  });

  it('answers as the data stood on a date', async () => {
    const o = await overview({ vintage: '2021-06-30', plan: 'A' });
    expect(o).toMatchObject({ vintage: '2021-06-30', asOfYear: 2021 });
    expect(statement(o, 'A1').answers).toEqual([expect.objectContaining({ status: 'no-data', latest: null })]);
    expect(statement(o, 'A2').answers.map((a) => [a.measure?.code, a.latest?.year ?? null, a.latest?.bound ?? null])).toEqual([
      ['caict-broad', null, null],
      ['cq-earlier', 2020, 'lower'],
    ]);
  });

  it('links A1, A2 and C1 to a starter-pack chart that draws their figure on their own measure', async () => {
    const { service } = tempService();
    const call = async <T,>(method: string, input: Record<string, unknown>): Promise<T> => {
      const outcome = await dispatch(service, method, input);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      return outcome.result as T;
    };
    try {
      const o = await call<Overview>('overview.get', {});
      // Which starter chart ranks first for the shares follows the starter pack (the chart drawing least
      // among those drawing the target and its figure on its measure); A1's is the 万亿 chart, which
      // draws CAICT's ≥1万亿元 beside the broad scenarios and the A1 line.
      const expected: Record<string, { chart?: string; year: number; value: number; bound: string }> = {
        A1: { chart: '数字经济规模与万亿目标', year: 2022, value: 10000, bound: 'lower' },
        A2: { year: 2022, value: 45.4, bound: 'exact' },
        C1: { year: 2022, value: 45.4, bound: 'exact' },
      };
      for (const [code, want] of Object.entries(expected)) {
        const s = statement(o, code);
        const best = s.charts[0]!;
        expect(best, code).toMatchObject({ ...(want.chart ? { name: want.chart } : {}), target: true, figure: true, sameMeasure: true });
        // The chart really binds the target's figure: its indicator in its region ...
        const chart = await call<{ name: string; spec: ChartSpec }>('charts.get', { id: best.id });
        expect(chart.name).toBe(best.name);
        expect(chart.spec.bindings.indicators, code).toContain(s.target.indicator);
        expect(chart.spec.bindings.regions, code).toContain(s.target.region);
        // ... and draws the very figure the statement gives, on the measure the target is judged on.
        const data = await call<ChartData>('charts.data', { spec: chart.spec });
        const points = [
          ...data.series.filter((x) => x.id === `${s.target.indicator}@${s.target.region}`).flatMap((x) => x.points),
          ...data.progress.map((p) => ({ year: p.actualYear, value: p.actual, bound: p.bound, measure: p.measure })),
        ];
        expect(points, code).toContainEqual(expect.objectContaining({ year: want.year, value: want.value, bound: want.bound, measure: 'caict-broad' }));
        expect(s.answers[0]!.measure!.code).toBe('caict-broad');
      }
      // Every chart listed for A1 draws it on its own measure; the progress chart comes after the 万亿 chart.
      expect(statement(o, 'A1').charts.map((c) => [c.name, c.sameMeasure])).toEqual([
        ['数字经济规模与万亿目标', true],
        ['试验区目标进展', true],
      ]);
      // In English the starter charts are named as the Charts page names them, the same charts linked.
      await call('settings.setLanguage', { language: 'en' });
      const english = await call<Overview>('overview.get', {});
      const listed = await call<Array<{ id: number; name: string }>>('charts.list', {});
      expect(statement(english, 'A1').charts.map((c) => [c.id, c.name])).toEqual(
        statement(o, 'A1').charts.map((c) => [c.id, listed.find((l) => l.id === c.id)!.name]),
      );
      expect(statement(english, 'A1').charts[0]!.name).toBe('Digital economy scale and the trillion-yuan target');
      await call('settings.setLanguage', { language: 'zh' });
      // No saved chart draws C4 (core industries): no link, not a dead one.
      expect(statement(o, 'C4').charts).toEqual([]);
      // A chart the analyst saves on C4's figure is found.
      const saved = await call<{ id: number }>('charts.save', {
        spec: { template: 'indicator-series', title: '核心产业增加值', bindings: { indicators: ['de_core_va'], regions: ['CQ'] } },
      });
      const again = statement(await call<Overview>('overview.get', { plan: 'C' }), 'C4');
      expect(again.charts).toEqual([{ id: saved.id, name: '核心产业增加值', template: 'indicator-series', target: true, figure: true, sameMeasure: true }]);
    } finally {
      service.close();
    }
  });

  it('prints the same sentences on the command line, and JSON', () => {
    const dataDir = tempDir();
    const text = runCli(['--lang', 'zh', 'overview'], dataDir);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('A1   数字经济总量达到万亿级规模（2022年）：按信通院广义口径已实现（2022年≥1万亿元');
    expect(text.stdout).toContain('重庆市此前口径2022年起不再发布，不作进度判断（最新2021年27.2%');
    expect(text.stdout).toContain('模型实现概率（按情景假设的分布）：蒙特卡洛 2000 次抽样，种子 20200622。');
    expect(text.stdout).toContain('；基年后已公布的实际值：地区生产总值2023年推算3.06万亿元、实际3.01万亿元');
    const json = JSON.parse(runCli(['overview', '--json', '--plan', 'C'], dataDir).stdout) as Overview;
    expect(json.statements.map((s) => s.target.code)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
    // Each record names the saved charts that draw it, best first.
    expect(json.statements[0]!.charts[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), target: true, figure: true, sameMeasure: true });
    expect(json.statements[0]!.charts.map((c) => c.name)).toContain('数字经济占GDP比重与40%目标');
    const bad = runCli(['--lang', 'en', 'overview', '--vintage', '2021-02-30'], dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('vintage');
  });
});
