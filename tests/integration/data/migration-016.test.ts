// Migration 016: the starting scenarios of an existing workspace get the English description and
// basis the seed now carries, in every saved version whose Chinese text is still exactly the seeded
// one; a text the user changed gets none, and nothing else in a definition changes.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import seed from '../../../data/seed/scenarios.json';
import { loadMigrations, openWorkspace } from '../../../electron/backend/db/workspace';
import { tempDir } from '../../helpers/temp';

type Definition = Record<string, unknown> & { description: string; basis: string; descriptionEn?: string; basisEn?: string };

/** A seeded definition as a workspace saved it before the seed had English texts. */
function chineseOnly(index: number): Definition {
  const { descriptionEn: _d, basisEn: _b, ...definition } = seed[index] as Definition;
  return definition as Definition;
}

describe('migration 016', () => {
  it('adds the English texts where the Chinese ones are the seeded ones, and only the texts', () => {
    const file = path.join(tempDir(), 'v15.sqlite');
    const old = new Database(file);
    const migrations = loadMigrations();
    expect(migrations[15]?.name).toBe('016-scenario-english-texts.sql');
    for (const m of migrations.slice(0, 15)) old.exec(m.sql);
    old.pragma('user_version = 15');
    const baseline = chineseOnly(0);
    const broad = chineseOnly(3);
    const edited = { ...broad, basis: `${broad.basis}（本人补充）`, horizon: 2030 };
    const insert = old.prepare("INSERT INTO scenario_versions (scenario_id, version, definition, saved_at, note) VALUES (?, ?, ?, '2024-01-01T00:00:00Z', '')");
    old.prepare("INSERT INTO scenarios (id, name, description, basis, created_at, updated_at) VALUES (1, '基准', '', '', '2024-01-01', '2024-01-01'), (2, '广义口径基准（2022年起）', '', '', '2024-01-01', '2024-01-01')").run();
    insert.run(1, 1, JSON.stringify(baseline));
    insert.run(2, 1, JSON.stringify(broad));
    insert.run(2, 2, JSON.stringify(edited));
    old.close();

    const ws = openWorkspace(file);
    try {
      const read = (id: number, version: number) =>
        JSON.parse(ws.db.prepare('SELECT definition FROM scenario_versions WHERE scenario_id = ? AND version = ?').pluck().get(id, version) as string) as Definition;
      expect(read(1, 1)).toEqual({ ...baseline, descriptionEn: seed[0]!.descriptionEn, basisEn: seed[0]!.basisEn });
      expect(read(2, 1)).toEqual({ ...broad, descriptionEn: seed[3]!.descriptionEn, basisEn: seed[3]!.basisEn });
      // The user's own basis stays without a translation that no longer says what it says.
      expect(read(2, 2)).toEqual({ ...edited, descriptionEn: seed[3]!.descriptionEn });
      expect(read(1, 1).basisEn).toMatch(/^Published \(with sources\): Chongqing's GDP in 2020/);
    } finally {
      ws.db.close();
    }
  });
});
