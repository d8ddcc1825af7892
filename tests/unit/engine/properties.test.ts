// Properties that must hold for any scenario, not just the hand-computed ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalSeek, listDrivers, monteCarlo, project, requiredGrowth, resolvedScenarioSchema, type ResolvedScenario } from '../../../shared/engine';

const horizon = 2026;
const steps = horizon - 2020;

const growthSpec = fc.oneof(
  fc.record({ kind: fc.constant('cagr' as const), rate: fc.double({ min: -30, max: 60, noNaN: true }) }),
  fc.record({ kind: fc.constant('rates' as const), rates: fc.array(fc.double({ min: -30, max: 60, noNaN: true }), { minLength: steps, maxLength: steps }) }),
  fc.record({ kind: fc.constant('increment' as const), amount: fc.double({ min: -200, max: 800, noNaN: true }) }),
  fc.record({ kind: fc.constant('logistic' as const), ceiling: fc.double({ min: 20_000, max: 60_000, noNaN: true }), rate: fc.double({ min: 1, max: 80, noNaN: true }) }),
  fc.record({ kind: fc.constant('elasticity' as const), elasticity: fc.double({ min: 0, max: 3, noNaN: true }) }),
);

const scenarioArb = fc
  .record({
    // GDP growth ≥ 0 so that an elasticity is a growth driver (with GDP shrinking, more elasticity means less growth).
    gdpRate: fc.double({ min: 0, max: 15, noNaN: true }),
    components: fc.array(fc.record({ base: fc.double({ min: 100, max: 10_000, noNaN: true }), growth: growthSpec }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ gdpRate, components }) =>
    resolvedScenarioSchema.parse({
      name: 'p',
      basis: 'generated',
      baseYear: 2020,
      horizon,
      gdp: { base: 25_000, growth: { kind: 'cagr', rate: gdpRate } },
      components: components.map((c, i) => ({ id: `c${i}`, name: `c${i}`, ...c })),
      targets: [],
    }),
  );

/** The scenario with one driver set to a value, through the JSON form where the driver is a field. */
function totalsWith(s: ResolvedScenario, driver: string, value: number): number[] {
  const x = { ...s, uplift: { value: s.uplift?.value ?? 0 } };
  if (driver === 'uplift') x.uplift = { value };
  else if (driver === 'gdp') x.gdp = { ...s.gdp, growth: { kind: 'cagr', rate: value } };
  else {
    x.components = s.components.map((c) => {
      if (c.id !== driver) return c;
      const g = c.growth;
      if (g.kind === 'cagr') return { ...c, growth: { ...g, rate: value } };
      if (g.kind === 'rates') return { ...c, growth: { ...g, rates: g.rates.map((r) => r + value) } };
      if (g.kind === 'increment') return { ...c, growth: { ...g, amount: value } };
      if (g.kind === 'logistic') return { ...c, growth: { ...g, rate: value } };
      if (g.kind === 'elasticity') return { ...c, growth: { ...g, elasticity: value } };
      return c;
    });
  }
  return project(x).total.values;
}

describe('properties', () => {
  it('the total never falls when any growth driver rises (every year)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, pick, u, v) => {
        const drivers = listDrivers(s);
        const d = drivers[pick % drivers.length]!;
        const lo = Math.max(d.bounds.min, d.param === 'logisticRate' ? 0.5 : d.param === 'elasticity' ? 0 : -40);
        const hi = Math.min(d.bounds.max, 80);
        // An increment's default bounds lie around its nominal amount: a strongly negative one (−140
        // a year) has bounds wholly below the floor of −40, leaving no range to test here.
        fc.pre(lo < hi);
        const [a, b] = [lo + Math.min(u, v) * (hi - lo), lo + Math.max(u, v) * (hi - lo)];
        const low = totalsWith(s, d.id, a);
        const high = totalsWith(s, d.id, b);
        // Equal up to rounding where the driver does not act (an elasticity of 0, a level at zero); a
        // few ulps per year of compounding (seen: 1.0e-12 relative after six years), never a real fall.
        high.forEach((h, t) => expect(h).toBeGreaterThanOrEqual(low[t]! * (1 - 1e-10) - 1e-10));
      }),
      { numRuns: 300 },
    );
  });

  it('growing at the required rate reaches the target exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (from, to, years) => {
          expect(from * (1 + requiredGrowth(from, to, years) / 100) ** years / to).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('goal seek lands within tolerance on the met side of any reachable level target', () => {
    fc.assert(
      fc.property(fc.double({ min: 500, max: 8000, noNaN: true }), fc.double({ min: 1.2, max: 4, noNaN: true }), fc.integer({ min: 1, max: 8 }), (base, multiple, years) => {
        const s = resolvedScenarioSchema.parse({
          name: 'g',
          basis: 'generated',
          baseYear: 2020,
          horizon: 2020 + years,
          gdp: { base: 25_000, growth: { kind: 'cagr', rate: 6 } },
          components: [{ id: 'de', name: 'de', base, growth: { kind: 'cagr', rate: 0 }, bounds: { min: -50, max: 400 } }],
          targets: [{ kind: 'total', id: 't', label: 't', year: 2020 + years, value: base * multiple }],
        });
        const r = goalSeek(s, { targetId: 't', driver: 'de' });
        expect(Math.abs(r.value - requiredGrowth(base, base * multiple, years))).toBeLessThanOrEqual(2 * r.tolerance + 1e-9);
        expect(r.metricAtValue).toBeGreaterThanOrEqual(base * multiple);
      }),
      { numRuns: 100 },
    );
  });

  it('Monte Carlo with the same seed gives the same result', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (s, seed) => {
        const withUncertainty = { ...s, uncertainty: { drivers: { gdp: { kind: 'normal' as const, mean: 6, sd: 2 }, c0: { kind: 'triangular' as const, min: 0, mode: 5, max: 10 } }, commonShock: { weight: 0.4 } } };
        expect(monteCarlo(withUncertainty, { draws: 300, seed })).toEqual(monteCarlo(withUncertainty, { draws: 300, seed }));
      }),
      { numRuns: 20 },
    );
  });
});
