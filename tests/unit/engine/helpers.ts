// Small scenarios for the engine tests, written in the JSON form users write and parsed by the schema,
// so every test also exercises the defaults the schema fills in.
import { resolvedScenarioSchema, type ResolvedScenario } from '../../../shared/engine';

type Json = Record<string, unknown>;

/** One component of 5,000 亿元 growing 26% a year for 3 years from 2020; GDP 20,000 growing 5%. */
export function scenario(overrides: Json = {}): ResolvedScenario {
  return resolvedScenarioSchema.parse({
    name: '测试',
    nameEn: 'test',
    basis: 'synthetic numbers for tests',
    baseYear: 2020,
    horizon: 2023,
    gdp: { base: 20000, growth: { kind: 'cagr', rate: 5 } },
    components: [{ id: 'de', name: '数字经济', base: 5000, growth: { kind: 'cagr', rate: 26 } }],
    targets: [{ kind: 'total', id: 'trillion', label: '万亿', year: 2023, value: 10000 }],
    ...overrides,
  });
}

/** Two components (数字产业化 1,000 at 10%, 产业数字化 3,000 at 20%) over 2020–2025, with level and share targets. */
export function twoComponents(overrides: Json = {}): ResolvedScenario {
  return resolvedScenarioSchema.parse({
    name: '两部分',
    basis: 'synthetic numbers for tests',
    baseYear: 2020,
    horizon: 2025,
    gdp: { base: 10000, growth: { kind: 'cagr', rate: 6 } },
    components: [
      { id: 'industry', name: '数字产业化', base: 1000, growth: { kind: 'cagr', rate: 10 } },
      { id: 'digitalization', name: '产业数字化', base: 3000, growth: { kind: 'cagr', rate: 20 } },
    ],
    targets: [
      { kind: 'total', id: 'level', label: '规模', year: 2025, value: 9000 },
      { kind: 'share', id: 'share', label: '占比', year: 2025, comparator: '>', value: 60 },
    ],
    ...overrides,
  });
}
