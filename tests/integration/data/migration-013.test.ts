// Migration 013: the seeded 2020 scenarios' basis text loses the internal code it ended with
// ("本情景按重庆市此前口径（measure: cq-earlier）"), in the scenario and in each saved version, and
// nothing else in a definition changes.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { tempDir } from '../../helpers/temp';

const OLD = '已公布（含来源）：……本情景按重庆市此前口径（measure: cq-earlier），目标监测不将其与按广义口径判定的目标比较。';
const NEW = '已公布（含来源）：……本情景按重庆市此前口径，目标监测不将其与按广义口径判定的目标比较。';

describe('migration 013', () => {
  it('takes the code out of the seeded basis text, keeps every other field, and leaves other texts alone', () => {
    const file = path.join(tempDir(), 'v12.sqlite');
    const old = new Database(file);
    const migrations = loadMigrations();
    expect(migrations[12]?.name).toBe('013-scenario-basis-wording.sql');
    for (const m of migrations.slice(0, 12)) old.exec(m.sql);
    old.pragma('user_version = 12');
    const scenario = old.prepare("INSERT INTO scenarios (name, basis, created_at, updated_at) VALUES (?, ?, '2025-01-01', '2025-01-01')");
    scenario.run('基准', OLD);
    scenario.run('我的情景', '我写的依据（measure: mine）');
    const definition = { name: '基准', basis: OLD, baseYear: 2020, targets: [{ id: 'A1', value: 10000 }] };
    const version = old.prepare("INSERT INTO scenario_versions (scenario_id, version, definition, saved_at) VALUES (?, ?, ?, '2025-01-01')");
    version.run(1, 1, JSON.stringify(definition));
    version.run(1, 2, JSON.stringify({ ...definition, baseYear: 2021 }));
    version.run(2, 1, JSON.stringify({ name: '我的情景', basis: '我写的依据（measure: mine）' }));
    old.close();

    const ws = openWorkspace(file);
    try {
      expect(ws.db.prepare('SELECT basis FROM scenarios ORDER BY id').pluck().all()).toEqual([NEW, '我写的依据（measure: mine）']);
      const versions = (ws.db.prepare('SELECT definition FROM scenario_versions ORDER BY id').pluck().all() as string[]).map((d) => JSON.parse(d));
      expect(versions).toEqual([
        { ...definition, basis: NEW },
        { ...definition, basis: NEW, baseYear: 2021 },
        { name: '我的情景', basis: '我写的依据（measure: mine）' },
      ]);
    } finally {
      ws.db.close();
    }
  });
});
