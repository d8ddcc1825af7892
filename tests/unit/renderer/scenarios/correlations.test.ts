// The correlation matrix editor's model: pairs set on both sides in the sheet's order, drivers left
// independent dropped (and the matrix with the last pair, so the draws are those of a scenario that never
// had one), the engine's located errors on their cell or under the matrix with drivers by name, the
// common shock turned into the matrix it stands for, and the matrix following renames and removals.
import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { applyEdit, assumptionRows, clearAt, issueKey, setAt, validateDraft, type Draft, type DraftIssue } from '../../../../renderer/src/pages/scenarios/assumptions';
import {
  commonShockToMatrix,
  correlationPlace,
  driverName,
  issueLocation,
  matrixDrivers,
  namedParams,
  pairValue,
  setCorrelation,
} from '../../../../renderer/src/pages/scenarios/correlations';
import { liveModel } from '../../../../renderer/src/pages/scenarios/live-model';
import { monteCarlo, parseResolvedScenario } from '../../../../shared/engine';
import { translate } from '../../../../shared/i18n';

const zh = (key: string, params?: Record<string, string | number>) => translate('zh', key, params);
const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
/** 基准: GDP growth, 数字产业化 and 产业数字化 drawn, linked by a common shock of weight 0.5. */
const baseline = () => structuredClone(seeds[0]) as unknown as Draft;
const independent = () => clearAt(baseline(), 'uncertainty.commonShock');
const run = (draft: Draft) => monteCarlo(parseResolvedScenario(draft), { draws: 20_000, seed: 5 });
const text = (draft: Draft, issue: DraftIssue) => {
  const { key, params } = issueKey(issue);
  return zh(key, namedParams(draft, params, zh, 'zh'));
};
const edit = (draft: Draft, path: string, value: string) => {
  const ctx = liveModel(draft, new Map());
  const row = assumptionRows(draft, ctx.drivers).find((r) => r.path === path);
  if (!row) throw new Error(`no row ${path}`);
  return applyEdit(draft, row, value, ctx);
};

describe('the correlation matrix editor', () => {
  it('shows the drivers drawn from a distribution, in the sheet’s order and by name', () => {
    const d = baseline();
    expect(matrixDrivers(d)).toEqual(['gdp', 'digital-industry', 'industry-digitalization']);
    expect(matrixDrivers(d).map((id) => driverName(d, id, zh, 'zh'))).toEqual(['GDP增速', '数字产业化', '产业数字化']);
    expect(driverName(d, 'gdp', en, 'en')).toBe('GDP growth');
    // A starting component in English by its seeded label's English, never by its id.
    expect(driverName(d, 'digital-industry', en, 'en')).toBe('digital industrialisation');
  });

  it('sets a pair on both sides of the diagonal, adding drivers in the sheet’s order, and the engine draws with it', () => {
    let d = setCorrelation(independent(), 'industry-digitalization', 'gdp', '0.6');
    expect(d.uncertainty?.correlations).toEqual({ drivers: ['gdp', 'industry-digitalization'], matrix: [[1, 0.6], [0.6, 1]] });
    d = setCorrelation(d, 'gdp', 'digital-industry', '0.3');
    expect(d.uncertainty?.correlations).toEqual({
      drivers: ['gdp', 'digital-industry', 'industry-digitalization'],
      matrix: [
        [1, 0.3, 0.6],
        [0.3, 1, 0],
        [0.6, 0, 1],
      ],
    });
    expect(pairValue(d, 'industry-digitalization', 'gdp')).toBe('0.6');
    expect(pairValue(d, 'digital-industry', 'industry-digitalization')).toBe('0');
    expect(validateDraft(d)).toEqual([]);
    expect(run(d).correlations).toEqual(d.uncertainty?.correlations);
  });

  it('drops a driver left independent of all others, and the matrix with the last pair: the draws are then those without one', () => {
    const start = independent();
    let d = setCorrelation(setCorrelation(start, 'gdp', 'industry-digitalization', '0.6'), 'gdp', 'digital-industry', '0.3');
    d = setCorrelation(d, 'digital-industry', 'gdp', '');
    expect(d.uncertainty?.correlations?.drivers).toEqual(['gdp', 'industry-digitalization']);
    d = setCorrelation(d, 'gdp', 'industry-digitalization', '0');
    expect(d.uncertainty && 'correlations' in d.uncertainty).toBe(false);
    expect(d).toEqual(start);
    expect(JSON.stringify(run(d))).toBe(JSON.stringify(run(start)));
    // Nothing to write for a pair of drivers not in the matrix set to 0.
    expect(setCorrelation(start, 'gdp', 'digital-industry', '0')).toBe(start);
  });

  it('keeps text that is not a number as typed, flagged at its cell, which is said where it is in words', () => {
    const d = setCorrelation(independent(), 'gdp', 'industry-digitalization', 'abc');
    const issues = validateDraft(d);
    expect(issues.map((i) => [i.path, issueKey(i).key])).toEqual([
      ['uncertainty.correlations.matrix[0][1]', 'scenario.issue.notNumber'],
      ['uncertainty.correlations.matrix[1][0]', 'scenario.issue.notNumber'],
    ]);
    expect(correlationPlace(d, issues[0]!)).toEqual({ kind: 'cell', a: 'gdp', b: 'industry-digitalization' });
    expect(issueLocation(d, issues[1]!, zh, 'zh')).toBe('相关矩阵（产业数字化与GDP增速）');
  });

  it('places the engine’s errors on their cell or under the matrix, naming drivers by name', () => {
    const out = setCorrelation(independent(), 'gdp', 'industry-digitalization', '1.5');
    const [range] = validateDraft(out);
    expect(correlationPlace(out, range!)).toEqual({ kind: 'cell', a: 'gdp', b: 'industry-digitalization' });
    expect(text(out, range!)).toBe('GDP增速与产业数字化的相关系数须在 -1 到 1 之间');

    let psd = setCorrelation(independent(), 'gdp', 'digital-industry', '0.9');
    psd = setCorrelation(setCorrelation(psd, 'digital-industry', 'industry-digitalization', '0.9'), 'gdp', 'industry-digitalization', '-0.9');
    const [notPsd] = validateDraft(psd);
    expect(correlationPlace(psd, notPsd!)).toEqual({ kind: 'matrix' });
    expect(text(psd, notPsd!)).toBe('GDP增速、数字产业化、产业数字化之间的相关系数不可能同时成立（矩阵不是半正定的）');
    expect(issueLocation(psd, notPsd!, en, 'en')).toBe('Correlation matrix');

    // A matrix written in a file that is not symmetric: the lower entry, with both values.
    const asymmetric = setAt(independent(), 'uncertainty.correlations', { drivers: ['gdp', 'digital-industry'], matrix: [[1, 0.5], [0.4, 1]] });
    const [mirror] = validateDraft(asymmetric);
    expect(correlationPlace(asymmetric, mirror!)).toEqual({ kind: 'cell', a: 'digital-industry', b: 'gdp' });
    expect(text(asymmetric, mirror!)).toBe('数字产业化与GDP增速为 0.4，GDP增速与数字产业化却为 0.5，须对称');

    // With the common shock still set: under the matrix, and at the common shock's row of the sheet.
    const both = setCorrelation(setAt(independent(), 'uncertainty.commonShock', { weight: 0.5 }), 'gdp', 'digital-industry', '0.2');
    const shock = validateDraft(both).find((i) => i.path === 'uncertainty.commonShock')!;
    expect(correlationPlace(both, shock)).toEqual({ kind: 'matrix' });
    expect(text(both, shock)).toBe('共同冲击与相关矩阵只能二选一');
  });

  it('turns the common shock into the matrix it stands for: the same joint distribution', () => {
    const shocked = baseline();
    const matrix = commonShockToMatrix(shocked);
    expect(matrix.uncertainty?.commonShock).toBeUndefined();
    expect(matrix.uncertainty?.correlations).toEqual({
      drivers: ['gdp', 'digital-industry', 'industry-digitalization'],
      matrix: [
        [1, 0.5, 0.5],
        [0.5, 1, 0.5],
        [0.5, 0.5, 1],
      ],
    });
    expect(validateDraft(matrix)).toEqual([]);
    const [a, b] = [run(shocked), run(matrix)];
    // P(share above 50% in 2027), about 18% either way: within sampling error of each other.
    const pa = a.targets[2]!;
    const pb = b.targets[2]!;
    expect(Math.abs(pa.probability - pb.probability)).toBeLessThan(4 * Math.hypot(pa.standardError, pb.standardError));
    expect(Math.abs(a.total.p95.at(-1)! / b.total.p95.at(-1)! - 1)).toBeLessThan(0.02);
  });

  it('lets go of a driver whose distribution is removed', () => {
    let d = commonShockToMatrix(baseline());
    expect(d.uncertainty?.correlations?.drivers).toEqual(['gdp', 'digital-industry', 'industry-digitalization']);
    d = edit(d, 'uncertainty.drivers.digital-industry.kind', 'none');
    expect(d.uncertainty?.correlations).toEqual({ drivers: ['gdp', 'industry-digitalization'], matrix: [[1, 0.5], [0.5, 1]] });
    d = edit(d, 'uncertainty.drivers.gdp.kind', 'none');
    expect(d.uncertainty && 'correlations' in d.uncertainty).toBe(false);
    expect(validateDraft(d)).toEqual([]);
  });
});
