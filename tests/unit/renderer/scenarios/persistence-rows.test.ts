// The persistence choice in the scenario sheet (每条路径抽取一次 / 每年重新抽取 / 自相关 ρ): rows for the
// scenario and for each driver with a distribution, edits back into the draft, errors at the field.
import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { applyEdit, assumptionRows, diffAssumptions, getAt, issueKey, placeIssues, setAt, validateDraft, type AssumptionRow, type Draft } from '../../../../renderer/src/pages/scenarios/assumptions';
import { liveModel } from '../../../../renderer/src/pages/scenarios/live-model';
import { monteCarlo } from '../../../../shared/engine';

const baseline = () => structuredClone(seeds[0]) as unknown as Draft;
const none = new Map();
const ctxOf = (draft: Draft) => liveModel(draft, none);
const rowsOf = (draft: Draft) => assumptionRows(draft, ctxOf(draft).drivers);
const rowAt = (draft: Draft, path: string): AssumptionRow => {
  const row = rowsOf(draft).find((r) => r.path === path);
  if (!row) throw new Error(`no row ${path}`);
  return row;
};
const edit = (draft: Draft, path: string, text: string) => applyEdit(draft, rowAt(draft, path), text, ctxOf(draft));
const problems = (draft: Draft) => {
  const placed = placeIssues(rowsOf(draft), validateDraft(draft));
  return Object.fromEntries([...placed.byRow].map(([path, issues]) => [path, issues.map((i) => issueKey(i).key)]));
};

describe('persistence rows', () => {
  it('show the scenario’s choice and each driver’s, with the explanation as a hint', () => {
    const rows = rowsOf(baseline());
    expect(rows.find((r) => r.path === 'uncertainty.persistence.kind')).toMatchObject({
      value: 'path',
      editor: 'select',
      options: ['path', 'year', 'ar'],
      optionPrefix: 'scenario.persistence.',
      hint: 'scenario.persistence.help',
      group: { key: 'scenario.group.persistence' },
    });
    expect(rows.find((r) => r.path === 'uncertainty.persistence')).toBeUndefined();
    expect(rows.find((r) => r.path === 'uncertainty.drivers.gdp.persistence.kind')).toMatchObject({ value: 'inherit', options: ['inherit', 'path', 'year', 'ar'] });
    // A saved version without persistence (as migration 009 does not leave one, but a file may) means "year".
    const old = setAt(baseline(), 'uncertainty.persistence', undefined);
    expect(rowsOf(old).find((r) => r.path === 'uncertainty.persistence.kind')!.value).toBe('year');
  });

  it('picks 自相关 ρ with 0.5, then takes a typed ρ; the draft runs with it', () => {
    const ar = edit(baseline(), 'uncertainty.persistence.kind', 'ar');
    expect(getAt(ar, 'uncertainty.persistence')).toBe(0.5);
    expect(rowAt(ar, 'uncertainty.persistence')).toMatchObject({ value: '0.5', editor: 'number', field: 'scenario.field.rho' });
    const typed = edit(ar, 'uncertainty.persistence', '0.8');
    expect(getAt(typed, 'uncertainty.persistence')).toBe(0.8);
    const live = ctxOf(typed);
    expect(live.issues).toEqual([]);
    expect(monteCarlo(live.resolved!, { draws: 2000, seed: 1 }).persistence.scenario).toBe(0.8);
    // Back to a word and to 自相关 again: the ρ written before is gone with it, so 0.5 again.
    expect(getAt(edit(typed, 'uncertainty.persistence.kind', 'year'), 'uncertainty.persistence')).toBe('year');
  });

  it('flags a ρ not strictly between 0 and 1, or not a number, at its field', () => {
    const ar = edit(baseline(), 'uncertainty.persistence.kind', 'ar');
    expect(problems(edit(ar, 'uncertainty.persistence', '1'))).toEqual({ 'uncertainty.persistence': ['scenario.issue.persistence'] });
    expect(problems(edit(ar, 'uncertainty.persistence', 'abc'))).toEqual({ 'uncertainty.persistence': ['scenario.issue.persistence'] });
    // A bad word from a file is shown where ρ goes, with the complaint.
    const bad = setAt(baseline(), 'uncertainty.persistence', 'paths');
    expect(rowAt(bad, 'uncertainty.persistence.kind').value).toBe('ar');
    expect(problems(bad)).toEqual({ 'uncertainty.persistence': ['scenario.issue.persistence'] });
  });

  it('gives a driver its own persistence and takes it back', () => {
    const own = edit(baseline(), 'uncertainty.drivers.gdp.persistence.kind', 'year');
    expect(getAt(own, 'uncertainty.drivers.gdp.persistence')).toBe('year');
    const rho = edit(edit(own, 'uncertainty.drivers.gdp.persistence.kind', 'ar'), 'uncertainty.drivers.gdp.persistence', '0.3');
    expect(getAt(rho, 'uncertainty.drivers.gdp')).toEqual({ kind: 'normal', mean: 6.5, sd: 1.5, persistence: 0.3 });
    expect(monteCarlo(ctxOf(rho).resolved!, { draws: 1000, seed: 1 }).persistence.drivers).toEqual({ gdp: 0.3, 'digital-industry': 'path', 'industry-digitalization': 'path' });
    const back = edit(rho, 'uncertainty.drivers.gdp.persistence.kind', 'inherit');
    expect(getAt(back, 'uncertainty.drivers.gdp')).toEqual({ kind: 'normal', mean: 6.5, sd: 1.5 });
  });

  it('writes "path" into an uncertainty section the editor creates, and shows it before there is one', () => {
    const bare = setAt(baseline(), 'uncertainty', undefined);
    expect(rowAt(bare, 'uncertainty.persistence.kind').value).toBe('path');
    const added = edit(bare, 'uncertainty.drivers.gdp.kind', 'normal');
    expect(getAt(added, 'uncertainty.persistence')).toBe('path');
    const year = edit(bare, 'uncertainty.persistence.kind', 'year');
    expect(getAt(year, 'uncertainty')).toEqual({ drivers: {}, persistence: 'year' });
    expect(validateDraft(year)).toEqual([]);
  });

  it('is compared between scenarios like any assumption', () => {
    const other = setAt(baseline(), 'uncertainty.persistence', 0.6);
    const row = diffAssumptions([baseline(), other]).find((r) => r.path === 'uncertainty.persistence.kind')!;
    expect(row).toMatchObject({ values: ['path', 'ar'], differs: true });
  });
});
