import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import type { ProjectionResult } from '../../shared/engine';
import { runCli } from '../helpers/cli';
import { tempDir, tempService } from '../helpers/temp';

async function run(id: number) {
  const { service } = tempService();
  const outcome = await dispatch(service, 'scenarios.run', { id });
  service.close();
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return (outcome.result as { projection: ProjectionResult }).projection;
}

// The seeded scenarios start from numbers; what those numbers are comes from the workspace's figures.
describe('what a scenario starts from', () => {
  it('is read through the series layer: 基准 from 2020’s “超6000亿元”, a lower bound; its GDP an exact published figure', async () => {
    const { bases } = await run(1);
    expect(bases?.total).toMatchObject({ year: 2020, value: 6000, bound: 'lower', status: 'actual', measure: 'cq-earlier', indicator: 'de_va', region: 'CQ' });
    expect(bases?.gdp).toMatchObject({ year: 2020, value: 25002.79, bound: 'exact', status: 'actual', indicator: 'gdp' });
  });

  it('marks the broad-measure scenarios’ base as derived (45.4% × 2022 GDP), not published', async () => {
    const { bases } = await run(4);
    expect(bases?.total).toMatchObject({ year: 2022, value: 13224.58, bound: 'exact', status: 'derived', measure: 'caict-broad', indicator: 'de_va' });
  });

  it('is said by scenario run and goal seek: the bound and the derived value, once', () => {
    const dataDir = tempDir();
    const earlier = runCli(['scenario', 'run', '1'], dataDir).stdout;
    // Every number in the Scenarios page's one decision per unit (shared/format/scenario-units.ts): 万亿元 to two decimals here.
    expect(earlier).toContain('基准情景的基数为2020年的下限值≥0.60万亿元。各年推算值都从这一下限起算');
    expect(earlier).toMatch(/2020\s+≥0\.60万亿元\s+2\.50万亿元\s+≥24\.0%/);
    expect(earlier.match(/下限/g)).toHaveLength(2);
    const broad = runCli(['scenario', 'run', '4'], dataDir).stdout;
    expect(broad).toMatch(/2022\s+1\.3万亿元（推算值）/);
    expect(broad).toContain('广义口径基准（2022年起）情景的基数为2022年的推算值1.3万亿元，不是公布数');
    const en = runCli(['scenario', 'run', '1', '--lang', 'en'], dataDir).stdout;
    expect(en).toContain("The baseline scenario starts from 2020's lower bound ≥0.60 trillion yuan.");
    const goal = runCli(['scenario', 'goal-seek', '4', '--target', 'C1', '--driver', 'uplift'], dataDir).stdout;
    expect(goal).toContain('（从2022年的推算值1.3万亿元起算，不是公布数）');
  });
});
