import { describe, expect, it } from 'vitest';
import seeds from '../../../../data/seed/scenarios.json';
import {
  applyEdit,
  assumptionRows,
  diffAssumptions,
  getAt,
  issueKey,
  parsePath,
  placeIssues,
  setAt,
  validateDraft,
  type AssumptionRow,
  type Draft,
} from '../../../../renderer/src/pages/scenarios/assumptions';
import { baseRefs, liveModel } from '../../../../renderer/src/pages/scenarios/live-model';

const baseline = () => structuredClone(seeds[0]) as unknown as Draft;
const accelerated = () => structuredClone(seeds[1]) as unknown as Draft;
const none = new Map();
const rowAt = (draft: Draft, path: string): AssumptionRow => {
  const row = assumptionRows(draft).find((r) => r.path === path);
  if (!row) throw new Error(`no row ${path}`);
  return row;
};
const ctxOf = (draft: Draft) => liveModel(draft, none);

describe('assumption rows', () => {
  it('shows every assumption of the baseline with its engine path and unit', () => {
    const rows = assumptionRows(baseline());
    expect(rows.find((r) => r.path === 'components[0].growth.rate')).toMatchObject({ value: '16', unit: '%', editor: 'number' });
    expect(rows.find((r) => r.path === 'gdp.base')).toMatchObject({ value: '25002.79', unit: '亿元', editor: 'base' });
    expect(rows.find((r) => r.path === 'targets[0].value')).toMatchObject({ value: '10000', unit: '亿元' });
    expect(rows.find((r) => r.path === 'targets[1].value')).toMatchObject({ value: '40', unit: '%' });
    expect(rows.find((r) => r.path === 'uncertainty.drivers.gdp.sd')).toMatchObject({ value: '1.5' });
    expect(rows.find((r) => r.path === 'uncertainty.commonShock.weight')).toMatchObject({ value: '0.5' });
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
  });

  it('reads and writes values by engine path without touching the original', () => {
    expect(parsePath('components[1].growth.rates')).toEqual(['components', 1, 'growth', 'rates']);
    const d = baseline();
    const e = setAt(d, 'components[1].growth.rate', 20);
    expect(getAt(e, 'components[1].growth.rate')).toBe(20);
    expect(getAt(d, 'components[1].growth.rate')).toBe(16);
    expect(getAt(setAt(e, 'uplift', undefined), 'uplift')).toBeUndefined();
  });
});

describe('editing', () => {
  it('a new growth rate changes the projection', () => {
    const d = baseline();
    const before = ctxOf(d).projection!.total.values.at(-1)!;
    const e = applyEdit(d, rowAt(d, 'components[0].growth.rate'), '20', ctxOf(d));
    expect(getAt(e, 'components[0].growth.rate')).toBe(20);
    const after = ctxOf(e).projection!.total.values.at(-1)!;
    expect(after).toBeCloseTo(1500 * 1.2 ** 7 + 4500 * 1.16 ** 7, 6);
    expect(after).toBeGreaterThan(before);
  });

  it('keeps text that is not a number, so the schema names the field and nothing projects', () => {
    const d = baseline();
    const e = applyEdit(d, rowAt(d, 'components[0].growth.rate'), '快', ctxOf(d));
    const live = ctxOf(e);
    expect(live.projection).toBeNull();
    expect(live.issues.map((i) => i.path)).toEqual(['components[0].growth.rate']);
    expect(issueKey(live.issues[0]!).key).toBe('scenario.issue.notNumber');
    const placed = placeIssues(assumptionRows(e), live.issues);
    expect([...placed.byRow.keys()]).toEqual(['components[0].growth.rate']);
    expect(placed.unplaced).toEqual([]);
  });

  it('translates the engine’s own checks by key with their parameters', () => {
    const d = baseline();
    const rates = applyEdit(d, rowAt(d, 'components[0].growth.rate'), '-150', ctxOf(d));
    expect(issueKey(validateDraft(rates)[0]!)).toMatchObject({ key: 'scenario.issue.tooSmall', params: { minimum: -100 } });
    const wrongCount = setAt(d, 'components[0].growth', { kind: 'rates', rates: [1, 2] });
    expect(issueKey(validateDraft(wrongCount)[0]!)).toEqual({ key: 'scenario.issue.ratesCount', params: { key: 'ratesCount', count: 7, from: 2021, to: 2027 } });
    const lateTarget = applyEdit(d, rowAt(d, 'targets[0].year'), '2030', ctxOf(d));
    const issue = validateDraft(lateTarget)[0]!;
    expect(issue.path).toBe('targets[0].year');
    expect(issueKey(issue).params).toMatchObject({ from: 2021, to: 2027 });
  });

  it('converts a growth spec to another kind at the same starting growth', () => {
    const d = baseline();
    const ctx = ctxOf(d);
    const rates = applyEdit(d, rowAt(d, 'components[0].growth.kind'), 'rates', ctx);
    expect(getAt(rates, 'components[0].growth')).toEqual({ kind: 'rates', rates: [16, 16, 16, 16, 16, 16, 16] });
    expect(ctxOf(rates).projection!.total.values).toEqual(ctx.projection!.total.values);
    const elastic = applyEdit(d, rowAt(d, 'components[1].growth.kind'), 'elasticity', ctx);
    expect(getAt(elastic, 'components[1].growth')).toEqual({ kind: 'elasticity', elasticity: 2.46 });
    const increment = applyEdit(d, rowAt(d, 'components[0].growth.kind'), 'increment', ctx);
    expect(getAt(increment, 'components[0].growth')).toEqual({ kind: 'increment', amount: 240 });
    expect(rowAt(increment, 'components[0].growth.amount').unit).toBe('亿元/年');
    const linear = applyEdit(d, rowAt(d, 'components[0].growth.kind'), 'linear', ctx);
    expect(rowAt(linear, 'components[0].growth.history').value).toBe('2019: 1293.1; 2020: 1500');
    const edited = applyEdit(linear, rowAt(linear, 'components[0].growth.history'), '2018: 1000; 2019: 1200; 2020: 1500', ctxOf(linear));
    expect(getAt(edited, 'components[0].growth.history')).toEqual([
      { year: 2018, value: 1000 },
      { year: 2019, value: 1200 },
      { year: 2020, value: 1500 },
    ]);
    expect(validateDraft(edited)).toEqual([]);
  });

  it('takes a logistic curve’s rate or its midpoint year, never both', () => {
    const d = applyEdit(baseline(), rowAt(baseline(), 'components[0].growth.kind'), 'logistic', ctxOf(baseline()));
    expect(getAt(d, 'components[0].growth')).toEqual({ kind: 'logistic', ceiling: 4500, rate: 16 });
    const mid = applyEdit(d, rowAt(d, 'components[0].growth.midpointYear'), '2026', ctxOf(d));
    expect(getAt(mid, 'components[0].growth')).toEqual({ kind: 'logistic', ceiling: 4500, midpointYear: 2026 });
    expect(validateDraft(mid)).toEqual([]);
  });

  it('adds and removes a driver’s distribution', () => {
    const d = baseline();
    const ctx = ctxOf(d);
    const off = applyEdit(d, rowAt(d, 'uncertainty.drivers.gdp.kind'), 'none', ctx);
    expect(getAt(off, 'uncertainty.drivers.gdp')).toBeUndefined();
    const tri = applyEdit(off, rowAt(off, 'uncertainty.drivers.uplift.kind'), 'triangular', ctx);
    expect(getAt(tri, 'uncertainty.drivers.uplift')).toEqual({ kind: 'triangular', min: -1, mode: 0, max: 1 });
    expect(validateDraft(tri)).toEqual([]);
  });

  it('reads a base written as indicator@region and resolves it from the looked-up latest actual', () => {
    const d = baseline();
    const e = applyEdit(d, rowAt(d, 'gdp.base'), 'gdp@CQ', ctxOf(d));
    expect(getAt(e, 'gdp.base')).toEqual({ indicator: 'gdp', region: 'CQ' });
    expect(baseRefs(e)).toEqual([{ indicator: 'gdp', region: 'CQ' }]);
    expect(liveModel(e, new Map([['gdp@CQ', { year: 2020, value: 25002.79 }]])).projection!.gdp.values[0]).toBe(25002.79);
    const mismatch = liveModel(e, new Map([['gdp@CQ', { year: 2024, value: 32193.15 }]]));
    expect(mismatch.failure).toMatchObject({ code: 'engine.base_year_mismatch', params: { path: 'gdp.base', year: 2024, baseYear: 2020 } });
  });

  it('projects the seed well under 50 ms', () => {
    const d = baseline();
    const live = Array.from({ length: 20 }, () => ctxOf(d));
    const ms = live.map((l) => l.ms).sort((a, b) => a - b);
    expect(ms[10]!).toBeLessThan(50);
  });
});

describe('compare', () => {
  it('flags exactly the assumptions that differ between baseline and accelerated', () => {
    const rows = diffAssumptions([baseline(), accelerated()]);
    expect(rows.filter((r) => r.differs).map((r) => r.path)).toEqual([
      'gdp.growth.rate',
      'components[0].growth.rate',
      'components[1].growth.rate',
      'uncertainty.drivers.gdp.mean',
      'uncertainty.drivers.digital-industry.mean',
      'uncertainty.drivers.industry-digitalization.mean',
    ]);
    expect(rows.find((r) => r.path === 'components[1].growth.rate')!.values).toEqual(['16', '25']);
    expect(rows.some((r) => r.path === 'name')).toBe(false);
  });

  it('shows a row only one scenario has as differing, blank for the other', () => {
    const other = setAt(accelerated(), 'components[0].growth', { kind: 'rates', rates: [20, 20, 20, 20, 20, 20, 20] });
    const row = diffAssumptions([baseline(), other]).find((r) => r.path === 'components[0].growth.rates')!;
    expect(row).toMatchObject({ values: ['', '20, 20, 20, 20, 20, 20, 20'], differs: true });
  });
});
