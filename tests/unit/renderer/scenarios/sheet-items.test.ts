import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import { scenarioHash, scenarioIdFromHash } from '../../../../renderer/src/pages/scenarios/address';
import {
  addComponent,
  addTarget,
  applyEdit,
  assumptionRows,
  driverUnit,
  getAt,
  issueKey,
  placeIssues,
  removeComponent,
  removeTarget,
  setAt,
  validateDraft,
  type AssumptionRow,
  type Draft,
} from '../../../../renderer/src/pages/scenarios/assumptions';
import { liveModel } from '../../../../renderer/src/pages/scenarios/live-model';
import { scenarioMessagesEn, scenarioMessagesZh } from '../../../../shared/i18n/scenario-messages';

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
/** Each row's translated-problem keys, as the sheet shows them. */
const problems = (draft: Draft) => {
  const placed = placeIssues(rowsOf(draft), validateDraft(draft));
  return Object.fromEntries([...placed.byRow].map(([path, issues]) => [path, issues.map((i) => issueKey(i).key)]));
};
const nameFor = (id: string) => `新组成部分 ${id}`;
const labelFor = (id: string) => `新目标 ${id}`;

describe('rows for bounds, ids, target kinds and distribution parameters', () => {
  it('shows each driver’s bounds in its unit, and the defaults in use where the scenario writes none', () => {
    const d = baseline();
    const rows = rowsOf(d);
    expect(rows.find((r) => r.path === 'components[0].bounds.min')).toMatchObject({ value: '-20', unit: '%', editor: 'bound' });
    expect(rows.find((r) => r.path === 'components[0].bounds.max')).toMatchObject({ value: '80', unit: '%' });
    expect(rows.find((r) => r.path === 'components[0].bounds.min')!.fallback).toBeUndefined();
    expect(rows.find((r) => r.path === 'uplift.bounds.max')).toMatchObject({ value: '60', unit: 'pp' });
    // GDP has no bounds in the seed: the engine's defaults for a rate, [−50, 100], are shown, not written.
    expect(rows.find((r) => r.path === 'gdp.bounds.min')).toMatchObject({ value: '', fallback: '-50', unit: '%' });
    expect(rows.find((r) => r.path === 'gdp.bounds.max')).toMatchObject({ value: '', fallback: '100' });
    expect(assumptionRows(d).find((r) => r.path === 'gdp.bounds.min')!.fallback).toBeUndefined();
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
  });

  it('gives each target its kind, and the first row of each component and target the item to remove', () => {
    const rows = rowsOf(baseline());
    expect(rows.find((r) => r.path === 'components[1].name')!.item).toEqual({ list: 'components', index: 1, removable: true });
    expect(rows.find((r) => r.path === 'targets[1].kind')).toMatchObject({ value: 'share', editor: 'select', options: ['total', 'share', 'component'] });
    expect(rows.find((r) => r.path === 'targets[1].label')!.item).toEqual({ list: 'targets', index: 1, removable: true });
    expect(rows.find((r) => r.path === 'targets[0].labelEn')).toMatchObject({ value: 'trillion-yuan scale', editor: 'optionalText' });
    expect(rows.some((r) => r.path === 'targets[0].componentId')).toBe(false);
    expect(rows.filter((r) => r.item).map((r) => r.path)).toEqual(['components[0].name', 'components[1].name', 'targets[0].label', 'targets[1].label', 'targets[2].label']);
  });

  it('gives every distribution parameter its driver’s unit, with optional truncation', () => {
    const d = setAt(baseline(), 'uncertainty.drivers.uplift', { kind: 'uniform', min: -1, max: 2, truncate: { min: 0 } });
    const rows = rowsOf(d);
    expect(rows.find((r) => r.path === 'uncertainty.drivers.gdp.sd')).toMatchObject({ value: '1.5', unit: '%', editor: 'number' });
    expect(rows.find((r) => r.path === 'uncertainty.drivers.gdp.truncate.min')).toMatchObject({ value: '', editor: 'optionalNumber' });
    expect(rows.find((r) => r.path === 'uncertainty.drivers.uplift.truncate.min')).toMatchObject({ value: '0', unit: 'pp' });
    const increment = setAt(d, 'components[0].growth', { kind: 'increment', amount: 300 });
    expect(rowsOf(increment).find((r) => r.path === 'uncertainty.drivers.digital-industry.mean')!.unit).toBe('亿元/年');
    expect(driverUnit('rates')).toBe('pp');
  });
});

describe('adding and removing components', () => {
  it('adds a component with a free id, 100亿元 at GDP’s rate, that the projection includes', () => {
    const d = baseline();
    const before = ctxOf(d).projection!;
    const added = addComponent(d, ctxOf(d), nameFor);
    expect(added.path).toBe('components[2].name');
    expect(getAt(added.draft, 'components[2]')).toEqual({ id: 'c3', name: '新组成部分 c3', base: 100, growth: { kind: 'cagr', rate: 6.5 } });
    expect(validateDraft(added.draft)).toEqual([]);
    const after = ctxOf(added.draft).projection!;
    expect(after.components.map((c) => c.id)).toEqual(['digital-industry', 'industry-digitalization', 'c3']);
    expect(after.total.values.at(-1)! - before.total.values.at(-1)!).toBeCloseTo(100 * 1.065 ** 7, 6);
    const rows = rowsOf(added.draft);
    expect(rows.find((r) => r.path === 'components[2].growth.rate')).toMatchObject({ value: '6.5', unit: '%' });
    expect(rows.find((r) => r.path === 'uncertainty.drivers.c3.kind')).toMatchObject({ value: 'none' });
    expect(getAt(d, 'components[2]')).toBeUndefined();
    const again = addComponent(added.draft, ctxOf(added.draft), nameFor);
    expect(getAt(again.draft, 'components[3].id')).toBe('c4');
  });

  it('removes a component with its distribution; the last one cannot be removed', () => {
    const d = baseline();
    const removed = removeComponent(d, 0);
    expect(removed.components!.map((c) => c.id)).toEqual(['industry-digitalization']);
    expect(Object.keys(removed.uncertainty!.drivers)).toEqual(['gdp', 'industry-digitalization']);
    expect(validateDraft(removed)).toEqual([]);
    expect(ctxOf(removed).projection!.total.values[0]).toBe(4500);
    expect(rowsOf(removed).find((r) => r.path === 'components[0].name')!.item).toEqual({ list: 'components', index: 0, removable: false });
  });

  it('flags a target that names a removed component at its field', () => {
    const d = setAt(baseline(), 'targets[3]', { kind: 'component', id: 'C1', label: '数字产业化3000亿元', year: 2025, comparator: '>=', value: 3000, componentId: 'digital-industry' });
    expect(validateDraft(d)).toEqual([]);
    const removed = removeComponent(d, 0);
    expect(problems(removed)).toEqual({ 'targets[3].componentId': ['scenario.issue.noComponent'] });
  });

  it('names each component in both languages and never shows an id', () => {
    const d = setAt(baseline(), 'targets[3]', { kind: 'component', id: 'C1', label: '数字产业化3000亿元', year: 2025, comparator: '>=', value: 3000, componentId: 'digital-industry' });
    const rows = rowsOf(d);
    expect(rows.some((r) => /\.id$/.test(r.path))).toBe(false);
    expect(rows.find((r) => r.path === 'components[0].nameEn')).toMatchObject({ value: 'digital industrialisation', editor: 'optionalText' });
    // The component a target names is chosen by its name; a starting one's group reads in English too.
    expect(rows.find((r) => r.path === 'targets[3].componentId')!.optionLabels).toEqual({ 'digital-industry': '数字产业化', 'industry-digitalization': '产业数字化' });
    expect(rows.find((r) => r.path === 'components[0].name')!.group).toMatchObject({ params: { name: '数字产业化' }, paramsEn: { name: 'digital industrialisation' } });
    const named = edit(d, 'components[0].nameEn', 'ICT industries');
    expect(validateDraft(named)).toEqual([]);
    expect(rowsOf(named).find((r) => r.path === 'components[0].name')!.group.paramsEn).toEqual({ name: 'ICT industries' });
  });
});

describe('adding and removing targets', () => {
  it('adds a total target for the horizon starting near the projection, and any year can be typed', () => {
    const d = baseline();
    const ctx = ctxOf(d);
    const added = addTarget(d, ctx, labelFor);
    expect(added.path).toBe('targets[3].label');
    // Baseline 2027: 6000 × 1.16⁷ = 16957.3 → 17000 (two significant digits).
    expect(6000 * 1.16 ** 7).toBeCloseTo(16957.3, 1);
    expect(getAt(added.draft, 'targets[3]')).toEqual({ kind: 'total', id: 'T1', label: '新目标 T1', year: 2027, comparator: '>=', value: 17000 });
    const in2025 = edit(edit(added.draft, 'targets[3].year', '2025'), 'targets[3].value', '15000');
    const outcome = ctxOf(in2025).projection!.targets.find((x) => x.id === 'T1')!;
    expect(outcome).toMatchObject({ year: 2025, threshold: 15000, met: false });
    expect(outcome.value).toBeCloseTo(6000 * 1.16 ** 5, 6);
    expect(getAt(addTarget(in2025, ctxOf(in2025), labelFor).draft, 'targets[4].id')).toBe('T2');
  });

  it('starts a new target at 1万亿元 when nothing projects', () => {
    const broken = setAt(baseline(), 'gdp.growth.rate', 'x');
    expect(getAt(addTarget(broken, ctxOf(broken), labelFor).draft, 'targets[3].value')).toBe(10000);
  });

  it('switches a target’s kind with a threshold and unit for the new quantity', () => {
    const d = addTarget(baseline(), ctxOf(baseline()), labelFor).draft;
    const share = edit(d, 'targets[3].kind', 'share');
    const p = ctxOf(d).projection!;
    // 16957.3 / (25002.79 × 1.065⁷) = 43.6% → 44.
    expect(p.share.values.at(-1)!).toBeCloseTo(43.6, 1);
    expect(getAt(share, 'targets[3].value')).toBe(44);
    expect(rowAt(share, 'targets[3].value').unit).toBe('%');
    const component = edit(share, 'targets[3].kind', 'component');
    expect(getAt(component, 'targets[3]')).toMatchObject({ kind: 'component', componentId: 'digital-industry', value: 4200 });
    expect(rowAt(component, 'targets[3].componentId').value).toBe('digital-industry');
    const other = edit(component, 'targets[3].componentId', 'industry-digitalization');
    expect(ctxOf(other).projection!.targets[3]).toMatchObject({ componentId: 'industry-digitalization', threshold: 4200, met: true });
    const total = edit(other, 'targets[3].kind', 'total');
    expect(getAt(total, 'targets[3].componentId')).toBeUndefined();
    expect(validateDraft(total)).toEqual([]);
  });

  it('removes a target; an English label can be cleared', () => {
    const d = baseline();
    const removed = removeTarget(d, 1);
    expect(removed.targets!.map((x) => x.id)).toEqual(['A1', 'P2027']);
    expect(ctxOf(removed).projection!.targets.map((x) => x.id)).toEqual(['A1', 'P2027']);
    const cleared = edit(d, 'targets[0].labelEn', ' ');
    expect(getAt(cleared, 'targets[0]')).not.toHaveProperty('labelEn');
    expect(validateDraft(cleared)).toEqual([]);
  });
});

describe('editing bounds', () => {
  it('takes the other bound from the defaults in use, and clearing either goes back to the defaults', () => {
    const d = baseline();
    const e = edit(d, 'gdp.bounds.min', '2');
    expect(getAt(e, 'gdp.bounds')).toEqual({ min: 2, max: 100 });
    expect(ctxOf(e).drivers.find((x) => x.id === 'gdp')).toMatchObject({ bounds: { min: 2, max: 100 }, boundsFromScenario: true });
    const narrowed = edit(e, 'gdp.bounds.max', '9');
    expect(getAt(narrowed, 'gdp.bounds')).toEqual({ min: 2, max: 9 });
    const cleared = edit(narrowed, 'gdp.bounds.max', '');
    expect(getAt(cleared, 'gdp')).not.toHaveProperty('bounds');
    expect(rowAt(cleared, 'gdp.bounds.max').fallback).toBe('100');
  });

  it('flags a lower bound not below the upper, or not a number, at its field', () => {
    const d = baseline();
    expect(problems(edit(d, 'components[0].bounds.min', '90'))).toEqual({ 'components[0].bounds.max': ['scenario.issue.minBelowMax'] });
    expect(problems(edit(d, 'uplift.bounds.max', '多'))).toEqual({ 'uplift.bounds.max': ['scenario.issue.notNumber'] });
    // A pair half written in a file asks for the other half.
    expect(problems(setAt(d, 'uplift.bounds', { min: -5 }))).toEqual({ 'uplift.bounds.max': ['scenario.issue.required'] });
  });

  it('drops bounds and re-centres the distribution when a new growth kind changes the driver’s unit', () => {
    const d = baseline();
    const increment = edit(d, 'components[0].growth.kind', 'increment');
    expect(getAt(increment, 'components[0]')).not.toHaveProperty('bounds');
    expect(getAt(increment, 'uncertainty.drivers.digital-industry')).toEqual({ kind: 'normal', mean: 240, sd: 48 });
    expect(validateDraft(increment)).toEqual([]);
    const logistic = edit(d, 'components[0].growth.kind', 'logistic');
    expect(getAt(logistic, 'components[0].bounds')).toEqual({ min: -20, max: 80 });
    expect(getAt(logistic, 'uncertainty.drivers.digital-industry')).toEqual({ kind: 'normal', mean: 16, sd: 4 });
  });
});

describe('editing distribution parameters', () => {
  it('truncates a distribution, and clearing the bound removes the truncation', () => {
    const d = baseline();
    const e = edit(d, 'uncertainty.drivers.gdp.truncate.min', '0');
    expect(getAt(e, 'uncertainty.drivers.gdp')).toEqual({ kind: 'normal', mean: 6.5, sd: 1.5, truncate: { min: 0 } });
    expect(validateDraft(e)).toEqual([]);
    expect(getAt(edit(e, 'uncertainty.drivers.gdp.truncate.min', ''), 'uncertainty.drivers.gdp')).toEqual({ kind: 'normal', mean: 6.5, sd: 1.5 });
    expect(problems(edit(edit(e, 'uncertainty.drivers.gdp.truncate.max', '-1'), 'uncertainty.drivers.gdp.truncate.min', '0'))).toEqual({
      'uncertainty.drivers.gdp.truncate.max': ['scenario.issue.minBelowMax'],
    });
  });

  it('flags a bad parameter at its field', () => {
    const d = baseline();
    const sd = edit(d, 'uncertainty.drivers.gdp.sd', '-1');
    expect(problems(sd)).toEqual({ 'uncertainty.drivers.gdp.sd': ['scenario.issue.tooSmall'] });
    // Picking the kind a distribution already has keeps its parameters.
    expect(edit(sd, 'uncertainty.drivers.gdp.kind', 'normal')).toBe(sd);
    const tri = edit(d, 'uncertainty.drivers.uplift.kind', 'triangular');
    expect(problems(edit(tri, 'uncertainty.drivers.uplift.mode', '5'))).toEqual({ 'uncertainty.drivers.uplift.mode': ['scenario.issue.triangularOrder'] });
  });

  it('sets a common shock on a scenario without any distribution', () => {
    const d = setAt(baseline(), 'uncertainty', undefined);
    const e = edit(d, 'uncertainty.commonShock.weight', '0.3');
    // The section the editor creates draws once per path, as new scenarios do (ENGINE.md, "Persistence").
    expect(getAt(e, 'uncertainty')).toEqual({ drivers: {}, persistence: 'path', commonShock: { weight: 0.3 } });
    expect(validateDraft(e)).toEqual([]);
  });
});

describe('the address', () => {
  it('reads the scenario id of #/scenarios?id=N only', () => {
    expect(scenarioIdFromHash('#/scenarios?id=2')).toBe(2);
    expect(scenarioIdFromHash('#scenarios?id=12')).toBe(12);
    expect(scenarioIdFromHash('#/scenarios')).toBeNull();
    expect(scenarioIdFromHash('#/scenarios?id=x')).toBeNull();
    expect(scenarioIdFromHash('#/scenarios?id=0')).toBeNull();
    expect(scenarioIdFromHash('#/charts?id=2')).toBeNull();
    expect(scenarioHash(3)).toBe('#/scenarios?id=3');
    expect(scenarioHash(null)).toBe('#/scenarios');
  });
});

describe('messages', () => {
  it('has every scenario message in both languages with the same placeholders', () => {
    expect(Object.keys(scenarioMessagesEn).sort()).toEqual(Object.keys(scenarioMessagesZh).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(scenarioMessagesZh)) expect(placeholders(scenarioMessagesEn[key]!), key).toEqual(placeholders(scenarioMessagesZh[key]!));
  });
});
