// A copy of a seeded scenario whose targets are goals of its own that no plan states: L2023 (1万亿元 by
// 2023), S2023 (40% of GDP by 2023) and S2022 (41% by 2022). They are judged on the scenario's measure,
// so goal seek solves for them. On the seeded 2020 scenarios, on the city's earlier measure, the plan
// targets and their goals (A1, A2; Plan C's 50% by 2027) are judged on CAICT's broad measure, and goal
// seek refuses them.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/backend/dispatch';
import type { WorkbenchService } from '../../electron/backend/service';
import { runCli } from './cli';

const OWN = [
  { id: 'L2023', kind: 'total', label: '2023年1万亿元', labelEn: '1 trillion yuan by 2023', year: 2023, value: 10000, comparator: '>=' },
  { id: 'S2023', kind: 'share', label: '2023年占比40%', labelEn: '40% of GDP by 2023', year: 2023, value: 40, comparator: '>=' },
  { id: 'S2022', kind: 'share', label: '2022年占比41%', labelEn: '41% of GDP by 2022', year: 2022, value: 41, comparator: '>=' },
];

function withOwnTargets(definition: { name: string }) {
  return { ...definition, name: `${definition.name}（自设目标）`, targets: OWN };
}

/** Through the API: the copy's id. */
export async function ownTargetsCopy(service: WorkbenchService, id: number): Promise<number> {
  const got = await dispatch(service, 'scenarios.get', { id });
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  const saved = await dispatch(service, 'scenarios.save', { definition: withOwnTargets((got.result as { definition: { name: string } }).definition) });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return (saved.result as { id: number }).id;
}

/** Through the CLI, in `dataDir`'s workspace: the copy's id as the CLI takes it. */
export function ownTargetsCopyCli(dataDir: string, id: number): string {
  const file = path.join(dataDir, `own-targets-${id}.json`);
  if (runCli(['scenario', 'export', String(id), '--out', file], dataDir).status !== 0) throw new Error('scenario export failed');
  fs.writeFileSync(file, JSON.stringify(withOwnTargets(JSON.parse(fs.readFileSync(file, 'utf8')))));
  const created = runCli(['scenario', 'create', '--from', file, '--json'], dataDir);
  if (created.status !== 0) throw new Error(created.stderr);
  return String((JSON.parse(created.stdout) as { id: number }).id);
}
