// The figures the Scenarios page shows beside a projection cross the boundary as the figures they
// are: a projection's bases with their bound (validated, not passed through), a looked-up base with
// its bound and measure, the plan targets and published figures a scenario's charts draw, and a
// summary that writes a projection from a lower-bound base as the bound it is.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import type { LatestActualFigure, ScenarioEvidence } from '../../shared/api/scenarios-contract';
import { dispatch } from '../../electron/backend/dispatch';
import { tempService } from '../helpers/temp';

async function ok<T>(call: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await call;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

interface Run {
  projection: { bases?: { total: { bound: string; value: number; measure: string } | null } };
  summary: string;
}

describe('scenarios.run: bases in the schema, bounds in the summary', () => {
  it('declares the bases: a bound that is not one is refused at the boundary', () => {
    const output = contract['scenarios.run'].output;
    const figure = { year: 2020, value: 6000, bound: 'lower', status: 'actual', measure: 'cq-earlier', indicator: 'de_va', region: 'CQ', source: 'x' };
    const run = (total: unknown) => ({ projection: { years: [2020], bases: { total, gdp: null } }, summary: '', judgedElsewhere: [] });
    expect(output.safeParse(run(figure)).success).toBe(true);
    expect(output.safeParse(run({ ...figure, bound: 'at least' })).success).toBe(false);
    expect(output.safeParse(run({ ...figure, value: '6000' })).success).toBe(false);
  });

  it('writes the 2020 baseline’s projections from "超6000亿元" with ≥, in both languages', async () => {
    const { service } = tempService();
    const zh = await ok<Run>(dispatch(service, 'scenarios.run', { id: 1, locale: 'zh' }));
    expect(zh.projection.bases?.total).toMatchObject({ value: 6000, bound: 'lower', measure: 'cq-earlier' });
    // 基准 judges none of its targets on its own measure: the summary gives the horizon's total and share, both bounds.
    expect(zh.summary).toMatch(/^按基准情景，2027年数字经济规模为≥[\d.]+万亿元，占GDP比重为≥[\d.]+%。$/);
    const en = await ok<Run>(dispatch(service, 'scenarios.run', { id: 1, locale: 'en' }));
    expect(en.summary).toMatch(/the digital economy reaches ≥[\d.]+ trillion yuan in 2027, ≥[\d.]+% of GDP\.$/);
    // The broad-measure baseline starts from a derived, exact value: no sign.
    const broad = await ok<Run>(dispatch(service, 'scenarios.run', { id: 4, locale: 'zh' }));
    expect(broad.projection.bases?.total).toMatchObject({ bound: 'exact', measure: 'caict-broad' });
    expect(broad.summary).not.toMatch(/[≥≤≈]/);
    service.close();
  });
});

describe('scenarios.latestActuals keeps bound and measure', () => {
  it('gives 数字经济增加值 2020 of 重庆 as the lower bound it is, on the city’s earlier measure, with names', async () => {
    const { service } = tempService();
    const [deVa, gdp] = await ok<Array<LatestActualFigure | null>>(
      dispatch(service, 'scenarios.latestActuals', {
        refs: [
          { indicator: 'de_va', region: 'CQ' },
          { indicator: 'gdp', region: 'CQ' },
        ],
      }),
    );
    expect(deVa).toMatchObject({ year: 2020, value: 6000, bound: 'lower', measure: 'cq-earlier', named: { indicator: { nameZh: '数字经济增加值（重庆）' }, region: { nameZh: '重庆' } } });
    expect(gdp).toMatchObject({ year: 2024, value: 32193.15, bound: 'exact' });
    expect(gdp!.source).not.toBe('');
    service.close();
  });
});

describe('scenarios.evidence', () => {
  it('gives a broad-measure scenario from 2022 the plan targets on its measure and CAICT’s "超过1万亿元"', async () => {
    const { service } = tempService();
    const evidence = await ok<ScenarioEvidence>(dispatch(service, 'scenarios.evidence', { measure: 'caict-broad', from: 2022, to: 2027, regions: ['CQ'] }));
    expect(evidence.targets.map((t) => [t.code, t.kind, t.value, t.year])).toEqual([
      ['A1', 'total', 10000, 2022],
      ['A2', 'share', 40, 2022],
      ['C1', 'share', 50, 2027],
    ]);
    const scale = evidence.figures.filter((f) => f.indicator.code === 'de_scale');
    expect(scale).toEqual([expect.objectContaining({ target: 'A1', kind: 'total', year: 2022, value: 10000, bound: 'lower', measure: 'caict-broad' })]);
    expect(scale[0]!.source).toContain('CAICT');
    // The 2022 share on the broad measure, 45.4%; never the earlier measure's 27.2% of 2021.
    const share = evidence.figures.filter((f) => f.kind === 'share');
    expect(share.map((f) => [f.year, f.value, f.measure])).toEqual([[2022, 45.4, 'caict-broad']]);
    service.close();
  });

  it('gives the city’s earlier measure nothing: no plan target is judged on it', async () => {
    const { service } = tempService();
    const evidence = await ok<ScenarioEvidence>(dispatch(service, 'scenarios.evidence', { measure: 'cq-earlier', from: 2020, to: 2027, regions: ['CQ'] }));
    expect(evidence).toEqual({ targets: [], figures: [] });
    // Years outside the scenario's leave 万亿级 (2022) out.
    const later = await ok<ScenarioEvidence>(dispatch(service, 'scenarios.evidence', { measure: 'caict-broad', from: 2023, to: 2027, regions: ['CQ'] }));
    expect(later.targets.map((t) => t.code)).toEqual(['C1']);
    service.close();
  });
});
