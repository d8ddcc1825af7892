// The sampling choice in the scenario sheet (独立随机抽样 / 拉丁超立方抽样): its row, and the edit that
// writes `uncertainty.sampling` — 'lhs' written, 'random' (what a definition without one draws) by
// removing the key, so a scenario switched back draws exactly what it drew before.
import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { applyEdit, assumptionRows, diffAssumptions, validateDraft, type Draft } from '../../../../renderer/src/pages/scenarios/assumptions';
import { liveModel } from '../../../../renderer/src/pages/scenarios/live-model';
import { monteCarlo, parseResolvedScenario } from '../../../../shared/engine';

const baseline = () => structuredClone(seeds[0]) as unknown as Draft;
const pick = (draft: Draft, kind: string) => applyEdit(draft, { path: 'uncertainty.sampling', editor: 'select' }, kind, liveModel(draft, new Map()));
const row = (draft: Draft) => assumptionRows(draft).find((r) => r.path === 'uncertainty.sampling');

describe('the sampling row', () => {
  it('shows independent random draws for a scenario that names none, with the explanation as a hint', () => {
    expect(row(baseline())).toMatchObject({
      value: 'random',
      editor: 'select',
      options: ['random', 'lhs'],
      optionPrefix: 'scenario.sampling.',
      hint: 'scenario.sampling.help',
      group: { key: 'scenario.group.sampling' },
    });
  });

  it('writes a Latin hypercube into the uncertainty section, and the run draws with it', () => {
    const lhs = pick(baseline(), 'lhs');
    expect(lhs.uncertainty?.sampling).toBe('lhs');
    expect(row(lhs)!.value).toBe('lhs');
    expect(validateDraft(lhs)).toEqual([]);
    expect(monteCarlo(parseResolvedScenario(lhs), { draws: 2048, seed: 1 }).sampling).toBe('lhs');
    expect(diffAssumptions([baseline(), lhs]).find((r) => r.path === 'uncertainty.sampling')).toMatchObject({ values: ['random', 'lhs'], differs: true });
  });

  it('goes back to random draws by removing the key: the definition, and the draws, as before', () => {
    const back = pick(pick(baseline(), 'lhs'), 'random');
    expect(back).toEqual(baseline());
    // Picking what is already in use changes nothing.
    const start = baseline();
    expect(pick(start, 'random')).toBe(start);
  });

  it('creates the uncertainty section, drawing once per path, in a scenario without one', () => {
    const plain = { ...baseline(), uncertainty: undefined };
    const lhs = pick(plain, 'lhs');
    expect(lhs.uncertainty).toEqual({ drivers: {}, persistence: 'path', sampling: 'lhs' });
    expect(validateDraft(lhs)).toEqual([]);
  });
});
