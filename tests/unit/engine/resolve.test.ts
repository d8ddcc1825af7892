import { describe, expect, it } from 'vitest';
import { parseScenario, project, resolveBases, type LatestActual } from '../../../shared/engine';

const written = parseScenario({
  name: '基准',
  basis: 'test',
  baseYear: 2020,
  horizon: 2022,
  gdp: { base: { indicator: 'GDP', region: 'CQ' }, growth: { kind: 'cagr', rate: 6 } },
  components: [
    { id: 'a', name: 'A', base: 1500, growth: { kind: 'cagr', rate: 16 } },
    { id: 'b', name: 'B', base: { indicator: 'DE_B', region: 'CQ' }, growth: { kind: 'logistic', ceiling: 9000, rate: 30 } },
  ],
});

const workspace: Record<string, { year: number; value: number }> = {
  'GDP/CQ': { year: 2020, value: 25002.79 },
  'DE_B/CQ': { year: 2020, value: 4500 },
};
const lookup: LatestActual = (indicator, region) => workspace[`${indicator}/${region}`];

describe('resolveBases', () => {
  it('takes workspace bases and records where they came from', () => {
    const r = resolveBases(written, lookup);
    if (!r.ok) throw r.error;
    expect(r.scenario.gdp.base).toBe(25002.79);
    expect(r.scenario.gdp.baseSource).toEqual({ indicator: 'GDP', region: 'CQ', year: 2020 });
    expect(r.scenario.components[0]!.base).toBe(1500);
    expect(r.scenario.components[0]!.baseSource).toBeUndefined();
    expect(r.scenario.components[1]!.base).toBe(4500);
    expect(project(r.scenario).total.values[0]).toBe(6000);
  });

  it('locates a missing base', () => {
    const r = resolveBases(written, (i, reg) => (i === 'DE_B' ? undefined : lookup(i, reg)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('base_not_found');
    expect(r.error.params).toEqual({ path: 'components[1].base', indicator: 'DE_B', region: 'CQ' });
  });

  it('refuses a latest actual from another year than the base year', () => {
    const r = resolveBases(written, (i, reg) => (i === 'GDP' ? { year: 2022, value: 29129.03 } : lookup(i, reg)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('base_year_mismatch');
    expect(r.error.params).toMatchObject({ path: 'gdp.base', year: 2022, baseYear: 2020 });
  });

  it('checks what depends on the resolved value: a logistic ceiling above its base', () => {
    const r = resolveBases(written, (i, reg) => (i === 'DE_B' ? { year: 2020, value: 9500 } : lookup(i, reg)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('logistic_ceiling_not_above_base');
    expect(r.error.params).toMatchObject({ path: 'components[1].growth.ceiling', ceiling: 9000, base: 9500 });
  });

  it('refuses a non-positive workspace value', () => {
    const r = resolveBases(written, (i, reg) => (i === 'GDP' ? { year: 2020, value: 0 } : lookup(i, reg)));
    expect(r.ok ? null : r.error.code).toBe('base_not_positive');
  });
});
