// The example in docs/ENGINE.md is meant to be copied; it must stay valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, project, resolveBases } from '../../../shared/engine';

describe('docs/ENGINE.md', () => {
  it('holds a complete example that validates and projects', () => {
    const doc = readFileSync(new URL('../../../docs/ENGINE.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(json).toBeDefined();
    const r = resolveBases(parseScenario(JSON.parse(json!)), () => undefined);
    if (!r.ok) throw r.error;
    const result = project(r.scenario);
    expect(result.targets.map((t) => t.id)).toEqual(['A1', 'A2', 'P2027']);
    // 产业数字化 grows 2.5 × 6.5% = 16.25% a year.
    expect(result.components[1]!.growth[1]).toBeCloseTo(16.25, 9);
  });
});
