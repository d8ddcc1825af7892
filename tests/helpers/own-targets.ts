// A copy of a seeded scenario whose plan targets (A1, A2) become the scenario's own (L2022, S2022):
// judged on the scenario's measure, so goal seek solves for them. On the seeded 2020 scenarios, on the
// city's earlier measure, the plan targets are judged on CAICT's broad one and goal seek refuses them.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/backend/dispatch';
import type { WorkbenchService } from '../../electron/backend/service';
import { runCli } from './cli';

const OWN: Readonly<Record<string, string>> = { A1: 'L2022', A2: 'S2022' };

function withOwnTargets(definition: { name: string; targets?: Array<{ id: string }> }) {
  return { ...definition, name: `${definition.name}（自设目标）`, targets: definition.targets?.map((t) => ({ ...t, id: OWN[t.id] ?? t.id })) };
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
