import { describe, expect, it } from 'vitest';
import { EngineError, parseScenario, scenarioSchema, type SchemaIssue } from '../../../shared/engine';

const valid = {
  name: '基准',
  basis: 'GDP 2020 published (重庆市统计局); the rest illustrative',
  baseYear: 2020,
  horizon: 2022,
  gdp: { base: 25002.79, growth: { kind: 'cagr', rate: 6.5 } },
  components: [
    { id: 'digital-industry', name: '数字产业化', base: { indicator: 'DE_INDUSTRY', region: 'CQ' }, growth: { kind: 'cagr', rate: 16 } },
    { id: 'digitalization', name: '产业数字化', base: 4500, growth: { kind: 'rates', rates: [15, 17] } },
  ],
  targets: [{ kind: 'total', id: 'A1', label: '万亿', year: 2022, value: 10000 }],
};

/** `valid` with component i's fields replaced. */
function withComponent(i: number, patch: object) {
  return { ...valid, components: valid.components.map((c, j) => (j === i ? { ...c, ...patch } : c)) };
}

function issues(input: unknown): SchemaIssue[] {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('invalid_scenario');
    return (error as EngineError).details as SchemaIssue[];
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario schema', () => {
  it('accepts the documented form and fills defaults', () => {
    const s = parseScenario(valid);
    expect(s.description).toBe('');
    expect(s.targets[0]!.comparator).toBe('>=');
    expect(s.components[0]!.base).toEqual({ indicator: 'DE_INDUSTRY', region: 'CQ' });
  });

  it('points each error at its field', () => {
    const bad = {
      ...withComponent(0, { growth: { kind: 'cagr', rate: -120 } }),
      gdp: { base: 25002.79, growth: { kind: 'elasticity', elasticity: 1 } },
    };
    const paths = issues(bad).map((i) => i.path);
    expect(paths).toContain('components[0].growth.rate');
    expect(paths).toContain('gdp.growth.kind');
  });

  it('checks fields against each other', () => {
    const edited = withComponent(1, { growth: { kind: 'rates', rates: [15] } });
    const bad = {
      ...edited,
      components: [...edited.components, { id: 'gdp', name: 'x', base: 1, growth: { kind: 'cagr', rate: 1 } }],
      targets: [
        { ...valid.targets[0]!, year: 2030 },
        { kind: 'component', id: 'A1', label: 'x', componentId: 'nope', year: 2022, value: 1 },
      ],
      uncertainty: { drivers: { nobody: { kind: 'normal', mean: 0, sd: 1 } } },
    };
    const found = issues(bad);
    const at = (path: string) => found.find((i) => i.path === path)?.message;
    expect(at('components[1].growth.rates')).toMatch(/needs 2 rates/);
    expect(at('targets[0].year')).toMatch(/2021–2022/);
    expect(at('targets[1].id')).toMatch(/duplicate/);
    expect(at('targets[1].componentId')).toMatch(/no component/);
    expect(at('components[2].id')).toMatch(/reserved/);
    expect(at('uncertainty.drivers.nobody')).toMatch(/no driver/);
  });

  it('refuses unknown keys, so a typo does not pass silently', () => {
    expect(issues({ ...valid, horizn: 2025 }).some((i) => i.path === '(root)' && /horizn/.test(i.message))).toBe(true);
  });

  it('checks a logistic ceiling against a numeric base and wants rate or midpoint, not both', () => {
    const low = withComponent(1, { growth: { kind: 'logistic', ceiling: 4000, rate: 10 } });
    expect(issues(low).map((i) => i.path)).toContain('components[1].growth.ceiling');
    const both = withComponent(1, { growth: { kind: 'logistic', ceiling: 9000, rate: 10, midpointYear: 2024 } });
    expect(issues(both).map((i) => i.path)).toContain('components[1].growth.rate');
  });

  it('validates distributions', () => {
    const bad = {
      ...valid,
      uncertainty: {
        drivers: {
          gdp: { kind: 'triangular', min: 5, mode: 9, max: 8 },
          digitalization: { kind: 'normal', mean: 16, sd: 0 },
        },
        commonShock: { weight: 1.5 },
      },
    };
    const paths = issues(bad).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['uncertainty.drivers.gdp.mode', 'uncertainty.drivers.digitalization.sd', 'uncertainty.commonShock.weight']));
  });

  it('summarises the first issue in flat params for the wire', () => {
    try {
      parseScenario({ ...valid, horizon: 2020 });
      expect.unreachable();
    } catch (error) {
      const data = (error as EngineError).toJSON();
      expect(data).toMatchObject({ code: 'invalid_scenario', params: { path: 'horizon', count: 1 } });
      expect(JSON.stringify(data)).not.toMatch(/stack|at .*\.ts/);
    }
  });

  it('is a zod schema other modules can compose', () => {
    expect(scenarioSchema.safeParse(valid).success).toBe(true);
  });
});
